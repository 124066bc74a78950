"""heading-missing-space (H001): `###Python` is text, not a heading.

## What it does
Finds lines that start with one to six `#` followed directly by a letter, such as
`###Python`. CommonMark requires a space (or tab) after the opening `#`s; without one the
line is an ordinary paragraph.

## Why is this bad
GitHub renders `###Python` as the literal text "###Python": the section is missing from
the rendered list and from its table of contents, and the entries below it appear to
belong to the previous section. awesome-lint and many renderers miss this entirely.

Prose such as `#42` (a digit follows), `C#` (not at the start of a line) and anything in
code blocks, inline code or HTML is not reported.

## Example
```markdown
###Python
```

Use instead:
```markdown
### Python
```

## Fix safety
Safe: inserts one space after the `#`s; no text is removed. No fix is offered when the
next line of the paragraph would change its meaning once the heading ends the paragraph:
4 or more columns of indentation (code), `<` (HTML) or `[label]:` (a definition), or a
lazy continuation line (left of the heading's text, or outside its quote: it would leave
the list item or quote); nor when the `#` line itself continues a list item's paragraph
lazily and more lines of it follow; nor when the heading would also close a list item and
the item's next text is indented 4 columns or more after blank lines (it would become
code) or starts with `<` or a fence (an HTML block or code block would swallow what
follows); nor in a list item with nothing on its marker line (`-` alone), which
CommonMark ends at once but mistune extends over the next lines, unless the next line is
plain text or a bullet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from awesomelint.document import ListItem
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lists import visual_column

# up to 3 spaces, 1-6 '#', then a letter (not a digit: "#42" is prose, not a heading)
_SUSPECT = re.compile(r" {0,3}(#{1,6})(?=[^\W\d_])")
_NEW_BLOCK = re.compile(r"(?: {4}| {0,3}\t| {0,3}<| {0,3}\[(?:[^\]\\]|\\.)*\]:)")
_CODE_INDENT = re.compile(r" {4}| {0,3}\t")
_PLAIN = re.compile(r" {0,3}[^<>`~ \t]")
_SWALLOWS = re.compile(r" {0,3}(?:<|```|~~~)")  # an HTML block or a fence: to its end
# a line of hashtags ("#ai #ml") is prose too
_HASHTAGS = re.compile(r"#\w+(?:\s+#\w+)+\s*$")


def check(ctx: Context) -> Iterator[Problem]:
    starts = [it.start for it in ctx.doc.items]
    for block in ctx.doc.blocks:
        if block.kind != "paragraph":
            continue
        for k, line in enumerate(block.lines):
            m = _SUSPECT.match(line.text)
            if m is None or _HASHTAGS.match(line.text, m.start(1)):
                continue
            hashes = m.group(1)
            start = line.start + m.start(1)
            at = line.start + m.end(1)
            if ctx.doc.in_region(start) or any(
                lk.end > start for lk in ctx.doc.links_between(block.start, start)
            ):
                continue  # the line goes on a link, code span or HTML of the line before
            # a heading ends its paragraph: the next line then starts a block of its own,
            # which changes what it is if it is indented code, a definition or HTML, so
            # that case is left to a human
            after = block.lines[k + 1].text if k + 1 < len(block.lines) else ""
            # a lazy line's text is shown without its indentation, which counts once the
            # heading has closed the list item around it: look at the line as written too
            raw = ctx.doc.line_text(block.lines[k + 1].line) if after else ""
            certain = not _NEW_BLOCK.match(after) and not _NEW_BLOCK.match(raw)
            lazy_here = k > 0 and _lazy(ctx, block.lines[0].start, line.start)
            if certain and (
                (after and (lazy_here or _lazy(ctx, line.start, block.lines[k + 1].start)))
                or (lazy_here and _item_goes_on(ctx, starts, start, line.line))
            ):
                # the next line continues this paragraph only lazily (left of its text,
                # or outside its quote), or this line does and more lines (of the
                # paragraph or of its list item) follow: once a heading ends the
                # paragraph, they leave the list item or quote and change place
                certain = False
            if certain and _after_empty_item(ctx, starts, start):
                # mistune reads the next lines into the item, CommonMark not: after the
                # fix mistune reads them as CommonMark does, which differs unless they
                # are plain text or bullets (an HTML line, a fence, a quote, code...)
                n = line.line + 1
                following = ctx.doc.line_text(n) if n <= ctx.doc.line_count else ""
                certain = not following.strip() or bool(_PLAIN.match(following))
            if certain and k + 1 == len(block.lines) and _in_item(ctx, starts, start):
                # the heading also closes the list item: an indented line after blank
                # lines, the item's text until then, would become code; an HTML or fence
                # line, which mistune may have read into the item, would start a block
                # that swallows the lines after it
                following = _next_text_line(ctx, line.line)
                certain = not _CODE_INDENT.match(following) and not _SWALLOWS.match(following)
            yield Problem(
                f'Missing space after "{hashes}": this line renders as text, not as a heading',
                start,
                at,
                Fix(f'Add a space after "{hashes}"', (Edit(at, at, " "),)) if certain else None,
            )


def _lazy(ctx: Context, text_start: int, next_start: int) -> bool:
    return _column(ctx, next_start) < _column(ctx, text_start) or _quotes(
        ctx, next_start
    ) != _quotes(ctx, text_start)


def _line_start(ctx: Context, offset: int) -> int:
    return ctx.doc.line_starts[ctx.doc.line_of(offset) - 1]


def _column(ctx: Context, offset: int) -> int:
    """Visual column of ``offset`` (tab stops every 4 columns)."""
    return visual_column(ctx.doc.text[_line_start(ctx, offset) : offset])


def _quotes(ctx: Context, offset: int) -> int:
    return ctx.doc.text.count(">", _line_start(ctx, offset), offset)


def _in_item(ctx: Context, starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies in a list item: the last item starting before it, or one
    of that item's ancestors (``starts``: the items' starts)."""
    return _item_at(ctx, starts, offset) is not None


def _item_at(ctx: Context, starts: list[int], offset: int) -> ListItem | None:
    """The innermost list item holding ``offset``, or None."""
    items = ctx.doc.items
    i = bisect_right(starts, offset) - 1
    node = items[i] if i >= 0 else None
    while node is not None:
        if node.start <= offset < node.end:
            return node
        node = items[node.parent] if node.parent is not None else None
    return None


def _item_goes_on(ctx: Context, starts: list[int], offset: int, line: int) -> bool:
    """Whether a list item holding ``offset`` (or one around it) has lines after ``line``."""
    item = _item_at(ctx, starts, offset)
    while item is not None:
        if item.end_line > line:
            return True
        item = ctx.doc.items[item.parent] if item.parent is not None else None
    return False


def _after_empty_item(ctx: Context, starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is in an item with nothing on its marker line: CommonMark ends
    such an item at once unless the next line is indented to it, mistune reads the next
    lines into it, and a heading there changes mistune's reading of what follows."""
    item = _item_at(ctx, starts, offset)
    if item is None or ctx.doc.line_of(offset) == item.line:
        return False
    marker_end = item.start + len(item.marker)
    return not ctx.doc.text[marker_end : ctx.doc.line_ends[item.line - 1]].strip()


def _next_text_line(ctx: Context, line: int) -> str:
    """The first line after ``line`` (1-based) that is not blank, or ""."""
    doc = ctx.doc
    for n in range(line + 1, min(doc.line_count, line + 50) + 1):
        text = doc.line_text(n)
        if text.strip():
            return text
    return ""


RULE = Rule(
    code="H001",
    name="heading-missing-space",
    summary="Heading marker `#` not followed by a space",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
