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
FIELDS = [f for f in _base.RuleInfo.__slots__ if f != "module"]


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
    assert set(_base.Rule.__slots__) - {"check", "doc"} == set(FIELDS)


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


def test_the_engine_hands_outside_data_only_to_rules_that_declare_it() -> None:
    from awesomelint.engine import lint
    from awesomelint.markdown import parse
    from awesomelint.model import Problem

    seen: dict[str, tuple[bool, bool]] = {}

    def spy(name: str) -> _base.CheckFn:
        def check(ctx: _base.Context) -> list[Problem]:
            seen[name] = (ctx.link_status is not None, ctx.link_titles is not None)
            return []

        return check

    def rule(code: str, name: str, needs: frozenset[_base.Need]) -> _base.Rule:
        return _base.Rule(code, name, name, spy(name), f"{name} ({code})", needs=needs)

    rules = (
        rule("X901", "plain", frozenset()),
        rule("X902", "status", frozenset({"link_status"})),
        rule("X903", "titles", frozenset({"link_titles"})),
    )
    lint(parse("- x\n"), registry.Settings(rules), link_status={}, link_titles={})
    assert seen == {"plain": (False, False), "status": (True, False), "titles": (False, True)}
    assert registry.needing(rules, "link_status") == (rules[1],)
    # what the table says: every network rule reads the link statuses
    network = {r.name for r in registry.needing(registry.ALL_RULES, "link_status")}
    assert network and all(r.name in network for r in registry.resolve("N00") if not r.default)


def test_fix_links_applies_exactly_the_fixes_that_need_the_link_check() -> None:
    """fix --links opts into the unsafe fixes of the rules whose fix kind is "links"
    (and the reports mark those [*links]); no other rule's unsafe fix."""
    from awesomelint.model import Finding, Fix
    from awesomelint.report import fix_kind

    by_links = registry.fixed_by_links()
    assert by_links and all(r.fix_kind == "links" and r.needs for r in by_links)
    for r in registry.ALL_RULES:
        f = Finding(r.code, r.name, "m", 0, 1, fix=Fix("t", (), safe=False))
        assert (fix_kind(f) == "links") == (r in by_links), r.name
