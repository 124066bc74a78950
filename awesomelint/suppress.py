"""Suppression comments: ours (``<!-- awesomelint-disable RULE -->``) and awesome-lint's
(``<!--lint disable RULE-->``, ``enable``, ``ignore``), read into line ranges per rule."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from awesomelint.commonmark.lines import is_blank
from awesomelint.document import CODE_REGIONS, Document
from awesomelint.errors import ConfigError
from awesomelint.model import Frozen
from awesomelint.registry import resolve
from awesomelint.rules._base import RuleInfo


@functools.cache  # (compiled on first use: most files have no suppression comment)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Our comments, awesome-lint's (remark-message-control's, as awesome-lint reads
    them), and one rule name in a comment's list."""
    return (
        re.compile(
            r"<!--\s*awesomelint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->"
        ),
        re.compile(r"<!--\s*lint\s+(disable|enable|ignore)\b([^>]*?)\s*-->"),
        re.compile(r"[^\s,]+"),
    )



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
_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class Name(Frozen):
    """A rule named in a suppression comment, as written, with its offsets."""

    __slots__ = ("text", "start", "end")
    text: str
    start: int
    end: int

    def __init__(self, text: str, start: int, end: int) -> None:
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "end", end)


class Comment(Frozen):
    """One suppression comment outside code."""

    __slots__ = ("verb", "theirs", "start", "end", "line", "names")
    verb: str  # disable, enable, disable-line, disable-next-line; ignore (theirs)
    theirs: bool  # awesome-lint's <!--lint ...--> rather than ours
    start: int
    end: int
    line: int
    names: tuple[Name, ...]  # empty: every rule

    def __init__(
        self, verb: str, theirs: bool, start: int, end: int, line: int, names: tuple[Name, ...]
    ) -> None:
        _set(self, "verb", verb)
        _set(self, "theirs", theirs)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "line", line)
        _set(self, "names", names)


class Range(Frozen):
    """Lines ``first``..``last`` where one comment switches a rule (or all) off."""

    __slots__ = ("first", "last", "comment", "name")
    first: int
    last: int
    comment: Comment
    name: Name | None  # the name in the comment that made this range; None: all rules

    def __init__(self, first: int, last: int, comment: Comment, name: Name | None) -> None:
        _set(self, "first", first)
        _set(self, "last", last)
        _set(self, "comment", comment)
        _set(self, "name", name)


class Suppressions(Frozen):
    """Line ranges, per rule code, where findings (and their fixes) are switched off."""

    __slots__ = ("ranges",)
    ranges: Mapping[str | None, tuple[Range, ...]]

    def __init__(self, ranges: Mapping[str | None, tuple[Range, ...]]) -> None:
        _set(self, "ranges", ranges)

    def suppressed(self, code: str, line: int) -> Range | None:
        """The range that switches ``code`` off on ``line``, if any."""
        for key in (ALL, code):
            for r in self.ranges.get(key, ()):
                if r.first <= line <= r.last:
                    return r
        return None


def comments(doc: Document) -> list[Comment]:
    """The suppression comments of ``doc`` (outside code), in source order."""
    # (every suppression comment opens with "<!--": most lists have none, and a text
    # with none needs neither the patterns compiled nor two scans of it)
    if "<!--" not in doc.text or ("awesomelint-" not in doc.text and "lint" not in doc.text):
        return []
    return doc.memo("suppress.comments", _comments)


def _comments(doc: Document) -> list[Comment]:
    ours_re, theirs_re, arg_re = _patterns()
    found = [(m, False) for m in ours_re.finditer(doc.text)]
    found += [(m, True) for m in theirs_re.finditer(doc.text)]
    found.sort(key=lambda mt: mt[0].start())
    out = []
    for m, theirs in found:
        if doc.in_region(m.start(), CODE_REGIONS):
            continue
        names = tuple(
            Name(a.group(0), m.start(2) + a.start(), m.start(2) + a.end())
            for a in arg_re.finditer(m.group(2))
        )
        out.append(Comment(m.group(1), theirs, m.start(), m.end(), doc.line_of(m.start()), names))
    return out


def _codes(comment: Comment, rules: Sequence[RuleInfo]) -> list[tuple[str | None, Name | None]]:
    if not comment.names:
        return [(ALL, None)]
    by_name = {r.name: r.code for r in rules}
    out: list[tuple[str | None, Name | None]] = []
    for name in comment.names:
        if comment.theirs:
            ours = AWESOME_LINT_IDS.get(name.text.lower().removeprefix("remark-lint-"))
            if ours in by_name:
                out.append((by_name[ours], name))
            continue
        try:
            out.extend((r.code, name) for r in resolve(name.text, rules))
        except ConfigError:
            continue  # a typo in a comment must not break the run (unknown-suppression)
    return out


def _block_end(doc: Document, line: int) -> int:
    """Last line of the block that starts at or after ``line`` (up to a blank line, as
    CommonMark has it: spaces and tabs only - a line of no-break spaces is text)."""
    n = line
    while n <= doc.line_count and is_blank(doc, n):
        n += 1
    while n < doc.line_count and not is_blank(doc, n + 1):
        n += 1
    return min(n, doc.line_count)


def read(doc: Document, rules: Sequence[RuleInfo]) -> Suppressions:
    """Read the suppression comments of ``doc`` (outside code) into line ranges."""
    open_at: dict[str | None, tuple[int, Comment, Name | None]] = {}
    ranges: dict[str | None, list[Range]] = {}
    for c in comments(doc):
        line = c.line
        for code, name in _codes(c, rules):
            if c.verb == "disable":
                open_at.setdefault(code, (line, c, name))
            elif c.verb == "enable":
                if code in open_at:
                    first, opener, opened = open_at.pop(code)
                    ranges.setdefault(code, []).append(Range(first, line, opener, opened))
            elif c.verb == "disable-next-line":
                ranges.setdefault(code, []).append(Range(line + 1, line + 1, c, name))
            elif c.verb == "ignore":  # remark: the next node, i.e. the next block
                last = _block_end(doc, line + 1)
                ranges.setdefault(code, []).append(Range(line, last, c, name))
            else:  # disable-line
                ranges.setdefault(code, []).append(Range(line, line, c, name))
    for code, (first, opener, opened) in open_at.items():
        ranges.setdefault(code, []).append(Range(first, doc.line_count, opener, opened))
    return Suppressions({k: tuple(v) for k, v in ranges.items()})
