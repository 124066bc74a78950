"""Unit tests of the awesome-list helpers (rules/_awesome.py) and rules A004-A008, A013."""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.document import Document, Link
from awesomelint.engine import lint
from awesomelint.entries.shape import entries
from awesomelint.fixer import fix_document
from awesomelint.markdown import parse
from awesomelint.registry import Settings
from awesomelint.rules import list_order, spell_check
from awesomelint.rules._awesome import _ESCAPE, INLINE_REGIONS, _bare_end, link_text_end, prose
from awesomelint.rules._base import Context
from awesomelint.rules._spelling import ENGLISH_WORDS, SPELLING


def _entries(text: str) -> list[tuple[str, str, str, str]]:
    doc = parse(text)
    return [
        (e.name, e.separator, text[e.gap_start : e.gap_end], text[e.gap_end : e.end])
        for e in entries(doc)
    ]


def test_entries_start_after_contents_section() -> None:
    text = (
        "# T\n\n- [a](https://a)\n\n## Table of Contents\n\n### Nested\n\n- [b](#b)\n\n"
        "## B\n\n- [c](https://c) - C.\n"
    )
    assert [name for name, *_ in _entries(text)] == ["c"]


def test_entries_start_without_contents_is_first_h2() -> None:
    text = "# T\n\n- [a](https://a) - A.\n\n## First\n\n- [b](https://b) - B.\n"
    assert [name for name, *_ in _entries(text)] == ["b"]


def test_entries_start_without_headings_is_everything() -> None:
    assert [name for name, *_ in _entries("- [a](https://a) - A.\n")] == ["a"]


def test_resource_links_under_contents_are_entries() -> None:
    # the table of contents is the list of in-page links, not the section
    text = "# T\n\n## Contents\n\n- [a](https://a) - A.\n"
    assert _entries(text) == [("a", "ok", " - ", "A.")]


def test_entry_parts() -> None:
    text = (
        "## S\n\n"
        "- **[Bold](https://b)** - Desc.\n"
        "- [o/r](https://g/o/r) [[crate](https://c/r)] - Rust style.\n"
        "- [Badge](https://b) [![b](https://i.svg)](https://ci) – Dash.\n"
        "- [None](https://n)\n"
        "- [Tag](https://t) **[Deprecated]**\n"
        "- [Miss](https://m) Missing.\n"
        "- [Anchor](#anchor)\n"
        "- Text first [x](https://x) - no.\n"
    )
    assert _entries(text) == [
        ("Bold", "ok", " - ", "Desc."),
        ("o/r", "ok", " - ", "Rust style."),
        ("Badge", "malformed", " – ", "Dash."),
        ("None", "none", "", ""),
        ("Tag", "none", " ", "**[Deprecated]**"),
        ("Miss", "missing", " ", "Missing."),
    ]


def test_prose_blanks_code_urls_and_link_syntax() -> None:
    text = "A `code` [text](https://u) <b>x</b> https://bare.org/a_(b) \\( end\n"
    (_block, lines), = list(prose(parse(text)))
    (_start, line), = lines
    assert len(line) == len(text) - 1
    assert line.split() == ["A", "text", "x", "end"]


def _prose_line_by_line(doc: Document, hide: Callable[[Link], bool] | None) -> list[object]:
    """What prose() gives, computed the plain way: each line blanked on its own, with only
    the masks of its block (prose() blanks the whole text in one pass)."""
    text, out = doc.text, []
    for block in doc.blocks:
        masks = [(r.start, r.end) for r in doc.regions if r.kind in INLINE_REGIONS]
        masks = [(a, b) for a, b in masks if block.start <= a < block.end]
        for link in doc.links_between(block.start, block.end):
            if link.image or link.text is None or link.text_start is None or (hide and hide(link)):
                end = _bare_end(text, link.start, link.end) if link.kind == "bare" else link.end
                masks.append((link.start, end))
            else:
                masks += [(link.start, link.text_start), (link_text_end(doc, link), link.end)]
        lines = []
        for line in block.lines:
            end = doc.line_ends[line.line - 1]
            escapes = [(m.start(), m.end()) for m in _ESCAPE.finditer(text, line.start, end)]
            chars = list(text[line.start : end])
            for a, b in masks + escapes:
                for k in range(max(a, line.start), min(b, end)):
                    chars[k - line.start] = " "
            lines.append((line.start, "".join(chars)))
        out.append((block, lines))
    return out


_PROSE_CASES = [
    "A `code` [text](https://u) <b>x</b> https://bare.org/a_(b) \\( end\n",
    "# Title `x`\n\n- [A](https://a) - `multi\n  line` code [b][r] ![i](x.png) \\*\n"
    "- Text <span\n  class=x>span</span> (see https://x.org/a)\n\n[r]: https://r\n",
    "> quoted [a](https://github.com/o/a_b) \\` \\\\ and `` ` ``\n> more [c](u)\n\n"
    "Para [repo_name](https://x/repo_name) and [owner/repo](https://x/o/r) end.\r\n"
    "    code [not](a link)\n\n1. item [x](y) **[z](w)** <https://auto.link>\n",
]


