"""The Document API on small hand-written inputs: line breaks, BOM, tabs, CJK columns,
links of every shape, HTML and code, the list item tree, and the lookup helpers."""

from __future__ import annotations

import dataclasses
import re

import pytest

from awesomelint.document import Document, Link, split_lines
from awesomelint.markdown import parse


def only_link(doc: Document) -> Link:
    assert len(doc.links) == 1, doc.links
    return doc.links[0]


def at(doc: Document, needle: str, nth: int = 0) -> int:
    """Offset of the nth occurrence of ``needle`` in the document's text."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(needle, pos + 1)
    return pos


# -- line breaks, BOM -------------------------------------------------------------------


def test_crlf_offsets_point_into_the_original_text() -> None:
    text = "# Title\r\n\r\n- [a](https://a.example)\r\n  - [b](https://b.example/경로)\r\n"
    doc = parse(text)
    assert doc.eol == "\r\n"
    assert doc.line_count == 5  # the empty line after the final break counts
    assert [doc.line_text(n) for n in (1, 2, 3)] == ["# Title", "", "- [a](https://a.example)"]
    (h,) = doc.headings
    assert (h.line, doc.location(h.start), h.text) == (1, (1, 1), "Title")
    a, b = doc.items
    assert (a.line, b.line, doc.location(b.start)) == (3, 4, (4, 3))
    assert b.parent == a.index and a.children == (b.index,)
    for lk in doc.links:
        assert text[lk.url_start : lk.url_end] == lk.url
    assert doc.location(doc.links[1].url_start) == (4, 9)
    assert "\r" not in "".join(bl.lines[0].text for bl in doc.blocks)


def test_lone_cr_is_a_line_break() -> None:
    text = "# T\r- a\r  - b\r"
    doc = parse(text)
    assert doc.eol == "\r"
    assert doc.line_starts == (0, 4, 8, 14)
    assert [doc.line_text(n) for n in (1, 2, 3, 4)] == ["# T", "- a", "  - b", ""]
    assert [(it.line, it.depth) for it in doc.items] == [(2, 0), (3, 1)]
    assert doc.location(doc.items[1].start) == (3, 3)


def test_eol_is_the_first_break_or_lf() -> None:
    assert parse("one line").eol == "\n"
    assert parse("").eol == "\n"
    assert parse("a\r\nb\nc\r").eol == "\r\n"
    assert parse("a\rb\r\n").eol == "\r"


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_bom_heading_is_a_heading_at_column_1(eol: str) -> None:
    text = f"\ufeff# Title{eol}{eol}- [x](https://x.example){eol}"
    doc = parse(text)
    (h,) = doc.headings
    assert text[h.start] == "#"
    assert (h.line, h.text) == (1, "Title")
    assert doc.location(h.start) == (1, 1)
    assert doc.location(0) == (1, 1)  # the BOM itself is not a column of its own
    assert doc.location(h.text_start) == (1, 3)
    assert doc.line_text(1) == "# Title"  # without the BOM
    lk = only_link(doc)
    assert text[lk.url_start : lk.url_end] == "https://x.example"
    assert doc.location(lk.start) == (3, 3)


def test_bom_only_and_empty_documents() -> None:
    for text in ("", "\ufeff", "\n", "\ufeff\r\n"):
        doc = parse(text)
        assert (doc.headings, doc.items, doc.links, doc.blocks) == ((), (), (), ())
        assert doc.location(len(text))[1] >= 1


# -- columns: tabs, CJK -----------------------------------------------------------------


def test_tab_counts_one_column() -> None:
    text = "-\t[t](https://t.example)\n\t- [sub](https://sub.example)\n"
    doc = parse(text)
    top, sub = doc.items  # a tab is enough indentation to nest
    assert (top.line, doc.location(top.start)) == (1, (1, 1))
    assert (sub.line, sub.parent, doc.location(sub.start)) == (2, 0, (2, 2))
    lk = doc.links[0]
    assert doc.location(lk.start) == (1, 3)  # '-', tab, '['
    assert doc.location(lk.url_start) == (1, 7)
    assert doc.location(doc.links[1].url_start) == (2, 10)


def test_tab_indented_bullet_is_code() -> None:
    text = "Intro\n\n\t- [no](https://no.example)\n"
    doc = parse(text)
    assert doc.items == () and doc.links == ()
    (r,) = doc.regions
    assert r.kind == "indent_code"
    assert doc.in_region(at(doc, "[no]"))


def test_tab_after_quote_marker_keeps_text_lines_exact() -> None:
    text = ">\t## quoted [q](https://q.example)\n- a\n\n\t###NoSpace\n"
    doc = parse(text)
    h = doc.headings[0]
    assert (text[h.start], h.text) == ("#", "quoted [q](https://q.example)")
    for bl in doc.blocks:
        for tl in bl.lines:
            assert text[tl.start : tl.start + len(tl.text)] == tl.text
    nospace = next(tl for bl in doc.blocks for tl in bl.lines if "NoSpace" in tl.text)
    assert nospace.text == "\t###NoSpace"  # the source's tab, not spaces mistune made of it
    assert (nospace.line, doc.location(nospace.start)) == (4, (4, 1))


def test_korean_columns_count_characters() -> None:
    text = "## 한국어 제목\n\n- [딥러닝 자료](https://ko.example/경로) - 설명입니다.\n"
    doc = parse(text)
    h = doc.headings[0]
    assert doc.location(h.text_start) == (1, 4)
    assert h.text == "한국어 제목"
    lk = only_link(doc)
    assert lk.text == "딥러닝 자료"
    assert doc.location(lk.start) == (3, 3)
    assert doc.location(lk.text_start or 0) == (3, 4)
    assert doc.location(lk.url_start) == (3, 12)
    assert lk.url == "https://ko.example/경로"
    assert doc.location(at(doc, "설명")) == (3, 37)


# -- links ------------------------------------------------------------------------------


def test_link_kinds_and_raw_url_spans() -> None:
    text = (
        "- [inline](https://a.example/F_(b)) <https://auto.example/x> https://bare.example/y"
        ' [t](https://t.example "Title") [sp](<https://an gle/z>) ![img](https://i.example/i.png)\n'
    )
    doc = parse(text)
    got = [(lk.kind, lk.image, lk.url) for lk in doc.links]
    assert got == [
        ("inline", False, "https://a.example/F_(b)"),
        ("autolink", False, "https://auto.example/x"),
        ("bare", False, "https://bare.example/y"),
        ("inline", False, "https://t.example"),
        ("inline", False, "https://an gle/z"),
        ("inline", True, "https://i.example/i.png"),
    ]
    for lk in doc.links:
        assert text[lk.url_start : lk.url_end] == lk.url
        assert lk.start <= lk.url_start < lk.url_end <= lk.end
    inline, auto, bare = doc.links[:3]
    assert text[inline.start : inline.end] == "[inline](https://a.example/F_(b))"
    assert text[auto.start : auto.end] == "<https://auto.example/x>"
    assert (bare.start, bare.end, bare.text) == (bare.url_start, bare.url_end, None)


def test_raw_url_is_the_source_not_mistunes_encoded_url() -> None:
    text = "[a](https://esc.example/\\(x) [b](https://ko.example/경로 'T')\n"
    doc = parse(text)
    assert [lk.url for lk in doc.links] == ["https://esc.example/\\(x", "https://ko.example/경로"]


def test_link_split_over_two_lines() -> None:
    text = "[\ntext](https://x.example)\n- [multi\n  line](https://m.example) end\n"
    doc = parse(text)
    a, b = doc.links
    assert (a.text, doc.location(a.start), doc.location(a.url_start)) == (
        "\ntext",
        (1, 1),
        (2, 7),
    )
    assert text[a.start : a.end] == "[\ntext](https://x.example)"
    # a link text spanning lines is the block's text: the continuation line's indentation
    # is gone, so only its first line can be found verbatim at text_start
    assert b.text == "multi\nline"
    assert text.startswith("multi\n", b.text_start or 0)
    assert doc.location(b.url_start) == (4, 9)
    assert text[b.url_start : b.url_end] == "https://m.example"


def test_reference_links_point_at_the_definition() -> None:
    text = (
        "- [a][r] and [r][] and [r] and [other][S]\n"
        "\n"
        "[r]: https://r.example/x 'T'\n"
        "[s]: <https://s.example/a b>\n"
        "[r]: https://second.example/ignored\n"
    )
    doc = parse(text)
    assert [lk.kind for lk in doc.links] == ["reference"] * 4
    d_r, d_s = doc.definitions
    assert (d_r.label, d_r.url, d_r.line) == ("r", "https://r.example/x", 3)
    assert (d_s.label, d_s.url, d_s.line) == ("s", "https://s.example/a b", 4)
    assert text[d_s.url_start - 1] == "<"
    for lk in doc.links[:3]:
        assert (lk.url, lk.url_start, lk.url_end) == (d_r.url, d_r.url_start, d_r.url_end)
    other = doc.links[3]
    assert (other.text, other.label, other.url) == ("other", "S", "https://s.example/a b")
    assert text[other.start : other.end] == "[other][S]"
    assert doc.location(other.url_start) == (4, 7)


def test_undefined_reference_is_not_a_link() -> None:
    doc = parse("[foo] and [bar][baz] and [x][]\n\n[x]: https://x.example\n")
    assert [(lk.kind, lk.text) for lk in doc.links] == [("reference", "x")]
    assert parse("[foo]\n").links == ()


def test_definition_line_inside_a_paragraph_is_text() -> None:
    # '#Title' is a paragraph; a definition cannot interrupt it, so its URL is a bare link
    text = "#Title\n[ref]: https://a.example/x\n\n[ref]: https://b.example/y\n[t][ref]\n"
    doc = parse(text)
    (d,) = doc.definitions
    assert (d.url, d.line) == ("https://b.example/y", 4)
    assert [(lk.kind, lk.url) for lk in doc.links] == [
        ("reference", "https://b.example/y"),  # "[ref]" on line 2 is a shortcut reference
        ("bare", "https://a.example/x"),
        ("reference", "https://b.example/y"),
    ]


def test_bracket_text_followed_by_parens_can_be_a_reference() -> None:
    # CommonMark example 567: '(not a link)' is text after the reference link [foo]
    text = "[foo](not a link)\n\n[foo]: /url1\n"
    lk = only_link(parse(text))
    assert (lk.kind, lk.url, text[lk.start : lk.end]) == ("reference", "/url1", "[foo]")


def test_image_inside_link_has_its_parent() -> None:
    text = "[![badge](https://img.example/b.svg)](https://outer.example)\n"
    doc = parse(text)
    outer, img = doc.links
    assert (outer.image, img.image) == (False, True)
    assert (outer.parent, img.parent) == (None, 0)
    assert outer.start < img.start < img.end < outer.end


def test_links_between() -> None:
    text = (
        "- [a](https://a.example) [b](https://b.example)\n"
        "- [c](https://c.example)\n"
        "\n"
        "[d](https://d.example)\n"
    )
    doc = parse(text)
    first, second = doc.items
    assert [lk.text for lk in doc.links_between(first.start, first.end)] == ["a", "b"]
    assert [lk.text for lk in doc.links_between(second.start, second.end)] == ["c"]
    assert [lk.text for lk in doc.links_between(0, len(text))] == ["a", "b", "c", "d"]
    a = doc.links[0]
    assert doc.links_between(a.start, a.start) == ()  # empty range
    assert doc.links_between(a.start, a.start + 1) == (a,)  # start inclusive
    assert doc.links_between(a.start + 1, doc.links[1].start) == ()  # end exclusive


# -- HTML and code ----------------------------------------------------------------------


def test_html_block_hides_links_and_is_a_region() -> None:
    text = (
        '<p align="center">\n'
        '<a href="https://h.example">[x](https://md.example)</a>\n'
        "</p>\n"
        "\n"
        "[y](https://y.example) <img src='https://i.example/i.png'>\n"
    )
    doc = parse(text)
    assert [lk.text for lk in doc.links] == ["y"]
    html, inline_html = doc.regions
    assert (html.kind, html.start, text[html.end - 4 : html.end]) == ("html", 0, "</p>")
    assert inline_html.kind == "inline_html"
    assert text[inline_html.start : inline_html.end] == "<img src='https://i.example/i.png'>"
    assert doc.in_region(at(doc, "[x]"))
    assert doc.in_region(at(doc, "[x]"), frozenset({"html"}))
    assert not doc.in_region(at(doc, "[x]"), frozenset({"fenced_code", "codespan"}))
    assert not doc.in_region(at(doc, "[y]"))
    assert doc.in_region(at(doc, "<img"), frozenset({"inline_html"}))


def test_nothing_in_code_is_a_heading_or_link() -> None:
    text = (
        "```md\n# fenced\n- [a](https://fenced.example)\n```\n"
        "\n"
        "    # indented\n    [b](https://indented.example)\n"
        "\n"
        "Text `# x [c](https://span.example)` and ``[d](https://d.example)``.\n"
        "~~~\n## tilde\n~~~\n"
    )
    doc = parse(text)
    assert doc.headings == () and doc.items == () and doc.links == ()
    kinds = [r.kind for r in doc.regions]
    assert kinds == ["fenced_code", "indent_code", "codespan", "codespan", "fenced_code"]
    for needle in ("# fenced", "[a]", "# indented", "[b]", "[c]", "[d]", "## tilde"):
        assert doc.in_region(at(doc, needle)), needle
    assert not doc.in_region(at(doc, "Text"))
    span = doc.regions[2]
    assert text[span.start : span.end] == "`# x [c](https://span.example)`"
    # the paragraph's own text lines exist only outside code
    assert [tl.line for bl in doc.blocks for tl in bl.lines] == [9]


def test_indented_code_region_stops_at_its_last_code_line() -> None:
    text = "Intro\n\n    code\n    \n    more\n\n\n\nText\n"
    doc = parse(text)
    (r,) = doc.regions
    assert text[r.start : r.end] == "    code\n    \n    more"
    assert not doc.in_region(at(doc, "\n\n\nText") + 1)


def test_unclosed_fence_swallows_the_rest() -> None:
    text = "# Top\n\n```\n# not a heading\n- [x](https://x.example)\n"
    doc = parse(text)
    assert [h.text for h in doc.headings] == ["Top"]
    assert doc.items == () and doc.links == ()
    (r,) = doc.regions
    assert (r.kind, r.start, r.end) == ("fenced_code", at(doc, "```"), len(text) - 1)


def test_in_region_boundaries() -> None:
    text = "a `code` b\n"
    doc = parse(text)
    (r,) = doc.regions
    assert (r.start, r.end) == (2, 8)
    assert [doc.in_region(i) for i in (1, 2, 7, 8)] == [False, True, True, False]


# -- headings ---------------------------------------------------------------------------


def test_heading_shapes() -> None:
    text = (
        "# One #\n"
        "   ## Indented\n"
        "###NoSpace\n"
        "\n"
        "#\n"
        "Setext *title*\n"
        "---\n"
        "\n"
        "- ## In item\n"
        "> ### In quote\n"
    )
    doc = parse(text)
    got = [(h.level, h.style, h.text, h.line, doc.location(h.start)) for h in doc.headings]
    assert got == [
        (1, "atx", "One", 1, (1, 1)),
        (2, "atx", "Indented", 2, (2, 4)),
        (1, "atx", "", 5, (5, 1)),
        (2, "setext", "Setext *title*", 6, (6, 1)),
        (2, "atx", "In item", 9, (9, 3)),
        (3, "atx", "In quote", 10, (10, 3)),
    ]
    setext = doc.headings[3]
    assert text[setext.start : setext.end] == "Setext *title*\n---"
    # '###NoSpace' is a paragraph (with the indented heading's line it is not joined)
    nospace = next(bl for bl in doc.blocks if bl.lines[0].text == "###NoSpace")
    assert nospace.kind == "paragraph" and nospace.lines[0].line == 3


# -- list items -------------------------------------------------------------------------


def test_list_item_tree() -> None:
    text = (
        "- a\n"
        "  - b\n"
        "    1. c\n"
        "    2) d\n"
        "  - e\n"
        "- f\n"
        "\n"
        "* g\n"
    )
    doc = parse(text)
    rows = [
        (text[it.start : it.start + len(it.marker)], it.line, it.depth, it.parent, it.children)
        for it in doc.items
    ]
    assert rows == [
        ("-", 1, 0, None, (1, 4)),
        ("-", 2, 1, 0, (2, 3)),
        ("1.", 3, 2, 1, ()),
        ("2)", 4, 2, 1, ()),  # a different delimiter starts a new list (under b)
        ("-", 5, 1, 0, ()),
        ("-", 6, 0, None, ()),
        ("*", 8, 0, None, ()),  # a different bullet starts a new list
    ]
    a, b, c, d, e, f, g = doc.items
    assert a.list_id == f.list_id and b.list_id == e.list_id
    assert len({a.list_id, b.list_id, c.list_id, d.list_id, g.list_id}) == 5
    assert (c.ordered, d.ordered, a.ordered) == (True, True, False)
    assert (a.end_line, text[a.start : a.end]) == (5, text[: text.index("\n- f")])
    assert (b.end_line, c.end_line) == (4, 3)


def test_one_space_nesting_gives_siblings() -> None:
    text = "- a\n - b\n  - c\n    - d\n"
    doc = parse(text)
    assert [(it.line, it.depth, it.parent) for it in doc.items] == [
        (1, 0, None),
        (2, 0, None),  # one space is not enough to nest under "- a"
        (3, 0, None),  # two spaces under " - b" (content column 3) is not enough either
        (4, 1, 2),
    ]
    assert len({it.list_id for it in doc.items[:3]}) == 1
    assert [doc.location(it.start)[1] for it in doc.items] == [1, 2, 3, 5]


def test_items_in_block_quote_and_same_line_nesting() -> None:
    text = "> - a\n>   - b\n\n- - c\n"
    doc = parse(text)
    assert [(doc.location(it.start), it.depth, it.parent) for it in doc.items] == [
        ((1, 3), 0, None),
        ((2, 5), 1, 0),
        ((4, 1), 0, None),
        ((4, 3), 1, 2),
    ]


def test_empty_item_ends_on_its_marker_line() -> None:
    text = "-\n- b\n1.\n\n2. x\n"
    doc = parse(text)
    assert [(it.line, it.end_line) for it in doc.items] == [(1, 1), (2, 2), (3, 3), (5, 5)]
    assert text[doc.items[0].start : doc.items[0].end] == "-"


def test_item_with_lazy_continuation_spans_both_lines() -> None:
    text = "- item with lazy\ncontinuation [x](https://x.example)\n- next\n"
    doc = parse(text)
    first = doc.items[0]
    assert (first.line, first.end_line) == (1, 2)
    assert doc.links_between(first.start, first.end) == doc.links


# -- line index -------------------------------------------------------------------------


def test_line_of_location_line_text() -> None:
    text = "ab\ncd\r\n\nef"
    doc = parse(text)
    assert doc.line_starts == (0, 3, 7, 8)
    assert doc.line_ends == (2, 5, 7, 10)
    assert [doc.line_of(i) for i in range(len(text) + 1)] == [1, 1, 1, 2, 2, 2, 2, 3, 4, 4, 4]
    assert doc.location(2) == (1, 3)  # the line break belongs to the line it ends
    assert doc.location(6) == (2, 4)  # the LF of a CRLF
    assert doc.location(len(text)) == (4, 3)
    assert [doc.line_text(n) for n in range(1, 5)] == ["ab", "cd", "", "ef"]


def test_document_is_immutable() -> None:
    doc = parse("# T\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert isinstance(doc.headings, tuple) and isinstance(doc.items, tuple)


@pytest.mark.parametrize(
    "text",
    ["", "a", "a\n", "\n", "\n\n", "a\nb", "a\n\nb\n", "é\n😀x\ny", "\ufeffa\nb", "a\r\nb\rc\n"],
)
def test_split_lines_matches_the_line_breaks(text: str) -> None:
    # LF-only texts take a shortcut (line lengths); every text must give what a scan of
    # its line breaks gives
    first = 1 if text.startswith("\ufeff") else 0
    breaks = list(re.finditer(r"\r\n|\r|\n", text))
    starts = (first, *(m.end() for m in breaks))
    ends = (*(m.start() for m in breaks), len(text))
    assert split_lines(text) == (starts, ends)
