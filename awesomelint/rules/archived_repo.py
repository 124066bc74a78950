"""archived-repo (N005): a linked GitHub repository is archived (read-only).

## What it does
With `--links` and a `GITHUB_TOKEN` in the environment, github.com repository links are
checked through the GitHub REST API, and this rule reports the repositories their owners
have archived. Without a token (or once the API's rate limit is reached) repositories
are checked over plain HTTP, which cannot tell archived ones apart, and the rule is
silent; it is also silent without `--links`.

## Why is this bad
An archived repository gets no fixes, no releases and no answers to issues: a curated
list that recommends it should say so, point to a maintained fork, or drop it.

## Example
```markdown
- [old-lib](https://github.com/someone/old-lib) - Parses things.
```

Use instead:
```markdown
- [new-lib](https://github.com/someone/new-lib) - Parses things (successor of old-lib).
```

## Fix safety
There is no fix: choosing a successor is an editor's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.links.github import repo_of
from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._network import checked, problem


def check(ctx: Context) -> Iterator[Problem]:
    for c in checked(ctx, lambda status: status.archived):
        if c.status.outcome == "ok":
            repo = repo_of(c.status.final_url or c.url) or repo_of(c.url)
            name = "/".join(repo) if repo else c.url
            yield problem(c, f"Repository {name} is archived (read-only, no longer maintained)")


RULE = Rule(
    code="N005",
    name="archived-repo",
    summary="A linked GitHub repository is archived (--links, GITHUB_TOKEN)",
    check=check,
    doc=__doc__ or "",
    severity=Severity.WARNING,
    default=False,
    groups=frozenset({"links"}),
    needs=frozenset({"link_status"}),
)
