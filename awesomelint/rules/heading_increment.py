"""heading-increment (H002): a heading more than one level below the previous heading.

## What it does
Compares each heading's level with the previous heading's: going deeper by more than one
level (`# A` followed by `### B`) is reported. The first heading may have any level
(many lists open with an HTML `<h1>` or a logo and start at `##`), and going back up by
any number of levels is fine. ATX (`##`) and setext (underlined) headings count; HTML
`<h2>` tags, headings in code, and lines such as `###Python` (no space after the `#`s,
so not a heading at all; see `heading-missing-space`, H001) do not.

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


def check(ctx: Context) -> Iterator[Problem]:
    previous = 0  # no heading yet: any level is fine
    for h in ctx.doc.headings:
        if previous and h.level > previous + 1:
            # only ATX headings can be level 3+, so the `#`s span the marker
            end = h.start + h.level if h.style == "atx" else h.end
            yield Problem(
                f"Heading level {h.level} follows level {previous}; "
                f"expected level {previous + 1} at most",
                h.start,
                end,
            )
        previous = h.level


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
