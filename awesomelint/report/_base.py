"""What every formatter shares: one file's report, and where a finding sits in it (kept
apart from the formatters so that each may import it without importing the others)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesomelint.model import Finding, Frozen, Location

if TYPE_CHECKING:
    from awesomelint.document import Document

# a file that could not be read is reported under ruff's code for it (it is no rule:
# nothing selects or ignores it)
IO_ERROR_CODE = "E902"
IO_ERROR_RULE = "io-error"


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class FileReport(Frozen):
    """The findings of one file, with the document to place them; or, with ``error``,
    why the file could not be read (then it has no findings)."""

    __slots__ = ("path", "doc", "findings", "error")
    path: str
    doc: Document
    findings: tuple[Finding, ...]
    error: str | None  # the reason alone, without the path

    def __init__(
        self, path: str, doc: Document, findings: tuple[Finding, ...], error: str | None = None
    ) -> None:
        _set(self, "path", path)
        _set(self, "doc", doc)
        _set(self, "findings", findings)
        _set(self, "error", error)


def unreadable(path: str, message: str) -> FileReport:
    """The report of a file that could not be read; ``message`` may start with the path."""
    from awesomelint._parallel import placing_document

    reason = message.removeprefix(f"{path}: ")
    return FileReport(path, placing_document(""), (), reason)


def _place(doc: Document, offset: int, back: bool) -> tuple[int, int]:
    """(line, column) of ``offset``; with ``back``, an offset at the start of a line
    (after a line break) is placed at the end of the line before instead. The empty
    "line" after a file's final line break is not a line to editors or to GitHub, whose
    annotations then point past the end of the file."""
    line, col = doc.location(offset)
    at_end = line == doc.line_count and offset >= len(doc.text)
    if col == 1 and line > 1 and (back or at_end):
        line -= 1
        col = doc.line_ends[line - 1] - doc.line_starts[line - 1] + 1
    return line, col


def locate(doc: Document, f: Finding) -> Location:
    """1-based start and end of a finding; a span that ends with a line break ends on
    the line it breaks (not at column 1 of the next)."""
    end = max(f.end, f.start)
    line, col = _place(doc, f.start, back=False)
    end_line, end_col = _place(doc, end, back=end > f.start)
    if (end_line, end_col) < (line, col):
        end_line, end_col = line, col
    return Location(line, col, end_line, end_col)


def plural(n: int, word: str) -> str:
    """``"1 warning"``, ``"2 warnings"``."""
    return f"{n} {word}{'' if n == 1 else 's'}"
