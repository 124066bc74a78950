"""The loss audit's marks compared near the changed lines only: ``marks(before).apart(
marks(after))`` without the URL-shaped text of the lines a pass left alone (reading
it from the whole text was the largest part of the audit of a pass).

Outside the changed lines (``spans``, whole lines) the two texts are the same, moved by
what the edits add. URL-shaped text lies within one line, and each line's is the same
wherever the line stands (``entries.keys.urlish``): the unchanged lines hold the same
URL-shaped text in both texts. What else the marks read there comes from the parse,
which is compared, not assumed:

- the regions (code, HTML) outside the changed lines are the same, moved, and none
  reaches into them: then a URL-shaped text of an unchanged line is outside code in
  both Documents or in neither (a region holding it stands on unchanged lines only, and
  so do the regions ``Document.in_region`` looks back over before it, but for regions
  inside changed lines, which hold nothing of it);
- the links starting outside the changed lines are the same, moved (URL and whether
  top-level): an item's key falls back on them;
- an item CommonMark sees whose first line is unchanged, with the same own text on it,
  moved, has the same key in both (the same URL-shaped text or link on that text).

So the URLs (and the URLs outside code) one Document has and the other lacks are among
the changed lines' URL-shaped text and the links' URLs, less those an unchanged line
holds (looked up by the URL's own occurrences); the item keys that differ are those of
the items not matched so. When a comparison fails (a fix opened a code fence, a
reference definition moved links) or the lookups would read many lines, there is no
shortcut (None) and the caller compares the whole marks. tests/core/test_audit.py
checks the result against the whole audit, and that the shortcut is taken.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from awesomelint.document import CODE_REGIONS, Document
from awesomelint.entries.items import seen_by_commonmark
from awesomelint.entries.keys import urlish

_URL, _LIVE, _ITEM = "url:", "live:", "item:"  # the inventory's prefixes (audit.py)
_MAX_LOOKUPS = 64  # URLs to look up on unchanged lines, lines read for them: more, no shortcut

Found = list[tuple[int, str]]  # URL-shaped text: (offset, URL)
Extents = list[tuple[int, int]]  # changed lines: (first line's start, next line's start)
First = tuple[int, int, int]  # an item: its start, the end of its own first-line text, its line


class _NoShortcut(Exception):
    """A comparison failed or a lookup would read too much: compare the whole marks."""


def apart_near(
    before: Document,
    after: Document,
    spans: Sequence[tuple[int, int, int]],
    found_before: Found,
    found_after: Found,
) -> tuple[Counter[str], Counter[str]] | None:
    """``marks(before).apart(marks(after))`` (see the module docstring), or None. ``spans``
    are ``audit._changed_lines``; ``found_*`` the URL-shaped text of the changed lines of
    each text, at its offsets there."""
    shifts = list(accumulate((grow for _, _, grow in spans), initial=0))
    ext_before = [(a, _next_line(before, b)) for a, b, _ in spans]
    ext_after = [(a + shifts[i], end + shifts[i + 1]) for i, (a, end) in enumerate(ext_before)]
    back_before = [0] * len(shifts)
    try:
        if _regions(before, ext_before, back_before) != _regions(after, ext_after, shifts):
            return None
        if _links(before, ext_before, back_before) != _links(after, ext_after, shifts):
            return None
        mine: Counter[str] = Counter()
        theirs: Counter[str] = Counter()
        _urls(before, after, ext_before, found_before, found_after, mine, theirs)
        _items(before, after, ext_before, ext_after, shifts, mine, theirs)
    except _NoShortcut:
        return None
    return mine, theirs


def _next_line(doc: Document, end: int) -> int:
    """The start of the line after the one ending at ``end`` (the text's end if none)."""
    line = doc.line_of(end)
    return doc.line_starts[line] if line < doc.line_count else len(doc.text)


def _extent(ext: Extents, starts: list[int], pos: int) -> int:
    """How many extents start at or before ``pos``; negative (-1 - that) when ``pos`` lies
    inside the last of them."""
    k = bisect_right(starts, pos)
    return -k if k and pos < ext[k - 1][1] else k


def _regions(doc: Document, ext: Extents, back: list[int]) -> list[tuple[str, int, int]]:
    """The regions outside the extents, at the before text's offsets (``back``: what to
    take off after k extents); no shortcut when one reaches into an extent."""
    starts = [a for a, _ in ext]
    out: list[tuple[str, int, int]] = []
    for r in doc.regions:
        k = _extent(ext, starts, r.start)
        if k < 0:
            if r.end > ext[-k - 1][1]:
                raise _NoShortcut  # from a changed line into an unchanged one
            continue
        if k < len(ext) and r.end > ext[k][0]:
            raise _NoShortcut  # from an unchanged line into a changed one
        out.append((r.kind, r.start - back[k], r.end - back[k]))
    return out


def _links(doc: Document, ext: Extents, back: list[int]) -> list[tuple[int, str, bool]]:
    """The links starting outside the extents: offset (at the before text's), URL, and
    whether top-level (an item's key takes the first top-level link on its first line)."""
    out: list[tuple[int, str, bool]] = []
    ends = [0] + [end for _, end in ext]
    stops = [a for a, _ in ext] + [len(doc.text) + 1]
    for k, (lo, hi) in enumerate(zip(ends, stops, strict=True)):
        shift = back[k]
        out += [(lk.start - shift, lk.url, lk.parent is None) for lk in doc.links_between(lo, hi)]
    return out


def _urls(
    before: Document,
    after: Document,
    ext: Extents,
    found_before: Found,
    found_after: Found,
    mine: Counter[str],
    theirs: Counter[str],
) -> None:
    """The URLs (each once) and the URLs outside code one Document has and the other
    lacks: of the links and the changed lines' URL-shaped text, those no unchanged line
    holds (unchanged lines hold the same in both, outside code in both or in neither)."""
    links = [
        {lk.url for lk in doc.links if lk.kind != "bare"} for doc in (before, after)
    ]  # (bare URLs are URL-shaped text: audit._marks)
    near = [{u for _, u in found} for found in (found_before, found_after)]
    live = [
        {u for start, u in found if not doc.in_region(start, CODE_REGIONS)}
        for doc, found in ((before, found_before), (after, found_after))
    ]
    urls = [links[0] | near[0], links[1] | near[1]]
    lookups = _Lookups(before, ext)
    for pair, prefix, in_prose in ((urls, _URL, False), (live, _LIVE, True)):
        for only, counter in ((pair[0] - pair[1], mine), (pair[1] - pair[0], theirs)):
            for u in only:
                if not lookups.held(u, live=in_prose):
                    counter[prefix + u] = 1


class _Lookups:
    """Whether an unchanged line holds a URL as URL-shaped text (outside code): read on
    the lines where the URL occurs, at most ``_MAX_LOOKUPS`` URLs and lines in all."""

    __slots__ = ("doc", "ext", "starts", "budget", "lines")

    def __init__(self, doc: Document, ext: Extents) -> None:
        self.doc = doc
        self.ext = ext
        self.starts = [a for a, _ in ext]
        self.budget = _MAX_LOOKUPS
        self.lines: dict[int, Found] = {}  # line start -> its URL-shaped text

    def held(self, url: str, *, live: bool) -> bool:
        if not url:
            return False  # (a link's empty URL: no URL-shaped text is empty)
        doc, text = self.doc, self.doc.text
        self._spend()
        at = text.find(url)
        while at >= 0:
            line = doc.line_of(at)
            start, end = doc.line_starts[line - 1], doc.line_ends[line - 1]
            if _extent(self.ext, self.starts, start) >= 0:  # an unchanged line
                found = self.lines.get(start)
                if found is None:
                    self._spend()
                    found = self.lines[start] = [(start + s, u) for s, u in urlish(text[start:end])]
                for s, u in found:
                    if u == url and not (live and doc.in_region(s, CODE_REGIONS)):
                        return True
            at = text.find(url, max(end, at + 1))
        return False

    def _spend(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _NoShortcut


def _items(
    before: Document,
    after: Document,
    ext_before: Extents,
    ext_after: Extents,
    shifts: list[int],
    mine: Counter[str],
    theirs: Counter[str],
) -> None:
    """The item keys counted differently: those of the items CommonMark sees that are
    not matched by an item of the other Document on the same unchanged first-line text
    (matched ones have the same key, and count alike)."""
    near_before, far_before = _firsts(before, ext_before)
    near_after, far_after = _firsts(after, ext_after)
    unmatched: tuple[list[First], list[First]] = (near_before, near_after)
    # An item between extents k-1 and k can only match one between the same two extents
    # of the other text (at the before text's offsets both lie in the same gap), so the
    # matching is done per gap: one list comparison when the gap's items are all the same,
    # moved by ``shifts[k]`` (nearly always); else each item looked up, as a whole-text
    # dict would (an item's start is its own: the signatures are unique).
    for k, (gap_before, gap_after) in enumerate(zip(far_before, far_after, strict=True)):
        shift = shifts[k]
        sigs_before = [(s, e) for s, e, _ in gap_before]
        sigs_after = [(s - shift, e - shift) for s, e, _ in gap_after]
        if sigs_before == sigs_after:
            continue
        known_before, known_after = set(sigs_before), set(sigs_after)
        unmatched[0].extend(
            f for f, sig in zip(gap_before, sigs_before, strict=True) if sig not in known_after
        )
        unmatched[1].extend(
            f for f, sig in zip(gap_after, sigs_after, strict=True) if sig not in known_before
        )
    keys = [
        Counter(_key(doc, *first) for first in firsts)
        for doc, firsts in ((before, unmatched[0]), (after, unmatched[1]))
    ]
    for key in keys[0].keys() | keys[1].keys():
        if keys[0][key] != keys[1][key]:
            if keys[0][key]:
                mine[_ITEM + key] = keys[0][key]
            if keys[1][key]:
                theirs[_ITEM + key] = keys[1][key]


def _firsts(doc: Document, ext: Extents) -> tuple[list[First], list[list[First]]]:
    """The items CommonMark sees, each by its start and the end of its own text on its
    first line (what ``entries.keys.audit_keys`` reads), and its line: those on changed
    lines, and the others per gap between extents (k: after k extents), in order."""
    seen = seen_by_commonmark(doc)
    starts = [a for a, _ in ext]
    ends = doc.line_ends
    near: list[First] = []
    far: list[list[First]] = [[] for _ in range(len(ext) + 1)]
    doc_items = doc.items
    # (the items themselves, not the entries model's: an item's own text ends where
    # entries.items.Item.own_end says - at its first child, else at its end - and the
    # model, which the fixing rules may not need, costs more than the audit)
    for it in doc_items:
        if it.index not in seen:
            continue
        start = it.start
        own_end = doc_items[it.children[0]].start if it.children else it.end
        first_end = min(own_end, ends[it.line - 1])
        k = bisect_right(starts, start)  # (_extent, inline: this runs for every item)
        if k and start < ext[k - 1][1]:
            near.append((start, first_end, it.line))
        else:
            far[k].append((start, first_end, it.line))
    return near, far


def _key(doc: Document, start: int, first_end: int, line: int) -> str:
    """``entries.keys.audit_keys``'s key of the item at ``start`` (on ``line``): the first
    URL-shaped text from there to ``first_end`` (read on its line alone: the same as on
    the whole text), else the first top-level link's URL there, else ""."""
    at = doc.line_starts[line - 1]
    for s, url in urlish(doc.text[at : doc.line_ends[line - 1]]):
        if at + s >= start:
            if at + s < first_end:
                return url
            break
    links = doc.links_between(start, first_end)
    return next((lk.url for lk in links if lk.parent is None), "")
