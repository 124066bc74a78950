"""The Document of an edited text, parsing only the sections that the edits touch.

The fixer applies a few edits to a long list and needs the Document of the result: a
whole parse of awesome-go costs about 40 ms, more than all the default rules. But an ATX
heading at column 0 that the parse found at the top level ends every list, paragraph and
quote before it (a code fence or HTML block still open would have swallowed it): the
parse of what follows does not depend on what came before. (Link reference definitions
are the exception: they act across the whole document, so a document with any is parsed
whole.) So the text is cut at such headings, each stretch between two of them that holds
an edit is parsed on its own, and the Document is made of the old one's parts before,
between and after those stretches, their offsets, line numbers, item, list and link
indices moved, and of the new stretches' parts, moved into place. tests/core/test_splice.py
holds the result equal to a whole parse of the new text, field by field, on random edits
of tricky documents.

Any doubt means a whole parse (``spliced`` returns None): a heading that an edit touches
is no cut; nor one that a list item, block or code/HTML region of the old Document runs
across (a parser's quirk); nor one with a block quote line since the last blank line
above it (mistune 3.4 takes the lines after a quote into it, headings too, up to a blank
line); and a new stretch must still end with its heading, nothing of it running on (an
edit may open a code fence that swallows the rest).

A stretch is parsed as any text is: by the whole-document fast path when it takes the
stretch, else by mistune. The result is exact as long as the two agree on every text the
fast path takes, which tests/core/test_fastpath.py holds them to (a fuzz of this module
found the two cases where they did not: lines of five or more spaces).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from awesomelint.document import (
    BLOCK_REGIONS,
    Block,
    Document,
    Heading,
    Link,
    ListItem,
    Region,
    TextLine,
    split_lines,
)

if TYPE_CHECKING:
    from awesomelint.model import Edit


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def spliced(
    doc: Document, text: str, edits: Sequence[Edit], parse: Callable[[str], Document]
) -> Document | None:
    """The Document of ``text`` (``doc.text`` with ``edits`` applied; their offsets are
    ``doc``'s), equal to ``parse(text)``; parses only the sections the edits touch, with
    ``parse``. None when it cannot say (see the module docstring)."""
    if not edits or doc.definitions:
        return None
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    old_starts = _Starts(doc)
    cuts = _cuts(old_starts, edits)
    if not cuts:
        return None
    starts, ends = split_lines(text)
    out = _Out(old_starts)
    old, delta, done = doc.text, 0, 0  # delta: how far old offsets >= done moved
    for a, z, grow in _stretches(cuts, edits, len(old)):
        out.keep(done, a, delta, starts)  # the unchanged part before the stretch
        lo, hi = a + delta, z + delta + grow  # the stretch in the new text
        stop = hi  # where its own parts end: at its closing heading, or at the end
        if z < len(old):  # take the closing heading's line along, to see it still is one
            line = bisect_right(starts, stop)  # (the next line's start)
            if starts[line - 1] != stop or not _no_quote_before(text, starts, line - 1):
                return None
            hi = starts[line] if line < len(starts) else len(text)
        part = _Starts(parse(text[lo:hi]))
        if part.doc.definitions or (
            z < len(old) and not _closed_at(part, stop - lo, old_starts, z)
        ):
            return None
        out.drop(a, z)
        out.add(part, stop - lo, lo, bisect_left(starts, lo) if lo else 0)
        done, delta = z, delta + grow
    out.keep(done, len(old), delta, starts)
    return out.document(text, starts, ends)


def _cuts(at: _Starts, edits: Sequence[Edit]) -> list[int]:
    """The line starts of ``doc``'s column-0 ATX headings that the text may be cut at:
    no edit touches the heading's line, nothing of ``doc`` runs across its start."""
    doc = at.doc
    text, line_starts, line_ends = doc.text, doc.line_starts, doc.line_ends
    edit_starts = [e.start for e in edits]
    cuts = []
    for h in doc.headings:
        b = line_starts[h.line - 1]
        if h.style != "atx" or h.start != b or b <= line_starts[0] or text[b] != "#":
            continue
        if not _no_quote_before(text, line_starts, h.line - 1):
            continue
        eol = line_ends[h.line - 1]
        # an edit that ends after the line's start and starts at or before its end
        # touches the line (a pure insertion at its start belongs before it); edits do
        # not overlap, so the last one starting before the line's end ends last
        k = bisect_right(edit_starts, eol)
        if k and edits[k - 1].end > b:
            continue
        if not at.runs_across(b):
            cuts.append(b)
    return cuts


def _no_quote_before(text: str, starts: Sequence[int], line: int) -> bool:
    """Whether no line from the last blank line (spaces and tabs) before the 0-based
    ``line`` up to it opens a block quote: mistune 3.4 takes the lines after a block
    quote into it, headings too, up to a blank line. (A line ``<a name="x"></a>`` right
    above a heading, as many lists write, keeps the heading a cut.)"""
    k = line - 1
    while k >= 0:
        before = text[starts[k] : starts[k + 1]]
        if not before.strip(" \t\r\n"):
            return True
        if before.lstrip(" ")[:1] == ">" and len(before) - len(before.lstrip(" ")) <= 3:
            return False
        k -= 1
    return line > 0


def _stretches(
    cuts: list[int], edits: Sequence[Edit], size: int
) -> list[tuple[int, int, int]]:
    """The stretches between cuts (or the text's ends) that hold edits, in order: their
    old ``(start, end, growth in length)``."""
    out: list[list[int]] = []
    for e in edits:
        # a pure insertion at a cut goes before the heading there
        k = bisect_right(cuts, e.start) if e.start < e.end else bisect_left(cuts, e.start)
        a = cuts[k - 1] if k else 0
        z = cuts[k] if k < len(cuts) else size
        grow = len(e.content) - (e.end - e.start)
        if out and out[-1][0] == a:
            out[-1][2] += grow
        else:
            out.append([a, z, grow])
    return [(a, z, g) for a, z, g in out]


def _closed_at(part: _Starts, at: int, old: _Starts, z: int) -> bool:
    """Whether the stretch parsed as ``part`` ends at ``at`` with the heading that stood
    at ``z`` in ``doc``, nothing of it running on."""
    heads = part.doc.headings
    i = bisect_left(part.headings, at)
    if i == len(heads) or heads[i].start != at:
        return False
    was = old.doc.headings[bisect_left(old.headings, z)]
    return (
        heads[i].level == was.level
        and heads[i].text == was.text
        and not part.runs_across(at)
    )


class _Starts:
    """Where a Document's parts start, for bisection."""

    __slots__ = ("doc", "headings", "items", "blocks", "code", "code_starts")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.headings = [h.start for h in doc.headings]
        self.items = [it.start for it in doc.items]
        self.blocks = [b.start for b in doc.blocks]
        self.code = [r for r in doc.regions if r.kind in BLOCK_REGIONS]
        self.code_starts = [r.start for r in self.code]

    def runs_across(self, b: int) -> bool:
        """Whether a list item, a block or a code or HTML block starts before ``b`` and
        ends after it. (Items nest: the last one before ``b`` and its ancestors; blocks
        and block regions do not: the last one.)"""
        items = self.doc.items
        i = bisect_left(self.items, b) - 1
        while i >= 0:
            if items[i].end > b:
                return True
            parent = items[i].parent
            i = -1 if parent is None else parent
        i = bisect_left(self.blocks, b)
        if i and self.doc.blocks[i - 1].end > b:
            return True
        i = bisect_left(self.code_starts, b)
        return i > 0 and self.code[i - 1].end > b

    def between(self, a: int, z: int) -> _Slices:
        doc = self.doc
        return _Slices(
            _cut(doc.headings, self.headings, a, z),
            _cut(doc.items, self.items, a, z),
            doc.links_between(a, z),
            _cut(doc.blocks, self.blocks, a, z),
            _cut(doc.regions, doc._region_starts, a, z),
        )


def _cut(parts: Sequence[S], starts: Sequence[int], a: int, z: int) -> Sequence[S]:
    """The ``parts`` (in source order, starting at ``starts``) that start in ``[a, z)``."""
    return parts[bisect_left(starts, a) : bisect_left(starts, z)]


class _Slices:
    """A Document's parts that start in one stretch of its text."""

    __slots__ = ("headings", "items", "links", "blocks", "regions")

    def __init__(
        self,
        headings: Sequence[Heading],
        items: Sequence[ListItem],
        links: Sequence[Link],
        blocks: Sequence[Block],
        regions: Sequence[Region],
    ) -> None:
        self.headings, self.items, self.links = headings, items, links
        self.blocks, self.regions = blocks, regions


class _Out:
    """The new Document's parts, gathered in source order, with the counts that move the
    indices of what follows."""

    def __init__(self, old: _Starts) -> None:
        self.old = old
        self.headings: list[Heading] = []
        self.items: list[ListItem] = []
        self.links: list[Link] = []
        self.blocks: list[Block] = []
        self.regions: list[Region] = []
        self.old_items = 0  # old items, links gone by (kept or dropped)
        self.old_links = 0
        self.old_lists = 0  # the highest list id of those old items
        self.new_lists = 0  # and of the new ones

    def keep(self, a: int, z: int, delta: int, starts: tuple[int, ...]) -> None:
        """The old parts that start in ``[a, z)``, unchanged text ``delta`` further on."""
        line0 = bisect_left(self.old.doc.line_starts, a)
        lines = (bisect_left(starts, a + delta) - line0) if a else 0
        got = self.old.between(a, z)
        di, dl = len(self.items) - self.old_items, self.new_lists - self.old_lists
        self.items += _moved_items(got.items, delta, lines, di, dl)
        if got.items:
            self.old_lists = max(self.old_lists, max(it.list_id for it in got.items))
            self.new_lists = self.old_lists + dl
        self.old_items += len(got.items)
        self.links += _moved_links(got.links, delta, len(self.links) - self.old_links)
        self.old_links += len(got.links)
        self._rest(got, delta, lines)

    def drop(self, a: int, z: int) -> None:
        """The old parts in ``[a, z)``: replaced by a new stretch's."""
        got = self.old.between(a, z)
        if got.items:
            self.old_lists = max(self.old_lists, max(it.list_id for it in got.items))
        self.old_items += len(got.items)
        self.old_links += len(got.links)

    def add(self, part: _Starts, stop: int, at: int, lines: int) -> None:
        """``part``'s parts that start before ``stop``, its offset 0 at ``at``, its line 1
        at the new text's line ``lines + 1``."""
        got = part.between(0, stop)
        self.items += _moved_items(got.items, at, lines, len(self.items), self.new_lists)
        if got.items:
            self.new_lists += max(it.list_id for it in got.items)
        self.links += _moved_links(got.links, at, len(self.links))
        self._rest(got, at, lines)

    def _rest(self, got: _Slices, d: int, lines: int) -> None:
        self.headings += [
            Heading(h.level, h.style, h.start + d, h.end + d, h.text, h.text_start + d,
                    h.line + lines)
            for h in got.headings
        ]
        self.blocks += _moved_blocks(got.blocks, d, lines)
        self.regions += [Region(r.kind, r.start + d, r.end + d) for r in got.regions]

    def document(self, text: str, starts: tuple[int, ...], ends: tuple[int, ...]) -> Document:
        return Document(
            text, starts, ends, tuple(self.headings), tuple(self.items), tuple(self.links),
            tuple(self.blocks), (), tuple(self.regions),
            tuple([r.start for r in self.regions]), tuple([lk.start for lk in self.links]),
        )  # fmt: skip


def _moved_items(
    items: Sequence[ListItem], d: int, lines: int, di: int, dl: int
) -> Sequence[ListItem]:
    if not (d or lines or di or dl):
        return items
    return [
        ListItem(
            it.index + di, it.marker, it.start + d, it.end + d, it.line + lines,
            it.end_line + lines, it.depth, it.list_id + dl,
            None if it.parent is None else it.parent + di,
            tuple([c + di for c in it.children]) if di and it.children else it.children,
        )
        for it in items
    ]


def _moved_links(links: Sequence[Link], d: int, di: int) -> Sequence[Link]:
    if not (d or di):
        return links
    return [
        Link(
            lk.kind, lk.image, lk.start + d, lk.end + d, lk.text,
            None if lk.text_start is None else lk.text_start + d, lk.url, lk.url_start + d,
            lk.url_end + d, lk.label, None if lk.parent is None else lk.parent + di,
        )
        for lk in links
    ]


def _moved_blocks(blocks: Sequence[Block], d: int, lines: int) -> Sequence[Block]:
    if not (d or lines):
        return blocks
    return [
        Block(
            b.kind, b.start + d, b.end + d,
            tuple([TextLine(tl.line + lines, tl.start + d, tl.text) for tl in b.lines]),
        )
        for b in blocks
    ]
