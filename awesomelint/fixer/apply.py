"""The fix loop: lint, choose, apply, re-parse, audit - repeated to a fixpoint; a pass
that would lose something is narrowed to the fixes that lose nothing, or refused."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from awesomelint._gc import PausedGC
from awesomelint.document import Document
from awesomelint.engine import BoundLinter, merge
from awesomelint.errors import FixError
from awesomelint.fixer.audit import allowance, describe, lost_in_change
from awesomelint.fixer.edits import apply_edits, choose
from awesomelint.markdown import reparse
from awesomelint.model import Edit, Finding, Frozen
from awesomelint.rules._base import Rule

MAX_PASSES = 100
_set = object.__setattr__  # how a Frozen value's __init__ sets its fields

Linter = Callable[[Document], list[Finding]]


class FixResult(Frozen):
    """The fixed text, what was applied, the findings left in the fixed text, and its
    Document (the last pass parsed it: the report of what is left needs no new parse;
    None once sent from a worker process, which sends no Document)."""

    __slots__ = ("text", "applied", "remaining", "passes", "document")
    text: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    passes: int
    document: Document | None

    def __init__(
        self,
        text: str,
        applied: tuple[Finding, ...],
        remaining: tuple[Finding, ...],
        passes: int,
        document: Document | None = None,
    ) -> None:
        _set(self, "text", text)
        _set(self, "applied", applied)
        _set(self, "remaining", remaining)
        _set(self, "passes", passes)
        _set(self, "document", document)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


_Key = tuple[str, tuple[tuple[str, str], ...]]


class _Pass:
    """The fixes of one pass that lose nothing together, the text they make, and the
    unsafe fixes left out for good (they would lose more than they announce). (Working
    records of the loop: plain classes, no dataclass generated at import.)"""

    __slots__ = ("fixes", "doc", "vetoed")

    def __init__(
        self, fixes: list[Finding], doc: Document, vetoed: frozenset[_Key] = frozenset()
    ) -> None:
        self.fixes = fixes
        self.doc = doc
        self.vetoed = vetoed


def _key(doc: Document, f: Finding) -> _Key:
    """A fix by its rule and what its edits replace with what (offsets shift between
    passes; the text does not)."""
    edits = f.fix.edits if f.fix else ()
    return f.rule, tuple((doc.text[e.start : e.end], e.content) for e in edits)


class _Loss:
    """What some fixes would lose, and the text they would make."""

    __slots__ = ("lost", "doc")

    def __init__(self, lost: Counter[str], doc: Document) -> None:
        self.lost = lost
        self.doc = doc


def _edits(fixes: Sequence[Finding]) -> list[Edit]:
    return [e for f in fixes if f.fix for e in f.fix.edits]


def _try(doc: Document, fixes: Sequence[Finding]) -> _Pass | _Loss:
    """Apply ``fixes``: the pass, or what it would lose."""
    edits = _edits(fixes)
    new_doc = reparse(doc, apply_edits(doc.text, edits), edits)
    gone = lost_in_change(doc, new_doc, edits, allowance(doc, fixes))
    return _Loss(gone, new_doc) if gone else _Pass(list(fixes), new_doc)


def _lossless(doc: Document, batch: Sequence[Finding], loss: _Loss) -> _Pass:
    """A pass whose fixes together lose something: the rules whose fixes lose something
    on their own are at fault (FixError naming them); when none is (two rules' fixes
    interact, e.g. a re-indented entry next to a removed duplicate), the largest greedy
    set of rules that lose nothing together goes first, the rest are linted again on the
    new text in the next pass."""
    by_rule: dict[str, list[Finding]] = {}
    for f in batch:
        by_rule.setdefault(f.rule, []).append(f)
    losses = {batch[0].rule: loss} if len(by_rule) == 1 else {}
    if not losses:
        for rule, group in by_rule.items():
            tried = _try(doc, group)
            if isinstance(tried, _Loss):
                losses[rule] = tried
    vetoed: set[_Key] = set()
    for rule in list(losses):
        left_out = _unsafe_at_fault(doc, by_rule[rule])
        if left_out:
            vetoed.update(_key(doc, f) for f in left_out)
            by_rule[rule] = [f for f in by_rule[rule] if all(f is not g for g in left_out)]
            del losses[rule]
    if losses:
        rules = ", ".join(sorted(losses))
        first = next(iter(losses.values()))
        what = describe(doc, first.lost, first.doc)
        raise FixError(f"refusing to write: the fix of {rules} would remove {what}")
    kept = _Pass([], doc)
    for group in by_rule.values():
        more = _try(doc, [*kept.fixes, *group]) if group else None
        if isinstance(more, _Pass):
            kept = more
    return _Pass(kept.fixes, kept.doc, frozenset(vetoed))


_MAX_SINGLE_TRIES = 20


def _unsafe_at_fault(doc: Document, group: Sequence[Finding]) -> list[Finding]:
    """The unsafe fixes of a rule whose fixes lose something, when its safe fixes alone
    do not: those that lose something on their own (or all of them). They are left out,
    their findings stay: with unsafe fixes asked for, a duplicate's removal that would
    also turn the next entry into the previous one's text is skipped, not the whole
    file refused."""
    risky = [f for f in group if f.fix and not f.fix.safe]
    if not risky:
        return []
    safe = [f for f in group if f.fix and f.fix.safe]
    if safe and isinstance(_try(doc, safe), _Loss):
        return []  # the safe fixes are at fault
    if len(risky) > _MAX_SINGLE_TRIES:
        return risky
    alone = [f for f in risky if isinstance(_try(doc, [f]), _Loss)]
    return alone or risky


def _open(doc: Document, findings: list[Finding], vetoed: set[_Key]) -> list[Finding]:
    """The findings whose fix was not left out for good."""
    if not vetoed:
        return findings
    return [f for f in findings if f.fix is None or _key(doc, f) not in vetoed]


def _parts(
    lint: Linter, unsafe: bool, unsafe_rules: Collection[str]
) -> tuple[Linter, Linter | None]:
    """The linter of every pass, and that of the rest of the rules, which lint the fixed
    Document only: a rule none of whose fixes this run may apply (not fixable, or its
    fix kind unsafe - or needing --links - when only safe fixes are asked for) gives
    the passes nothing to choose; its findings on the Documents in between would be
    thrown away. (Rule kinds are declared: a rule of fix kind "unsafe" or "links" gives
    unsafe fixes only, one not fixable none - tests/rules/test_rules.py checks both.)
    Only a :class:`BoundLinter` can be split; any other linter lints every pass whole."""
    if isinstance(lint, BoundLinter):

        def may_fix(rule: Rule) -> bool:
            return rule.fixable and (
                unsafe or rule.fix_kind in ("safe", "mixed") or rule.name in unsafe_rules
            )

        parts = lint.split(may_fix)
        if parts is not None:
            return parts
    return lint, None


def _left(
    doc: Document, findings: list[Finding], rest: Linter | None, text_only: bool
) -> tuple[Finding, ...]:
    """The findings left in the fixed ``doc``: the passes' linter's, and the rest's."""
    if text_only:
        return ()
    return tuple(merge(findings, rest(doc)) if rest else findings)