@pytest.mark.parametrize("text", _PROSE_CASES)
@pytest.mark.parametrize("hide", [None, spell_check._repository_name])
def test_prose_is_each_line_blanked_with_its_own_blocks_masks(
    text: str, hide: Callable[[Link], bool] | None
) -> None:
    doc = parse(text)
    assert prose(doc, hide) == _prose_line_by_line(doc, hide)
    doc = parse(text)  # (either order of the memoised base and the hidden lines)
    assert prose(doc) == _prose_line_by_line(doc, None)
    assert prose(doc, hide) == _prose_line_by_line(doc, hide)


def test_prose_is_each_line_blanked_on_the_fixtures() -> None:
    for path in sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*/*.md")):
        doc = parse(path.read_text(encoding="utf-8"))
        for hide in (None, spell_check._repository_name):
            assert prose(doc, hide) == _prose_line_by_line(doc, hide), path


def test_spelling_list_is_large_and_lowercase() -> None:
    assert len(SPELLING) >= 200
    assert all(key == key.lower() and value for key, value in SPELLING.items())
    assert not ENGLISH_WORDS & set(SPELLING)


def test_spell_check_net_needs_its_dot() -> None:
    doc = parse("Agroforestry Net and the .net SDK and ASP.net.\n")
    ctx = Context(doc)
    found = [doc.text[p.start : p.end] for p in spell_check.check(ctx)]
    assert found == [".net", "ASP.net"]


def test_sort_key() -> None:
    assert list_order.sort_key("The Django") == "django"
    assert list_order.sort_key("🚀 Aiohttp") == "aiohttp"
    assert list_order.sort_key("A Tour", articles=True) == "a tour"
    assert list_order.sort_key("An") == "an"


def test_list_order_fix_at_end_of_file_without_newline() -> None:
    text = "- [b](https://b) - B.\n- [a](https://a) - A."
    settings_ = Settings((list_order.RULE,))
    result = fix_document(parse(text), lambda d: lint(d, settings_), unsafe=True)
    assert result.text == "- [a](https://a) - A.\n- [b](https://b) - B."


_names = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=8).map(
    lambda s: s.strip() or "x"
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_names, min_size=2, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_list_order_fix_sorts_and_keeps_every_line(names: list[str], eol: str) -> None:
    lines = [f"- [{n}](https://example.com/{i}) - Entry {i}." for i, n in enumerate(names)]
    text = eol.join(lines) + eol
    settings_ = Settings((list_order.RULE,))
    result = fix_document(parse(text), lambda d: lint(d, settings_), unsafe=True)
    fixed = result.text.split(eol)
    assert sorted(fixed) == sorted(text.split(eol))
    keys = [list_order.sort_key(line[3 : line.index("]")]) for line in fixed if line]
    assert keys == sorted(keys) or not lint(parse(result.text), settings_)


def _spell_check_docs() -> list[Document]:
    fixtures = Path(__file__).parent.parent.joinpath("fixtures")
    texts = [
        *_PROSE_CASES,
        *(p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*/*.md"))),
    ]
    texts.append(
        "Go and go, GO: [Go](https://go.dev) - Redis for Docker compose, docker Compose.\n"
        "[github](https://x/github) Github .NET [Visual Studio](https://vs) Code x.Go\n\n"
        "Code Igniter, code and igniter; web  Sockets, web socket-based, Zero MQ, zero.\n"
        "A web soc\u212aet and open street\tmap, open street, Open Street-Map.\n"
    )
    return [parse(text) for text in texts]


def test_spell_check_hides_repository_names_as_prose_does() -> None:
    # spell-check blanks the links that name a repository only in the lines it reads:
    # the same lines, and the same words in them, as prose(doc, hide) gives
    from awesomelint.rules._names import starting_words

    for doc in _spell_check_docs():
        hidden = prose(doc, spell_check._repository_name)
        for (block, lines), (_, want) in zip(prose(doc), hidden, strict=True):
            spans = spell_check._hidden_spans(doc, block)
            shown_lines = spell_check.hide_repositories(doc, lines, spans)
            for (_, line), (_, right), shown in zip(lines, want, shown_lines, strict=True):
                assert shown == right
                words = starting_words([line], True)[0]
                assert (
                    spell_check._shown_words(line, shown, words) == starting_words([shown], True)[0]
                )


def test_misspelt_starting_words_find_the_same_misspelt_names() -> None:
    # starting_words(..., misspelt=True) leaves out one-word names written right ("Go"):
    # candidates() then finds every name not written its official way that it found before
    from awesomelint.rules._names import candidates, spellings, starting_words

    official = spellings()

    def misspelt(line: str, words: list[str]) -> list[tuple[int, int]]:
        return [
            (a, b)
            for a, b in candidates(line, words)
            if line[a:b] != official[" ".join(line[a:b].lower().split())]
        ]

    for doc in _spell_check_docs():
        lines = [line for _, block_lines in prose(doc) for _, line in block_lines]
        for line, every, some in zip(
            lines, starting_words(lines), starting_words(lines, True), strict=True
        ):
            assert misspelt(line, some) == misspelt(line, every), line
