"""Where mistune and CommonMark part ways on lazy lines, for rules whose fix ends a
paragraph (heading-missing-space): a heading closes the list item or quote around it, so
the lines after it change place when they only continued the paragraph lazily, or when
mistune read them into an item that CommonMark ends at once (one empty on its marker
line). :func:`heading_fits` puts these together for a heading about to be made from a line
of a paragraph. ``starts`` is the list of the Document's item starts, for bisecting."""

from __future__ import annotations

from bisect import bisect_right

from awesomelint._regex import lazy
from awesomelint.commonmark.lines import column, is_blank, is_blank_span, quotes
from awesomelint.document import Block, Document, ListItem

_NEW_BLOCK = lazy(r"(?: {4}| {0,3}\t| {0,3}<| {0,3}\[(?:[^\]\\]|\\.)*\]:)")
_CODE_INDENT = lazy(r" {4}| {0,3}\t")
_PLAIN = lazy(r" {0,3}[^<>`~ \t]")
_SWALLOWS = lazy(r" {0,3}(?:<|```|~~~)")  # an HTML block or a fence: to its end


def is_lazy(doc: Document, text_start: int, next_start: int) -> bool:
    """Whether the line whose text starts at ``next_start`` continues the paragraph whose
    text starts at ``text_start`` only lazily: left of its text, or outside its quote."""
    return column(doc, next_start) < column(doc, text_start) or quotes(doc, next_start) != quotes(
        doc, text_start
    )


def item_at(doc: Document, starts: list[int], offset: int) -> ListItem | None:
    """The innermost list item holding ``offset``, or None."""
    items = doc.items
    i = bisect_right(starts, offset) - 1
    node = items[i] if i >= 0 else None
    while node is not None:
        if node.start <= offset < node.end:
            return node
        node = items[node.parent] if node.parent is not None else None
    return None


def item_goes_on(doc: Document, starts: list[int], offset: int, line: int) -> bool:
    """Whether a list item holding ``offset`` (or one around it) has lines after ``line``."""
    item = item_at(doc, starts, offset)
    while item is not None:
        if item.end_line > line:
            return True
        item = doc.items[item.parent] if item.parent is not None else None
    return False


def after_empty_item(doc: Document, starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is in an item with nothing on its marker line: CommonMark ends
    such an item at once unless the next line is indented to it; mistune reads the next
    lines into it."""
    item = item_at(doc, starts, offset)
    if item is None or doc.line_of(offset) == item.line:
        return False
    marker_end = item.start + len(item.marker)
    return is_blank_span(doc.text, marker_end, doc.line_ends[item.line - 1])


def next_text_line(doc: Document, line: int) -> str:
    """The first line after ``line`` (1-based) that is not blank (within 50), or ""."""
    for n in range(line + 1, min(doc.line_count, line + 50) + 1):
        if not is_blank(doc, n):
            return doc.line_text(n)
    return ""


def heading_fits(doc: Document, starts: list[int], block: Block, k: int, start: int) -> bool:
    """Whether a heading at ``block.lines[k]`` (its '#' at ``start``) ends the paragraph
    and the items around it without moving the lines after it."""
    line = block.lines[k]
    # a heading ends its paragraph: the next line then starts a block of its own, which
    # changes what it is if it is indented code, a definition or HTML
    after = block.lines[k + 1].text if k + 1 < len(block.lines) else ""
    # a lazy line's text is shown without its indentation, which counts once the heading
    # has closed the list item around it: look at the line as written too
    raw = doc.line_text(block.lines[k + 1].line) if after else ""
    if _NEW_BLOCK.match(after) or _NEW_BLOCK.match(raw):
        return False
    lazy_here = k > 0 and is_lazy(doc, block.lines[0].start, line.start)
    if (after and (lazy_here or is_lazy(doc, line.start, block.lines[k + 1].start))) or (
        lazy_here and item_goes_on(doc, starts, start, line.line)
    ):
        # the next line continues this paragraph only lazily (left of its text, or
        # outside its quote), or this line does and more lines (of the paragraph or of
        # its list item) follow: once a heading ends the paragraph, they leave the list
        # item or quote and change place
        return False
    if after_empty_item(doc, starts, start):
        # mistune reads the next lines into the item, CommonMark not: after the fix
        # mistune reads them as CommonMark does, which differs unless they are plain
        # text or bullets (an HTML line, a fence, a quote, code...)
        n = line.line + 1
        following = doc.line_text(n) if n <= doc.line_count else ""
        if n <= doc.line_count and not is_blank(doc, n) and not _PLAIN.match(following):
            return False
    if k + 1 == len(block.lines) and item_at(doc, starts, start) is not None:
        # the heading also closes the list item: an indented line after blank lines, the
        # item's text until then, would become code; an HTML or fence line, which mistune
        # may have read into the item, would start a block that swallows the lines after
        following = next_text_line(doc, line.line)
        return not _CODE_INDENT.match(following) and not _SWALLOWS.match(following)
    return True


def front_matter_end(doc: Document) -> int:
    """The last line of a YAML front matter block (``---`` on the first line, up to the
    next ``---`` or ``...`` line), which GitHub shows as a table, not as Markdown; or 0."""
    if doc.line_count < 2 or doc.line_text(1).rstrip() != "---":
        return 0
    for n in range(2, doc.line_count + 1):
        if doc.line_text(n).rstrip() in ("---", "..."):
            return n
    return 0
