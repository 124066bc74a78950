"""license-section (A010): the license belongs in a LICENSE file, not in a README section.

## What it does
Reports a heading (any level) titled `License` or `Licence`, in any case, with or
without a trailing colon or a decorative emoji (`## 📝 License`, `## :page_facing_up:
License:`). Headings that merely contain the word (`## Licensing Options`, `### MIT
License Tools`) are not reported.

## Why is this bad
The awesome guidelines ask for the license in a `LICENSE` file, where GitHub detects and
shows it; a License section at the bottom of the README is noise in the list, and
awesome-lint rejects it ("Forbidden license section found").

## Example
```markdown
## License

[![CC0](https://mirrors.creativecommons.org/presskit/buttons/88x31/svg/cc-zero.svg)](https://creativecommons.org/publicdomain/zero/1.0/)
```

Use instead: no section; a `LICENSE` file in the repository (for example CC0-1.0).

## Fix safety
No fix: removing the section deletes text a human wrote (and the license must first be
moved to a file), so this is reported only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.markdown.slug import rendered_text
from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule

# leading/trailing decoration: emoji, :shortcodes:, punctuation, spaces
_DECOR = r"(?:[\W_]|:[a-z0-9_+-]+:)*"
_LICENSE = lazy(rf"{_DECOR}licen[cs]e{_DECOR}", re.I)


def check(ctx: Context) -> Iterator[Problem]:
    for h in ctx.doc.headings:
        if "icen" not in h.text.lower():
            continue
        text = rendered_text(h.text).strip()
        if _LICENSE.fullmatch(text):
            yield Problem(
                f'"{"#" * h.level} {text}" section: put the license in a LICENSE file, '
                "not in the README",
                h.start,
                h.end,
            )


RULE = Rule(
    code="A010",
    name="license-section",
    summary="A License section in the README (the license belongs in a file)",
    check=check,
    doc=__doc__ or "",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
