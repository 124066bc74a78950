"""Select rules, run them over a Document, honour suppression comments, sort findings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from awesomelint import suppress
from awesomelint.document import Document
from awesomelint.errors import ConfigError
from awesomelint.links.status import LinkStatus
from awesomelint.model import Finding
from awesomelint.rules import ALL_RULES, Context, Rule


@dataclass(frozen=True, slots=True)
class Settings:
    """Which rules run and with which options; built from config files and the CLI."""

    rules: tuple[Rule, ...]
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    def options_for(self, rule: Rule) -> Mapping[str, Any]:
        merged = dict(rule.options)
        merged.update(self.options.get(rule.name, {}))
        return MappingProxyType(merged)


def resolve(selector: str, rules: Sequence[Rule] = ALL_RULES) -> list[Rule]:
    """Rules named by ``selector``: a name, a code, a code prefix, a group, or ``ALL``."""
    s = selector.strip()
    if s.upper() == "ALL":
        return list(rules)
    by_name = [r for r in rules if r.name == s.lower()]
    if by_name:
        return by_name
    by_group = [r for r in rules if s.lower() in r.groups]
    if by_group:
        return by_group
    by_code = [r for r in rules if r.code.startswith(s.upper())] if s[:1].isalpha() else []
    if by_code and re.fullmatch(r"[A-Za-z]{1,3}[0-9]{0,3}", s):
        return by_code
    raise ConfigError(f"unknown rule or code {selector!r} (see `awesomelint rules`)")


def select_rules(
    select: Iterable[str] | None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    rules: Sequence[Rule] = ALL_RULES,
) -> tuple[Rule, ...]:
    """The default rules (or ``select``), plus ``extend_select``, minus ``ignore``."""
    if select is None:
        chosen = {r.code for r in rules if r.default}
    else:
        chosen = {r.code for s in select for r in resolve(s, rules)}
    chosen |= {r.code for s in extend_select for r in resolve(s, rules)}
    chosen -= {r.code for s in ignore for r in resolve(s, rules)}
    return tuple(r for r in rules if r.code in chosen)


def lint(
    doc: Document,
    settings: Settings,
    path: Path | None = None,
    *,
    link_status: Mapping[str, LinkStatus] | None = None,
    link_titles: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Run the selected rules; return unsuppressed findings sorted by (offset, code).

    ``link_status`` (from the link checker, keyed by ``links.status.link_key``) feeds the
    network rules, which report nothing without it; ``link_titles`` (same keys) gives
    missing-title's fix the fetched page titles.
    """
    sup = suppress.read(doc, ALL_RULES)
    used: set[suppress.Range] = set()
    out: list[Finding] = []
    for rule in settings.rules:
        ctx = Context(doc, settings.options_for(rule), path, link_status, link_titles)
        for p in rule.check(ctx):
            if sup.ranges:
                hit = sup.suppressed(rule.code, doc.line_of(p.start))
                if hit is not None:
                    used.add(hit)
                    continue
            out.append(
                Finding(
                    rule.code,
                    rule.name,
                    p.message,
                    p.start,
                    p.end,
                    rule.severity,
                    p.fix,
                    p.related,
                )
            )
    unused = next((r for r in settings.rules if r.name == _UNUSED), None)
    if unused is not None and sup.ranges:
        out += _unused_suppressions(sup, used, settings.rules, unused)
    out.sort(key=lambda f: (f.start, f.code, f.end))
    return out


_UNUSED = "unused-suppression"


def _unused_suppressions(
    sup: suppress.Suppressions, used: set[suppress.Range], ran: Sequence[Rule], rule: Rule
) -> list[Finding]:
    """unused-suppression's findings: our comments' names (or blanket comments) whose
    ranges switched off nothing, among the rules that ran."""
    codes = {r.code for r in ran if r.name != _UNUSED}
    judged: dict[tuple[suppress.Comment, suppress.Name | None], bool] = {}
    for code, ranges in sup.ranges.items():
        if code is not None and code not in codes:
            continue  # not run: nothing to say about it
        for r in ranges:
            if r.comment.theirs or (code is None and not codes):
                continue
            key = (r.comment, r.name)
            judged[key] = judged.get(key, False) or r in used
    out = []
    for (comment, name), was_used in judged.items():
        if was_used:
            continue
        if name is None:
            message = "Suppression comment suppresses nothing here; remove it"
            start, end = comment.start, comment.end
        else:
            message = f"Suppression of {name.text} suppresses nothing here; remove it"
            start, end = name.start, name.end
        out.append(Finding(rule.code, rule.name, message, start, end, rule.severity))
    return out
