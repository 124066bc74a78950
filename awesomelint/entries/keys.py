"""URL-shaped text, and the key by which the fixer's loss audit knows each item (see
the package docstring). Computed only when asked for (by the fixer): ``check`` never
scans the text for URLs."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from awesomelint._regex import lazy
from awesomelint.document import Document
from awesomelint.entries.items import Item, items, seen_by_commonmark

_TRAILING = ".,:;!?*_~'\""
_PARENS = lazy(r"[()]")


@cache
def _urlish_raw() -> re.Pattern[str]:
    """URL-shaped text: the fixer counts its words as one URL, so `[https://x](https://x)`
    -> `[X](https://x)` loses no word while the URL stays. (Compiled when first needed:
    ``check`` never needs it.)"""
    return re.compile(
        # a scheme is tried only where a run of scheme characters starts (its leading
        # digits, dots, dashes and pluses skipped): trying it at every letter of a long
        # word made a 5 MB line without spaces take hours (quadratic)
        r"(?<![A-Za-z0-9+.-])[0-9+.-]*+(?P<url>[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\[\]\"'`]*)"
        r"|(?P<www>\bwww\.[^\s<>\[\]\"'`]*)"
    )


_SCHEME_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-"
)  # what the scheme run before "://" may hold (see _urlish_raw)


def urlish(text: str) -> list[tuple[int, str]]:
    """URL-shaped text with its offset. A URL ends before a ``)`` that closes nothing (the
    end of a Markdown link) and, like GFM autolinks, before trailing punctuation."""
    out = []
    pos = 0
    pattern = _urlish_raw()
    # a match holds a "://" after a run of scheme characters, or starts with "www.": the
    # search starts where the next of those can (the pattern tried at every word of a
    # long list took most of the time); each "://" is found, and its run walked back,
    # once (no "://" or "www." left: len(text))
    n = len(text)
    colon = run = www = -1
    while True:
        if colon < pos:
            colon = text.find("://", pos)
            if colon < 0:
                colon = run = n
            else:
                run = colon
                while run > 0 and text[run - 1] in _SCHEME_CHARS:
                    run -= 1
        if www < pos:
            www = text.find("www.", pos)
            if www < 0:
                www = n
        start = min(max(run, pos), www)
        if start >= n or (m := pattern.search(text, start)) is None:
            break
        group = "url" if m.group("url") is not None else "www"
        url = m.group(group)
        pos = m.end()
        if ")" in url:
            depth = 0
            for p in _PARENS.finditer(url):
                if p.group() == "(":
                    depth += 1
                elif depth == 0:
                    url = url[: p.start()]
                    # what follows the ')' is scanned again: `[](http://a)-b://c` holds
                    # two URL-shaped runs, as `[](http://a) - b://c` does
                    pos = m.start(group) + p.start()
                    break
                else:
                    depth -= 1
        url = url.rstrip(_TRAILING)
        if "(" in url and url.count("(") > url.count(")"):  # an opening one never closed
            cut = url.rfind("(")
            if cut > url.find("://") + 3:
                url = url[:cut]
        if url:
            out.append((m.start(group), url))
    return out


def url_texts(doc: Document) -> list[tuple[int, str]]:
    """:func:`urlish` of the whole document, computed once per Document."""
    return doc.memo("entries.url_texts", lambda d: urlish(d.text))


def audit_keys(doc: Document) -> tuple[tuple[Item, str], ...]:
    """The items CommonMark sees (non-empty), in source order, each with its audit key:
    the first URL-shaped text on its first line (as the fixer's URL inventory reads it: a
    safe fix may turn `[a]url` into `[a](url)`, never change the URL), else the target of
    its first link there (a relative one), else "". The key comes from the first line: how
    far a paragraph's lazy lines reach (a fix that makes `#Title` a heading ends it) is no
    entry's identity. Own texts (an item's children excluded) never overlap."""
    return doc.memo("entries.audit_keys", _audit_keys)


def _audit_keys(doc: Document) -> tuple[tuple[Item, str], ...]:
    found = url_texts(doc)
    starts = [start for start, _ in found]
    seen = seen_by_commonmark(doc)
    out = []
    for entry in items(doc):
        if entry.item.index not in seen:
            continue
        it = entry.item
        first_line_end = min(entry.own_end, doc.line_ends[it.line - 1])
        i = bisect_left(starts, it.start)
        if i < len(found) and found[i][0] < first_line_end:
            first = found[i][1]
        else:
            links = doc.links_between(it.start, first_line_end)
            first = next((lk.url for lk in links if lk.parent is None), "")
        out.append((entry, first))
    return tuple(out)
