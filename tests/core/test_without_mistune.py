"""What awesomelint reads without importing mistune gives exactly what mistune gives.

Start-up is a tracked metric, and importing mistune is a fifth of it: a text made only of
ATX headings, plain paragraphs and bullet lists of entries is parsed by the
whole-document fast path (awesomelint/markdown/fastdoc.py), a plain heading's rendered
text is the heading itself (markdown/slug.py), and markdown/_fast.py keeps its own
copies of two mistune constants. Each is compared here with mistune; which texts take
the fast path is checked too, so that no comparison passes because it declined.
"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import mistune.core
import mistune.plugins.url
import pytest

from awesomelint.markdown import _fast
from awesomelint.markdown.build import build_document, plain_inline
from awesomelint.markdown.fastdoc import fast_document
from awesomelint.markdown.slug import _collect, rendered_text


def assert_same(text: str) -> bool:
    """Whether the fast path took ``text``; if it did, its Document is mistune's."""
    fast = fast_document(text)
    if fast is None:
        return False
    slow = build_document(text, fast=False)
    assert fast == slow, f"differs for {text!r}"
    assert fast._link_starts == slow._link_starts and fast._region_starts == slow._region_starts
    return True


def test_the_copied_constants_are_mistunes() -> None:
    assert _fast.URL_LINK_PATTERN == mistune.plugins.url.URL_LINK_PATTERN
    assert _fast._MAX_LEVELS == mistune.core.DEFAULT_MAX_NESTED_LEVEL


TAKEN = {
    "the three-line list": "# A\n\n- [x](https://example.com) - Y.\n",
    "empty": "",
    "blank lines": "\n  \n\n",
    "no final newline": "# T\n\n- [a](https://a) - A.",
    "headings of every level": "".join(f"{'#' * k} H{k}  \n" for k in range(1, 7)),
    "heading then list": "## Tools\n- [a](https://a) - A.\n- [b](https://b) - B.\n",
    "paragraphs": "Intro text, with [a link](https://x.y) and `code`.\nA second line.\n\nMore.\n",
    "paragraph then list": "Some text:\n- [a](https://a) - A.\n",
    "paragraph then heading": "Text\n# Heading\n",
    "badges": "[![CI](https://ci/x.svg)](https://ci/x) ![b](https://b/y.svg)\n",
    "nested lists": "- [a](https://a) - A.\n  - [b](https://b) - B.\n    - c\n- d\n",
    "lazy line": "- [a](https://a) - A\nlazy.\n",
    "a bare URL": "See https://example.com/x.\n",
    "unicode": "# Ünïcødé ✨\n\n- [名前](https://例え.jp) - 説明。\n",
    "digits that are no marker": "2024 was a year.\n1.5 million.\n",
    "bracket that defines nothing": "[not a definition] here\n",
    "a list after blank lines": "# T\n\n\n* [a](https://a) - A.\n\n\n+ [b](https://b) - B.\n",
}

DECLINED = {
    "tab": "- a\n\t- b\n",
    "CRLF": "# T\r\n",
    "BOM": "\ufeff# T\n",
    "HTML": "<p>x</p>\n",
    "escape": "a \\* b\n",
    "block quote": "> quote\n",
    "fence": "```\ncode\n```\n",
    "indented line": "text\n    more\n",
    "setext": "Title\n=====\n",
    "thematic break": "text\n\n---\n",
    "ordered list": "1. one\n2. two\n",
    "definition": "[a]: https://a\n",
    "closing hashes": "# Title #\n",
    "hashtag line": "#hashtag\n",
    "emphasis line": "*emphasis* first\n",
    "reference link": "[a][b]\n\n[b]: https://b\n",
    "title in a link": '[a](https://a "title")\n',
}


@pytest.mark.parametrize("text", list(TAKEN.values()), ids=list(TAKEN))
def test_texts_the_fast_path_takes(text: str) -> None:
    assert assert_same(text), "declined"


@pytest.mark.parametrize("text", list(DECLINED.values()), ids=list(DECLINED))
def test_texts_left_to_mistune(text: str) -> None:
    assert fast_document(text) is None
    assert build_document(text) == build_document(text, fast=False)


# lines the fast path takes, and lines at or past its edges
_PLAIN = [
    "# Title", "## Section [x](https://x.org)", "- [a](https://a.example) - A thing.",
    "- [b](https://b.example/p?q=1) - B `code`.", "  - [nested](https://n.example) - N.",
    "* [star](https://s) - S.", "+ plus", "Plain text.", "[x] text", "2024 text", "",
    "Text with https://bare.example/x and [l](https://l).", "![img](https://i/x.png)",
    "Text  ", "  ", "(paren)", "| a | b |", "[a](b) [c](d)", "[[nested](https://x)]",
    "`` code ``", "a [b] c", "é ✨ 中文", "- [a](https://a) - A", "lazy text",
]  # fmt: skip
_EDGES = [
    "### C# stuff", "#nospace", "####### seven", "   - three spaces", "    - four spaces",
    "-no space", "- ", "-", "--", "---", "***", "[x]: https://def", "1. ordered",
    "12) also", "> quote", "```", "Title", "=====", "_under_", "*em* x", "1.5 million",
    "- [a](https://a) - A\\", "- <b>x</b>", "- [a](<https://a>) - A.", "#", "# ", "#\tx",
]  # fmt: skip


def _generated(rnd: random.Random) -> str:
    lines = [
        rnd.choice(_EDGES if rnd.random() < 0.07 else _PLAIN) for _ in range(rnd.randint(1, 12))
    ]
    text = "\n".join(lines)
    return text if rnd.random() < 0.2 else text + "\n"


def test_generated_documents() -> None:
    rnd = random.Random(14)
    taken = sum(assert_same(_generated(rnd)) for _ in range(3000))
    assert taken > 1000, taken  # the comparison really ran on the fast path


def test_corpus_windows(corpus: Path) -> None:
    taken = 0
    for path in sorted(corpus.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for at in range(0, len(lines), 24):
            taken += assert_same("".join(lines[at : at + 12]))
    assert taken > 100, taken


def test_a_plain_list_is_checked_without_mistune() -> None:
    code = textwrap.dedent(
        """
        import sys
        import awesomelint
        text = "# A\\n\\n## Contents\\n\\n- [B](#b)\\n\\n## B\\n\\n- [x](https://x.org) - Y.\\n"
        awesomelint.check(text)
        print("mistune" in sys.modules)
        awesomelint.check(text + "\\n> a quote\\n")
        print("mistune" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


_HEADINGS = [
    "Tools", "C++ and C", "Python 3.12 (new)", "a  b", "Ünïcødé ✨", "x#y", "100% sure",
    "Q&A", "a *b*", "a_b_c", "[x](y)", "`x`", "<b>x</b>", "~~x~~", "a\\b", "it's \"q\"",
    "&amp;", "line\nbreak", "a - b", "#1 spot", "http://x.y", "@user", "$ cmd", "a/b", "{x}",
]  # fmt: skip


@pytest.mark.parametrize("text", _HEADINGS)
def test_rendered_text_without_the_parser_is_the_parsers(text: str) -> None:
    out: list[str] = []
    _collect(plain_inline().inline(text, {"ref_links": {}}), out)
    assert rendered_text(text) == "".join(out)
