"""The Markdown layer: one parse of a text into a :class:`Document` (mistune's, or the
whole-document fast path's for the texts it takes).

``parse`` is the entry point. The modules, bottom up:

``_fast``      the fast paths for plain lists and plain inline text (exact or declined);
``parts``      a Document's parts as found, and what the fast paths add to them;
``fastdoc``    the whole-document fast path: the Document of a text made only of
               headings, plain paragraphs and fast-path lists, without mistune;
``positions``  mistune's block state that knows where its (rewritten) source sits, and
               the mapping of any state's offsets back to the original text;
``inline``     positions of links, images, bare URLs, code spans and inline HTML;
``lists``      positions of list items and their tree;
``blocks``     positions of headings, paragraphs, code and HTML blocks, definitions,
               and the token walk that collects a Document's parts;
``build``      the hooked mistune instance and one parse (``build_document``);
``slug``       GitHub's heading anchors: rendered text and slugs;
``splice``     the Document of an edited text from the old one's and the parses of
               the sections the edits touch (``reparse``, for the fixer).

The Document (``awesomelint.document``) is the model only; nothing there parses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesomelint._gc import PausedGC
from awesomelint.document import Document

if TYPE_CHECKING:
    from collections.abc import Sequence

    from awesomelint.model import Edit

__all__ = ["parse", "reparse"]

_recent: list[Document] = []  # the Documents parse() returned last, newest first


def parse(text: str) -> Document:
    """Parse ``text`` once (with mistune, or the fast path of ``fastdoc`` for the texts it
    takes) and return its Document.

    Documents are immutable, so asking again for a text just parsed returns the same
    Document (``fix`` parses its result, which its last pass parsed already; a rule may
    parse a snippet in between)."""
    for doc in _recent:
        if doc.text is text or doc.text == text:
            return doc
    with PausedGC():  # a parse allocates many small objects and frees none
        found = _parse(text)
    _recent[:] = [found, *_recent[:1]]
    return found


def reparse(doc: Document, text: str, edits: Sequence[Edit]) -> Document:
    """``parse(text)``, where ``text`` is ``doc.text`` with ``edits`` applied (their
    offsets ``doc``'s): only the sections of the text that the edits touch are parsed,
    the rest of the Document is ``doc``'s, moved (``splice``), where that is sure to
    give the same Document; else the whole text is parsed."""
    for known in _recent:
        if known.text is text or known.text == text:
            return known
    from awesomelint.markdown.splice import spliced

    with PausedGC():
        found = spliced(doc, text, edits, _parse)
    if found is None:
        return parse(text)
    _recent[:] = [found, *_recent[:1]]
    return found


def _parse(text: str) -> Document:
    # the whole-document fast path first: a text it takes is parsed without mistune
    from awesomelint.markdown.fastdoc import fast_document

    found = fast_document(text)
    if found is None:
        # the hooks and mistune's parsers load on the first parse that needs them, not
        # at import: commands that parse nothing (rules, --version) start without them
        from awesomelint.markdown.build import mistune_document

        found = mistune_document(text)
    return found
