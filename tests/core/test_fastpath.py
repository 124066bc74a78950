"""The fast paths of awesomelint/markdown/_fast.py give exactly the Document mistune gives.

``build_document(text, fast=False)`` is the reference: mistune with the position hooks of
awesomelint/markdown/ and nothing else. Every check compares the two Documents whole (every
field, and the private offset indices), on

- the real lists of ../shared/corpus (skipped when absent): each file as LF, CRLF and
  with a BOM, windows of 40 lines, and every line alone and as a list item;
- hand-written cases at the edges of the subset the fast paths take, each also saying
  whether the fast path takes it, so that no comparison passes because it declined;
- generated documents: seeded random lists mixed with the CommonMark spec examples
  (thousands), and hypothesis strategies.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.document import Document
from awesomelint.markdown import _fast
from awesomelint.markdown._fast import inline_links, scan_list
from awesomelint.markdown.build import build_document
from awesomelint.markdown.fastdoc import fast_document

EXAMPLES = [
    e["markdown"]
    for e in json.loads(
        (Path(__file__).parents[1] / "data" / "commonmark.json").read_text(encoding="utf-8")
    )
]


def difference(text: str) -> str:
    """'' when the fast paths give mistune's Document for ``text``, else what differs."""
    fast, slow = build_document(text), build_document(text, fast=False)
    same_index = fast._region_starts == slow._region_starts
    if fast == slow and fast._link_starts == slow._link_starts and same_index:
        return ""
    for f in fields(Document):
        a, b = getattr(slow, f.name), getattr(fast, f.name)
        if a != b:
            if isinstance(a, tuple) and isinstance(b, tuple):
                for x, y in zip(a, b, strict=False):
                    if x != y:
                        return f"{f.name}: mistune {x!r}, fast {y!r} in {text!r}"
            return f"{f.name}: mistune {a!r}, fast {b!r} in {text!r}"
    return f"?? in {text!r}"  # pragma: no cover


def assert_same(text: str) -> None:
    diff = difference(text)
    assert not diff, diff


@contextmanager
def fast_use() -> Iterator[dict[str, int]]:
    """Count the lists and inline texts the fast paths took (and declined)."""
    counts = {"lists": 0, "lists_declined": 0, "inline": 0, "inline_declined": 0}
    real_scan, real_inline = _fast.scan_list, _fast.inline_links

    def scan(*args: object) -> object:
        found = real_scan(*args)  # type: ignore[arg-type]
        counts["lists" if found is not None else "lists_declined"] += 1
        return found

    def inline(*args: object) -> object:
        found = real_inline(*args)  # type: ignore[arg-type]
        counts["inline" if found is not None else "inline_declined"] += 1
        return found

    _fast.scan_list, _fast.inline_links = scan, inline  # type: ignore[assignment]
    try:
        yield counts
    finally:
        _fast.scan_list, _fast.inline_links = real_scan, real_inline


# -- the usual awesome list goes through the fast paths --------------------------------

LIST = """\
# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Things, curated.

## Contents

- [Tools](#tools)
  - [Editors](#editors)

## Tools

- [alpha](https://github.com/a/alpha) - A fast thing. Uses `alpha()` inside.
- [beta](https://example.org/beta) - Another thing, see https://beta.example/docs.
  - [beta-plugin](https://example.org/beta/plugin) - Its plugin.
    - [beta-plugin-x](https://example.org/x) - Deeper [![stars](https://img.example/s.svg)](https://example.org/x).
- [gamma](https://gitlab.com/g/gamma) - With a description
  that goes on, lazily.
- [[delta](https://crates.io/crates/delta)] - Bracketed.

**[⬆ back to top](#contents)**

## Editors
* [ed](https://ed.example) - The standard editor.
* [vi](https://vi.example) - Another.
## License
"""


def test_an_awesome_list_takes_the_fast_paths() -> None:
    with fast_use() as used:
        assert_same(LIST)
    assert used["lists"] == 3 and used["lists_declined"] == 0
    assert used["inline"] >= 10 and used["inline_declined"] == 0


