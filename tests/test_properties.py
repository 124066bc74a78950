"""Property tests: awesomelint.check and awesomelint.fix, with every rule, on generated
awesome-style Markdown.

The generator builds documents from the shapes real lists get wrong: ``###NoSpace``
headings, nested lists with odd indents (0-5 spaces, tabs) and mixed ``*``/``+``/``-``
markers, links of every shape (``[t](url)``, ``[t]url``, ``[t] (url)``, bare URLs, ``[](url)``,
autolinks, references, images, badges, duplicates), code fences (some unclosed), inline
code, HTML blocks, block quotes, CJK text, trailing spaces, runs of blank lines; LF or CRLF,
with or without a final newline.

Properties: check never raises and every span lies inside the text; fix never raises
(not even FixError: safe fixes must converge and lose nothing), is idempotent, keeps the
file's line breaks and BOM, and keeps
- every http(s) URL string of the original: it still appears (a bare URL wrapped into
  ``[title](url)`` still does; ``[https://x](https://x)`` may become ``[X](https://x)``,
  so occurrences of one URL may drop, but not below one);
- every link: the multiset of link and image targets that CommonMark (markdown-it-py)
  sees may only grow;
- every word outside URLs: the multiset of ``\\w+`` may only grow.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import awesomelint
from awesomelint.model import Finding

ALL = {"select": ["ALL"]}
MDI = MarkdownIt("commonmark")

# balanced parentheses belong to a URL, trailing punctuation does not (as in GFM)
_URL = re.compile(
    r"https?://(?:[^\s<>()\[\]\"'`]|\([^\s<>()\[\]\"'`]*\))*"
    r"(?:[^\s<>()\[\]\"'`.,:;!?*_~]|\([^\s<>()\[\]\"'`]*\))"
)
_WORD = re.compile(r"\w+")

# -- strategies -------------------------------------------------------------------------

URLS = st.sampled_from(
    [
        "https://a.example/x",
        "https://a.example/x",  # drawn twice as often: duplicates
        "https://b.example/경로",
        "http://c.example/F_(b)",
        "https://github.com/user/repo",
        "https://d.example/a_b-c",
        "https://e.example/#frag",
        "https://f.example/?q=1&x=2",
        "https://g.example/path/",
        "https://h.example/image.png",
    ]
)
WORDS = st.sampled_from(
    [
        "Awesome", "list", "tool", "Python", "fast", "library", "for", "the", "web", "v2",
        "snake_case", "C++", "Node.js", "e.g.", "it's", "(beta)", "!", ":", "...",
        "한국어", "딥러닝", "자료", "中文", "日本語", "テスト", "café", "naïve",
    ]
)  # fmt: skip


@st.composite
def phrase(draw: st.DrawFn, min_size: int = 1, max_size: int = 5) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=min_size, max_size=max_size)))


@st.composite
def link(draw: st.DrawFn) -> str:
    url = draw(URLS)
    title = draw(phrase(max_size=3))
    return draw(
        st.sampled_from(
            [
                f"[{title}]({url})",
                f"[{title}]({url})",
                f"[{title}]{url}",
                f"[{title}] ({url})",
                f"[{title}]( {url} )",
                url,
                f"[]({url})",
                f"[{url}]({url})",
                f"<{url}>",
                f'[{title}]({url} "{title}")',
                f"[{title}][ref]",
                f"![{title}]({url})",
                f"[![badge]({url})]({url})",
                f"[{title}]({url}",
                f"[{title}](<{url}>)",
            ]
        )
    )


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                link(),
                phrase(),
                phrase().map(lambda p: f"`{p}`"),
                st.sampled_from(["`[code](https://code.example/x)`", "**bold**", "*em*"]),
            ),
            min_size=1,
            max_size=4,
        )
    )
    sep = draw(st.sampled_from([" ", " - ", " — ", ": ", "  ", "\t"]))
    return sep.join(parts)


INDENTS = st.sampled_from(["", " ", "  ", "   ", "    ", "     ", "\t", " \t", "\t\t"])
MARKERS = st.sampled_from(["-", "*", "+", "1.", "2)", "10."])
AFTER_MARKER = st.sampled_from([" ", " ", " ", "  ", "\t", ""])
TRAILING = st.sampled_from(["", "", "", " ", "  ", "\t", "   "])


@st.composite
def heading(draw: st.DrawFn) -> list[str]:
    hashes = "#" * draw(st.integers(1, 7))
    gap = draw(st.sampled_from([" ", "", "  ", "\t"]))
    title = draw(st.one_of(phrase(max_size=4), inline()))
    close = draw(st.sampled_from(["", "", " #", " ##", ":", ".", "!", "?"]))
    return [draw(st.sampled_from(["", "", " ", "   "])) + hashes + gap + title + close]


@st.composite
def setext(draw: st.DrawFn) -> list[str]:
    return [draw(phrase(max_size=4)), draw(st.sampled_from(["===", "---", "-", "==="]))]


@st.composite
def list_block(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        desc = draw(st.sampled_from(["", " - Description.", " - 설명입니다", " - lower case", ""]))
        body = draw(inline()) + desc
        lines.append(draw(INDENTS) + draw(MARKERS) + draw(AFTER_MARKER) + body)
        if draw(st.integers(0, 9)) == 0:  # a lazy or indented continuation line
            lines.append(draw(st.sampled_from(["", "  ", "    "])) + draw(phrase()))
    return lines


@st.composite
def fence(draw: st.DrawFn) -> list[str]:
    mark = draw(st.sampled_from(["```", "~~~", "````"]))
    lang = draw(st.sampled_from(["", "md", "python", "sh"]))
    inner = draw(
        st.lists(
            st.one_of(
                heading().map(lambda h: h[0]),
                link().map(lambda lk: "- " + lk),
                phrase(),
                st.just(""),
                st.just("\tindented  "),
            ),
            max_size=4,
        )
    )
    closed = draw(st.integers(0, 5)) > 0
    return [mark + lang, *inner, *([mark] if closed else [])]


@st.composite
def html_block(draw: st.DrawFn) -> list[str]:
    inner = draw(st.lists(st.one_of(link(), phrase()), min_size=1, max_size=3))
    shape = draw(st.integers(0, 2))
    if shape == 0:
        return ['<p align="center">', *(f'  <a href="{draw(URLS)}">{x}</a>' for x in inner), "</p>"]
    if shape == 1:
        return ["<div>", *inner, "</div>"]
    return ["<!-- comment", *inner, "-->"]


@st.composite
def indented_code(draw: st.DrawFn) -> list[str]:
    return ["    " + draw(inline()) for _ in range(draw(st.integers(1, 3)))]


@st.composite
def quote(draw: st.DrawFn) -> list[str]:
    inner = draw(st.one_of(list_block(), heading(), paragraph()))
    prefix = draw(st.sampled_from(["> ", ">", "> > "]))
    return [prefix + line for line in inner]


@st.composite
def paragraph(draw: st.DrawFn) -> list[str]:
    return [draw(inline()) for _ in range(draw(st.integers(1, 3)))]


@st.composite
def definition(draw: st.DrawFn) -> list[str]:
    return [f"[ref]: {draw(URLS)}" + draw(st.sampled_from(["", ' "Title"']))]


@st.composite
def blanks(draw: st.DrawFn) -> list[str]:
    return [draw(st.sampled_from(["", "", " ", "\t"])) for _ in range(draw(st.integers(1, 4)))]


BLOCK = st.one_of(
    heading(),
    heading(),
    setext(),
    list_block(),
    list_block(),
    list_block(),
    paragraph(),
    fence(),
    html_block(),
    indented_code(),
    quote(),
    definition(),
    blanks(),
)


@st.composite
def document(draw: st.DrawFn) -> str:
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("# Awesome " + draw(phrase(max_size=2)))
    for block in draw(st.lists(BLOCK, min_size=1, max_size=8)):
        lines.extend(block)
        if draw(st.integers(0, 2)):
            lines.append("")
    lines = [ln + draw(TRAILING) if ln else ln for ln in lines]
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    bom = "\ufeff" if draw(st.integers(0, 19)) == 0 else ""
    return bom + eol.join(lines) + draw(st.sampled_from([eol, eol, "", eol + eol]))


# -- properties -------------------------------------------------------------------------


def assert_check_ok(text: str) -> list[Finding]:
    findings = awesomelint.check(text, config=ALL)
    n = len(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= n, f
        if f.fix is not None:
            edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
            for e in edits:
                assert 0 <= e.start <= e.end <= n, f
            for a, b in pairwise(edits):
                assert a.end <= b.start, f"overlapping edits in one fix: {f}"
    assert findings == sorted(findings, key=lambda f: (f.start, f.code, f.end))
    return findings


def urls(text: str) -> Counter[str]:
    return Counter(_URL.findall(text))


def link_targets(text: str) -> Counter[str]:
    """Targets of the links and images a CommonMark renderer (what GitHub follows) shows.
    markdown-it-py, not mistune: where mistune misreads tabs (``> > \\t*[a](u)`` is code in
    CommonMark, a link to mistune) a fix that changes only mistune's view is harmless."""
    out: Counter[str] = Counter()
    for tok in MDI.parse(text):
        for child in tok.children or ():
            if child.type in ("link_open", "image"):
                out[str(child.attrGet("href") or child.attrGet("src"))] += 1
    return out


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(_URL.sub(" ", text)))


