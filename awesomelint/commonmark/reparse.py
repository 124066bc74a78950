"""Does a rewritten list read as its author drew it? The check list-indent and
list-marker-space make before they offer a fix: the rewritten lines are parsed again, and
every item must sit under its intended parent and every line stay in its item, with the
same kind (text, code, HTML)."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Container, Sequence
from itertools import pairwise

from awesomelint._regex import lazy
from awesomelint.commonmark.lines import is_blank, quotes
from awesomelint.document import BLOCK_REGIONS, Document, ListItem
from awesomelint.markdown import parse
from awesomelint.model import Edit

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




def line_kinds(doc: Document, first: int, end: int) -> list[str]:
    """For each line first..end: what it is part of - paragraph or heading text, code,
    HTML - so that a fix cannot turn text into a code fence (or back) unnoticed."""
    kinds = [""] * (end - first + 1)
    lo, hi = doc.line_starts[first - 1], doc.line_ends[end - 1]
    # (by index from the first one at lo: a slice to the end would copy the rest of a
    # long document's blocks for each small span asked about)
    blocks, regions = doc.blocks, doc.regions
    for k in range(bisect_left(blocks, lo, key=lambda b: b.start), len(blocks)):
        b = blocks[k]
        if b.start > hi:
            break
        for tl in b.lines:
            if first <= tl.line <= end:
                kinds[tl.line - first] = b.kind
    for k in range(bisect_left(regions, lo, key=lambda r: r.start), len(regions)):
        r = regions[k]
        if r.start > hi:
            break
        if r.kind in BLOCK_REGIONS:
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
    sub = snippet(doc, first, end, edits)
    shift = first - 1  # snippet line + shift = document line
    new = [it for it in sorted(sub.items, key=lambda it: it.start) if it.line + shift <= last]
    if len(new) != len(drawn):
        return False
    order = {it.index: k for k, it in enumerate(new)}
    for want, it in zip(drawn, new, strict=True):
        parent = None if it.parent is None else order.get(it.parent, -1)
        if (it.line + shift, it.depth, parent) != want:
            return False
    before = zip(owners(items, first, end), line_kinds(doc, first, end), strict=True)
    after = zip(
        owners(new, first - shift, end - shift),
        line_kinds(sub, first - shift, end - shift),
        strict=True,
    )
    return all(
        a == b
        for n, (a, b) in enumerate(zip(before, after, strict=True), first)
        if not is_blank(doc, n)
    )


def snippet(doc: Document, first: int, end: int, edits: Sequence[Edit]) -> Document:
    """Lines ``first``..``end`` of ``doc``, rewritten by ``edits`` (all inside them),
    parsed on their own: line ``n`` of the document is line ``n - first + 1`` there."""
    parts, at = [], doc.line_starts[first - 1]
    for e in sorted(edits, key=lambda e: e.start):
        parts += [doc.text[at : e.start], e.content]
        at = e.end
    parts.append(doc.text[at : doc.line_ends[end - 1]])
    return parse("".join(parts))


_OPENS_ITEM = lazy(r"(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")


def is_fresh(doc: Document, line: int, changed: Container[int] = ()) -> bool:
    """Whether nothing before ``line`` can change how it and the lines after it parse:
    the first line, or one at column 0 right after a blank line that is no list item (it
    would join the list before it), no quote, and not inside code or HTML - every list
    item, quote and paragraph before it is closed. ``changed`` lines (to be rewritten)
    never count."""
    if line == 1:
        return True
    if line in changed or is_blank(doc, line) or not is_blank(doc, line - 1):
        return False
    text = doc.line_text(line)
    if text[0] in " \t>" or _OPENS_ITEM.match(text):
        return False
    return not doc.in_region(doc.line_starts[line - 1], BLOCK_REGIONS)



# an item by where its marker stands: (line, column in characters) - the same before and
# after a rewrite that only inserts text after the markers of new items
Key = tuple[int, int]


def _shape(
    doc: Document, first: int, end: int, shift: int
) -> tuple[dict[Key, tuple[Key | None, int, ListItem]], list[Key | None]]:
    """The items of lines first..end (document lines; ``shift`` maps ``doc``'s lines to
    them) by key, each with its parent's key and its list; and for each line the key of
    the innermost item holding it, or None."""
    order, lines = doc.memo("reparse.items_by_line", _items_by_line)
    # (bisection over the items by line: a scan of every item per call made a long list
    # with many glued bullets quadratic)
    held_items = order[bisect_left(lines, first - shift) : bisect_right(lines, end - shift)]
    items = sorted((doc.items[i] for i in held_items), key=lambda it: it.start)
    key = {it.index: (it.line + shift, it.start - doc.line_starts[it.line - 1]) for it in items}
    shape: dict[Key, tuple[Key | None, int, ListItem]] = {}
    held: list[Key | None] = [None] * (end - first + 1)
    for it in items:  # parents come before their children: the innermost one wins
        k = key[it.index]
        shape[k] = (None if it.parent is None else key.get(it.parent, (0, 0)), it.list_id, it)
        for n in range(it.line + shift, min(it.end_line + shift, end) + 1):
            held[n - first] = k
    return shape, held


def _items_by_line(doc: Document) -> tuple[Sequence[int], Sequence[int]]:
    """The indices of the document's items ordered by their first line (stably), and
    those lines (compact arrays: a big list has a hundred thousand items)."""
    items = doc.items
    lines = array("q", [it.line for it in items])
    if all(a <= b for a, b in pairwise(lines)):  # source order: the usual case
        return range(len(items)), lines
    order = sorted(range(len(items)), key=lines.__getitem__)
    return order, array("q", [lines[i] for i in order])


def adds_items(
    doc: Document, first: int, end: int, new: Collection[Key], edits: Sequence[Edit]
) -> bool:
    """Whether lines ``first``..``end`` (``first`` fresh, see :func:`is_fresh`), rewritten
    by ``edits``, parse as before plus the list items ``new`` (line, marker column), each
    in the list of the items right before and after it (see :func:`_joins_neighbours`).
    Only the items that held a new item's line may lose to it what follows that line:
    their later lines and child items. No list splits, and every line keeps its kind
    (text, heading, code, HTML)."""
    sub = snippet(doc, first, end, edits)
    before, held_before = _shape(doc, first, end, 0)
    after, held_after = _shape(sub, first, end, first - 1)
    if after.keys() != before.keys() | set(new) or len(after) != len(before) + len(new):
        return False
    # the items that held each new item's line, innermost first
    holders: dict[Key, list[Key | None]] = {}
    for k in new:
        chain = [held_before[k[0] - first]]
        while chain[-1] is not None:
            chain.append(before[chain[-1]][0])
        holders[k] = chain

    def kept(was: Key | None, now: Key | None, line: int) -> bool:
        """Unchanged, or moved from an item that held a new item's line into it."""
        return was == now or (now in holders and now[0] < line and was in holders[now])

    lists: dict[int, int] = {}  # list before -> list after: no list may split
    for k, (parent, list_id, _) in before.items():
        if not kept(parent, after[k][0], k[0]):
            return False
        if parent == after[k][0] and lists.setdefault(list_id, after[k][1]) != after[k][1]:
            return False  # (items that moved into a new item leave their list, of course)
    if not all(_joins_neighbours(sub, after, new, k) for k in new):
        return False
    kinds = zip(line_kinds(doc, first, end), line_kinds(sub, 1, end - first + 1), strict=True)
    lines = {k[0] for k in new}
    for n, (k0, k1), w0, w1 in zip(
        range(first, end + 1), kinds, held_before, held_after, strict=True
    ):
        if not is_blank(doc, n) and (k0 != k1 or (n not in lines and not kept(w0, w1, n))):
            return False
    return True


def _joins_neighbours(
    sub: Document, after: dict[Key, tuple[Key | None, int, ListItem]], new: Collection[Key], k: Key
) -> bool:
    """Whether the new item ``k`` shares its list with the items right before and after it
    (blank lines apart at most) under the same parent and in the same block quote: with
    every such new item, and with one such item from before if there is one."""
    parent, list_id, it = after[k]
    depth = quotes(sub, it.start)
    peers = sorted(
        (j for j, (p, _, x) in after.items() if p == parent and quotes(sub, x.start) == depth),
        key=lambda j: after[j][2].start,
    )
    pos = peers.index(k)
    touching = []
    if pos and all(is_blank(sub, n) for n in range(after[peers[pos - 1]][2].end_line + 1, it.line)):
        touching.append(peers[pos - 1])
    if pos + 1 < len(peers):
        y = after[peers[pos + 1]][2]
        if all(is_blank(sub, n) for n in range(it.end_line + 1, y.line)):
            touching.append(peers[pos + 1])
    same = [after[j][1] == list_id for j in touching if j in new]
    old = [after[j][1] == list_id for j in touching if j not in new]
    return all(same) and (not old or any(old))
