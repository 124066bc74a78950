"""The registry's table (awesomelint/rules/__init__.py) against the rule modules, and
lazy loading: a rule's module is imported only when the rule runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint import registry
from awesomelint.rules import _base

RULES_DIR = Path(registry.__file__).parent / "rules"
# the fields the table repeats from each module's RULE
FIELDS = [f for f in _base.RuleInfo.__dataclass_fields__ if f != "module"]


def test_every_rule_module_is_in_the_table_once() -> None:
    modules = sorted(p.stem for p in RULES_DIR.glob("*.py") if not p.stem.startswith("_"))
    listed = [r.module for r in registry.ALL_RULES]
    assert sorted(listed) == modules
    assert len({r.code for r in registry.ALL_RULES}) == len(registry.ALL_RULES)
    assert len({r.name for r in registry.ALL_RULES}) == len(registry.ALL_RULES)


@pytest.mark.parametrize("info", registry.ALL_RULES, ids=[r.name for r in registry.ALL_RULES])
def test_the_table_says_what_the_module_declares(info: _base.RuleInfo) -> None:
    rule = registry.load(info)
    assert rule.check.__module__ == f"awesomelint.rules.{info.module}"
    for name in FIELDS:
        assert getattr(info, name) == getattr(rule, name), f"{info.module}: {name} differs"
    assert registry.load(info) is rule  # imported once


def test_the_table_compares_every_field_but_check_and_doc() -> None:
    """A field added to Rule must be added to RuleInfo (and so compared above)."""
    assert set(_base.Rule.__dataclass_fields__) - {"check", "doc"} == set(FIELDS)


def test_resolve_and_select_read_the_table() -> None:
    assert [r.name for r in registry.resolve("W00")] == [
        "trailing-whitespace",
        "multiple-blank-lines",
        "final-newline",
        "no-hard-tabs",
    ]
    assert {r.name for r in registry.resolve("links")} >= {"dead-link", "broken-anchor"}
    chosen = registry.select_rules(None, ignore=["W"], extend_select=["list-order"])
    assert "list-order" in {r.name for r in chosen}
    assert not any(r.code.startswith("W") for r in chosen)
    assert registry.find("h001") is registry.find("heading-missing-space") is not None
    assert registry.find("no-such-rule") is None
    assert registry.groups() == {"awesome", "links"}


def _modules_after(code: str) -> list[str]:
    """The rule modules imported by a fresh interpreter after running ``code``."""
    script = (
        "import json, sys\n"
        f"{code}\n"
        "print(json.dumps(sorted(m.rpartition('.')[2] for m in sys.modules "
        "if m.startswith('awesomelint.rules.') and not m.rpartition('.')[2].startswith('_'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return list(json.loads(out.splitlines()[-1]))


def test_rule_modules_load_only_when_their_rule_runs(tmp_path: Path) -> None:
    small = tmp_path / "small.md"
    small.write_text("- [a](https://a.example) - A.\n", encoding="utf-8")
    run = "from awesomelint.cli import main\nmain({args!r})"
    # listing the rules, reading --select: metadata only
    assert _modules_after(run.format(args=["rules"])) == []
    # a run imports exactly the modules of the rules it selects
    checked = _modules_after(run.format(args=["check", "--select", "W", str(small)]))
    assert checked == ["final_newline", "multiple_blank_lines", "no_hard_tabs",
                       "trailing_whitespace"]  # fmt: skip
    # `awesomelint rule NAME` imports that rule's module, for its documentation
    assert _modules_after(run.format(args=["rule", "list-order"])) == ["list_order"]
