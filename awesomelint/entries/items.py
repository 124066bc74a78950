"""Every list item of a document with its role: entry, table of contents, introduction
or other (see the package docstring); and which items CommonMark sees at all."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

from awesomelint._regex import lazy
from awesomelint.commonmark.items import cannot_interrupt, starts_empty
from awesomelint.document import Block, Document, ListItem, _setters
from awesomelint.entries.text import name_link
from awesomelint.model import Frozen

Role = Literal["entry", "intro", "toc", "other"]
Lead = Literal["anchor", "resource"] | None

_WORDS = lazy(r"[^\W_]+")
# the titles of a table of contents's heading (awesome-toc reads them too)
CONTENTS_TITLES = frozenset({"contents", "table of contents"})


class Item(Frozen):
    """One list item and what it is (see the package docstring)."""

    __slots__ = ("item", "block", "links", "own_end", "role")
    item: ListItem
    block: Block | None  # the paragraph on its marker line, if it owns one
    links: tuple[int, ...]  # indices into doc.links of that paragraph's top-level links
    own_end: int  # end of its own text: its first child's start, else its end
    role: Role

    def __init__(
        self,
        item: ListItem,
        block: Block | None,
        links: tuple[int, ...],
        own_end: int,
        role: Role,
    ) -> None:
        set_item, set_block, set_links, set_own_end, set_role = _ITEM_SET
        set_item(self, item)
        set_block(self, block)
        set_links(self, links)
        set_own_end(self, own_end)
        set_role(self, role)


_ITEM_SET = _setters(Item)  # (one Item per list item: the slots' own setters, as Link's)


def items(doc: Document) -> tuple[Item, ...]:
    """Every list item of ``doc``, in ``doc.items`` order, with its role. Computed once
    per Document."""
    return doc.memo("entries.items", _items)


def _items(doc: Document) -> tuple[Item, ...]:
    blocks = _marker_blocks(doc)
    links = _block_links(doc, set(blocks.values()))
    doc_items, doc_blocks = doc.items, doc.blocks
    none: tuple[int, ...] = ()
    # per item (in doc.items order, which is its index): its paragraph and that
    # paragraph's links, or None
    owned = [
        None if (bi := blocks.get(it.index)) is None else (doc_blocks[bi], links.get(bi, none))
        for it in doc_items
    ]
    leads: list[Lead] = [None if o is None else _lead(doc, o[0], o[1]) for o in owned]
    toc = _toc_lists(doc, leads)
    intro_end = _intro_end(doc)
    out = []
    for it, o, lead in zip(doc_items, owned, leads, strict=True):
        role: Role
        if it.list_id in toc:
            role = "toc"
        elif it.start < intro_end:
            role = "intro"
        elif lead == "resource":
            role = "entry"
        else:
            role = "other"
        block, own_links = (None, none) if o is None else o
        own_end = doc_items[it.children[0]].start if it.children else it.end
        out.append(Item(it, block, own_links, own_end, role))
    return tuple(out)


def _lead(doc: Document, block: Block, links: tuple[int, ...]) -> Lead:
    """What an item's paragraph leads with: an in-page link (its first link, wherever it
    is: ``- 🎵 [Audio](#audio)``), a named link to a resource (its first thing), or
    neither."""
    for li in links:
        link = doc.links[li]
        if not link.image:
            if link.url.startswith("#"):
                return "anchor"
            break
    return "resource" if name_link(doc, block, links) is not None else None


def _toc_lists(doc: Document, leads: list[Lead]) -> set[int]:
    """The ``list_id`` of every list that is (part of) a table of contents: more of its
    items lead with an in-page link than with a resource link (as many of each: right
    under a Contents heading); a list with neither (plain-text sub-items) is what its
    parent's list is."""
    votes: dict[int, int] = {}  # list_id -> anchor-led items minus resource-led ones
    led: set[int] = set()  # lists with an item led by a link of either kind
    for it in doc.items:
        lead = leads[it.index]
        vote = 1 if lead == "anchor" else -1 if lead == "resource" else 0
        votes[it.list_id] = votes.get(it.list_id, 0) + vote
        if vote:
            led.add(it.list_id)
    sections = _contents_sections(doc)
    toc: set[int] = set()
    decided: set[int] = set()
    for it in doc.items:  # parents come first: a list's parent item is decided before it
        lid = it.list_id
        if lid in decided:
            continue
        decided.add(lid)
        if lid not in led:
            parent = doc.items[it.parent] if it.parent is not None else None
            if parent is not None and parent.list_id in toc:
                toc.add(lid)
        elif votes[lid] > 0 or (votes[lid] == 0 and _inside(sections, it.start)):
            toc.add(lid)
    return toc


def _intro_end(doc: Document) -> int:
    """Where the title, badges and introduction end: at the first H2; without one at the
    first heading; without headings there is no introduction."""
    heads = doc.headings
    first_h2 = next((h.start for h in heads if h.level == 2), None)
    if first_h2 is not None:
        return first_h2
    return heads[0].start if heads else 0


def _is_contents(title: str) -> bool:
    if "<!--" in title:  # (the pattern compiled only for a title with a comment)
        title = re.sub(r"<!--.*?-->", " ", title)
    return " ".join(_WORDS.findall(title)).casefold() in CONTENTS_TITLES


def _contents_sections(doc: Document) -> list[tuple[int, int]]:
    """What lies right under a Contents or Table of Contents heading, up to the next
    heading of any level (sections nested in it, as in ``## Contents`` + ``### Tools``,
    hold entries), as ranges in source order."""
    heads = doc.headings
    return [
        (head.end, heads[i + 1].start if i + 1 < len(heads) else len(doc.text))
        for i, head in enumerate(heads)
        if _is_contents(head.text)
    ]


def _inside(sections: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(sections, offset, key=lambda r: r[0]) - 1
    return i >= 0 and sections[i][0] <= offset < sections[i][1]


def _marker_blocks(doc: Document) -> dict[int, int]:
    """Item index -> index of the paragraph on its marker line, for the innermost item
    on that line (parents come before their children in ``doc.items``)."""
    blocks = doc.blocks
    by_line: dict[int, int] = {}
    for bi, block in enumerate(blocks):
        if block.kind == "paragraph" and block.lines:
            by_line.setdefault(block.lines[0].line, bi)
    owner: dict[int, int] = {}
    get = by_line.get
    for item in doc.items:
        found = get(item.line)
        if found is not None and item.start < blocks[found].start <= item.end:
            owner[found] = item.index
    return {ii: bi for bi, ii in owner.items()}


def _block_links(doc: Document, wanted: set[int]) -> dict[int, tuple[int, ...]]:
    """Block index -> its top-level links, for the ``wanted`` blocks."""
    blocks = doc.blocks
    starts = [b.start for b in blocks]
    per_block: dict[int, list[int]] = {}
    for li, link in enumerate(doc.links):
        if link.parent is not None:
            continue
        bi = bisect_right(starts, link.start) - 1
        if bi in wanted and link.start <= blocks[bi].end:
            per_block.setdefault(bi, []).append(li)
    return {bi: tuple(lis) for bi, lis in per_block.items()}


def seen_by_commonmark(doc: Document) -> frozenset[int]:
    """Indices of the items CommonMark (and so GitHub) sees as non-empty list items: not
    a paragraph's continuation line (an item that cannot interrupt it), not an empty
    bullet. Computed once per Document, when asked (the fixer's audit)."""
    return doc.memo("entries.seen_by_commonmark", _commonmark)


def _commonmark(doc: Document) -> frozenset[int]:
    out = set()
    items = doc.items
    text, line_ends = doc.text, doc.line_ends
    lists: set[int] = set()
    lazy_lists: set[int] = set()  # lists whose items so far are paragraph lines
    # line -> where its paragraph's first line's text starts (the container's content
    # column: a lazy line's own text may start further left)
    paragraph_lines: dict[int, int] | None = None
    for it in items:
        first_of_list = it.list_id not in lists
        lists.add(it.list_id)
        if first_of_list or it.list_id in lazy_lists:
            if paragraph_lines is None:
                paragraph_lines = {
                    ln.line: b.lines[0].start
                    for b in doc.blocks
                    if b.kind == "paragraph"
                    for ln in b.lines
                }
            above = paragraph_lines.get(it.line - 1)
            if above is not None and cannot_interrupt(doc, it, above):
                lazy_lists.add(it.list_id)
                continue  # not an item to CommonMark (and GitHub): a paragraph's line
        lazy_lists.discard(it.list_id)
        own_end = items[it.children[0]].start if it.children else it.end
        at = it.start + len(it.marker)
        if text[at : min(own_end, line_ends[it.line - 1])].strip():
            # text on the marker line, its own: neither empty nor starting empty (the
            # test below, in one slice - most items)
            out.add(it.index)
            continue
        if not text[at:own_end].strip() or starts_empty(doc, it):
            continue  # an empty bullet is no entry (a setext underline once a fix ends
            # the paragraph above it: "-" after "Text" is a heading's underline)
        out.add(it.index)
    return frozenset(out)
