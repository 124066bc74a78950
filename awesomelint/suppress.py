"""Suppression comments: ours (``<!-- awesomelint-disable RULE -->``) and awesome-lint's
(``<!--lint disable RULE-->``, ``enable``, ``ignore``), read into line ranges per rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from awesomelint.document import Document, RegionKind
from awesomelint.errors import ConfigError
from awesomelint.rules import Rule

_OURS = re.compile(
    r"<!--\s*awesomelint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->"
)
# remark-message-control, as awesome-lint reads it
_THEIRS = re.compile(r"<!--\s*lint\s+(disable|enable|ignore)\b([^>]*?)\s*-->")
_CODE: frozenset[RegionKind] = frozenset({"fenced_code", "indent_code", "codespan"})

# awesome-lint's rule ids (and the remark-lint ids it enables) -> our rule names;
# ids of checks we do not have (awesome-github, awesome-git-repo-age, ...) map to nothing
AWESOME_LINT_IDS: Mapping[str, str] = {
    "awesome-badge": "awesome-badge",
    "awesome-heading": "awesome-heading",
    "awesome-toc": "awesome-toc",
    "awesome-list-item": "list-item-format",
    "no-repeat-item-in-description": "repeated-item-name",
    "awesome-spell-check": "spell-check",
    "match-punctuation": "balanced-punctuation",
    "no-repeat-punctuation": "repeated-punctuation",
    "awesome-no-ci-badge": "no-ci-badge",
    "awesome-license": "license-section",
    "awesome-contributing": "contributing-file",
    "awesome-code-of-conduct": "code-of-conduct",
    "double-link": "duplicate-link",
    "no-undefined-references": "malformed-link",
    "no-dead-urls": "dead-link",
    "list-item-indent": "list-indent",
    "list-item-bullet-indent": "list-indent",
    "unordered-list-marker-style": "list-marker",
    "no-heading-punctuation": "heading-trailing-punctuation",
    "heading-increment": "heading-increment",
    "no-multiple-toplevel-headings": "awesome-heading",
    "no-consecutive-blank-lines": "multiple-blank-lines",
    "final-newline": "final-newline",
    "no-tabs": "no-hard-tabs",
    "hard-break-spaces": "trailing-whitespace",
}

ALL = None  # key of ranges that apply to every rule


@dataclass(frozen=True, slots=True)
class Suppressions:
    """Line ranges, per rule code, where findings (and their fixes) are switched off."""

    ranges: Mapping[str | None, tuple[tuple[int, int], ...]]

    def suppressed(self, code: str, line: int) -> bool:
        for key in (ALL, code):
            for a, b in self.ranges.get(key, ()):
                if a <= line <= b:
                    return True
        return False


def _codes(args: list[str], rules: Sequence[Rule], theirs: bool) -> list[str | None]:
    if not args:
        return [ALL]
    by_name = {r.name: r.code for r in rules}
    out: list[str | None] = []
    for a in args:
        if theirs:
            name = AWESOME_LINT_IDS.get(a.lower().removeprefix("remark-lint-"))
            if name in by_name:
                out.append(by_name[name])
            continue
        try:
            from awesomelint.engine import resolve

            out.extend(r.code for r in resolve(a, rules))
        except ConfigError:
            continue  # a typo in a comment must not break the run
    return out


def _block_end(doc: Document, line: int) -> int:
    """Last line of the block that starts at or after ``line`` (up to a blank line)."""
    n = line
    while n <= doc.line_count and not doc.line_text(n).strip():
        n += 1
    while n < doc.line_count and doc.line_text(n + 1).strip():
        n += 1
    return min(n, doc.line_count)


def read(doc: Document, rules: Sequence[Rule]) -> Suppressions:
    """Read the suppression comments of ``doc`` (outside code) into line ranges."""
    if "awesomelint-" not in doc.text and "lint" not in doc.text:
        return Suppressions({})
    open_at: dict[str | None, int] = {}
    ranges: dict[str | None, list[tuple[int, int]]] = {}
    found = [(m, False) for m in _OURS.finditer(doc.text)]
    found += [(m, True) for m in _THEIRS.finditer(doc.text)]
    found.sort(key=lambda mt: mt[0].start())
    for m, theirs in found:
        if doc.in_region(m.start(), _CODE):
            continue
        verb = m.group(1)
        line = doc.line_of(m.start())
        for code in _codes(m.group(2).replace(",", " ").split(), rules, theirs):
            if verb == "disable":
                open_at.setdefault(code, line)
            elif verb == "enable":
                if code in open_at:
                    ranges.setdefault(code, []).append((open_at.pop(code), line))
            elif verb == "disable-next-line":
                ranges.setdefault(code, []).append((line + 1, line + 1))
            elif verb == "ignore":  # remark: the next node, i.e. the next block
                ranges.setdefault(code, []).append((line, _block_end(doc, line + 1)))
            else:  # disable-line
                ranges.setdefault(code, []).append((line, line))
    for code, start in open_at.items():
        ranges.setdefault(code, []).append((start, doc.line_count))
    return Suppressions({k: tuple(v) for k, v in ranges.items()})
