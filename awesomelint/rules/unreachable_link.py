"""unreachable-link (N003): a link could not be checked: timeout, 5xx, TLS error, loop.

## What it does
With `--links`, reports links whose server did not give a usable answer after the
retries (exponential backoff with jitter, `Retry-After` honoured): the request timed
out, the server kept answering 5xx or `408`, the TLS handshake failed (expired or
mismatched certificate), the connection was reset, the redirects looped or went on for
more than 10 hops, or another 4xx answer (`400`, `405`, ...) came back. Without
`--links` the rule is silent.

## Why is this bad
A link that times out or errors for everyone is as useless to readers as a dead one,
but the cause may be temporary, so this is a warning rather than `dead-link`'s error:
look at it, and re-run before removing anything.

## Example
```markdown
- [Tool](https://tool.example.org/) - A server that has been down for months.
```

Use instead:
```markdown
- [Tool](https://github.com/someone/tool) - Its repository, which still answers.
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
        ctx, "unreachable", lambda c: f"Link {c.url} could not be reached: {c.status.detail}"
    )


RULE = Rule(
    code="N003",
    name="unreachable-link",
    summary="A link times out, keeps failing with 5xx, or has TLS/redirect errors (--links)",
    check=check,
    doc=__doc__ or "",
    severity=Severity.WARNING,
    default=False,
    groups=frozenset({"links"}),
    needs=frozenset({"link_status"}),
)
