"""list-marker-space (L003): `-[Name](url)` is text, not a list item.

## What it does
Finds lines of text that start with a list marker glued to a link - `-[Name](url)`,
`*[Name](url)`, `+![badge](url)`, `-**[Name](url)**`, `-https://...`, `1.[Name](url)`,
`2)[Name](url)` - at the top level, nested, glued onto the entry above, after a blank
line, or in a block quote. A marker glued to a link, an image, a bare URL or an autolink
(in emphasis or not) is never prose, so the line counts wherever it stands, in a list or
not. A marker glued to anything else (`-1`, `--flag`, `-->`, `+1`, `1.5 million`, `-Wall`,
`-[label]` without a target) is left alone, as is a `*` that opens emphasis closed later
on the line (`*[Name](url)*`, `**[Name](url)**`), and anything in code, HTML, headings,
tables or YAML front matter. Two bullets glued together before a link (`-* [Name](url)`)
are reported too.

## Why is this bad
CommonMark needs a space (or tab) after a list marker; without one the line is ordinary
text. GitHub shows `-[Name](url)` as "-Name", and right under another entry it continues
that entry's text lazily: the entry vanishes from the list, glued to the one above.

## Example
```markdown
- [httpx](https://github.com/encode/httpx) - A next generation HTTP client.
-[requests](https://github.com/psf/requests) - HTTP for humans.
```

Use instead:
```markdown
- [httpx](https://github.com/encode/httpx) - A next generation HTTP client.
- [requests](https://github.com/psf/requests) - HTTP for humans.
```

## Fix safety
Safe: inserts one space after the marker (`- `, `1. `); no text is removed. The fix is
offered only when the lines around, parsed again with the space, read as before plus the
new item: it joins the list of an item right before or after it under the same parent,
if there is one (a `-` glued under `1.` items does not: it would start a new list), no
list splits, every other line keeps its kind (text, code, HTML) and its item - except
that what follows the glued line inside the items that held it (its description's next
lines, the sub-items drawn under it) moves into the new item. Glued lines near each other
are checked together, as one change. Markers with tabs before them and two glued
bullets (which one was meant?) get no fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.commonmark.items import GluedBullet, glued_bullets
from awesomelint.commonmark.lazy import front_matter_end
from awesomelint.commonmark.reparse import adds_items, is_fresh
from awesomelint.document import Document
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule


def _candidates(doc: Document) -> Iterator[GluedBullet]:
    front = front_matter_end(doc)  # "-[x]: y" may be YAML there
    return (g for g in glued_bullets(doc) if g.line > front)


def _works(doc: Document, first: int, end: int, part: list[GluedBullet]) -> bool:
    edits = [Edit(g.at, g.at, " ") for g in part]
    return adds_items(doc, first, end, [(g.line, g.column) for g in part], edits)


def _best(
    doc: Document, first: int, end: int, part: list[GluedBullet], budget: int
) -> tuple[list[GluedBullet], int]:
    """The most of ``part`` whose fixes work together, halving around the ones that do
    not (a bullet among ordered items), within ``budget`` re-parses; and what is left of
    it."""
    if not part or budget <= 0:
        return [], budget
    if _works(doc, first, end, part):
        return part, budget - 1
    if len(part) == 1:
        return [], budget - 1
    half = len(part) // 2
    left, budget = _best(doc, first, end, part[:half], budget - 1)
    right, budget = _best(doc, first, end, part[half:], budget)
    if left and right:
        if budget > 0 and _works(doc, first, end, left + right):
            return left + right, budget - 1
        return left, budget - 1  # the next pass tries the others again
    return left or right, budget


def _fixable(doc: Document, glued: list[GluedBullet]) -> set[int]:
    """Lines whose fixes, applied together, re-parse as meant; checked stretch by stretch
    of lines between two fresh starts."""
    out: set[int] = set()
    lines = {g.line for g in glued}
    i = 0
    while i < len(glued):
        first = glued[i].line
        while not is_fresh(doc, first, lines):
            first -= 1
        end = glued[i].line + 1
        while end <= doc.line_count and not is_fresh(doc, end, lines):
            end += 1
        end = min(end, doc.line_count)
        group = [g for g in glued[i:] if g.line <= end]
        i += len(group)
        best, _ = _best(doc, first, end, [g for g in group if g.fixable], 16)
        out.update(g.line for g in best)
    return out


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    glued = sorted(_candidates(doc), key=lambda g: g.line)
    fixable = _fixable(doc, glued) if glued else set()
    for g in glued:
        where = ", joined to the line before" if g.joined else ""
        if g.double:
            message = f'Bullets "{g.marker}" glued together: this line renders as text{where}'
            fix = None
        else:
            message = f'No space after list marker "{g.marker}": this line renders as text{where}'
            space = f'Add a space after "{g.marker}"'
            fix = Fix(space, (Edit(g.at, g.at, " "),)) if g.line in fixable else None
        yield Problem(message, g.start, g.start + len(g.marker), fix)


RULE = Rule(
    code="L003",
    name="list-marker-space",
    summary="List marker glued to its text (`-[Name](url)`), so the line is not an item",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
