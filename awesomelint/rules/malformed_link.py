"""malformed-link (K003): link syntax that Markdown does not turn into a link.

## What it does
Finds bracketed text that was meant to be a link or an image but renders as literal
text, in entries, prose, tables and headings alike:

- `[text]https://...` - the parentheses around the URL are missing;
- `[text] (https://...)` - a space between `]` and `(`;
- `(https://...)[text]` and `(text)[https://...]` - the two halves in the wrong order
  (markdownlint's MD011); the brackets must hold a URL, a path (`./docs`, `/api`,
  `CONTRIBUTING.md`) or an `#anchor`, so `(a|b)[0-9]`, `(x)[i]` and `(see)[^1]` are
  not links;
- `[text])(https://...)` - a closing parenthesis that belongs after the link;
- `[text](https://a b)` - a destination Markdown cannot parse (a space in it);
- `[text][label]` and `![alt][label]` whose `[label]` is not defined anywhere in the
  file, and `![alt]` alone on its line;
- a list entry that is only a name in brackets, `- [name]`, with no URL and no
  `[name]: url` definition;
- a link target holding two URLs run together: `(https://a.pdf%20(https://a.pdf))`,
  `(https://a.comhttps://b.com)`, a whole `[url](url)` pasted as the destination. A
  URL inside a query or fragment (`?url=https://...`) or after a `/` (an archived
  page's address) is part of the first one, unless a space and a parenthesis join
  them (`#readme%20(https://...`) or it repeats the first URL.

Not reported: task-list boxes (`[ ]`, `[x]`), footnotes (`[^1]`), GitHub alerts
(`> [!NOTE]`), escaped brackets (`\\[`, `\\]`: `[text\\][x]` is text), citations such as
`[1]`, a date or version tagging an item (`- [2024/12] We presented...`, `- [Jan 25]
Our...`, `- [v2.1] Adds...`), a tag before an entry's link (`- [Deprecated]
[name](url)`), tags inside a description (`**[Deprecated]**`, `map[string]int`,
`#![no_std]`), anything in code or HTML, reference definitions and text inside existing
links (`[![badge](img)](url)`).

## Why is this bad
GitHub shows the brackets and the URL as plain text: the entry has no working link, and
the reader has to copy the URL by hand - or, for `- [name]` alone, cannot find the
resource at all. Two URLs in one target make one broken address.

## Example
```markdown
- [paper notes]https://github.com/karpathy/paper-notes
- [Papers] (https://arxiv.org/abs/1611.01576)
- (Attention)[https://distill.pub/2016/augmented-rnns/]
- [QUASI-RECURRENT NEURAL NETWORKS]
```

Use instead:
```markdown
- [paper notes](https://github.com/karpathy/paper-notes)
- [Papers](https://arxiv.org/abs/1611.01576)
- [Attention](https://distill.pub/2016/augmented-rnns/)
- [QUASI-RECURRENT NEURAL NETWORKS](https://arxiv.org/abs/1611.01576)
```

## Fix safety
Safe for `[text]url`, `[text] (url)`, `[text])(url)`, `(url)[text]` and `(text)[url]`:
brackets, parentheses and spaces move, every word and URL stays. Not for
`(text)[www.example.com]` (without a scheme the destination would be a relative path)
or when both halves are URLs. Unsafe for a target that holds the same URL twice: one
copy is removed. No fix where the target is unknown (`- [name]`, an undefined label,
two different URLs run together) or the destination needs a human decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import Document, TextLine
from awesomelint.entries.items import items
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._malformed import (
    CITATION,
    DATED,
    PLAIN_URL,
    Spans,
    balanced,
    escaped,
    glued_targets,
    reversed_link,
)

# a bracket pair; an escaped bracket (`\]`) neither opens nor closes one
_BRACKETS = lazy(r"\[((?:[^\[\]\\\n]|\\.)*)\]")
_SPACED = lazy(rf"([ \t]+)\(({PLAIN_URL})\)")
_SPACED_ANY = lazy(r"[ \t]+\((?:https?://|www\.)")
_MISPLACED = lazy(rf"\)\(({PLAIN_URL})\)")
_BROKEN_DEST = lazy(r"\(\s*(?:https?://|www\.|\.{0,2}/|#)[^)\n]*\)")
# task-list boxes, and table-of-contents markers of other Markdown tools
_NOT_NAMES = frozenset({"", " ", "x", "X", "TOC", "toc"})


def _line_problems(
    doc: Document, spans: Spans, line: TextLine, entry: bool, standalone: bool
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
        label = m.group(1)
        image = text[m.start() - 1 : m.start()] == "!" and not escaped(text, m.start() - 1)
        if (
            escaped(text, m.start())
            or label.startswith(("^", "!"))
            or doc.in_region(base + m.start())
        ):
            continue
        # an image reports from its "!"; "image" and "link" name what it is
        at = m.start() - image
        s, e = base + at, base + m.end()
        shown = text[at : m.end()]
        what = "image" if image else "link"
        if not image and text[m.start() - 1 : m.start()] == ")":
            rev = reversed_link(doc, spans, text, base, since, m)
            if rev is not None:
                yield rev
                continue
        if image:
            found = spans.starting_at(s)
            if found is not None and found.image:
                continue
        elif spans.inside(s):
            continue
        bare = spans.starting_at(e)
        if bare is not None and bare.kind == "bare" and label.strip():
            # where parentheses do not pair up, the bare URL's end is a guess
            certain = balanced(bare.url) and not doc.text.startswith(")", bare.end)
            yield Problem(
                f"Malformed {what} {shown}{bare.url}: the URL needs parentheses",
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
                f"Malformed {what} {shown}{gap}({spaced.group(2)}): no space is allowed"
                " between ] and (",
                s,
                base + spaced.end(),
                Fix("Remove the space before (", (Edit(e, e + len(gap), ""),)),
            )
            continue
        if _SPACED_ANY.match(text, m.end()):
            yield Problem(
                f"Malformed {what} {shown} (...): no space is allowed between ] and (", s, e
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
                    f"Move the ) after the {what}: {shown}({misplaced.group(1)}))",
                    (Edit(e, e + 1, ""), Edit(close, close, ")")),
                )
            yield Problem(
                f"Malformed {what} {shown})({misplaced.group(1)}): a ) separates the text"
                " from its URL",
                s,
                base + misplaced.end(),
                fix,
            )
            continue
        if text.startswith("(", m.end()) and _BROKEN_DEST.match(text, m.end()):
            yield Problem(
                f"Malformed {what} {shown}(...): the destination is not a valid URL"
                " (encode spaces as %20 or wrap the URL in <>)",
                s,
                e,
            )
            continue
        ref = _BRACKETS.match(text, m.end())
        if ref is not None:
            skip_to = ref.end()
            if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_]#"):
                continue  # map[string][]byte, #![a][b]
            name = ref.group(1) or label
            if name.strip() and not CITATION.fullmatch(name):
                yield Problem(
                    f"Reference [{name}] of {what} {shown}{ref.group(0)} is not defined:"
                    f" add a [{name}]: url definition",
                    s,
                    base + ref.end(),
                )
            continue
        if (
            (entry or standalone)
            and at <= lead
            and ((entry and not image) or m.end() >= trail)
            and label not in _NOT_NAMES
            and not CITATION.fullmatch(label)
            and not DATED.fullmatch(label.strip())
            and not _tags_link(spans, text, base, m.end())
        ):
            yield Problem(
                f"{shown} is not {'an image' if image else 'a link'}: no (url) follows"
                f" and no {m.group(0)}: url definition exists",
                s,
                e,
            )


def _tags_link(spans: Spans, text: str, base: int, end: int) -> bool:
    """Whether a link follows the bracketed text ending at ``text[end]``, spaces aside:
    ``- [Deprecated] [name](url)`` tags an entry that has its link."""
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    found = spans.starting_at(base + k) if k > end else None
    return found is not None and found.kind != "bare"


def _one_link(spans: Spans, line: TextLine) -> bool:
    """Whether the line's only ``[`` opens a link the parser read (an entry's name, a
    badge's image): _line_problems passes over such a bracket, so over the line."""
    text = line.text
    k = text.find("[")
    if text.find("[", k + 1) >= 0:
        return False
    found = spans.starting_at(line.start + k)
    if found is not None and found.kind != "bare" and not found.image:
        return True
    if k and text[k - 1] == "!":
        found = spans.starting_at(line.start + k - 1)
        return found is not None and found.image
    return False


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    spans = Spans(doc.links)
    entry_lines: set[int] | None = None  # (made for the first line that needs it: few do)
    for block in doc.blocks:
        for i, line in enumerate(block.lines):
            if "[" not in line.text or _one_link(spans, line):
                continue
            if entry_lines is None:
                entry_lines = {en.block.lines[0].start for en in items(doc) if en.block}
            first = i == 0 and block.kind == "paragraph"
            entry = first and line.start in entry_lines
            standalone = first and not entry and len(block.lines) == 1
            yield from _line_problems(doc, spans, line, entry, standalone)
    yield from glued_targets(doc)


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
