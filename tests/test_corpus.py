"""Round trips on the real lists of ../shared/corpus (skipped on a fresh clone)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import awesomelint
from awesomelint.document import parse

CORPUS_FILES = [
    "seed-deep-learning-ko.md",
    "awesome.md",
    "awesome-python.md",
    "awesome-nodejs.md",
    "awesome-go.md",
    "awesome-rust.md",
    "awesome-machine-learning.md",
]
URL = re.compile(r"https?://[^\s)\]<>\"']+")


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_round_trip(corpus: Path, name: str) -> None:
    path = corpus / name
    if not path.exists():
        pytest.skip(f"{name} not in corpus")
    with path.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    findings = awesomelint.check(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
    fixed = awesomelint.fix(text)
    assert awesomelint.fix(fixed) == fixed
    assert not [f for f in awesomelint.check(fixed) if f.fix and f.fix.safe]
    for url in set(URL.findall(text)):
        assert url in fixed, url
    # a safe fix never changes how many links the parser sees
    assert len(parse(fixed).links) >= len(parse(text).links)
