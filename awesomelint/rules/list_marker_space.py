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

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awesomelint.document import Document, TextLine
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lazy import front_matter_end
from awesomelint.rules._reparse import adds_items, is_fresh

if TYPE_CHECKING:
    from mistune import Markdown

_MARKER = re.compile(r"[*+-]|\d{1,9}[.)]")
_MAYBE = re.compile(r"[ \t>]*(?:[*+-]|\d{1,9}[.)])[^\s]")
_EMPHASIS = re.compile(r"\*{1,3}|_{1,3}")
_BULLET_GAP = re.compile(r"[*+-][ \t]+")  # a second bullet, then its space: "-* "
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")


@dataclass(frozen=True, slots=True)
class _Glued:
    """A marker glued to what follows it, at the start of a line of text."""

    line: int
    start: int  # offset of the marker
    column: int  # of the marker, in characters
    marker: str  # or the two bullets glued together
    at: int  # where the space goes
    fixable: bool  # a single marker with no tab before it
    double: bool  # two bullets glued together
    joined: bool  # not the first line of its paragraph: it continues the line before


@functools.cache
def _markdown() -> Markdown:
    import mistune  # already loaded by the parser; a plain instance, no positions

    return mistune.create_markdown(renderer=None)


def _emphasis_first(text: str) -> bool:
    """Whether ``text`` opens with emphasis closed further on (as CommonMark pairs them)."""
    run = text[: len(text) - len(text.lstrip(text[:1]))]
    body = text.rstrip()
    inner = body[len(run) : -len(run)]
    if body.endswith(run) and inner[-1:] not in ("", " ", "\t") and run[0] not in inner:
        return True  # "**[Name](url)**": closed at the end of the line (the common case)
    tokens, _ = _markdown().parse(text)
    first = tokens[0] if tokens else None
    children = first.get("children", []) if isinstance(first, dict) else []
    return bool(children) and children[0]["type"] in ("emphasis", "strong")


def _link_at(doc: Document, offset: int) -> bool:
    return any(lk.start == offset for lk in doc.links_between(offset, offset + 1))


def _glued(doc: Document, tl: TextLine, joined: bool) -> _Glued | None:
    text, line_start, end = doc.text, doc.line_starts[tl.line - 1], doc.line_ends[tl.line - 1]
    start = line_start
    while start < end and text[start] in " \t>":
        start += 1
    m = _MARKER.match(text, start) if start >= tl.start else None  # not after a marker
    if m is None:
        return None
    marker, at = m.group(), m.end()
    if marker == "*" and _emphasis_first(text[start:end]):
        return None  # *[Name](url)*: emphasis, not a bullet
    e = _EMPHASIS.match(text, at)
    g = _BULLET_GAP.match(text, at) if marker in "*+-" else None
    if _link_at(doc, at) or (
        e is not None and _link_at(doc, e.end()) and _emphasis_first(text[at:end])
    ):
        double = False  # -[Name](url), -**[Name](url)**
    elif (g is not None and text[at] != marker and _link_at(doc, g.end())) or (
        e is not None and e.group() == "*" and marker in "+-" and _link_at(doc, e.end())
    ):
        double, marker = True, marker + text[at]  # -* [Name](url), -*[Name](url)
    else:
        return None
    fixable = not double and "\t" not in text[line_start:start]
    return _Glued(tl.line, start, start - line_start, marker, at, fixable, double, joined)


def _candidates(doc: Document) -> Iterator[_Glued]:
    front = front_matter_end(doc)
    # lines that start with a marker and no space: few, so found in one sweep first
    text = doc.text
    lines = {n for n, at in enumerate(doc.line_starts, 1) if _MAYBE.match(text, at)}
    for block in doc.blocks if lines else ():
        if block.kind != "paragraph" or not any(tl.line in lines for tl in block.lines):
            continue
        if any(_TABLE_RULE.fullmatch(tl.text) for tl in block.lines):
            continue
        for k, tl in enumerate(block.lines):
            found = _glued(doc, tl, k > 0) if tl.line in lines and tl.line > front else None
            if found is not None:
                yield found


def _works(doc: Document, first: int, end: int, part: list[_Glued]) -> bool:
    edits = [Edit(g.at, g.at, " ") for g in part]
    return adds_items(doc, first, end, [(g.line, g.column) for g in part], edits)


def _best(
    doc: Document, first: int, end: int, part: list[_Glued], budget: int
) -> tuple[list[_Glued], int]:
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


def _fixable(doc: Document, glued: list[_Glued]) -> set[int]:
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