def fix_document(
    doc: Document,
    lint: Linter,
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    unsafe_rules: Collection[str] = (),
    text_only: bool = False,
) -> FixResult:
    """Fix ``doc`` until no applicable fix is left; raise FixError rather than lose text.
    ``text_only``: the caller keeps the fixed text (and what was applied) only, not the
    findings left: ``remaining`` is empty, and the rules that cannot fix (see
    :func:`_parts`) do not run at all."""
    # as in a parse and a lint (which switch it off themselves): the loop allocates many
    # small objects (edits, Counters, memos) and makes no garbage cycles, and each pass
    # leaves a whole new Document young - with the cyclic GC on, the audit and the
    # choosing between parses and lints walked those objects again and again
    # each pass leaves a whole new Document young: edits, Counters and memos make no
    # garbage cycles, and a cyclic collection would walk them again and again
    with PausedGC():
        return _fix(doc, lint, unsafe, max_passes, unsafe_rules, text_only)


def _fix(
    doc: Document,
    lint: Linter,
    unsafe: bool,
    max_passes: int,
    unsafe_rules: Collection[str],
    text_only: bool,
) -> FixResult:
    applied: list[Finding] = []
    fixing, rest = _parts(lint, unsafe, unsafe_rules)
    findings = fixing(doc)
    vetoed: set[_Key] = set()
    for passes in range(max_passes):
        batch = choose(_open(doc, findings, vetoed), unsafe, unsafe_rules)
        if not batch:
            remaining = _left(doc, findings, rest, text_only)
            return FixResult(doc.text, tuple(applied), remaining, passes, doc)
        edits = _edits(batch)
        new_doc = reparse(doc, apply_edits(doc.text, edits), edits)
        # the self-check: re-parsed, is something of the original gone?
        gone = lost_in_change(doc, new_doc, edits, allowance(doc, batch))
        if gone:
            done = _lossless(doc, batch, _Loss(gone, new_doc))
            batch, new_doc = done.fixes, done.doc
            vetoed |= done.vetoed
        applied.extend(batch)
        if new_doc is not doc:  # (none kept: the same Document, the same findings)
            doc = new_doc
            findings = fixing(doc)
    left = choose(_open(doc, findings, vetoed), unsafe, unsafe_rules)
    if not left:  # the last allowed pass reached the fixpoint
        remaining = _left(doc, findings, rest, text_only)
        return FixResult(doc.text, tuple(applied), remaining, max_passes, doc)
    rules = ", ".join(sorted({f.rule for f in left}))
    raise FixError(f"fixes did not converge after {max_passes} passes (rules: {rules})")
