"""duplicate-link (K001): the same target is listed twice.

## What it does
Compares the entry link of every list item - the item's first link - after URL
normalisation (`http`/`https`, `www.`, default ports, trailing slashes and
`index.html`, percent-encoding, tracking parameters such as `utm_*` and `fbclid`, query
order) and reports each later entry that links to a target listed before.

Only http(s) links count. Not compared: relative links and `#anchors` (a repeated "back
to top" link is fine), images and links whose text is only an image (badges repeat
legitimately), links in an entry's description (`- [a](x) - A fork of [b](y).` refers
to another entry, as awesome-lint's double-link rule also allows), and links outside
lists. Links to different fragments of one page (`#install`, `#usage`) are different
targets.

## Why is this bad
A duplicate entry makes the list longer without making it better, and the two copies
drift apart: one gets a fixed description or a new URL, the other does not. Links that
differ only in tracking parameters or a trailing slash are the same page.

## Example
```markdown
- [Attention and Augmented RNNs](http://distill.pub/2016/augmented-rnns/?utm_source=twitter.com)
- [Random synaptic feedback weights](http://www.nature.com/articles/ncomms13276)
- [Attention and Augmented RNNs](http://distill.pub/2016/augmented-rnns/)
```

Use instead:
```markdown
- [Attention and Augmented RNNs](http://distill.pub/2016/augmented-rnns/)
- [Random synaptic feedback weights](http://www.nature.com/articles/ncomms13276)
```

## Fix safety
Unsafe: the later entry's whole lines are deleted, together with its description, which
may differ from the first entry's. Offered only when the entry is a list item of its own
lines with no sub-items and no other http(s) link; otherwise there is no fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.links.urls import clean, normalize
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._links import Entry, entries, image_only, line_span


def _removal(ctx: Context, entry: Entry, li: int) -> Fix | None:
    doc = ctx.doc
    if entry.item.children or entry.links[0] != li:
        return None
    link = doc.links[li]
    if doc.text[entry.block.start : link.start].strip():  # text before the link
        return None
    if any(normalize(doc.links[j].url) is not None for j in entry.links[1:]):
        return None
    span = line_span(doc, entry.item)
    if span is None:
        return None
    return Fix("Remove the duplicate entry", (Edit(span[0], span[1], ""),), safe=False)


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    badges = image_only(doc)
    first_seen: dict[str, int] = {}  # normalized URL -> offset of the first link
    for entry in entries(doc):
        if not entry.links:
            continue
        li = entry.links[0]
        link = doc.links[li]
        if link.image or li in badges:
            continue
        key = normalize(link.url)
        if key is None:
            continue
        if key not in first_seen:
            first_seen[key] = link.start
            continue
        first = first_seen[key]
        yield Problem(
            f"Duplicate link to {clean(link.url)} (first used on line {doc.line_of(first)})",
            link.start,
            link.end,
            _removal(ctx, entry, li),
            related=(first,),
        )


RULE = Rule(
    code="K001",
    name="duplicate-link",
    summary="The same link target appears in two entries",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
