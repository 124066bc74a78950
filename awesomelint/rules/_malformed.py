"""Parts of malformed-link (K003): link spans, reversed links, URLs run together."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise

from awesomelint._regex import lazy
from awesomelint.document import Document, Link
from awesomelint.model import Edit, Fix, Problem

# an http(s) URL with no spaces, parentheses or angle brackets: safe to re-wrap
PLAIN_URL = r"https?://[^\s()<>\[\]]+"


@functools.cache
def _target() -> re.Pattern[str]:
    """What a reversed link's brackets hold: a URL, or a path or anchor of this site
    written the way links to them are (`./docs`, `/docs/x`, `#install`,
    `CONTRIBUTING.md`); `(a|b)[0-9]`, `(x)[i]` and `(see)[1]` hold none of these.
    (Compiled on first use: reversed links are rare, start-up is not.)"""
    return re.compile(
        r"(?:(?:https?|ftp)://|www\.|mailto:)[^\s()<>\[\]]+"
        r"|(?:\.{1,2}/|/(?=\w)|#(?=\w))[^\s()<>\[\]]*"
        r"|[^\s()<>\[\]:#]+\.(?:md|markdown|html?)(?:#[^\s()<>\[\]]*)?",
        re.IGNORECASE,
    )


_URL_ONLY = lazy(PLAIN_URL)
# the parenthesis right before a bracket: `(text)[` (its text holds no bracket)
_PAREN = lazy(r"\(([^()\[\]\n]*)\)$")
CITATION = lazy(r"[\d\s,;–-]+")
# a date or version as a tag at an item's start, not a link's text: "- [2024/12] We
# presented...", "- [Jan 25] Our...", "[12 March 2024]", "[v2.1.0]"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATED = lazy(
    rf"\d{{1,4}}(?:[/.-]\d{{1,4}}){{1,2}}|{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+\d{{1,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|v?\d+(?:\.\d+)+[a-z0-9.+-]*",
    re.IGNORECASE,
)
# a scheme inside a URL; where it starts a second URL (not a parameter's value or an
# archived page's address), the two were run together
_SCHEME = lazy(r"(?:https?|ftp)://", re.IGNORECASE)
_GLUE = " \t()[]<>,;|\"'"


class Spans:
    """Which offsets lie inside a link (optionally ignoring bare URLs)."""

    def __init__(self, links: tuple[Link, ...]) -> None:
        self.links = links
        self.starts = [lk.start for lk in links]
        # the last link starting at each offset: what starting_at's bisection finds
        # (links are in source order), in one lookup - it is asked for most lines
        self._at = {lk.start: lk for lk in links}

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
        """The link starting at ``offset`` (the last one, if several do), or None."""
        return self._at.get(offset)


def escaped(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` is backslash-escaped."""
    n = 0
    while pos - n - 1 >= 0 and text[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def balanced(url: str) -> bool:
    depth = 0
    for ch in url:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _is_link(spans: Spans, offset: int) -> bool:
    found = spans.starting_at(offset)
    return found is not None and found.kind != "bare"


def reversed_link(
    doc: Document, spans: Spans, text: str, base: int, since: int, m: re.Match[str]
) -> Problem | None:
    """`(url)[text]` or `(text)[url]`: the two halves of a link in the wrong order."""
    k = text.rfind("(", since, m.start())
    paren = _PAREN.match(text, k, m.start()) if k >= 0 else None
    if (
        paren is None
        or text.startswith("(", m.end())  # `(a)[b](c)`: `[b](c)` is a link
        or escaped(text, k)
        or escaped(text, m.start() - 1)
        or spans.inside(base + k, bare=False)
        or _is_link(spans, base + m.start())
        or doc.in_region(base + k)
        or doc.in_region(base + m.start() - 1)
    ):
        return None
    inner, label, shown = paren.group(1), m.group(1), m.group(0)
    if is_url(inner) and label.strip() and not CITATION.fullmatch(label):
        title, url = label, inner
    elif is_target(label) and inner.strip() and not is_target(inner.strip()):
        title, url = inner, label
    else:
        return None
    start, end = base + k, base + m.end()
    fix = None
    # two URLs: which is the title? `www.x.org` as a destination is a relative path
    if not (is_url(label) and is_url(inner)) and not url.lower().startswith("www."):
        fix = Fix(f"Write it as [{title}]({url})", (Edit(start, end, f"[{title}]({url})"),))
    return Problem(f"Malformed link ({inner}){shown}: text and URL are swapped", start, end, fix)


def _seen(url: str) -> str:
    """A bare URL as a reader sees it end: before a bracket or a ")" that closes nothing
    (mistune takes `(https://a)[b](https://c)` for one URL)."""
    depth = 0
    for k, ch in enumerate(url):
        if ch in "[]" or (ch == ")" and depth == 0):
            return url[:k]
        depth += (ch == "(") - (ch == ")")
    return url


def glued_targets(doc: Document) -> Iterator[Problem]:
    """Link targets that hold two URLs run together."""
    targets = [
        (_seen(lk.url) if lk.kind == "bare" else lk.url, lk.url_start, lk.url_end, lk.start, lk.end)
        for lk in doc.links
        # (a reference is checked once, at its definition; a URL with one "://" is no
        # glued pair, and _seen only shortens a bare one)
        if lk.kind != "reference" and lk.url.count("://") > 1
    ]
    targets += [(d.url, d.url_start, d.url_end, d.url_start, d.url_end) for d in doc.definitions]
    for url, u0, u1, start, end in targets:
        parts = glued(url) if "://" in url else None
        if parts is None or doc.in_region(start):
            continue
        fix = None
        if len(set(parts)) == 1 and balanced(parts[0]) and doc.text[u0:u1] == url:
            # the same URL twice: keeping one loses nothing but the copy
            fix = Fix(f"Keep one copy: {parts[0]}", (Edit(u0, u1, parts[0]),), safe=False)
        yield Problem(
            f"Malformed link target {url}: {len(parts)} URLs are run together",
            start,
            end,
            fix,
        )


def is_target(label: str) -> bool:
    """Whether bracket text is a link target (see ``_TARGET``)."""
    return _target().fullmatch(label) is not None


def is_url(text: str) -> bool:
    return _URL_ONLY.fullmatch(text) is not None


def glued(url: str) -> list[str] | None:
    """The URLs run together in a link target (``https://a.pdf%20(https://a.pdf)``,
    ``https://a.comhttps://b.com``, ``[https://a](https://b)``), or None.

    A scheme in a query or fragment (``?url=https://...``) or right after a ``/`` or
    ``=`` (``web.archive.org/web/2020/https://...``) belongs to the first URL, unless
    a space and a parenthesis join them (``#readme%20(https://...``) or the second
    repeats the first (``?id=4%20(https://x/?id=4)``): no query or fragment is written so."""
    if url.count("://") < 2:
        return None  # (each scheme the pattern finds holds one: most targets have one)
    found = list(_SCHEME.finditer(url))
    if len(found) < 2:
        return None
    tail = min((k for k in (url.find("?"), url.find("#")) if k >= 0), default=len(url))
    start = found[0].start()
    cuts = [
        k
        for m in found[1:]
        if ((k := m.start()) < tail and url[k - 1] not in "/=")
        or url.endswith(("%20(", " ("), 0, k)
        or (
            (url[k - 1] in _GLUE or url.endswith("%20", 0, k))
            and _unglued(url[start:k]) == _unglued(url[k:])
        )
    ]
    if not cuts:
        return None
    return [_unglued(url[a:b]) for a, b in pairwise([start, *cuts, len(url)])]


def _unglued(part: str) -> str:
    """A URL without what joined it to the next: spaces (also encoded), brackets, commas."""
    while True:
        stripped = part.rstrip(_GLUE)
        if stripped.endswith("%20"):
            stripped = stripped[:-3]
        if stripped == part:
            return part
        part = stripped
