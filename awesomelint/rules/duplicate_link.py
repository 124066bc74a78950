"""duplicate-link (K001): the same target is listed twice.

## What it does
Compares the entry link of every list item - the item's first link - after URL
normalisation (`http`/`https`, `www.`, default ports, trailing slashes and
`index.html`, percent-encoding, tracking parameters such as `utm_*` and `fbclid`, query
order) and reports each later entry that links to a target listed before.

With the option `scope = "section"`, only duplicates within one section are reported,
for lists that put one tool under two categories on purpose. A section is the smallest
category an entry sits in: the text under its nearest heading (of any level), or, inside
that, the sub-list of a plain-text item (`- HTTP Client` over its entries). So the same
tool under `### Testing` and `### Mocking`, or under `- HTTP Client` and `- HTTP
Server`, is fine; twice under `### Testing` it is not. The default, `scope =
"document"`, compares the whole file.

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

from bisect import bisect_right
from collections.abc import Iterator

from awesomelint.document import Document
from awesomelint.entries.items import Item, items
from awesomelint.links.urls import clean, normalize
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules import DUPLICATE_SCOPE
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._links import image_only, line_span


def _removal(ctx: Context, entry: Item, li: int) -> Fix | None:
    doc = ctx.doc
    if entry.item.children or entry.links[0] != li or entry.block is None:
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


def _plain(doc: Document, entry: Item) -> bool:
    """Whether an item's text starts with words rather than a link."""
    if entry.block is None:
        return False
    end = doc.links[entry.links[0]].start if entry.links else entry.block.end
    return bool(doc.text[entry.block.start : end].strip(" \t*_"))


def _header(doc: Document, entry: Item, headers: set[int]) -> int:
    """The nearest plain-text item above an entry (its sub-list's header), or -1."""
    parent = entry.item.parent
    while parent is not None:
        if parent in headers:
            return parent
        parent = doc.items[parent].parent
    return -1


def check(ctx: Context) -> Iterator[Problem]:
    scope = DUPLICATE_SCOPE.value(ctx)
    doc = ctx.doc
    badges = image_only(doc)
    by_section = scope == "section"
    heads = [h.start for h in doc.headings] if by_section else []
    # items whose text starts with words, not a link: sub-headers (`- HTTP Client`,
    # `- NoSQL [[nosql](https://crates.io/keywords/nosql)]`) of the entries nested in them
    headers = (
        {e.item.index for e in items(doc) if _plain(doc, e)}
        if by_section
        else set()
    )
    first_seen: dict[tuple[int, int, str], int] = {}  # (heading, header item, URL) -> link
    for entry in items(doc):
        if not entry.links:
            continue
        li = entry.links[0]
        link = doc.links[li]
        if link.image or li in badges:
            continue
        url = normalize(link.url)
        if url is None:
            continue
        if by_section:
            key = (bisect_right(heads, link.start), _header(doc, entry, headers), url)
        else:  # (what the two give with no headings and no headers: scope "document")
            key = (0, -1, url)
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
    options=(DUPLICATE_SCOPE,),
    groups=frozenset({"awesome"}),
)
