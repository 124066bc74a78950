"""Private helpers of the whitespace rules (W001-W004): walk lines alongside regions.

The whitespace rules look at every line of the source, not only at parsed blocks, and
must skip code (and sometimes HTML). Instead of a bisect per line they walk the sorted
regions once, in step with the lines: :class:`RegionCursor` answers "is this offset
inside a skipped region?" for non-decreasing offsets in amortised O(1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from awesomelint._regex import lazy
from awesomelint.document import Document, Region, RegionKind

# HTML blocks whose whitespace is content (CommonMark HTML block type 1)
_PREFORMATTED = lazy(r"<(?:pre|textarea)\b", re.IGNORECASE)
_FENCE = lazy(r"`{3,}|~{3,}")


class RegionCursor:
    """Membership of non-decreasing offsets in a union of regions, in one forward walk."""

    __slots__ = ("_i", "_reach", "_regions")

    def __init__(self, regions: Iterable[Region]) -> None:
        # Document.regions is sorted by start; keep that order (filters preserve it)
        self._regions = tuple(regions)
        self._i = 0
        self._reach = -1  # the furthest end of the regions starting at or before offset

    @classmethod
    def of_kinds(cls, doc: Document, kinds: frozenset[RegionKind]) -> RegionCursor:
        return cls(r for r in doc.regions if r.kind in kinds)

    def inside(self, offset: int) -> bool:
        """Whether ``offset`` lies in a region; offsets must be asked in increasing order."""
        regions, i, reach = self._regions, self._i, self._reach
        n = len(regions)
        while i < n and regions[i].start <= offset:
            end = regions[i].end
            if end > reach:
                reach = end
            i += 1
        self._i, self._reach = i, reach
        return offset < reach


def closing_fence(doc: Document, region: Region) -> int | None:
    """Where the closing fence line of a fenced code block region starts; None when the
    block has none (it runs to the end of its container: its last line is content)."""
    text = doc.text
    opener = _FENCE.match(text, region.start)
    last_start = doc.line_starts[doc.line_of(region.end - 1) - 1] if region.end else 0
    if opener is None or last_start <= region.start:
        return None  # only the opening line
    closer = text[last_start : region.end].lstrip(" \t>").rstrip(" \t")
    run = opener.group(0)
    return last_start if closer.startswith(run) and not closer.strip(run[0]) else None


def preformatted_html(doc: Document, region: Region) -> bool:
    """Whether an HTML block region is a ``<pre>``/``<textarea>`` whose spacing renders."""
    if region.kind != "html":
        return False
    return _PREFORMATTED.search(doc.text, region.start, region.end) is not None


def body_start(text: str) -> int:
    """Offset of the first character after a byte order mark (0 without one)."""
    return 1 if text.startswith("\ufeff") else 0


def describe(whitespace: str) -> str:
    """``"3 spaces"``, ``"1 tab"``, ``"2 spaces and 1 tab"`` for a run of spaces and tabs."""
    tabs = whitespace.count("\t")
    spaces = len(whitespace) - tabs
    parts = []
    if spaces:
        parts.append(f"{spaces} space" + ("s" if spaces != 1 else ""))
    if tabs:
        parts.append(f"{tabs} tab" + ("s" if tabs != 1 else ""))
    return " and ".join(parts)
