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

from bisect import bisect_left
from collections.abc import Callable

from awesomelint._regex import lazy
from awesomelint.document import INLINE_REGIONS, Block, Document, Heading, Link

_ESCAPE = lazy(r"\\[!-/:-@\[-`{-~]")


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


def blank(text: str, masks: list[tuple[int, int]]) -> str:
    """``text`` with every character inside one of ``masks`` made a space."""
    masks.sort()
    out = []
    pos = 0
    for a, b in masks:  # (slices, not a list of characters: URLs are long)
        if b <= pos:
            continue  # inside a mask before it
        if a > pos:
            out.append(text[pos:a])
        else:
            a = pos
        out.append(" " * (b - a))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def blanked(doc: Document) -> str:
    """The document's text with the non-prose of every paragraph and heading blanked (as
    :func:`prose` gives its lines); the text outside them as it is. Computed once per
    Document: rules scan it whole for what can only stand in prose."""
    return doc.memo("rules._awesome.blanked", _blanked)


def _blanked(doc: Document) -> str:
    # A block's masks (its code spans, inline HTML, link syntax and escapes) lie inside
    # the block, and blocks never overlap: blanking them all in one pass over the text
    # leaves each line as blanking only its own block's masks would.
    text = doc.text
    inline = [r for r in doc.regions if r.kind in INLINE_REGIONS]
    starts = [r.start for r in inline]
    masks: list[tuple[int, int]] = []
    add = masks.append
    # The links of each block are walked to with one index along doc.links, as the blocks
    # come in source order: what links_between gives, without two bisections a block. (A
    # block starting before the previous one's end bisects again.)
    links, link_starts, n = doc.links, [lk.start for lk in doc.links], len(doc.links)
    j, previous_end = 0, 0
    for block in doc.blocks:
        if inline:
            i = bisect_left(starts, block.start)
            while i < len(inline) and inline[i].start < block.end:
                add((inline[i].start, inline[i].end))
                i += 1
        if block.start < previous_end:
            j = bisect_left(link_starts, block.start)
        previous_end = block.end
        while j < n and link_starts[j] < block.start:
            j += 1
        while j < n and link_starts[j] < block.end:
            link = links[j]
            j += 1
            if link.image or link.text is None or link.text_start is None:
                end = _bare_end(text, link.start, link.end) if link.kind == "bare" else link.end
                add((link.start, end))  # all of it
            else:  # its syntax, not its text
                add((link.start, link.text_start))
                # (link_text_end of an inline link, the most, without the call)
                inline_end = -1
                if link.kind == "inline":
                    inline_end = text.rfind("](", link.text_start, link.url_start)
                add((inline_end if inline_end >= 0 else link_text_end(doc, link), link.end))
        for line in block.lines:
            end = doc.line_ends[line.line - 1]
            if text.find("\\", line.start, end) >= 0:
                masks.extend((m.start(), m.end()) for m in _ESCAPE.finditer(text, line.start, end))
    return blank(text, masks)


Prose = list[tuple[Block, list[tuple[int, str]]]]


def prose(doc: Document, hide: Callable[[Link], bool] | None = None) -> Prose:
    """Each paragraph and heading with its lines as ``(offset, text)``, non-prose blanked.

    ``hide(link)`` blanks a link's text as well. Computed once per Document (three rules
    read it); ``hide`` blanks more of the lines that hold such a link. (Spell-check hides
    repository names only in the lines it looks at, ``spell_check.hide_repositories``:
    a test holds it equal to this.)"""
    base: Prose = doc.memo("rules._awesome.prose", _prose)
    if hide is None:
        return base
    # the links to hide, in source order, walked along the blocks (also in source order)
    spans = [
        (lk.start, lk.end)
        for lk in doc.links
        if not (lk.image or lk.text is None or lk.text_start is None) and hide(lk)
    ]
    hidden: list[tuple[int, int]] = []  # those inside a block
    touched = []  # the indices of the blocks that hold one
    i, n = 0, len(spans)
    for k, (block, _) in enumerate(base):
        while i < n and spans[i][0] < block.start:
            i += 1
        if i < n and spans[i][0] < block.end:
            touched.append(k)
            while i < n and spans[i][0] < block.end:
                hidden.append(spans[i])
                i += 1
    if not touched:
        return base
    # the whole link blanked: its text on top of the syntax already blanked
    text = blank(blanked(doc), hidden)
    out = list(base)
    for k in touched:
        block = out[k][0]
        out[k] = (block, _block_lines(doc, text, block))
    return out


def _block_lines(doc: Document, text: str, block: Block) -> list[tuple[int, str]]:
    ends = doc.line_ends
    return [(line.start, text[line.start : ends[line.line - 1]]) for line in block.lines]


def _prose(doc: Document) -> Prose:
    text = blanked(doc)
    return [(block, _block_lines(doc, text, block)) for block in doc.blocks]
