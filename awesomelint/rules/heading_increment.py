"""heading-increment (H002): a heading more than one level below the previous heading.

## What it does
Compares each heading's level with the previous heading's: going deeper by more than one
level (`# A` followed by `### B`) is reported. The first heading may have any level
(many lists open with an HTML `<h1>` or a logo and start at `##`), and going back up by
any number of levels is fine. ATX (`##`) and setext (underlined) headings count; HTML
`<h2>` tags and headings in code do not. A line that `heading-missing-space` (H001)
reports as a heading gone wrong, such as `###Python` (no space after the `#`s, so text),
counts as the heading it was meant to be: the `####` heading after it skips no level
(H001 reports the one defect), and it is itself reported if its level skips one.

## Why is this bad
Headings form the outline of the list: GitHub's outline menu, screen readers and
generated tables of contents navigate by it. A skipped level
leaves a hole in that outline (a "section" with no heading) and usually means a heading
was given the wrong number of `#`s.

## Example
```markdown
# Awesome Python

### Web Frameworks
```

Use instead:
```markdown
# Awesome Python

## Web Frameworks
```

## Fix safety
Not fixable. Changing a heading's level changes the document's outline: whether
`### Web Frameworks` should become `##`, or whether a missing `## ...` section heading
should be added above it, or whether every heading below should move up too, is the
author's decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules.heading_missing_space import broken_headings


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    # (offset of the "#"s, level, end of the span to report) of every heading, with the
    # lines heading-missing-space reports as headings gone wrong (`###Python`) taken as
    # the headings they were meant to be: the next `####` does not skip a level
    heads = [
        # only ATX headings can be level 3+, so the `#`s span the marker
        (h.start, h.level, h.start + h.level if h.style == "atx" else h.end)
        for h in doc.headings
    ]
    meant = [
        (b.problem.start, b.level, b.problem.end)
        for b in broken_headings(doc)
        if b.kind == "opening"
    ]
    previous = 0  # no heading yet: any level is fine
    for start, level, end in sorted(heads + meant) if meant else heads:
        if previous and level > previous + 1:
            yield Problem(
                f"Heading level {level} follows level {previous}; "
                f"expected level {previous + 1} at most",
                start,
                end,
            )
        previous = level


RULE = Rule(
    code="H002",
    name="heading-increment",
    summary="Heading level skips a level below the previous heading",
    check=check,
    doc=__doc__ or "",
    fixable=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
