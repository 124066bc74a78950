"""Helpers shared by the link rules: list entries, their blocks and their links."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from awesomelint.document import Block, Document, Link, ListItem


@dataclass(frozen=True, slots=True)
class Entry:
    """A list item, the paragraph on its marker line, and that paragraph's links."""

    item: ListItem
    block: Block
    links: tuple[int, ...]  # indices into doc.links of the block's outermost links


def entries(doc: Document) -> list[Entry]:
    """Every list item whose text starts on its marker line, in document order.

    The block belongs to the innermost item on that line; only top-level links (not an
    image inside a link) are listed. Computed once per Document (several rules ask):
    do not modify the list.
    """
    return doc.memo("rules._links.entries", _entries)


def _entries(doc: Document) -> list[Entry]:
    by_line: dict[int, int] = {}
    for bi, block in enumerate(doc.blocks):
        if block.kind == "paragraph" and block.lines:
            by_line.setdefault(block.lines[0].line, bi)
    owner: dict[int, ListItem] = {}
    for item in doc.items:  # parents come before their children: the innermost wins
        found = by_line.get(item.line)
        if found is not None and item.start < doc.blocks[found].start <= item.end:
            owner[found] = item
    starts = [b.start for b in doc.blocks]
    per_block: dict[int, list[int]] = {}
    for li, link in enumerate(doc.links):
        if link.parent is not None:
            continue
        bi = bisect_right(starts, link.start) - 1
        if bi in owner and link.start <= doc.blocks[bi].end:
            per_block.setdefault(bi, []).append(li)
    return [
        Entry(owner[bi], doc.blocks[bi], tuple(per_block.get(bi, ()))) for bi in sorted(owner)
    ]


def image_only(doc: Document) -> set[int]:
    """Indices of links whose text is nothing but images: badges, logos."""
    kids: dict[int, list[Link]] = {}
    for link in doc.links:
        if link.parent is not None:
            kids.setdefault(link.parent, []).append(link)
    out = set()
    for li, images in kids.items():
        link = doc.links[li]
        if link.text is None or link.text_start is None:
            continue
        rest, pos = [], link.text_start
        for img in images:
            rest.append(doc.text[pos : img.start])
            pos = img.end
        rest.append(doc.text[pos : link.text_start + len(link.text)])
        if not "".join(rest).strip():
            out.add(li)
    return out


def line_span(doc: Document, item: ListItem) -> tuple[int, int] | None:
    """The range covering the item's whole lines and one line break, or None when its
    first line holds anything besides container prefixes (``>``, spaces) before it."""
    first = doc.line_starts[item.line - 1]
    if doc.text[first : item.start].strip(" \t>"):
        return None
    if item.end_line < doc.line_count:
        return first, doc.line_starts[item.end_line]
    if item.line > 1:  # the last line: take the line break before it instead
        return doc.line_ends[item.line - 2], item.end
    return first, item.end
