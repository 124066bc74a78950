"""A line as CommonMark sees it: blank or not, and columns with tabs expanded."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesomelint.document import Document

TAB_STOP = 4


def visual_column(ws: str, start: int = 0) -> int:
    """Column reached after ``ws`` (spaces and tabs) written from column ``start``; tabs
    advance to the next multiple of 4, as in CommonMark."""
    col = start
    for ch in ws:
        col = (col // TAB_STOP + 1) * TAB_STOP if ch == "\t" else col + 1
    return col


def is_blank(doc: Document, line: int) -> bool:
    """Whether a line is blank for CommonMark: spaces and tabs only (not NBSP)."""
    return not doc.line_text(line).strip(" \t")
