"""Apply fixes: non-overlapping edits per pass, repeated to a fixpoint, verified lossless."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from awesomelint.document import Document, RegionKind, parse
from awesomelint.errors import FixError
from awesomelint.model import Edit, Finding

MAX_PASSES = 100
_WORD = re.compile(r"\w+")
# URL-shaped text: its words are counted as one URL, so `[https://x](https://x)` ->
# `[X](https://x)` loses no word while the URL stays
_URLISH_RAW = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)[^\s<>\[\]\"'`]*")
_TRAILING = ".,:;!?*_~'\""


def _urlish(text: str) -> list[tuple[int, str]]:
    """URL-shaped text with its offset; like GFM autolinks, trailing punctuation and an
    unbalanced closing parenthesis are not part of the URL."""
    out = []
    for m in _URLISH_RAW.finditer(text):
        url = m.group(0)
        while url:
            if url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("(")):
                url = url[:-1]
            else:
                break
        if "(" in url and url.count("(") > url.count(")"):
            url = url[: url.index("(")] if url.index("(") > url.find("://") + 3 else url
        if url:
            out.append((m.start(), url))
    return out

_LIVE = "live:"  # a URL seen outside code

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


_CODE: frozenset[RegionKind] = frozenset({"fenced_code", "indent_code", "codespan"})


def _inventory(doc: Document) -> Counter[str]:
    """Words and link targets of a document: what a safe fix must keep."""
    # bare URLs are already counted as URL-shaped text; mistune's reading of them can
    # differ from the text's (it takes `(url)[text]` for the URL `url)[text`)
    inv = _words_and_urls(doc.text, [lk.url for lk in doc.links if lk.kind != "bare"])
    # a URL outside code must stay outside code: a fix that turns a link into a code
    # block keeps the URL's text but loses the link
    inv.update(
        {_LIVE + url for start, url in _urlish(doc.text) if not doc.in_region(start, _CODE)}
    )
    return inv


def _words_and_urls(text: str, urls: list[str]) -> Counter[str]:
    found = _urlish(text)
    rest, at = [], 0
    for start, url in found:
        rest.append(text[at:start])
        at = start + len(url)
    rest.append(text[at:])
    inv: Counter[str] = Counter(_WORD.findall(" ".join(rest)))
    # URLs count once each: a safe fix may merge `[a]url` into `[a](url)`, never drop one
    inv.update({"url:" + u for u in [*urls, *(u for _, u in found)]})
    return inv


def _allowance(doc: Document, fixes: Sequence[Finding]) -> Counter[str]:
    """What unsafe fixes announce they remove: the words, URLs and links they replace."""
    allowed: Counter[str] = Counter()
    for f in fixes:
        if f.fix is None or f.fix.safe:
            continue
        for e in f.fix.edits:
            removed = doc.text[e.start : e.end]
            links = [lk for lk in doc.links_between(e.start, e.end) if lk.end <= e.end]
            allowed.update(_words_and_urls(removed, [lk.url for lk in links]))
            allowed.update({_LIVE + u for _, u in _urlish(removed)})
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
            live = sorted(k.removeprefix(_LIVE) for k in lost if k.startswith(_LIVE))
            named = sorted(k.removeprefix("url:") for k in lost if not k.startswith(_LIVE))
            what = ", ".join(named[:3]) or f"the link to {live[0]}"
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
