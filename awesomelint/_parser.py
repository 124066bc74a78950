"""Source positions for mistune 3.4 tokens, turned into a :class:`Document`.

mistune 3 has no position API: tokens are plain dicts, list items and block quotes are
re-parsed from *rewritten* sub-strings, and inline text is parsed later, detached from
its block. We hook a few choke points (after the research prototype in
shared/research/mistune-positions, verified on the 652 CommonMark examples and fuzzing):

  block   _PosBlockParser.parse_method        every regex-dispatched block rule
          _PosBlockParser._parse_indent_code_fast   (private fast path)
          _PosState.add_paragraph / append_paragraph (paragraph text)
          _PosState.child_state               (list item / quote -> document line)
  inline  _PosInlineParser.parse_method       links, autolinks, bare URLs, code spans
          a before_render hook                runs inline parsing itself, knowing where
                                              each block's text starts

Invariant relied on: mistune's container parsers keep a 1:1 line correspondence with the
source and only rewrite a line's *prefix* (markers, indentation, tabs), so every content
character keeps its distance to the end of its line. Pinned to mistune 3.4
(tests/test_positions.py guards upgrades).
"""

from __future__ import annotations

import gc
import re
import string
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState, InlineState
from mistune.helpers import parse_link_href
from mistune.inline_parser import InlineParser
from mistune.markdown import Markdown
from mistune.util import unikey

from awesomelint._fast import FastList, InlineLink, inline_links, scan_list
from awesomelint.document import (
    Block,
    Definition,
    Document,
    Heading,
    Link,
    LinkKind,
    ListItem,
    Region,
    TextLine,
    split_lines,
)

Token = dict[str, Any]

_ITEM_MARKER = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)])(.*)")
_MARKER_AT = re.compile(r"[*+-]|\d{1,9}[.)]")
_ONE_CLOSE = re.compile(r"(?P<link_close>\])")
_BLANKS = re.compile(r"[ \t]+")
_INLINE_STRIP = " \r\n\t\f"  # what Markdown._iter_render strips
# destination of an inline link, common case (no title/parens/escapes/newline)
_HREF_FAST = re.compile(r"[ \t]*(?:<([^<>\n\\]*)>|([^\s()<\\\x00-\x1f\x7f]+))[ \t]*\)")


def _line_starts(s: str) -> list[int]:
    starts, find = [0], s.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class _TokenList(list[Token]):
    """state.tokens that remembers its state: list items reuse it as ``children``."""

    __slots__ = ("state",)
    state: _PosState


class _PosState(BlockState):
    def __init__(self, parent: Any | None = None) -> None:
        super().__init__(parent)
        tokens = _TokenList()
        tokens.state = self
        self.tokens = tokens
        self.base = 0  # 0-based document line of this src's line 0
        self.origin: tuple[_PosState, int] | None = None  # (parent, offset of marker)
        self.pending: tuple[str, int] | None = None  # next child: (kind, local line)
        self._starts: Sequence[int] | None = None
        self._deltas: list[int] | None = None
        # line starts known to be those of src (the root's, when mistune's text is the
        # original: the Document's own tuple, not a second list of the same numbers)
        self.same_starts: Sequence[int] | None = None
        # every state of one parse (see _release)
        self.family: list[_PosState] = parent.family if parent is not None else []
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

    def deltas(self, root: _PosState) -> list[int]:
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

    def child_state(self, src: str, lazy_line_starts: set[int] | None = None) -> _PosState:
        child = super().child_state(src, lazy_line_starts)
        assert isinstance(child, _PosState)
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


