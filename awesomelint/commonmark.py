"""Where mistune and CommonMark disagree: list items that mistune reads and CommonMark
(and so GitHub) does not, or reads otherwise.

The Document is mistune's reading. The fixer's loss audit and the rules that must not
change what GitHub shows ask here how CommonMark reads the same lines: an item empty on
its marker line, a list item that cannot interrupt the paragraph above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesomelint.document import Document, ListItem


def starts_empty(doc: Document, it: ListItem) -> bool:
    """An item with nothing after its marker whose next line is not indented to its
    content: empty to CommonMark (mistune takes that line in lazily)."""
    if doc.text[it.start + len(it.marker) : doc.line_ends[it.line - 1]].strip():
        return False
    if it.line >= doc.line_count:
        return True
    nxt = doc.line_text(it.line + 1)
    indent = len(nxt) - len(nxt.lstrip(" "))
    column = it.start - doc.line_starts[it.line - 1] + len(it.marker) + 1
    return indent < column


def cannot_interrupt(doc: Document, it: ListItem, above: int) -> bool:
    """Whether ``it`` cannot start a list right after a line of the paragraph whose text
    starts at ``above``, in CommonMark: an ordered item not numbered 1, an empty item, or
    one indented 4 columns or more past that paragraph, when it lies in the paragraph's
    container (not left of its text). There the line is the paragraph's continuation, as
    GitHub shows it, though mistune reads a list item."""
    col, content = column(doc, it.start), column(doc, above)
    if col < content or quotes(doc, it.start) != quotes(doc, above):
        return False  # not in the paragraph's container (left of it, or quoted otherwise)
    if it.ordered and int(it.marker[:-1]) != 1:
        return True
    at = it.start + len(it.marker)
    if not doc.text[at : doc.line_ends[it.line - 1]].strip():
        return True
    return col >= content + 4


def quotes(doc: Document, offset: int) -> int:
    """How many block quote markers precede ``offset`` on its line."""
    return doc.text.count(">", doc.line_starts[doc.line_of(offset) - 1], offset)


def column(doc: Document, offset: int) -> int:
    """Visual column of ``offset`` in its line (tab stops every 4 columns)."""
    line_start = doc.line_starts[doc.line_of(offset) - 1]
    col = 0
    for ch in doc.text[line_start:offset]:
        col = col + 4 - col % 4 if ch == "\t" else col + 1
    return col
