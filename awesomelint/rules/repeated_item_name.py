"""repeated-item-name (A005): the description repeats the entry's name as its subject.

## What it does
Finds entries whose description starts with the entry's own name, compared without
regard to case, used as the subject of the sentence: followed by a verb such as `is`,
`provides` or `lets`, by a comma, colon or dash, or by nothing at all:
`- [Flask](https://flask.palletsprojects.com) - Flask is a micro framework.`

The name used as a modifier is fine, and so are possessives and compounds:
`- [PostgreSQL](...) - PostgreSQL client.`, `- [immutable](...) - Immutable data
collections.`, `- [Redis](...) - Redis's own benchmarks.`, `- [Go](...) - Go-based tools.`
(awesome-lint reports all of these).

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
only the name or the name is written with markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._awesome import entries, plain
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._spelling import words

# words that make the name the subject of the description's sentence
_VERBS = words(
    """
    is are was were has have can will does acts adds aims allows automates brings builds
    checks collects comes compiles contains converts creates detects displays enables
    encapsulates exposes extends finds generates gives handles helps implements improves
    includes lets makes manages monitors offers parses provides renders resizes runs serves
    simplifies supports takes teaches tracks transforms translates turns uses validates
    works wraps writes
    """
)
_DROPPED = frozenset({"is", "are", "was", "were"})
_AFTER = re.compile(r"(?P<punct>[ \t]*[,:\u2013\u2014-](?=[ \t]))?[ \t]+(?P<word>[A-Za-z]+)?")


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.doc.text
    for e in entries(ctx.doc):
        if not e.has_description:
            continue
        start = e.gap_end
        lead = start
        while start < e.end and text[start] in "*_`":
            start += 1
        n = len(e.name)
        link = ctx.doc.links_between(start, start + 1)
        name = e.name.casefold()
        if link and link[0].text is not None and plain(link[0].text).casefold() == name:
            after = link[0].end  # "[Slint](https://slint.dev/) is a toolkit"
        elif text[start : start + n].casefold() == name:
            after = start + n
        else:
            continue
        while after < e.end and text[after] in "*_`" and after - start - n < start - lead:
            after += 1  # the closing markers of "`conc` is ..."
        rest = text[after : e.end]
        m = _AFTER.match(rest)
        word = m.group("word") if m else None
        if rest.strip(" *_`.!?") == "":
            dropped_to = None  # the description is nothing but the name
        elif m is not None and m.group("punct"):
            dropped_to = after + m.start("word") if word else None
        elif m is not None and word is not None and word.lower() in _VERBS:
            dropped_to = after + (m.end() if word.lower() in _DROPPED else m.start("word"))
            dropped_to = _next_word(text, dropped_to, e.end)
        else:
            continue
        fix = None
        if dropped_to is not None and not link and start == lead and dropped_to < e.end:
            first = text[dropped_to]
            fix = Fix(
                f'Remove "{text[start:dropped_to].strip()}" from the description',
                (Edit(start, dropped_to + 1, first.upper()),),
                safe=False,
            )
        yield Problem(
            f'Description repeats the entry name "{e.name}"; start with what it is or does',
            start,
            after,
            fix,
        )


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
