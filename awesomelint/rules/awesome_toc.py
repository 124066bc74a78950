"""awesome-toc (A003): the Contents section comes first and matches the headings.

## What it does
When the list has a `Contents` (or `Table of Contents`, any case, any level) section,
checks that:

- it is the first section (no other H2 before it);
- every entry links to an anchor that exists on the page: a heading's GitHub anchor
  (rendered text lowercased, punctuation and emoji removed, spaces as `-`, `-1`, `-2` for
  duplicates) or an HTML anchor (`<a name="x">`, `id="x"`);
- an entry's text matches its heading's text, entries follow the headings' order, and no
  heading is linked twice;
- every section after it has an entry (H2s always; the H3s of an entry that lists
  sub-entries), except Contributing, Footnotes, License and Related Lists, and headings
  marked `<!-- omit in toc -->`;
- it is at most 2 levels deep, and lists neither itself nor Contributing, Footnotes or
  License.

The entries are the items of the section's lists of in-page links: lists in which more
items lead with an in-page link than with a link elsewhere (a list of sponsors in the
same section, or the resources of a `### Tools` section nested in it, is not the ToC).
Anchors are compared after percent-decoding and without regard to case, and a trailing
`-` (left by a badge or an HTML comment at the end of a heading) may be present or not.
A link elsewhere in the section, or an HTML anchor right before a heading, also counts as
that heading's entry, and so does an entry whose anchor is broken but whose text names
the heading (a sub-heading of its parent entry's section, or a section): the broken
anchor is that entry's finding, the heading is not missing too.

An entry's text matches its heading as written or as the heading rules' fixes leave it:
`[Tools](#tools)` matches `## Tools:` (trailing punctuation, reported by
heading-trailing-punctuation with its default punctuation) and `## Tools##` (a closing
sequence glued to the title, reported by heading-missing-space): the defect is the
heading's, reported once, there. `## Footnotes##` is a Footnotes section.

## Why is this bad
A table of contents that has drifted from the headings sends readers to anchors that do
not exist, hides new sections and lists sections in the wrong order. awesome-lint
rejects such lists; it stops at the first problem and reports nothing for
`Table of Contents`, this rule reports every problem.

## Example
```markdown
## Contents

- [Tools](#tool)
- [Licence](#licence)

## Tools

## Libraries
```

Use instead:
```markdown
## Contents

- [Tools](#tools)
- [Libraries](#libraries)
```

## Fix safety
The fix rewrites the ToC list from the headings after it (its H2s, and their H3s when the
ToC already had sub-entries), keeping the list's marker, indentation and spacing. It is
offered only for a plain ToC: one bullet list without blank lines, every item a single
`[text](#anchor)` link, at most 2 levels, and no section nested in the Contents section
after it (`## Contents`, then `### Tools`). It is safe when it only adds or reorders
entries; it is unsafe when it drops or renames an entry or changes an anchor, since
those words or links leave the page. "Comes first" is never fixed: moving sections is a
human's call.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._toc import (
    Outline,
    TocEntry,
    in_blockquote,
    is_denied,
    is_optional,
    norm,
    outline,
    regenerate,
    section_end,
    toc_entries,
    toc_heading,
)

_WORD = lazy(r"\w+")
_LINK_URL = lazy(r"\]\((#[^)\s]*)\)")


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    ol = outline(doc)
    ti = toc_heading(doc, ol.meant)
    if ti is None:
        return
    toc = doc.headings[ti]
    name = norm(ol.texts[ti])
    end = section_end(doc, ti)
    before = [i for i in range(ti) if not in_blockquote(doc, doc.headings[i])]
    earlier = next((i for i in before if doc.headings[i].level >= 2), None)
    if earlier is not None:
        yield Problem(
            f'"{name}" must be the first section; it comes after "{_title(ctx, ol, earlier)}"',
            toc.start,
            toc.end,
        )
    ents = toc_entries(doc, toc.end, end)
    if not ents:
        yield Problem(f'"{name}" section has no list of links to the sections', toc.start, toc.end)
        return
    sections = _sections(ctx, ol, ti, end)
    # sections nested in the Contents section after its list (`## Contents`, then
    # `### Tools`) are not among those a regenerated list would hold
    nested = any(ents[-1].item.end < h.start < end for h in doc.headings)
    new = None if nested else regenerate(doc, ol, ents, sections)
    fix = None
    if new is not None:
        start, stop, text = new
        old = doc.text[start:stop]
        urls = Counter(lk.url for lk in doc.links_between(start, stop))
        lost = (Counter(_WORD.findall(old)) - Counter(_WORD.findall(text))) or (
            urls - Counter(_LINK_URL.findall(text))
        )
        edit = Edit(start, stop, text)
        fix = Fix("Regenerate the table of contents from the headings", (edit,), safe=not lost)
    for msg, e in _problems(ctx, ol, ti, ents, sections):
        yield Problem(msg, e.item.start, doc.line_ends[e.item.line - 1], fix)


def _title(ctx: Context, ol: Outline, i: int) -> str:
    return "#" * ctx.doc.headings[i].level + " " + norm(ol.texts[i])


def _sections(ctx: Context, ol: Outline, ti: int, end: int) -> list[tuple[int, list[int]]]:
    """Top-level headings after the ToC that it lists, each with its sub-headings."""
    doc = ctx.doc
    top = max(doc.headings[ti].level, 2)
    out: list[tuple[int, list[int]]] = []
    skip = True
    for i in range(ti + 1, len(doc.headings)):
        h = doc.headings[i]
        if h.start < end or in_blockquote(doc, h):
            continue
        if h.level <= top:
            skip = h.level < top or is_denied(ol.meant[i]) or i in ol.omitted
            if not skip:
                out.append((i, []))
        elif h.level == top + 1 and not skip and i not in ol.omitted:
            out[-1][1].append(i)
    return out


def _reached(ctx: Context, ol: Outline, ti: int) -> set[int]:
    """Headings the Contents section reaches besides its entries: through an HTML anchor
    of the same name placed right before them, or a link beside the list."""
    out: set[int] = set()
    for lk in ctx.doc.links_between(ctx.doc.headings[ti].end, section_end(ctx.doc, ti)):
        if lk.url.startswith("#"):
            hit = ol.resolve(lk.url[1:])
            for t in (hit[1] if hit else None), ol.alias(lk.url[1:]):
                if t is not None:
                    out.add(t)
    return out


def _problems(
    ctx: Context, ol: Outline, ti: int, ents: list[TocEntry], sections: list[tuple[int, list[int]]]
) -> Iterator[tuple[str, TocEntry]]:
    guess = _Guesser(ol, sections)
    seen: dict[int, TocEntry] = {}
    guessed: set[int] = set()  # headings a broken entry was meant for: not "missing"
    target_of: dict[int, int] = {}  # item index -> the heading its entry is for
    order: list[tuple[int, TocEntry]] = []
    deep = next((e for e in ents if e.depth >= 2), None)
    if deep is not None:
        levels = max(e.depth for e in ents) + 1
        yield f'ToC is {levels} levels deep (at "{deep.text}"); use at most 2 levels', deep
    for e in ents:
        if e.link is None:
            yield f'ToC entry "{e.text}" does not link to a section of this page', e
            continue
        hit = ol.resolve(e.fragment)
        target = hit[1] if hit else None
        if target == ti:
            yield f'ToC lists the "{norm(ol.texts[ti])}" section itself', e
        elif is_denied(e.text) or (target is not None and is_denied(ol.meant[target])):
            yield f'ToC should not list the "{e.text}" section', e
        elif hit is None:
            parent = e.item.parent
            up = target_of.get(parent) if parent is not None else None
            meant = guess(e.text, up)
            hint = ""
            if meant is not None:
                guessed.add(meant)
                target_of[e.item.index] = meant
                hint = f"; the heading's anchor is #{ol.slugs[meant]}"
            yield f'ToC entry "{e.text}" links to #{e.fragment}, not on this page{hint}', e
        elif target is not None and target in seen:
            yield f'ToC entry "{e.text}" links to the same section as "{seen[target].text}"', e
        elif target is not None:
            seen[target] = e
            target_of[e.item.index] = target
            order.append((ctx.doc.headings[target].start, e))
            # the heading as meant matches too: `## Tools:` or `## Tools##` is the
            # heading rules' finding, on the heading, not a second one here
            if hit[0] == "heading" and e.text not in ol.titles(target):
                heading = norm(ol.texts[target])
                yield f'ToC entry "{e.text}" does not match its heading "{heading}"', e
    yield from _out_of_order(order)
    if not seen:
        return  # nothing links anywhere: the entries' own findings say enough
    reached = _reached(ctx, ol, ti) | set(seen) | guessed
    for i, subs in sections:
        listed = seen.get(i)
        if i not in reached and not is_optional(ol.meant[i]):
            line = ctx.doc.headings[i].line
            yield f'ToC has no entry for "{_title(ctx, ol, i)}" (line {line})', ents[0]
        if listed is not None and listed.item.children:
            for s in subs:
                if s not in reached:
                    line = ctx.doc.headings[s].line
                    yield f'ToC has no entry for "{_title(ctx, ol, s)}" (line {line})', listed


class _Guesser:
    """The heading an entry whose anchor is broken was meant for, by its text (as
    written or as meant): a sub-heading of the section its parent entry is for, else a
    section the ToC lists. (Not any sub-heading: the same title often heads a
    sub-section of many sections.)"""

    def __init__(self, ol: Outline, sections: list[tuple[int, list[int]]]) -> None:
        self.ol = ol
        self.subs = dict(sections)
        self.tops: dict[str, int] = {}
        for i, _ in sections:
            for t in ol.titles(i):
                self.tops.setdefault(t.casefold(), i)

    def __call__(self, text: str, parent: int | None) -> int | None:
        key = text.casefold()
        for s in self.subs.get(parent, []) if parent is not None else []:
            if any(t.casefold() == key for t in self.ol.titles(s)):
                return s
        return self.tops.get(key)


def _out_of_order(order: list[tuple[int, TocEntry]]) -> Iterator[tuple[str, TocEntry]]:
    """Entries outside the longest run of entries already in heading order."""
    tails: list[int] = []  # tails[k]: the entry ending the best run of length k + 1
    tail_pos: list[int] = []
    prev = [-1] * len(order)
    for j, (pos, _) in enumerate(order):
        k = bisect_left(tail_pos, pos)
        prev[j] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(j)
            tail_pos.append(pos)
        else:
            tails[k], tail_pos[k] = j, pos
    keep = [False] * len(order)
    j = tails[-1] if tails else -1
    while j >= 0:
        keep[j] = True
        j = prev[j]
    kept = sorted((pos, e.text) for j, (pos, e) in enumerate(order) if keep[j])
    kept_pos = [pos for pos, _ in kept]
    for j, (pos, e) in enumerate(order):
        if keep[j]:
            continue
        k = bisect_left(kept_pos, pos)
        where = f'after "{kept[k - 1][1]}"' if k else f'before "{kept[0][1]}"'
        yield f'ToC entry "{e.text}" is out of order: its section comes {where}', e


RULE = Rule(
    code="A003",
    name="awesome-toc",
    summary="Contents section first, in sync with the headings, at most 2 levels",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
