"""Smoke test of benchmarks/realworld.py (the sweep over real READMEs), without the
network: so that it does not rot as the rules and the fixer change."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def realworld() -> Iterator[ModuleType]:
    path = ROOT / "benchmarks" / "realworld.py"
    spec = importlib.util.spec_from_file_location("realworld_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_sweep_and_report(realworld: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nSome text.  \n\n```python \nx = 1\n```\n")
    (tmp_path / "b.md").write_text("# B\n\n- [x](https://example.com/x) - An entry.\n")
    results = realworld.sweep(sorted(tmp_path.glob("*.md")), 1)
    assert [r["name"] for r in results] == ["a.md", "b.md"]
    assert all(not r["problems"] for r in results)  # parsed, checked and fixed cleanly
    rules = {f[0] for f in results[0]["findings"]}
    assert "trailing-whitespace" in rules  # the paragraph line and the fence line
    text = realworld.report(results, 2, {"trailing-whitespace"})
    assert "2 files" in text
    assert "| fix refused | 0 |" in text
    assert "### trailing-whitespace" in text and "a.md:3:" in text
    # read as Windows saves it: CRLF and a BOM, both kept by the fixes
    assert not realworld.sweep([tmp_path / "a.md"], 1, True)[0]["problems"]
    assert realworld._as_crlf("a\nb\r\n") == "\ufeffa\r\nb\r\n"
    assert not realworld._kept_format("\ufeffa\r\n", "a\r\n")
    assert not realworld._kept_format("a\r\nb\r\n", "a\r\nb\n")


def test_a_refused_fix_is_reported(realworld: ModuleType, monkeypatch: pytest.MonkeyPatch,
                                   tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / "c.md"
    path.write_text("# C\n\ntext  \n")

    def refuse(*args: object, **kwargs: object) -> str:
        raise realworld.awesomelint.FixError("would remove a word")

    monkeypatch.setattr(realworld.awesomelint, "fix", refuse)
    result = realworld.sweep_one(path)
    assert result["problems"] == {"fix refused": "would remove a word (unsafe)"}
    assert "| fix refused | 1 |" in realworld.report([result], 0, None)


def test_a_file_that_is_not_utf8_is_skipped(realworld: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (tmp_path / "ok.md").write_text("# Ok\n")
    results = realworld.sweep(sorted(tmp_path.glob("*.md")), 1)
    assert realworld.report(results, 0, None).startswith("1 files; skipped: latin1.md (not UTF-8)")
