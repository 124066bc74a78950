"""Fast paths for the two hot spots of the mistune parse, each exact or declined.

Most of an awesome list is top-level bullet lists of one-line entries, and most entry
text is words and ``[text](url)`` links. mistune re-parses every list item from a
rewritten sub-string and runs its general inline scanner over every entry; here a line
scanner and a small inline scanner do the same work for the plain cases:

``scan_list``      a top-level bullet list whose lines are ``<spaces><marker> <text>`` (text
                   that starts no block of its own), nested as mistune nests them, with
                   paragraph lines that go on at column 0 or at the item's text, ending
                   at a blank line (then an unindented line), a heading or the end;
``inline_links``   inline text without escapes, HTML or autolinks: ``[text](url)`` and
                   ``![alt](url)`` with a plain destination, brackets that stay text,
                   code spans and bare ``http(s)://`` URLs, mistune's bracket rules.

Both return ``None`` for anything else (ordered lists, loose lists, tabs, block quotes,
titles, references...), and the caller then lets mistune (with the position hooks of
the ``markdown`` package) do the work: the subset decides speed, never the result. That the
results are the same - the whole Document, every field - is what tests/core/test_fastpath.py
and check (g) of tests/core/test_positions.py check, on the corpus, the CommonMark examples
and generated documents (``build_document(text, fast=False)`` is the reference).
"""

from __future__ import annotations

import re
from array import array
from typing import Any

from awesomelint._regex import lazy

# one list item line: indentation, bullet, one space, then text that starts no block of
# its own inside the item (mistune would build more than a one-line paragraph): not a
# blank, code fence, heading, setext or thematic line, quote, bullet, HTML, ordered
# marker or link reference definition (its label may span lines; a backslash declines)
_ITEM_LINE = lazy(
    r"( *)([-*+]) "
    r"(?![\s`~#=\-_*+><]|\d{1,9}[.)][ \t\n]|\[[^\\\[\]]*(?:\\|\]:))"
    r"[^\n]*\n"
)
# mistune's BlockParser.BLANK_LINE
_BLANK = lazy(r"(^[ \t\v\f]*\n)+", re.M)
_ORDERED = lazy(r"\d{1,9}[.)](?:[ \t]|\n)")
_LABEL_END = lazy(r"[\\\[\]]")
# characters mistune treats specially at the block level (tabs, odd blanks): decline
_ODD = lazy(r"[\t\v\f\r\x00]")
# mistune nests lists 20 levels deep (BlockParser.max_nested_level); the items of the
# 20th level hold no list, only text
_MAX_LEVELS = 20  # mistune.core.DEFAULT_MAX_NESTED_LEVEL (a copy: see URL_LINK_PATTERN)

_SPACES = lazy(" *")
_RULE_LIKE = lazy(r"[-*_=+ \t]*\n")
_ATX = lazy(r"#{1,6}(?!#)(?:[ \t][^\n]*)?\n")


class FastList:
    """What scan_list read: 8 numbers per item in ``flat`` (marker offset, text offset,
    end of line, line index, level, parent, list, last line), compact because a long
    list stays in memory until the Document is built; ``more`` holds, by item, the
    further lines of its paragraph as (line index, text offset, end of line); ``kids``
    the indices of its children. (A plain class: a dataclass costs a millisecond to
    create at import.)"""

    __slots__ = ("end", "lists", "flat", "more", "kids")

    def __init__(self) -> None:
        self.end = 0
        self.lists = 0
        self.flat: array[int] = array("q")
        self.more: dict[int, list[tuple[int, int, int]]] = {}
        self.kids: dict[int, list[int]] = {}


FIELDS = 8  # numbers per item in FastList.flat


