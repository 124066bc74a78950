"""redirected-link (N002): a link answers through permanent redirects: use the new URL.

## What it does
With `--links`, reports links whose server answers `301 Moved Permanently` or
`308 Permanent Redirect` (possibly several in a row) and whose final page works, and
links to a GitHub repository that was renamed or transferred (seen through the GitHub
API with `GITHUB_TOKEN`). Not reported: temporary redirects (`302`, `303`, `307`) and
everything after them, redirects that only add or drop `www.` or a trailing slash,
redirects to a login page (`/login`, `?next=...`), and links that end up broken
(those are `dead-link` and friends). A deep link that is redirected to its site's front
page is reported without a fix: the page itself is probably gone. Without `--links` the
rule is silent.

## Why is this bad
A moved link works today through a hop the old owner may drop tomorrow, is slower for
every reader, and often hides that a project changed its name or home. `http://` links
that redirect to `https://` also leak the first request in clear text.

## Example
```markdown
- [Requests](http://python-requests.org) - HTTP for Humans.
```

Use instead:
```markdown
- [Requests](https://requests.readthedocs.io/en/latest/) - HTTP for Humans.
```

## Fix safety
Unsafe in general (a URL changes, and a redirect's target is the server's word). Only
`fix --links` applies it (the fix needs the link check, which only `--links` runs): it
asks for exactly this, checks the links and rewrites the moved ones, the fragment
(`#section`) kept.
No fix is offered when the new URL cannot be written in place without changing the
Markdown (a bare URL ending in punctuation, unbalanced parentheses).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.links.status import is_move, to_front_page
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._network import checked, destination, problem


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    for c in checked(ctx, lambda status: status.redirect is not None):
        status = c.status
        if status.outcome != "ok" or not status.redirect:
            continue
        target = status.redirect
        fragment = c.url.partition("#")[2]
        if fragment and "#" not in target:
            target = f"{target}#{fragment}"
        if not is_move(c.url, target):
            continue
        if to_front_page(c.url, target):
            yield problem(
                c,
                f"Link {c.url} moved permanently to the site's front page {target}: "
                "the page itself may be gone",
            )
            continue
        text = destination(doc, c.link, target)
        fix = None
        if text is not None and text != doc.text[c.link.url_start : c.link.url_end]:
            edit = Edit(c.link.url_start, c.link.url_end, text)
            fix = Fix(f"Replace the URL with {target}", (edit,), safe=False)
        yield problem(c, f"Link {c.url} moved permanently to {target}", fix)


RULE = Rule(
    code="N002",
    name="redirected-link",
    summary="A link answers through permanent redirects (301/308): use the new URL (--links)",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="links",
    severity=Severity.WARNING,
    default=False,
    groups=frozenset({"links"}),
    needs=frozenset({"link_status"}),
)
