"""A mutation fuzzer over real lists: check never raises, spans stay inside the text, and
fix converges, is idempotent and keeps every URL and word - or refuses (FixError) without
writing, which counts as a failure here, since safe fixes are promised to be lossless.

Bases: the lists in this repository (always) and ../shared/corpus (when present). The
default run mutates a few hundred cases; `pytest -m slow` runs thousands.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import awesomelint

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
URL = re.compile(r"https?://[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,:;!?*_~]")
WORD = re.compile(r"\w+")
PIECES = [
    "#",
    "##",
    "###",
    "- ",
    "* ",
    "+ ",
    "1. ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    ">",
    "[",
    "]",
    "(",
    ")",
    "`",
    "```",
    "<div>",
    "</div>",
    "<!-- x -->",
    "**",
    "_",
    "\\",
    "[a](https://m.example/a)",
    "https://m.example/b",
    "[b]",
    "[b]: https://m.example/c",
    "딥러닝",
    "「",
    "」",
    "!",
    "?",
    ":",
    "\u00a0",
    "\ufeff",
]


def _bases() -> list[str]:
    data = ROOT / "tests" / "data"
    files = [
        ROOT / "examples" / "awesome-example.md",
        data / "seed-like.md",
        data / "lists-like.md",
    ]
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.md"))
    out = []
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            out.append(fh.read())
    return out


def mutate(text: str, rnd: random.Random) -> str:
    """A window of ~40 lines of ``text`` with a few random edits."""
    lines = text.splitlines(keepends=True)
    start = rnd.randrange(max(1, len(lines) - 40))
    window = lines[start : start + rnd.randint(3, 40)]
    for _ in range(rnd.randint(1, 6)):
        op = rnd.randrange(6)
        i = rnd.randrange(len(window)) if window else 0
        if op == 0 and window:
            del window[i]
        elif op == 1 and window:
            window.insert(i, window[i])
        elif op == 2 and len(window) > 1:
            j = rnd.randrange(len(window))
            window[i], window[j] = window[j], window[i]
        elif op == 3 and window:
            ln = window[i]
            k = rnd.randrange(len(ln) + 1)
            window[i] = ln[:k] + rnd.choice(PIECES) + ln[k:]
        elif op == 4 and window:
            ln = window[i]
            k = rnd.randrange(len(ln) + 1)
            window[i] = ln[:k] + ln[k + rnd.randint(1, 5) :]
        else:
            window.insert(i, rnd.choice(PIECES) + rnd.choice(PIECES) + "\n")
    return "".join(window)


ALL = {"select": ["ALL"]}  # network rules stay silent offline


def check_one(text: str) -> None:
    findings = awesomelint.check(text, config=ALL)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
    try:
        fixed = awesomelint.fix(text, config=ALL)
    except awesomelint.FixError as exc:
        pytest.fail(f"FixError on {text!r}: {exc}")
    assert awesomelint.fix(fixed, config=ALL) == fixed, f"not idempotent: {text!r}"
    for url in set(URL.findall(text)):
        assert url in fixed, f"lost {url!r} from {text!r}"
    before = {w: n for w, n in _words(text).items()}
    after = _words(fixed)
    lost = {w: n - after.get(w, 0) for w, n in before.items() if after.get(w, 0) < n}
    assert not lost, f"lost words {lost} from {text!r}"


def _words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in (x.casefold() for x in WORD.findall(URL.sub(" ", text))):
        counts[w] = counts.get(w, 0) + 1
    return counts


def _run(cases: int, seed: int) -> None:
    rnd = random.Random(seed)
    bases = _bases()
    for _ in range(cases):
        check_one(mutate(rnd.choice(bases), rnd))


def test_mutations_default() -> None:
    _run(500, seed=2026)


@pytest.mark.slow
def test_mutations_many() -> None:
    _run(5000, seed=11)
