"""broken-anchor (N006): an in-page link `#anchor` matches no heading or HTML anchor.

## What it does
Checks every link whose target is a fragment of this same page (`[Tools](#tools)`, also
through a reference definition `[tools]: #tools`) against the anchors GitHub gives the
page's headings - the rendered heading text lowercased, punctuation and emoji removed,
spaces turned into `-`, `-1`, `-2`, ... for repeated headings - and against the HTML
anchors written in the file (`<a name="x">`, `id="x"`). Matching ignores case, percent-
encoding (`#%ED%95%9C` is `#한`), a trailing `-` and GitHub's `user-content-` prefix.
`#`, `#top` and `#readme` (GitHub's README container) always exist. Works offline: no
`--links` needed. Links to other files (`docs/x.md#y`) and other sites are not checked
here.

## Why is this bad
A broken in-page link does nothing when clicked. It usually means a heading was renamed
and the table of contents or a "see below" link was not updated.

## Example
```markdown
- [Web frameworks](#web-framework)

## Web Frameworks
```

Use instead:
```markdown
- [Web frameworks](#web-frameworks)

## Web Frameworks
```

## Fix safety
When exactly one existing anchor is close to the broken one (a typo, a renamed heading
that kept most of its words), the fix points the link there. It is unsafe: it is a
guess, and it changes the link's target.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.links.urls import clean
from awesomelint.markdown.slug import has_anchor, page_anchors, wanted
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    # (a "#" after clean() was a "#" or an entity reference before: most links have
    # neither, and are ruled out without clean())
    local = [
        lk
        for lk in doc.links
        if not lk.image
        and ("#" in lk.url or "&" in lk.url)
        and clean(lk.url).startswith("#")
    ]
    if not local:
        return
    slugs, known = page_anchors(doc)
    done: set[tuple[int, int]] = set()
    for link in local:
        span = (link.url_start, link.url_end)
        if span in done:
            continue
        done.add(span)
        fragment = clean(link.url)[1:]
        if has_anchor(known, fragment):
            continue
        want = wanted(fragment)
        import difflib  # (here: only a broken anchor needs it)

        close = difflib.get_close_matches(want, slugs, n=2, cutoff=0.75)
        hint = f" (did you mean #{close[0]}?)" if close else ""
        fix = None
        raw = doc.text[link.url_start : link.url_end]
        if len(close) == 1 and raw == f"#{fragment}":
            fix = Fix(
                f"Point the link to #{close[0]}",
                (Edit(link.url_start, link.url_end, f"#{close[0]}"),),
                safe=False,
            )
        yield Problem(
            f"Link to #{fragment} matches no heading or HTML anchor on this page{hint}",
            link.url_start,
            link.url_end,
            fix,
        )


RULE = Rule(
    code="N006",
    name="broken-anchor",
    summary="An in-page #anchor link matches no heading or HTML anchor",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    severity=Severity.WARNING,
    groups=frozenset({"links"}),
)
