"""``awesomelint rules`` (the table of every rule) and ``awesomelint rule NAME`` (a rule's
documentation, or a group's rules)."""

from __future__ import annotations

from collections.abc import Sequence

import click

from awesomelint import report
from awesomelint.errors import ConfigError
from awesomelint.registry import ALL_RULES, RuleInfo, load, resolve

_FIX_LABELS = {
    "safe": "safe",
    "unsafe": "unsafe",
    "mixed": "safe+unsafe",
    "links": "needs --links",
}


def _fix_label(r: RuleInfo) -> str:
    """What applies the rule's fixes: `fix` (safe), `fix --unsafe-fixes` (unsafe), both
    kinds (safe+unsafe), `fix --links` (needs --links); "-" for none."""
    return _FIX_LABELS[r.fix_kind] if r.fixable else "-"


def _rule_table(rules: Sequence[RuleInfo]) -> str:
    width = max(len(r.name) for r in rules)
    groups = {r.code: ",".join(sorted(r.groups)) or "-" for r in rules}
    gwidth = max(6, *(len(g) for g in groups.values()))
    lines = [f"{'code':<5} {'name':<{width}} {'fix':<13} {'default':<7} {'groups':<{gwidth}} "
             "summary"]  # fmt: skip
    for r in rules:
        default = "on" if r.default else "off"
        lines.append(
            f"{r.code:<5} {r.name:<{width}} {_fix_label(r):<13} {default:<7} "
            f"{groups[r.code]:<{gwidth}} {r.summary}"
        )
    return "".join(line + "\n" for line in lines)


@click.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(fmt: str) -> None:
    """List every rule: code, name, fix (safe: `fix`; unsafe: `fix --unsafe-fixes`;
    needs --links: `fix --links`), default, groups, summary."""
    if fmt == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "fixable": r.fixable,
                "fix": _fix_label(r) if r.fixable else None,
                "default": r.default,
                "severity": r.severity.value,
                "groups": sorted(r.groups),
                "summary": r.summary,
            }
            for r in ALL_RULES
        ]
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(_rule_table(ALL_RULES), nl=False)


@click.command(name="rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Show a rule's documentation (by name or code), or list a group's rules (awesome,
    links) or a code prefix's (W)."""
    found = [r for r in ALL_RULES if name.lower() in (r.name, r.code.lower())]
    if found:
        click.echo(load(found[0]).doc.rstrip() + "\n")
        return
    try:
        rules = resolve(name)
    except ConfigError:
        raise ConfigError(f"unknown rule or group {name!r} (see `awesomelint rules`)") from None
    group = name.lower()
    if group in {g for r in ALL_RULES for g in r.groups}:
        how = {
            "awesome": '--preset awesome (or preset = "awesome") adds them to the default rules',
            "links": "--links checks the links and adds them to the default rules",
        }.get(group, f"--extend-select {group} adds them to the default rules")
        click.echo(
            f"Group {group}: {report.plural(len(rules), 'rule')}. {how}; --select {group} "
            "runs only them.\n"
        )
    click.echo(_rule_table(rules), nl=False)