@pytest.mark.parametrize(
    "text", ["## A\n     \n", "     \n## A\n", "# T\n\n      \n", "<b>\n\n## A\n     \n"]
)
def test_a_line_of_spaces_is_blank_not_code(text: str) -> None:
    # mistune makes a line of 5+ spaces at the start or end of a text an empty indented
    # code block; to CommonMark (and the fast paths) it is a blank line
    assert_same(text.replace("<b>", "x"))
    assert not [r for r in build_document(text, fast=False).regions if r.kind == "indent_code"]


@pytest.mark.parametrize(
    "text", ["x\n     \n", "x\n     \ny\n", "x\ny\n      \nz\n", "# H\nx\n     \n## K\n"]
)
def test_a_line_of_spaces_after_a_paragraph_is_read_as_mistune_reads_it(text: str) -> None:
    # mistune 3.4 reads a line of five or more spaces after paragraph text into the
    # paragraph (CommonMark: a blank line); the fast path leaves such a text to it
    assert_same(text)
    assert fast_document(text) is None
    assert fast_document(text.replace(" " * 6, " " * 4).replace(" " * 5, " " * 4)) is not None


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_other_line_breaks_and_a_bom(eol: str) -> None:
    text = LIST.replace("\n", eol)
    with fast_use() as used:
        assert_same(text)
        assert_same("\ufeff" + text)
        assert_same(text.rstrip(eol))
    assert used["lists"] == 9


# -- lists: the edges of what scan_list takes ------------------------------------------

TAKEN = {
    "one item": "- [a](https://a) - A.\n",
    "no final newline": "- [a](https://a)",
    "star and plus": "* a\n* b\n\n+ c\n+ d\n",
    "one-space nesting gives siblings": "- a\n - b\n- c\n",
    "creeping siblings": "- a\n - b\n  - c\n   - d\n",
    "two-space nesting": "- a\n  - b\n    - c\n  - d\n- e\n",
    "four-space nesting": "- a\n    - b\n        - c\n    - d\n",
    "three-space nesting": "- a\n   - b\n   - c\n",
    "five-space nesting": "- a\n     - b\n",
    "nested list of another bullet": "- a\n  * b\n  * c\n- d\n",
    "sibling within the widest indent": "- a\n  - b\n   - c\n",
    "heading right after": "- a\n- b\n## Next\n",
    "paragraph after a blank": "- a\n- b\n\nText after.\n",
    "html after a blank": "- a\n\n<div>\nx\n</div>\n",
    "fence after a blank": "- a\n\n```\n- not an item\n```\n",
    "thematic break after a blank": "- a\n\n---\n",
    "setext-looking line after a blank": "- a\n\n===\n",
    "definition after a blank": "- [a][r]\n\n[r]: https://r.example\n",
    "lazy continuation line": "- a\nlazy text\n- b\n",
    "indented continuation line": "- a\n  more text\n  - b\n    more b\n",
    "lazy line after a nested item": "- a\n  - b\nlazy\n- c\n",
    "continuation with links and code": "- a\n  [x](https://x) and `c`\n",
    "trailing whitespace": "- a  \n- b \n  - c   \n",
    "digits that are no marker": "- 3D things\n- 2019 review\n- 1.5x faster\n",
    "a bracket that is no definition": "- [a] b: c\n- [a](b): c\n",
    "unicode text": "- [이름](https://ko.example/경로) - 설명.\n- ‘quoted’ — dash\n",
    "ideographic space inside": "- a\u3000b\n",
    "twenty levels": "".join("  " * d + f"- d{d}\n" for d in range(20)),
    "deeper than mistune nests": "".join(
        "  " * d + f"- d{d} [l](https://x/{d})\n" for d in range(26)
    ),
    "back up from the depth limit": "".join("  " * d + f"- d{d}\n" for d in range(23))
    + "".join("  " * d + f"- u{d}\n" for d in range(22, -1, -1)),
    "at the end of a container-free document": "Para\n- a\n- b\n",
}

