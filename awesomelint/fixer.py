"""Apply fixes: non-overlapping edits per pass, repeated to a fixpoint, verified lossless."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from awesomelint.document import Document, RegionKind
from awesomelint.entries import Item, audit_keys, url_texts, urlish
from awesomelint.errors import FixError
from awesomelint.model import Edit, Finding
from awesomelint.parsing import parse

MAX_PASSES = 100
_WORD = re.compile(r"\w+")
_LIVE = "live:"  # a URL seen outside code
_ITEM = "item:"  # a list entry, by the first URL on its first line

Linter = Callable[[Document], list[Finding]]


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, what was applied, and the findings left in the fixed text."""

    text: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    passes: int

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def choose(
    findings: Sequence[Finding], unsafe: bool, unsafe_rules: Collection[str] = ()
) -> list[Finding]:
    """Fixes to apply in one pass: allowed by safety, edits not overlapping earlier ones.
    ``unsafe_rules`` names rules whose unsafe fixes the user asked for by other means
    (``fix --links`` asks for redirected-link's)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [
        f
        for f in findings
        if f.fix and f.fix.edits and (f.fix.safe or unsafe or f.rule in unsafe_rules)
    ]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits) if f.fix else 0, f.code))
    for f in candidates:
        assert f.fix is not None
        if any(_clashes(e, taken) for e in f.fix.edits):
            continue
        chosen.append(f)
        for e in f.fix.edits:
            insort(taken, (e.start, e.end))
    return chosen


def _clashes(e: Edit, taken: list[tuple[int, int]]) -> bool:
    """Whether ``e`` overlaps a taken range: shares a character with it, is an insertion
    strictly inside it, or is an insertion at the same point as a taken insertion (their
    order would be arbitrary). In log time: taken ranges never overlap (an insertion may
    touch a range's ends), so sorted by start their ends are sorted too, and the last
    range starting before ``e`` ends reaches furthest. (Comparing with every taken range
    made a line of 6,000 fixes take seconds, a list of 100,000 about five minutes.)"""
    if e.start == e.end:
        j = bisect_left(taken, (e.start, -1))
        if j < len(taken) and taken[j] == (e.start, e.start):
            return True  # two insertions at one point: order would be arbitrary
        return j > 0 and taken[j - 1][1] > e.start
    i = bisect_left(taken, (e.end, -1))
    return i > 0 and taken[i - 1][1] > e.start


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits (any order given) to ``text``."""
    parts: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[pos : e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


_CODE: frozenset[RegionKind] = frozenset({"fenced_code", "indent_code", "codespan"})


def _inventory(doc: Document) -> Counter[str]:
    """Words and link targets of a document: what a safe fix must keep."""
    # bare URLs are already counted as URL-shaped text; mistune's reading of them can
    # differ from the text's (it takes `(url)[text]` for the URL `url)[text`)
    found = url_texts(doc)
    inv = _words_and_urls(doc.text, [lk.url for lk in doc.links if lk.kind != "bare"], found)
    # a URL outside code must stay outside code: a fix that turns a link into a code
    # block keeps the URL's text but loses the link
    inv.update({_LIVE + url for start, url in found if not doc.in_region(start, _CODE)})
    # every list entry must stay a list entry (re-indented or re-nested, never dropped,
    # merged into another or turned into a paragraph or code)
    inv.update(_ITEM + key for _, key in audit_keys(doc))
    return inv


def _words_and_urls(
    text: str, urls: list[str], found: list[tuple[int, str]] | None = None
) -> Counter[str]:
    if found is None:
        found = urlish(text)
    rest, at = [], 0
    for start, url in found:
        rest.append(text[at:start])
        at = start + len(url)
    rest.append(text[at:])
    # case-insensitive: a fix may capitalise a word (title case), never drop one
    inv: Counter[str] = Counter(map(str.casefold, _WORD.findall(" ".join(rest))))
    # URLs count once each: a safe fix may merge `[a]url` into `[a](url)`, never drop one
    inv.update({"url:" + u for u in [*urls, *(u for _, u in found)]})
    return inv


def _allowance(doc: Document, fixes: Sequence[Finding]) -> Counter[str]:
    """What unsafe fixes announce they remove: the words, URLs and links they replace."""
    allowed: Counter[str] = Counter()
    url_spans: list[tuple[int, int, str]] | None = None
    keyed: tuple[tuple[Item, str], ...] | None = None
    ends: list[int] = []
    for f in fixes:
        if f.fix is None or f.fix.safe:
            continue
        for e in f.fix.edits:
            removed = doc.text[e.start : e.end]
            links = [lk for lk in doc.links_between(e.start, e.end) if lk.end <= e.end]
            urls = [lk.url for lk in links]
            # an edit of a link's destination alone (or of a reference definition's)
            # replaces that link's URL too, though the link starts before the edit
            if url_spans is None:
                url_spans = sorted((lk.url_start, lk.url_end, lk.url) for lk in doc.links)
            i = bisect_left(url_spans, (e.start, -1, ""))
            while i < len(url_spans) and url_spans[i][0] < e.end:
                if url_spans[i][1] <= e.end:
                    urls.append(url_spans[i][2])
                i += 1
            allowed.update(_words_and_urls(removed, urls))
            # entries keyed by a URL it replaces (a moved link's definition)
            allowed.update({_ITEM + u for u in urls})
            allowed.update({_LIVE + u for _, u in urlish(removed)})
            # the entries it removes or whose text it touches (a duplicate's removal, a
            # moved link's new URL)
            if keyed is None:
                keyed = audit_keys(doc)
                ends = [it.own_end for it, _ in keyed]
            j = bisect_right(ends, e.start)
            while j < len(keyed) and keyed[j][0].item.start < max(e.end, e.start + 1):
                allowed[_ITEM + keyed[j][1]] += 1
                j += 1
    return allowed


def _lost(before: Counter[str], after: Counter[str], allowed: Counter[str]) -> Counter[str]:
    """What ``before`` had and ``after`` lacks beyond ``allowed``. An entry without a URL
    that gains one (a badge added to a heading inside a list item) is still there: each
    new URL-keyed entry makes up for one lost entry without a URL."""
    lost = before - after - allowed
    plain = lost.get(_ITEM, 0)
    if plain:
        gained = sum(
            n - before.get(k, 0)
            for k, n in after.items()
            if k.startswith(_ITEM) and k != _ITEM and n > before.get(k, 0)
        )
        if gained >= plain:
            del lost[_ITEM]
        elif gained:
            lost[_ITEM] = plain - gained
    return lost


def lost_by(before: Document, after: Document) -> Counter[str]:
    """What ``after`` lacks of ``before``'s words, URLs, live links and list entries: the
    self-check of every pass, for a change made outside the fixer (a review suggestion
    applied on its own). Empty when nothing is lost."""
    return _lost(before.memo("fixer.inventory", _inventory), _inventory(after), Counter())


def lost_words(before: str, after: str) -> Counter[str]:
    """The words and URL-shaped text of ``before`` that ``after`` lacks: the part of the
    self-check that a piece of text replaced by another can answer alone."""
    return _words_and_urls(before, []) - _words_and_urls(after, [])


@dataclass(frozen=True, slots=True)
class _Pass:
    """The fixes of one pass that lose nothing together, the text they make, and the
    unsafe fixes left out for good (they would lose more than they announce)."""

    fixes: list[Finding]
    doc: Document
    inventory: Counter[str]
    vetoed: frozenset[_Key] = frozenset()


_Key = tuple[str, tuple[tuple[str, str], ...]]


def _key(doc: Document, f: Finding) -> _Key:
    """A fix by its rule and what its edits replace with what (offsets shift between
    passes; the text does not)."""
    edits = f.fix.edits if f.fix else ()
    return f.rule, tuple((doc.text[e.start : e.end], e.content) for e in edits)


@dataclass(frozen=True, slots=True)
class _Loss:
    """What some fixes would lose, and the text they would make."""

    lost: Counter[str]
    doc: Document


def _try(doc: Document, fixes: Sequence[Finding], inventory: Counter[str]) -> _Pass | _Loss:
    """Apply ``fixes``: the pass, or what it would lose."""
    new_doc = parse(apply_edits(doc.text, [e for f in fixes if f.fix for e in f.fix.edits]))
    new_inventory = _inventory(new_doc)
    lost = _lost(inventory, new_inventory, _allowance(doc, fixes))
    return _Loss(lost, new_doc) if lost else _Pass(list(fixes), new_doc, new_inventory)


def _lossless(
    doc: Document, batch: Sequence[Finding], inventory: Counter[str], loss: _Loss
) -> _Pass:
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
            tried = _try(doc, group, inventory)
            if isinstance(tried, _Loss):
                losses[rule] = tried
    vetoed: set[_Key] = set()
    for rule in list(losses):
        left_out = _unsafe_at_fault(doc, by_rule[rule], inventory)
        if left_out:
            vetoed.update(_key(doc, f) for f in left_out)
            by_rule[rule] = [f for f in by_rule[rule] if all(f is not g for g in left_out)]
            del losses[rule]
    if losses:
        rules = ", ".join(sorted(losses))
        what = _what(doc, next(iter(losses.values())))
        raise FixError(f"refusing to write: the fix of {rules} would remove {what}")
    kept = _Pass([], doc, inventory)
    for group in by_rule.values():
        more = _try(doc, [*kept.fixes, *group], inventory) if group else None
        if isinstance(more, _Pass):
            kept = more
    return _Pass(kept.fixes, kept.doc, kept.inventory, frozenset(vetoed))


_MAX_SINGLE_TRIES = 20


def _unsafe_at_fault(
    doc: Document, group: Sequence[Finding], inventory: Counter[str]
) -> list[Finding]:
    """The unsafe fixes of a rule whose fixes lose something, when its safe fixes alone
    do not: those that lose something on their own (or all of them). They are left out,
    their findings stay: with unsafe fixes asked for, a duplicate's removal that would
    also turn the next entry into the previous one's text is skipped, not the whole
    file refused."""
    risky = [f for f in group if f.fix and not f.fix.safe]
    if not risky:
        return []
    safe = [f for f in group if f.fix and f.fix.safe]
    if safe and isinstance(_try(doc, safe, inventory), _Loss):
        return []  # the safe fixes are at fault
    if len(risky) > _MAX_SINGLE_TRIES:
        return risky
    alone = [f for f in risky if isinstance(_try(doc, [f], inventory), _Loss)]
    return alone or risky


def _what(doc: Document, loss: _Loss) -> str:
    """The lost words or URLs, else the link, else the list entry, for the message."""
    lost = loss.lost
    named = sorted(k.removeprefix("url:") for k in lost if not k.startswith((_LIVE, _ITEM)))
    if named:
        return repr(", ".join(named[:3]))
    live = sorted(k.removeprefix(_LIVE) for k in lost if k.startswith(_LIVE))
    if live:
        return repr(f"the link to {live[0]}")
    # the entry: one whose key was lost and whose first line no entry of the new text has
    # (spaces aside: fixes move them)
    keys = set(lost)
    after = Counter(
        "".join(_entry_line(loss.doc, it.item.index).split()) for it, _ in audit_keys(loss.doc)
    )
    candidates = []
    for it, key in audit_keys(doc):
        if _ITEM + key in keys:
            index = it.item.index
            line = _entry_line(doc, index)
            bare = "".join(line.split())
            candidates.append((after[bare] <= 0, index, line))
            after[bare] -= 1
    if not candidates:
        return "a list entry"
    _, index, line = max(candidates, key=lambda c: (c[0], -c[1]))
    return f"the list entry {line[:80]!r} (line {doc.items[index].line})"


def _entry_line(doc: Document, index: int) -> str:
    """An entry's first line from its marker on, spaces collapsed."""
    it = doc.items[index]
    return " ".join(doc.text[it.start : doc.line_ends[it.line - 1]].split())


def _open(doc: Document, findings: list[Finding], vetoed: set[_Key]) -> list[Finding]:
    """The findings whose fix was not left out for good."""
    if not vetoed:
        return findings
    return [f for f in findings if f.fix is None or _key(doc, f) not in vetoed]


def fix_document(
    doc: Document,
    lint: Linter,
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    unsafe_rules: Collection[str] = (),
) -> FixResult:
    """Fix ``doc`` until no applicable fix is left; raise FixError rather than lose text."""
    applied: list[Finding] = []
    inventory = _inventory(doc)
    findings = lint(doc)
    vetoed: set[_Key] = set()
    for passes in range(max_passes):
        batch = choose(_open(doc, findings, vetoed), unsafe, unsafe_rules)
        if not batch:
            return FixResult(doc.text, tuple(applied), tuple(findings), passes)
        text = doc.text
        new_text = apply_edits(text, [e for f in batch if f.fix for e in f.fix.edits])
        new_doc = parse(new_text)
        new_inventory = _inventory(new_doc)
        lost = _lost(inventory, new_inventory, _allowance(doc, batch))
        if lost:  # self-check: re-parsed, something of the original is gone
            done = _lossless(doc, batch, inventory, _Loss(lost, new_doc))
            batch, new_doc, new_inventory = done.fixes, done.doc, done.inventory
            vetoed |= done.vetoed
        applied.extend(batch)
        doc, inventory = new_doc, new_inventory
        findings = lint(doc)
    left = choose(_open(doc, findings, vetoed), unsafe, unsafe_rules)
    if not left:  # the last allowed pass reached the fixpoint
        return FixResult(doc.text, tuple(applied), tuple(findings), max_passes)
    rules = ", ".join(sorted({f.rule for f in left}))
    raise FixError(f"fixes did not converge after {max_passes} passes (rules: {rules})")
