"""list-marker, alone and fixed together with list-indent."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import awesomelint
from awesomelint.engine import lint
from awesomelint.errors import ConfigError
from awesomelint.fixer import fix_document
from awesomelint.markdown import parse
from awesomelint.registry import Settings
from awesomelint.rules import list_marker
from awesomelint.rules._lists import visual_lists

SELECT = {"select": ["list-marker"]}
BOTH = {"select": ["list-indent", "list-marker"]}


def _fix(text: str, marker: str) -> str:
    settings = Settings((list_marker.RULE,), options={"list-marker": {"marker": marker}})
    return fix_document(parse(text), lambda d: lint(d, settings)).text


def test_configured_marker() -> None:
    assert _fix("- a\n* b\n  + c\n1. d\n", "*") == "* a\n* b\n  * c\n1. d\n"
    assert _fix("- a\n* b\n", "+") == "+ a\n+ b\n"


def test_invalid_marker_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        _fix("- a\n* b\n", "x")


def test_consistent_lists_are_fine() -> None:
    for text in ("* a\n  * b\n* c\n", "+ a\n+ b\n", "- a\n  1. b\n", "1. a\n2. b\n"):
        assert awesomelint.check(text, config=SELECT) == []


def test_visual_lists_join_touching_lists_only() -> None:
    doc = parse("- a\n* b\n\n\n+ c\n\n## H\n\n* d\n\ntext\n\n- e\n> - f\n")
    groups = [[doc.line_text(it.line)[-1] for it in vl.items] for vl in visual_lists(doc)]
    assert groups == [["a", "b", "c"], ["d"], ["e"], ["f"]]


def test_one_list_after_the_fix() -> None:
    text = "- a\n* b\n- c\n"
    assert len({it.list_id for it in parse(text).items}) == 3  # CommonMark: three lists
    fixed = awesomelint.fix(text, config=SELECT)
    assert fixed == "- a\n- b\n- c\n"
    assert len({it.list_id for it in parse(fixed).items}) == 1


def test_both_rules_on_the_seed_shape() -> None:
    text = "* [머신 러닝 배우기]\n + [aidenswmo](https://brunch.co.kr/@aidenswmo/2)\n- [tf](http://x.org/)\n"
    fixed = awesomelint.fix(text, config=BOTH)
    assert fixed == "- [머신 러닝 배우기]\n  - [aidenswmo](https://brunch.co.kr/@aidenswmo/2)\n- [tf](http://x.org/)\n"
    assert [it.depth for it in parse(fixed).items] == [0, 1, 0]


_INDENTS = ["", "", " ", "  ", "   ", "    ", "\t", " \t"]
_WORDS = st.sampled_from(["alpha", "beta", "데이터", "학습", "x1"])


@st.composite
def _lists(draw: st.DrawFn) -> str:
    lines = ["- " + draw(_WORDS)]
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["item"] * 5 + ["text", "blank"]))
        ws = draw(st.sampled_from(_INDENTS))
        words = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=3)))
        if kind == "blank":
            lines.append("")
        elif kind == "text":
            lines.append(ws + words)
        else:
            marker = draw(st.sampled_from(["-", "*", "+", "1."]))
            link = f"[{words}](https://example.com/{draw(_WORDS)})"
            lines.append(f"{ws}{marker} {link if draw(st.booleans()) else words}")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lists())
def test_both_fixes_converge_and_keep_text(text: str) -> None:
    fixed = awesomelint.fix(text, config=BOTH)  # raises FixError if a word or URL is lost
    assert awesomelint.fix(fixed, config=BOTH) == fixed
    left = [f for f in awesomelint.check(fixed, config=BOTH) if f.fix]
    assert not left

    def bare(s: str) -> list[str]:
        return re.sub(r"(?m)^([ \t]*)[*+-] ", r"\1- ", s).split()

    assert bare(fixed) == bare(text)
    for vl in visual_lists(parse(fixed)):
        bullets = {it.marker for it in vl.items if not it.ordered}
        assert len(bullets) <= 1 or any(
            f.code == "L002" for f in awesomelint.check(fixed, config=BOTH)
        )
