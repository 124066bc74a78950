"""Positions of inline content: links, images, autolinks, bare URLs, code spans, HTML.

mistune parses inline text later than its block, detached from it; :class:`PosInlineParser`
records where each link or code span sits in that inline text (``_span``), and
:class:`InlineRecovery` maps the inline text back to the original through the block's
text segments (``parts.TextMap``). The links the fast path ``_fast.inline_links`` finds
are added by ``parts.Parts``, as mistune's would be.
"""

from __future__ import annotations

import re

from mistune.core import InlineState
from mistune.helpers import parse_link_href
from mistune.inline_parser import InlineParser

from awesomelint._regex import lazy
from awesomelint.document import Link, LinkKind, Region
from awesomelint.markdown.parts import TextMap
from awesomelint.markdown.positions import Recovery, Token

_ONE_CLOSE = lazy(r"(?P<link_close>\])")
# destination of an inline link, common case (no title/parens/escapes/newline)
_HREF_FAST = lazy(r"[ \t]*(?:<([^<>\n\\]*)>|([^\s()<\\\x00-\x1f\x7f]+))[ \t]*\)")


class AnchorInlineParser(InlineParser):
    """mistune's inline parser with one change: only an ``<a href=...>`` tag opens a link.
    mistune 3.4 takes any ``<a`` for one and parses no link after it up to an ``</a>``,
    so the anchors lists put by their headings (``<a name="go" />``, ``<a id="x">``) hid
    every link after them - links CommonMark and GitHub show. An anchor without ``href``
    links nowhere. (tests/core/test_positions.py compares the hooked parse with this
    one's.)"""

    def parse_inline_html(self, m: re.Match[str], state: InlineState) -> int | None:
        was = state.in_link
        end = super().parse_inline_html(m, state)
        if end is not None and state.in_link and not was:
            state.in_link = _OPENS_LINK.match(state.src, m.start(), end) is not None
        return end


class PosInlineParser(AnchorInlineParser):
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


# an <a> tag that opens a hyperlink: it has an href and does not close itself
_OPENS_LINK = lazy(r"<a\s[^>]*?\bhref\s*=[^>]*(?<!/)>", re.IGNORECASE)


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


class InlineRecovery(Recovery):
    """Adds the links and code spans of a block's inline text to the Document's parts."""

    def inline_tokens(
        self, tokens: list[Token], tmap: TextMap, src: str, parent: int | None
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
        tm: TextMap,
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
