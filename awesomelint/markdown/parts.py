"""A Document's parts as the parse finds them, and what the fast paths add to them.

:class:`Parts` holds the original text's line index and the headings, list items, links,
blocks and regions found so far, adds the links and code spans that
``_fast.inline_links`` found in a block's text, the lists that ``_fast.scan_list`` read
(:meth:`Parts.fast_list`), and makes the Document (:meth:`Parts.document`). Nothing here
needs mistune: the whole-document fast path (``plain``) uses it alone, the mistune parse
(``positions.Recovery`` and the classes built on it) on top of the offset mapping of
mistune's rewritten sources.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from awesomelint.document import (
    Block,
    Definition,
    Document,
    Heading,
    Link,
    ListItem,
    Region,
    TextLine,
    split_lines,
)
from awesomelint.markdown import _fast

if TYPE_CHECKING:
    from awesomelint.markdown._fast import FastList, InlineLink
    from awesomelint.markdown.positions import PosState

INLINE_STRIP = " \r\n\t\f"  # what Markdown._iter_render strips


class TextMap:
    """Offset in the inline source (stripped block text) -> offset in st.src."""

    __slots__ = ("keys", "lead", "segs", "st")

    def __init__(self, st: PosState | None, segs: list[tuple[int, int]], lead: int) -> None:
        self.st, self.segs, self.lead = st, segs, lead
        # segments come in text order: the last one starting at or before an offset is
        # found by bisection (a paragraph can have thousands)
        self.keys = [tpos for tpos, _ in segs]

    def src(self, rel: int) -> int:
        t = rel + self.lead
        i = bisect_right(self.keys, t) - 1
        if i < 0:
            return self.segs[0][1] + t
        tpos, spos = self.segs[i]
        return spos + t - tpos


class Parts:
    """One Document's parts so far, over the original text and its line index.

    Offsets of the parser's text (``orig``) are the original's here: the text has no BOM
    and no CR (``identity``) - the mistune parse, which normalises them, maps its offsets
    in ``positions.Recovery``."""

    def __init__(self, text: str, fast: bool = True) -> None:
        self.text = text
        self.fast = fast
        # no BOM, no CR: mistune's text is the original, offsets map to themselves
        self.identity = "\r" not in text and not text.startswith("\ufeff")
        self.line_starts, self.line_ends = split_lines(text)
        self.headings: list[Heading] = []
        # ListItem fields but children: index, marker, start, end, line, end_line,
        # depth, list_id, parent; or a ListItem (from a fast list)
        self.items: list[list[Any] | ListItem] = []
        self.links: list[Link] = []
        self.blocks: list[Block] = []
        self.regions: list[Region] = []
        self.list_count = 0
        self.root: PosState | None = None  # mistune's root state (see positions.Recovery)

    # -- what the mistune parse refines ------------------------------------------------

    def orig(self, st: PosState | None, off: int) -> int:
        """Offset in the parser's text of ``st`` -> offset in the original text."""
        return off

    def src_starts(self) -> Sequence[int]:
        """Line starts of the parser's (top-level) text."""
        return self.line_starts

    def has_refs(self) -> bool:
        """Whether the document defines link references."""
        return False

    def inline_slow(self, stripped: str, segs: list[tuple[int, int]]) -> None:
        """Add the links of a list item's text the inline fast path declined; ``segs``
        maps the text's lines to the parser's text (see TextMap)."""
        raise NotImplementedError  # (the mistune parse has the parser for it)

    def definitions(self) -> tuple[Definition, ...]:
        """The link reference definitions (the mistune parse finds them)."""
        return ()

    # -- the line index ------------------------------------------------------------------

    def line_end(self, line0: int) -> int:
        return self.line_ends[min(line0, len(self.line_ends) - 1)]

    def line_of(self, off: int) -> int:
        return bisect_right(self.line_starts, off)

    # -- links and code spans of inline text -------------------------------------------

    def mapper(self, tmap: TextMap) -> Callable[[int], int]:
        """Offset in a block's inline text -> offset in the original text."""
        return lambda rel: self.orig(tmap.st, tmap.src(rel))

    def add_links_at(
        self, s: str, found: tuple[list[InlineLink], list[tuple[int, int]]], base: int
    ) -> None:
        """add_links for one line of text whose offset 0 is at ``base``."""
        links, codes = found
        first = len(self.links)
        add = self.links.append
        for a, b, t0, t1, u0, u1, image, up in links:
            start = base + a if a else base  # (an entry's link: the block's own int)
            if t0 < 0:
                add(Link("bare", image, start, base + b, None, None, s[u0:u1], start,
                         base + u1, None, None if up < 0 else first + up))  # fmt: skip
            else:
                add(Link("inline", image, start, base + b, s[t0:t1], base + t0, s[u0:u1],
                         base + u0, base + u1, None, None if up < 0 else first + up))  # fmt: skip
        for a, b in codes:
            self.regions.append(Region("codespan", base + a, base + b))

    def add_links(
        self,
        s: str,
        found: tuple[list[InlineLink], list[tuple[int, int]]],
        pt: Callable[[int], int],
    ) -> None:
        """What _fast.inline_links found in ``s``; ``pt`` maps an offset of ``s`` to the
        text (its calls mirror make_link's and inline_tokens', so the result is theirs)."""
        links, codes = found
        base = len(self.links)
        for a, b, t0, t1, u0, u1, image, up in links:
            u = pt(u0)
            self.links.append(
                Link(
                    "bare" if t0 < 0 else "inline",
                    image,
                    pt(a),
                    pt(b - 1) + 1,
                    None if t0 < 0 else s[t0:t1],
                    None if t0 < 0 else pt(t0),
                    s[u0:u1],
                    u,
                    u + u1 - u0,
                    None,
                    None if up < 0 else base + up,
                )
            )
        for a, b in codes:
            self.regions.append(Region("codespan", pt(a), pt(b - 1) + 1))

    # -- lists the fast path read ----------------------------------------------------------

    def fast_list(self, fl: FastList, depth: int, parent: int | None) -> None:
        """The Document parts of a list that _fast.scan_list read: the same items, list
        ids, paragraph blocks and links as the mistune token walk would give."""
        text, line_starts, line_ends = self.text, self.line_starts, self.line_ends
        identity = self.identity
        root_starts = line_starts if identity else self.src_starts()
        first, base_list = len(self.items), self.list_count
        self.list_count += fl.lists
        more_lines, children = fl.more, fl.kids
        it = iter(fl.flat)  # FastList.FIELDS (8) numbers per item
        refs = self.has_refs()
        add_item, add_block = self.items.append, self.blocks.append
        inline_links = _fast.inline_links  # (from the module: tests count its uses)
        none: tuple[int, ...] = ()
        shift = 0
        for i, (marker, body, eol, line, level, up, lst, last) in enumerate(
            zip(it, it, it, it, it, it, it, it, strict=True)
        ):
            kids = children.get(i) if children else None
            more = more_lines.get(i) if more_lines else None
            if identity:
                start, b0 = marker, body
            else:  # a BOM or CRs before the line
                shift = line_starts[line] - root_starts[line]
                start, b0 = marker + shift, body + shift
            line1 = line + 1
            add_item(
                ListItem(
                    first + i,
                    text[start],
                    start,
                    line_ends[last],
                    line1,
                    line1 if last == line else last + 1,  # (one int object: less memory)
                    depth + level,
                    base_list + lst + 1,
                    parent if up < 0 else first + up,
                    none if kids is None else tuple([first + k for k in kids]),
                )
            )
            own = text[b0 : eol + shift]
            if more is None:  # a one-line entry: the usual case
                add_block(Block("paragraph", b0, line_ends[line], (TextLine(line1, b0, own),)))
                stripped = own.rstrip(INLINE_STRIP)
                found = inline_links(stripped, refs)
                if found is not None:
                    if found[0] or found[1]:
                        self.add_links_at(stripped, found, b0)
                    continue
                self.inline_slow(stripped, [(0, body)])
                continue
            lines = [TextLine(line1, b0, own)]
            segs = [(0, body)]  # (offset in the paragraph text, offset in mistune's text)
            at = len(own) + 1
            for ln, t0, t1 in more:
                if not identity:
                    shift = line_starts[ln] - root_starts[ln]
                own = text[t0 + shift : t1 + shift]
                lines.append(TextLine(ln + 1, t0 + shift, own))
                segs.append((at, t0))
                at += len(own) + 1
            add_block(Block("paragraph", b0, line_ends[more[-1][0]], tuple(lines)))
            stripped = "\n".join(tl.text for tl in lines).rstrip(INLINE_STRIP)
            found = inline_links(stripped, refs)
            if found is not None:
                if found[0] or found[1]:
                    self.add_links(stripped, found, self.mapper(TextMap(self.root, segs, 0)))
                continue
            self.inline_slow(stripped, segs)

    # -- the Document --------------------------------------------------------------------

    def items_tuple(self) -> tuple[ListItem, ...]:
        """The items; those of fast lists are ListItems already (with their children:
        fast lists are top-level, so no other item is their parent or child)."""
        children: dict[int, list[int]] = {}
        for it in self.items:
            if isinstance(it, list) and it[8] is not None:
                children.setdefault(it[8], []).append(it[0])
        none: tuple[int, ...] = ()
        get = children.get
        return tuple(
            it
            if isinstance(it, ListItem)
            else ListItem(*it, tuple(kids) if (kids := get(it[0])) else none)  # type: ignore[call-arg]
            for it in self.items
        )

    def document(self) -> Document:
        """The Document of the parts found."""
        links = self.links
        starts = [lk.start for lk in links]
        if any(a > b for a, b in pairwise(starts)):  # keep parent indices valid
            old = links
            links = sorted(old, key=lambda lk: lk.start)
            order = {id(lk): i for i, lk in enumerate(links)}
            links = [
                lk if lk.parent is None else _reparent(lk, order[id(old[lk.parent])])
                for lk in links
            ]
            starts = [lk.start for lk in links]
        regions = sorted(self.regions, key=lambda r: (r.start, -r.end))
        return Document(
            text=self.text,
            line_starts=self.line_starts,
            line_ends=self.line_ends,
            headings=tuple(sorted(self.headings, key=lambda h: h.start)),
            items=self.items_tuple(),
            links=tuple(links),
            blocks=tuple(sorted(self.blocks, key=lambda b: b.start)),
            definitions=self.definitions(),
            regions=tuple(regions),
            _region_starts=tuple(r.start for r in regions),
            _link_starts=tuple(starts),
        )


def _reparent(link: Link, parent: int | None) -> Link:
    lk = link  # (a Link is no dataclass: dataclasses.replace does not apply)
    return Link(
        lk.kind, lk.image, lk.start, lk.end, lk.text, lk.text_start, lk.url, lk.url_start,
        lk.url_end, lk.label, parent,
    )  # fmt: skip

