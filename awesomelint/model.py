"""Immutable value types shared by the parser, the rules, the engine and the fixer, and
``Frozen``, the base the small ones on the start-up path are written on."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

# how a Frozen subclass's __init__ sets its fields (its own __setattr__ refuses)
_set = object.__setattr__


class Frozen:
    """What ``@dataclass(frozen=True, slots=True)`` gives - equality (same class, equal
    fields), hashing, a dataclass-style repr, pickling and copying, and assignment refused
    with ``dataclasses.FrozenInstanceError`` - without generating and compiling those
    methods for each class when its module is imported: that costs about half a
    millisecond a class, and start-up is a tracked metric.

    A subclass lists its fields in ``__slots__`` and its ``__init__`` takes them in that
    order and sets each with ``_set`` (tests/core/test_frozen.py checks every subclass)."""

    __slots__ = ()

    def _names(self) -> tuple[str, ...]:
        names: tuple[str, ...] = self.__slots__  # the leaf class's: its fields, in order
        return names

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._names()])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, Frozen)
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names())
        return f"{self.__class__.__qualname__}({fields})"

    def __reduce__(self) -> tuple[type[Frozen], tuple[Any, ...]]:
        return self.__class__, self._values()

    def __setattr__(self, name: str, value: object) -> None:
        raise _frozen_error(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise _frozen_error(f"cannot delete field {name!r}")


def _frozen_error(message: str) -> Exception:
    # imported on this (error) path only: dataclasses costs a millisecond to import,
    # and nothing else on the start-up path needs it
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(message)


class Severity(StrEnum):
    """How bad a finding is; `error` fails CI stricter setups, `warning` informs."""

    ERROR = "error"
    WARNING = "warning"


class Edit(Frozen):
    """Replace ``text[start:end]`` (character offsets into the source) with ``content``."""

    __slots__ = ("start", "end", "content")
    start: int
    end: int
    content: str

    def __init__(self, start: int, end: int, content: str) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "content", content)


class Fix(Frozen):
    """A mechanical correction: non-overlapping edits applied together or not at all."""

    __slots__ = ("title", "edits", "safe")
    title: str
    edits: tuple[Edit, ...]
    safe: bool

    def __init__(self, title: str, edits: tuple[Edit, ...], safe: bool = True) -> None:
        _set(self, "title", title)
        _set(self, "edits", edits)
        _set(self, "safe", safe)


class Finding(Frozen):
    """One problem at a character range of the source."""

    __slots__ = ("code", "rule", "message", "start", "end", "severity", "fix", "related")
    code: str
    rule: str
    message: str
    start: int
    end: int
    severity: Severity
    fix: Fix | None
    related: tuple[int, ...]  # offsets of the other places that cause the finding

    def __init__(
        self,
        code: str,
        rule: str,
        message: str,
        start: int,
        end: int,
        severity: Severity = Severity.WARNING,
        fix: Fix | None = None,
        related: tuple[int, ...] = (),
    ) -> None:
        _set(self, "code", code)
        _set(self, "rule", rule)
        _set(self, "message", message)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "severity", severity)
        _set(self, "fix", fix)
        _set(self, "related", related)


class Location(Frozen):
    """A finding's range as 1-based line and column (columns count characters)."""

    __slots__ = ("line", "column", "end_line", "end_column")
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)


class Problem(Frozen):
    """What a rule reports; the engine adds the rule's code, name and severity."""

    __slots__ = ("message", "start", "end", "fix", "related")
    message: str
    start: int
    end: int
    fix: Fix | None
    related: tuple[int, ...]  # offsets of the other places that cause the finding

    def __init__(
        self,
        message: str,
        start: int,
        end: int,
        fix: Fix | None = None,
        related: tuple[int, ...] = (),
    ) -> None:
        _set(self, "message", message)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "fix", fix)
        _set(self, "related", related)
