"""The list items of a document and what each one is: the one model of entries.

Every rule that looks at list items or entries, and the fixer's loss audit, read
:func:`items` (computed once per Document), so they agree on what an entry is.

Items
-----
For each list item (:class:`Item`, in ``Document.items`` order): the paragraph on its
marker line (owned by the innermost item on that line; None when the item's text does not
start there), that paragraph's top-level links (not an image inside a link), and its
*role* (below). Whether CommonMark - and so GitHub - sees a non-empty list item there
(:func:`seen_by_commonmark`, see ``commonmark/items.py``) and the entry's shape
(:func:`entries`) are computed when first asked for, from the same items: the default
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
:func:`audit_keys` names each item CommonMark sees by the first URL-shaped text on its
first line (:func:`urlish`, as the fixer's URL inventory reads it), else its first link's
target: the fixer refuses a fix after which an item so named is gone. They are computed
only when asked for (by the fixer): ``check`` never scans the text for URLs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Literal

from awesomelint.commonmark.items import cannot_interrupt, glued_bullet, starts_empty
from awesomelint.document import Block, Document, Link, ListItem

Role = Literal["entry", "intro", "toc", "other"]
Lead = Literal["anchor", "resource"] | None
SeparatorKind = Literal["ok", "malformed", "missing", "none"]

SPACES = " \t\u00a0\u2009\u202f"
# spaces, an optional dash / colon / arrow, spaces: what stands between name and description
_GAP = re.compile(
    r"[ \t\u00a0\u2009\u202f]*(->|=>|--?|[\u2010-\u2015\u2212]|:)?[ \t\u00a0\u2009\u202f]*"
)
# nothing but tags or a parenthetical: "**[Deprecated]**", "(beta)", "*(archived)*"
_ASIDE = re.compile(r"(?:[*_]*(?:\[[^\]]*\]|\([^)]*\))[*_]*[ \t]*)+")
_IMAGES_ONLY = re.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+")
_WORDS = re.compile(r"[^\W_]+")
_CONTENTS = frozenset({"contents", "table of contents"})

_TRAILING = ".,:;!?*_~'\""
_PARENS = re.compile(r"[()]")


@dataclass(frozen=True, slots=True)
class Entry:
    """A resource entry: its item, first paragraph, name link, separator and description.

    ``text[gap_start:gap_end]`` is the separator as written (``" - "`` when right; empty
    or spaces when missing); the description is ``text[gap_end:end]`` (empty when the
    entry has none). ``eol``: the separator ends its line and the description starts on
    the next one, whose line break reads as the space after the dash (``" -"`` is right).
    """

    item: ListItem
    block: Block
    link: Link
    name: str
    gap_start: int
    gap_end: int
    end: int
    separator: SeparatorKind
    eol: bool = False

    @property
    def has_description(self) -> bool:
        return self.separator != "none" and self.end > self.gap_end


@dataclass(frozen=True, slots=True)
class Item:
    """One list item and what it is (see the module docstring)."""

    item: ListItem
    block: Block | None  # the paragraph on its marker line, if it owns one
    links: tuple[int, ...]  # indices into doc.links of that paragraph's top-level links
    own_end: int  # end of its own text: its first child's start, else its end
    role: Role


def items(doc: Document) -> tuple[Item, ...]:
    """Every list item of ``doc``, in ``doc.items`` order, with its role. Computed once
    per Document."""
    return doc.memo("entries.items", _items)


def entries(doc: Document) -> tuple[Entry, ...]:
    """The shapes of the resource entries (role ``"entry"``) of ``doc``, in source order.
    Computed once per Document, when a rule asks (the default rules do not)."""
    return doc.memo("entries.entries", _entries)


def _entries(doc: Document) -> tuple[Entry, ...]:
    out = []
    for it in items(doc):
        if it.role == "entry":
            shape = _shape(doc, it)
            assert shape is not None  # its role says it leads with a named link
            out.append(shape)
    return tuple(out)


def is_emoji(ch: str) -> bool:
    """Whether ``ch`` is (part of) an emoji: pictographs, symbols, joiners, selectors."""
    o = ord(ch)
    return (
        o >= 0x1F000
        or 0x2600 <= o <= 0x27BF
        or 0x2300 <= o <= 0x23FF
        or 0x2B00 <= o <= 0x2BFF
        or o in (0x200D, 0xFE0F, 0x20E3, 0x00A9, 0x00AE, 0x2122, 0x2139, 0x3030)
    )


def plain(text: str) -> str:
    """Link text without surrounding emphasis or code markers and with single spaces."""
    text = " ".join(text.replace("`", "").split())
    return text.strip("*_~ ")


# -- the model ---------------------------------------------------------------------------


def _items(doc: Document) -> tuple[Item, ...]:
    blocks = _marker_blocks(doc)
    links = _block_links(doc, set(blocks.values()))
    leads: list[Lead] = []
    for it in doc.items:
        bi = blocks.get(it.index)
        leads.append(_lead(doc, doc.blocks[bi], links.get(bi, ())) if bi is not None else None)
    toc = _toc_lists(doc, leads)
    intro_end = _intro_end(doc)
    out = []
    for it in doc.items:
        bi = blocks.get(it.index)
        role: Role
        if it.list_id in toc:
            role = "toc"
        elif it.start < intro_end:
            role = "intro"
        elif leads[it.index] == "resource":
            role = "entry"
        else:
            role = "other"
        out.append(
            Item(
                it,
                doc.blocks[bi] if bi is not None else None,
                links.get(bi, ()) if bi is not None else (),
                doc.items[it.children[0]].start if it.children else it.end,
                role,
            )
        )
    return tuple(out)


def _lead(doc: Document, block: Block, links: tuple[int, ...]) -> Lead:
    """What an item's paragraph leads with: an in-page link (its first link, wherever it
    is: ``- 🎵 [Audio](#audio)``), a named link to a resource (its first thing), or
    neither."""
    for li in links:
        link = doc.links[li]
        if not link.image:
            if link.url.startswith("#"):
                return "anchor"
            break
    return "resource" if _name_link(doc, block, links) is not None else None


def _toc_lists(doc: Document, leads: list[Lead]) -> set[int]:
    """The ``list_id`` of every list that is (part of) a table of contents: more of its
    items lead with an in-page link than with a resource link (as many of each: right
    under a Contents heading); a list with neither (plain-text sub-items) is what its
    parent's list is."""
    votes: dict[int, int] = {}  # list_id -> anchor-led items minus resource-led ones
    led: set[int] = set()  # lists with an item led by a link of either kind
    for it in doc.items:
        lead = leads[it.index]
        vote = 1 if lead == "anchor" else -1 if lead == "resource" else 0
        votes[it.list_id] = votes.get(it.list_id, 0) + vote
        if vote:
            led.add(it.list_id)
    sections = _contents_sections(doc)
    toc: set[int] = set()
    decided: set[int] = set()
    for it in doc.items:  # parents come first: a list's parent item is decided before it
        lid = it.list_id
        if lid in decided:
            continue
        decided.add(lid)
        if lid not in led:
            parent = doc.items[it.parent] if it.parent is not None else None
            if parent is not None and parent.list_id in toc:
                toc.add(lid)
        elif votes[lid] > 0 or (votes[lid] == 0 and _inside(sections, it.start)):
            toc.add(lid)
    return toc


def _intro_end(doc: Document) -> int:
    """Where the title, badges and introduction end: at the first H2; without one at the
    first heading; without headings there is no introduction."""
    heads = doc.headings
    first_h2 = next((h.start for h in heads if h.level == 2), None)
    if first_h2 is not None:
        return first_h2
    return heads[0].start if heads else 0


def _is_contents(title: str) -> bool:
    title = re.sub(r"<!--.*?-->", " ", title)
    return " ".join(_WORDS.findall(title)).casefold() in _CONTENTS


def _contents_sections(doc: Document) -> list[tuple[int, int]]:
    """What lies right under a Contents or Table of Contents heading, up to the next
    heading of any level (sections nested in it, as in ``## Contents`` + ``### Tools``,
    hold entries), as ranges in source order."""
    heads = doc.headings
    return [
        (head.end, heads[i + 1].start if i + 1 < len(heads) else len(doc.text))
        for i, head in enumerate(heads)
        if _is_contents(head.text)
    ]


def _inside(sections: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(sections, offset, key=lambda r: r[0]) - 1
    return i >= 0 and sections[i][0] <= offset < sections[i][1]


def _marker_blocks(doc: Document) -> dict[int, int]:
    """Item index -> index of the paragraph on its marker line, for the innermost item
    on that line (parents come before their children in ``doc.items``)."""
    by_line: dict[int, int] = {}
    for bi, block in enumerate(doc.blocks):
        if block.kind == "paragraph" and block.lines:
            by_line.setdefault(block.lines[0].line, bi)
    owner: dict[int, int] = {}
    for item in doc.items:
        found = by_line.get(item.line)
        if found is not None and item.start < doc.blocks[found].start <= item.end:
            owner[found] = item.index
    return {ii: bi for bi, ii in owner.items()}


def _block_links(doc: Document, wanted: set[int]) -> dict[int, tuple[int, ...]]:
    """Block index -> its top-level links, for the ``wanted`` blocks."""
    starts = [b.start for b in doc.blocks]
    per_block: dict[int, list[int]] = {}
    for li, link in enumerate(doc.links):
        if link.parent is not None:
            continue
        bi = bisect_right(starts, link.start) - 1
        if bi in wanted and link.start <= doc.blocks[bi].end:
            per_block.setdefault(bi, []).append(li)
    return {bi: tuple(lis) for bi, lis in per_block.items()}


def seen_by_commonmark(doc: Document) -> frozenset[int]:
    """Indices of the items CommonMark (and so GitHub) sees as non-empty list items: not
    a paragraph's continuation line (an item that cannot interrupt it), not an empty
    bullet. Computed once per Document, when asked (the fixer's audit)."""
    return doc.memo("entries.seen_by_commonmark", _commonmark)


def _commonmark(doc: Document) -> frozenset[int]:
    out = set()
    items = doc.items
    lists: set[int] = set()
    lazy_lists: set[int] = set()  # lists whose items so far are paragraph lines
    # line -> where its paragraph's first line's text starts (the container's content
    # column: a lazy line's own text may start further left)
    paragraph_lines: dict[int, int] | None = None
    for it in items:
        first_of_list = it.list_id not in lists
        lists.add(it.list_id)
        if first_of_list or it.list_id in lazy_lists:
            if paragraph_lines is None:
                paragraph_lines = {
                    ln.line: b.lines[0].start
                    for b in doc.blocks
                    if b.kind == "paragraph"
                    for ln in b.lines
                }
            above = paragraph_lines.get(it.line - 1)
            if above is not None and cannot_interrupt(doc, it, above):
                lazy_lists.add(it.list_id)
                continue  # not an item to CommonMark (and GitHub): a paragraph's line
        lazy_lists.discard(it.list_id)
        own_end = items[it.children[0]].start if it.children else it.end
        if not doc.text[it.start + len(it.marker) : own_end].strip() or starts_empty(doc, it):
            continue  # an empty bullet is no entry (a setext underline once a fix ends
            # the paragraph above it: "-" after "Text" is a heading's underline)
        out.add(it.index)
    return frozenset(out)


# -- the shape of an entry ---------------------------------------------------------------


def _skip_decorations(doc: Document, pos: int, end: int, by_start: dict[int, Link]) -> int:
    """Move past badges, extra links (``[[crate](url)]``) and emoji after the name."""
    text = doc.text
    while True:
        q = pos
        while q < end and text[q] in SPACES:
            q += 1
        if q >= end:
            return pos
        link = by_start.get(q)
        if link is not None:
            pos = link.end
            continue
        inner = by_start.get(q + 1) if text[q] == "[" else None
        if inner is not None and text.startswith("]", inner.end):
            pos = inner.end + 1
            continue
        if is_emoji(text[q]):
            while q < end and is_emoji(text[q]):
                q += 1
            pos = q
            continue
        return pos


def _name_link(
    doc: Document, block: Block, links: tuple[int, ...]
) -> tuple[Link, str, str] | None:
    """(link, emphasis markers before it, name) when the paragraph's first thing (after
    emphasis markers) is a named link to a resource: inline or reference-style, not an
    image, not an ``#anchor``, not only images (a badge)."""
    if not links:
        return None
    link = doc.links[links[0]]
    lead = doc.text[block.start : link.start] if link.start > block.start else ""
    if lead.strip("*_") or link.image or link.text is None or link.kind not in (
        "inline",
        "reference",
    ):
        return None
    if link.url.startswith("#") or ("![" in link.text and _IMAGES_ONLY.fullmatch(link.text)):
        return None
    name = plain(link.text)
    return (link, lead, name) if name else None


def _own_end(doc: Document, block: Block, pos: int) -> int:
    """Where the entry's text ends: its paragraph's end, or the end of the line before a
    later line that is a glued bullet (``-[x](y) - Desc.`` continuing the paragraph
    lazily is the next entry, not this one's description; list-marker-space reports it)."""
    for tl in block.lines[1:]:
        if tl.start > pos and glued_bullet(doc, tl, True) is not None:
            return min(block.end, doc.line_ends[tl.line - 2])
    return block.end


def _shape(doc: Document, it: Item) -> Entry | None:
    """The entry shape of an item whose first thing is a named link to a resource."""
    text, block = doc.text, it.block
    named = _name_link(doc, block, it.links) if block is not None else None
    if block is None or named is None:
        return None
    link, lead, name = named
    links = doc.links_between(block.start, block.end)
    pos = link.end
    if lead and text.startswith(lead[::-1], pos):
        pos += len(lead)
    by_start = {lk.start: lk for lk in links if lk is not link}
    pos = _skip_decorations(doc, pos, block.end, by_start)
    end = _own_end(doc, block, pos)
    line_end = min(doc.line_ends[doc.line_of(pos) - 1], end)
    m = _GAP.match(text, pos, line_end)
    assert m is not None  # the pattern matches the empty string
    q = m.end()
    while end > q and text[end - 1] in SPACES:
        end -= 1
    rest = text[q:end]
    eol = q == line_end and q < end
    # a line break after the separator renders as the space after it
    gap = m.group(0).rstrip(SPACES) + " " if eol else m.group(0)
    kind: SeparatorKind
    if not rest.strip() or _ASIDE.fullmatch(rest) or rest in (".", ","):
        kind = "none"
    elif gap == " - ":
        kind = "ok"
    elif m.group(1) and not (gap == "-" and rest[0].islower()):
        kind = "malformed"
    else:
        kind = "missing"
    return Entry(it.item, block, link, name, pos, q, end, kind, eol)


# -- audit keys ----------------------------------------------------------------------------


@cache
def _urlish_raw() -> re.Pattern[str]:
    """URL-shaped text: the fixer counts its words as one URL, so `[https://x](https://x)`
    -> `[X](https://x)` loses no word while the URL stays. (Compiled when first needed:
    ``check`` never needs it.)"""
    return re.compile(
        # a scheme is tried only where a run of scheme characters starts (its leading
        # digits, dots, dashes and pluses skipped): trying it at every letter of a long
        # word made a 5 MB line without spaces take hours (quadratic)
        r"(?<![A-Za-z0-9+.-])[0-9+.-]*+(?P<url>[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\[\]\"'`]*)"
        r"|(?P<www>\bwww\.[^\s<>\[\]\"'`]*)"
    )


def urlish(text: str) -> list[tuple[int, str]]:
    """URL-shaped text with its offset. A URL ends before a ``)`` that closes nothing (the
    end of a Markdown link) and, like GFM autolinks, before trailing punctuation."""
    out = []
    pos = 0
    pattern = _urlish_raw()
    while (m := pattern.search(text, pos)) is not None:
        group = "url" if m.group("url") is not None else "www"
        url = m.group(group)
        pos = m.end()
        if ")" in url:
            depth = 0
            for p in _PARENS.finditer(url):
                if p.group() == "(":
                    depth += 1
                elif depth == 0:
                    url = url[: p.start()]
                    # what follows the ')' is scanned again: `[](http://a)-b://c` holds
                    # two URL-shaped runs, as `[](http://a) - b://c` does
                    pos = m.start(group) + p.start()
                    break
                else:
                    depth -= 1
        url = url.rstrip(_TRAILING)
        if "(" in url and url.count("(") > url.count(")"):  # an opening one never closed
            cut = url.rfind("(")
            if cut > url.find("://") + 3:
                url = url[:cut]
        if url:
            out.append((m.start(group), url))
    return out


def url_texts(doc: Document) -> list[tuple[int, str]]:
    """:func:`urlish` of the whole document, computed once per Document."""
    return doc.memo("entries.url_texts", lambda d: urlish(d.text))


def audit_keys(doc: Document) -> tuple[tuple[Item, str], ...]:
    """The items CommonMark sees (non-empty), in source order, each with its audit key:
    the first URL-shaped text on its first line (as the fixer's URL inventory reads it: a
    safe fix may turn `[a]url` into `[a](url)`, never change the URL), else the target of
    its first link there (a relative one), else "". The key comes from the first line: how
    far a paragraph's lazy lines reach (a fix that makes `#Title` a heading ends it) is no
    entry's identity. Own texts (an item's children excluded) never overlap."""
    return doc.memo("entries.audit_keys", _audit_keys)


def _audit_keys(doc: Document) -> tuple[tuple[Item, str], ...]:
    found = url_texts(doc)
    starts = [start for start, _ in found]
    seen = seen_by_commonmark(doc)
    out = []
    for entry in items(doc):
        if entry.item.index not in seen:
            continue
        it = entry.item
        first_line_end = min(entry.own_end, doc.line_ends[it.line - 1])
        i = bisect_left(starts, it.start)
        if i < len(found) and found[i][0] < first_line_end:
            first = found[i][1]
        else:
            links = doc.links_between(it.start, first_line_end)
            first = next((lk.url for lk in links if lk.parent is None), "")
        out.append((entry, first))
    return tuple(out)
