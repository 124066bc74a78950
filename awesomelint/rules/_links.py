"""Helpers shared by the link rules: badges, and an item's whole lines (the list items
themselves, with their blocks and links, come from ``awesomelint.entries``)."""

from __future__ import annotations

from awesomelint.document import Document, Link, ListItem


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