def assert_fix_ok(text: str) -> None:
    try:
        fixed = awesomelint.fix(text, config=ALL)
    except awesomelint.FixError as exc:  # the product promise: safe fixes converge, lose nothing
        pytest.fail(f"FixError on generated input {text!r}: {exc}")
    assert awesomelint.fix(fixed, config=ALL) == fixed, "fix is not idempotent"
    for url in urls(text):  # the URL string survives (also when wrapped into a link)
        assert url in fixed, f"lost URL {url!r}: {fixed!r}"
    lost_links = link_targets(text) - link_targets(fixed)
    assert not lost_links, f"lost links to {dict(lost_links)}: {fixed!r}"
    lost = words(text) - words(fixed)
    assert not lost, f"lost words {dict(lost)}: {fixed!r}"
    if "\r" not in text:
        assert "\r" not in fixed
    if "\r\n" in text and not re.search(r"(?<!\r)\n", text):
        assert not re.search(r"(?<!\r)\n|\r(?!\n)", fixed), f"line breaks mixed: {fixed!r}"
    assert fixed.startswith("\ufeff") == text.startswith("\ufeff")
    assert_check_ok(fixed)


FAST = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=4000, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(document())
def test_check_spans_are_inside_the_text(text: str) -> None:
    assert_check_ok(text)


@FAST
@given(document())
def test_fix_keeps_text_and_converges(text: str) -> None:
    assert_fix_ok(text)


@pytest.mark.slow
@SLOW
@given(document())
def test_check_and_fix_many(text: str) -> None:
    assert_check_ok(text)
    assert_fix_ok(text)


# -- examples found by the properties (kept as regressions) -----------------------------

REGRESSIONS: list[str] = []


@pytest.mark.parametrize("text", REGRESSIONS)
def test_regressions(text: str) -> None:
    assert_check_ok(text)
    assert_fix_ok(text)
