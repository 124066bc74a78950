"""list-marker (L002): `*`, `+` and `-` bullets mixed in one list.

## What it does
Finds lists that use more than one bullet character - `*` for some entries and `-` for
others, or a `+` sublist under `-` items - and reports every bullet that is not the
configured one (option `marker`, default `-`). One list here is what a reader sees as one:
a top-level list with all its sublists, together with the lists that follow it on the next
line or after blank lines only. A list that uses `*` (or `+`) throughout is fine; ordered
items (`1.`) are not looked at.

## Why is this bad
In CommonMark a change of bullet character ends the list and starts a new one: what looks
like one list renders as several, with extra spacing between them on GitHub, and a mix of
markers is usually the trace of copy-pasted entries that nobody normalised. Awesome lists
use one marker throughout.

## Example
```markdown
- [httpx](https://github.com/encode/httpx) - A next generation HTTP client.
* [requests](https://github.com/psf/requests) - HTTP for humans.
```

Use instead:
```markdown
- [httpx](https://github.com/encode/httpx) - A next generation HTTP client.
- [requests](https://github.com/psf/requests) - HTTP for humans.
```

## Fix safety
Safe: replaces the one marker character; nothing else on the line changes. Items whose
text is empty or made only of `-`, `*`, `_` and `+` are reported without a fix, because
after the change such a line could read as a thematic break or a heading underline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules import LIST_MARKER
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lists import visual_lists

_BULLETS = ("-", "*", "+")


@functools.cache  # (compiled on first use: only lists that mix bullets need it)
def _risky() -> re.Pattern[str]:
    """After the marker: nothing, or only what could turn the line into `- - -` or `-`."""
    return re.compile(r"[\s*_+-]*")


def check(ctx: Context) -> Iterator[Problem]:
    want = LIST_MARKER.value(ctx)
    doc = ctx.doc
    for vl in visual_lists(doc):
        bullets = [it for it in vl.items if it.marker in _BULLETS]
        used = {it.marker for it in bullets}
        if len(used) < 2:
            continue
        names = [f'"{m}"' for m in sorted(used, key=_BULLETS.index)]
        mixed = ", ".join(names[:-1]) + " and " + names[-1]
        # an empty or marker-only item changes meaning when the list around it is merged
        # (it cannot interrupt a paragraph): no fix anywhere in such a list
        risky_rest = _risky().fullmatch
        risky = any(
            risky_rest(doc.text[it.start + 1 : doc.line_ends[it.line - 1]]) for it in bullets
        )
        for it in bullets:
            if it.marker == want:
                continue
            rest = doc.text[it.start + 1 : doc.line_ends[it.line - 1]]
            fix = None
            if not risky and not risky_rest(rest):
                edit = Edit(it.start, it.start + 1, want)
                fix = Fix(f'Replace "{it.marker}" with "{want}"', (edit,))
            yield Problem(
                f'Bullet "{it.marker}" in a list that mixes {mixed}; expected "{want}"',
                it.start,
                it.start + 1,
                fix,
            )


RULE = Rule(
    code="L002",
    name="list-marker",
    summary="Bullet characters `*`, `+` and `-` mixed in one list",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
    options=(LIST_MARKER,),
    groups=frozenset({"awesome"}),
)
