"""The Document of an edited text from the old one (markdown/splice.py, ``reparse``):
equal to a whole parse of the new text, field by field, whenever it is made, and made
for the fixer's usual edits (a few lines of a long list), parsing only their sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.document import Document
from awesomelint.fixer.edits import apply_edits
from awesomelint.markdown import parse, reparse
from awesomelint.markdown.build import build_document
from awesomelint.markdown.splice import spliced
from awesomelint.model import Edit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "awesome-example.md").read_text(encoding="utf-8")
FIELDS = (
    "text", "line_starts", "line_ends", "headings", "items", "links", "blocks",
    "definitions", "regions", "_region_starts", "_link_starts",
)  # fmt: skip


def same(a: Document, b: Document) -> None:
    for name in FIELDS:
        assert getattr(a, name) == getattr(b, name), name


class Parses:
    """A parse that records what it was given."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str) -> Document:
        self.texts.append(text)
        return build_document(text)


def splice_of(text: str, edits: list[Edit]) -> tuple[Document | None, Document, Parses]:
    """The spliced Document (or None), the whole parse of the new text, the parses made."""
    new = apply_edits(text, edits)
    parses = Parses()
    got = spliced(build_document(text), new, edits, parses)
    return got, build_document(new), parses


def parsed_for(text: str, edits: list[Edit]) -> list[str]:
    """The texts parsed to splice ``edits`` into ``text``'s Document, which must be made
    and equal the whole parse."""
    got, want, parses = splice_of(text, edits)
    assert got is not None
    same(got, want)
    return parses.texts


# -- the usual case: a few lines of a long list ---------------------------------------------


def test_a_trailing_space_removed_parses_its_section_only() -> None:
    line = next(ln for ln in EXAMPLE.splitlines(keepends=True) if ln.startswith("- ["))
    text = EXAMPLE.replace(line, line[:-1] + "  \n", 1)
    at = text.index(line[:-1] + "  \n") + len(line) - 1
    got, want, parses = splice_of(text, [Edit(at, at + 2, "")])
    assert got is not None
    same(got, want)
    assert len(parses.texts) == 1
    assert len(parses.texts[0]) < len(text) / 3  # its section, not the list


def test_edits_in_two_sections_parse_two_stretches() -> None:
    text = "# T\n\nIntro.\n\n## A\n\n- [a](https://a.example) - A. \n\n## B\n\n- [b](https://b.example) - B.\n\n## C\n\n- [c](https://c.example) - C. \n"  # noqa: E501
    first = text.index(". \n") + 1
    last = text.rindex(". \n") + 1
    got, want, parses = splice_of(text, [Edit(first, first + 1, ""), Edit(last, last + 1, "")])
    assert got is not None
    same(got, want)
    assert [p.split("\n", 1)[0] for p in parses.texts] == ["## A", "## C"]


def test_lines_and_indices_after_a_removed_line_move() -> None:
    text = "# T\n\n## A\n\n- [a](https://a.example) - A.\n\n\n\n## B\n\n- [b](https://b.example) - B.\n  - [c](https://c.example) - C.\n"  # noqa: E501
    at = text.index("\n\n\n\n") + 2
    got, want, _ = splice_of(text, [Edit(at, at + 2, "")])
    assert got is not None
    same(got, want)
    assert got.items[-1].line == 10 and got.items[-1].parent == 1
    assert got.links[-1].start == got.text.index("[c]")


def test_crlf_and_bom_keep_their_offsets() -> None:
    text = "\ufeff# T\r\n\r\n## A\r\n\r\n- [a](https://a.example) - A. \r\n\r\n## B\r\n\r\n- [b](https://b.example)\r\n"
    at = text.index(". \r\n") + 1
    parsed_for(text, [Edit(at, at + 1, "")])


# -- where a section's parse would not be the whole parse's: a whole parse --------------------


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # mistune 3.4 takes the lines after a block quote into it, headings and all, up
        # to a blank line: the heading that closed the section no longer does
        ("# T\n\n## A\n\n> q\n\n## B\n\n\tfoo\n- [b](https://b.example)\n", "> q\n\n", "> q\n"),
        # a fence opened in one section runs to the end
        ("# T\n\n## A\n\ntext\n\n## B\n\n- [b](https://b.example)\n", "text\n", "```\ntext\n"),
        # an HTML block runs on over a heading with no blank line before it
        ("# T\n\n## A\n\ntext\n\n## B\n\n- [b](https://b.example)\n", "text\n\n", "<div>\n"),
        # a definition acts on the whole document
        ("# T\n\n## A\n\ntext\n\n## B\n\n[b][r]\n", "text\n", "[r]: https://r.example\n"),
        # the line break before a heading removed: no heading there any more
        ("# T\n\n## A\n\ntext\n\n## B\n\nb\n", "text\n\n", "text "),
    ],
)
def test_a_section_that_no_longer_ends_at_its_heading_is_parsed_whole(
    text: str, old: str, new: str
) -> None:
    at = text.index(old)
    got, want, _ = splice_of(text, [Edit(at, at + len(old), new)])
    assert got is None
    edits = [Edit(at, at + len(old), new)]
    same(reparse(parse(text), apply_edits(text, edits), edits), want)


def test_an_edited_heading_is_no_cut() -> None:
    text = "# T\n\n## A\n\na\n\n## B \n\nb\n\n## C\n\nc\n"
    at = text.index("B ") + 1
    assert parsed_for(text, [Edit(at, at + 1, "")]) == ["## A\n\na\n\n## B\n\nb\n\n## C\n"]


