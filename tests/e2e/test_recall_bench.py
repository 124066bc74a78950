"""Smoke test of benchmarks/recall.py (the defect-injection benchmark), so that it does
not rot as the rules and the Document change. Detection rates are not asserted: they are
what the benchmark measures, and they move as the rules improve."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLASSES = ["missing-period", "trailing-whitespace"]


@pytest.fixture(scope="module")
def recall() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("recall_bench", ROOT / "benchmarks" / "recall.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_every_class_has_a_rule(recall: ModuleType) -> None:
    assert set(recall.CLASSES) - {"contents-nested"} <= set(recall.RULES)
    for name in recall.CLASSES:
        assert re.compile(recall.CLASSES[name].shape)  # every shape is a valid regex


def test_report_on_a_bundled_list(recall: ModuleType) -> None:
    text = (ROOT / "examples" / "awesome-example.md").read_text(encoding="utf-8")
    report = recall.measure([("awesome-example.md", text)], CLASSES, 1, 3, 3)
    rows = {r["class"]: r for r in report.rows()}
    assert set(rows) == set(CLASSES)
    for name in CLASSES:
        row = rows[name]
        assert row["injected"] > 0, name
        assert 0 <= row["detected"] <= row["injected"]
        assert row["rejected"] == 0
        assert len(row["misses"]) == row["injected"] - row["detected"]
    table = recall.markdown(report, verbose=True, details=True)
    assert "| class | rule | injected | detected | % | new on untouched lines |" in table
    for name in CLASSES:
        assert re.search(
            rf"^\| {name} \| [\w-]+ \| [1-9]\d* \| \d+ \| \d+% \| \d+ \|$", table, re.M
        )


def test_cli_json_is_deterministic(recall: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "awesome-example.md")
    args = [path, "--classes", ",".join(CLASSES), "--per-base", "2", "--seed", "5", "--json"]
    outputs = []
    for _ in range(2):
        assert recall.main(args) == 0
        outputs.append(json.loads(capsys.readouterr().out)["classes"])
    assert outputs[0] == outputs[1]
    assert [r["class"] for r in outputs[0]] == CLASSES
    assert all(r["injected"] > 0 for r in outputs[0])
