"""The whitespace rules' shared helpers, and properties of the W001-W004 fixes.

The fixes of the whitespace rules must never change what a CommonMark renderer makes of
the file (up to how much whitespace separates two words): checked against markdown-it-py
on generated Markdown-ish text.
"""

from __future__ import annotations

import re

import mistune
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import awesomelint
from awesomelint.commonmark.lines import is_blank_span as is_blank
from awesomelint.document import Region
from awesomelint.markdown import parse
from awesomelint.rules._lines import RegionCursor, describe

WHITESPACE_RULES = ["W"]
MY_RULES = ["W", "heading-increment", "heading-trailing-punctuation", "heading-missing-space"]

_FRAGMENTS = [
    "a", "b", "딥러닝", " ", "  ", "   ", "\t", "\t\t", "- ", "* ", "1. ", "> ", ">", "#",
    "## ", "###", "```", "~~~", "    ", "`", "<div>", "</div>", "<pre>", "\n", "\n", "\n",
    "\r\n", "[x](http://e.com)", "---", "===", ":", ".", "!", "&amp;", "\\",
]
markdown_ish = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)

_COMMONMARK = MarkdownIt("commonmark")
_MISTUNE = mistune.create_markdown(escape=False, plugins=["url"])  # as awesomelint parses
_ANY_SPACE = re.compile(r"\s+")
_CODE = re.compile(r"(<pre><code[^>]*>.*?</code></pre>)", re.DOTALL)
_SPACES = re.compile(r"[ \t]+")
_BACKSLASH_BREAK = re.compile(r"\\[ \t]{3,}\r?\n")
_EMPTY_ITEM_GAP = re.compile(
    r"(?m)^[ \t>]*(?:[-+*]|[0-9]+[.)])[ \t]*\r?\n(?:[ \t>]*\r?\n){2}"
)
_LINE_END = re.compile(r" ?\n ?")


