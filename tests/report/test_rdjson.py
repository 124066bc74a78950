"""check --format rdjson: reviewdog's DiagnosticResult, safe fixes as line-wise suggestions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import awesomelint
from awesomelint.cli import main

TEXT = (
    "# 목록\n\n"
    "* [가나](https://a.example) - 설명.   \n"  # two fixes of one line: one suggestion
    "- https://b.example\n"
    "- [C]https://c.example - Third.\n"
    "- [D](https://d.example) - Dup.\n"
    "- [D2](https://d.example) - Dup.\n"  # an unsafe fix only: no suggestion
)


def rdjson(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> dict[str, Any]:
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    code = main(["check", "--format", "rdjson", str(path)])
    assert code == 1
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_diagnostics_in_reviewdogs_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = rdjson(tmp_path, capsys, TEXT)
    assert result["source"] == {"name": "awesomelint"}
    diags = result["diagnostics"]
    assert len(diags) == len(awesomelint.check(TEXT))
    for d in diags:
        assert set(d) <= {"message", "location", "severity", "source", "code", "suggestions"}
        assert d["severity"] in ("ERROR", "WARNING") and d["code"]["value"][0].isupper()
        assert d["location"]["path"].endswith("list.md")
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        assert (start["line"], start["column"]) <= (end["line"], end["column"])
    ws = next(d for d in diags if d["code"]["value"] == "W001")
    # columns count UTF-8 bytes: "* [가나](https://a.example) - 설명." is 36 bytes
    line = "* [가나](https://a.example) - 설명."
    assert ws["location"]["range"]["start"] == {"line": 3, "column": len(line.encode()) + 1}
    assert ws["location"]["range"]["end"]["column"] == len(line.encode()) + 4


def test_safe_fixes_are_line_wise_suggestions_that_fix_the_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diags = rdjson(tmp_path, capsys, TEXT)["diagnostics"]
    with_suggestion = {d["code"]["value"]: d["suggestions"] for d in diags if "suggestions" in d}
    assert set(with_suggestion) == {"L002", "K002", "K003"}  # W001 shares L002's line
    lines = TEXT.splitlines()
    for [s] in with_suggestion.values():
        first, last = s["range"]["start"]["line"], s["range"]["end"]["line"]
        assert set(s["range"]["start"]) == {"line"}  # whole lines: no column
        lines[first - 1 : last] = s["text"].split("\n")
    assert "\n".join(lines) + "\n" == awesomelint.fix(TEXT)
