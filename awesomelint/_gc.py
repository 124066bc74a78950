"""The cyclic garbage collector paused around work that makes no garbage cycles.

A parse, a lint and the fix loop allocate hundreds of thousands of small objects and
free them by reference counting: a cyclic collection in between would only walk them
again and again, a cost that grows faster than the file. The CLI switches the collector
off for the whole process; library callers get it paused around each such step only.
"""

from __future__ import annotations

import gc
from types import TracebackType


class PausedGC:
    """``with PausedGC():`` - no cyclic collection inside, the collector as it was after
    (nested uses and a caller's own ``gc.disable()`` are respected)."""

    __slots__ = ("_was_on",)

    def __enter__(self) -> None:
        self._was_on = gc.isenabled()
        gc.disable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._was_on:
            gc.enable()
