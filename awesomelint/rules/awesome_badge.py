"""awesome-badge (A001): the Awesome badge belongs next to the list's title.

## What it does
Looks for the Awesome badge - an image `https://awesome.re/badge.svg` (or
`badge-flat.svg`, `badge-flat2.svg`) linking to `https://awesome.re` (or
`https://github.com/sindresorhus/awesome`) - on the line of the H1 title, or in a centred
HTML header block at the top (`<div align="center">`, `<p align="center">`, `<h1
align="center">` holding `<a href="https://awesome.re"><img src="...badge.svg"></a>`).

Reports a missing badge, a badge that sits elsewhere (for example in a paragraph of
badges under the title), and a badge whose image or link is not one of the official
URLs (such as the old `cdn.rawgit.com/sindresorhus/awesome/.../media/badge.svg`).

## Why is this bad
The awesome index only accepts lists that show the badge next to their title, with the
official image and link; awesome-lint rejects the list otherwise. The old rawgit CDN
is shut down, so its badge no longer displays.

## Example
```markdown
# Awesome Tools
```

Use instead:
```markdown
# Awesome Tools [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
```

## Fix safety
Adding the standard badge at the end of the H1 line is safe (nothing is removed); it is
offered only when there is a single ATX H1 and no Awesome badge anywhere in the file.
Replacing an outdated badge image or link with the official one is unsafe: a URL is
changed. A badge in the wrong place is not moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import CODE_REGIONS, Document, Heading, Link
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._awesome import title_headings
from awesomelint.rules._base import Context, Rule

TARGET = "https://awesome.re"
BADGE = f"[![Awesome](https://awesome.re/badge.svg)]({TARGET})"
TARGETS = frozenset({"https://awesome.re", "https://github.com/sindresorhus/awesome"})
IMAGES = frozenset(
    "https://awesome.re/" + n for n in ("badge.svg", "badge-flat.svg", "badge-flat2.svg")
)
# what an Awesome badge looks like even with a wrong URL
_LOOKS_LIKE = lazy(r"awesome\.re/badge|sindresorhus/awesome/[^\s)]*badge[^\s)]*\.svg", re.I)
_TARGET_LIKE = lazy(r"^https?://(?:www\.)?(?:awesome\.re|github\.com/sindresorhus/awesome)/?$")
_A_OPEN = lazy(r"<a\b", re.I)
_HREF = lazy(r"<a\b[^>]*?\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.I)
_A_CLOSE = lazy(r"</a\s*>", re.I)
_A_BODY = 2000  # the most text between <a ...> and </a> that counts as one link
_A_TAG = 4096  # the longest <a ...> tag taken for one (URLs stay under ~2000 characters)
_IMG_SRC = lazy(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)
_CENTRED = lazy(r"align\s*=\s*[\"']?center", re.I)


def _markdown_badges(doc: Document) -> Iterator[tuple[Link, Link | None]]:
    """(image, enclosing link or None) of every image that looks like an Awesome badge
    or links to awesome.re; a badge copied into a ToC entry (`[Title ![..](..)](#x)`) is
    not a badge."""
    for lk in doc.links:
        if not lk.image:
            continue
        parent = doc.links[lk.parent] if lk.parent is not None else None
        if parent is not None and not _TARGET_LIKE.match(parent.url):
            if parent.url.startswith("#") or not _LOOKS_LIKE.search(lk.url):
                continue
        elif parent is None and not _LOOKS_LIKE.search(lk.url):
            continue
        yield lk, parent


def _html_badges(doc: Document) -> Iterator[tuple[str, str, int]]:
    """(href, img src, offset of src) of badge-like images in HTML links, outside code."""
    for start, href, body, end in _html_links(doc.text):
        img = _IMG_SRC.search(doc.text, body, end)
        if img is None or doc.in_region(start, CODE_REGIONS):
            continue
        if _TARGET_LIKE.match(href) or _LOOKS_LIKE.search(img.group(1)):
            yield href, img.group(1), img.start(1)


def _html_links(text: str) -> Iterator[tuple[int, str, int, int]]:
    """(start, href, body start, body end) of each ``<a href=...>...</a>``, in linear
    time: every scan is bounded, and the next ``>`` is looked up once for many ``<a``."""
    pos, gt = 0, -1
    while (m := _A_OPEN.search(text, pos)) is not None:
        start = m.start()
        if gt < start:
            gt = text.find(">", start)
            if gt < 0:
                return
        pos = start + 1
        href = _HREF.match(text, start, gt) if gt - start <= _A_TAG else None
        if href is None:
            continue
        close = _A_CLOSE.search(text, gt + 1, gt + 1 + _A_BODY + 64)
        if close is None or close.start() - (gt + 1) > _A_BODY:
            continue
        yield start, href.group(1), gt + 1, close.start()
        pos = close.end()


def _header_end(doc: Document) -> int:
    """End of the list's header: the start of the first H2 (or of the text's end)."""
    return next((h.start for h in doc.headings if h.level >= 2), len(doc.text))


def _header_blocks(doc: Document) -> Iterator[tuple[int, int]]:
    """Centred HTML blocks before the first H2: the list's header."""
    end = _header_end(doc)
    for r in doc.regions:
        if r.start >= end:
            break
        if r.kind == "html" and _CENTRED.search(doc.text, r.start, r.end):
            yield r.start, r.end


