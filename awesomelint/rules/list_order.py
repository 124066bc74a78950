"""list-order (A013): the entries of a list are not in alphabetical order.

## What it does
Checks that the entries of each list (the top-level items of a bullet list, outside the
table of contents and the introduction) are sorted by name, comparing case-insensitively
and ignoring a leading article (`a`, `an`, `the`) and leading emoji or punctuation. A list
sorted with its articles counted (`A Tour of Go` under A, as awesome-go sorts) is accepted
too. In a list that is sorted neither way, every entry that sorts before the entry above it is
reported, with the entry it should come before.

A list is what a reader sees as one: bullet lists that follow each other on the next line
or after blank lines are one list, though CommonMark starts a new one wherever the bullet
changes (`*` among `-`, list-marker's finding). Defects other rules report do not change
which entries are compared: a line with a glued bullet (`-[Name](url)`, text to CommonMark,
often continuing the entry above; list-marker-space's finding) is the entry it was meant to
be, and in a list with no sub-items, a lone sub-item indented as no nested list of the
document is (3 spaces under `- `, a tab where lists nest with spaces; list-indent's
finding) is the entry of the list that slipped right.

Only lists whose top-level items are all entries (`- [Name](url) ...`) are checked:
numbered lists (often ranked on purpose), tables of contents and lists of plain-text
sub-headers are left alone. Sub-items are not checked: they often follow their own logic
(paper, code, slides). Not enabled by default and not part of the `awesome` group:
many lists are ordered by topic, popularity or date on purpose.

## Why is this bad
In a long list, alphabetical order is what lets a reader find an entry and lets a
contributor see whether a project is already listed.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.
- [Django](https://www.djangoproject.com) - The web framework for perfectionists.
```

Use instead:
```markdown
- [Django](https://www.djangoproject.com) - The web framework for perfectionists.
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

## Fix safety
Unsafe: the fix sorts the list by moving whole items, each with its sub-items and
continuation lines, keeping the line endings between them; the order was maybe
deliberate. It is offered on the first reported entry of a list, and only when the list's
items are contiguous lines with the same indentation and no blank line among them
(otherwise moving them could change how the list is parsed), and every entry compared is
a top-level list item (a glued bullet or a stray sub-item is fixed by its own rule first).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from awesomelint._regex import lazy
from awesomelint.document import Document
from awesomelint.entries.shape import Entry
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._runs import runs

_LEAD = lazy(r"^[\W_]+")
_ARTICLE = lazy(r"^(?:a|an|the)\s+(?=\S)")


def sort_key(name: str, articles: bool = False) -> str:
    """The name as it sorts: casefolded, without leading symbols or emoji, and without a
    leading article unless ``articles``."""
    key = name.casefold()
    if key[:1] and not key[0].isalnum():  # (what [\W_] matches: spare the pattern)
        key = _LEAD.sub("", key)
    if articles or not key.startswith(("a", "t")):
        return key
    return _ARTICLE.sub("", key)


def _sorted(keys: list[str]) -> bool:
    return all(a <= b for a, b in pairwise(keys))


def _sort_fix(doc: Document, listed: tuple[Entry, ...], keys: list[str]) -> Fix | None:
    items = [e.item for e in listed]
    prefix = doc.text[doc.line_starts[items[0].line - 1] : items[0].start]
    if prefix.strip(" \t"):
        return None
    for a, b in pairwise(items):
        if b.line != a.end_line + 1 or doc.text[doc.line_starts[b.line - 1] : b.start] != prefix:
            return None
    first, last = items[0].line, items[-1].end_line
    if any(not doc.line_text(n).strip() for n in range(first, last + 1)):
        return None
    chunks = [
        doc.text[doc.line_starts[it.line - 1] : doc.line_ends[it.end_line - 1]] for it in items
    ]
    breaks = [
        doc.text[doc.line_ends[a.end_line - 1] : doc.line_starts[b.line - 1]]
        for a, b in pairwise(items)
    ]
    order = sorted(range(len(items)), key=lambda k: (keys[k], k))
    parts = [chunks[order[0]]]
    for brk, k in zip(breaks, order[1:], strict=True):
        parts.extend((brk, chunks[k]))
    start, end = doc.line_starts[first - 1], doc.line_ends[last - 1]
    return Fix("Sort the list alphabetically", (Edit(start, end, "".join(parts)),), safe=False)


def check(ctx: Context) -> Iterator[Problem]:
    for run in runs(ctx.doc):
        members = run.members
        if run.ordered or len(members) < 2 or any(m.name is None for m in members):
            continue
        names = [m.name or "" for m in members]
        keys = [sort_key(n) for n in names]
        if _sorted(keys) or _sorted([sort_key(n, articles=True) for n in names]):
            continue  # sorted, ignoring articles or (as some lists do) not
        fix_given = False
        for k in range(1, len(members)):
            if keys[k] >= keys[k - 1]:
                continue
            before = next(j for j in range(k) if keys[j] > keys[k])
            link = members[k].link
            assert link is not None  # a member with a name has its link
            movable = run.movable
            fix = None if fix_given or movable is None else _sort_fix(ctx.doc, movable, keys)
            fix_given = True
            yield Problem(
                f'"{names[k]}" is out of alphabetical order: '
                f'it belongs before "{names[before]}"',
                link.start,
                link.end,
                fix,
            )


RULE = Rule(
    code="A013",
    name="list-order",
    summary="Entries of a list not in alphabetical order",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    default=False,
    severity=Severity.WARNING,
)
