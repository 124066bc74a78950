"""The Markdown layer: one mistune parse of a text into a :class:`Document`.

``parse`` is the entry point. The modules, bottom up:

``positions``  mistune's block state that knows where its (rewritten) source sits, and
               the mapping of any state's offsets back to the original text;
``inline``     positions of links, images, bare URLs, code spans and inline HTML;
``lists``      positions of list items and their tree (and of fast-path lists);
``blocks``     positions of headings, paragraphs, code and HTML blocks, definitions,
               and the token walk that collects a Document's parts;
``build``      the hooked mistune instance and one parse (``build_document``);
``_fast``      the fast paths for plain lists and plain inline text (exact or declined);
``slug``       GitHub's heading anchors: rendered text and slugs.

The Document (``awesomelint.document``) is the model only; nothing there parses.
"""

from __future__ import annotations

from awesomelint.document import Document

__all__ = ["parse"]

_recent: list[Document] = []  # the Documents parse() returned last, newest first


def parse(text: str) -> Document:
    """Parse ``text`` once with mistune and return its Document.

    Documents are immutable, so asking again for a text just parsed returns the same
    Document (``fix`` parses its result, which its last pass parsed already; a rule may
    parse a snippet in between)."""
    for doc in _recent:
        if doc.text is text or doc.text == text:
            return doc
    # the hooks and mistune's parsers load on the first parse, not at import: commands
    # that parse nothing (rules, rule NAME, --version) start without them
    from awesomelint.markdown.build import build_document

    doc = build_document(text)
    _recent[:] = [doc, *_recent[:1]]
    return doc
