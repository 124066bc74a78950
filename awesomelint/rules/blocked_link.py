"""blocked-link (N004): a site refuses automated checks (401/403/999, bot walls, 429).

## What it does
With `--links`, reports links whose server turned the checker away even though it
sends a browser's User-Agent and falls back from HEAD to GET: `401`, `403`, `451` or
LinkedIn's `999`, a bot challenge (Cloudflare's `cf-mitigated: challenge`), or `429 Too
Many Requests` that outlasted the retries (or asked for a `Retry-After` longer than the
checker waits). Without `--links` the rule is silent.

## Why is this bad
It may well be fine for a human with a browser - which is exactly why it is a warning
and not a dead link: the checker cannot vouch for it. Sites that always block robots
are best excluded (`--exclude` or `[links] exclude`), or given headers in
`[links.hosts."site"]`, so the remaining warnings mean something.

## Example
```markdown
- [Profile](https://www.linkedin.com/in/someone) - Always answers 999 to robots.
```

Use instead (`.awesomelint.toml`):
```toml
[links]
exclude = ["^https://(www\\.)?linkedin\\.com/"]
```

## Fix safety
There is no fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._network import with_outcome


def check(ctx: Context) -> Iterator[Problem]:
    return with_outcome(
        ctx, "blocked", lambda c: f"Link {c.url} blocked the check: {c.status.detail}"
    )


RULE = Rule(
    code="N004",
    name="blocked-link",
    summary="A site refuses automated checks: 401/403/999, bot challenge, lasting 429 (--links)",
    check=check,
    doc=__doc__ or "",
    severity=Severity.WARNING,
    default=False,
    groups=frozenset({"links"}),
    needs=frozenset({"link_status"}),
)
