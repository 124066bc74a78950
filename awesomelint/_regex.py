"""Regular expressions compiled on first use.

A module-level ``re.compile`` costs 50-300 microseconds at import, paid by every run
whether or not the pattern is ever used; most rules' patterns only matter for documents
with a candidate (a heading glued to its text, a malformed link...). ``lazy`` returns a
stand-in that compiles its pattern the first time a method of it is called, then
behaves as the compiled pattern (its methods are the compiled pattern's own, looked up
once). Only for the pattern methods (``match``, ``search``, ``finditer``, ``sub``...) and
``pattern``/``flags``: a lazy pattern cannot be passed to the ``re`` functions.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy"]


_ATTRS = (
    "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
    "scanner", "groups", "groupindex",
)  # fmt: skip


class _Lazy:
    """Compiles ``pattern`` when one of its attributes is first asked for."""

    def __init__(self, pattern: str, flags: int) -> None:
        # (set through __dict__: __getattr__ sees only what is missing there)
        self.__dict__.update(pattern=pattern, flags=flags)

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self.flags)
        # the compiled pattern's bound methods, so that later calls do not come here
        for attr in _ATTRS:
            self.__dict__[attr] = getattr(compiled, attr)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
