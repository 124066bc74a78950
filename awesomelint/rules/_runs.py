"""Runs of entries: the top-level entries a reader sees as one list, for list-order.

A run is what a reader sees, whatever the parse made of the defects other rules report:

- bullet lists that follow each other on the next line or after blank lines only are one
  run, though CommonMark starts a new list wherever the bullet character changes (`*`
  among `-`: list-marker's finding); a numbered list is a run of its own;
- a glued bullet (`-[Name](url)`, text to CommonMark, often continuing the entry above
  lazily: list-marker-space's finding, ``commonmark.glued_bullets``) at the run's column
  is the entry it was meant to be, on a line of an item's text or in a paragraph of its
  own between two items;
- in a run without sub-items, a lone sub-item indented as no nested list of the document
  is (3 spaces under `- `, a tab where lists nest with spaces: list-indent's finding) is
  the entry of the run that slipped right.

So one such defect leaves the entries compared, and the findings about their order,
where they were.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.commonmark.items import GluedBullet, glued_bullets
from awesomelint.commonmark.lines import column, is_blank, quotes
from awesomelint.document import Document, Link, ListItem
from awesomelint.entries.shape import Entry, entries
from awesomelint.entries.text import plain
from awesomelint.model import Frozen

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class Member(Frozen):
    """One entry of a run: a list item, or a glued bullet or stray sub-item taken as the
    item it was meant to be."""

    __slots__ = ("line", "name", "link", "entry")
    line: int
    name: str | None  # None: not an entry (a list of them is no list of entries)
    link: Link | None  # its name link, where a finding about it goes
    entry: Entry | None  # for a top-level list item that is an entry

    def __init__(self, line: int, name: str | None, link: Link | None, entry: Entry | None) -> None:
        _set(self, "line", line)
        _set(self, "name", name)
        _set(self, "link", link)
        _set(self, "entry", entry)


class Run(Frozen):
    """A run of top-level entries, in source order."""

    __slots__ = ("members", "ordered", "movable")
    members: tuple[Member, ...]
    ordered: bool  # a numbered list
    # the entries, when every member is a top-level list item that is an entry (what a
    # fix may move: a glued bullet or a stray sub-item is no item to move); else None
    movable: tuple[Entry, ...] | None

    def __init__(
        self, members: tuple[Member, ...], ordered: bool, movable: tuple[Entry, ...] | None
    ) -> None:
        _set(self, "members", members)
        _set(self, "ordered", ordered)
        _set(self, "movable", movable)


class _Building:
    """A run being built (a plain class: no dataclass generated at import)."""

    __slots__ = ("members", "quotes", "column", "ordered", "last", "lists")

    def __init__(
        self, members: list[Member], quotes: int, column: int, ordered: bool | None, last: int
    ) -> None:
        self.members = members
        self.quotes = quotes  # block quote markers before its bullets
        self.column = column  # visual column of its bullets
        self.ordered = ordered  # None: so far only glued bullets
        self.last = last  # last line it covers
        self.lists: set[int] = set()  # the CommonMark lists of its items


def runs(doc: Document) -> Iterator[Run]:
    """The document's runs of top-level entries, in source order."""
    by_item = {e.item.index: e for e in entries(doc)}
    strays: dict[int, ListItem] | None = None  # computed when a run has sub-items
    for b in _build(doc, by_item):
        members = b.members
        items = [m.entry.item for m in members if m.entry is not None]
        if any(it.children for it in items):
            if strays is None:
                strays = _stray_children(doc)
            members = _with_strays(members, strays, by_item)
        entries_only = all(m.entry is not None for m in members)
        yield Run(
            tuple(members),
            bool(b.ordered),
            tuple(m.entry for m in members if m.entry is not None) if entries_only else None,
        )


