"""Positions of list items: their markers, lines, depth, list and parent, and the tree.

An item mistune parsed is recorded from the child state its content was parsed in (the
marker's offset is that state's origin); a top-level bullet list the fast path
``_fast.scan_list`` read becomes the same items, list ids, paragraph blocks and links
as the mistune token walk would give.
"""

from __future__ import annotations

from awesomelint._regex import lazy
from awesomelint.markdown import _fast
from awesomelint.markdown.inline import InlineRecovery
from awesomelint.markdown.parts import TextMap
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

    def inline_slow(self, stripped: str, segs: list[tuple[int, int]]) -> None:
        """The links of a list item's text the inline fast path declined, by mistune."""
        tmap = TextMap(self.root, segs, 0)
        self.inline_tokens(self.md.inline(stripped, self.root.env), tmap, stripped, None)
