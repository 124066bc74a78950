"""The table of contents of a list: its heading, its entries, and what they point to.

Shared model for awesome-toc: headings with their rendered text and GitHub anchors, the
HTML anchors (``<a name="x">``, ``id="x"``) a ToC may point to instead, and the items of
the Contents section's table of contents (the lists of in-page links, as
``awesomelint.entries`` finds them) with the in-page link each one holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from urllib.parse import unquote

from awesomelint._regex import lazy
from awesomelint.document import HTML_REGIONS, Block, Document, Heading, Link, ListItem
from awesomelint.entries.items import CONTENTS_TITLES, items
from awesomelint.markdown.slug import reference_map, rendered_text, unique_slugs
from awesomelint.model import Frozen
from awesomelint.rules.heading_missing_space import broken_headings
from awesomelint.rules.heading_trailing_punctuation import without_trailing

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields
# sections a ToC leaves out (awesome-lint: Contributing, Footnotes, Related Lists)
DENIED = frozenset(
    {"contributing", "contribution", "contributions", "footnotes", "license", "licence"}
)
OPTIONAL = frozenset({"related lists"})
_OMIT = lazy(r"<!--\s*omit (?:in|from) toc\s*-->", re.I)
_HTML_ANCHOR = lazy(r"<[A-Za-z][^>]*?\s(?:name|id)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))")
_SPACES = lazy(r"\s+")


def norm(text: str) -> str:
    """Rendered text compared loosely: runs of whitespace as one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


class Outline(Frozen):
    """Every heading's rendered text and anchor, and the document's HTML anchors."""

    __slots__ = ("texts", "slugs", "by_slug", "html", "omitted", "meant")
    texts: tuple[str, ...]
    slugs: tuple[str, ...]
    by_slug: dict[str, int]  # lowercased anchor (also without trailing "-") -> heading
    html: dict[str, int | None]  # lowercased HTML anchor -> heading right after it
    omitted: frozenset[int]  # headings marked <!-- omit in toc -->
    # rendered texts as the heading rules' fixes leave them (see ``meant_texts``)
    meant: tuple[str, ...]

    def __init__(
        self,
        texts: tuple[str, ...],
        slugs: tuple[str, ...],
        by_slug: dict[str, int],
        html: dict[str, int | None],
        omitted: frozenset[int],
        meant: tuple[str, ...],
    ) -> None:
        _set(self, "texts", texts)
        _set(self, "slugs", slugs)
        _set(self, "by_slug", by_slug)
        _set(self, "html", html)
        _set(self, "omitted", omitted)
        _set(self, "meant", meant)

    def resolve(self, fragment: str) -> tuple[str, int | None] | None:
        """What ``#fragment`` points to: ("heading", i), ("html", i or None), or None."""
        key = unquote(fragment).lower()
        for k in (key, key.rstrip("-")):
            if k in self.by_slug:
                return "heading", self.by_slug[k]
        if key in self.html:
            return "html", self.html[key]
        return None

    def titles(self, i: int) -> tuple[str, ...]:
        """Heading ``i``'s text as written and as meant (see ``meant_texts``), normalised."""
        written, meant = norm(self.texts[i]), norm(self.meant[i])
        return (written,) if meant == written else (written, meant)

    def alias(self, fragment: str) -> int | None:
        """The heading an HTML anchor named ``fragment`` stands right before, if any."""
        return self.html.get(unquote(fragment).lower())


