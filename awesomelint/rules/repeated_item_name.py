"""repeated-item-name (A005): the description repeats the entry's name as its subject.

## What it does
Finds entries whose description starts with the entry's own name, compared without
regard to case, used as the subject of the sentence: followed by a verb such as `is`,
`provides` or `lets`, by a comma, colon or dash, or by nothing at all:
`- [Flask](https://flask.palletsprojects.com) - Flask is a micro framework.`
Also after an aside or an adverb: `SPIRE (the SPIFFE Runtime Environment) is ...`,
`Autograd automatically differentiates ...`. Names that start with a symbol count the
same (`[#hashtag]`, `[$dollar]`, `[@scope/pkg]`, `[.NET]`, `[~dots]`), written with or
without backslash escapes, and a description may leave the symbol out
(`[#100DaysOfCode](...) - 100DaysOfCode is a challenge.`).

The name used as a modifier is fine, and so are possessives and compounds:
`- [PostgreSQL](...) - PostgreSQL client.`, `- [immutable](...) - Immutable data
collections.`, `- [Redis](...) - Redis's own benchmarks.`, `- [Go](...) - Go-based tools.`,
`- [English](...) - English text corpus.`, `- [Awesome](...) - Awesome lists about ...`
(awesome-lint reports all of these): a name that is also a plain word reads naturally
as the first word of its description; `- [Go](...) - Go is a language.` is reported.

## Why is this bad
The name is already the link right before the description; repeating it makes every
line longer without telling the reader anything. awesome-lint reports it.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - Flask is a micro framework.
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

## Fix safety
Unsafe: the fix removes the name (and a following `is`/`are`/`was`, comma, colon or
dash) and capitalises the next word, which rewrites the sentence: `Flask is a micro
framework.` becomes `A micro framework.`, `rwdb provides read replicas` becomes
`Provides read replicas`. Read the result. No fix is offered when the description is
only the name, the name is written with markup, or an aside follows it (the aside
says more than the name; a human rewrites the sentence).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from awesomelint.entries import entries, plain
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._spelling import words

# words that make the name the subject of the description's sentence
_VERBS = words(
    """
    is are was were has have can will does acts adds aims allows automates brings builds
    calculates captures checks collects combines comes compiles computes connects contains
    converts creates defines delivers deploys detects displays downloads enables
    encapsulates executes exports exposes extends fetches finds generates gives handles
    helps implements imports improves includes integrates keeps launches let lets makes
    manages monitors offers optimizes parses performs produces provides reads reduces
    renders replaces resizes runs searches serves simplifies solves supports syncs takes
    teaches tracks transforms translates turns uses validates visualizes works wraps writes
    """
)
_DROPPED = frozenset({"is", "are", "was", "were"})
_AFTER = re.compile(r"(?P<punct>[ \t]*[,:\u2013\u2014-](?=[ \t]))?[ \t]+(?P<word>[A-Za-z]+)?")
# an aside between the name and its verb: "SPIRE (the SPIFFE Runtime Environment) is"
_ASIDE = re.compile(r"[ \t]+\([^()\n]*\)(?=[ \t])")
# an adverb before the verb: "Autograd automatically differentiates"
_ADVERB = re.compile(r"[ \t]+(?P<word>[A-Za-z]+)")
_MARKUP = "*_`"
_ESCAPABLE = frozenset(string.punctuation)
# a leading symbol the description may leave out: "[#100DaysOfCode]" - "100DaysOfCode is"
_SYMBOLS = "#$@.~"


def _name_end(text: str, pos: int, end: int, name: str) -> int | None:
    """Where the entry's name ends if the text at ``pos`` spells it (case and backslash
    escapes aside, its leading symbol optional), else None."""
    want = _unescape(name).casefold()
    spellings = [want]
    if len(want) > 2 and want[0] in _SYMBOLS and want[1].isalnum():
        spellings.append(want[1:])
    for spelling in spellings:
        i, j = pos, 0
        while j < len(spelling) and i < end:
            if text[i] == "\\" and i + 1 < end and text[i + 1] in _ESCAPABLE:
                i += 1
            folded = text[i].casefold()
            if not spelling.startswith(folded, j):
                break
            i += 1
            j += len(folded)
        if j == len(spelling) and j:
            return i
    return None


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out)


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.doc.text
    for e in entries(ctx.doc):
        if not e.has_description:
            continue
        start = e.gap_end
        lead = start
        while start < e.end and text[start] in _MARKUP:
            start += 1
        link = ctx.doc.links_between(start, start + 1)
        name = e.name.casefold()
        # the name as plain() reads it, or as written: "[~dots]" keeps its "~"
        shown, named = e.name, _name_end(text, start, e.end, e.name)
        raw = (e.link.text or "").strip()
        if named is None and raw != e.name:
            shown, named = raw, _name_end(text, lead, e.end, raw)
            start = lead if named is not None else start
        if link and link[0].text is not None and plain(link[0].text).casefold() == name:
            after = link[0].end  # "[Slint](https://slint.dev/) is a toolkit"
        elif named is not None:
            after = named
        else:
            continue
        opened = start - lead
        while after < e.end and text[after] in _MARKUP and opened > 0:
            after += 1  # the closing markers of "`conc` is ..."
            opened -= 1
        aside = _ASIDE.match(text, after, e.end)
        rest = text[aside.end() if aside else after : e.end]
        m = _AFTER.match(rest)
        word = m.group("word") if m else None
        if m is not None and word is not None and word.endswith("ly") and not m.group("punct"):
            verb = _ADVERB.match(rest, m.end())
            if verb is None or not _verb(verb.group("word")):
                continue
            word = verb.group("word")  # "Autograd automatically differentiates"
            dropped_to = _next_word(text, after, e.end)
        elif aside is None and rest.strip(" *_`.!?") == "":
            dropped_to = None  # the description is nothing but the name
        elif m is not None and m.group("punct") and aside is None:
            dropped_to = after + m.start("word") if word else None
        elif m is not None and word is not None and word.lower() in _VERBS:
            dropped_to = after + (m.end() if word.lower() in _DROPPED else m.start("word"))
            dropped_to = _next_word(text, dropped_to, e.end)
        else:
            continue
        fix = None
        if (
            dropped_to is not None
            and aside is None  # the aside says more than the name: a human rewrites it
            and not link
            and start == lead
            and dropped_to < e.end
        ):
            first = text[dropped_to]
            fix = Fix(
                f'Remove "{text[start:dropped_to].strip()}" from the description',
                (Edit(start, dropped_to + 1, first.upper()),),
                safe=False,
            )
        yield Problem(
            f'Description repeats the entry name "{shown}"; start with what it is or does',
            start,
            after,
            fix,
        )


def _verb(word: str) -> bool:
    """Whether a word after an adverb is a verb: "automatically differentiates"."""
    low = word.lower()
    return low in _VERBS or (low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _next_word(text: str, at: int, end: int) -> int | None:
    while at < end and text[at] in " \t":
        at += 1
    return at if at < end and text[at].isalpha() else None


RULE = Rule(
    code="A005",
    name="repeated-item-name",
    summary="Entry description starts by repeating the entry name",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
