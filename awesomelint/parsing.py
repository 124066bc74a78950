"""The parse entry point: Markdown text -> :class:`~awesomelint.document.Document`.

It sits beside the parser (``_parser.py``) rather than in ``document.py``, so that the
model does not import the parser that builds it.
"""

from __future__ import annotations

from awesomelint._parser import build_document
from awesomelint.document import Document

_recent: list[Document] = []  # the Documents parse() returned last, newest first


def parse(text: str) -> Document:
    """Parse ``text`` once with mistune and return its Document.

    Documents are immutable, so asking again for a text just parsed returns the same
    Document (``fix`` parses its result, which its last pass parsed already; a rule may
    parse a snippet in between)."""
    for doc in _recent:
        if doc.text is text or doc.text == text:
            return doc
    doc = build_document(text)
    _recent[:] = [doc, *_recent[:1]]
    return doc
