"""Positions of blocks: headings, paragraphs, code and HTML blocks, link definitions.

:class:`PosBlockParser` hooks mistune's block parser: every regex-dispatched block rule
(``parse_method``) and the private indented-code fast path mark the tokens they add with
their span in the state's src; an ATX heading's text, a setext heading's underline and a
link reference definition's destination get theirs too, and a top-level list may go to
the fast path. :class:`Builder` walks the marked token tree once (after mistune's block
parse, before rendering) and collects the Document's parts.
"""

from __future__ import annotations

import re
import string
from typing import Any

from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.helpers import parse_link_href
from mistune.util import unikey

from awesomelint.document import Block, Definition, Heading, Region, TextLine
from awesomelint.markdown import _fast
from awesomelint.markdown.lists import ListRecovery, take_fast_list
from awesomelint.markdown.parts import INLINE_STRIP, TextMap
from awesomelint.markdown.positions import PosState, Token


class PosBlockParser(BlockParser):
    state_cls = PosState

    def __init__(self, fast: bool = True) -> None:
        super().__init__()
        self.fast = fast
        self.nest = 0  # parse_method calls in progress: 0 in the root's own loop

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:
        assert isinstance(state, PosState)
        rule, start, n = m.lastgroup, m.start(), len(state.tokens)
        if rule == "list" and self.fast and not self.nest and state.parent is None:
            fast = take_fast_list(state, start)
            if fast is not None:
                return fast
        self.nest += 1
        try:
            return self._parse_method(m, state, rule, start, n)
        finally:
            self.nest -= 1

    def _parse_method(
        self, m: re.Match[str], state: PosState, rule: str | None, start: int, n: int
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


class Builder(ListRecovery):
    """Walks the hooked token tree once and collects the Document's parts."""

    def walk(self, tokens: list[Token], depth: int, parent: int | None, list_id: int) -> None:
        for tok in tokens:
            self.token(tok, depth, parent, list_id)

    def token(self, tok: Token, depth: int, parent: int | None, list_id: int) -> None:
        typ = tok["type"]
        st: PosState | None = tok.pop("_st", None)
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
            index = self.list_item(kids.state, depth, parent, list_id)
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

    def add_region(self, kind: Any, st: PosState, s: int, e: int) -> None:
        if kind == "indent_code":  # mistune's indented code takes the blank lines after it
            while e > s and st.src[e - 1] in " \t\n":
                e -= 1
            if e == s:
                # a line of spaces only (5 or more, at the start or end of a text): a
                # blank line to CommonMark, and to the fast paths; mistune makes it an
                # empty indented code block
                return
        start = self.orig_indented(st, s)
        end = self.line_end(self.last_line(st, e))
        self.regions.append(Region(kind, start, end))

    def inline_block(
        self, tok: Token, st: PosState, s: int, e: int, segs: list[tuple[int, int]]
    ) -> None:
        text: str = tok.pop("text")
        for (t0, s0), (t1, _) in zip(segs, [*segs[1:], (len(text), 0)], strict=True):
            if not st.src.startswith(text[t0:t1], s0):
                raise AssertionError(f"{tok['type']} text does not match its source span")
        lead = len(text) - len(text.lstrip(INLINE_STRIP))
        stripped = text.strip(INLINE_STRIP)
        tmap = TextMap(st, segs, lead)
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
            found = _fast.inline_links(stripped, bool(self.root.env.get("ref_links")))
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

    def definitions(self) -> tuple[Definition, ...]:
        out = []
        for _key, (st, off, raw, label) in self.refs.items():
            u0 = self.orig(st, off)
            out.append(Definition(label, raw, u0, u0 + len(raw), self.line_of(u0)))
        out.sort(key=lambda d: d.url_start)
        return tuple(out)
