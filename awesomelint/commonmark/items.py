"""Where mistune and CommonMark disagree: list items that mistune reads and CommonMark
(and so GitHub) does not, or reads otherwise.

The Document is mistune's reading. The fixer's loss audit and the rules that must not
change what GitHub shows ask here how CommonMark reads the same lines: an item empty on
its marker line, a list item that cannot interrupt the paragraph above it, a line of text
that was meant as a list item but has no space after its marker (``-[Name](url)``).
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from awesomelint._regex import lazy
from awesomelint.commonmark.lines import column, is_blank, quotes, visual_column
from awesomelint.model import Frozen

if TYPE_CHECKING:
    from awesomelint.document import Document, ListItem, TextLine

_MARKER = lazy(r"[*+-]|\d{1,9}[.)]")
_MAYBE = lazy(r"[ \t>]*(?:[*+-]|\d{1,9}[.)])[^\s]")
# _MAYBE after a line break: a pattern that starts with a literal character is searched
# for that character first, where "^" (re.M) is tried at every offset - a quarter of the
# time on a long list
_MAYBE_AFTER_LF = lazy("\n" + _MAYBE.pattern)
_TABLE_RULE = lazy(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")
_EMPHASIS = lazy(r"\*{1,3}|_{1,3}")
_BULLET_GAP = lazy(r"[*+-][ \t]+")  # a second bullet, then its space: "-* "


def starts_empty(doc: Document, it: ListItem) -> bool:
    """An item with nothing after its marker whose next line is not indented to its
    content: empty to CommonMark (mistune takes that line in lazily)."""
    if doc.text[it.start + len(it.marker) : doc.line_ends[it.line - 1]].strip():
        return False
    if it.line >= doc.line_count:
        return True
    nxt = doc.line_text(it.line + 1)
    indent = len(nxt) - len(nxt.lstrip(" "))
    column = it.start - doc.line_starts[it.line - 1] + len(it.marker) + 1
    return indent < column


def takes_next_line_lazily(doc: Document, it: ListItem) -> bool:
    """An item empty to CommonMark (see :func:`starts_empty`) with text on the very next
    line: mistune reads that text into the item, CommonMark not."""
    return starts_empty(doc, it) and it.line < doc.line_count and not is_blank(doc, it.line + 1)


def content_offset(rest: str, marker_end: int, width: int) -> int:
    """Where an item's text starts, in columns past its marker's start: the marker's
    ``width`` plus the spaces after it (1-4; an empty item or 5+ count as 1, the rest
    being the text's own indentation), ``rest`` the line after the marker, which ends at
    column ``marker_end``."""
    if len(rest) > 1 and rest[0] == " " and rest[1] not in " \t":
        return width + 1  # one space, then text (the usual item): what the loop finds
    col = marker_end
    n = 0
    for ch in rest:
        if ch not in " \t":
            break
        col = visual_column(ch, col)
        n += 1
    gap = col - marker_end
    return width + (gap if n < len(rest) and 1 <= gap <= 4 else 1)


def cannot_interrupt(doc: Document, it: ListItem, above: int) -> bool:
    """Whether ``it`` cannot start a list right after a line of the paragraph whose text
    starts at ``above``, in CommonMark: an ordered item not numbered 1, an empty item, or
    one indented 4 columns or more past that paragraph, when it lies in the paragraph's
    container (not left of its text). There the line is the paragraph's continuation, as
    GitHub shows it, though mistune reads a list item."""
    col, content = column(doc, it.start), column(doc, above)
    if col < content or quotes(doc, it.start) != quotes(doc, above):
        return False  # not in the paragraph's container (left of it, or quoted otherwise)
    if it.ordered and int(it.marker[:-1]) != 1:
        return True
    at = it.start + len(it.marker)
    if not doc.text[at : doc.line_ends[it.line - 1]].strip():
        return True
    return col >= content + 4


# -- glued bullets ---------------------------------------------------------------------


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class GluedBullet(Frozen):
    """A list marker glued to what follows it, at the start of a line of text: meant as
    a list item, read by everyone (CommonMark and mistune) as text."""

    __slots__ = ("line", "start", "column", "marker", "at", "fixable", "double", "joined")
    line: int
    start: int  # offset of the marker
    column: int  # of the marker, in characters
    marker: str  # or the two bullets glued together
    at: int  # where the space goes
    fixable: bool  # a single marker with no tab before it
    double: bool  # two bullets glued together
    joined: bool  # not the first line of its paragraph: it continues the line before

    def __init__(
        self,
        line: int,
        start: int,
        column: int,
        marker: str,
        at: int,
        fixable: bool,
        double: bool,
        joined: bool,
    ) -> None:
        _set(self, "line", line)
        _set(self, "start", start)
        _set(self, "column", column)
        _set(self, "marker", marker)
        _set(self, "at", at)
        _set(self, "fixable", fixable)
        _set(self, "double", double)
        _set(self, "joined", joined)


def glued_bullets(doc: Document) -> tuple[GluedBullet, ...]:
    """Every line of text that starts with a glued bullet (see :func:`glued_bullet`), in
    source order; not in a paragraph holding a table's delimiter row (`|---|---|`,
    which GitHub renders as a table). Computed once per Document."""
    return doc.memo("commonmark.glued_bullets", _glued_bullets)


def _glued_bullets(doc: Document) -> tuple[GluedBullet, ...]:
    # lines that start with a marker and no space: few, so found in one sweep first
    lines = _candidate_lines(doc)
    out = []
    ordered = sorted(lines)
    for block in doc.blocks if lines else ():
        if block.kind != "paragraph":
            continue
        i = bisect_left(ordered, block.lines[0].line)  # (no line of it a candidate: most)
        if i == len(ordered) or ordered[i] > block.lines[-1].line:
            continue
        if not any(tl.line in lines for tl in block.lines):
            continue
        if any(_TABLE_RULE.fullmatch(tl.text) for tl in block.lines):
            continue
        for k, tl in enumerate(block.lines):
            found = glued_bullet(doc, tl, k > 0) if tl.line in lines else None
            if found is not None:
                out.append(found)
    return tuple(out)


def _candidate_lines(doc: Document) -> set[int]:
    """The lines ``_MAYBE`` matches at the start of: ``{n for n, at in
    enumerate(doc.line_starts, 1) if _MAYBE.match(doc.text, at)}`` (what a CR or BOM
    text takes), in one scan of an LF text (a match at every line start costs more on
    long lists): the first line, then every line after a "\n" (tests/core/test_entries.py
    compares the two)."""
    text = doc.text
    if "\r" in text or text.startswith("\ufeff"):  # line starts that "\n" does not show
        return {n for n, at in enumerate(doc.line_starts, 1) if _MAYBE.match(text, at)}
    # a match ends before the next line break, so none hides the next line's
    starts = doc.line_starts
    lines = {bisect_right(starts, m.start() + 1) for m in _MAYBE_AFTER_LF.finditer(text)}
    if _MAYBE.match(text):
        lines.add(1)
    return lines


def glued_bullet(doc: Document, tl: TextLine, joined: bool) -> GluedBullet | None:
    """The glued bullet that paragraph line ``tl`` starts with (``joined``: not its
    paragraph's first line), if it does: a marker glued to a link, an image, a bare URL
    or an autolink (in emphasis or not) - `-[Name](url)`, `*[Name](url)`,
    `-**[Name](url)**`, `1.[Name](url)` - or two bullets glued together before one
    (`-* [Name](url)`); not a `*` that opens emphasis (`*[Name](url)*`). The one
    definition: list-marker-space reports these lines, and the entry model ends an
    entry's description before one (it is the next entry, glued on lazily)."""
    text, line_start, end = doc.text, doc.line_starts[tl.line - 1], doc.line_ends[tl.line - 1]
    start = line_start
    while start < end and text[start] in " \t>":
        start += 1
    m = _MARKER.match(text, start) if start >= tl.start else None  # not after a marker
    if m is None:
        return None
    marker, at = m.group(), m.end()
    if marker == "*" and _closed_at_end(text[start:end]):
        # `**[Name](url)**`: what the last test below says at once, before the tests
        # of the text after the marker ask mistune about `*[Name](url)**`
        return None
    e = _EMPHASIS.match(text, at)
    g = _BULLET_GAP.match(text, at) if marker in "*+-" else None
    if _link_at(doc, at) or (
        e is not None and _link_at(doc, e.end()) and _emphasis_first(text[at:end])
    ):
        double = False  # -[Name](url), -**[Name](url)**
    elif (g is not None and text[at] != marker and _link_at(doc, g.end())) or (
        e is not None and e.group() == "*" and marker in "+-" and _link_at(doc, e.end())
    ):
        double, marker = True, marker + text[at]  # -* [Name](url), -*[Name](url)
    else:
        return None
    # (asked last: it may parse the line, and most lines starting with "*" hold no link)
    if m.group() == "*" and _emphasis_first(text[start:end]):
        return None  # *[Name](url)*: emphasis, not a bullet
    fixable = not double and "\t" not in text[line_start:start]
    return GluedBullet(tl.line, start, start - line_start, marker, at, fixable, double, joined)


@functools.lru_cache(maxsize=1024)  # a list repeats its lines: `**[⬆ back to top](#x)**`
def _emphasis_first(text: str) -> bool:
    """Whether ``text`` opens with emphasis closed further on (as CommonMark pairs them)."""
    if _closed_at_end(text):
        return True  # the common case, without a parser
    from awesomelint.markdown.build import plain_inline  # (a plain mistune: no positions)

    tokens, _ = plain_inline().parse(text)
    first = tokens[0] if tokens else None
    children = first.get("children", []) if isinstance(first, dict) else []
    return bool(children) and children[0]["type"] in ("emphasis", "strong")


def _closed_at_end(text: str) -> bool:
    """Whether ``text`` opens with a run of one character that closes it at the end of
    the line and nowhere before (`**[Name](url)**`): emphasis for certain."""
    run = text[: len(text) - len(text.lstrip(text[:1]))]
    body = text.rstrip()
    inner = body[len(run) : -len(run)]
    return body.endswith(run) and inner[-1:] not in ("", " ", "\t") and run[0] not in inner


def _link_at(doc: Document, offset: int) -> bool:
    return any(lk.start == offset for lk in doc.links_between(offset, offset + 1))