def test_a_document_with_definitions_is_parsed_whole() -> None:
    text = "# T\n\n## A\n\n[a][r] \n\n## B\n\n[r]: https://r.example\n"
    at = text.index("] \n") + 1
    got, _, parses = splice_of(text, [Edit(at, at + 1, "")])
    assert got is None and not parses.texts


# -- generated documents and edits ------------------------------------------------------------

SHAPES = [
    "# Title\n", "## Section\n", "\n## Section\n", "\n### Sub\n", "\n# T\n",
    "- [a](https://a.example) - A thing.\n- [b](https://b.example) - B.\n",
    "  - nested [c](https://c.example)\n", "1. one\n2. two\n", "```\n# not a heading\n```\n",
    "```\nunclosed\n", "<div>\n# in html\n</div>\n", "<details>\n", "> quote\n> # q\n",
    "Text with `code` and <b>html</b>\nlazy line\n", "\n", "\n\n", "Setext\n===\n",
    "    indented code\n", "- item\n# heading after an item\n", "* star\n\n  continued\n",
    "[ref]: https://ref.example\n", "[use][ref]\n", "\t- tab item\n", "- a\n\n\n- b\n",
    "<!-- comment\n# x\n-->\n", "Text ![img](i.png) [x](<y z>) https://bare.example/x_(y)\n",
    "***\n", "---\n", "#no space\n", "## Closed ##\n", "\\# escaped\n",
]  # fmt: skip
BITS = [
    "", "\n", "# x\n", "```\n", "- a\n", "<div>\n", "  ", "x", "\n\n", "[a]: https://x.example\n",
    "    code\n", "> q\n", "===\n", "*", "`", "](https://y.example)", "[", "1. ", "\t", "#",
    "</div>\n", "-->", "     \n",
]  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> str:
    text = "".join(draw(st.lists(st.sampled_from(SHAPES), min_size=2, max_size=20)))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n") if draw(st.booleans()) else "\ufeff" + text
    return text


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(documents())
    edits: list[Edit] = []
    for at in sorted(draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=4))):
        if edits and (at < edits[-1].end or at == edits[-1].start == edits[-1].end):
            continue
        end = min(len(text), at + draw(st.sampled_from([0, 0, 1, 2, 5])))
        content = draw(st.sampled_from(BITS))
        if at < end or content:
            edits.append(Edit(at, end, content))
    return text, edits


@settings(max_examples=400, deadline=None)
@given(edited())
def test_a_spliced_document_is_the_whole_parse(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    got, want, _ = splice_of(text, edits)
    if got is not None:
        same(got, want)
    same(reparse(build_document(text), apply_edits(text, edits), edits), want)


def test_the_corpus_lists_with_line_edits(corpus: Path) -> None:
    """Every 97th line of each real list edited as the fixes edit lines: a trailing space
    removed or added, a blank line removed, a line indented."""
    spliced_count = 0
    for path in sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        doc = parse(text)
        starts, ends = doc.line_starts, doc.line_ends
        for k, line in enumerate(range(3, len(starts), 97)):
            a, b = starts[line], ends[line]
            edit = [Edit(b, b, "  "), Edit(a, a, "  "), Edit(b, min(b + 1, len(text)), "")][k % 3]
            got, want, _ = splice_of(text, [edit])
            if got is not None:
                spliced_count += 1
                same(got, want)
    assert spliced_count > 100


def test_fix_parses_the_whole_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``fix`` of a list with a few trailing spaces: the original is parsed whole, the
    fixed text only in the sections that changed (the issue's "one parse per file per
    pass, then only of the lines it changes")."""
    import awesomelint
    import awesomelint.markdown as markdown

    sections = [
        f"## Section {s}\n\n"
        + "".join(f"- [Tool {s}-{k}](https://example.com/{s}/{k}) - Does {k}.\n" for k in range(10))
        for s in range(10)
    ]
    clean = "# Awesome Tools\n\n" + "\n".join(sections)
    assert awesomelint.check(clean) == []
    text = clean.replace("2/3) - Does 3.\n", "2/3) - Does 3.  \n").replace(
        "8/7) - Does 7.\n", "8/7) - Does 7. \n"
    )
    assert len(text) == len(clean) + 3
    sizes: list[int] = []
    real = markdown._parse

    def counting(t: str) -> Document:
        sizes.append(len(t))
        return real(t)

    monkeypatch.setattr(markdown, "_parse", counting)
    assert awesomelint.fix(text) == clean
    assert sum(1 for n in sizes if n > len(text) / 2) == 1  # the original only
    assert sum(n for n in sizes if n <= len(text) / 2) < len(text) / 3


def test_a_line_of_html_right_above_a_heading_keeps_it_a_cut() -> None:
    # lists often put an anchor right above each heading: no blank line before it
    text = (
        '# T\n\n<a name="a"></a>\n## A\n\na \n\n<a name="b"></a>\n## B\n\nb\n\n'
        '<a name="c"></a>\n## C\n\nc\n'
    )
    at = text.index("a \n") + 1
    assert parsed_for(text, [Edit(at, at + 1, "")]) == ['## A\n\na\n\n<a name="b"></a>\n## B\n']


def test_a_quote_above_a_heading_without_a_blank_line_is_no_cut() -> None:
    # mistune 3.4 reads "## B" into the quote (CommonMark: a heading after it)
    text = "# T\n\n## A\n\na \n\n> q\n## B\n\nb\n"
    at = text.index("a \n") + 1
    assert parsed_for(text, [Edit(at, at + 1, "")]) == ["## A\n\na\n\n> q\n## B\n\nb\n"]