class _PosBlockParser(BlockParser):
    state_cls = _PosState

    def __init__(self, fast: bool = True) -> None:
        super().__init__()
        self.fast = fast
        self.nest = 0  # parse_method calls in progress: 0 in the root's own loop

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:
        assert isinstance(state, _PosState)
        rule, start, n = m.lastgroup, m.start(), len(state.tokens)
        if rule == "list" and self.fast and not self.nest and state.parent is None:
            fast = _fast_list(state, start)
            if fast is not None:
                return fast
        self.nest += 1
        try:
            return self._parse_method(m, state, rule, start, n)
        finally:
            self.nest -= 1

    def _parse_method(
        self, m: re.Match[str], state: _PosState, rule: str | None, start: int, n: int
    ) -> int | None:
        saved = state.pending
        # a '[x]: url' line is a definition only if mistune registers it now (not when
        # it continues a paragraph, not when the label was defined before)
        refs_before = len(state.env.get("ref_links", ())) if rule == "ref_link" else 0
        if rule in ("list", "block_quote"):
            state.pending = (rule, state.line_of(start))
        try:
            end = super().parse_method(m, state)
        finally:
            state.pending = saved
        if not end:
            return end
        for tok in state.tokens[n:]:
            if "_s" not in tok:
                tok.update(_s=start, _e=end, _st=state)
        last = state.tokens[-1] if state.tokens else None
        if rule == "atx_heading" and last and last.get("style") == "atx" and "_segs" not in last:
            g = m.group("atx_2")
            lead = len(g) - len(g.lstrip(string.whitespace))
            last["_segs"] = [(0, m.start("atx_2") + lead)]
        elif rule == "setex_heading" and last and last.get("style") == "setext":
            last["_e"] = max(last["_e"], end)  # the paragraph became a heading
        elif rule == "ref_link" and len(state.env.get("ref_links", ())) > refs_before:
            refs = state.env.setdefault("_ref_pos", {})
            key = unikey(m.group("reflink_1"))
            href, href_end = parse_link_href(state.src, m.end(), block=True)
            if key not in refs and href is not None and href_end is not None:  # first wins
                angle = state.src[href_end - 1] == ">" and not href.endswith(">")
                u1 = href_end - 1 if angle else href_end
                refs[key] = (state, u1 - len(href), href, m.group("reflink_1"))
        return end

    def _parse_indent_code_fast(self, state: BlockState) -> int | None:
        start, n = state.cursor, len(state.tokens)
        end = super()._parse_indent_code_fast(state)
        if end is not None:
            for tok in state.tokens[n:]:
                if "_s" not in tok:
                    tok.update(_s=start, _e=end, _st=state)
        return end


def _fast_list(state: _PosState, start: int) -> int | None:
    """Let _fast.scan_list take a top-level list; None when mistune must parse it."""
    found = scan_list(state.src, start, state.line_of(start))
    if found is None:
        return None
    state.append_token({"type": "_fast_list", "list": found})
    return found.end


class _PosInlineParser(InlineParser):
    """Adds ``_span`` (offsets into the inline source) to links and code spans:
    (open, text_start, close, end) for [text](..)/[text][ref], (start, end) otherwise."""

    def parse_method(self, m: re.Match[str], state: InlineState) -> int | None:
        rule = m.lastgroup
        if rule == "link_close":
            # Feed a ']+' run one ']' at a time (equivalent to links.parse_link_close)
            # so that we know which ']' closed which '['.
            # One ']' pops at most the innermost bracket (mistune 3.4's parse_link_close:
            # _close_bracket pops one, _discard_brackets drops one); looking at the top two
            # keeps this linear where a copy of every open bracket per ']' was quadratic.
            pos, stop = m.start(), m.end()
            while pos < stop:
                tail = state.brackets[-2:]
                before = len(state.brackets)
                one = _ONE_CLOSE.match(state.src, pos)
                assert one is not None
                new = super().parse_method(one, state)
                assert new is not None
                gone = before - len(state.brackets)
                for b in tail[len(tail) - gone :] if 0 < gone <= len(tail) else ():
                    if b.token_index >= len(state.tokens):
                        continue
                    tok = state.tokens[b.token_index]
                    if tok["type"] in ("link", "image") and "_span" not in tok:
                        start = b.start - (2 if b.image else 1)
                        tok["_span"] = (start, b.start, pos, new)
                pos = new
            return pos
        n = len(state.tokens)
        end = super().parse_method(m, state)
        if end and rule in ("auto_link", "auto_email", "url_link", "codespan", "inline_html"):
            for tok in state.tokens[n:]:
                if tok.get("type") in ("link", "codespan", "inline_html") and "_span" not in tok:
                    tok["_span"] = (m.start(), end)
        return end


