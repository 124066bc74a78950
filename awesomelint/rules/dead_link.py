"""dead-link (N001): a link leads nowhere (404, 410, no such host, connection refused).

## What it does
With `--links`, every http(s) link of the document is fetched (each distinct target
once) and this rule reports the links whose target is gone: the server answers
`404 Not Found` or `410 Gone` (after a GET, when a HEAD was refused), the host name does
not exist in DNS, or the host refuses connections. Temporary trouble is not reported
here: timeouts, 5xx errors and resets are retried and end up as `unreachable-link`;
`403`/`429` answers to robots are `blocked-link`. If no host answers at all (the
network is down), nothing is reported as dead. Without `--links` the rule is silent.

## Why is this bad
Dead links are what rots a curated list: readers click, find nothing, and stop
trusting the rest. A 404 or a vanished domain almost never comes back.

## Example
```markdown
- [Cool tool](https://example.org/a-page-that-was-removed) - Does things.
```

Use instead:
```markdown
- [Cool tool](https://example.org/where-it-lives-now) - Does things.
```
(or remove the entry, or link an archived copy).

## Fix safety
There is no fix: only a human knows whether an entry has a new home, an archived copy,
or should go.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._network import with_outcome


def check(ctx: Context) -> Iterator[Problem]:
    return with_outcome(ctx, "dead", lambda c: f"Dead link {c.url}: {c.status.detail}")


RULE = Rule(
    code="N001",
    name="dead-link",
    summary="A link's target is gone: 404/410, unknown host, connection refused (--links)",
    check=check,
    doc=__doc__ or "",
    severity=Severity.ERROR,
    default=False,
    groups=frozenset({"links"}),
    needs=frozenset({"link_status"}),
)
