"""Private helpers of the awesome-list rules: the title headings, prose, URL paths, link
text ends.

What an entry is (its name, separator and description) comes from ``awesomelint.entries``,
shared with the link rules and the fixer.

Prose
-----
:func:`prose` yields the lines of every paragraph and heading with everything that is not
prose blanked out (replaced by spaces, so offsets are kept): code spans, inline HTML, URLs,
link destinations and reference labels, images, the brackets of link syntax and backslash
escapes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from awesomelint.document import INLINE_REGIONS, Block, Document, Heading, Link

_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")


def title_headings(doc: Document) -> list[Heading]:
    """The H1s that may be the list's title, in order: not in a block quote (a quoted
    title is not the list's). The first is the title (awesome-heading, awesome-badge)."""
    return [
        h
        for h in doc.headings
        if h.level == 1 and ">" not in doc.text[doc.line_starts[h.line - 1] : h.start]
    ]


def url_path(url: str) -> str:
    """What follows the host of an absolute URL (all of a relative one)."""
    scheme = url.find("://")
    if scheme < 0:
        return url
    slash = url.find("/", scheme + 3)
    return "" if slash < 0 else url[slash:]


def link_text_end(doc: Document, link: Link) -> int:
    """Offset of the ``]`` that closes a link's text."""
    assert link.text is not None and link.text_start is not None
    text = doc.text
    if link.kind == "inline":
        k = text.rfind("](", link.text_start, link.url_start)
        return k if k >= 0 else link.text_start + len(link.text)
    if text.startswith("]", link.end - 1):  # [text][label], [text][] or [text]
        k = text.rfind("[", link.text_start, link.end - 1)
        if k > link.text_start and text[k - 1] == "]":
            return k - 1
        return link.end - 1
    return link.text_start + len(link.text)


# -- prose ------------------------------------------------------------------------------


def _link_masks(doc: Document, link: Link, hide: Callable[[Link], bool] | None) -> list[
    tuple[int, int]
]:
    if link.image or link.text is None or link.text_start is None or (hide and hide(link)):
        end = link.end
        if link.kind == "bare":
            end = _bare_end(doc.text, link.start, link.end)
        return [(link.start, end)]
    return [(link.start, link.text_start), (link_text_end(doc, link), link.end)]


def _bare_end(text: str, start: int, end: int) -> int:
    """Where a reader sees a bare URL end: mistune leaves the ")" of ``x.org/a_(b)``
    outside the URL and takes the ")" of ``(see http://x.org)는`` into it."""
    depth = 0
    for k in range(start, end):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            if depth == 0:
                return k
            depth -= 1
    while depth > 0 and text.startswith(")", end):
        end += 1
        depth -= 1
    return end


def _blank(text: str, start: int, end: int, masks: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with every character inside one of ``masks`` made a space."""
    cut = [(a, b) for a, b in masks if a < end and b > start]
    if not cut:
        return text[start:end]
    cut.sort()
    out = []
    pos = start
    for a, b in cut:  # (slices, not a list of characters: URLs are long)
        b = min(b, end)
        if b <= pos:
            continue  # inside a mask before it
        if a > pos:
            out.append(text[pos:a])
        else:
            a = pos
        out.append(" " * (b - a))
        pos = b
    out.append(text[pos:end])
    return "".join(out)


Prose = list[tuple[Block, list[tuple[int, str]]]]


def prose(doc: Document, hide: Callable[[Link], bool] | None = None) -> Prose:
    """Each paragraph and heading with its lines as ``(offset, text)``, non-prose blanked.

    ``hide(link)`` blanks a link's text as well (spell-check hides repository names).
    Computed once per Document (three rules read it); ``hide`` blanks more of the lines
    that hold such a link."""
    base: Prose = doc.memo("rules._awesome.prose", _prose)
    if hide is None:
        return base
    # the links to hide, in source order, walked along the blocks (also in source order)
    spans = [
        (lk.start, lk.end)
        for lk in doc.links
        if not (lk.image or lk.text is None or lk.text_start is None) and hide(lk)
    ]
    out = []
    i, n = 0, len(spans)
    for block, lines in base:
        while i < n and spans[i][0] < block.start:
            i += 1
        if i < n and spans[i][0] < block.end:
            j = i
            while j < n and spans[j][0] < block.end:
                j += 1
            # the whole link blanked: its text on top of the syntax already blanked
            lines = [(at, _blank_spans(line, at, spans[i:j])) for at, line in lines]
        out.append((block, lines))
    return out


def _blank_spans(line: str, at: int, spans: list[tuple[int, int]]) -> str:
    """``line`` (which starts at offset ``at``) with the parts of ``spans`` in it blanked."""
    n = len(line)
    for a, b in spans:
        a, b = max(a - at, 0), min(b - at, n)
        if a < b:
            line = line[:a] + " " * (b - a) + line[b:]
    return line


def _prose(doc: Document) -> Prose:
    text = doc.text
    inline = [r for r in doc.regions if r.kind in INLINE_REGIONS]
    starts = [r.start for r in inline]
    out = []
    for block in doc.blocks:
        masks: list[tuple[int, int]] = []
        i = bisect_left(starts, block.start)
        while i < len(inline) and inline[i].start < block.end:
            masks.append((inline[i].start, inline[i].end))
            i += 1
        for link in doc.links_between(block.start, block.end):
            masks.extend(_link_masks(doc, link, None))
        lines = []
        for line in block.lines:
            end = doc.line_ends[line.line - 1]
            own = masks
            if "\\" in text[line.start : end]:
                escapes = _ESCAPE.finditer(text, line.start, end)
                own = masks + [(m.start(), m.end()) for m in escapes]
            lines.append((line.start, _blank(text, line.start, end, own)))
        out.append((block, lines))
    return out
