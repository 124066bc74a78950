"""list-indent: the fixed text parses with the nesting the author drew."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import awesomelint
from awesomelint.commonmark.items import content_offset
from awesomelint.commonmark.lines import visual_column
from awesomelint.document import Document
from awesomelint.engine import lint
from awesomelint.errors import ConfigError
from awesomelint.fixer import fix_document
from awesomelint.markdown import parse
from awesomelint.registry import Settings
from awesomelint.rules import list_indent
from awesomelint.rules._lists import visual_lists

SELECT = {"select": ["list-indent"]}


def _fix(text: str, **options: int | bool) -> str:
    settings = Settings((list_indent.RULE,), options={"list-indent": options})
    return fix_document(parse(text), lambda d: lint(d, settings)).text


def _tree(text: str) -> list[tuple[str, int, str | None]]:
    """(the item's line, stripped; its depth; its parent's line) per item."""
    doc = parse(text)

    def line(i: int) -> str:
        return doc.line_text(doc.items[i].line).strip()

    return [
        (line(it.index), it.depth, None if it.parent is None else line(it.parent))
        for it in doc.items
    ]


def _intended(doc: Document) -> list[tuple[int, int, int | None]]:
    """(line, depth, parent line) as drawn, computed independently of the rule: within a
    visual list, an item's ancestors are the earlier items left of it that no item in
    between reaches."""
    out = []
    for vl in visual_lists(doc):
        items = vl.items
        cols = [visual_column(doc.text[doc.line_starts[it.line - 1] : it.start]) for it in items]
        for i, it in enumerate(items):
            open_ = [
                j
                for j in range(i)
                if cols[j] < cols[i] and all(cols[k] > cols[j] for k in range(j + 1, i))
            ]
            out.append((it.line, len(open_), items[open_[-1]].line if open_ else None))
    return out


def _structure(doc: Document) -> list[tuple[int, int, int | None]]:
    by_index = {it.index: it for it in doc.items}
    items = sorted(doc.items, key=lambda it: it.start)
    return [
        (it.line, it.depth, None if it.parent is None else by_index[it.parent].line) for it in items
    ]


SEED = (
    "- [머신 러닝 배우기]\n"
    " - [aidenswmo-Korean](https://brunch.co.kr/@aidenswmo/2)\n"
    " - [Machines Can Now Recognize Something After Seeing It Once]"
    "(https://www.technologyreview.com/s/602779/x/)\n"
    "- [learning tensorflow](http://learningtensorflow.com/)\n"
)


def test_seed_list_keeps_its_children() -> None:
    assert [p.depth for p in parse(SEED).items] == [0, 0, 0, 0]  # CommonMark: siblings
    fixed = awesomelint.fix(SEED, config=SELECT)
    assert fixed == SEED.replace("\n - ", "\n  - ")
    parent = "- [머신 러닝 배우기]"
    assert [(line[:20], depth, up) for line, depth, up in _tree(fixed)] == [
        (parent, 0, None),
        ("- [aidenswmo-Korean]", 1, parent),
        ("- [Machines Can Now ", 1, parent),
        ("- [learning tensorfl", 0, None),
    ]
    assert awesomelint.check(fixed, config=SELECT) == []


def test_indented_top_level_list_with_lazy_lines() -> None:
    text = (
        "###Papers\n"
        " - [QUASI-RECURRENT NEURAL NETWORKS]\n"
        "   - [paper](https://arxiv.org/pdf/1611.01576v1.pdf)\n"
        "   - [영어설명](http://metamind.io/research/x/)\n"
        "- [Deepmind-Neural Machine Translation in Linear Time](https://arxiv.org/pdf/1610.10099v1.pdf)\n"
        " - WaveNet architecture를 응용하여 구현한 것으로\n"
        "예를 들어, deep professional singer 같은 것도 가능할 것 같고요. :)\n"
        "기존의 RNN approach보다 정보를 손실 없이 잘 capture해 낼 수 있기에\n"
        "- [fast-weights-rnn](https://tensorflowkorea.wordpress.com/2016/10/25/fast-weights-rnn/)\n"
    )
    fixed = awesomelint.fix(text, config=SELECT)
    lines = fixed.splitlines()
    assert lines[1].startswith("- [QUASI")
    assert lines[2].startswith("  - [paper]")
    assert lines[5].startswith("  - WaveNet")
    assert lines[6].startswith("예를 들어") and lines[7].startswith("기존의")  # lazy: untouched
    doc = parse(fixed)
    assert _structure(doc) == [
        (2, 0, None),
        (3, 1, 2),
        (4, 1, 2),
        (5, 0, None),
        (6, 1, 5),
        (9, 0, None),
    ]
    wave = doc.items[4]
    assert (wave.line, wave.end_line) == (6, 8)  # the lazy lines stay in the WaveNet item


def test_messages_and_titles() -> None:
    text = "- a\n\t- b\n \t- c\n   - d\n"
    findings = awesomelint.check(text, config=SELECT)
    got = [(f.message, f.fix.title if f.fix else None) for f in findings]
    assert got == [
        (
            "List item indented with a tab; expected 2 to nest under the item on line 1",
            "Indent the bullet with 2 spaces",
        ),
        (
            "List item indented with tabs and spaces; expected 2 to nest under the item on line 1",
            "Indent the bullet with 2 spaces",
        ),
        (
            "List item indented 3 spaces; expected 2 to nest under the item on line 1",
            "Indent the bullet with 2 spaces",
        ),
    ]
    top = awesomelint.check("  - a\n  - b\n", config=SELECT)
    message = "List item indented 2 spaces; expected 0 for a top-level item"
    assert [f.message for f in top] == [message] * 2
    assert top[0].fix is not None and top[0].fix.title == "Remove the indentation before the bullet"


def test_indent_option_four() -> None:
    text = "- a\n - b\n   - c\n1. d\n  - e\n10. f\n   - g\n-   h\n - i\n"
    fixed = _fix(text, indent=4)
    assert fixed == "- a\n    - b\n        - c\n1. d\n    - e\n10. f\n    - g\n-   h\n    - i\n"
    assert _structure(parse(fixed)) == _intended(parse(text))
    assert _fix(fixed, indent=4) == fixed
    # with the default unit the same list is wrong
    assert _fix(fixed) == "- a\n  - b\n    - c\n1. d\n   - e\n10. f\n    - g\n-   h\n    - i\n"


def test_wide_indent_is_capped_below_indented_code() -> None:
    fixed = _fix("- a\n - b\n", indent=8)
    assert fixed == "- a\n     - b\n"  # 5: three columns past the text, still a list item
    assert _structure(parse(fixed)) == [(1, 0, None), (2, 1, 1)]


def test_tab_after_the_marker_counts_to_the_tab_stop() -> None:
    text = "-\tAlpha\n - Beta\n"
    fixed = awesomelint.fix(text, config=SELECT)
    assert fixed == "-\tAlpha\n    - Beta\n"  # Alpha's text is at column 4
    assert _structure(parse(fixed)) == [(1, 0, None), (2, 1, 1)]


def test_crlf_keeps_line_breaks() -> None:
    text = "- a\r\n - b\r\n   more b\r\n- c\r\n"
    fixed = awesomelint.fix(text, config=SELECT)
    assert fixed == "- a\r\n  - b\r\n    more b\r\n- c\r\n"


def test_code_in_a_moved_item_keeps_its_own_indentation() -> None:
    text = "- a\n - Makefile:\n\n   ```make\n   all:\n   \tgcc x.c\n   ```\n"
    fixed = awesomelint.fix(text, config=SELECT)
    assert fixed == "- a\n  - Makefile:\n\n    ```make\n    all:\n    \tgcc x.c\n    ```\n"
    assert _structure(parse(fixed)) == [(1, 0, None), (2, 1, 1)]


def test_no_fix_that_would_turn_text_into_code() -> None:
    # the lazy "```" line is text; with the item at column 0 it would open a fence
    text = "   - alpha\n    ```\n    - [alpha](https://example.com/alpha) alpha\n"
    findings = awesomelint.check(text, config=SELECT)
    assert [f.message for f in findings] == [
        "List item indented 3 spaces; expected 0 for a top-level item"
    ]
    assert findings[0].fix is None


def test_invalid_indent_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        _fix("- a\n - b\n", indent=0)


def test_already_correct_lists_have_no_findings() -> None:
    text = "- a\n  - b\n    - c\n  - d\n1. e\n   - f\n10. g\n    - h\n"
    assert awesomelint.check(text, config=SELECT) == []


# -- property: the fix keeps every word and link and gives each item its drawn depth ------

_INDENTS = ["", "", "", " ", "  ", "   ", "    ", "     ", "      ", "\t", " \t", "\t ", "\t\t"]
_WORDS = st.sampled_from(["alpha", "beta", "gamma", "데이터", "학습", "code", "x1", "link"])


@st.composite
def _line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["item"] * 6 + ["lazy", "blank", "fence"]))
    ws = draw(st.sampled_from(_INDENTS))
    words = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=3)))
    if kind == "blank":
        return ""
    if kind == "fence":
        return ws + "```"
    if kind == "lazy":
        return ws + words
    marker = draw(st.sampled_from(["-", "-", "*", "+", "1."]))
    if draw(st.booleans()):
        words = f"[{words}](https://example.com/{draw(_WORDS)}) {words}"
    return f"{ws}{marker} {words}"


@st.composite
def _lists(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(["", " ", "  ", "   "])) + "- " + draw(_WORDS)
    rest = draw(st.lists(_line(), min_size=1, max_size=12))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return eol.join([first, *rest]) + eol


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lists())
def test_fix_keeps_words_links_and_drawn_depths(text: str) -> None:
    doc = parse(text)
    findings = awesomelint.check(text, config=SELECT)
    fixed = awesomelint.fix(text, config=SELECT)
    assert fixed.split() == text.split()  # only whitespace before words changes
    assert sorted(lk.url for lk in parse(fixed).links) == sorted(lk.url for lk in doc.links)
    assert awesomelint.fix(fixed, config=SELECT) == fixed
    if findings and all(f.fix for f in findings):
        event("fixed")
        assert _structure(parse(fixed)) == _intended(doc)
        assert awesomelint.check(fixed, config=SELECT) == []
    elif findings:
        event("some reported without a fix")
        before, after = text.splitlines(), fixed.splitlines()
        for f in findings:
            if f.fix is None:
                line = doc.line_of(f.start) - 1
                assert before[line] == after[line]


@st.composite
def _simple_lists(draw: st.DrawFn) -> str:
    """Bullets only, spaces only, each at most 3 columns right of the bullet above."""
    lines, col = [], 0
    for n in range(draw(st.integers(1, 10))):
        col = draw(st.integers(0, col + 3)) if n else draw(st.integers(0, 3))
        lines.append(" " * col + "- " + " ".join(draw(st.lists(_WORDS, min_size=1, max_size=3))))
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(_simple_lists())
def test_simple_lists_are_always_fixed(text: str) -> None:
    doc = parse(text)
    assume(len(doc.items) == text.count("\n"))  # a bullet 4+ right of the text is text
    assert all(f.fix for f in awesomelint.check(text, config=SELECT))
    fixed = awesomelint.fix(text, config=SELECT)
    assert _structure(parse(fixed)) == _intended(doc)


# -- tabs = true: lists indented with one tab per level on purpose ---------------------

TABBED = (
    "# Awesome\n\n"
    "- [Java](https://java.example) - Java.\n"
    "\t- [RxJava](https://rxjava.example)\n"
    " \t- [J2ME](https://j2me.example) - Java ME.\n"
    "\t\t- [Deep](https://deep.example)\n"
    "  - [Spaced](https://spaced.example)\n"
    "- [Kotlin](https://kotlin.example)\n"
)


def test_tabs_option_accepts_one_tab_per_level_and_reports_the_rest() -> None:
    config = {"select": ["list-indent"], "list-indent": {"tabs": True}}
    findings = awesomelint.check(TABBED, config=config)
    got = [(parse(TABBED).location(f.start)[0], f.message) for f in findings]
    assert got == [
        (
            5,
            "List item indented with tabs and spaces; expected a tab to nest under the item "
            "on line 3",
        ),
        (7, "List item indented 2 spaces; expected a tab to nest under the item on line 3"),
    ]
    # without the option, every tab is reported (the default: 2 spaces per level)
    lines = [parse(TABBED).location(f.start)[0] for f in awesomelint.check(TABBED, config=SELECT)]
    assert lines == [4, 5, 6]


def test_tabs_option_fix_keeps_the_nesting_and_is_stable() -> None:
    fixed = _fix(TABBED, tabs=True)
    assert fixed == TABBED.replace(" \t- [J2ME]", "\t- [J2ME]").replace(
        "  - [Spaced]", "\t- [Spaced]"
    )
    assert _fix(fixed, tabs=True) == fixed
    config = {"select": ["list-indent"], "list-indent": {"tabs": True}}
    assert awesomelint.check(fixed, config=config) == []
    # the nesting drawn is the nesting parsed: Deep under J2ME, Spaced under Java
    assert _tree(fixed) == [
        ("- [Java](https://java.example) - Java.", 0, None),
        ("- [RxJava](https://rxjava.example)", 1, "- [Java](https://java.example) - Java."),
        ("- [J2ME](https://j2me.example) - Java ME.", 1, "- [Java](https://java.example) - Java."),
        ("- [Deep](https://deep.example)", 2, "- [J2ME](https://j2me.example) - Java ME."),
        ("- [Spaced](https://spaced.example)", 1, "- [Java](https://java.example) - Java."),
        ("- [Kotlin](https://kotlin.example)", 0, None),
    ]


def test_tabs_option_is_a_config_key() -> None:
    from awesomelint.config import parse_table

    assert parse_table({"list-indent": {"tabs": True}}).settings().options["list-indent"]["tabs"]
    with pytest.raises(ConfigError, match="must be bool"):
        parse_table({"list-indent": {"tabs": "yes"}}).settings()


# -- the column helpers' shortcuts for the usual line (spaces only; one space, then text)
# answer what the general loop does: that loop, as written before the shortcuts


def _visual_column_loop(ws: str, start: int = 0) -> int:
    col = start
    for ch in ws:
        col = (col // 4 + 1) * 4 if ch == "\t" else col + 1
    return col


def _content_offset_loop(rest: str, marker_end: int, width: int) -> int:
    col, n = marker_end, 0
    for ch in rest:
        if ch not in " \t":
            break
        col = _visual_column_loop(ch, col)
        n += 1
    gap = col - marker_end
    return width + (gap if n < len(rest) and 1 <= gap <= 4 else 1)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=" \tx[", max_size=8),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=1, max_value=10),
)
def test_column_shortcuts_equal_the_loop(rest: str, start: int, width: int) -> None:
    assert visual_column(rest, start) == _visual_column_loop(rest, start)
    assert content_offset(rest, start, width) == _content_offset_loop(rest, start, width)


_FLAT_LINES = ["- [a](https://a) - A.", "* b", "+ c", "-  d", "- ", "1. e", "2) f", "",
               "text", "  lazy", "    code", "- [g](h)\tx", "# H", "> q", "-\tt"]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FLAT_LINES), min_size=1, max_size=10))
def test_a_list_flush_left_has_nothing_to_report(lines: list[str]) -> None:
    # check skips a visual list whose bullets all stand at column 0: the general
    # way (_plan, _misread) must find nothing there, whatever the indent option
    doc = parse("\n".join(lines) + "\n")
    for vl in visual_lists(doc):
        if not vl.plain or any(it.start != doc.line_starts[it.line - 1] for it in vl.items):
            continue
        for indent in (2, 4, None):
            nodes = list_indent._plan(doc, vl, indent)
            bad = [n for n in nodes if n.ws != n.want]
            assert not bad
            assert not list(list_indent._misread(doc, vl, nodes, bad))