def _build(doc: Document, by_item: dict[int, Entry]) -> Iterator[_Building]:
    """Top-level items and glued bullets, grouped into runs (see the module docs)."""
    events: list[tuple[int, int, ListItem | GluedBullet]] = [
        (it.line, 0, it) for it in doc.items if it.parent is None
    ]
    events += [(g.line, 1, g) for g in glued_bullets(doc)]
    events.sort(key=lambda ev: (ev[0], ev[1]))
    run: _Building | None = None
    for line, _, what in events:
        if what.start == doc.line_starts[line - 1]:  # at the start of its line: most
            q = col = 0
        else:
            q, col = quotes(doc, what.start), column(doc, what.start)
        touches = run is not None and q == run.quotes and _touch(doc, run.last, line)
        if isinstance(what, GluedBullet):
            if run is not None and col == run.column and (touches or line <= run.last):
                run.members.append(_glued(doc, what))
                run.last = max(run.last, line)
                continue
            if run is not None and line <= run.last:
                continue  # inside an item, meant as its sub-item: not in the run
            if run is not None:
                yield run
            run = _Building([_glued(doc, what)], q, col, None, line)
            continue
        it = what
        joins = run is not None and (
            it.list_id in run.lists
            or (touches and run.ordered in (None, it.ordered) and (run.lists or col == run.column))
        )
        if run is None or not joins:
            if run is not None:
                yield run
            run = _Building([], q, col, it.ordered, it.end_line)
        e = by_item.get(it.index)
        run.members.append(_item_member(it, e))
        run.ordered = it.ordered
        run.lists.add(it.list_id)
        run.last = max(run.last, it.end_line)
    if run is not None:
        yield run


def _item_member(it: ListItem, e: Entry | None) -> Member:
    return Member(it.line, e.name if e else None, e.link if e else None, e)


def _touch(doc: Document, last: int, line: int) -> bool:
    return all(is_blank(doc, n) for n in range(last + 1, line))


def _glued(doc: Document, g: GluedBullet) -> Member:
    """A glued bullet as the entry it was meant to be: its first link names it, when
    that is a named link to a resource (as an entry's is)."""
    end = doc.line_ends[g.line - 1]
    link = next((lk for lk in doc.links_between(g.at, end) if lk.parent is None), None)
    if link is None or link.image or link.text is None or link.url.startswith("#"):
        return Member(g.line, None, None, None)
    if doc.text[g.at : link.start].strip("*_+- \t"):  # emphasis, a second bullet
        return Member(g.line, None, None, None)
    return Member(g.line, plain(link.text) or None, link, None)


def _stray_children(doc: Document) -> dict[int, ListItem]:
    """Top-level item -> its one sub-item, when that sub-item has none of its own and is
    indented as no nested list of the document indents (3 spaces under `- ` where lists
    nest by 2 or 4, a tab where spaces nest): most likely an entry of the list that
    slipped right (list-indent reports its indentation), not a sub-entry."""
    lone: dict[int, ListItem] = {}
    styles = {(0, False)}  # right under the parent's text: always a sub-item
    for it in doc.items:
        if it.parent is None:
            continue
        p = doc.items[it.parent]
        if len(p.children) == 1 and not it.children:
            if p.parent is None:
                lone[p.index] = it
        else:
            styles.add(_indent_style(doc, it))
    return {p: it for p, it in lone.items() if _indent_style(doc, it) not in styles}


def _indent_style(doc: Document, it: ListItem) -> tuple[int, bool]:
    """(columns past its parent's text, tab before the marker) of a sub-item."""
    assert it.parent is not None
    p = doc.items[it.parent]
    text_col = column(doc, p.start) + len(p.marker) + 1
    ws = doc.text[doc.line_starts[it.line - 1] : it.start]
    return column(doc, it.start) - text_col, "\t" in ws


def _with_strays(
    members: list[Member], strays: dict[int, ListItem], by_item: dict[int, Entry]
) -> list[Member]:
    """``members`` with each stray sub-item that is an entry after its parent, when the
    run has no other sub-items; else unchanged (sub-items follow their own logic: paper,
    code, slides)."""
    items = [m.entry.item for m in members if m.entry is not None]
    if any(it.children and it.index not in strays for it in items):
        return members
    out = []
    for m in members:
        out.append(m)
        stray = strays.get(m.entry.item.index) if m.entry is not None else None
        e = by_item.get(stray.index) if stray is not None else None
        if e is not None:
            out.append(Member(e.item.line, e.name, e.link, None))
    return out
