"""The lazy-line helpers count a line blank as CommonMark does: spaces and tabs only, not
no-break spaces (``str.strip`` strips U+00A0 too)."""

from __future__ import annotations

from awesomelint.commonmark.lazy import after_empty_item, next_text_line
from awesomelint.markdown import parse


def test_next_text_line_passes_over_blank_lines_only() -> None:
    doc = parse("# T\n\n \t\n\u00a0\nnext\n")
    assert next_text_line(doc, 1) == "\u00a0"
    assert next_text_line(doc, 4) == "next"


def test_an_item_of_a_no_break_space_is_not_empty() -> None:
    text = "- \u00a0\n  more\n- \n  more\n"
    doc = parse(text)
    starts = [it.start for it in doc.items]
    assert not after_empty_item(doc, starts, text.index("more"))
    assert after_empty_item(doc, starts, text.rindex("more"))