DECLINED = {
    "ordered list": "1. a\n2. b\n",
    "indented first item": " - a\n",
    "tab after the marker": "-\ta\n",
    "two spaces after the marker": "-  a\n",
    "empty item": "- a\n-\n- b\n",
    "loose list": "- a\n\n- b\n",
    "indented line after a blank": "- a\n\n  b\n",
    "quote after a blank": "- a\n\n> q\n",
    "quote right after": "- a\n> q\n",
    "six-space nesting (a continuation line)": "- a\n      - b\n",
    "bullet changes at the top": "- a\n* b\n",
    "bullet changes at a nested level": "- a\n  - b\n  * c\n",
    "nested marker on the same line": "- - a\n",
    "heading in an item": "- # h\n",
    "fence in an item": "- ```\n  x\n  ```\n",
    "quote in an item": "- > q\n",
    "html in an item": "- <div>x</div>\n",
    "thematic break in an item": "- ***\n",
    "ordered item in an item": "- 1. a\n",
    "definition in an item": "- [a]: https://a\n",
    "definition with a label over two lines": "- [a\n  - b]: https://a\n",
    "escaped bracket in a label": "- [a\\]b]: c\n",
    "continuation that is a setext underline": "- a\n  ===\n",
    "continuation that is a heading": "- a\n  # h\n",
    "continuation indented oddly": "- a\n   b\n",
    "tab in an item": "- a\tb\n",
    "tab in the indentation": "- a\n\t- b\n",
    "form feed": "- a\fb\n",
}


@pytest.mark.parametrize("text", list(TAKEN.values()), ids=list(TAKEN))
def test_lists_the_fast_path_takes(text: str) -> None:
    with fast_use() as used:
        assert_same(text)
        assert_same(text.replace("\n", "\r\n"))
        assert_same("Intro.\n\n" + text)
    assert used["lists"] >= 3, used


@pytest.mark.parametrize("text", list(DECLINED.values()), ids=list(DECLINED))
def test_lists_left_to_mistune(text: str) -> None:
    assert_same(text)
    assert_same(text.replace("\n", "\r\n"))
    assert_same("Intro.\n\n" + text)
    assert_same("# Title\n" + text + "\n## After\n- [x](https://x) - X.\n")


def test_declined_lists_are_declined() -> None:
    for name, text in DECLINED.items():
        if name == "ordered list":
            continue
        assert scan_list(text, 0, 0) is None or not text.startswith(("-", "*", "+")), name


# -- inline text: the edges of what inline_links takes --------------------------------

INLINE_TAKEN = [
    "[a](https://a) - A.",
    "text [a](https://a) and [b](https://b)",
    "[a](https://a)[b](https://b)(c)",
    "[](https://empty.text)",
    "![logo](https://i.example/l.png)",
    "[![badge](https://i.example/b.svg)](https://o.example) x",
    "![a [b](https://b) c](https://img)",
    "[[crate](https://crates.io/c)] - x",
    "[a [b](https://b) c](https://c)",
    "[a] b [c](https://c)",
    "a ] b [ c",
    "[a](https://x)]",
    "`code` and `[not](a link)` and ``a ` b``",
    "[a `]` b](https://x)",
    "`unclosed [a](https://a)",
    "see https://bare.example/path, and (https://paren.example/x).",
    "[see https://in.text](https://url)",
    "![alt https://kept.example](https://img)",
    "[a https://x.example] b",
    "https://swallows.example[a](b)",
    "https://q]x",
    "*[em](https://em)* and _[u](https://u)_ **b**",
    "[a\nb](https://x)\nhttps://next.line",
    "a &amp; b [x](https://x?a=1&b=2)",
    "[a](https://x)`",
    "x![y",
]
INLINE_DECLINED = [
    "[a](https://x \"title\")",
    "[a](<https://x>)",
    "[a](https://x(y))",
    "[a]( https://x)",
    "[a](b c)",
    "\\[a](https://x)",
    "<https://auto.example>",
    "a <b>html</b> [x](https://x)",
    "[a]()",
    "[a](https://x\u00a0y)",
]


@pytest.mark.parametrize("s", INLINE_TAKEN)
def test_inline_the_fast_path_takes(s: str) -> None:
    assert inline_links(s) is not None
    for text in (s, "- " + s, "# " + s, "> " + s, "- a\n  - " + s):
        assert_same(text)


