"""Private helpers of the awesome-list rules (A004-A008, A013): entries and prose.

Entries
-------
An *entry* is a list item that presents one resource, ``- [Name](url) - Description.``:
a list item whose first paragraph starts (after optional emphasis markers) with a link.
Only list items after the table of contents are entries:

- the table of contents is the section under a heading reading ``Contents`` or ``Table of
  Contents`` (any level, any case, emoji and punctuation ignored); entries start at the next
  heading of the same or a higher level, so headings nested inside the table of contents
  (awesome-machine-learning has a ``### Frameworks and Libraries`` there) do not end it;
- without such a heading, entries start at the first H2: what precedes it is the title,
  badges and introduction; without an H2 they start at the first heading, and without
  any heading every list counts.

Items linking to an anchor of the page (``[Web](#web)``) are table-of-contents items even
outside that section (awesome-python keeps its categories under ``## Categories``), and
items whose first thing is plain text (``- CNN`` sub-headers) are not entries.

After the name link come optional *decorations* - badges, more links (awesome-rust's
``[[crate](https://crates.io/...)]``), emoji - then the separator and the description.

Prose
-----
:func:`prose` yields the lines of every paragraph and heading with everything that is not
prose blanked out (replaced by spaces, so offsets are kept): code spans, inline HTML, URLs,
link destinations and reference labels, images, the brackets of link syntax and backslash
escapes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from awesomelint.document import Block, Document, Link, ListItem
from awesomelint.rules._links import entries as item_entries

SPACES = " \t\u00a0\u2009\u202f"
# spaces, an optional dash / colon / arrow, spaces: what stands between name and description
_GAP = re.compile(
    r"[ \t\u00a0\u2009\u202f]*(->|=>|--?|[\u2010-\u2015\u2212]|:)?[ \t\u00a0\u2009\u202f]*"
)
# nothing but tags or a parenthetical: "**[Deprecated]**", "(beta)", "*(archived)*"
_ASIDE = re.compile(r"(?:[*_]*(?:\[[^\]]*\]|\([^)]*\))[*_]*[ \t]*)+")
_IMAGES_ONLY = re.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_WORDS = re.compile(r"[^\W_]+")
_CONTENTS = frozenset({"contents", "table of contents"})

SeparatorKind = Literal["ok", "malformed", "missing", "none"]


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


def url_path(url: str) -> str:
    """What follows the host of an absolute URL (all of a relative one)."""
    scheme = url.find("://")
    if scheme < 0:
        return url
    slash = url.find("/", scheme + 3)
    return "" if slash < 0 else url[slash:]


def _is_contents(title: str) -> bool:
    title = re.sub(r"<!--.*?-->", " ", title)
    return " ".join(_WORDS.findall(title)).casefold() in _CONTENTS


def entries_start(doc: Document) -> int | None:
    """Offset where entries begin (see the module docstring); None: there are none."""
    heads = doc.headings
    for i, head in enumerate(heads):
        if _is_contents(head.text):
            for later in heads[i + 1 :]:
                if later.level <= head.level:
                    return later.start
            return None
    for head in heads:
        if head.level == 2:
            return head.start
    return heads[0].start if heads else 0


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry: its item, first paragraph, name link, separator and description.

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


def link_text_end(doc: Document, link: Link) -> int:
    """Offset of the ``]`` that closes a link's text."""
    assert link.text is not None and link.text_start is not None
    text = doc.text
    if link.kind == "inline":
        k = text.rfind("](", link.text_start, link.url_start)
        return k if k >= 0 else link.text_start + len(link.text)
    if text.startswith("]", link.end - 1):  # [text][label], [text][] or [text]
        k = text.rfind("[", link.text_start, link.end - 1)
        if k > link.text_start and text[k - 1] == "]":
            return k - 1
        return link.end - 1
    return link.text_start + len(link.text)


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


def _entry(doc: Document, item: ListItem, block: Block) -> Entry | None:
    text = doc.text
    links = doc.links_between(block.start, block.end)
    if not links:
        return None
    link = links[0]
    lead = text[block.start : link.start]
    if lead.strip("*_") or link.image or link.text is None or link.kind not in (
        "inline",
        "reference",
    ):
        return None
    if link.url.startswith("#") or _IMAGES_ONLY.fullmatch(link.text):
        return None
    name = plain(link.text)
    if not name:
        return None
    pos = link.end
    if lead and text.startswith(lead[::-1], pos):
        pos += len(lead)
    by_start = {lk.start: lk for lk in links[1:]}
    pos = _skip_decorations(doc, pos, block.end, by_start)
    end = block.end
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
    return Entry(item, block, link, name, pos, q, end, kind, eol)


def entries(doc: Document) -> list[Entry]:
    """The document's entries in source order (see the module docstring): the list items
    of ``_links.entries`` (text on the marker line) that come after the Contents section."""
    start = entries_start(doc)
    if start is None:
        return []
    out = []
    for item_entry in item_entries(doc):
        if item_entry.item.start < start:
            continue
        entry = _entry(doc, item_entry.item, item_entry.block)
        if entry is not None:
            out.append(entry)
    return out


# -- prose ------------------------------------------------------------------------------


def _link_masks(doc: Document, link: Link, hide: Callable[[Link], bool] | None) -> list[
    tuple[int, int]
]:
    if link.image or link.text is None or link.text_start is None or (hide and hide(link)):
        end = link.end
        if link.kind == "bare":
            end = _bare_end(doc.text, link.start, link.end)
        return [(link.start, end)]
    return [(link.start, link.text_start), (link_text_end(doc, link), link.end)]


def _bare_end(text: str, start: int, end: int) -> int:
    """Where a reader sees a bare URL end: mistune leaves the ")" of ``x.org/a_(b)``
    outside the URL and takes the ")" of ``(see http://x.org)는`` into it."""
    depth = 0
    for k in range(start, end):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            if depth == 0:
                return k
            depth -= 1
    while depth > 0 and text.startswith(")", end):
        end += 1
        depth -= 1
    return end


def _blank(text: str, start: int, end: int, masks: Sequence[tuple[int, int]]) -> str:
    chars: list[str] | None = None
    for a, b in masks:
        if a < end and b > start:
            if chars is None:
                chars = list(text[start:end])
            for k in range(max(a, start) - start, min(b, end) - start):
                chars[k] = " "
    return text[start:end] if chars is None else "".join(chars)


def prose(
    doc: Document, hide: Callable[[Link], bool] | None = None
) -> Iterator[tuple[Block, list[tuple[int, str]]]]:
    """Each paragraph and heading with its lines as ``(offset, text)``, non-prose blanked.

    ``hide(link)`` blanks a link's text as well (spell-check hides repository names).
    """
    text = doc.text
    inline = [r for r in doc.regions if r.kind in ("codespan", "inline_html")]
    starts = [r.start for r in inline]
    for block in doc.blocks:
        masks: list[tuple[int, int]] = []
        i = bisect_left(starts, block.start)
        while i < len(inline) and inline[i].start < block.end:
            masks.append((inline[i].start, inline[i].end))
            i += 1
        for link in doc.links_between(block.start, block.end):
            masks.extend(_link_masks(doc, link, hide))
        lines = []
        for line in block.lines:
            end = doc.line_ends[line.line - 1]
            own = masks
            if "\\" in text[line.start : end]:
                escapes = _ESCAPE.finditer(text, line.start, end)
                own = masks + [(m.start(), m.end()) for m in escapes]
            lines.append((line.start, _blank(text, line.start, end, own)))
        yield block, lines
