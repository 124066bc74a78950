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
Safe: inserts one space after the `#`s; no text is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule

# up to 3 spaces, 1-6 '#', then a letter (not a digit: "#42" is prose, not a heading)
_SUSPECT = re.compile(r" {0,3}(#{1,6})(?=[^\W\d_])")
# a line of hashtags ("#ai #ml") is prose too
_HASHTAGS = re.compile(r"#\w+(?:\s+#\w+)+\s*$")


def check(ctx: Context) -> Iterator[Problem]:
    for block in ctx.doc.blocks:
        if block.kind != "paragraph":
            continue
        for line in block.lines:
            m = _SUSPECT.match(line.text)
            if m is None or _HASHTAGS.match(line.text, m.start(1)):
                continue
            hashes = m.group(1)
            start = line.start + m.start(1)
            at = line.start + m.end(1)
            yield Problem(
                f'Missing space after "{hashes}": this line renders as text, not as a heading',
                start,
                at,
                Fix(f'Add a space after "{hashes}"', (Edit(at, at, " "),)),
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
