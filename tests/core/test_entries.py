"""The entry model (awesomelint/entries.py): roles, blocks, CommonMark's reading, keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.commonmark import items as cm_items
from awesomelint.entries.items import items, seen_by_commonmark
from awesomelint.entries.keys import audit_keys
from awesomelint.entries.shape import entries
from awesomelint.markdown import parse


def _roles(text: str) -> list[tuple[str, str]]:
    """(first line of the item, role) for every list item."""
    doc = parse(text)
    return [(doc.line_text(it.item.line).strip(), it.role) for it in items(doc)]


def _role_of(text: str, line: str) -> str:
    return dict(_roles(text))[line]


NESTED = """# Awesome Nested

- [Site](https://example.com/site) - The intro's own link.

## Contents

- [Tutorials](#tutorials)
- [Libraries](#libraries)
  - [Parsing](#parsing)

### Tutorials

- [Foo](https://example.com/foo) - invalid description
- [Back to top](#contents)

### Libraries

- [Parsing](#parsing)

#### Parsing

- [Bar](https://example.com/bar) - A parser.
"""


def test_entries_in_sections_nested_under_contents() -> None:
    assert _roles(NESTED) == [
        ("- [Site](https://example.com/site) - The intro's own link.", "intro"),
        ("- [Tutorials](#tutorials)", "toc"),
        ("- [Libraries](#libraries)", "toc"),
        ("- [Parsing](#parsing)", "toc"),
        ("- [Foo](https://example.com/foo) - invalid description", "entry"),
        ("- [Back to top](#contents)", "other"),
        ("- [Parsing](#parsing)", "toc"),  # a section's own list of its sub-sections
        ("- [Bar](https://example.com/bar) - A parser.", "entry"),
    ]
    assert [e.name for e in entries(parse(NESTED))] == ["Foo", "Bar"]


def test_toc_under_categories_in_several_lists() -> None:
    text = (
        "# T\n\n## Categories\n\n**Web**\n\n- [Web](#web)\n- [APIs](#apis)\n\n"
        "**Other**\n\n- [Misc](#misc)\n\n## Web\n\n- [A](https://a) - A.\n"
    )
    assert [role for _, role in _roles(text)] == ["toc", "toc", "toc", "entry"]


def test_toc_without_heading() -> None:
    # awesome-rust: the ToC right after the introduction, before the first H2
    text = "# T\n\nIntro.\n\n- [Apps](#apps)\n  - [Audio](#audio)\n\n## Apps\n\n- [A](https://a)\n"
    assert [role for _, role in _roles(text)] == ["toc", "toc", "entry"]
    # and a ToC with no heading of its own, in the middle of the page
    text = "# T\n\n## A\n\n- [x](https://x) - X.\n\nParts:\n\n- [B](#b)\n- [C](#c)\n\n## B\n"
    assert [role for _, role in _roles(text)] == ["entry", "toc", "toc"]


def test_the_toc_list_keeps_its_stray_items() -> None:
    # awesome-toc reports these; they are not entries
    text = (
        "# T\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n- Soon\n- [Site](https://x) - site.\n\n"
        "## A\n\n## B\n"
    )
    assert [role for _, role in _roles(text)] == ["toc", "toc", "toc", "toc"]


def test_a_list_of_resources_with_an_anchor_item_is_not_a_toc() -> None:
    text = "# T\n\n## A\n\n- [x](https://x) - X.\n- [y](https://y) - Y.\n- [Top](#t)\n"
    assert [role for _, role in _roles(text)] == ["entry", "entry", "other"]


def test_a_tie_is_a_toc_only_right_under_a_contents_heading() -> None:
    body = "- [A](#a)\n- [Site](https://x) - Site.\n"
    under = f"# T\n\n## Contents\n\n{body}\n## A\n"
    assert [role for _, role in _roles(under)] == ["toc", "toc"]
    nested = f"# T\n\n## Contents\n\n- [A](#a)\n\n### A\n\n{body}"
    assert [role for _, role in _roles(nested)] == ["toc", "other", "entry"]
    elsewhere = f"# T\n\n## A\n\n{body}"
    assert [role for _, role in _roles(elsewhere)] == ["other", "entry"]


def test_sub_lists_of_a_toc() -> None:
    text = (
        "# T\n\n## Contents\n\n- [A](#a)\n  - plain sub-item\n- [B](#b)\n"
        "  - [r](https://r) - A resource under it.\n  - [s](https://s) - Another.\n\n## A\n"
    )
    assert [role for _, role in _roles(text)] == ["toc", "toc", "toc", "entry", "entry"]


def test_intro_is_before_the_first_h2() -> None:
    text = (
        "# T\n\n- [a](https://a) - A.\n\n### Sub\n\n- [b](https://b)\n\n## S\n\n- [c](https://c)\n"
    )
    assert [role for _, role in _roles(text)] == ["intro", "intro", "entry"]
    # without an H2: before the first heading; without headings: nothing
    assert [r for _, r in _roles("- [a](https://a)\n\n# T\n\n- [b](https://b)\n")] == [
        "intro",
        "entry",
    ]
    assert [r for _, r in _roles("- [a](https://a)\n")] == ["entry"]


def test_what_is_not_an_entry() -> None:
    text = (
        "## S\n\n- CNN\n  - [x](https://x) - X.\n- Text [y](https://y) - no.\n"
        "- https://bare.example\n- [![badge](https://i.svg)](https://ci)\n"
        "- **[Bold](https://b)** - Yes.\n"
    )
    assert [role for _, role in _roles(text)] == [
        "other",
        "entry",
        "other",
        "other",
        "other",
        "entry",
    ]


def test_blocks_links_and_commonmark() -> None:
    text = "- - [a](https://a) ![i](https://i) [b](https://b)\n- x\n-\n\nPara\n\n-\ntext\n"
    doc = parse(text)
    outer, inner, plain, empty, lazy = items(doc)
    assert outer.block is None and outer.links == ()  # the line's text is the inner item's
    assert inner.block is not None
    assert [doc.links[li].url for li in inner.links] == ["https://a", "https://i", "https://b"]
    seen = seen_by_commonmark(doc)
    assert [it.item.index in seen for it in (outer, inner, plain, empty, lazy)] == [
        False,  # nothing of its own before its sub-item
        True,
        True,
        False,  # an empty bullet
        False,  # empty to CommonMark: "text" is a paragraph after it (mistune reads it in)
    ]


def test_a_glued_bullet_ends_the_description_above_it() -> None:
    text = (
        "## Tools\n\n"
        "- [A](https://a.example)\n"
        "-[B](https://b.example) - Glued on lazily.\n"
        "- [C](https://c.example) - Its own\n"
        "description on two lines.\n"
        "*[D](https://d.example) - Glued with another bullet.\n"
        "- [E](https://e.example)\n"
        "-1 is prose: E's description.\n"
    )
    doc = parse(text)
    shapes = {e.name: (e.separator, doc.text[e.gap_end : e.end].strip()) for e in entries(doc)}
    assert shapes == {
        "A": ("none", ""),
        "C": ("ok", "Its own\ndescription on two lines."),
        "E": ("missing", "-1 is prose: E's description."),
    }


def test_audit_keys() -> None:
    text = "- see https://a.example/x.\n- [rel](docs/x.md)\n- plain\n-\n"
    assert [key for _, key in audit_keys(parse(text))] == ["https://a.example/x", "docs/x.md", ""]


def test_the_model_is_computed_once_per_document() -> None:
    doc = parse(NESTED)
    assert items(doc) is items(doc)
    assert entries(doc) is entries(doc)


_CORPUS_WITH_CONTENTS = [
    "awesome.md",
    "awesome-go.md",
    "awesome-nodejs.md",
    "awesome-machine-learning.md",
]


@pytest.mark.parametrize("name", _CORPUS_WITH_CONTENTS)
def test_sections_nested_under_contents_keep_their_entries(corpus: Path, name: str) -> None:
    """A real list with its sections made sub-sections of its Contents heading (the
    headings after it one level down) has the same entries."""
    path = corpus / name
    if not path.exists():
        pytest.skip(f"{name} not in corpus")
    text = path.read_text(encoding="utf-8")
    contents = re.search(r"^## (?:Table of )?Contents\s*$", text, re.M)
    assert contents is not None
    head, tail = text[: contents.end()], text[contents.end() :]
    nested = head + re.sub(r"^(#{2,5}) ", r"#\1 ", tail, flags=re.M)
    before = [(e.item.line, e.name, e.separator) for e in entries(parse(text))]
    after = [(e.item.line, e.name, e.separator) for e in entries(parse(nested))]
    assert len(before) > 500
    assert after == before


_LINE_PIECES = ["-", "*", "+", "1.", "12)", " ", "\t", ">", "[a](b)", "x", "**", "\n", "\n",
                "\r\n", "\ufeff"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=20).map("".join))
def test_candidate_lines_one_scan_equals_a_match_per_line(text: str) -> None:
    # the one-scan shortcut of an LF text answers what a match at every line start does
    doc = parse(text)
    per_line = {n for n, at in enumerate(doc.line_starts, 1) if cm_items._MAYBE.match(text, at)}
    assert cm_items._candidate_lines(doc) == per_line


# what glued_bullet asks about: a `*` run glued to what follows (a line that _MAYBE
# takes). No backslash: an escaped closer, `*\\*`, fools the shortcut, which glued_bullet
# has always used so - a known gap, left as it is (output must not change in this round)
_EMPHASIS_PIECES = ["*", "**", "_", "[a](b)", "x", " ", "`", "<", ">", "(", ")", "."]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["*", "**", "***"]),
    st.sampled_from(["[a](b)", "x", "_", "`", "<", "("]),
    st.lists(st.sampled_from(_EMPHASIS_PIECES), max_size=8).map("".join),
)
def test_closed_at_end_is_emphasis_to_mistune(opening: str, glued: str, rest: str) -> None:
    # glued_bullet returns at once for a `*` line that _closed_at_end takes (and
    # _emphasis_first answers without the parser): the parser must say emphasis too
    from awesomelint.markdown.build import plain_inline

    text = opening + glued + rest
    if cm_items._closed_at_end(text):
        tokens, _ = plain_inline().parse(text)
        children = tokens[0].get("children", []) if tokens else []
        assert children and children[0]["type"] in ("emphasis", "strong")


def test_entry_gap_and_decorations_as_the_general_scan_finds_them() -> None:
    # _shape takes " - " right after the name link without _skip_decorations and _GAP:
    # the gap and the separator are what those find
    from awesomelint.entries.shape import _GAP, _skip_decorations

    fixtures = Path(__file__).parent.parent.joinpath("fixtures")
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*/*.md"))]
    texts.append(
        "## S\n\n- [a](https://a) - A.\n- [b](https://b) -  B.\n- [c](https://c) -- C.\n"
        "- [d](https://d) - - D.\n- [e](https://e) -\n  E.\n- [f](https://f) - \n"
        "- [g](https://g) - [![x](https://x.svg)](https://x) G.\n- [h](https://h) - 🎉 H.\n"
        "- **[i](https://i)** - I.\n- [j](https://j) -\tJ.\n- [k](https://k) - (beta)\n"
    )
    checked = 0
    for text in texts:
        doc = parse(text)
        for e in entries(doc):
            links = doc.links_between(e.block.start, e.block.end)
            by_start = {lk.start: lk for lk in links if lk is not e.link}
            pos = e.link.end
            lead = text[e.block.start : e.link.start]
            if lead and text.startswith(lead[::-1], pos):
                pos += len(lead)
            assert _skip_decorations(doc, pos, e.block.end, by_start) == e.gap_start
            line_end = doc.line_ends[doc.line_of(e.gap_start) - 1]
            m = _GAP.match(text, e.gap_start, min(line_end, e.block.end))
            assert m is not None and m.end() == e.gap_end
            checked += 1
    assert checked > 100
