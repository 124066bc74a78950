"""GitHub heading anchors: the rendered text of inline Markdown, and its slug.

GitHub gives every heading an anchor made from the heading's *rendered* text (what a reader
sees: no `**`, no link targets, no images, no HTML tags): lowercased, every character that
is not a letter, mark, decimal digit, `_`, `-` or space removed (punctuation, symbols,
emoji), the variation selector U+FE0F removed, spaces turned into `-`. A slug seen before in
the same document gets `-1`, `-2`, ... appended (as github-slugger does, skipping suffixes
that are taken).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from awesomelint._regex import lazy

if TYPE_CHECKING:
    from awesomelint.document import Document

_KEEP = frozenset({"-", "_"})


def reference_map(definitions: Iterable[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """mistune's ``ref_links`` table for ``(label, url)`` pairs, so ``[x][label]`` in a
    heading renders as a link (its text) rather than as literal brackets."""
    pairs = list(definitions)
    if not pairs:
        return {}
    from mistune.util import unikey  # (only a page with definitions needs mistune here)

    return {unikey(label): {"url": url} for label, url in pairs}


# what inline Markdown must hold for its rendered text to differ from it: escapes, code,
# emphasis, links, images, HTML, entities, strikethrough, line breaks
_MARKUP = lazy(r"[\\`*_\[\]<>!&~\n\r]")


def rendered_text(markdown: str, refs: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """The text a reader sees for inline ``markdown``: emphasis markers, link targets,
    images and HTML tags dropped, entities and backslash escapes resolved."""
    if not markdown:
        return ""
    if _MARKUP.search(markdown) is None:
        return markdown  # plain text renders as itself (most headings): no parser needed
    # (imported on first use, like the parser: a rule module importing this one does
    # not load the parser's hooks at start-up)
    from awesomelint.markdown.build import plain_inline

    tokens = plain_inline().inline(markdown, {"ref_links": dict(refs or {})})
    out: list[str] = []
    _collect(tokens, out)
    return "".join(out)


def _collect(tokens: list[dict[str, Any]], out: list[str]) -> None:
    import html  # (loaded by mistune already, which made the tokens)

    for tok in tokens:
        kind = tok.get("type")
        if kind in ("image", "inline_html"):
            continue  # an image's alt text is not part of the heading's text content
        if kind == "text":
            out.append(html.unescape(tok.get("raw", "")))
        elif kind == "codespan":
            out.append(tok.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            out.append(" ")
        elif "children" in tok:
            _collect(tok["children"], out)
        elif "raw" in tok:
            out.append(tok["raw"])


def slugify(text: str) -> str:
    """GitHub's anchor for already rendered (plain) ``text``, without the duplicate suffix."""
    out = []
    for ch in text.lower():
        if ch == " ":
            out.append("-")
        elif ch in _KEEP:
            out.append(ch)
        elif ch != "\ufe0f":
            cat = unicodedata.category(ch)
            if cat[0] in "LM" or cat in ("Nd", "Pc"):
                out.append(ch)
    return "".join(out)


class Slugger:
    """Unique slugs in document order: ``a``, ``a-1``, ``a-2``, ... like github-slugger."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        """The unique slug of rendered (plain) ``text``."""
        base = slugify(text)
        result = base
        while result in self._seen:
            self._seen[base] += 1
            result = f"{base}-{self._seen[base]}"
        self._seen[result] = 0
        return result


def unique_slugs(texts: Iterable[str]) -> list[str]:
    """The anchors of headings with rendered ``texts``, in document order."""
    slugger = Slugger()
    return [slugger.slug(t) for t in texts]


@functools.cache  # (compiled on first use: only pages with in-page links need it)
def _html_anchor() -> re.Pattern[str]:
    return re.compile(
        r"<[A-Za-z][^>]*?\s(?:name|id)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))"
    )


ALWAYS = frozenset({"", "top", "readme"})  # anchors every page on GitHub has


def page_anchors(doc: Document) -> tuple[list[str], set[str]]:
    """Heading slugs of ``doc`` in document order, and every anchor the page has
    (lower-cased, also without a trailing "-"): headings and HTML ``name``/``id``."""
    refs = reference_map((d.label, d.url) for d in doc.definitions)
    slugs = unique_slugs(rendered_text(h.text, refs) for h in doc.headings)
    names = list(slugs)
    for r in doc.regions:
        if r.kind in ("html", "inline_html"):
            for m in _html_anchor().finditer(doc.text, r.start, r.end):
                names.append(next(g for g in m.groups() if g is not None))
    known = {n.lower() for n in names} | {n.lower().rstrip("-") for n in names}
    return slugs, known


def wanted(fragment: str) -> str:
    """The anchor a link's ``#fragment`` asks for, as ``page_anchors`` spells them."""
    return unquote(fragment).lower().removeprefix("user-content-")


def has_anchor(known: set[str], fragment: str) -> bool:
    """Whether a page with anchors ``known`` has the one ``fragment`` asks for."""
    want = wanted(fragment)
    return want in ALWAYS or want.startswith(":~:") or want in known or want.rstrip("-") in known
