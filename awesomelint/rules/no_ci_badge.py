"""no-ci-badge (A009): build-status badges do not belong in an awesome list.

## What it does
Finds images (Markdown or HTML `<img>`) that show a build status: Travis CI, CircleCI,
AppVeyor, GitHub Actions (`/actions/workflows/<file>/badge.svg` and the older
`/workflows/<name>/badge.svg`), GitLab pipelines, Azure Pipelines, Buildkite, Drone,
Jenkins, Semaphore, Cirrus, Bitrise, Codeship, and their shields.io / badgen.net forms
(`/github/actions/workflow/status`, `/github/workflow/status`, `/travis`, `/circleci`,
`/appveyor`, ...), as well as images titled or labelled "build status". Coverage,
version, license and deploy badges are not reported.

## Why is this bad
A list is not software: there is nothing to build, so a build badge says nothing to a
reader, and a red one makes a fine list look broken. The awesome guidelines forbid them;
awesome-lint reports Travis and CircleCI badges but misses GitHub Actions badges, the
most common kind today.

## Example
```markdown
# Awesome Tools [![CI](https://github.com/me/awesome-tools/actions/workflows/ci.yml/badge.svg)](https://github.com/me/awesome-tools/actions)
```

Use instead:
```markdown
# Awesome Tools
```

## Fix safety
Unsafe: the fix removes the badge (with the link around it, when the link holds nothing
else) and one space next to it; a line holding nothing but the badge goes whole, and a
paragraph of nothing but CI badges goes with the blank line before it. The badge's URLs
leave the page, and which badges a list shows is its maintainer's call, hence unsafe.
Not fixed: badges in HTML, a badge that is a list item's or a block quote's only
content, and a badge line whose next line would become an indented code block.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import HTML_REGIONS, Document, Link
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule

# CI badge image URLs, matched ignoring case: one pattern per CI service, each with the
# lowercase literals one of which every URL it matches holds. A pattern is compiled on
# first use, and only when its literal is in the URL: most image URLs (logos, licence
# badges) compile none, a list with a GitHub Actions badge one small pattern (the whole
# alternation cost ~1 ms to compile at every start). For an ASCII URL re.I is plain
# ASCII case folding, so the literal test on ``url.lower()`` equals the ignore-case
# search; a non-ASCII URL ("ſ" folds to "s") tries every pattern.
# tests/rules/test_no_ci_badge.py holds each pattern and its literals against URLs.
_CI_SERVICES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("travis-ci.",), r"travis-ci\.(?:org|com)/|api\.travis-ci\."),
    (("circleci.com/",), r"circleci\.com/"),
    (("ci.appveyor.com/api/projects/status",), r"ci\.appveyor\.com/api/projects/status"),
    (
        ("/workflows/",),
        r"github\.com/[^/\s]+/[^/\s]+/(?:actions/)?workflows/[^?#\s]+/badge\.svg",
    ),
    (("/pipeline.svg",), r"/badges/[^/\s]+/pipeline\.svg"),
    (
        ("/_apis/build/status",),
        r"(?:dev\.azure\.com|visualstudio\.com)/\S*/_apis/build/status",
    ),
    (("badge.buildkite.com/",), r"badge\.buildkite\.com/"),
    (("/buildstatus/icon",), r"/buildStatus/icon"),
    (("semaphoreci.com/",), r"semaphoreci\.com/\S*badge"),
    (("api.cirrus-ci.com/github/",), r"api\.cirrus-ci\.com/github/"),
    (("builds.sr.ht/",), r"builds\.sr\.ht/\S*\.svg"),
    (("app.bitrise.io/app/",), r"app\.bitrise\.io/app/\S*/status\.svg"),
    (("codeship.com/projects/",), r"codeship\.com/projects/\S*/status"),
    (("cloud.drone.io/",), r"cloud\.drone\.io/"),
    (("/api/badges/",), r"/api/badges/\S*/status\.svg"),
    (("app.wercker.com/status",), r"app\.wercker\.com/status"),
    (
        ("img.shields.io/", "badgen.net/"),
        r"""(?x)(?:img\.shields\.io|badgen\.net)/(?:
              github/actions/workflow/status | github/workflow/status | github/checks-status
            | github/check-runs | github/checks | github/status
            | travis | circleci | appveyor/(?:build|ci|tests|job)
            | azure-devops/(?:build|tests) | azure-pipelines | gitlab/pipeline
            | drone/build | jenkins/(?:build|s|tests|t)\b | buildkite | bitbucket/pipelines
            | codeship | cirrus | teamcity | scrutinizer/build | semaphoreci | wercker )""",
    ),
)


@functools.cache
def _ci_pattern(k: int) -> re.Pattern[str]:
    """The pattern of ``_CI_SERVICES[k]``, compiled on first use."""
    return re.compile(_CI_SERVICES[k][1], re.I)


def is_ci_url(url: str) -> bool:
    """Whether ``url`` is a CI badge image URL: one of ``_CI_SERVICES`` matches in it."""
    low = url.lower() if url.isascii() else None
    for k, (literals, _) in enumerate(_CI_SERVICES):
        if low is not None and not any(lit in low for lit in literals):
            continue  # (its pattern cannot match)
        if _ci_pattern(k).search(url):
            return True
    return False


_CI_LABEL = lazy(
    r"\b(?:build(?:ing)?[\s_-]*(?:status|passing|failing)|ci[\s_-]status"
    r"|pipeline[\s_-]status)\b",
    re.I,
)
_CI_TITLE = lazy(r"\b(?:travis|circle[\s-]?ci)\b", re.I)
_TITLE = lazy(r"""\s+(?:"([^"]*)"|'([^']*)')\s*\)$""")
_IMG = lazy(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)
_CODE_INDENT = lazy(r"(?: {4}| {0,3}\t)")
_ITEM_REST = lazy(r"(?:[-*+]|\d{1,9}[.)]|>)(?:\s+(?:[-*+]|\d{1,9}[.)]|>))*")


