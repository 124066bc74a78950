"""Choosing the fixes of one pass and applying their edits: text in, text out, no parse."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Collection, Sequence

from awesomelint.model import Edit, Finding


def choose(
    findings: Sequence[Finding], unsafe: bool, unsafe_rules: Collection[str] = ()
) -> list[Finding]:
    """Fixes to apply in one pass: allowed by safety, edits not overlapping earlier ones.
    ``unsafe_rules`` names rules whose unsafe fixes the user asked for by other means
    (``fix --links`` asks for redirected-link's)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [
        f
        for f in findings
        if f.fix and f.fix.edits and (f.fix.safe or unsafe or f.rule in unsafe_rules)
    ]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits) if f.fix else 0, f.code))
    for f in candidates:
        assert f.fix is not None
        if any(_clashes(e, taken) for e in f.fix.edits):
            continue
        chosen.append(f)
        for e in f.fix.edits:
            insort(taken, (e.start, e.end))
    return chosen


def _clashes(e: Edit, taken: list[tuple[int, int]]) -> bool:
    """Whether ``e`` overlaps a taken range: shares a character with it, is an insertion
    strictly inside it, or is an insertion at the same point as a taken insertion (their
    order would be arbitrary). In log time: taken ranges never overlap (an insertion may
    touch a range's ends), so sorted by start their ends are sorted too, and the last
    range starting before ``e`` ends reaches furthest. (Comparing with every taken range
    made a line of 6,000 fixes take seconds, a list of 100,000 about five minutes.)"""
    if e.start == e.end:
        j = bisect_left(taken, (e.start, -1))
        if j < len(taken) and taken[j] == (e.start, e.start):
            return True  # two insertions at one point: order would be arbitrary
        return j > 0 and taken[j - 1][1] > e.start
    i = bisect_left(taken, (e.end, -1))
    return i > 0 and taken[i - 1][1] > e.start


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits (any order given) to ``text``."""
    parts: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[pos : e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)
