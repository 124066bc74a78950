"""empty-link (K004): a link or image whose target is empty.

## What it does
Finds links and images that point nowhere: an empty destination (`[text]()`,
`[text](<>)`, `![logo]()`), a destination that is only `#` (`[text](#)`,
`[text]( # "title")`), and reference links whose definition is empty
(`[text][ref]` with `[ref]: <>`).

Not reported: `#` links whose text says they lead to the top of the page
(`[⬆ Back to top](#)`: browsers scroll up), anything in code or HTML, and bracketed
text that is no link at all (malformed-link reports those).

## Why is this bad
The text renders as a link, so readers click it, and nothing happens: the page reloads
or scrolls to the top. Usually the URL was never pasted, or `#` was a placeholder for a
resource that was meant to come later.

## Example
```markdown
- [Awesome Tool]() - A tool.
- [Docs](#) - The documentation.
```

Use instead:
```markdown
- [Awesome Tool](https://github.com/owner/awesome-tool) - A tool.
- [Docs](https://owner.github.io/awesome-tool/) - The documentation.
```

## Fix safety
No fix: the URL cannot be guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from awesomelint.links.urls import clean
from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule


@functools.cache  # (compiled on first use: only links to "#" need it)
def _to_top() -> re.Pattern[str]:
    """Text of a "back to top" link: `#` alone scrolls there, as it means."""
    return re.compile(r"(?i)\btop\b|[⬆↑⇧🔝]")


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    for link in doc.links:
        if link.text is None:  # autolinks and bare URLs always have a target
            continue
        if link.url.startswith("http"):  # (most links: clean() keeps that start)
            continue
        target = clean(link.url)
        if target not in ("", "#") or (target == "#" and _to_top().search(link.text)):
            continue
        what = "Image" if link.image else "Link"
        shown = doc.text[link.start : link.end]
        if len(shown) > 80:
            shown = shown[:77] + "..."
        why = "has no target" if not target else "points to # (nowhere)"
        if link.kind == "reference":
            why = f"uses [{link.label}], whose URL is {'#' if target else 'empty'}"
        yield Problem(f"{what} {shown} {why}: add its URL", link.start, link.end)


RULE = Rule(
    code="K004",
    name="empty-link",
    summary="A link or image whose target is empty or just #",
    check=check,
    doc=__doc__ or "",
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
