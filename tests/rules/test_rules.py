"""Fixture tests for every rule: findings, fixed output, idempotence, clean re-check.

Layout: ``tests/fixtures/<rule-name>/<case>.md`` is linted with only that rule enabled.
``<case>.expected`` lists the findings, one ``LINE:COL CODE message`` per line;
``<case>.fixed.md`` is the output of the safe fixes and ``<case>.unsafe.md`` (optional)
the output with unsafe fixes too. ``<case>.links.json`` (optional) holds what the link
checker would have found, ``{"url as written": {"outcome": "dead", "detail": ...}}``,
for the network rules. ``<case>.also`` (optional) names rules to run beside the fixture's
own, one per line (unused-suppression judges what the other rules found); their
findings are expected too. Set AWESOMELINT_UPDATE_FIXTURES=1 to rewrite the expected files
from the current behaviour (then review the diff!).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from awesomelint.engine import lint
from awesomelint.fixer import fix_document
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from awesomelint.markdown import parse
from awesomelint.model import Finding
from awesomelint.registry import Rule, Settings, load_all

FIXTURES = Path(__file__).parents[1] / "fixtures"
UPDATE = os.environ.get("AWESOMELINT_UPDATE_FIXTURES") == "1"
ALL_RULES = load_all()
BY_NAME = {r.name: r for r in ALL_RULES}


def _cases() -> list[tuple[Rule, Path]]:
    out = []
    for folder in sorted(FIXTURES.iterdir()):
        for md in sorted(folder.glob("*.md")):
            if md.name.endswith((".fixed.md", ".unsafe.md")):
                continue
            out.append((BY_NAME[folder.name], md))
    return out


CASES = _cases()


def _read(path: Path) -> str:
    if not path.exists():
        return ""
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _write(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def _settings(rule: Rule, path: Path | None = None) -> Settings:
    also = path.with_suffix(".also") if path is not None else None
    if also is None or not also.exists():
        return Settings((rule,))
    names = {rule.name, *_read(also).split()}
    return Settings(tuple(r for r in ALL_RULES if r.name in names))


def _link_status(path: Path) -> dict[str, LinkStatus] | None:
    sidecar = path.with_suffix(".links.json")
    if not sidecar.exists():
        return None
    out = {}
    for url, fields in json.loads(_read(sidecar)).items():
        key = link_key(url)
        assert key is not None, url
        out[key] = LinkStatus(url=url, **fields)
    return out


def _format(doc_text: str, findings: list[Finding]) -> str:
    doc = parse(doc_text)
    lines = []
    for f in findings:
        line, col = doc.location(f.start)
        lines.append(f"{line}:{col} {f.code} {f.message}")
    return "".join(x + "\n" for x in lines)


@pytest.mark.parametrize(("rule", "path"), CASES, ids=[f"{r.name}/{p.stem}" for r, p in CASES])
def test_fixture(rule: Rule, path: Path) -> None:
    text = _read(path)
    settings = _settings(rule, path)
    status = _link_status(path)
    # the fixture's own path: rules that read files beside the list look in its folder
    findings = lint(parse(text), settings, path, link_status=status)
    got = _format(text, findings)
    expected_path = path.with_suffix(".expected")
    if UPDATE:
        _write(expected_path, got)
    assert got == _read(expected_path)
    for f in findings:  # every span lies inside the text and is ordered
        assert 0 <= f.start <= f.end <= len(text)
        assert f.fix is None or BY_NAME[f.rule].fixable
        # the fix kind the rule declares is what it gives: the fixer lints the Documents
        # between passes only with the rules whose fixes the run may apply
        assert f.fix is None or not f.fix.safe or BY_NAME[f.rule].fix_kind in ("safe", "mixed")

    for unsafe, suffix in ((False, ".fixed.md"), (True, ".unsafe.md")):
        golden = path.with_name(path.stem + suffix)
        if not rule.fixable or (unsafe and not golden.exists() and not UPDATE):
            continue
        result = fix_document(
            parse(text), lambda d: lint(d, settings, path, link_status=status), unsafe=unsafe
        )
        if UPDATE and (not unsafe or result.text != _read(path.with_name(path.stem + ".fixed.md"))):
            _write(golden, result.text)
        if not golden.exists():
            continue
        assert result.text == _read(golden)
        again = fix_document(
            parse(result.text), lambda d: lint(d, settings, path, link_status=status), unsafe=unsafe
        )
        assert again.text == result.text, "fix is not idempotent"
        left = [f for f in again.remaining if f.fix and (f.fix.safe or unsafe)]
        assert not left, f"fixable findings remain after fix: {left}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.name for r in ALL_RULES])
def test_every_rule_has_fixtures(rule: Rule) -> None:
    folder = FIXTURES / rule.name
    cases = [p for p in folder.glob("*.md") if not p.name.endswith((".fixed.md", ".unsafe.md"))]
    assert cases, f"no fixtures for {rule.name}"
    assert any(_read(p.with_suffix(".expected")).strip() for p in cases), "no positive case"
    assert any(not _read(p.with_suffix(".expected")).strip() for p in cases) or any(
        len(_read(p).splitlines()) > len(_read(p.with_suffix(".expected")).splitlines())
        for p in cases
    ), "no negative case"
    if rule.fixable:
        assert any(p.with_name(p.stem + ".fixed.md").exists() for p in cases)


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.name for r in ALL_RULES])
def test_rule_docs(rule: Rule) -> None:
    for section in ("## What it does", "## Why is this bad", "## Example", "## Fix safety"):
        assert section in rule.doc, f"{rule.name} docstring lacks {section!r}"
    assert rule.doc.startswith(f"{rule.name} ({rule.code})")


def test_codes_and_names_unique() -> None:
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)