def _is_ci(doc: Document, img: Link) -> bool:
    if is_ci_url(img.url):
        return True
    m = _TITLE.search(doc.text, img.url_end, img.end)
    title = next((g for g in m.groups() if g is not None), "") if m else ""
    label = img.text or ""
    return bool(_CI_LABEL.search(label) or _CI_LABEL.search(title) or _CI_TITLE.search(title))


def _shows_nothing(doc: Document, line: int) -> bool:
    """Whether ``line`` exists and looks empty to a reader: whitespace of any kind, NBSP
    too (not CommonMark's blank line, spaces and tabs only: this is about the gap the
    removed badge line leaves, not about how the text parses)."""
    return line <= doc.line_count and not doc.line_text(line).strip()


def _lines(doc: Document, first: int, last: int) -> tuple[int, int]:
    """The range deleting lines ``first..last`` whole, with the blank line before them
    when they stand alone between blank lines (or at the end of the text)."""
    after = last == doc.line_count or _shows_nothing(doc, last + 1)
    if first > 2 and _shows_nothing(doc, first - 1) and after:
        return doc.line_ends[first - 3], doc.line_ends[last - 1]
    if first == 1 and doc.line_count > last + 1 and _shows_nothing(doc, last + 1):
        return doc.line_starts[0], doc.line_starts[last + 1]  # (after a byte order mark)
    if last < doc.line_count:
        return doc.line_starts[first - 1], doc.line_starts[last]
    if first > 1:
        return doc.line_ends[first - 2], doc.line_ends[last - 1]
    return doc.line_starts[0], doc.line_ends[last - 1]


def _removal(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """What to delete for a badge at ``[start, end)``: the badge and one space beside it,
    or its whole line when nothing else is on it (None when only a list marker would
    stay)."""
    line = doc.line_of(start)
    a, b = doc.line_starts[line - 1], doc.line_ends[line - 1]
    rest = (doc.text[a:start] + doc.text[end:b]).strip()
    if doc.line_of(end) != line or _ITEM_REST.fullmatch(rest):
        return None
    if not rest:
        # the next line must not turn into an indented code block once this one is gone
        after = doc.line_text(line + 1) if line < doc.line_count else ""
        return None if _CODE_INDENT.match(after) else _lines(doc, line, line)
    if end < b and doc.text[end] in " \t":
        return start, end + 1
    if start > a and doc.text[start - 1] in " \t":
        return start - 1, end
    return start, end


def _outer(doc: Document, img: Link) -> Link:
    """The badge as written: its link when the link holds nothing but the image."""
    if img.parent is None:
        return img
    link = doc.links[img.parent]
    start = link.text_start or 0
    inner = doc.text[start : start + len(link.text or "")]
    return link if inner.strip() == doc.text[img.start : img.end] else img


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    found = [(img, _outer(doc, img)) for img in doc.links if img.image and _is_ci(doc, img)]
    # paragraphs made of nothing but CI badges go whole, with their lines
    starts = [b.start for b in doc.blocks]
    spans: dict[int, list[Link]] = {}
    for _, outer in found:
        k = bisect_right(starts, outer.start) - 1
        if k >= 0 and doc.blocks[k].kind == "paragraph" and outer.end <= doc.blocks[k].end:
            spans.setdefault(k, []).append(outer)
    whole: dict[int, tuple[int, int]] = {}
    for k, outers in spans.items():
        block = doc.blocks[k]
        rest = list(doc.text[block.start : block.end])
        for o in outers:
            rest[o.start - block.start : o.end - block.start] = " " * (o.end - o.start)
        first = doc.line_of(block.start)
        before = doc.text[doc.line_starts[first - 1] : block.start]
        if not "".join(rest).strip() and not before.strip():
            whole[k] = _lines(doc, first, doc.line_of(block.end))
    for img, outer in found:
        k = bisect_right(starts, outer.start) - 1
        span = whole.get(k) or _removal(doc, outer.start, outer.end)
        if span and span[0] <= doc.line_starts[0] and doc.text.startswith("\ufeff", span[1]):
            span = None  # a U+FEFF would become the file's byte order mark
        fix = None
        if span is not None:
            fix = Fix("Remove the build-status badge", (Edit(span[0], span[1], ""),), safe=False)
        yield Problem(
            f"Build-status badge {img.url}: awesome lists must not show CI badges",
            img.start,
            img.end,
            fix,
        )
    for r in doc.regions:
        if r.kind not in HTML_REGIONS:
            continue
        for m in _IMG.finditer(doc.text, r.start, r.end):
            if is_ci_url(m.group(1)):
                yield Problem(
                    f"Build-status badge {m.group(1)}: awesome lists must not show CI badges",
                    m.start(1),
                    m.end(1),
                )


RULE = Rule(
    code="A009",
    name="no-ci-badge",
    summary="Build-status (CI) badges, GitHub Actions included",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
