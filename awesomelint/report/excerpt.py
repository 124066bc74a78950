"""The text report for people: a finding's line with colours, and (``full``) the source
line under it with a caret under the span, as ruff prints them on a terminal::

    README.md:3:1: H001 [heading-missing-space] Missing space after "###" [*]
      |
    3 | ###Python
      | ^^^ H001
      |
      = help: Add a space after "###"

Pure string building; the CLI decides whether to colour (``--color``, ``NO_COLOR``,
``FORCE_COLOR``, a terminal) and whether to show excerpts.
"""

from __future__ import annotations

import unicodedata

from awesomelint.document import Document
from awesomelint.model import Finding, Location

WIDTH = 100  # columns of source shown; a longer line is cut around the span
_TAB = 4

_RESET = "\x1b[0m"
_STYLES = {
    "path": "\x1b[1m",  # bold
    "dim": "\x1b[2m",
    "code": "\x1b[1;31m",  # bold red
    "mark": "\x1b[36m",  # cyan
    "caret": "\x1b[1;31m",
    "gutter": "\x1b[1;34m",  # bold blue
    "help": "\x1b[1;36m",
}


def paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color and text else text


def _width(ch: str) -> int:
    """Columns a terminal gives ``ch``: 2 for wide CJK, 0 for combining marks."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _cells(text: str) -> list[str]:
    """``text`` as printed: one string per character, tabs as spaces, control
    characters as a visible symbol (so a caret lines up and nothing moves the cursor)."""
    out: list[str] = []
    column = 0
    for ch in text:
        if ch == "\t":
            shown = " " * (_TAB - column % _TAB)
        elif ch < " " or ch == "\x7f":
            shown = "\ufffd"
        else:
            shown = ch
        out.append(shown)
        column += sum(_width(c) for c in shown)
    return out


def excerpt(doc: Document, f: Finding, loc: Location, color: bool) -> list[str]:
    """The lines under a finding's headline: the start line, a caret under the span (to
    the end of that line when the span goes on), and the fix's title."""
    line = loc.line
    text = doc.line_text(line) if line <= doc.line_count else ""
    cells = _cells(text)
    start = min(loc.column - 1, len(cells))
    end = loc.end_column - 1 if loc.end_line == line else len(cells)
    end = max(min(end, len(cells)), start)
    # a long line: keep a window of WIDTH columns around the span's start
    first = 0
    widths = [sum(_width(c) for c in cell) for cell in cells]
    if sum(widths) > WIDTH:
        first, room = start, WIDTH // 3
        while first > 0 and widths[first - 1] <= room:
            first -= 1
            room -= widths[first]
    last = first
    used = 0
    while last < len(cells) and used + widths[last] <= WIDTH:
        used += widths[last]
        last += 1
    shown = "".join(cells[first:last])
    lead = "…" if first > 0 else ""
    tail = "…" if last < len(cells) else ""
    pad = sum(widths[first:start]) + (1 if lead else 0)
    span = max(sum(widths[start : min(end, last)]), 1)
    number = str(line)
    gutter = " " * len(number)
    bar = paint("|", "gutter", color)
    out = [
        f"{gutter} {bar}",
        f"{paint(number, 'gutter', color)} {bar}" + (f" {lead}{shown}{tail}" if cells else ""),
        f"{gutter} {bar} {' ' * pad}{paint('^' * span + ' ' + f.code, 'caret', color)}",
        f"{gutter} {bar}",
    ]
    if f.fix is not None:
        out.append(f"{gutter} {paint('= help:', 'help', color)} {f.fix.title}")
    return out