def outline(doc: Document) -> Outline:
    refs = reference_map((d.label, d.url) for d in doc.definitions)
    texts = tuple(rendered_text(h.text, refs) for h in doc.headings)
    slugs = tuple(unique_slugs(texts))
    by_slug: dict[str, int] = {}
    for i, s in enumerate(slugs):
        by_slug.setdefault(s.lower(), i)
    for i, s in enumerate(slugs):  # GitHub may or may not keep a trailing "-"
        by_slug.setdefault(s.lower().rstrip("-"), i)
    starts = [h.start for h in doc.headings]
    html: dict[str, int | None] = {}
    for r in doc.regions:
        if r.kind not in HTML_REGIONS:
            continue
        for m in _HTML_ANCHOR.finditer(doc.text, r.start, r.end):
            name = next(g for g in m.groups() if g is not None)
            j = bisect_left(starts, m.end())
            if j and doc.headings[j - 1].end >= m.start():  # inside a heading: its own
                html.setdefault(name.lower(), j - 1)
                continue
            near = j < len(starts) and doc.headings[j].line - doc.line_of(m.start()) <= 2
            html.setdefault(name.lower(), j if near else None)
    omitted = frozenset(i for i, h in enumerate(doc.headings) if _OMIT.search(h.text))
    return Outline(texts, slugs, by_slug, html, omitted, meant_texts(doc, texts, refs))


def meant_texts(
    doc: Document, texts: tuple[str, ...], refs: dict[str, dict[str, str]]
) -> tuple[str, ...]:
    """Each heading's rendered text (``texts``) without what the heading rules report
    and fix there: a closing sequence glued to the title (`## Tools##`,
    heading-missing-space) and trailing punctuation (`## Tools:`,
    heading-trailing-punctuation, with its default punctuation). A ToC entry that reads
    `Tools` matches either heading: the one defect is the heading's, reported there."""
    glued = {b.line: b.run for b in broken_headings(doc) if b.kind == "closing"}
    out = []
    for h, text in zip(doc.headings, texts, strict=True):
        source = h.text.rstrip()
        run = glued.get(h.line, 0)
        if run and source.endswith("#" * run):
            source = source[:-run]
        source = without_trailing(source)
        out.append(text if source == h.text.rstrip() else rendered_text(source, refs))
    return tuple(out)


def toc_heading(doc: Document, texts: tuple[str, ...]) -> int | None:
    """Index of the first heading titled Contents / Table of Contents (any level); HTML
    comments, a trailing colon and case do not matter."""
    for i, text in enumerate(texts):
        if norm(text).rstrip(":").casefold() in CONTENTS_TITLES:
            return i
    return None


def section_end(doc: Document, i: int) -> int:
    """Offset where heading ``i``'s section ends: the next heading of its level or higher."""
    level = doc.headings[i].level
    for h in doc.headings[i + 1 :]:
        if h.level <= level:
            return h.start
    return len(doc.text)


class TocEntry(Frozen):
    """An item of the table of contents and the in-page link on its first line."""

    __slots__ = ("item", "depth", "block", "link", "text")
    item: ListItem
    depth: int  # 0 for the outermost items of the ToC
    block: Block | None
    link: Link | None  # the first link of the item's own line whose target is "#..."
    text: str  # rendered link text (or the line's text when there is no such link)

    def __init__(
        self, item: ListItem, depth: int, block: Block | None, link: Link | None, text: str
    ) -> None:
        _set(self, "item", item)
        _set(self, "depth", depth)
        _set(self, "block", block)
        _set(self, "link", link)
        _set(self, "text", text)

    @property
    def fragment(self) -> str:
        return self.link.url[1:] if self.link else ""


def toc_entries(doc: Document, start: int, end: int) -> list[TocEntry]:
    """The items of the table of contents (see ``awesomelint.entries``: the lists of
    in-page links) that start in ``[start, end)``."""
    inside = [it for it in items(doc) if it.role == "toc" and start <= it.item.start < end]
    if not inside:
        return []
    refs = reference_map((d.label, d.url) for d in doc.definitions)
    base = min(it.item.depth for it in inside)
    out = []
    for it in inside:
        block = it.block
        first = next((doc.links[li] for li in it.links if not doc.links[li].image), None)
        link = first if first is not None and first.url.startswith("#") else None
        if first is not None and first.text is not None:
            text = rendered_text(first.text, refs)
        else:
            text = rendered_text(block.lines[0].text, refs) if block else ""
        out.append(TocEntry(it.item, it.item.depth - base, block, link, norm(text)))
    return out


def is_denied(text: str) -> bool:
    return norm(text).rstrip(":").casefold() in DENIED


def is_optional(text: str) -> bool:
    return norm(text).casefold() in OPTIONAL


