"""trailing-whitespace (W001): spaces or tabs at the end of a line.

## What it does
Finds spaces and tabs before a line break (or the end of the file), including lines that
hold nothing but whitespace. The lines inside fenced and indented code blocks, code spans
that run over a line break and `<pre>`/`<textarea>` HTML blocks are skipped: there the
whitespace is content. A code block's fence lines are not (```` ```python␠ ````).

Exactly two spaces at the end of a paragraph (or heading) line that the next line
continues are a Markdown hard line break and are allowed. Three or more spaces there
also make a line break; they are reported with a fix that keeps exactly two. Two spaces
after the *last* line of a paragraph make no line break and are reported like any other
trailing whitespace.

## Why is this bad
Trailing whitespace is invisible in an editor and in the rendered list, but shows up in
every diff, trips up review tools and makes lines differ that look the same. An
accidental pair of spaces inside a paragraph silently turns into a line break.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.␠␠␠
␠␠
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.

```

## Fix safety
Safe: removes only the spaces and tabs before a line break (the break itself, `\\r\\n`
included, is kept); a hard line break of three or more spaces is shortened to two spaces,
so it still renders as a line break. Whitespace after a backslash that ends a paragraph
line (`foo\\␠` followed by more text) has no fix: without the whitespace the backslash
would become a hard line break.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.document import CODE_REGIONS, Document, Region
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lines import RegionCursor, closing_fence, describe, preformatted_html

_BREAK = "  "  # markdownlint's br_spaces = 2


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    text = doc.text
    skipped = RegionCursor(
        _content(doc, r) if r.kind == "fenced_code" else r
        for r in doc.regions
        if r.kind in CODE_REGIONS or preformatted_html(doc, r)
    )
    # line ends where a hard line break is possible: any block line but the last
    breakable = {doc.line_ends[tl.line - 1] for b in doc.blocks for tl in b.lines[:-1]}
    for start, end in zip(doc.line_starts, doc.line_ends, strict=True):
        if end == start or text[end - 1] not in " \t":
            continue
        ws = end
        while ws > start and text[ws - 1] in " \t":
            ws -= 1
        if skipped.inside(ws):
            continue
        run = text[ws:end]
        what = describe(run)
        if ws == start:
            yield Problem(
                f"Whitespace-only line ({what}); expected an empty line",
                ws,
                end,
                Fix("Remove the whitespace", (Edit(ws, end, ""),)),
            )
        elif end in breakable and run.endswith(_BREAK):
            if run == _BREAK:
                continue  # a hard line break
            yield Problem(
                f"Trailing whitespace ({what}); a hard line break takes exactly 2 spaces",
                ws,
                end,
                Fix("Shorten to two spaces (keeps the line break)", (Edit(ws, end, _BREAK),)),
            )
        elif end in breakable and _escapes(text, ws):
            # `\` at the end of a line is a hard line break: removing the whitespace
            # after a backslash would add a line break that is not there now
            yield Problem(
                f"Trailing whitespace ({what}) after a backslash; expected none",
                ws,
                end,
            )
        else:
            yield Problem(
                f"Trailing whitespace ({what}); expected none",
                ws,
                end,
                Fix("Remove trailing whitespace", (Edit(ws, end, ""),)),
            )


def _content(doc: Document, region: Region) -> Region:
    """A fenced code block's lines between its fences: the whitespace after a fence (an
    info string's, a closing fence's) is no content, and CommonMark drops it."""
    first = doc.line_of(region.start)
    start = doc.line_starts[first] if first < doc.line_count else region.end
    end = closing_fence(doc, region)
    return Region(region.kind, min(start, region.end), max(start, end or region.end))


def _escapes(text: str, at: int) -> bool:
    """Whether ``text[at - 1]`` is a backslash that escapes what follows it."""
    n = 0
    while at - n > 0 and text[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


RULE = Rule(
    code="W001",
    name="trailing-whitespace",
    summary="Spaces or tabs at the end of a line",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
)
