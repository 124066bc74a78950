"""awesome-heading (A002): exactly one H1, the list's title, in title case.

## What it does
Reports a list without an H1 title, every H1 after the first (a list has exactly one),
and a title that is not in title case. The title may also be a centred HTML header at
the top (`<h1 align="center">...`, or `<div align="center">` with a logo `<img>`), as
awesome-lint accepts; such a header is not case-checked.

Title case here: every word starts with a capital letter, except the small words
`a an and as at but by for in of on or the to via vs with`, which may stay lowercase
unless they come first or last (a capitalised small word is accepted too, as
awesome-lint accepts "Capital Case"). Words are never reported when they have inner
capitals or digits (`iOS`, `GitHub`, `Web3`), a dot inside (`Node.js`, `three.js`),
are ALL CAPS, are known lowercase names (`npm`, `webpack`, ...), or are not written in
Latin letters (`딥러닝`). Code spans, link targets, images and HTML are not words.
Only the part of a hyphenated word before the first hyphen is checked.

## Why is this bad
The awesome index requires one H1 with the list's name in title case, next to the
Awesome badge; awesome-lint rejects a list without it. A second H1 also breaks the
outline of the page (and its table of contents).

## Example
```markdown
# awesome machine learning

# Resources
```

Use instead:
```markdown
# Awesome Machine Learning

## Resources
```

## Fix safety
Safe: the fix capitalises the first letter of each reported word of the title (link
texts included, never URLs, code or HTML); nothing else changes, no word is lost. A brand
written in lowercase on purpose (`gRPC` is kept, but `yarn` would become `Yarn`) is the
one thing to review. Missing and extra H1s are not fixed: which heading is the title is a
human's call.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import INLINE_REGIONS, Document, Heading
from awesomelint.markdown.slug import rendered_text
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._awesome import title_headings
from awesomelint.rules._base import Context, Rule

SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"}
    | {"via", "vs", "vs.", "with"}
)
LOWERCASE_NAMES = frozenset({"npm", "pnpm", "npx", "webpack", "esbuild", "jq", "fzf", "tmux"})
_HEADER = lazy(r"<h1[\s>]", re.I)
_CENTRED = lazy(r"align\s*=\s*[\"']?center", re.I)
_IMG = lazy(r"<img\b", re.I)
_WORD = lazy(r"\S+")
_RUN = lazy(r"\w+")


def _html_title(doc: Document) -> tuple[int, bool] | None:
    """(offset, has <h1>) of a centred HTML header or <h1> before the first heading."""
    first = doc.headings[0].start if doc.headings else len(doc.text)
    for r in doc.regions:
        if r.start >= first:
            break
        if r.kind != "html":
            continue
        src = doc.text[r.start : r.end]
        if _HEADER.search(src):
            return r.start, True
        if _CENTRED.search(src) and _IMG.search(src):
            return r.start, False
    return None


def _is_latin_lower(ch: str) -> bool:
    return ch.islower() and unicodedata.name(ch, "").startswith("LATIN")


def _words(doc: Document, h: Heading) -> list[tuple[int, str]]:
    """(offset, word) of the title's words: code, HTML, images and link targets masked."""
    start, end = h.text_start, h.text_start + len(h.text)
    chars = list(doc.text[start:end])

    def mask(a: int, b: int) -> None:
        for k in range(max(a, start), min(b, end)):
            chars[k - start] = " "

    for r in doc.regions:
        if r.kind in INLINE_REGIONS and r.start < end and r.end > start:
            mask(r.start, r.end)
    for lk in doc.links_between(start, end):
        if lk.image or lk.text is None or lk.text_start is None or lk.kind != "inline":
            mask(lk.start, lk.end)
        elif lk.parent is None:
            mask(lk.start, lk.text_start)
            mask(lk.text_start + len(lk.text), lk.end)
    text = "".join(chars)
    return [(start + m.start(), m.group()) for m in _WORD.finditer(text)]


def _wrong(words: list[tuple[int, str]]) -> list[int]:
    """Offsets of the first letters that should be capitals."""
    cores = []
    for off, w in words:
        k = next((i for i, c in enumerate(w) if c.isalnum()), None)
        if k is not None:
            cores.append((off + k, w[k:]))
    out = []
    for n, (off, w) in enumerate(cores):
        head = w.split("-")[0]
        bare = head.rstrip(".,:;!?)]}'\"*_~").lower()
        if not _is_latin_lower(w[0]) or any(c.isupper() or c.isdigit() for c in head):
            continue
        if re.search(r"\.\w", head) or bare in LOWERCASE_NAMES or "://" in w:
            continue  # (a URL, autolinked or not, keeps its case)
        if bare in SMALL and 0 < n < len(cores) - 1:
            continue
        out.append(off)
    return out


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    h1s = title_headings(doc)
    html = _html_title(doc)
    if not h1s and html is None:
        yield Problem("Missing main heading: the list has no H1 title", 0, 0)
        return
    extra = h1s if html is not None and html[1] else h1s[1:]
    for h in extra:
        yield Problem(
            f'Extra H1 "{" ".join(rendered_text(h.text).split())}": a list has exactly one '
            "H1, its title; make this an H2",
            h.start,
            h.end,
        )
    if not h1s or (html is not None and html[1]):
        return
    title = h1s[0]
    words = _words(doc, title)
    # a word glued to a bare URL ("c" of "chttp://b", which the URL's own text holds
    # for whoever reads "chttp://" as its scheme) is left as is
    end = title.text_start + len(title.text)
    bare = {lk.start for lk in doc.links_between(title.text_start, end) if lk.kind == "bare"}
    free = [(o, w) for o, w in words if o + len(w) not in bare]
    wrong = [off for off in _wrong(free) if len(doc.text[off].upper()) == 1]
    if wrong:
        caps = set(wrong)
        shown = " ".join(w for _, w in words)
        fixed = " ".join(
            "".join(c.upper() if off + k in caps else c for k, c in enumerate(w))
            for off, w in words
        )
        # whole words: the fixer's lossless check weighs the words an unsafe fix removes
        edits = []
        for off in wrong:
            m = _RUN.match(doc.text, off)
            end = m.end() if m else off + 1
            edits.append(Edit(off, end, doc.text[off].upper() + doc.text[off + 1 : end]))
        yield Problem(
            f'Main heading "{shown}" is not in title case; expected "{fixed}"',
            title.text_start,
            title.text_start + len(title.text),
            Fix("Title-case the main heading", tuple(edits)),
        )


RULE = Rule(
    code="A002",
    name="awesome-heading",
    summary="Exactly one H1, the list's title, in title case",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    default=False,
    severity=Severity.ERROR,
    groups=frozenset({"awesome"}),
)