def in_blockquote(doc: Document, h: Heading) -> bool:
    return ">" in doc.text[doc.line_starts[h.line - 1] : h.start]


_ESCAPE = lazy(r"([\\`*_\[\]<>&])")
_BRACKET = lazy(r"\\.|[\[\]]")  # an escape (skipped) or a bracket


def _entry_text(doc: Document, ol: Outline, i: int) -> str:
    """Link text for heading ``i``: its own source when that is plain inline Markdown,
    else its rendered text with Markdown's special characters escaped."""
    h = doc.headings[i]
    end = h.text_start + len(h.text)
    nested = doc.links_between(h.text_start, end) or "<" in h.text
    if not nested and _balanced(h.text) and norm(rendered_text(h.text)) == norm(ol.texts[i]):
        return h.text.strip()
    return _ESCAPE.sub(r"\\\1", norm(ol.texts[i]))


def _balanced(text: str) -> bool:
    """Whether the unescaped brackets of ``text`` pair up (link text may hold ``[a]``, but
    a lone ``]`` would end it: ``[Learning]](#learning)`` is no link)."""
    depth = 0
    for m in _BRACKET.finditer(text):
        if m.group() == "[":
            depth += 1
        elif m.group() == "]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _style(doc: Document, e: TocEntry) -> tuple[str, str, str] | None:
    """(indentation, marker, gap before the link) of a plain ToC line, or None."""
    if e.link is None or e.block is None or len(e.block.lines) != 1:
        return None
    line = e.block.lines[0]
    if line.text.strip() != doc.text[e.link.start : e.link.end]:
        return None
    indent = doc.text[doc.line_starts[e.item.line - 1] : e.item.start]
    gap = doc.text[e.item.start + len(e.item.marker) : e.link.start]
    if indent.strip(" \t") or gap.strip(" \t") or e.item.ordered:
        return None
    return indent, e.item.marker, gap


def _good_links(doc: Document, ol: Outline, ents: list[TocEntry]) -> dict[int, str]:
    """Heading -> the source of the entry link that already reaches it with its text
    (an HTML anchor placed right before the heading counts), to be kept as written."""
    out: dict[int, str] = {}
    for e in ents:
        if e.link is None:
            continue
        hit = ol.resolve(e.fragment)
        if hit is None:
            continue
        kind, i = hit
        if i is not None and (kind == "html" or e.text in ol.titles(i)):
            out.setdefault(i, doc.text[e.link.start : e.link.end])
    return out


def regenerate(
    doc: Document, ol: Outline, ents: list[TocEntry], sections: list[tuple[int, list[int]]]
) -> tuple[int, int, str] | None:
    """``(start, end, text)`` replacing the ToC list with one made from ``sections``, in
    the list's own style; None unless the ToC is a plain list (see awesome-toc's docs)."""
    styles = [_style(doc, e) for e in ents]
    first_line, last_line = ents[0].item.line, ents[-1].item.line
    if (
        any(s is None for s in styles)
        or any(e.depth > 1 for e in ents)
        or any(e.depth == 0 and e.item.list_id != ents[0].item.list_id for e in ents)
        or [e.item.line for e in ents] != list(range(first_line, last_line + 1))
        or ents[-1].item.end_line != last_line
    ):
        return None
    top = styles[0]
    sub = next((s for s, e in zip(styles, ents, strict=True) if e.depth == 1), None)
    kept = _good_links(doc, ol, ents)
    lines = []
    for i, subs in sections:
        if is_optional(ol.meant[i]) and i not in kept:
            continue
        for style, j in [(top, i)] + [(sub, s) for s in subs if sub is not None]:
            assert style is not None
            indent, marker, gap = style
            link = kept.get(j) or f"[{_entry_text(doc, ol, j)}](#{ol.slugs[j]})"
            lines.append(f"{indent}{marker}{gap}{link}")
    if not lines:
        return None
    start, end = doc.line_starts[first_line - 1], doc.line_ends[last_line - 1]
    text = doc.eol.join(lines)
    return None if text == doc.text[start:end] else (start, end, text)
