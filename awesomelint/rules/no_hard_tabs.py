"""no-hard-tabs (W004): tab characters in Markdown text.

## What it does
Finds tab characters outside code: fenced and indented code blocks, code spans, HTML
blocks and inline HTML are never looked at. One finding per run of tabs.

Two kinds of tabs are left to other rules, so nothing is reported twice:
- tabs in the indentation of list-item lines (the bullet line, and every continuation
  line of the item, up to and including the whitespace after the list marker): their
  width decides the list's structure, and `list-indent` (L001) owns that whitespace;
- tabs at the end of a line or on a whitespace-only line: `trailing-whitespace` (W001).

## Why is this bad
A tab's width depends on the editor (2, 4 or 8 columns), so tab-indented source looks
misaligned for most readers, and CommonMark's own rule (tab stops of 4 columns, with
partial tabs) makes tab indentation hard to predict. Inside text a tab renders as a
single space anyway.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com)→- A micro framework.
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

## Fix safety
Safe. A tab inside text (anywhere after the line's indentation and its `>` or list
markers) becomes one space: whitespace in text renders as one space, and a single space
does not depend on how wide an editor draws CJK characters. A tab in the indentation of
a paragraph's continuation line (not part of a list item) is expanded to spaces up to the
next multiple of 4 columns, CommonMark's own tab stop, so the block structure stays
exactly the same. Other indentation tabs are reported without a fix: after a block quote
or nested quote markers the parser may read a leading tab differently from its spaces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.commonmark.lines import TAB_STOP, visual_column
from awesomelint.document import ALL_REGIONS, Document
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lines import RegionCursor

_TABS = lazy(r"\t+")


@functools.cache  # (compiled on first use: most files have no tab)
def _prefix() -> re.Pattern[str]:
    """A line's container prefix: block-quote and list markers (`> - 1. x`), with the
    whitespace around them."""
    return re.compile(r"(?:[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")


def _continuation_lines(doc: Document) -> frozenset[int]:
    """1-based lines that continue a paragraph (every paragraph line but its first)."""
    return frozenset(
        tl.line for b in doc.blocks if b.kind == "paragraph" for tl in b.lines[1:]
    )


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    text = doc.text
    if "\t" not in text:
        return
    starts, ends = doc.line_starts, doc.line_ends
    skipped = RegionCursor.of_kinds(doc, ALL_REGIONS)
    in_list = bytearray(len(starts) + 1)  # 0-based line -> inside a list item
    for item in doc.items:
        if item.parent is None:
            in_list[item.line - 1 : item.end_line] = b"\x01" * (item.end_line - item.line + 1)
    continued: frozenset[int] | None = None
    line = 0
    prefix_end = -1  # end of the current line's container prefix
    for m in _TABS.finditer(text):
        a, b = m.span()
        if a >= ends[line]:
            while a >= ends[line]:
                line += 1
            prefix_end = -1
        end = ends[line]
        if _after_blanks(text, b) == end or skipped.inside(a):
            continue  # trailing whitespace (W001) or code/HTML
        start = starts[line]
        if prefix_end < 0:
            p = _prefix().match(text, start)
            prefix_end = p.end() if p else start
        tabs = b - a
        what = "Hard tab" if tabs == 1 else f"{tabs} hard tabs"
        the = "the tab" if tabs == 1 else "the tabs"
        if a < prefix_end:
            if in_list[line]:
                continue  # list indentation: list-indent (L001)
            col = visual_column(text[start:a])
            width = (col // TAB_STOP + tabs) * TAB_STOP - col
            # after nested quote markers mistune and CommonMark read a tab differently
            # (paragraph or code); expanding it could change the reading: report only
            nested = text.count(">", start, a) > 1
            if continued is None:
                continued = _continuation_lines(doc)
            # expanding is safe where the line continues a paragraph (indented code cannot
            # interrupt one); elsewhere mistune and CommonMark may read a leading tab
            # differently from the spaces it stands for
            nested = nested or (line + 1) not in continued
            yield Problem(
                f"{what} in indentation; expected {_spaces(width)}",
                a,
                b,
                None
                if nested
                else Fix(f"Expand {the} to {_spaces(width)}", (Edit(a, b, " " * width),)),
            )
        else:
            yield Problem(
                f"{what} in text; expected {_spaces(tabs)}",
                a,
                b,
                Fix(f"Replace {the} with {_spaces(tabs)}", (Edit(a, b, " " * tabs),)),
            )


def _spaces(n: int) -> str:
    return "a space" if n == 1 else f"{n} spaces"


def _after_blanks(text: str, at: int) -> int:
    """Offset of the first character at or after ``at`` that is not a space or a tab."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


RULE = Rule(
    code="W004",
    name="no-hard-tabs",
    summary="Tab characters outside code",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
)
