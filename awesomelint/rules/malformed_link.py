"""malformed-link (K003): link syntax that Markdown does not turn into a link.

## What it does
Finds bracketed text that was meant to be a link but renders as literal text:

- `[text]https://...` - the parentheses around the URL are missing;
- `[text] (https://...)` - a space between `]` and `(`;
- `(https://...)[text]` - the two halves in the wrong order;
- `[text])(https://...)` - a closing parenthesis that belongs after the link;
- `[text](https://a b)` - a destination Markdown cannot parse (a space in it);
- `[text][label]` whose `[label]` is not defined anywhere in the file;
- a list entry that is only a name in brackets, `- [name]`, with no URL and no
  `[name]: url` definition.

Not reported: task-list boxes (`[ ]`, `[x]`), footnotes (`[^1]`), GitHub alerts
(`> [!NOTE]`), escaped brackets (`\\[`), citations such as `[1]`, tags inside a
description (`**[Deprecated]**`, `map[string]int`), anything in code or HTML, reference
definitions, images and text inside existing links (`[![badge](img)](url)`).

## Why is this bad
GitHub shows the brackets and the URL as plain text: the entry has no working link, and
the reader has to copy the URL by hand - or, for `- [name]` alone, cannot find the
resource at all.

## Example
```markdown
- [paper notes]https://github.com/karpathy/paper-notes
- [Papers] (https://arxiv.org/abs/1611.01576)
- [QUASI-RECURRENT NEURAL NETWORKS]
```

Use instead:
```markdown
- [paper notes](https://github.com/karpathy/paper-notes)
- [Papers](https://arxiv.org/abs/1611.01576)
- [QUASI-RECURRENT NEURAL NETWORKS](https://arxiv.org/abs/1611.01576)
```

## Fix safety
Safe for `[text]url`, `[text] (url)`, `[text])(url)` and `(url)[text]`: brackets,
parentheses and spaces move, every word and URL stays.
No fix where the target is unknown (`- [name]`, an undefined label) or the destination
needs a human decision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from awesomelint.document import Document, Link, TextLine
from awesomelint.entries import items
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule

_BRACKETS = re.compile(r"\[([^\[\]\n]*)\]")
# an http(s) URL with no spaces, parentheses or angle brackets: safe to re-wrap
_PLAIN_URL = r"https?://[^\s()<>\[\]]+"
_SPACED = re.compile(rf"([ \t]+)\(({_PLAIN_URL})\)")
_SPACED_ANY = re.compile(r"[ \t]+\((?:https?://|www\.)")
_REVERSED = re.compile(rf"\(({_PLAIN_URL})\)$")
_MISPLACED = re.compile(rf"\)\(({_PLAIN_URL})\)")
_BROKEN_DEST = re.compile(r"\(\s*(?:https?://|www\.|\.{0,2}/|#)[^)\n]*\)")
_CITATION = re.compile(r"[\d\s,;–-]+")
# task-list boxes, and table-of-contents markers of other Markdown tools
_NOT_NAMES = frozenset({"", " ", "x", "X", "TOC", "toc"})


class _Spans:
    """Which offsets lie inside a link (optionally ignoring bare URLs)."""

    def __init__(self, links: tuple[Link, ...]) -> None:
        self.links = links
        self.starts = [lk.start for lk in links]

    def inside(self, offset: int, bare: bool = True) -> bool:
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:  # back over images nested in a link, up to a top-level link
            lk = self.links[i]
            if lk.start <= offset < lk.end and (bare or lk.kind != "bare"):
                return True
            if lk.parent is None:
                return False
            i -= 1
        return False

    def starting_at(self, offset: int) -> Link | None:
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.links[i].start == offset:
            return self.links[i]
        return None


def _escaped(text: str, pos: int) -> bool:
    n = 0
    while pos - n - 1 >= 0 and text[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _balanced(url: str) -> bool:
    depth = 0
    for ch in url:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _line_problems(
    doc: Document, spans: _Spans, line: TextLine, entry: bool, standalone: bool
) -> Iterator[Problem]:
    text, base = line.text, line.start
    skip_to = 0
    # linear on a line of a million brackets: no slice or search back to the line's start
    # per bracket (the text before, after, and the parentheses before are tracked instead)
    lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
    previous_end = counted_to = opens = closes = 0
    for m in _BRACKETS.finditer(text):
        since, previous_end = previous_end, m.end()
        if m.start() < skip_to:
            continue
        s, e, label = base + m.start(), base + m.end(), m.group(1)
        shown = m.group(0)
        if (
            _escaped(text, m.start())
            or text[m.start() - 1 : m.start()] == "!"
            or label.startswith(("^", "!"))
            or doc.in_region(s)
        ):
            continue
        rev = None
        if text[m.start() - 1 : m.start()] == ")":
            # the URL holds no parenthesis, bracket or space: its "(" is the last one
            # since the previous bracket
            k = text.rfind("(", since, m.start())
            rev = _REVERSED.match(text, k, m.start()) if k >= 0 else None
        if (
            rev
            and label.strip()
            and not _CITATION.fullmatch(label)
            and not spans.inside(base + rev.start(), bare=False)
        ):
            url = rev.group(1)
            yield Problem(
                f"Malformed link ({url}){shown}: text and URL are swapped",
                base + rev.start(),
                e,
                Fix(
                    f"Write it as {shown}({url})",
                    (Edit(base + rev.start(), e, f"{shown}({url})"),),
                ),
            )
            continue
        if spans.inside(s):
            continue
        bare = spans.starting_at(e)
        if bare is not None and bare.kind == "bare" and label.strip():
            # where parentheses do not pair up, the bare URL's end is a guess
            certain = _balanced(bare.url) and not doc.text.startswith(")", bare.end)
            yield Problem(
                f"Malformed link {shown}{bare.url}: the URL needs parentheses",
                s,
                bare.end,
                Fix(
                    f"Wrap the URL in parentheses: {shown}({bare.url})",
                    (Edit(e, e, "("), Edit(bare.url_end, bare.url_end, ")")),
                )
                if certain
                else None,
            )
            continue
        spaced = _SPACED.match(text, m.end())
        if spaced:
            gap = spaced.group(1)
            yield Problem(
                f"Malformed link {shown}{gap}({spaced.group(2)}): no space is allowed"
                " between ] and (",
                s,
                base + spaced.end(),
                Fix("Remove the space before (", (Edit(e, e + len(gap), ""),)),
            )
            continue
        if _SPACED_ANY.match(text, m.end()):
            yield Problem(
                f"Malformed link {shown} (...): no space is allowed between ] and (", s, e
            )
            continue
        misplaced = _MISPLACED.match(text, m.end())
        if misplaced and label.strip():
            opens += text.count("(", counted_to, m.start())
            closes += text.count(")", counted_to, m.start())
            counted_to = m.start()
            fix = None
            if opens > closes:
                close = base + misplaced.end()
                fix = Fix(
                    f"Move the ) after the link: {shown}({misplaced.group(1)}))",
                    (Edit(e, e + 1, ""), Edit(close, close, ")")),
                )
            yield Problem(
                f"Malformed link {shown})({misplaced.group(1)}): a ) separates the text"
                " from its URL",
                s,
                base + misplaced.end(),
                fix,
            )
            continue
        if text.startswith("(", m.end()) and _BROKEN_DEST.match(text, m.end()):
            yield Problem(
                f"Malformed link {shown}(...): the destination is not a valid URL"
                " (encode spaces as %20 or wrap the URL in <>)",
                s,
                e,
            )
            continue
        ref = _BRACKETS.match(text, m.end())
        if ref is not None:
            skip_to = ref.end()
            if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_]"):
                continue  # map[string][]byte
            name = ref.group(1) or label
            if name.strip() and not _CITATION.fullmatch(name):
                yield Problem(
                    f"Reference [{name}] of link {shown}{ref.group(0)} is not defined:"
                    f" add a [{name}]: url definition",
                    s,
                    base + ref.end(),
                )
            continue
        if (
            (entry or (standalone and m.end() >= trail))
            and m.start() <= lead
            and label not in _NOT_NAMES
            and not _CITATION.fullmatch(label)
        ):
            yield Problem(
                f"{shown} is not a link: no (url) follows and no {shown}: url"
                " definition exists",
                s,
                e,
            )


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    spans = _Spans(doc.links)
    entry_lines = {en.block.lines[0].start for en in items(doc) if en.block}
    for block in doc.blocks:
        for i, line in enumerate(block.lines):
            if "[" not in line.text:
                continue
            first = i == 0 and block.kind == "paragraph"
            entry = first and line.start in entry_lines
            standalone = first and not entry and len(block.lines) == 1
            yield from _line_problems(doc, spans, line, entry, standalone)


RULE = Rule(
    code="K003",
    name="malformed-link",
    summary="Bracketed text that was meant to be a link but is not one",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
