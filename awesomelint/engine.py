"""Run the selected rules over a Document, honour suppression comments, sort findings.

Which rules run (and with which options) is the registry's business (``Settings``)."""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from awesomelint import suppress
from awesomelint.model import Finding
from awesomelint.registry import ALL_RULES, Settings
from awesomelint.rules._base import Context, Rule

if TYPE_CHECKING:
    from awesomelint.document import Document
    from awesomelint.links.status import LinkStatus


def lint(
    doc: Document,
    settings: Settings,
    path: Path | None = None,
    *,
    link_status: Mapping[str, LinkStatus] | None = None,
    link_titles: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Run the selected rules; return unsuppressed findings sorted by (offset, code).

    ``link_status`` (the link checker's verdicts, keyed by ``links.status.link_key``) and
    ``link_titles`` (fetched page titles, same keys) go to the rules that declare the
    need (``Rule.needs``) and to no other.
    """
    # rules allocate many small objects (findings, memos) and make no garbage cycles
    # (snippet parses break theirs): the cyclic GC would only walk the Document's
    # hundreds of thousands of objects again and again, a cost growing faster than the file
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _lint(doc, settings, path, link_status, link_titles)
    finally:
        if gc_was_on:
            gc.enable()


def _lint(
    doc: Document,
    settings: Settings,
    path: Path | None,
    link_status: Mapping[str, LinkStatus] | None,
    link_titles: Mapping[str, str] | None,
) -> list[Finding]:
    sup = suppress.read(doc, ALL_RULES)
    used: set[suppress.Range] = set()
    out: list[Finding] = []
    for rule in settings.rules:
        ctx = Context(
            doc,
            settings.options_for(rule),
            path,
            link_status if "link_status" in rule.needs else None,
            link_titles if "link_titles" in rule.needs else None,
        )
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
