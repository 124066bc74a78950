"""balanced-punctuation (A007): unmatched brackets and quotes in prose.

## What it does
Checks each paragraph, list item text and heading for brackets and quotes that are
opened and never closed, or closed without being opened: `()`, `[]`, `{}`, `“”`, `‘’`,
`"`, `'`, `„“`, and the CJK pairs `「」`, `『』`, `《》`, `（）`, `【】`.

Not counted: code spans, code blocks, HTML, URLs and link destinations, the brackets of
link syntax, backslash-escaped characters, emoticons (`:)`, `:-(`, `;)`), list markers
written in prose (`1) first 2) second`, when no `(` is open), inch marks (`3.5"`), and
apostrophes: `don't`, `'90s`, `Jones'`, `Jones’` and `rock 'n' roll` are not quotes. A
straight `'` or a `’` that closes nothing is taken for an apostrophe and never reported.
Brackets that cross each other (`( [ ) ]`) are accepted; only a bracket without a
partner is reported.

## Why is this bad
A missing `)` or `”` is a typo readers notice and the author did not; in CJK text a
missing `」` changes where the quotation ends. awesome-lint reports unmatched quotes.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework (based on Werkzeug.
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework (based on Werkzeug).
```

## Fix safety
No fix: where the missing half belongs is for the author to decide.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator

from awesomelint._regex import lazy
from awesomelint.model import Problem, Severity
from awesomelint.rules._awesome import blanked, prose
from awesomelint.rules._base import Context, Rule

_CLOSER = {
    "(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "„": "“",
    "「": "」", "『": "』", "《": "》", "（": "）", "【": "】",
}  # fmt: skip
_OPENERS = {v: k for k, v in _CLOSER.items() if k != "„"}
# emoticons and prose list markers: brackets that close or open nothing
_EMOTICON = lazy(
    r"[:;=][-'^o]?[()\[\]{}](?!\w)"  # :) ;-) :( =]
    r"|(?<!\S)[()][-']?[:;=](?!\S)"  # (: ):
)
# "1) first 2) second": ignored unless a "(" is open ("O(log n)", "IP (layer 3)")
_MARKER = lazy(r"(?<!\S)(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\)(?=\s)")


# every character the scan below acts on (the others it passes over)
_MARKS = lazy("[" + re.escape("".join(sorted({*_CLOSER, *_OPENERS, '"', "'", "’"}))) + "]")


def _check_text(text: str, at: Callable[[int], int], where: str) -> Iterator[Problem]:
    """The unbalanced marks of ``text``, a block's prose lines each ended by "\\n";
    ``at(i)``: the document offset of ``text[i]``."""
    ignored: set[int] = set()
    if ":" in text or ";" in text or "=" in text:  # (every emoticon has one)
        emoticons = list(_EMOTICON.finditer(text))
        ignored = {m.end() - 1 for m in emoticons if text[m.end() - 1] in "()[]{}"}
        ignored |= {m.start() for m in emoticons if text[m.start()] in "()"}
    markers: set[int] | None = None  # found when first asked: a ")" with no "(" open
    # the open marks, a stack per mark: closing one finds the latest of its kind at once
    # (a stack of all marks searched from the top takes quadratic time on "](](](")
    open_: defaultdict[str, list[int]] = defaultdict(list)
    n = len(text)
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if i in ignored:
            continue
        if ch == ")" and not open_["("]:
            if markers is None:
                markers = {m.end() - 1 for m in _MARKER.finditer(text)}
            if i in markers:
                continue
        if ch == '"':
            if open_['"']:
                open_['"'].pop()
            elif not (i and text[i - 1].isdigit()):  # 3.5" is an inch mark
                open_[ch].append(i)
            continue
        if ch == "'":
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < n else " "
            if (before.isspace() or before in "([{") and after.isalpha():
                open_[ch].append(i)  # an opening quote: 'word
            elif not after.isalnum() and open_["'"]:
                open_["'"].pop()
            continue  # otherwise an apostrophe: don't, '90s, Jones'
        if ch == "’":
            if open_["‘"] and not (
                i + 1 < n and text[i + 1].isalpha() and i and text[i - 1].isalpha()
            ):
                open_["‘"].pop()
            continue  # otherwise an apostrophe: it’s, Jones’
        if ch == "‘" and i + 1 < n and text[i + 1].isdigit():
            continue  # ‘90s
        if ch == "“" and open_["„"]:
            open_["„"].pop()
            continue
        if ch in _CLOSER:
            open_[ch].append(i)
        elif ch in _OPENERS:
            if open_[_OPENERS[ch]]:
                open_[_OPENERS[ch]].pop()
                continue
            yield Problem(
                f'Unmatched "{ch}": no "{_OPENERS[ch]}" opens it in this {where}',
                at(i),
                at(i) + 1,
            )
    for i, ch in sorted((i, ch) for ch, where_open in open_.items() for i in where_open):
        closer = _CLOSER.get(ch, ch)
        yield Problem(
            f'Unclosed "{ch}": no "{closer}" closes it in this {where}', at(i), at(i) + 1
        )


def check(ctx: Context) -> Iterator[Problem]:
    blocks = prose(ctx.doc)
    # the blocks with a mark in their prose, found in one scan of the blanked text (a mark
    # outside every block picks the block before it, which then finds no mark)
    starts = [block.start for block, _ in blocks]
    chosen = {bisect_right(starts, m.start()) - 1 for m in _MARKS.finditer(blanked(ctx.doc))}
    for k in sorted(chosen - {-1}):
        block, lines = blocks[k]
        where = "heading" if block.kind == "heading" else "paragraph"
        if len(lines) == 1:  # (most blocks: the offsets follow from the line's start)
            start, line = lines[0]
            problems = _check_text(line + "\n", start.__add__, where)
            yield from sorted(problems, key=lambda p: p.start)
            continue
        parts = []
        offsets: list[int] = []
        for start, line in lines:
            parts.append(line)
            offsets.extend(range(start, start + len(line)))
            parts.append("\n")
            offsets.append(start + len(line))
        text = "".join(parts)
        yield from sorted(_check_text(text, offsets.__getitem__, where), key=lambda p: p.start)


RULE = Rule(
    code="A007",
    name="balanced-punctuation",
    summary="Unmatched bracket or quote in prose",
    check=check,
    doc=__doc__ or "",
    severity=Severity.WARNING,
    default=False,
    groups=frozenset({"awesome"}),
)
