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
from collections.abc import Iterator

from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lazy import (
    after_empty_item,
    is_lazy,
    item_at,
    item_goes_on,
    next_text_line,
)

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
            lazy_here = k > 0 and is_lazy(ctx.doc, block.lines[0].start, line.start)
            if certain and (
                (after and (lazy_here or is_lazy(ctx.doc, line.start, block.lines[k + 1].start)))
                or (lazy_here and item_goes_on(ctx.doc, starts, start, line.line))
            ):
                # the next line continues this paragraph only lazily (left of its text,
                # or outside its quote), or this line does and more lines (of the
                # paragraph or of its list item) follow: once a heading ends the
                # paragraph, they leave the list item or quote and change place
                certain = False
            if certain and after_empty_item(ctx.doc, starts, start):
                # mistune reads the next lines into the item, CommonMark not: after the
                # fix mistune reads them as CommonMark does, which differs unless they
                # are plain text or bullets (an HTML line, a fence, a quote, code...)
                n = line.line + 1
                following = ctx.doc.line_text(n) if n <= ctx.doc.line_count else ""
                certain = not following.strip() or bool(_PLAIN.match(following))
            closes_item = item_at(ctx.doc, starts, start) is not None
            if certain and k + 1 == len(block.lines) and closes_item:
                # the heading also closes the list item: an indented line after blank
                # lines, the item's text until then, would become code; an HTML or fence
                # line, which mistune may have read into the item, would start a block
                # that swallows the lines after it
                following = next_text_line(ctx.doc, line.line)
                certain = not _CODE_INDENT.match(following) and not _SWALLOWS.match(following)
            yield Problem(
                f'Missing space after "{hashes}": this line renders as text, not as a heading',
                start,
                at,
                Fix(f'Add a space after "{hashes}"', (Edit(at, at, " "),)) if certain else None,
            )


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
