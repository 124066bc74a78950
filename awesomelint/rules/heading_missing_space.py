"""heading-missing-space (H001): `###Python` is text, not a heading.

## What it does
Finds lines that start with one to six `#` followed directly by a letter, such as
`###Python`. CommonMark requires a space (or tab) after the opening `#`s; without one the
line is an ordinary paragraph. A no-break space (or another Unicode space) after the `#`s,
as pasted from a word processor, does not count as one either: `###\u00a0Added` is text.

A section number after the `#`s (`#3 Training Tricks`, `##2.1 Foo`, `#3. Bar`, Korean or
any other title after it) counts too, but only where the document numbers its sections
- another heading starts with `N.` or `N.N` (or two with a plain `N`), or such lines
number one another at one depth, with or without their space (`##1 Go` beside `##2 Rust`
or `## 2 Rust`, `#1 Go` beside `##1.1 Tools`; two `#N` lines alone are ranks) - and
this number is the parent, a child or a near sibling of one of them (`#3` beside
`## 3.1`, `##2.1` beside `## 2.2`), the line starts its paragraph (or follows only HTML
tags, such as an anchor `<a name="go"></a>`, or is glued onto a list item) and reads
like a title: not starting lowercase, not ending in `.`, `,` or `;`.

It also finds closed headings whose closing `#`s are glued to the title, `## Heading##`:
a closing sequence needs a space before it, or it is part of the title. They are
reported when the author evidently meant one: as many `#`s as the heading's level, or
the document closes its other headings that way - never after a one-letter name (`C#`,
`F#`).

## Why is this bad
GitHub renders `###Python` as the literal text "###Python": the section is missing from
the rendered list and from its table of contents, and the entries below it appear to
belong to the previous section. awesome-lint and many renderers miss this entirely.
`## Heading##` renders as a heading that reads "Heading##".

Prose such as `#42`, `#1 is the answer` or `#123 fixed` (a number in a document that does
not number its sections, or within a sentence), hashtags (`#python #ml`), `#!/bin/sh`,
`C#` (not at the start of a line) and anything in code blocks, inline code, HTML or YAML
front matter is not reported.

## Example
```markdown
###Python
```

Use instead:
```markdown
### Python
```

## Fix safety
Safe: inserts one space after the `#`s (before the closing `#`s of a closed heading,
where it always is), or writes a plain space for the no-break one; no text is removed.
No fix is offered when the next line of the paragraph would change its meaning once the
heading ends the paragraph: 4 or more columns of indentation (code), `<` (HTML) or
`[label]:` (a definition), or a lazy continuation line (left of the heading's text, or
outside its quote: it would leave the list item or quote); nor when the `#` line itself
continues a list item's paragraph lazily and more lines of it follow; nor when the
heading would also close a list item and the item's next text is indented 4 columns or
more after blank lines (it would become code) or starts with `<` or a fence (an HTML
block or code block would swallow what follows); nor in a list item with nothing on its
marker line (`-` alone), which CommonMark ends at once but mistune extends over the next
lines, unless the next line is plain text or a bullet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from awesomelint._regex import lazy
from awesomelint.commonmark.lazy import front_matter_end, heading_fits, is_lazy
from awesomelint.document import Block, Document
from awesomelint.model import Edit, Fix, Frozen, Problem, Severity
from awesomelint.rules._base import Context, Rule

# up to 3 spaces, 1-6 "#", then a letter (a digit only as below: "#42" is prose)
_SUSPECT = lazy(r" {0,3}(#{1,6})(?=[^\W\d_])")
# ... or a no-break (or other Unicode) space, which CommonMark does not take for one:
# "###\u00a0Added" (pasted from a word processor) is text
_ODD_SPACE = lazy(r" {0,3}(#{1,6})([\u00a0\u2000-\u200a\u202f\u205f\u3000]+)(?=\S)")
# ... or a section number and a title: "#3 Training Tricks", "##2.1 Foo", "#3. Bar"
_NUMBERED = lazy(r" {0,3}(#{1,6})(\d{1,3}(?:\.\d{1,3})*)(\.?)[ \t]+(?![a-z])\S")
# the number a heading's title starts with
_SECTION = lazy(r"(\d{1,3}(?:\.\d{1,3})*)(\.?)[ \t]")
# a line of hashtags ("#ai #ml") is prose too
# a line of HTML tags only, such as the anchor `<a name="java"></a>` lists put over a heading
_TAGS_ONLY = lazy(r"[ \t]*(?:<[^<>\n]*>[ \t]*)+")
_HASHTAGS = lazy(r"#\w+(?:\s+#\w+)+\s*$")
# a closing sequence glued to the title ("## Heading##"), not escaped
_GLUED_CLOSE = lazy(r"(?<=[^\s#\\])(#+)[ \t]*$")
_CLOSED = lazy(r"[ \t]#+[ \t]*$")
_ONE_LETTER = lazy(r"(?<!\w)[^\W\d_]$")  # "C", "F": "C#" is a name, not a closing


Number = tuple[int, ...]


def _numbering(doc: Document) -> list[Number]:
    """The section numbers of the document's headings, if it numbers them: one heading
    numbered `N.` or `N.N`, or two plain `N`s; else none."""
    found = [(m.group(1), m.group(2)) for h in doc.headings if (m := _SECTION.match(h.text))]
    dotted = any(dot or "." in number for number, dot in found)
    if not dotted and len(found) < 2:
        return []
    return [tuple(int(p) for p in number.split(".")) for number, _ in found]


def _fits(number: Number, numbering: list[Number]) -> bool:
    """Whether ``number`` is the parent, a child or a near sibling of a numbered heading."""
    k = len(number)
    return any(
        (len(n) > k and n[:k] == number)
        or (len(n) < k and number[: len(n)] == n)
        or (len(n) == k and n[:-1] == number[:-1] and 0 < abs(n[-1] - number[-1]) <= 2)
        for n in numbering
    )


def _mutual(doc: Document, numbered: dict[int, tuple[Number, int]]) -> list[Number]:
    """The numbers of the ``numbered`` lines (offset -> number, level) that a sibling, parent
    or child numbers at the same depth (the level minus the number's length): the document
    numbers its sections even when no heading is left to say so (`##1 Go` then `##2 Rust`,
    `#1 Go` then `##1.1 Tools`). Two `#N` lines (`#1 Foo`, `#2 Bar`) are ranks, not sections."""
    by_depth: dict[int, set[Number]] = defaultdict(set)
    for h in doc.headings:
        if m := _SECTION.match(h.text):
            n = tuple(int(p) for p in m.group(1).split("."))
            by_depth[h.level - len(n)].add(n)
    for n, level in numbered.values():
        by_depth[level - len(n)].add(n)
    parents = {d: {n[:j] for n in ns for j in range(1, len(n))} for d, ns in by_depth.items()}
    found = []
    for n, level in numbered.values():
        same, depth = by_depth[level - len(n)], level - len(n)
        siblings = level > 1 or len(n) > 1
        if (
            n in parents[depth]  # a child (which has a dotted number)
            or any(n[:j] in same for j in range(1, len(n)))
            or (siblings and any((*n[:-1], n[-1] + d) in same for d in (-2, -1, 1, 2)))
        ):
            found.append(n)
    return found


def _sections(doc: Document, numbered: dict[int, tuple[Number, int]]) -> set[int]:
    """Which of the ``numbered`` lines (offset -> number, level) fit the document's
    numbering, counting those that fit as headings too (`#2` and `#3` both missing beside
    `# 1.`)."""
    numbering = _numbering(doc) + _mutual(doc, numbered)
    found: set[int] = set()
    while numbering:
        more = {at for at, (n, _) in numbered.items() if at not in found and _fits(n, numbering)}
        if not more:
            break
        found |= more
        numbering += [numbered[at][0] for at in more]
    return found


def _suspects(doc: Document) -> Iterator[tuple[Block, int, re.Match[str], bool, str]]:
    """Paragraph lines that would be headings with a space after the '#'s: (block, line
    index, match, whether the line starts with a section number, the no-break or other
    Unicode spaces written instead of a space, if any)."""
    front = front_matter_end(doc)  # "#draft: true" is a YAML comment there
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        for k, line in enumerate(block.lines):
            # (both patterns match a "#" within the first 4 characters: most lines have none)
            if line.line <= front or "#" not in line.text[:4]:
                continue
            m = _SUSPECT.match(line.text)
            if m is not None:
                if not _HASHTAGS.match(line.text, m.start(1)):
                    yield block, k, m, False, ""
                continue
            m = _ODD_SPACE.match(line.text)
            if m is not None:
                yield block, k, m, False, m.group(2)
                continue
            m = _NUMBERED.match(line.text)
            if m is None or line.text.rstrip().endswith((".", ",", ";")):
                continue
            if (
                k == 0
                or is_lazy(doc, block.lines[0].start, line.start)
                or all(_TAGS_ONLY.fullmatch(x.text) for x in block.lines[:k])
            ):
                yield block, k, m, True, ""  # (within a paragraph: an issue number in prose)


def _opening(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    starts = [it.start for it in doc.items]
    suspects = list(_suspects(doc))
    numbered = {
        b.lines[k].start: (tuple(int(p) for p in m.group(2).split(".")), len(m.group(1)))
        for b, k, m, num, _ in suspects
        if num
    }
    sections = _sections(doc, numbered) if numbered else set()
    for block, k, m, num, odd in suspects:
        line = block.lines[k]
        if num and line.start not in sections:
            continue
        hashes = m.group(1)
        start = line.start + m.start(1)
        at = line.start + m.end(1)
        if doc.in_region(start) or any(
            lk.end > start for lk in doc.links_between(block.start, start)
        ):
            continue  # the line goes on a link, code span or HTML of the line before
        fits = heading_fits(doc, starts, block, k, start)
        if odd:
            space = "No-break space" if odd[0] == "\u00a0" else f"Space U+{ord(odd[0]):04X}"
            yield Problem(
                f'{space} after "{hashes}": this line renders as text, not as a heading; '
                "use a plain space",
                start,
                at,
                Fix("Write a plain space", (Edit(at, at + len(odd), " "),)) if fits else None,
            )
            continue
        yield Problem(
            f'Missing space after "{hashes}": this line renders as text, not as a heading',
            start,
            at,
            Fix(f'Add a space after "{hashes}"', (Edit(at, at, " "),)) if fits else None,
        )


def _closing(ctx: Context) -> Iterator[Problem]:
    """`## Heading##`: a closing sequence needs a space before it, or it is title text.
    Reported when the author evidently meant one: as many '#' as the heading's level
    (not a one-letter name such as `C#`), or the document closes its other headings."""
    doc = ctx.doc
    atx = [h for h in doc.headings if h.style == "atx"]
    closes = None  # computed on first use
    for h in atx:
        text = doc.line_text(h.line)
        m = _GLUED_CLOSE.search(text)
        if m is None or _ONE_LETTER.search(text, 0, m.start(1)):
            continue
        if len(m.group(1)) != h.level:
            if closes is None:
                closes = any(
                    _CLOSED.search(doc.line_text(o.line)) and not o.text.endswith("#")
                    for o in atx
                )
            if not closes:
                continue
        run = m.group(1)
        at = doc.line_starts[h.line - 1] + m.start(1)
        yield Problem(
            f'Missing space before the closing "{run}": the heading renders with "{run}" '
            "in its text",
            at,
            at + len(run),
            Fix(f'Add a space before "{run}"', (Edit(at, at, " "),)),
        )


def check(ctx: Context) -> Iterator[Problem]:
    for b in broken_headings(ctx.doc):
        yield b.problem


# -- shared: the headings gone wrong, for the rules that must not report them again -----


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class BrokenHeading(Frozen):
    """A heading this rule reports: ``opening`` a paragraph line meant as a heading of
    ``level`` (`###Python`), ``closing`` a heading whose title ends in a glued closing
    sequence (`## Heading##`: ``run`` the number of glued `#`s)."""

    __slots__ = ("kind", "line", "level", "run", "problem")
    kind: Literal["opening", "closing"]
    line: int
    level: int
    run: int
    problem: Problem

    def __init__(
        self, kind: Literal["opening", "closing"], line: int, level: int, run: int, problem: Problem
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "line", line)
        _set(self, "level", level)
        _set(self, "run", run)
        _set(self, "problem", problem)


def broken_headings(doc: Document) -> tuple[BrokenHeading, ...]:
    """This rule's findings with what each heading was meant to be, in source order.
    Computed once per Document: heading-increment and awesome-toc read them so as not to
    report the same defect again elsewhere."""
    return doc.memo("rules.heading_missing_space.broken_headings", _broken)


def _broken(doc: Document) -> tuple[BrokenHeading, ...]:
    ctx = Context(doc)
    out = []
    for p in _opening(ctx):  # the problem spans the opening "#"s
        out.append(BrokenHeading("opening", doc.line_of(p.start), p.end - p.start, 0, p))
    levels = {h.line: h.level for h in doc.headings}
    for p in _closing(ctx):  # the problem spans the glued closing "#"s
        line = doc.line_of(p.start)
        out.append(BrokenHeading("closing", line, levels[line], p.end - p.start, p))
    return tuple(sorted(out, key=lambda b: b.problem.start))


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