def _in_header(doc: Document, offset: int) -> bool:
    """Whether ``offset`` follows a centred HTML block and comes before the first H2."""
    if offset >= _header_end(doc):
        return False
    return any(start <= offset for start, _ in _header_blocks(doc))


def _wrong_url(img: str, target: str | None) -> str | None:
    """What is wrong with a badge's URLs, as the end of a sentence about the badge."""
    if img not in IMAGES:
        return f"image is {img}; use https://awesome.re/badge.svg"
    if target is not None and target not in TARGETS:
        return f"links to {target}; link it to https://awesome.re"
    return None


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    h1s = title_headings(doc)
    title = h1s[0] if h1s else None
    title_lines = range(title.line, doc.line_of(title.end) + 1) if title else range(0)
    found = False
    for img, link in _markdown_badges(doc):
        found = True
        wrong = _wrong_url(img.url, link.url if link else None)
        if doc.line_of(img.start) not in title_lines and not _in_header(doc, img.start):
            yield _misplaced(doc, title, img.start, img.end, wrong)
        elif link is None:
            wrap = (Edit(img.start, img.start, "["), Edit(img.end, img.end, f"]({TARGET})"))
            fix = Fix(f"Link the Awesome badge to {TARGET}", wrap)
            # a link in the image's alt text would keep the wrapper from being a link
            inner = any(lk is not img for lk in doc.links_between(img.start, img.end))
            yield Problem(
                f"Awesome badge is not a link; link it to {TARGET}",
                img.start,
                img.end,
                fix if not wrong and not inner else None,
            )
        elif wrong:
            edits = []
            if img.url not in IMAGES:
                edits.append(Edit(img.url_start, img.url_end, "https://awesome.re/badge.svg"))
            if link is not None and link.url not in TARGETS:
                edits.append(Edit(link.url_start, link.url_end, "https://awesome.re"))
            certain = img.kind == "inline" and (link is None or link.kind == "inline")
            fix = Fix("Use the official Awesome badge", tuple(edits), safe=False)
            yield Problem(f"Awesome badge {wrong}", img.start, img.end, fix if certain else None)
    for href, src, at in _html_badges(doc):
        found = True
        wrong = _wrong_url(src, href)
        if doc.line_of(at) not in title_lines and not _in_header(doc, at):
            yield _misplaced(doc, title, at, at + len(src), wrong)
        elif wrong:
            yield Problem(f"Awesome badge {wrong}", at, at + len(src))
    if found:
        return
    if title is None:
        header = next(_header_blocks(doc), None)
        where = "in the list's centred HTML header" if header else "(the list has no H1 title)"
        at = header[0] if header else 0
        yield Problem(f"Missing Awesome badge {where}", at, at)
        return
    text_end = title.text_start + len(title.text)
    ok = len(h1s) == 1 and title.style == "atx" and doc.line_of(text_end) == title.line
    fix = Fix("Add the Awesome badge to the title", (Edit(text_end, text_end, " " + BADGE),))
    yield Problem(
        f"Missing Awesome badge next to the main heading; add {BADGE}",
        title.start,
        title.end,
        fix if ok else None,
    )


def _misplaced(
    doc: Document, title: Heading | None, start: int, end: int, wrong: str | None
) -> Problem:
    where = f"the H1 title (line {title.line})" if title else "the list's title"
    also = f"; the badge {wrong}" if wrong else ""
    return Problem(
        f"Awesome badge must be next to {where}, not on line {doc.line_of(start)}{also}",
        start,
        end,
    )


RULE = Rule(
    code="A001",
    name="awesome-badge",
    summary="The Awesome badge next to the H1 title, with the official URLs",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="mixed",
    default=False,
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
