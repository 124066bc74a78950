"""The whole-document fast path: the Document of a text made only of what the fast paths
read, without mistune.

A small list (and pre-commit passes files one at a time) is often nothing but ATX
headings, paragraphs of plain text and top-level bullet lists of entries. For such a
text, mistune's block parser only hands each list to ``_fast.scan_list`` and each block's
text to ``_fast.inline_links``; this module walks the blocks itself, as mistune does,
and builds the same Document with :class:`~awesomelint.markdown.parts.Parts`, so that
such a text is parsed without importing mistune (a fifth of the start-up of ``check``).

The blocks taken, each starting at column 0 of a line:

- a blank line (spaces only);
- an ATX heading ``# Title``: 1-6 ``#``, spaces, then text without ``#`` (no closing
  sequence to trim);
- a top-level bullet list that ``_fast.scan_list`` reads;
- a paragraph: lines that start with a character that starts no block (a letter, a
  digit that is no ordered marker, most punctuation, ``[`` that opens no link reference
  definition), up to a blank line, or up to a line that may start a block (which must
  then be a heading or a list of the above).

and inline text that ``_fast.inline_links`` reads without reference definitions. Any
other shape - a tab, a CR or BOM, ``<`` or ``\\`` anywhere, an indented line, a quote,
a fence, a setext underline, a thematic break, an ordered list, a definition, emphasis
or a ``-`` at the start of a line that is no bullet list - declines the whole text
(None), and mistune parses it. The Documents are the same, every field:
``build_document`` takes this path first, so tests/test_fastpath.py and
tests/test_positions.py compare it with mistune's Document on the corpus, the CommonMark
examples and generated documents (tests/test_fastdoc.py checks which texts it takes).
"""

from __future__ import annotations

from awesomelint._regex import lazy
from awesomelint.document import Block, Document, Heading, TextLine
from awesomelint.markdown import _fast
from awesomelint.markdown.parts import INLINE_STRIP, Parts

# what declines a text at once: characters mistune treats specially at the block level,
# a BOM or CR (offsets would need mapping), and what inline_links declines (escapes, HTML)
_DECLINE = "\t\r\v\f\x00\\<\ufeff"
# an ATX heading as mistune reads it, restricted: no indentation, text without "#"
_HEADING = lazy(r"(#{1,6}) +([^#\n]*[^#\s])[ ]*\n")
# where a line of a paragraph may start a block (or be a lazy line mistune treats so):
# the paragraph ends before it, and the line must be a heading or a bullet list
_MAY_START = frozenset("#`~=-_*+>[< ")


def fast_document(text: str) -> Document | None:
    """The Document of ``text`` if it is made only of blocks this path takes (see the
    module docstring), else None."""
    # (a find per character, in C: what the character class's search answered, without
    # a pattern to compile on every run - most lists hold one and go to mistune)
    if any(c in text for c in _DECLINE):
        return None
    src = text if text.endswith("\n") else text + "\n"  # mistune's text
    parts = _Parts(text)
    pos, line, n = 0, 0, len(src)
    while pos < n:
        eol = src.index("\n", pos)
        c = src[pos]
        if c == "\n" or (c == " " and not src[pos:eol].strip(" ")):
            pos, line = eol + 1, line + 1  # a blank line
        elif c == "#":
            if not _heading(parts, src, pos, line):
                return None
            pos, line = eol + 1, line + 1
        elif c in "-*+":
            found = _fast.scan_list(src, pos, line)
            if found is None:
                return None
            try:
                parts.fast_list(found, 0, None)
            except _Declined:
                return None
            pos = found.end
            line = parts.line_of(pos) - 1
        elif _starts_block(src, pos):
            return None
        else:
            end = _paragraph_end(src, eol + 1)
            if _spaces_line(src, end) or not _paragraph(parts, src, pos, end):
                return None
            line += src.count("\n", pos, end)
            pos = end
    return parts.document()


class _Declined(Exception):
    """A list item's text needs mistune's inline parser."""


class _Parts(Parts):
    def inline_slow(self, stripped: str, segs: list[tuple[int, int]]) -> None:
        raise _Declined


def _starts_block(src: str, pos: int) -> bool:
    """Whether the line at ``pos`` may start a block (or is indented): the characters
    mistune's block rules start with, an ordered list marker, a definition's ``[``."""
    c = src[pos]
    if c in _MAY_START or c.isspace():
        return c != "[" or _fast._may_define(src, pos)
    return c.isdigit() and _fast._ORDERED.match(src, pos) is not None  # ("1." then a space)


def _paragraph_end(src: str, pos: int) -> int:
    """Where the paragraph whose next line starts at ``pos`` ends: at the first blank
    line or line that may start a block (or the end)."""
    n = len(src)
    while pos < n:
        c = src[pos]
        if c == "\n" or _starts_block(src, pos):
            return pos
        pos = src.index("\n", pos) + 1
    return n


def _spaces_line(src: str, pos: int) -> bool:
    """Whether the line at ``pos`` is five or more spaces and nothing else: blank to
    CommonMark, but mistune 3.4 reads it (and the lines after it) into the paragraph
    before it, so the text is left to mistune."""
    eol = src.find("\n", pos)
    return eol - pos >= 5 and not src[pos:eol].strip(" ")


def _paragraph(parts: Parts, src: str, start: int, end: int) -> bool:
    """Add the paragraph ``src[start:end]`` (whole lines) as mistune's token walk would;
    False when its inline text needs mistune."""
    text = src[start:end]
    lines = []
    k = start
    for ln in text.rstrip("\n").split("\n"):
        lines.append(TextLine(parts.line_of(k), k, ln))
        k += len(ln) + 1
    block_end = parts.line_end(parts.line_of(end - 1) - 1)
    stripped = text.strip(INLINE_STRIP)
    found = _fast.inline_links(stripped, False)
    if found is None:
        return False
    parts.blocks.append(Block("paragraph", start, block_end, tuple(lines)))
    if found[0] or found[1]:
        if "\n" not in stripped:
            parts.add_links_at(stripped, found, start)
        else:
            parts.add_links(stripped, found, lambda rel: start + rel)
    return True


def _heading(parts: Parts, src: str, start: int, line: int) -> bool:
    """Add the ATX heading at ``start`` as mistune's token walk would; False when it is
    not one this path takes."""
    m = _HEADING.match(src, start)
    if m is None:
        return False
    title = m.group(2)
    found = _fast.inline_links(title, False)
    if found is None:
        return False
    at = m.start(2)
    end = parts.line_ends[line]
    parts.headings.append(Heading(len(m.group(1)), "atx", start, end, title, at, line + 1))
    parts.blocks.append(Block("heading", start, end, (TextLine(line + 1, at, title),)))
    if found[0] or found[1]:
        parts.add_links_at(title, found, at)
    return True
