"""heading-missing-space (H001): `###Python` is text, not a heading.

## What it does
Finds lines that start with one to six `#` followed directly by a letter, such as
`###Python`. CommonMark requires a space (or tab) after the opening `#`s; without one the
line is an ordinary paragraph.

## Why is this bad
GitHub renders `###Python` as the literal text "###Python": the section is missing from
the rendered list and from its table of contents, and the entries below it appear to
belong to the previous section. awesome-lint and many renderers miss this entirely.

Prose such as `#42` (a digit follows), `C#` (not at the start of a line) and anything in
code blocks, inline code or HTML is not reported.

## Example
```markdown
###Python
```

Use instead:
```markdown
### Python
```

## Fix safety
Safe: inserts one space after the `#`s; no text is removed. No fix is offered when the
next line of the paragraph would change its meaning once the heading ends the paragraph:
4 or more columns of indentation (code), `<` (HTML) or `[label]:` (a definition).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule

# up to 3 spaces, 1-6 '#', then a letter (not a digit: "#42" is prose, not a heading)
_SUSPECT = re.compile(r" {0,3}(#{1,6})(?=[^\W\d_])")
_NEW_BLOCK = re.compile(r"(?: {4}| {0,3}\t| {0,3}<| {0,3}\[(?:[^\]\\]|\\.)*\]:)")
# a line of hashtags ("#ai #ml") is prose too
_HASHTAGS = re.compile(r"#\w+(?:\s+#\w+)+\s*$")


def check(ctx: Context) -> Iterator[Problem]:
    for block in ctx.doc.blocks:
        if block.kind != "paragraph":
            continue
        for k, line in enumerate(block.lines):
            m = _SUSPECT.match(line.text)
            if m is None or _HASHTAGS.match(line.text, m.start(1)):
                continue
            hashes = m.group(1)
            start = line.start + m.start(1)
            at = line.start + m.end(1)
            # a heading ends its paragraph: the next line then starts a block of its own,
            # which changes what it is if it is indented code, a definition or HTML, so
            # that case is left to a human
            after = block.lines[k + 1].text if k + 1 < len(block.lines) else ""
            certain = not _NEW_BLOCK.match(after)
            yield Problem(
                f'Missing space after "{hashes}": this line renders as text, not as a heading',
                start,
                at,
                Fix(f'Add a space after "{hashes}"', (Edit(at, at, " "),)) if certain else None,
            )


RULE = Rule(
    code="H001",
    name="heading-missing-space",
    summary="Heading marker `#` not followed by a space",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
