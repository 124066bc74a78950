"""The shape of a resource entry, ``- [Name](url) - Description.``: its name link, the
decorations after it, its separator and its description."""

from __future__ import annotations

from typing import Literal

from awesomelint._regex import lazy
from awesomelint.commonmark.items import glued_bullet
from awesomelint.document import Block, Document, Link, ListItem
from awesomelint.entries.items import Item, items
from awesomelint.entries.text import SPACES, is_emoji, name_link
from awesomelint.model import Frozen

SeparatorKind = Literal["ok", "malformed", "missing", "none"]

# spaces, an optional dash / colon / arrow, spaces: what stands between name and description
_GAP = lazy(
    r"[ \t\u00a0\u2009\u202f]*(->|=>|--?|[\u2010-\u2015\u2212]|:)?[ \t\u00a0\u2009\u202f]*"
)
# nothing but tags or a parenthetical: "**[Deprecated]**", "(beta)", "*(archived)*"
_ASIDE = lazy(r"(?:[*_]*(?:\[[^\]]*\]|\([^)]*\))[*_]*[ \t]*)+")


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class Entry(Frozen):
    """A resource entry: its item, first paragraph, name link, separator and description.

    ``text[gap_start:gap_end]`` is the separator as written (``" - "`` when right; empty
    or spaces when missing); the description is ``text[gap_end:end]`` (empty when the
    entry has none). ``eol``: the separator ends its line and the description starts on
    the next one, whose line break reads as the space after the dash (``" -"`` is right).
    """

    __slots__ = (
        "item", "block", "link", "name", "gap_start", "gap_end", "end", "separator", "eol",
    )  # fmt: skip
    item: ListItem
    block: Block
    link: Link
    name: str
    gap_start: int
    gap_end: int
    end: int
    separator: SeparatorKind
    eol: bool

    def __init__(
        self,
        item: ListItem,
        block: Block,
        link: Link,
        name: str,
        gap_start: int,
        gap_end: int,
        end: int,
        separator: SeparatorKind,
        eol: bool = False,
    ) -> None:
        _set(self, "item", item)
        _set(self, "block", block)
        _set(self, "link", link)
        _set(self, "name", name)
        _set(self, "gap_start", gap_start)
        _set(self, "gap_end", gap_end)
        _set(self, "end", end)
        _set(self, "separator", separator)
        _set(self, "eol", eol)

    @property
    def has_description(self) -> bool:
        return self.separator != "none" and self.end > self.gap_end


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
    named = name_link(doc, block, it.links) if block is not None else None
    if block is None or named is None:
        return None
    link, lead, name = named
    pos = link.end
    if lead and text.startswith(lead[::-1], pos):
        pos += len(lead)
    if not text.startswith(" - ", pos):  # (no decoration: a "-" starts no link or emoji)
        links = doc.links_between(block.start, block.end)
        by_start = {lk.start: lk for lk in links if lk is not link} if len(links) > 1 else {}
        pos = _skip_decorations(doc, pos, block.end, by_start)
    end = _own_end(doc, block, pos)
    first = doc.line_ends[block.lines[0].line - 1]  # (the usual line: no bisection)
    line_end = min(first if pos <= first else doc.line_ends[doc.line_of(pos) - 1], end)
    if text.startswith(" - ", pos) and pos + 3 < line_end and text[pos + 3] not in SPACES:
        # what _GAP matches at nearly every entry, found without a match object: " - "
        # not followed by a space (the pattern would take it into the gap)
        written, mark, q = " - ", "-", pos + 3
    else:
        m = _GAP.match(text, pos, line_end)
        assert m is not None  # the pattern matches the empty string
        written, mark, q = m.group(0), m.group(1), m.end()
    while end > q and text[end - 1] in SPACES:
        end -= 1
    rest = text[q:end]
    eol = q == line_end and q < end
    # a line break after the separator renders as the space after it
    gap = written.rstrip(SPACES) + " " if eol else written
    kind: SeparatorKind
    # (_ASIDE starts with one of "*_[(")
    if not rest.strip() or (rest[0] in "*_[(" and _ASIDE.fullmatch(rest)) or rest in (".", ","):
        kind = "none"
    elif gap == " - ":
        kind = "ok"
    elif mark and not (gap == "-" and rest[0].islower()):
        kind = "malformed"
    else:
        kind = "missing"
    return Entry(it.item, block, link, name, pos, q, end, kind, eol)
