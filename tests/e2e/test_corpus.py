"""Round trips on the real lists of ../shared/corpus (skipped on a fresh clone)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import awesomelint
from awesomelint.markdown import parse

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


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_fix_select_awesome(corpus: Path, name: str, tmp_path: Path) -> None:
    """`awesomelint fix --select awesome` on each list: the re-check has no safe-fixable
    finding, a second fix changes nothing, and every URL is kept."""
    import json

    from click.testing import CliRunner

    from awesomelint.cli import cli

    src = corpus / name
    if not src.exists():
        pytest.skip(f"{name} not in corpus")
    path = tmp_path / "README.md"
    path.write_bytes(src.read_bytes())
    text = src.read_bytes().decode("utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["fix", "--select", "awesome", "--quiet", str(path)])
    assert first.exit_code in (0, 1), first.output
    fixed = path.read_bytes().decode("utf-8")
    for url in set(URL.findall(text)):
        assert url in fixed, url
    again = runner.invoke(cli, ["check", "--select", "awesome", "--format", "json", str(path)])
    assert again.exit_code in (0, 1), again.output
    found = json.loads(again.stdout)
    safe = [f for f in found if (f.get("fix") or {}).get("safe")]
    assert not safe, safe[:5]
    runner.invoke(cli, ["fix", "--select", "awesome", "--quiet", str(path)])
    assert path.read_bytes().decode("utf-8") == fixed
