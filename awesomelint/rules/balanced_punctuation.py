"""balanced-punctuation (A007): unmatched brackets and quotes in prose.

## What it does
Checks each paragraph, list item text and heading for brackets and quotes that are
opened and never closed, or closed without being opened: `()`, `[]`, `{}`, `“”`, `‘’`,
`"`, `'`, `„“`, and the CJK pairs `「」`, `『』`, `《》`, `（）`, `【】`.

Not counted: code spans, code blocks, HTML, URLs and link destinations, the brackets of
link syntax, backslash-escaped quotes, emoticons (`:)`, `:-(`, `;)`), list markers
written in prose (`1) first 2) second`, when no `(` is open), inch marks (`3.5"`), and
apostrophes: `don't`, `'90s`, `Jones'`, `Jones’` and `rock 'n' roll` are not quotes. A
straight `'` or a `’` that closes nothing is taken for an apostrophe and never reported.
Brackets that cross each other (`( [ ) ]`) are accepted; only a bracket without a
partner is reported. A backslash-escaped bracket pairs with another (`\\(or b)`,
`string\\[]`) but is never reported itself: escaping one says it stands alone.

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
    r"(?<!\S)[:;=][-'^o]?[()\[\]{}](?!\w)"  # :) ;-) :( =] - not "(ws:)", "opts={}"
    r"|(?<!\S)[()][-']?[:;](?!\S)"  # (: ): - not "(= x)": an aside that starts with "="
)
# "1) first 2) second": ignored unless a "(" is open ("O(log n)", "IP (layer 3)")
_MARKER = lazy(r"(?<!\S)(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\)(?=\s)")


def _escaped_brackets(text: str, at: Callable[[int], int], raw: str) -> dict[int, str]:
    """The backslash-escaped brackets of ``text`` (the prose blanks them): index -> the
    bracket. A reader sees a bracket there, so it pairs with another."""
    n = len(text)
    if n < 2 or raw.find("\\", at(0), at(n - 1)) < 0:
        return {}
    out = {}
    for i in range(1, n):
        if text[i] == " ":
            k = at(i)
            if raw[k] in "()[]{}" and raw[k - 1] == "\\":
                out[i] = raw[k]
    return out


def _emoticon(m: re.Match[str], before: Callable[[int], str], after: Callable[[int], str]) -> bool:
    """Whether an _EMOTICON match is one with nothing blanked beside it: the pattern saw
    a space where a code span, a link or a URL stood."""
    if m.group()[0] in "()":  # "(:" or "):" between spaces
        return before(m.start()).isspace() and after(m.end() - 1).isspace()
    right = after(m.end() - 1)  # ":)" not followed by a word
    return not (right.isalnum() or right == "_")


# every character the scan below acts on (the others it passes over)
_MARKS = lazy("[" + re.escape("".join(sorted({*_CLOSER, *_OPENERS, '"', "'", "’"}))) + "]")


def _check_text(
    text: str, at: Callable[[int], int], where: str, raw: str
) -> Iterator[Problem]:
    """The unbalanced marks of ``text``, a block's prose lines each ended by "\\n";
    ``at(i)``: the document offset of ``text[i]``; ``raw``: the document's text."""
    n = len(text)

    def seen(i: int, ends: str) -> str:
        """``text[i]`` as context for a mark beside it. The prose blanks what is not
        prose; where it blanked a character of ``ends`` or a letter or digit, a reader
        sees a word: ``(`-s`):`` is no emoticon, ```name`'s`` no opening quote."""
        if i < 0 or i >= n:
            return " "
        c = text[i]
        if c == " ":
            r = raw[at(i)]
            if r.isalnum() or r in ends:
                return "x"
        return c

    def before(i: int) -> str:  # a code span, a link (its text) or a bare URL ends there
        return seen(i - 1, "`)]/")

    def after(i: int) -> str:  # a code span, a link's text or a bare URL starts there
        return seen(i + 1, "`[")

    ignored: set[int] = set()
    if ":" in text or ";" in text or "=" in text:  # (every emoticon has one)
        emoticons = [m for m in _EMOTICON.finditer(text) if _emoticon(m, before, after)]
        ignored = {m.end() - 1 for m in emoticons if text[m.end() - 1] in "()[]{}"}
        ignored |= {m.start() for m in emoticons if text[m.start()] in "()"}
    markers: set[int] | None = None  # found when first asked: a ")" with no "(" open
    # the open marks, a stack per mark: closing one finds the latest of its kind at once
    # (a stack of all marks searched from the top takes quadratic time on "](](](")
    open_: defaultdict[str, list[int]] = defaultdict(list)
    escaped = _escaped_brackets(text, at, raw)
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    if escaped:
        marks = sorted([*marks, *escaped.items()])
    for i, ch in marks:
        if i in escaped:  # pairs with a bracket, but is never reported: "\(or a)", "x\[]"
            if ch in _CLOSER:
                open_[ch].append(i)
            elif open_[_OPENERS[ch]]:
                open_[_OPENERS[ch]].pop()
            continue
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
            left, right = before(i), after(i)
            if (left.isspace() or left in "([{") and right.isalpha():
                open_[ch].append(i)  # an opening quote: 'word
            elif not right.isalnum() and open_["'"]:
                open_["'"].pop()
            continue  # otherwise an apostrophe: don't, '90s, Jones'
        if ch == "’":
            if open_["‘"] and not (after(i).isalpha() and before(i).isalpha()):
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
        if i in escaped:
            continue
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
            problems = _check_text(line + "\n", start.__add__, where, ctx.doc.text)
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
        problems = _check_text(text, offsets.__getitem__, where, ctx.doc.text)
        yield from sorted(problems, key=lambda p: p.start)


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