@pytest.mark.parametrize("s", INLINE_DECLINED)
def test_inline_left_to_mistune(s: str) -> None:
    assert inline_links(s) is None
    for text in (s, "- " + s, "# " + s):
        assert_same(text)


def test_inline_with_references_defined() -> None:
    defs = "\n\n[ref]: https://r.example\n"
    assert inline_links("[ref] and [x](https://x)", refs=True) is None
    assert inline_links("[a](https://a) b", refs=True) is not None
    for s in ["[ref] [x](https://x)", "- [a](https://a) [ref]", "- [x][ref] y", "- [a](https://a)"]:
        assert_same(s + defs)


def test_inline_links_result() -> None:
    links, codes = inline_links("[a](https://u) `c` https://b.example") or ([], [])
    assert links == [(0, 14, 1, 2, 4, 13, False, -1), (19, 36, -1, -1, 19, 36, False, -1)]
    assert codes == [(15, 18)]


# -- the real lists --------------------------------------------------------------------


def corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(corpus.glob("*.md")):
        with path.open(encoding="utf-8", newline="") as fh:
            out.append((path.name, fh.read()))
    return out


def test_corpus_files(corpus: Path) -> None:
    with fast_use() as used:
        for name, text in corpus_texts(corpus):
            for variant in (text, text.replace("\n", "\r\n"), "\ufeff" + text):
                diff = difference(variant)
                assert not diff, f"{name}: {diff[:500]}"
    assert used["lists"] > 5 * used["lists_declined"], used
    assert used["inline"] > 10 * used["inline_declined"], used


def test_corpus_windows(corpus: Path) -> None:
    for name, text in corpus_texts(corpus):
        lines = text.splitlines(keepends=True)
        for at in range(0, len(lines), 20):
            diff = difference("".join(lines[at : at + 40]))
            assert not diff, f"{name} lines {at + 1}-{at + 40}: {diff[:500]}"


