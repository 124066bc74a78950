"""Apply fixes: non-overlapping edits per pass, repeated to a fixpoint, verified lossless."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from awesomelint.document import Document, parse
from awesomelint.errors import FixError
from awesomelint.model import Edit, Finding

MAX_PASSES = 100
_WORD = re.compile(r"\w+")
# URL-shaped text: its words are counted as one URL, so `[https://x](https://x)` ->
# `[X](https://x)` loses no word while the URL stays
_URLISH = re.compile(
    # like GFM autolinks, trailing punctuation is not part of the URL
    r"(?:[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)[^\s<>()\[\]\"']*[^\s<>()\[\]\"'.,:;!?*_~]"
)

_LINK_COUNT = "links:count"

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


def choose(findings: Sequence[Finding], unsafe: bool) -> list[Finding]:
    """Fixes to apply in one pass: allowed by safety, edits not overlapping earlier ones."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [f for f in findings if f.fix and f.fix.edits and (f.fix.safe or unsafe)]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits) if f.fix else 0, f.code))
    for f in candidates:
        assert f.fix is not None
        if any(_overlaps(e, a, b) for e in f.fix.edits for a, b in taken):
            continue
        chosen.append(f)
        taken.extend((e.start, e.end) for e in f.fix.edits)
    return chosen


def _overlaps(e: Edit, a: int, b: int) -> bool:
    if e.start == e.end and a == b:
        return e.start == a  # two insertions at one point: order would be arbitrary
    return (e.start < b and a < e.end) or (e.start == e.end and a < e.start < b)


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


def _inventory(doc: Document) -> Counter[str]:
    """Words and link targets of a document: what a safe fix must keep."""
    # bare URLs are already counted as URL-shaped text; mistune's reading of them can
    # differ from the text's (it takes `(url)[text]` for the URL `url)[text`)
    inv = _words_and_urls(doc.text, [lk.url for lk in doc.links if lk.kind != "bare"])
    inv[_LINK_COUNT] = len(doc.links)  # fewer links (e.g. one turned into code) is a loss
    return inv


def _words_and_urls(text: str, urls: list[str]) -> Counter[str]:
    inv: Counter[str] = Counter(_WORD.findall(_URLISH.sub(" ", text)))
    # URLs count once each: a safe fix may merge `[a]url` into `[a](url)`, never drop one
    inv.update({"url:" + u for u in [*urls, *_URLISH.findall(text)]})
    return inv


def _allowance(doc: Document, fixes: Sequence[Finding]) -> Counter[str]:
    """What unsafe fixes announce they remove: the words, URLs and links they replace."""
    allowed: Counter[str] = Counter()
    for f in fixes:
        if f.fix is None or f.fix.safe:
            continue
        for e in f.fix.edits:
            links = [lk for lk in doc.links_between(e.start, e.end) if lk.end <= e.end]
            allowed.update(_words_and_urls(doc.text[e.start : e.end], [lk.url for lk in links]))
            allowed[_LINK_COUNT] += len(links)
    return allowed


def _culprits(text: str, fixes: Sequence[Finding], lost: Counter[str]) -> list[str]:
    names = []
    for f in fixes:
        assert f.fix is not None
        region = " ".join(text[e.start : e.end] for e in f.fix.edits)
        if any(k.removeprefix("url:") in region for k in lost):
            names.append(f.rule)
    return sorted(set(names or [f.rule for f in fixes]))


def fix_document(
    doc: Document, lint: Linter, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixResult:
    """Fix ``doc`` until no applicable fix is left; raise FixError rather than lose text."""
    applied: list[Finding] = []
    inventory = _inventory(doc)
    findings = lint(doc)
    for passes in range(max_passes):
        batch = choose(findings, unsafe)
        if not batch:
            return FixResult(doc.text, tuple(applied), tuple(findings), passes)
        text = doc.text
        new_text = apply_edits(text, [e for f in batch if f.fix for e in f.fix.edits])
        new_doc = parse(new_text)
        new_inventory = _inventory(new_doc)
        lost = inventory - new_inventory - _allowance(doc, batch)
        if lost:
            named = sorted(k.removeprefix("url:") for k in lost if k != _LINK_COUNT)
            what = ", ".join(named[:3]) or "a link"
            rules = ", ".join(_culprits(text, batch, lost))
            raise FixError(f"refusing to write: the fix of {rules} would remove {what!r}")
        applied.extend(batch)
        doc, inventory = new_doc, new_inventory
        findings = lint(doc)
    left = choose(findings, unsafe)
    if not left:  # the last allowed pass reached the fixpoint
        return FixResult(doc.text, tuple(applied), tuple(findings), max_passes)
    rules = ", ".join(sorted({f.rule for f in left}))
    raise FixError(f"fixes did not converge after {max_passes} passes (rules: {rules})")
