"""repeated-punctuation (A008): `!!`, `??`, `,,` and the like in prose.

## What it does
Finds a punctuation mark typed twice or more in a row in paragraphs, list items and
headings: `!!`, `??`, `,,`, `;;`, `::` and their full-width forms `！！`, `？？`,
`，，`, `；；`, `：：`, `、、`, as well as a doubled full stop `。。`.

Not reported: ellipses (`...`, `..` and `。。。` are left alone: two dots are a common
informal ellipsis, in Korean text especially), mixed marks such as `?!`, anything in code
spans, code blocks, HTML, URLs and link destinations, and `::` that is not doubled
punctuation: a path such as `std::vec` or `Algorithm::SVMLight`, a `::` separator
standing between spaces, or `::` followed by text (`::before`, `::1`).

## Why is this bad
Repeated punctuation reads as shouting or as a typo, and looks out of place in a curated
list. awesome-lint reports it.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework!!
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework!
```

## Fix safety
Safe: the run is replaced by a single mark; no word changes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._awesome import prose
from awesomelint.rules._base import Context, Rule

_RUN = lazy(r"([!?,;:！？，；：、])\1+|(?<!。)。。(?!。)")
_DOUBLED = lazy(r"([!?,;:！？，；：、。])\1")


def _path_or_separator(line: str, start: int, end: int) -> bool:
    """Whether a ``::`` run is a path (``a::b``), a separator (`` :: ``) or a prefix."""
    before = line[start - 1 : start]
    after = line[end : end + 1]
    return not before.strip() or (after != "" and not after.isspace())


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    # the lines where two of the marks stand side by side in the source: a run in prose
    # (the source with some characters blanked) is one there too. Found in one scan of
    # the text, as most lines have none
    doubled = {doc.line_of(m.start()) for m in _DOUBLED.finditer(doc.text)}
    if not doubled:
        return
    blocks = [(block, lines) for block, lines in prose(doc) if block.lines]
    # the blocks holding such a line (a block's lines are consecutive lines)
    firsts = [block.lines[0].line for block, _ in blocks]
    chosen = set()
    for n in doubled:
        k = bisect_right(firsts, n) - 1
        if k >= 0 and n <= blocks[k][0].lines[-1].line:
            chosen.add(k)
    for k in sorted(chosen):
        block, lines = blocks[k]
        for tl, (offset, line) in zip(block.lines, lines, strict=True):
            if tl.line not in doubled:
                continue
            for m in _RUN.finditer(line):
                run = m.group(0)
                mark = run[0]
                if mark == ":" and _path_or_separator(line, m.start(), m.end()):
                    continue
                start, end = offset + m.start(), offset + m.end()
                yield Problem(
                    f'Repeated punctuation "{run}"; use a single "{mark}"',
                    start,
                    end,
                    Fix(f'Replace "{run}" with "{mark}"', (Edit(start, end, mark),)),
                )


RULE = Rule(
    code="A008",
    name="repeated-punctuation",
    summary="Punctuation mark repeated (`!!`, `??`, `,,`)",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
