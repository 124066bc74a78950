"""Does a rewritten list read as its author drew it? list-indent's check before it offers
a fix: the rewritten lines are parsed again, and every item must sit under its intended
parent and every line stay in its item, with the same kind (text, code, HTML)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from awesomelint.document import Document, ListItem, parse
from awesomelint.model import Edit
from awesomelint.rules._lists import is_blank

# an item as drawn: its line, its depth, and its parent's position among the items
# checked (None at the top)
Drawn = tuple[int, int, int | None]


def owners(items: Sequence[ListItem], first: int, last: int) -> list[int]:
    """For each line first..last: position (in ``items``) of the innermost item holding
    it, or -1."""
    owner = [-1] * (last - first + 1)
    for pos, it in enumerate(items):
        for n in range(max(it.line, first), min(it.end_line, last) + 1):
            owner[n - first] = pos
    return owner


_BLOCK_REGIONS = frozenset({"fenced_code", "indent_code", "html"})


def _line_kinds(doc: Document, first: int, end: int) -> list[str]:
    """For each line first..end: what it is part of - paragraph or heading text, code,
    HTML - so that a fix cannot turn text into a code fence (or back) unnoticed."""
    kinds = [""] * (end - first + 1)
    lo, hi = doc.line_starts[first - 1], doc.line_ends[end - 1]
    for b in doc.blocks[bisect_left(doc.blocks, lo, key=lambda b: b.start) :]:
        if b.start > hi:
            break
        for tl in b.lines:
            if first <= tl.line <= end:
                kinds[tl.line - first] = b.kind
    for r in doc.regions[bisect_left(doc.regions, lo, key=lambda r: r.start) :]:
        if r.start > hi:
            break
        if r.kind in _BLOCK_REGIONS:
            for n in range(doc.line_of(r.start), min(doc.line_of(r.end), end) + 1):
                kinds[n - first] = r.kind
    return kinds


def reads_as_drawn(
    doc: Document, items: Sequence[ListItem], drawn: Sequence[Drawn], edits: Sequence[Edit]
) -> bool:
    """Whether ``items``, rewritten by ``edits``, parse with each item where ``drawn``
    puts it (line, depth, parent) and every line in the same item as before (and the next
    line after them in none)."""
    first, last = items[0].line, max(it.end_line for it in items)
    end = last + 1
    while end < doc.line_count and is_blank(doc, end):
        end += 1
    end = min(end, doc.line_count)
    parts, at = [], doc.line_starts[first - 1]
    for e in sorted(edits, key=lambda e: e.start):
        parts += [doc.text[at : e.start], e.content]
        at = e.end
    parts.append(doc.text[at : doc.line_ends[end - 1]])
    sub = parse("".join(parts))
    shift = first - 1  # snippet line + shift = document line
    new = [it for it in sorted(sub.items, key=lambda it: it.start) if it.line + shift <= last]
    if len(new) != len(drawn):
        return False
    order = {it.index: k for k, it in enumerate(new)}
    for want, it in zip(drawn, new, strict=True):
        parent = None if it.parent is None else order.get(it.parent, -1)
        if (it.line + shift, it.depth, parent) != want:
            return False
    before = zip(owners(items, first, end), _line_kinds(doc, first, end), strict=True)
    after = zip(
        owners(new, first - shift, end - shift),
        _line_kinds(sub, first - shift, end - shift),
        strict=True,
    )
    return all(
        a == b
        for n, (a, b) in enumerate(zip(before, after, strict=True), first)
        if not is_blank(doc, n)
    )
