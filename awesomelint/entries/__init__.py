"""The list items of a document and what each one is: the one model of entries.

Every rule that looks at list items or entries, and the fixer's loss audit, read
:func:`items.items` (computed once per Document), so they agree on what an entry is.
The modules, bottom up:

``text``   what an entry's text is made of: the spaces it may hold, emoji, a link's plain
           text, the named link an entry leads with;
``items``  every list item with its role (entry, table of contents, introduction, other)
           and which items CommonMark sees at all;
``shape``  an entry's shape: name link, decorations, separator, description;
``keys``   URL-shaped text, and the key by which the fixer's audit knows each item.

Items
-----
For each list item (:class:`Item`, in ``Document.items`` order): the paragraph on its
marker line (owned by the innermost item on that line; None when the item's text does not
start there), that paragraph's top-level links (not an image inside a link), and its
*role* (below). Whether CommonMark - and so GitHub - sees a non-empty list item there
(``items.seen_by_commonmark``, see ``commonmark/items.py``) and the entry's shape
(``shape.entries``) are computed when first asked for, from the same items: the default
rules need neither.

Roles:

- ``"toc"``: the table of contents - the lists of in-page links, wherever they are (under
  ``## Contents``, ``## Table of Contents``, ``## Categories``, a section's own list of its
  sub-sections, or with no heading at all). A list is one when more of its items lead
  with an in-page link (``[Web](#web)``, its first link) than with a resource link; as
  many of each will do right under a Contents heading. A list with neither (plain-text
  sub-items) is what the list of its parent item is. Every item of such a list is a ToC
  item, a stray ``[Website](https://...)`` or ``- Soon`` included: awesome-toc checks them.
- ``"intro"``: the title, badges and introduction: what comes before the first H2;
  without an H2 before the first heading; without any heading there is none.
- ``"entry"``: a resource entry, ``- [Name](url) - Description.``: its first thing (after
  optional emphasis markers) is a named link to a resource (not an ``#anchor``, not only
  images); :class:`Entry` holds its shape. Entries are found wherever they are: in the
  sections nested under a Contents heading (``## Contents``, then ``### Tools``) too.
- ``"other"``: anything else: ``- CNN`` sub-headers, ``- Text [link](url)``, bare URLs
  (missing-title's business), a ``[back to top](#contents)`` item in a list of entries.

Entry shape
-----------
After the name link come optional *decorations* - badges, more links (awesome-rust's
``[[crate](https://crates.io/...)]``), emoji - then the separator and the description.
The description ends with the paragraph, or before a line of it that is a glued bullet
(``-[x](y) - Desc.`` continuing the entry lazily: the next entry, which lost its space;
``commonmark.glued_bullet``, as list-marker-space reports it).

Audit keys
----------
:func:`keys.audit_keys` names each item CommonMark sees by the first URL-shaped text on
its first line (``keys.urlish``, as the fixer's URL inventory reads it), else its first
link's target: the fixer refuses a fix after which an item so named is gone. They are
computed only when asked for (by the fixer): ``check`` never scans the text for URLs.
"""

