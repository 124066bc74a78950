"""A line as CommonMark sees it: blank or not, columns with tabs expanded, block quote
depth."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesomelint.document import Document

TAB_STOP = 4


def visual_column(ws: str, start: int = 0) -> int:
    """Column reached after ``ws`` (spaces and tabs) written from column ``start``; tabs
    advance to the next multiple of 4, as in CommonMark."""
    if "\t" not in ws:  # (the usual case: one column per space, what the loop counts)
        return start + len(ws)
    col = start
    for ch in ws:
        col = (col // TAB_STOP + 1) * TAB_STOP if ch == "\t" else col + 1
    return col


def column(doc: Document, offset: int) -> int:
    """Visual column of ``offset`` in its line (tab stops every 4 columns)."""
    return visual_column(doc.text[doc.line_starts[doc.line_of(offset) - 1] : offset])


def quotes(doc: Document, offset: int) -> int:
    """How many ``>`` precede ``offset`` on its line (its block quote depth)."""
    return doc.text.count(">", doc.line_starts[doc.line_of(offset) - 1], offset)


def is_blank(doc: Document, line: int) -> bool:
    """Whether a 1-based line is blank for CommonMark: spaces and tabs only (not NBSP)."""
    return is_blank_span(doc.text, doc.line_starts[line - 1], doc.line_ends[line - 1])


def is_blank_span(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (one line, break excluded) is blank for CommonMark: for
    the rules that walk the source line by line without asking the Document."""
    if start == end:
        return True
    if text[start] not in " \t":
        return False
    return not text[start:end].strip(" \t")
