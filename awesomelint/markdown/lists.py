"""Positions of list items: their markers, lines, depth, list and parent, and the tree.

An item mistune parsed is recorded from the child state its content was parsed in (the
marker's offset is that state's origin); a top-level bullet list the fast path
``_fast.scan_list`` read becomes the same items, list ids, paragraph blocks and links
as the mistune token walk would give.
"""

from __future__ import annotations

from awesomelint._regex import lazy
from awesomelint.document import Block, ListItem, TextLine
from awesomelint.markdown import _fast
from awesomelint.markdown._fast import FastList
from awesomelint.markdown.inline import INLINE_STRIP, InlineRecovery, TextMap
from awesomelint.markdown.positions import PosState

_MARKER_AT = lazy(r"[*+-]|\d{1,9}[.)]")


def take_fast_list(state: PosState, start: int) -> int | None:
    """Let _fast.scan_list take a top-level list; None when mistune must parse it."""
    found = _fast.scan_list(state.src, start, state.line_of(start))
    if found is None:
        return None
    state.append_token({"type": "_fast_list", "list": found})
    return found.end


class ListRecovery(InlineRecovery):
    """Adds list items (and a fast list's paragraphs and links) to the Document's parts."""

    def list_item(self, cst: PosState, depth: int, parent: int | None, list_id: int) -> int:
        """Record the item whose content mistune parsed in ``cst``; its index."""
        assert cst.origin is not None
        start = self.orig(*cst.origin)
        src = cst.src.rstrip("\n")
        # an empty item ("-" alone) ends on its marker line, not on the next one
        last = cst.base + src.count("\n") if src.strip() else self.line_of(start) - 1
        mm = _MARKER_AT.match(self.text, start)
        index = len(self.items)
        self.items.append(
            [
                index,
                mm.group(0) if mm else "-",
                start,
                self.line_end(last),
                self.line_of(start),
                last + 1,
                depth,
                list_id,
                parent,
            ]
        )
        return index

    def fast_list(self, fl: FastList, depth: int, parent: int | None) -> None:
        """The Document parts of a list that _fast.scan_list read: the same items, list
        ids, paragraph blocks and links as the mistune token walk would give."""
        text, line_starts, line_ends = self.text, self.line_starts, self.line_ends
        root_starts = self.root.starts
        first, base_list = len(self.items), self.list_count
        self.list_count += fl.lists
        more_lines, children = fl.more, fl.kids
        it = iter(fl.flat)  # FastList.FIELDS (8) numbers per item
        refs = bool(self.root.env.get("ref_links"))
        add_item, add_block = self.items.append, self.blocks.append
        identity = self.identity
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
                self.inline_tokens(
                    self.md.inline(stripped, self.root.env),
                    TextMap(self.root, [(0, body)], 0),
                    stripped,
                    None,
                )
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
            tmap = TextMap(self.root, segs, 0)
            found = inline_links(stripped, refs)
            if found is not None:
                if found[0] or found[1]:
                    self.add_links(stripped, found, self.mapper(tmap))
                continue
            self.inline_tokens(self.md.inline(stripped, self.root.env), tmap, stripped, None)

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
