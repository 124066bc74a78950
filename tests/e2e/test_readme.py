"""README.md stays true: its rules tables list every rule, with the right name and fix."""

from __future__ import annotations

import re
from pathlib import Path

from awesomelint.registry import ALL_RULES

ROOT = Path(__file__).resolve().parents[2]

ROW = re.compile(r"^\| ([A-Z]\d{3}) \| ([a-z-]+) \| ([^|]+) \| [^|]+ \|$", re.MULTILINE)


def _rows() -> dict[str, tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows: dict[str, tuple[str, str]] = {}
    for code, name, fix in ROW.findall(text):
        assert code not in rows, f"{code} listed twice"
        rows[code] = (name, fix.strip())
    return rows


def test_every_rule_is_in_the_readme() -> None:
    rows = _rows()
    assert set(rows) == {r.code for r in ALL_RULES}
    for rule in ALL_RULES:
        name, fix = rows[rule.code]
        assert name == rule.name, rule.code
        # "-" exactly when the rule offers no fix
        assert (fix == "-") == (not rule.fixable), (rule.code, fix)
        if not rule.fixable:
            continue
        # and the kind of fix the rule declares (which `awesomelint rules` shows)
        kinds = {"safe": "safe", "unsafe": "unsafe", "links": "`fix --links`"}
        if rule.fix_kind == "mixed":
            assert "unsafe" in fix and "safe" in fix.replace("unsafe", ""), (rule.code, fix)
        else:
            assert fix.startswith(kinds[rule.fix_kind]), (rule.code, fix)


def test_config_examples_load() -> None:
    import tomllib

    from awesomelint.config import parse_table

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        table = tomllib.loads(block)["tool"]["awesomelint"]
        config = parse_table(table)
        assert config.links or config.exclude or config.select  # something was read
