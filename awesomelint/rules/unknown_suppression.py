"""unknown-suppression (S001): a suppression comment names a rule that does not exist.

## What it does
Checks every `<!-- awesomelint-disable ... -->`, `-enable`, `-disable-line` and
`-disable-next-line` comment (outside code): each rule it names must be a rule name, a
code, a code prefix or a group that `awesomelint rules` lists. The finding points at the
unknown name and suggests the nearest rule name when there is one. awesome-lint's own
comments (`<!--lint disable ...-->`) are not checked: they name awesome-lint's rules,
some of which awesomelint does not have.

## Why is this bad
A comment with a misspelt rule suppresses nothing: the finding it was written for is
still reported, or - worse - someone adds a blanket `awesomelint-disable` to silence it.
Like ruff's check of `# noqa` codes, this catches the typo where it is.

## Example
```markdown
<!-- awesomelint-disable-next-line duplicate-links -->
- [Flask](https://flask.palletsprojects.com) - Again.
```

Use instead:
```markdown
<!-- awesomelint-disable-next-line duplicate-link -->
- [Flask](https://flask.palletsprojects.com) - Again.
```

## Fix safety
No fix: which rule was meant is for the author to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint import suppress
from awesomelint.errors import ConfigError
from awesomelint.model import Problem, Severity
from awesomelint.registry import ALL_RULES, resolve
from awesomelint.rules._base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for comment in suppress.comments(ctx.doc):
        if comment.theirs:
            continue
        for name in comment.names:
            try:
                resolve(name.text, ALL_RULES)
            except ConfigError:
                yield Problem(
                    f"Unknown rule {name.text!r} in a suppression comment: it suppresses "
                    f"nothing{_hint(name.text)}",
                    name.start,
                    name.end,
                )


def _hint(text: str) -> str:
    import difflib

    names = [r.name for r in ALL_RULES]
    close = difflib.get_close_matches(text.lower(), names, n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else " (see `awesomelint rules`)"


RULE = Rule(
    code="S001",
    name="unknown-suppression",
    summary="A suppression comment names a rule that does not exist",
    check=check,
    doc=__doc__ or "",
    severity=Severity.WARNING,
)