def _rendered(text: str) -> str:
    """HTML, whitespace normalised outside code blocks (where it must be kept exactly)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):  # W003 adds it; renderers differ on an unended last line
        text += "\n"
    html = _COMMONMARK.render(text)
    parts = _CODE.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = _LINE_END.sub("\n", _SPACES.sub(" ", parts[i])).replace(" <br />", "<br />")
    return "".join(parts).strip()


def test_region_cursor_walks_a_union_of_regions() -> None:
    regions = [
        Region("fenced_code", 0, 10),
        Region("codespan", 2, 4),  # nested: must not shorten the reach of the outer one
        Region("html", 20, 25),
        Region("codespan", 25, 27),  # adjacent
    ]
    cursor = RegionCursor(regions)
    inside = [o for o in range(30) if cursor.inside(o)]
    assert inside == [*range(10), *range(20, 27)]


def test_region_cursor_of_kinds_filters() -> None:
    doc = parse("`a`\n\n```\ncode\n```\n")
    code_only = RegionCursor.of_kinds(doc, frozenset({"fenced_code"}))
    assert not code_only.inside(1)
    assert code_only.inside(doc.text.index("code"))


def test_describe_and_is_blank() -> None:
    assert describe(" ") == "1 space"
    assert describe("   ") == "3 spaces"
    assert describe("\t") == "1 tab"
    assert describe("  \t \t") == "3 spaces and 2 tabs"
    assert is_blank("a  \t b", 1, 5)
    assert is_blank("ab", 1, 1)
    assert not is_blank(" x ", 0, 3)


def test_w002_and_w003_share_trailing_blank_lines() -> None:
    text = "# T\n\ntext\n\n  \n\n\t\n"
    found = {f.code for f in awesomelint.check(text, config={"select": ["W"]})}
    assert "W003" in found and "W002" not in found
    assert awesomelint.fix(text, config={"select": ["W"]}) == "# T\n\ntext\n"


def test_crlf_is_kept_by_every_whitespace_fix() -> None:
    text = "# T \r\n\r\n\r\n\r\ntext\there  \r\nmore\r\n\r\n\r\n"
    fixed = awesomelint.fix(text, config={"select": ["W"]})
    assert fixed == "# T\r\n\r\ntext here  \r\nmore\r\n"
    missing = awesomelint.fix("a\r\nb", config={"select": ["W"]})
    assert missing == "a\r\nb\r\n"


@pytest.mark.parametrize(
    "text",
    ["", "\n", "a", "a  ", "\n\n\n", "  \n  ", "a\n\n\n", "```\n\n\n", "\ufeff", "\ufeff\n\n"],
)
def test_edge_files_converge(text: str) -> None:
    fixed = awesomelint.fix(text, config={"select": WHITESPACE_RULES})
    assert awesomelint.fix(fixed, config={"select": WHITESPACE_RULES}) == fixed


def _assume_renderers_agree(text: str) -> None:
    # markdown-it-py drops the hard break of `\\␠␠⏎` (a backslash, then two spaces);
    # CommonMark and mistune keep it, so W001's "shorten to two spaces" is right there
    assume(_BACKSLASH_BREAK.search(text) is None)
    # it also ends a list at an empty item followed by two blank lines, a rule CommonMark
    # dropped (mistune and commonmark.js keep one list), so W002's fix differs there
    assume(_EMPTY_ITEM_GAP.search(text) is None)
    # a fence left open inside a list item: mistune ends the code at the next blank
    # line, CommonMark at the end of the item, so the two disagree on what is code
    assume(_fences_closed(text))
    # mistune, which awesomelint's Document is built from, reads some tab-indented list
    # lines differently from CommonMark (`- - \ta` is code there), and its GFM bare URLs
    # swallow backticks (`http://e.com`x``): skip where the two disagree
    assume(_squeezed(_MISTUNE(text)) == _squeezed(_COMMONMARK.render(text)))


def _squeezed(html: object) -> str:
    return _ANY_SPACE.sub("", str(html)).replace("<p>", "").replace("</p>", "")


def _fences_closed(text: str) -> bool:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for tok in _COMMONMARK.parse(text):
        if tok.type == "html_block" and tok.content.lstrip().startswith("<pre") and (
            "</pre>" not in tok.content
        ):
            return False  # same for a <pre> left open
        if tok.type == "fence" and tok.map:
            last = lines[tok.map[1] - 1].lstrip(" \t>").rstrip(" \t")
            if tok.map[1] - tok.map[0] < 2 or not (
                last.startswith(tok.markup) and not last.strip(tok.markup[0])
            ):
                return False
    return True


def _assert_fix_keeps_rendering(text: str) -> None:
    fixed = awesomelint.fix(text, config={"select": WHITESPACE_RULES})
    assert _rendered(fixed) == _rendered(text)
    left = awesomelint.check(fixed, config={"select": WHITESPACE_RULES})
    assert not [f for f in left if f.fix], left


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_ish)
def test_whitespace_fixes_keep_the_rendering(body: str) -> None:
    # a closing paragraph: what comes before it is the middle of a file, whatever it is
    text = body + "\n\nend\n"
    _assume_renderers_agree(text)
    _assert_fix_keeps_rendering(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_ish.filter(lambda t: "```" not in t and "~~~" not in t))
def test_whitespace_fixes_keep_the_rendering_at_the_end(text: str) -> None:
    # at the end of a file a fence left open makes trailing blank lines code, and W003's
    # added line break then changes it: final-newline fixtures cover those cases
    _assume_renderers_agree(text)
    _assert_fix_keeps_rendering(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_ish)
def test_my_rules_converge_and_stay_in_bounds(text: str) -> None:
    findings = awesomelint.check(text, config={"select": MY_RULES})
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
    fixed = awesomelint.fix(text, config={"select": MY_RULES})
    assert awesomelint.fix(fixed, config={"select": MY_RULES}) == fixed
