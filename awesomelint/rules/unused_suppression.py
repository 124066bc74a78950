"""unused-suppression (S002): a suppression comment that suppressed nothing.

## What it does
Reports each of awesomelint's own suppression comments (`<!-- awesomelint-disable ...
-->` and friends) that switched off no finding in this run: for a comment naming rules,
each named rule that ran and found nothing in the comment's lines; for a comment naming
none, the whole comment when no rule found anything there. Rules that did not run (not
selected) are not judged, nor are awesome-lint's `<!--lint ...-->` comments. Off by
default: `check --report-unused-suppressions` (or `--extend-select unused-suppression`)
turns it on. The engine computes it after every other rule, as ruff does for `# noqa`.

## Why is this bad
A suppression outlives the problem it was written for: the entry was fixed, moved or
removed, and the comment now hides whatever goes wrong there next, unseen.

## Example
```markdown
<!-- awesomelint-disable-next-line trailing-whitespace -->
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

## Fix safety
No fix: a comment is text someone wrote; remove it by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    """Nothing of its own: the engine, which sees what every rule found and what each
    suppression comment switched off, reports for this rule (engine.lint)."""
    return iter(())


RULE = Rule(
    code="S002",
    name="unused-suppression",
    summary="A suppression comment that suppressed nothing",
    check=check,
    doc=__doc__ or "",
    default=False,
    severity=Severity.WARNING,
)
