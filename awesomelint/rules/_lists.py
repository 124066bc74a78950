"""Shared by list-indent and list-marker: visual lists and bullet columns.

A *visual list* is what a reader sees as one list: a top-level CommonMark list with all its
descendants, joined with the top-level lists that touch it (on the next line, or separated
only by blank lines). CommonMark splits such a run wherever the bullet character changes or
an ordered list follows a bullet list; a reader does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from awesomelint.commonmark.lines import is_blank
from awesomelint.document import Document, ListItem
from awesomelint.model import Frozen

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


def line_prefix(doc: Document, item: ListItem) -> str:
    """The source between the start of the item's line and its marker."""
    return doc.text[doc.line_starts[item.line - 1] : item.start]


class VisualList(Frozen):
    """The items of one visual list in source order, and the lines they span."""

    __slots__ = ("items", "first_line", "last_line", "plain")
    items: tuple[ListItem, ...]
    first_line: int
    last_line: int
    plain: bool  # every marker is the first thing on its line after spaces/tabs only

    def __init__(
        self, items: tuple[ListItem, ...], first_line: int, last_line: int, plain: bool
    ) -> None:
        _set(self, "items", items)
        _set(self, "first_line", first_line)
        _set(self, "last_line", last_line)
        _set(self, "plain", plain)


def _touch(doc: Document, last_line: int, line: int) -> bool:
    return all(is_blank(doc, n) for n in range(last_line + 1, line))


def visual_lists(doc: Document) -> Iterator[VisualList]:
    """The document's visual lists, in source order (computed once per Document)."""
    return iter(doc.memo("rules._lists.visual_lists", _visual_lists))


def _visual_lists(doc: Document) -> tuple[VisualList, ...]:
    return tuple(_each_visual_list(doc))


def _each_visual_list(doc: Document) -> Iterator[VisualList]:
    items = doc.items
    if any(a.start > b.start for a, b in pairwise(items)):
        items = tuple(sorted(items, key=lambda it: it.start))
    group: list[ListItem] = []
    plain = True
    container = ""  # what stands before a top-level marker: "" or a block quote's ">"
    list_id = -1
    last = 0
    text, line_starts = doc.text, doc.line_starts
    for it in items:
        prefix = text[line_starts[it.line - 1] : it.start]  # (line_prefix, inlined)
        if it.parent is None and it.list_id != list_id:
            kind = prefix.strip()
            if group and not (kind == container and _touch(doc, last, it.line)):
                yield VisualList(tuple(group), group[0].line, last, plain)
                group, plain = [], True
            container, list_id = kind, it.list_id
        group.append(it)
        if prefix and plain:
            plain = not prefix.strip(" \t")
        if it.end_line > last:
            last = it.end_line
    if group:
        yield VisualList(tuple(group), group[0].line, last, plain)
