"""multiple-blank-lines (W002): more consecutive blank lines than allowed.

## What it does
Finds runs of more than `maximum` (default 1) consecutive blank lines; a line holding
only spaces or tabs counts as blank. One finding per run, at its first extra line. Blank
lines inside fenced or indented code and inside HTML blocks (`<pre>`, comments) are
content and are skipped. Blank lines at the very end of the file are left to
`final-newline` (W003), so they are not reported twice.

Option `maximum` (int, default 1): the number of consecutive blank lines allowed; at
least 1 (removing the only blank line between two blocks could merge them: a config
with 0 is an error).

## Why is this bad
In CommonMark one blank line separates blocks exactly as well as five do: extra blank
lines change nothing in the rendered list but make the source ragged, waste screen space
and produce noisy diffs.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.



## Go
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.

## Go
```

## Fix safety
Safe: deletes the extra blank lines, line breaks included; the remaining lines and their
line breaks (`\\r\\n` too) are untouched. Whitespace on the kept blank line is left to
`trailing-whitespace`.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.commonmark.lines import is_blank_span
from awesomelint.document import BLOCK_REGIONS
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules import BLANK_LINES_MAXIMUM
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lines import RegionCursor


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    text = doc.text
    maximum = BLANK_LINES_MAXIMUM.value(ctx)
    starts, ends = doc.line_starts, doc.line_ends
    skipped = RegionCursor.of_kinds(doc, BLOCK_REGIONS)
    first = -1  # index of the run's first blank line, -1 outside a run
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if is_blank_span(text, start, end) and not skipped.inside(start):
            if first < 0:
                first = i
            continue
        if first >= 0 and i - first > maximum:
            count = i - first
            extra = count - maximum
            cut = first + maximum  # first line to delete
            yield Problem(
                f"{count} consecutive blank lines; expected at most {maximum}",
                starts[cut],
                ends[i - 1],
                Fix(
                    f"Remove {extra} blank line" + ("s" if extra != 1 else ""),
                    (Edit(starts[cut], starts[i], ""),),
                ),
            )
        first = -1
    # a run still open here reaches the end of the file: final-newline reports it


RULE = Rule(
    code="W002",
    name="multiple-blank-lines",
    summary="More consecutive blank lines than allowed",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
    options=(BLANK_LINES_MAXIMUM,),
)