def test_corpus_lines(corpus: Path) -> None:
    """Every distinct line, alone (a paragraph), as a list item and as a nested item; in
    batches (one document of a hundred lines), the failing line found by halving."""
    seen: dict[str, str] = {}
    for name, text in corpus_texts(corpus):
        for n, line in enumerate(text.splitlines(), 1):
            seen.setdefault(line.strip(), f"{name}:{n}")
    bodies = [b for b in seen if b]
    shapes = ("{}\n\n", "- {}\n")
    for at in range(0, len(bodies), 100):
        for shape in shapes:
            batch = bodies[at : at + 100]
            if not difference("".join(shape.format(b) for b in batch)):
                continue
            while len(batch) > 1:  # halve to the line that differs
                half = batch[: len(batch) // 2]
                bad = difference("".join(shape.format(b) for b in half))
                batch = half if bad else batch[len(batch) // 2 :]
            diff = difference(shape.format(batch[0]))
            pytest.fail(f"{seen[batch[0]]}: {diff[:500] or shape.format(batch[0])!r}")


# -- generated documents ---------------------------------------------------------------

_TEXTS = [
    "[n](https://e.example/x) - Desc.", "word", "3D", "1. x", "[x]: y", "[x] y", "# h",
    "`c` [a](https://a)", "> q", "<b>x</b>", "-x", "* y", "é 한", "a  ", "\\x", "! x", "=",
    "[![b](https://i)](https://o) t", "[[c](https://c)] d", "see https://u.example/p.",
    "[open", "close]: https://u", "~~s~~", "a\tb", "[a](https://x \"t\")", "**b** _e_",
]  # fmt: skip
_GOOD_TEXTS = [t for t in _TEXTS if t[0] not in "1[#>`<-*=!\\" and "\t" not in t] + [
    "[![b](https://i)](https://o) t", "[[c](https://c)] d", "[a](https://x \"t\")",
]  # fmt: skip
_AFTER = [
    "", "", "## Head", "Para", "  indented", "    code", "- sib", "* other", "1. ord",
    "---", "***", "> q", "```", "<div>", "[r]: https://u", "#x", "\tx", "===", "-",
    "  - deeper", " - one", "   three", "lazy [l](https://l)", "  [lbl]: https://d",
]  # fmt: skip


def random_list(rnd: random.Random) -> str:
    """A list of random shape: most take the fast path, many do not."""
    clean = rnd.random() < 0.6  # only shapes the fast path may take
    lines = []
    depth = 0
    unit = rnd.choice([2, 2, 3, 4])
    for _ in range(rnd.randint(1, 12)):
        r = rnd.random()
        if r < 0.75:
            depth = max(0, min(depth + rnd.choice([-1, 0, 0, 1, 1, -2]), 6))
            if not clean:
                unit = rnd.choice([2, 2, 2, 4, 3, 5, 1])
            indent = depth * unit + (0 if clean else rnd.choice([0, 0, 0, 1, -1]))
            marker = rnd.choice("--*") if depth or not clean else "-"
            space = " " if clean else rnd.choice([" ", " ", " ", " ", "  ", "\t"])
            texts = _GOOD_TEXTS if clean else _TEXTS
            text = rnd.choice(texts) if rnd.random() < 0.3 else "[n](https://e/1) - D."
            lines.append(" " * max(indent, 0) + marker + space + text + rnd.choice(["", " "]))
            if clean and rnd.random() < 0.1:  # a continuation line
                lines.append(rnd.choice(["lazy [l](https://l) text", " " * (indent + 2) + "more"]))
        elif r < 0.85 and not clean:
            lines.append(rnd.choice(["", "", "  "]))
        elif not clean:
            lines.append(rnd.choice(_AFTER))
    if clean and rnd.random() < 0.7:
        lines += ["", rnd.choice(["## Next", "Text.", "<div>", "---", "```", "[r]: https://r"])]
    return "\n".join(lines)


def random_document(rnd: random.Random) -> str:
    parts = [
        random_list(rnd) if rnd.random() < 0.6 else rnd.choice(EXAMPLES).rstrip("\n")
        for _ in range(rnd.randint(1, 5))
    ]
    text = "".join(p + rnd.choice(["\n", "\n\n", "\n\n", "\n  \n"]) for p in parts)
    if rnd.random() < 0.2:
        text = text.rstrip("\n")
    return text.replace("\n", rnd.choice(["\n", "\n", "\n", "\r\n", "\r"]))


@pytest.mark.parametrize(
    "count", [pytest.param(2000, id="2000"), pytest.param(20000, marks=pytest.mark.slow)]
)
def test_random_documents(count: int) -> None:
    rnd = random.Random(20261127)
    failures = []
    with fast_use() as used:
        for _ in range(count):
            diff = difference(random_document(rnd))
            if diff:
                failures.append(diff)
    assert not failures, f"{len(failures)} of {count}:\n" + "\n".join(failures[:5])
    assert used["lists"] > count // 3  # the fast path was really compared


_PIECES = [
    "[a](https://a)", "[b](https://b.example/p_q)", "![i](https://i)", "[", "]", "(",
    ")", "`", "``", "https://u.example", "http://v", "*", "_", " ", "x", "é", "!",
    "[![b](https://i)](https://o)", "\n", "  \n", "<", "\\", "&amp;", ":", "#", ">",
]  # fmt: skip
_PIECE = st.sampled_from(_PIECES)
_INLINE = st.lists(_PIECE, max_size=12).map("".join)
_LINE = st.tuples(
    st.sampled_from(["", "", "  ", "    ", "   ", " ", "\t"]),
    st.sampled_from(["- ", "- ", "* ", "+ ", "1. ", "", "## ", "> ", "-"]),
    _INLINE,
).map("".join)
_DOC = st.lists(_LINE, min_size=1, max_size=10).map("\n".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC)
def test_generated_documents(text: str) -> None:
    assert_same(text)


@settings(max_examples=600, deadline=None)
@given(_INLINE)
def test_generated_inline_text(s: str) -> None:
    for text in (s, "- " + s.replace("\n", " "), "- a\n  - " + s):
        assert_same(text)
