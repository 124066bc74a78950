"""Run the selected rules over a Document, honour suppression comments, sort findings.

Which rules run (and with which options) is the registry's business (``Settings``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from awesomelint import suppress
from awesomelint._gc import PausedGC
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
    return _lint(doc, settings, settings.rules, path, link_status, link_titles)


def _lint(
    doc: Document,
    settings: Settings,
    rules: Sequence[Rule],
    path: Path | None,
    link_status: Mapping[str, LinkStatus] | None,
    link_titles: Mapping[str, str] | None,
) -> list[Finding]:
    """:func:`lint` with only ``rules`` (of ``settings.rules``) run."""
    # rules allocate many small objects (findings, memos) and make no garbage cycles
    # (snippet parses break theirs)
    with PausedGC():
        sup = suppress.read(doc, ALL_RULES)
        used: set[suppress.Range] = set()
        out: list[Finding] = []
        for rule in rules:
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
        unused = next((r for r in rules if r.name == _UNUSED), None)
        if unused is not None and sup.ranges:
            out += _unused_suppressions(sup, used, settings.rules, unused)
        out.sort(key=_order)
        return out


def _order(f: Finding) -> tuple[int, str, int]:
    return f.start, f.code, f.end


class BoundLinter:
    """:func:`lint` with its settings, path and link data bound: called on a Document, all
    the selected rules' findings; :meth:`split` into two parts by rule, for the fixer."""

    __slots__ = ("settings", "path", "link_status", "link_titles")

    def __init__(
        self,
        settings: Settings,
        path: Path | None = None,
        link_status: Mapping[str, LinkStatus] | None = None,
        link_titles: Mapping[str, str] | None = None,
    ) -> None:
        self.settings = settings
        self.path = path
        self.link_status = link_status
        self.link_titles = link_titles

    def __call__(self, doc: Document) -> list[Finding]:
        return self._part(doc, self.settings.rules)

    def _part(self, doc: Document, rules: Sequence[Rule]) -> list[Finding]:
        return _lint(doc, self.settings, rules, self.path, self.link_status, self.link_titles)

    def split(self, first: Callable[[Rule], bool]) -> tuple[Part, Part] | None:
        """The selected rules for which ``first`` holds and the others, each as a linter
        of its own; ``merge`` of their findings on a Document is this linter's findings
        on it: a finding's place in the order is its (offset, code, end) and, among
        equals (so of one rule, one code), the order its rule gave them, which each part
        keeps. None when a part would be empty, or when unused-suppression is selected
        (it judges the suppressions against every rule's findings at once)."""
        rules = self.settings.rules
        ones = tuple(r for r in rules if first(r))
        others = tuple(r for r in rules if not first(r))
        if not ones or not others or any(r.name == _UNUSED for r in rules):
            return None
        return (lambda doc: self._part(doc, ones)), (lambda doc: self._part(doc, others))


Part = Callable[["Document"], list[Finding]]


def merge(a: list[Finding], b: list[Finding]) -> list[Finding]:
    """The findings of the two parts of a :meth:`BoundLinter.split`, in :func:`lint`'s order."""
    return sorted([*a, *b], key=_order)


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
