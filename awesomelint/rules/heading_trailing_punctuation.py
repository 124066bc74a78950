"""heading-trailing-punctuation (H003): a heading ends with punctuation such as `:` or `.`.

## What it does
Finds headings (ATX, closed ATX `## Title: ##`, setext) whose text ends with a run of
punctuation characters from the `punctuation` option (default `.,;:!。，；：！`, like
markdownlint's MD026: `?` is allowed so that questions can be headings).

Not reported:
- an ellipsis: text ending in `...` or `…` ("Coming soon...") is deliberate;
- the `;` that ends an HTML entity (`&amp;`) and the `:` that ends an emoji shortcode
  (`:rocket:`);
- punctuation inside a link, a code span or inline HTML (`## [Docs.](url)` ends with
  `)`, not with `.`), and a backslash-escaped character (`\\.`);
- a heading that is nothing but punctuation.

Punctuation right after a bare URL is not part of the URL (as in GFM autolinks), so it
is removed like any other.

## Why is this bad
Headings are titles, not sentences: `## Planning:` renders with a stray colon and gives
the section an anchor (`#planning`) that differs from how people cite it. Trailing
colons usually come from converting "Label:" lines of a plain-text list.

## Example
```markdown
## Planning:
```

Use instead:
```markdown
## Planning
```

## Fix safety
Safe: removes only the trailing punctuation characters (and the spaces before them);
no word is removed, and closing `#`s or a setext underline are left as they are.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator

from awesomelint.document import INLINE_REGIONS, Link
from awesomelint.links.urls import ENTITY
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules import HEADING_PUNCTUATION
from awesomelint.rules._base import Context, Rule


@functools.cache  # (compiled on first use: only headings ending in punctuation need it)
def _shortcode() -> re.Pattern[str]:
    return re.compile(r"(?<![\w:]):[a-z0-9_+-]+:")




def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    punctuation = HEADING_PUNCTUATION.value(ctx)
    if not punctuation or not doc.headings:
        return
    # each heading's block: the last to start at or before it (a block starts at its
    # line's start, indentation and all, where "   ### Usage:" starts at its "#")
    blocks = [b for b in doc.blocks if b.kind == "heading"]
    block_starts = [b.start for b in blocks]
    link_starts: list[int] | None = None
    for h in doc.headings:
        k = bisect_right(block_starts, h.start) - 1
        block = blocks[k] if k >= 0 else None
        if block is None or block.end < h.start or not block.lines:
            continue
        last = block.lines[-1]  # a setext heading can span lines
        text = last.text.rstrip()
        end = len(text)
        run = _reported_run(text, punctuation)
        if run == end:
            continue
        if not doc.text.startswith(text, last.start):
            continue  # defensive: the line's text is not verbatim source
        a, b = last.start + run, last.start + end
        if doc.in_region(a, INLINE_REGIONS):
            continue
        if link_starts is None:
            link_starts = [lk.start for lk in doc.links]
        if _in_link(doc.links, link_starts, a):
            continue
        marks = text[run:]
        cut = last.start + len(text[:run].rstrip())
        fix = Fix(f'Remove "{marks}"', (Edit(cut, b, ""),))
        yield Problem(f'Heading ends with punctuation "{marks}"; expected none', a, b, fix)


def _in_link(links: tuple[Link, ...], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies inside a link (or in a link around an image)."""
    i: int | None = bisect_right(starts, offset) - 1
    while i is not None and i >= 0:
        if links[i].end > offset:
            return True
        i = links[i].parent
    return False


def without_trailing(text: str, punctuation: str = HEADING_PUNCTUATION.default) -> str:
    """``text`` (a heading's source) without the punctuation this rule reports at its
    end and the spaces before it, as the fix leaves it: awesome-toc compares a ToC entry
    with the title meant, not again with the stray colon."""
    text = text.rstrip()
    return text[: _reported_run(text, punctuation)].rstrip()


def _reported_run(text: str, punctuation: str) -> int:
    """Start of the punctuation run reported at the end of ``text`` (len: none), not in a
    heading that is nothing but punctuation."""
    run = _trailing_run(text, punctuation)
    return run if text[:run].strip() else len(text)


def _trailing_run(text: str, punctuation: str) -> int:
    """Start of the reportable punctuation run at the end of ``text`` (len: none)."""
    end = len(text)
    if text.endswith(("...", "…")):
        return end  # an ellipsis is deliberate
    start = end
    while start > 0 and text[start - 1] in punctuation:
        start -= 1
    if start == end:
        return end
    for pattern in (ENTITY, _shortcode()):  # `&amp;`, `:rocket:` end in punctuation
        for m in pattern.finditer(text, max(0, start - 40)):
            if start < m.end() <= end:
                start = m.end()
    if start > 0 and text[start - 1] == "\\":
        start += 1  # an escaped character is deliberate
    return min(start, end)


RULE = Rule(
    code="H003",
    name="heading-trailing-punctuation",
    summary="Heading ends with punctuation",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
    options=(HEADING_PUNCTUATION,),
    groups=frozenset({"awesome"}),
)
