"""code-of-conduct (A012): a code of conduct beside the list has a real contact address.

## What it does
When a code of conduct sits beside the list (`code-of-conduct.md` or
`CODE_OF_CONDUCT.md`, any case, in the list's folder, its `.github/` or its `docs/`),
reports it when it still holds the Contributor Covenant template's contact placeholder
(`[INSERT EMAIL ADDRESS]`, `[INSERT CONTACT METHOD]`, `[INSERT EMAIL]`, `[email]`, ...),
when it still names the awesome template's author (`sindresorhus@gmail.com`) while the
list's `package.json` says the repository is someone else's (or there is none), and when
it is empty. The finding is placed on line 1 of the list and names the file and line.

This rule reads the file system: it lists at most three folders and reads the code of
conduct (and `package.json`, only when the template's email is found); anything that
cannot be read counts as absent. Nothing is checked when the list has no path (standard
input, the Python API). A missing code of conduct is fine.

## Why is this bad
A code of conduct with `[INSERT EMAIL ADDRESS]` tells people who need help that there is
nobody to write to; awesome-lint rejects it ("The email placeholder must be replaced
with yours").

## Example
```markdown
reported by contacting the project team at [INSERT EMAIL ADDRESS].
```

Use instead:
```markdown
reported by contacting the project team at jane@example.com.
```

## Fix safety
No fix: only the maintainer knows the address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from awesomelint._regex import lazy
from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules.contributing_file import find_beside, read_text

_BREAK = lazy(r"\r\n|\r|\n")
NAMES = frozenset({"code-of-conduct.md", "code_of_conduct.md"})
TEMPLATE_EMAIL = "sindresorhus@gmail.com"
_PLACEHOLDER = lazy(
    r"\[\s*(?:INSERT|YOUR|ADD|ENTER)\b[^\]\n]{0,40}?\b(?:E-?MAIL|CONTACT)\b[^\]\n]{0,40}\]"
    r"|\[\s*e-?mail(?:\s+address)?\s*\](?![(\[:])",
    re.I,
)


def _line(text: str, offset: int) -> int:
    return len(_BREAK.findall(text, 0, offset)) + 1


def _owned_by_template_author(folder: Path) -> bool:
    text = read_text(folder / "package.json")
    return text is not None and re.search(r"sindresorhus/", text) is not None


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.path is None:
        return
    folder = ctx.path.parent
    for path in find_beside(folder, NAMES):
        text = read_text(path)
        if text is None:
            continue
        name = path.relative_to(folder).as_posix()
        if not text.strip():
            yield Problem(f"{name} is empty: write a code of conduct or remove the file", 0, 0)
            continue
        m = _PLACEHOLDER.search(text)
        if m is not None:
            line = _line(text, m.start())
            yield Problem(
                f"{name} line {line} still has the template placeholder {m.group()}: "
                "put your contact address there",
                0,
                0,
            )
        elif TEMPLATE_EMAIL in text and not _owned_by_template_author(folder):
            line = _line(text, text.index(TEMPLATE_EMAIL))
            yield Problem(
                f"{name} line {line} still has the template's contact {TEMPLATE_EMAIL}: "
                "put your own address there",
                0,
                0,
            )


RULE = Rule(
    code="A012",
    name="code-of-conduct",
    summary="A code of conduct beside the list still has the template's email placeholder",
    check=check,
    doc=__doc__ or "",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
