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
``slug``       GitHub's heading anchors: rendered text and slugs.

The Document (``awesomelint.document``) is the model only; nothing there parses.
"""

from __future__ import annotations

from awesomelint._gc import PausedGC
from awesomelint.document import Document

__all__ = ["parse"]

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
    # the whole-document fast path first: a text it takes is parsed without mistune
    from awesomelint.markdown.fastdoc import fast_document

    with PausedGC():  # a parse allocates many small objects and frees none
        found = fast_document(text)
        if found is None:
            # the hooks and mistune's parsers load on the first parse that needs them,
            # not at import: commands that parse nothing (rules, --version) start
            # without them
            from awesomelint.markdown.build import mistune_document

            found = mistune_document(text)
    _recent[:] = [found, *_recent[:1]]
    return found
