"""End to end on a list that reproduces the seed list's defects (tests/data/seed-like.md):
the Korean deep-learning list the project started from."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from markdown_it import MarkdownIt

import awesomelint
from awesomelint.markdown import parse

SEED = Path(__file__).parents[1] / "data" / "seed-like.md"
URL = re.compile(r"https?://[^\s)\]]+")


def _text() -> str:
    with SEED.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _lines_by_rule(text: str) -> dict[str, list[int]]:
    doc = parse(text)
    out: dict[str, list[int]] = defaultdict(list)
    for f in awesomelint.check(text):
        out[f.rule].append(doc.line_of(f.start))
    return out


def _line(text: str, fragment: str, nth: int = 1) -> int:
    hits = [i + 1 for i, ln in enumerate(text.split("\n")) if fragment in ln]
    return hits[nth - 1]


def test_check_finds_the_seed_defects() -> None:
    text = _text()
    found = _lines_by_rule(text)
    lines = text.split("\n")
    no_space = [i + 1 for i, ln in enumerate(lines) if re.match(r"###[^ #]", ln)]
    assert len(no_space) == 9
    assert found["heading-missing-space"] == no_space
    # one-space "sub-items", the 3-space grandchild, and the 1-space top-level bullet
    indented = {
        _line(text, " - [aidenswmo-Korean]"),
        _line(text, " - [Machines Can Now"),
        _line(text, " - [github](https://github.com/AI-ON"),
        _line(text, " - [tensorflow](https://tensorflowkorea"),
        _line(text, " - [github Page]"),
        _line(text, " - [QUASI-RECURRENT"),
        _line(text, "   - [paper]"),
        _line(text, " - WaveNet architecture"),
    }
    assert indented <= set(found["list-indent"])
    # the distill.pub entry with utm_ parameters comes first; the later one is reported
    first = _line(text, "distill.pub/2016/augmented-rnns/?utm_content")
    dups = [f for f in awesomelint.check(text) if f.rule == "duplicate-link"]
    assert [parse(text).line_of(f.start) for f in dups] == [_line(text, "augmented-rnns/)")]
    assert f"line {first}" in dups[0].message
    twitter = [
        _line(text, "- https://twitter.com/" + name)
        for name in ("DeepMindAI", "demishassabis", "OpenAI", "karpathy")
    ]
    assert set(twitter) <= set(found["missing-title"])
    malformed = {
        _line(text, "- [머신 러닝 배우기]"),
        _line(text, "[논문 설명]https://"),
        _line(text, "- [deep-learning-papers-reading-roadmap]"),
        _line(text, " - [QUASI-RECURRENT NEURAL NETWORKS]"),
    }
    assert malformed <= set(found["malformed-link"])


def test_fix_cleans_keeps_every_url_and_nests_as_meant() -> None:
    text = _text()
    fixed = awesomelint.fix(text)
    assert awesomelint.fix(fixed) == fixed
    left = [f for f in awesomelint.check(fixed) if f.fix is not None and f.fix.safe]
    assert left == []
    assert sorted(set(URL.findall(text))) == sorted(
        u for u in set(URL.findall(fixed)) if u in set(URL.findall(text))
    )
    for url in set(URL.findall(text)):
        assert url in fixed
    assert "### Python & tensorflow" in fixed
    # read by a CommonMark parser, aidenswmo-Korean is a child of 머신 러닝 배우기
    tokens = MarkdownIt("commonmark").parse(fixed)
    depth = 0
    where: dict[str, int] = {}
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "inline":
            for key in ("머신 러닝 배우기", "aidenswmo-Korean", "learning tensorflow"):
                if key in tok.content and key not in where:
                    where[key] = depth
    assert where["머신 러닝 배우기"] == 1
    assert where["aidenswmo-Korean"] == 2
    assert where["learning tensorflow"] == 1