def scan_list(src: str, start: int, line: int) -> FastList | None:
    """The items of the top-level bullet list at ``src[start]`` (a line start, column 0)
    and where mistune's list ends, or None.

    ``line`` is the 0-based line index of ``start``. Offsets are into ``src`` (mistune's
    normalised text, which ends with a line break). Items come in source order, which is
    also the order of mistune's token walk; ``parent`` is an index into the list's items
    (-1 for top-level items), ``list`` numbers the lists in order of appearance.

    mistune's list parser (list_parser.py), restricted to these lines: an item's content
    starts one column after its marker; a line indented at least that far belongs to the
    item, and as a bullet indented 0-3 columns more it opens a list nested in the item's
    paragraph; a bullet of the same kind at most ``min(own indent + 1, 3)`` columns into
    the enclosing content is a sibling (so one-space "nesting" gives siblings).
    """
    out = FastList()
    flat, more, kids = out.flat, out.more, out.kids
    count = 0
    # open items, outermost first: (marker column, content column, widest sibling
    # indent, bullet, index)
    stack: list[tuple[int, int, int, str, int]] = []
    lists = 0
    pos, n = start, len(src)
    match = _ITEM_LINE.match
    while pos < n:
        m = match(src, pos)
        if m is None:
            text = _continues(src, pos, stack[-1][1]) if stack else -1
            if text >= 0:  # the deepest item's paragraph goes on
                eol = src.index("\n", text)
                more.setdefault(count - 1, []).append((line, text, eol))
                pos = eol + 1
                line += 1
                continue
            end = _list_end(src, pos, stack[0][3] if stack else "")
            if end < 0:
                return None
            break
        indent = m.end(1) - pos
        bullet = m.group(2)
        text = m.end(2) + 1
        top = stack[-1] if stack else None
        if top is not None and indent == top[0] and bullet == top[3]:
            # the common case: a sibling of the previous item
            at = top[4] * FIELDS
            parent, lst = flat[at + 5], flat[at + 6]
            depth = len(stack) - 1
            stack[-1] = (indent, indent + 2, top[2], bullet, count)
        else:
            depth = 0
            while depth < len(stack) and stack[depth][1] <= indent:
                depth += 1
            if depth < len(stack):  # a sibling of stack[depth]: same bullet, not deeper
                _, _, widest, sib_bullet, sib = stack[depth]
                rel = indent - (stack[depth - 1][1] if depth else 0)
                if bullet != sib_bullet or rel > widest:
                    return None
                parent, lst = flat[sib * FIELDS + 5], flat[sib * FIELDS + 6]
                del stack[depth:]
            elif top is not None:  # the first item of a list nested in the last item
                rel = indent - top[1]
                if depth >= _MAX_LEVELS:
                    # mistune parses no list this deep: the line is more paragraph text
                    # of the deepest item, indentation beyond its text kept
                    eol = m.end() - 1
                    more.setdefault(count - 1, []).append((line, pos + top[1], eol))
                    pos = eol + 1
                    line += 1
                    continue
                if rel > 3:
                    return None
                parent, lst = top[4], lists
                lists += 1
            else:  # the list's first item (the caller matched it at column 0)
                if indent:
                    return None
                rel, parent, lst, lists = 0, -1, 0, 1
            stack.append((indent, indent + 2, min(rel + 1, 3), bullet, count))
        if parent >= 0:
            kids.setdefault(parent, []).append(count)
        flat.extend((pos + indent, text, m.end() - 1, line, depth, parent, lst, line))
        count += 1
        pos = m.end()
        line += 1
    else:
        end = n
    if not count or _ODD.search(src, start, end):
        return None
    # an item ends on the last line of its last descendant
    open_: list[int] = []  # indices of items whose last line is not known yet
    for i in range(count):
        level = flat[i * FIELDS + 4]
        while open_ and flat[open_[-1] * FIELDS + 4] >= level:
            flat[open_.pop() * FIELDS + 7] = flat[i * FIELDS + 3] - 1
        open_.append(i)
    for i in open_:
        flat[i * FIELDS + 7] = line - 1  # the scan consumed only non-blank lines
    out.end, out.lists = end, lists
    return out


def _continues(src: str, pos: int, column: int) -> int:
    """Where the text of the line at ``pos`` starts if mistune reads it as one more line
    of the paragraph of the deepest open item (whose text starts at ``column``), or -1.

    Only two shapes: a lazy line at column 0 and a line indented exactly to the item's
    text, whose first character cannot start a block (which would end or split the
    paragraph: a bullet, a heading, a quote, a fence, HTML, a thematic break or setext
    underline, a definition)."""
    indent = _SPACES.match(src, pos).end() - pos  # type: ignore[union-attr]
    if indent not in (0, column):
        return -1
    text = pos + indent
    c = src[text]
    if c == "\n" or c in "#>`~<\t" or c.isspace():
        return -1
    if c in "-*+" and src[text + 1] in " \t\n":
        return -1
    if c in "-*_=+" and _RULE_LIKE.match(src, text):
        return -1
    if (c.isdigit() and _ORDERED.match(src, text)) or (c == "[" and _may_define(src, text)):
        return -1
    return text


def _may_define(src: str, pos: int) -> bool:
    """Whether the ``[`` at ``pos`` may open a link reference definition: mistune's
    ref_link rule needs a label of characters other than brackets and backslashes
    (escapes aside; it may span lines) closed by ``]:``."""
    m = _LABEL_END.search(src, pos + 1)
    if m is None:
        return False
    c = m.group()
    return c == "\\" or (c == "]" and src.startswith(":", m.end()))


def _list_end(src: str, pos: int, bullet: str) -> int:
    """Where mistune ends a ``bullet`` list whose items matched up to the line at
    ``pos``, or -1 when that line could continue it (or make mistune do more than end it)."""
    n = len(src)
    blank = _BLANK.match(src, pos)
    if blank is not None:
        nxt = blank.end()
        if nxt >= n:
            return n
        c = src[nxt]
        # an indented line may continue the last item; a bullet of the same kind
        # continues the list (then loose); a block quote there is parsed by the list
        # parser before the list token exists, and what it does can depend on the token
        # before the list: let mistune decide those
        if c.isspace() or c == ">" or (c == bullet and src[nxt + 1] in " \t\n"):
            return -1
        return nxt
    if src[pos] == "#" and _ATX.match(src, pos):
        return pos  # a heading interrupts the list (mistune's list break rule)
    return -1  # a lazy continuation line, an indented paragraph, ...


