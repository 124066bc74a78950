"""final-newline (W003): the file does not end with exactly one line break.

## What it does
Checks the end of the file: the last line must end with one line break, and no blank
lines (empty or whitespace-only) may follow it. An empty file, or one holding a single
line break, is fine; a file of nothing but blank lines should be empty. Spaces or tabs
at the end of the last line are left to `trailing-whitespace` (W001), and blank lines at
the end of the file are reported here only (not by `multiple-blank-lines`). Blank lines
that belong to a fenced code block left open at the end of the file are code: only a
missing line break is reported there.

## Why is this bad
POSIX tools expect every line, the last one included, to end with a line break: without
it `cat`, `wc -l` and diffs misbehave ("\\ No newline at end of file"), and appending to
the file glues the new text onto the last line. Extra blank lines at the end are
invisible clutter that editors keep adding and removing, making noisy diffs.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.⏎
⏎
⏎
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.⏎
```

## Fix safety
Safe: a missing line break is added using the file's own line break style (`\\r\\n` in a
CRLF file); extra blank lines are deleted, keeping the last line's own line break.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import Document
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lines import body_start, closing_fence

_LINE_BREAK = lazy(r"\r\n|\r|\n")


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    text = doc.text
    size = len(text)
    first = body_start(text)
    content_end = size
    while content_end > first and text[content_end - 1] in " \t\r\n":
        content_end -= 1
    breaks = [m.end() for m in _LINE_BREAK.finditer(text, content_end)]
    if content_end == first:  # nothing but blank lines
        if len(breaks) > 1:
            yield Problem(
                f"File holds only {_lines(text, content_end)}; expected an empty file",
                content_end,
                size,
                Fix("Remove the blank lines", (Edit(content_end, size, ""),)),
            )
        return
    if not breaks:
        yield Problem(
            "File does not end with a line break",
            size,
            size,
            Fix("Add a line break at the end of the file", (Edit(size, size, doc.eol),)),
        )
        return
    keep = breaks[0]  # end of the last line's own line break
    if keep == size:
        return
    if _open_fence_at_end(doc, content_end):
        return  # the blank lines are the content of a code block left open
    yield Problem(
        f"File ends with {_lines(text, keep)} after the last line; expected none",
        keep,
        size,
        Fix("Remove the blank lines at the end of the file", (Edit(keep, size, ""),)),
    )


def _open_fence_at_end(doc: Document, content_end: int) -> bool:
    """Whether the file's last content is a fenced code block without a closing fence."""
    fence = next((r for r in reversed(doc.regions) if r.kind == "fenced_code"), None)
    return fence is not None and fence.end >= content_end and closing_fence(doc, fence) is None


def _lines(text: str, start: int) -> str:
    """'3 blank lines': how many (possibly whitespace-only) lines ``text[start:]`` holds."""
    tail = text[start:]
    count = len(_LINE_BREAK.findall(tail)) + (0 if tail.endswith(("\n", "\r")) else 1)
    return f"{count} blank line" + ("s" if count != 1 else "")


RULE = Rule(
    code="W003",
    name="final-newline",
    summary="File does not end with exactly one line break",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
)
