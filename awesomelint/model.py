"""Immutable value types shared by the parser, the rules, the engine and the fixer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; `error` fails CI stricter setups, `warning` informs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (character offsets into the source) with ``content``."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A mechanical correction: non-overlapping edits applied together or not at all."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at a character range of the source."""

    code: str
    rule: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    related: tuple[int, ...] = ()  # offsets of the other places that cause the finding


@dataclass(frozen=True, slots=True)
class Location:
    """A finding's range as 1-based line and column (columns count characters)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports; the engine adds the rule's code, name and severity."""

    message: str
    start: int
    end: int
    fix: Fix | None = None
    related: tuple[int, ...] = ()  # offsets of the other places that cause the finding
