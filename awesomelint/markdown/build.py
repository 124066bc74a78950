"""Source positions for mistune 3.4 tokens, turned into a :class:`Document`.

mistune 3 has no position API: tokens are plain dicts, list items and block quotes are
re-parsed from *rewritten* sub-strings, and inline text is parsed later, detached from
its block. We hook a few choke points (after the research prototype in
shared/research/mistune-positions, verified on the 652 CommonMark examples and fuzzing):

  block   blocks.PosBlockParser.parse_method        every regex-dispatched block rule
          blocks.PosBlockParser._parse_indent_code_fast   (private fast path)
          positions.PosState.add_paragraph / append_paragraph (paragraph text)
          positions.PosState.child_state            (list item / quote -> document line)
  inline  inline.PosInlineParser.parse_method       links, autolinks, bare URLs, code spans
          a before_render hook (here)               walks the tokens (blocks.Builder) and
                                                    runs inline parsing itself, knowing
                                                    where each block's text starts

This module makes the hooked mistune instance and runs one parse; it is also the one
place that configures mistune for anything else (:func:`plain_inline`). Pinned to
mistune 3.4 (tests/core/test_positions.py guards upgrades).
"""

from __future__ import annotations

import re
from functools import cache

import mistune
from mistune.core import BlockState
from mistune.markdown import Markdown

from awesomelint._gc import PausedGC
from awesomelint._regex import lazy
from awesomelint.document import Document
from awesomelint.markdown.blocks import Builder, PosBlockParser
from awesomelint.markdown.fastdoc import fast_document
from awesomelint.markdown.inline import AnchorInlineParser, PosInlineParser
from awesomelint.markdown.positions import PosState, TokenList


def _before_render(md: Markdown, state: BlockState) -> None:
    builder: Builder = state.env["_builder"]
    assert isinstance(state, PosState)
    builder.refs = state.env.pop("_ref_pos", {})
    builder.walk(state.tokens, 0, None, 0)


_TAB_BLANK = lazy(r"^[ \t]*\t[ \t]*$", re.M)


def _blank_tab_lines(md: Markdown, state: BlockState) -> None:
    """mistune 3.4 does not take a line of only tabs and spaces (with a tab) for a blank
    line, as CommonMark does; make it one of spaces - same length, so no offset moves."""
    if "\t" in state.src:
        state.process(_TAB_BLANK.sub(lambda m: " " * len(m.group(0)), state.src))


def create_markdown(fast: bool = True) -> Markdown:
    md = Markdown(renderer=None, block=PosBlockParser(fast), inline=PosInlineParser())
    md.use(mistune.plugins.import_plugin("url"))
    md.before_parse_hooks.append(_blank_tab_lines)
    md.before_render_hooks.append(_before_render)
    return md


@cache
def plain_inline() -> Markdown:
    """A plain mistune (no hooks, no plugins), made on first use: the inline Markdown of
    a heading as GitHub renders it for its anchor (markdown/slug.py), and whether a line
    opens with emphasis (commonmark/items.py). Not the hooked instance: its ``url``
    plugin takes a bare URL before emphasis and escapes (GitHub links bare URLs after
    them), which would change the text of ``https://x.com/*a*`` or ``\\_``."""
    # renderer=None: mistune returns tokens; the object holds configuration only, every
    # call gets a fresh parser state. (Links after an <a name> anchor are links, as in
    # the hooked instance.)
    return Markdown(renderer=None, inline=AnchorInlineParser())


def build_document(text: str, *, fast: bool = True) -> Document:
    """The Document of ``text``. ``fast=False`` turns the fast paths (``_fast``,
    ``fastdoc``) off: mistune then parses everything (the reference the fast paths are
    tested against)."""
    doc = fast_document(text) if fast else None
    return doc if doc is not None else mistune_document(text, fast=fast)


def mistune_document(text: str, *, fast: bool = True) -> Document:
    """The Document of ``text`` parsed by mistune (with the fast paths of ``_fast`` for
    its lists and inline text unless ``fast`` is False)."""
    md = create_markdown()
    assert isinstance(md.block, PosBlockParser)
    md.block.fast = fast
    body = text[1:] if text.startswith("\ufeff") else text
    state = PosState()
    builder = Builder(text, state, md, fast)
    state.env["_builder"] = builder
    if builder.identity and text.endswith("\n"):  # else mistune adds a line break
        state.same_starts = builder.line_starts
    with PausedGC():  # a parse allocates many small objects and frees none
        try:
            md.parse(body, state)
            return builder.document()
        finally:
            _release(state)


def _release(root: PosState) -> None:
    """Break the parse's reference cycles (states and their token lists, the builder in
    the shared env), so that reference counting frees it all at once: no garbage left
    for the cyclic GC to find, a lower peak of memory."""
    for st in root.family:
        if isinstance(st.tokens, TokenList) and hasattr(st.tokens, "state"):
            del st.tokens.state
        st.tokens = TokenList()
        st.origin = None
    root.family.clear()
    root.env.clear()
