"""Where each character of mistune's (rewritten) sources sits in the original text.

mistune re-parses list items and block quotes from *rewritten* sub-strings (markers and
indentation taken off, tabs expanded). :class:`PosState` is the block state that
remembers, for every such sub-string, which document line its first line is and where
its container's marker stands; :class:`Recovery` maps any state's offset back to the
original text (BOM, CRLF and all), on top of the Document parts found so far
(``parts.Parts``).

Invariant relied on: mistune's container parsers keep a 1:1 line correspondence with the
source and only rewrite a line's *prefix* (markers, indentation, tabs), so every content
character keeps its distance to the end of its line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from mistune.core import BlockState
from mistune.markdown import Markdown

from awesomelint._regex import lazy
from awesomelint.markdown.parts import Parts

Token = dict[str, Any]

_ITEM_MARKER = lazy(r"[ \t]*(?:[*+-]|\d{1,9}[.)])(.*)")
_BLANKS = lazy(r"[ \t]+")


def _line_starts(s: str) -> list[int]:
    starts, find = [0], s.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class TokenList(list[Token]):
    """state.tokens that remembers its state: list items reuse it as ``children``."""

    __slots__ = ("state",)
    state: PosState


class PosState(BlockState):
    """mistune's block state, knowing where its src sits in the document: the line its
    first line is, its container's marker, and the text segments of its paragraphs."""

    def __init__(self, parent: Any | None = None) -> None:
        super().__init__(parent)
        tokens = TokenList()
        tokens.state = self
        self.tokens = tokens
        self.base = 0  # 0-based document line of this src's line 0
        self.origin: tuple[PosState, int] | None = None  # (parent, offset of marker)
        self.pending: tuple[str, int] | None = None  # next child: (kind, local line)
        self._starts: Sequence[int] | None = None
        self._deltas: list[int] | None = None
        # line starts known to be those of src (the root's, when mistune's text is the
        # original: the Document's own tuple, not a second list of the same numbers)
        self.same_starts: Sequence[int] | None = None
        # every state of one parse (see _release)
        self.family: list[PosState] = parent.family if parent is not None else []
        self.family.append(self)

    def process(self, src: str) -> None:
        super().process(src)
        self._starts = self._deltas = None

    @property
    def starts(self) -> Sequence[int]:
        if self._starts is None:
            self._starts = self.same_starts or _line_starts(self.src)
        return self._starts

    def line_of(self, off: int) -> int:
        return bisect_right(self.starts, off) - 1

    def line_text(self, i: int) -> str:
        s = self.starts
        return self.src[s[i] : s[i + 1] - 1 if i + 1 < len(s) else len(self.src)]

    def deltas(self, root: PosState) -> list[int]:
        """Per local line: document offset - local offset (end-of-line aligned)."""
        if self._deltas is None:
            rs, ls, n, rn = root.starts, self.starts, len(self.src), len(root.src)
            out = []
            for sl in range(len(ls)):
                dl = self.base + sl
                local_end = ls[sl + 1] - 1 if sl + 1 < len(ls) else n
                doc_end = rs[dl + 1] - 1 if dl + 1 < len(rs) else rn
                out.append(doc_end - local_end)
            self._deltas = out
        return self._deltas

    def child_state(self, src: str, lazy_line_starts: set[int] | None = None) -> PosState:
        child = super().child_state(src, lazy_line_starts)
        assert isinstance(child, PosState)
        kind, line = self.pending or ("?", self.line_of(max(self.cursor - 1, 0)))
        text = self.line_text(line)
        child.origin = (self, self.starts[line] + len(text) - len(text.lstrip(" \t")))
        child.base = self.base + line
        if kind == "list":
            m = _ITEM_MARKER.match(text)
            if m and not m.group(1).strip():
                child.base += 1  # "-\n  text": item content starts on the next line
            # list_parser creates this child after consuming the *next* item's marker
            # line, so the cursor sits right after it.
            self.pending = ("list", self.line_of(self.cursor - 1))
        return child

    def add_paragraph(self, text: str) -> None:
        # every caller passes text == src[cursor:cursor + len(text)]
        last = self.last_token()
        if last and last["type"] == "paragraph":
            _add_segment(last, self.cursor, self.cursor + len(text))
            super().add_paragraph(text)
        else:
            super().add_paragraph(text)
            self.tokens[-1].update(
                _s=self.cursor,
                _e=self.cursor + len(text),
                _segs=[(0, self.cursor)],
                _tlen=len(text),
                _st=self,
            )

    def append_paragraph(self) -> int | None:
        last, start = self.last_token(), self.cursor
        pos = super().append_paragraph()
        if pos:
            _add_segment(last, start, pos)
        return pos


def _add_segment(tok: Token, start: int, end: int) -> None:
    """Paragraph text grew by src[start:end]; not always contiguous (a paragraph can get a
    line appended *above* an intervening block quote), so keep (text, src) segments."""
    if start != tok["_e"]:
        tok["_segs"].append((tok["_tlen"], start))
    tok["_tlen"] += end - start
    tok["_e"] = end


class Recovery(Parts):
    """One Document's recovery: the parts found so far (:class:`Parts`), mistune's root
    state, and offsets of any state mapped to the original text."""

    def __init__(self, text: str, root: PosState, md: Markdown, fast: bool = True) -> None:
        super().__init__(text, fast)
        self.root: PosState = root
        self.md = md
        self.refs: dict[str, tuple[PosState, int, str, str]] = {}

    def src_starts(self) -> Sequence[int]:
        return self.root.starts

    def has_refs(self) -> bool:
        return bool(self.root.env.get("ref_links"))

    def orig(self, st: PosState | None, off: int) -> int:
        """Offset in any (child) state's src -> offset in the original text."""
        root = self.root
        if st is root or st is None:
            if self.identity:
                return off
            doc = off
        else:
            sl = st.line_of(off)
            line_start = root.starts[st.base + sl]
            doc = max(off + st.deltas(root)[sl], line_start)  # clamp: rewritten indent
        line = bisect_right(root.starts, doc) - 1
        line = min(line, len(self.line_starts) - 1)
        return self.line_starts[line] + doc - root.starts[line]

    def orig_indented(self, st: PosState, off: int) -> int:
        """orig() of a position followed by indentation that mistune may have rewritten
        (tabs become spaces, so blanks do not map 1:1): map the first non-blank exactly,
        then step back over at most as many blanks as the source really has there."""
        m = _BLANKS.match(st.src, off)
        e = m.end() if m else off
        c = self.orig(st, e)
        floor = self.line_starts[self.line_of(c) - 1]
        before = self.text[max(floor, c - (e - off)) : c]
        return c - (len(before) - len(before.rstrip(" \t")))

    def last_line(self, st: PosState, end: int) -> int:
        """0-based document line of the last character before ``end`` in st.src."""
        return st.base + st.line_of(max(end - 1, 0))