def _href_span(src: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the destination of an inline link whose '(' is at pos - 1."""
    m = _HREF_FAST.match(src, pos)
    if m:
        return m.span(1 if m.group(1) is not None else 2)
    href, href_end = parse_link_href(src, pos)  # titles, parens, escapes, newline
    if href is None or href_end is None:
        return None
    angle = src[href_end - 1] == ">" and not href.endswith(">")
    u1 = href_end - 1 if angle else href_end
    return u1 - len(href), u1


class _TextMap:
    """Offset in the inline source (stripped block text) -> offset in st.src."""

    __slots__ = ("keys", "lead", "segs", "st")

    def __init__(self, st: _PosState, segs: list[tuple[int, int]], lead: int) -> None:
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


class _Builder:
    """Walks the hooked token tree once and collects the Document's parts."""

    def __init__(self, text: str, root: _PosState, md: Markdown, fast: bool = True) -> None:
        self.text = text
        self.root = root
        self.md = md
        self.fast = fast
        # no BOM, no CR: mistune's text is the original, offsets map to themselves
        self.identity = "\r" not in text and not text.startswith("\ufeff")
        self.line_starts, self.line_ends = split_lines(text)
        self.refs: dict[str, tuple[_PosState, int, str, str]] = {}
        self.headings: list[Heading] = []
        # ListItem fields but children: index, marker, start, end, line, end_line,
        # depth, list_id, parent; or a ListItem (from a fast list)
        self.items: list[list[Any] | ListItem] = []
        self.links: list[Link] = []
        self.blocks: list[Block] = []
        self.regions: list[Region] = []
        self.list_count = 0

    # -- offsets -----------------------------------------------------------------------
    def orig(self, st: _PosState, off: int) -> int:
        """Offset in any (child) state's src -> offset in the original text."""
        root = self.root
        if st is root:
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

    def orig_indented(self, st: _PosState, off: int) -> int:
        """orig() of a position followed by indentation that mistune may have rewritten
        (tabs become spaces, so blanks do not map 1:1): map the first non-blank exactly,
        then step back over at most as many blanks as the source really has there."""
        m = _BLANKS.match(st.src, off)
        e = m.end() if m else off
        c = self.orig(st, e)
        floor = self.line_starts[self.line_of(c) - 1]
        before = self.text[max(floor, c - (e - off)) : c]
        return c - (len(before) - len(before.rstrip(" \t")))

    def last_line(self, st: _PosState, end: int) -> int:
        """0-based document line of the last character before ``end`` in st.src."""
        return st.base + st.line_of(max(end - 1, 0))

    def line_end(self, line0: int) -> int:
        return self.line_ends[min(line0, len(self.line_ends) - 1)]

    # -- walk --------------------------------------------------------------------------
    def walk(self, tokens: list[Token], depth: int, parent: int | None, list_id: int) -> None:
        for tok in tokens:
            self.token(tok, depth, parent, list_id)

    def token(self, tok: Token, depth: int, parent: int | None, list_id: int) -> None:
        typ = tok["type"]
        st: _PosState | None = tok.pop("_st", None)
        s, e = tok.pop("_s", None), tok.pop("_e", None)
        segs = tok.pop("_segs", None)
        tok.pop("_tlen", None)
        kids: Any = tok.get("children")
        if typ == "_fast_list":
            self.fast_list(tok.pop("list"), depth, parent)
            return
        if typ == "list":
            self.list_count += 1
            self.walk(kids, depth, parent, self.list_count)
            return
        if typ == "list_item":
            cst = kids.state
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
            self.walk(kids, depth + 1, index, list_id)
            return
        if st is not None and s is not None and e is not None:
            if typ == "block_code":
                kind = "indent_code" if tok.get("style") == "indent" else "fenced_code"
                self.add_region(kind, st, s, e)
            elif typ == "block_html":
                self.add_region("html", st, s, e)
        if "text" in tok and segs is not None and st is not None:
            self.inline_block(tok, st, s or 0, e or 0, segs)
        elif kids is not None:
            self.walk(kids, depth, parent, list_id)

    def line_of(self, off: int) -> int:
        return bisect_right(self.line_starts, off)

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
                stripped = own.rstrip(_INLINE_STRIP)
                found = inline_links(stripped, refs)
                if found is not None:
                    if found[0] or found[1]:
                        self.add_links_at(stripped, found, b0)
                    continue
                self.inline_tokens(
                    self.md.inline(stripped, self.root.env),
                    _TextMap(self.root, [(0, body)], 0),
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
            stripped = "\n".join(tl.text for tl in lines).rstrip(_INLINE_STRIP)
            tmap = _TextMap(self.root, segs, 0)
            found = inline_links(stripped, refs)
            if found is not None:
                if found[0] or found[1]:
                    self.add_links(stripped, found, self.mapper(tmap))
                continue
            self.inline_tokens(self.md.inline(stripped, self.root.env), tmap, stripped, None)

    def mapper(self, tmap: _TextMap) -> Callable[[int], int]:
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

    def add_region(self, kind: Any, st: _PosState, s: int, e: int) -> None:
        if kind == "indent_code":  # mistune's indented code takes the blank lines after it
            while e > s and st.src[e - 1] in " \t\n":
                e -= 1
        start = self.orig_indented(st, s)
        end = self.line_end(self.last_line(st, e))
        self.regions.append(Region(kind, start, end))

    def inline_block(
        self, tok: Token, st: _PosState, s: int, e: int, segs: list[tuple[int, int]]
    ) -> None:
        text: str = tok.pop("text")
        for (t0, s0), (t1, _) in zip(segs, [*segs[1:], (len(text), 0)], strict=True):
            if not st.src.startswith(text[t0:t1], s0):
                raise AssertionError(f"{tok['type']} text does not match its source span")
        lead = len(text) - len(text.lstrip(_INLINE_STRIP))
        stripped = text.strip(_INLINE_STRIP)
        tmap = _TextMap(st, segs, lead)
        lines = []
        k = 0
        for ln in text.rstrip("\n").split("\n"):
            off = self.orig_indented(st, tmap.src(k - lead))
            ws = len(ln) - len(ln.lstrip(" \t"))
            own = ln
            if ws:  # the source's own blanks (a tab, not the spaces mistune made of it)
                own = self.text[off : self.orig(st, tmap.src(k + ws - lead))] + ln[ws:]
            lines.append(TextLine(self.line_of(off), off, own))
            k += len(ln) + 1
        start = self.orig_indented(st, s)
        end = self.line_end(self.last_line(st, e))
        if tok["type"] == "heading":
            level = tok["attrs"]["level"]
            style = tok.get("style", "atx")
            text_start = self.orig(st, tmap.src(0)) if stripped else lines[0].start
            # the block starts at its indentation; the heading at its '#' (or its text)
            head = self.text[start : self.line_end(self.line_of(start) - 1)]
            hstart = start + len(head) - len(head.lstrip(" \t"))
            self.headings.append(
                Heading(level, style, hstart, end, stripped, text_start, self.line_of(start))
            )
            kind = "heading"
        else:
            kind = "paragraph"
        self.blocks.append(
            Block("heading" if kind == "heading" else "paragraph", start, end, tuple(lines))
        )
        if self.fast:
            found = inline_links(stripped, bool(self.root.env.get("ref_links")))
            if found is not None:
                if found[0] or found[1]:
                    st_ = tmap.st
                    if "\n" not in stripped:  # one line: offsets map linearly
                        self.add_links_at(stripped, found, self.orig(st_, tmap.src(0)))
                    else:
                        self.add_links(stripped, found, self.mapper(tmap))
                return
        children = self.md.inline(stripped, self.root.env)
        self.inline_tokens(children, tmap, stripped, None)
        tok["children"] = children

    def inline_tokens(
        self, tokens: list[Token], tmap: _TextMap, src: str, parent: int | None
    ) -> None:
        for it in tokens:
            span = it.pop("_span", None)
            own = parent
            if span is not None:
                typ = it["type"]
                if typ in ("link", "image"):
                    link = self.make_link(tmap, src, span, it, parent)
                    if link is not None:
                        own = len(self.links)
                        self.links.append(link)
                elif typ in ("codespan", "inline_html"):
                    a = self.orig(tmap.st, tmap.src(span[0]))
                    b = self.orig(tmap.st, tmap.src(span[1] - 1)) + 1
                    self.regions.append(Region(typ, a, b))
            if "children" in it:
                self.inline_tokens(it["children"], tmap, src, own)

    def make_link(
        self,
        tm: _TextMap,
        src: str,
        span: tuple[int, ...],
        tok: Token,
        parent: int | None,
    ) -> Link | None:
        def pt(rel: int) -> int:
            return self.orig(tm.st, tm.src(rel))

        start = pt(span[0])
        end = pt(span[-1] - 1) + 1
        image = tok["type"] == "image"
        if len(span) == 4:  # [text](url) / [text][ref]
            _, t0, t1, _ = span
            text, text_start = src[t0:t1], pt(t0)
            if "ref" not in tok:  # mistune marks [text][ref] / [ref] with "ref"
                us = _href_span(src, t1 + 2)
                if us is None:
                    return None
                return Link(
                    "inline",
                    image,
                    start,
                    end,
                    text,
                    text_start,
                    src[us[0] : us[1]],
                    pt(us[0]),
                    pt(us[0]) + us[1] - us[0],
                    None,
                    parent,
                )
            ref = self.refs.get(tok.get("ref", ""))
            if ref is None:
                return None
            rst, roff, raw, label = ref
            u0 = self.orig(rst, roff)
            return Link(
                "reference",
                image,
                start,
                end,
                text,
                text_start,
                raw,
                u0,
                u0 + len(raw),
                tok.get("label") or label,
                parent,
            )
        a, b = span
        kind: LinkKind = "autolink" if src.startswith("<", a) else "bare"
        ua, ub = (a + 1, b - 1) if kind == "autolink" else (a, b)
        return Link(
            kind, image, start, end, None, None, src[ua:ub], pt(ua), pt(ua) + ub - ua, None, parent
        )

    def definitions(self) -> tuple[Definition, ...]:
        out = []
        for _key, (st, off, raw, label) in self.refs.items():
            u0 = self.orig(st, off)
            out.append(Definition(label, raw, u0, u0 + len(raw), self.line_of(u0)))
        out.sort(key=lambda d: d.url_start)
        return tuple(out)

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


def _before_render(md: Markdown, state: BlockState) -> None:
    builder: _Builder = state.env["_builder"]
    assert isinstance(state, _PosState)
    builder.refs = state.env.pop("_ref_pos", {})
    builder.walk(state.tokens, 0, None, 0)


_TAB_BLANK = re.compile(r"^[ \t]*\t[ \t]*$", re.M)


def _blank_tab_lines(md: Markdown, state: BlockState) -> None:
    """mistune 3.4 does not take a line of only tabs and spaces (with a tab) for a blank
    line, as CommonMark does; make it one of spaces - same length, so no offset moves."""
    if "\t" in state.src:
        state.process(_TAB_BLANK.sub(lambda m: " " * len(m.group(0)), state.src))


def create_markdown(fast: bool = True) -> Markdown:
    md = Markdown(renderer=None, block=_PosBlockParser(fast), inline=_PosInlineParser())
    md.use(mistune.plugins.import_plugin("url"))
    md.before_parse_hooks.append(_blank_tab_lines)
    md.before_render_hooks.append(_before_render)
    return md


def _iter(tokens: list[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        if "children" in t:
            yield from _iter(t["children"])


def build_document(text: str, *, fast: bool = True) -> Document:
    """The Document of ``text``. ``fast=False`` turns the fast paths of ``_fast`` off:
    mistune then parses everything (the reference the fast paths are tested against)."""
    md = create_markdown()
    assert isinstance(md.block, _PosBlockParser)
    md.block.fast = fast
    body = text[1:] if text.startswith("\ufeff") else text
    state = _PosState()
    builder = _Builder(text, state, md, fast)
    state.env["_builder"] = builder
    if builder.identity and text.endswith("\n"):  # else mistune adds a line break
        state.same_starts = builder.line_starts
    gc_was_on = gc.isenabled()
    gc.disable()  # a parse allocates many small objects and frees none: skip GC passes
    try:
        md.parse(body, state)
        return _document(text, builder)
    finally:
        _release(state)
        if gc_was_on:
            gc.enable()


def _release(root: _PosState) -> None:
    """Break the parse's reference cycles (states and their token lists, the builder in
    the shared env), so that reference counting frees it all at once: no garbage left
    for the cyclic GC to find, a lower peak of memory."""
    for st in root.family:
        if isinstance(st.tokens, _TokenList) and hasattr(st.tokens, "state"):
            del st.tokens.state
        st.tokens = _TokenList()
        st.origin = None
    root.family.clear()
    root.env.clear()


def _document(text: str, builder: _Builder) -> Document:
    links = builder.links
    starts = [lk.start for lk in links]
    if any(a > b for a, b in pairwise(starts)):  # keep parent indices valid
        old = links
        links = sorted(old, key=lambda lk: lk.start)
        order = {id(lk): i for i, lk in enumerate(links)}
        links = [
            lk if lk.parent is None else _reparent(lk, order[id(old[lk.parent])]) for lk in links
        ]
        starts = [lk.start for lk in links]
    regions = sorted(builder.regions, key=lambda r: (r.start, -r.end))
    return Document(
        text=text,
        line_starts=builder.line_starts,
        line_ends=builder.line_ends,
        headings=tuple(sorted(builder.headings, key=lambda h: h.start)),
        items=builder.items_tuple(),
        links=tuple(links),
        blocks=tuple(sorted(builder.blocks, key=lambda b: b.start)),
        definitions=builder.definitions(),
        regions=tuple(regions),
        _region_starts=tuple(r.start for r in regions),
        _link_starts=tuple(starts),
    )


def _reparent(link: Link, parent: int | None) -> Link:
    lk = link
    return Link(
        lk.kind, lk.image, lk.start, lk.end, lk.text, lk.text_start, lk.url, lk.url_start,
        lk.url_end, lk.label, parent,
    )  # fmt: skip