_INLINE_SPECIAL = lazy(r"[\\<]")
_INLINE_TOKEN = lazy(r"!?\[|\]|`+|https?://")
# the usual entry: one link first, then text without brackets or code
_ONE_LINK = lazy(r"\[([^\[\]`\\<]*)\]\(([^\s()<\\\x00-\x1f\x7f]+)\)([^\[\]`\\<]*)")
_DEST = lazy(r"[^\s()<\\\x00-\x1f\x7f]+\)")
_BACKTICKS = lazy(r"`+")
# mistune.plugins.url.URL_LINK_PATTERN: bare URLs as mistune's url plugin links them. A
# copy, so that this module (and the whole-document fast path, markdown/plain.py) runs
# without importing mistune; tests/test_plain.py checks that the two stay equal.
URL_LINK_PATTERN = r"""https?:\/\/[^\s<]+[^<.,:;"')\]\s]"""
_URL = lazy(URL_LINK_PATTERN)
_MAX_BRACKETS = 4  # open brackets at once (mistune limits nesting to 20 levels)

# a link: (start, end, text start, text end, url start, url end, image, parent);
# a bare URL has text start -1; parent indexes the same list, -1 for none
InlineLink = tuple[int, int, int, int, int, int, bool, int]


def inline_links(
    s: str, refs: bool = False
) -> tuple[list[InlineLink], list[tuple[int, int]]] | None:
    """The links and code spans of inline text ``s`` (a block's stripped text) as
    mistune 3.4's inline parser finds them, or None when ``s`` needs that parser.

    Handles ``[text](url)`` and ``![alt](url)`` with a plain destination (no spaces,
    parentheses, ``<`` or backslash), brackets that stay text, code spans and bare
    ``http(s)://`` URLs, following mistune's left-to-right bracket algorithm
    (``_inline/links.py``): a ``]`` closes the innermost open bracket; a link deactivates
    the link brackets around it; bare URLs inside brackets end at the first ``]`` and
    become text when the brackets turn out to be a link. ``refs`` says whether the
    document defines references: then a ``]`` that is not followed by ``(`` may close a
    reference link, which is left to mistune. No escapes, HTML, autolinks or line breaks.
    """
    one = _ONE_LINK.fullmatch(s)
    if one is not None and "://" not in one.group(3):  # `[name](url) - description`
        return [(0, one.end(2) + 1, 1, one.end(1), one.start(2), one.end(2), False, -1)], []
    if _INLINE_SPECIAL.search(s):
        return None
    # [start, end, text start, text end, url start, url end, image, parent, alive]
    recs: list[list[Any]] = []
    codes: list[tuple[int, int]] = []
    brackets: list[list[Any]] = []  # [text start, image, active, first record]
    pos = 0
    search = _INLINE_TOKEN.search
    while True:
        m = search(s, pos)
        if m is None:
            break
        a = m.start()
        c = s[a]
        if c == "`":
            size = m.end() - a
            close = -1
            for run in _BACKTICKS.finditer(s, m.end()):
                if run.end() - run.start() == size:
                    close = run.start()
                    break
            if close < 0:  # no closing run: the backticks are text
                pos = m.end()
                continue
            codes.append((a, close + size))
            pos = close + size
        elif c == "h":
            u = _URL.match(s, a)
            if u is None:
                pos = a + 1
                continue
            end = u.end()
            if brackets:
                cut = s.find("]", a, end)
                if cut >= 0:
                    end = cut
            recs.append([a, end, -1, -1, a, end, False, -1, True])
            pos = end
        elif c == "]":
            pos = a + 1
            if not s.startswith("(", pos):
                if refs:
                    return None  # `[x]` may be a reference link
                if brackets:
                    brackets.pop()
                continue
            if not brackets:
                continue
            text_start, image, active, first = brackets.pop()
            if not active:
                continue
            d = _DEST.match(s, pos + 1)
            if d is None:
                return None  # a title, spaces, parentheses...: mistune's parse_link
            index = len(recs)
            for r in recs[first:]:
                if r[7] < 0 and r[8]:
                    if r[2] < 0 and not image:
                        r[8] = False  # a bare URL in link text stays text
                    else:
                        r[7] = index
            opening = text_start - (2 if image else 1)
            recs.append([opening, d.end(), text_start, a, pos + 1, d.end() - 1, image, -1, True])
            if not image:
                for b in brackets:
                    if not b[1]:
                        b[2] = False
            pos = d.end()
        else:  # "[" or "!["
            if len(brackets) >= _MAX_BRACKETS:
                return None
            brackets.append([m.end(), c == "!", True, len(recs)])
            pos = m.end()
    if not recs:
        return [], codes
    # in source order (a link is recorded when it closes, after what it contains), with
    # the parents renumbered
    alive = sorted((r for r in recs if r[8]), key=lambda r: r[0])
    new = {id(r): i for i, r in enumerate(alive)}
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], new[id(recs[r[7]])] if r[7] >= 0 else -1)
        for r in alive
    ], codes
