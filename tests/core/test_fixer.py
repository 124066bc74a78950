"""Unit tests of the awesomelint.fixer package: edits, choosing fixes, fixpoint, lossless guard."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator

import pytest

from awesomelint.document import Document
from awesomelint.engine import lint
from awesomelint.errors import FixError
from awesomelint.fixer import MAX_PASSES, apply_edits, choose, fix_document
from awesomelint.markdown import parse
from awesomelint.model import Edit, Finding, Fix, Problem
from awesomelint.registry import Settings
from awesomelint.rules._base import Context, Rule


def _finding(code: str, *edits: tuple[int, int, str], safe: bool = True) -> Finding:
    fix = Fix(f"fix {code}", tuple(Edit(a, b, c) for a, b, c in edits), safe) if edits else None
    start = min((a for a, _, _ in edits), default=0)
    return Finding(code, code.lower(), "message", start, start, fix=fix)


def _rule(name: str, check: Callable[[Context], Iterator[Problem]]) -> Rule:
    return Rule(code="X901", name=name, summary=name, check=check, doc=f"{name} (X901): test")


def _fix(
    text: str, rule: Rule, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> tuple[str, int, int]:
    settings = Settings((rule,))

    def linter(doc: Document) -> list[Finding]:
        return lint(doc, settings)

    result = fix_document(parse(text), linter, unsafe=unsafe, max_passes=max_passes)
    return result.text, len(result.applied), len(result.remaining)


# -- apply_edits ---------------------------------------------------------------------


def test_apply_edits_in_any_order() -> None:
    edits = [Edit(6, 11, "there"), Edit(0, 5, "Hi"), Edit(11, 11, "!")]
    assert apply_edits("hello world", edits) == "Hi there!"
    assert apply_edits("hello world", list(reversed(edits))) == "Hi there!"


def test_apply_edits_insertion_goes_before_a_replacement_at_the_same_point() -> None:
    assert apply_edits("abc", [Edit(1, 2, "X"), Edit(1, 1, "+")]) == "a+Xc"


def test_apply_edits_without_edits_and_at_the_ends() -> None:
    assert apply_edits("abc", []) == "abc"
    assert apply_edits("abc", [Edit(0, 0, "<"), Edit(3, 3, ">")]) == "<abc>"
    assert apply_edits("a\r\nb", [Edit(1, 1, " ")]) == "a \r\nb"


# -- choose ----------------------------------------------------------------------------


def test_choose_skips_unsafe_fixes_unless_allowed() -> None:
    safe = _finding("A001", (0, 1, "x"))
    unsafe = _finding("B001", (5, 6, "y"), safe=False)
    assert choose([safe, unsafe], unsafe=False) == [safe]
    assert choose([safe, unsafe], unsafe=True) == [safe, unsafe]


def test_choose_ignores_findings_without_edits() -> None:
    no_fix = _finding("A001")
    empty = Finding("A002", "a002", "m", 0, 0, fix=Fix("nothing", ()))
    assert choose([no_fix, empty], unsafe=True) == []


def test_choose_overlapping_fixes_earliest_start_then_code_wins() -> None:
    late = _finding("A001", (3, 8, ""))
    early = _finding("B001", (2, 4, ""))
    assert choose([late, early], unsafe=False) == [early]
    tie_b = _finding("B002", (2, 5, ""))
    tie_a = _finding("A002", (2, 3, ""))
    assert choose([tie_b, tie_a], unsafe=False) == [tie_a]


def test_choose_touching_ranges_do_not_overlap() -> None:
    left = _finding("A001", (0, 3, ""))
    right = _finding("B001", (3, 5, ""))
    assert choose([right, left], unsafe=False) == [left, right]


def test_choose_same_point_insertions_keep_only_one() -> None:
    a = _finding("A001", (4, 4, "a"))
    b = _finding("B001", (4, 4, "b"))
    assert choose([b, a], unsafe=False) == [a]  # the order would be arbitrary


def test_choose_insertion_inside_a_replaced_range_but_not_at_its_edges() -> None:
    replace = _finding("A001", (2, 6, "x"))
    inside = _finding("B001", (4, 4, "y"))
    at_start = _finding("C001", (2, 2, "y"))
    at_end = _finding("D001", (6, 6, "y"))
    chosen = choose([inside, at_end, at_start, replace], unsafe=False)
    assert chosen == [replace, at_start, at_end]


def test_choose_rejects_a_whole_fix_when_one_of_its_edits_overlaps() -> None:
    first = _finding("A001", (0, 2, ""))
    multi = _finding("B001", (1, 1, "x"), (10, 12, ""))
    other = _finding("C001", (11, 13, ""))
    chosen = choose([first, multi, other], unsafe=False)
    assert chosen == [first, other]


# -- fix_document ----------------------------------------------------------------------


def _replace_rule(name: str, old: str, new: str, safe: bool = True) -> Rule:
    def check(ctx: Context) -> Iterator[Problem]:
        i = ctx.text.find(old)
        if i >= 0:
            yield Problem(f"{old!r} found", i, i + len(old),
                          Fix(f"Replace {old!r}", (Edit(i, i + len(old), new),), safe))

    return _rule(name, check)


def test_fixes_run_to_a_fixpoint() -> None:
    rule = _replace_rule("dedupe", "  ", " ")
    text, applied, remaining = _fix("a        b\n", rule)
    assert text == "a b\n"
    assert applied == 7  # one edit per pass: each pass re-lints the new text
    assert remaining == 0


def test_oscillating_rule_raises_after_max_passes() -> None:
    def check(ctx: Context) -> Iterator[Problem]:
        # swaps two words back and forth: loses nothing, never settles
        i = ctx.text.find("ping pong")
        new = "pong ping"
        if i < 0:
            i, new = ctx.text.find("pong ping"), "ping pong"
        if i >= 0:
            yield Problem("swap", i, i + 9, Fix("Swap", (Edit(i, i + 9, new),)))

    with pytest.raises(FixError, match=r"did not converge after 5 passes \(rules: flip-flop\)"):
        _fix("ping pong\n", _rule("flip-flop", check), max_passes=5)


def test_safe_fix_that_drops_a_word_is_refused_naming_the_rule() -> None:
    rule = _replace_rule("word-eater", "Flask micro", "Flask")
    with pytest.raises(FixError, match=r"the fix of word-eater would remove 'micro'"):
        _fix("- Flask micro framework\n", rule)


def test_the_fix_loop_leaves_the_cyclic_gc_as_it_found_it() -> None:
    """The loop runs with the cyclic GC off (it makes no cycles) and switches it back on
    after, also when it refuses to write; a caller who had it off keeps it off."""
    eater = _replace_rule("word-eater", "Flask micro", "Flask")
    was_on = gc.isenabled()
    try:
        for on in (True, False):
            (gc.enable if on else gc.disable)()
            assert _fix("a  b\n", _replace_rule("dedupe", "  ", " "))[0] == "a b\n"
            assert gc.isenabled() is on
            with pytest.raises(FixError):
                _fix("- Flask micro framework\n", eater)
            assert gc.isenabled() is on
    finally:
        (gc.enable if was_on else gc.disable)()


def test_safe_fix_that_drops_a_url_is_refused() -> None:
    rule = _replace_rule("link-eater", "[Flask](https://flask.example)", "Flask")
    with pytest.raises(FixError, match=r"link-eater would remove 'https://flask.example'"):
        _fix("- [Flask](https://flask.example)\n", rule)


def test_unsafe_fix_may_remove_what_it_replaces_only_when_unsafe_is_allowed() -> None:
    rule = _replace_rule("word-eater", "Flask micro", "Flask", safe=False)
    text, applied, remaining = _fix("- Flask micro framework\n", rule)
    assert (text, applied, remaining) == ("- Flask micro framework\n", 0, 1)
    text, applied, remaining = _fix("- Flask micro framework\n", rule, unsafe=True)
    assert (text, applied, remaining) == ("- Flask framework\n", 1, 0)


def test_unsafe_allowance_does_not_cover_words_removed_elsewhere() -> None:
    def check(ctx: Context) -> Iterator[Problem]:
        if "spam" in ctx.text:
            i = ctx.text.index("spam")
            j = ctx.text.index("keep")
            yield Problem("x", i, i + 4, Fix("Remove", (Edit(i, i + 4, ""),), safe=False))
            yield Problem("y", j, j + 4, Fix("Remove", (Edit(j, j + 4, ""),), safe=True))

    with pytest.raises(FixError, match="would remove 'keep'"):
        _fix("spam and keep\n", _rule("greedy", check), unsafe=True)


def test_fixpoint_reached_on_the_last_allowed_pass_is_not_an_error() -> None:
    rule = _replace_rule("once", "a  b", "a b")
    text, applied, remaining = _fix("a  b\n", rule, max_passes=1)
    assert (text, applied, remaining) == ("a b\n", 1, 0)


def _overlaps(e: Edit, a: int, b: int) -> bool:
    """The reference: what overlapping means for two edits."""
    if e.start == e.end and a == b:
        return e.start == a
    return (e.start < b and a < e.end) or (e.start == e.end and a < e.start < b)


def _choose_reference(findings: list[Finding]) -> list[Finding]:
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [f for f in findings if f.fix and f.fix.edits and f.fix.safe]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits) if f.fix else 0, f.code))
    for f in candidates:
        assert f.fix is not None
        if any(_overlaps(e, a, b) for e in f.fix.edits for a, b in taken):
            continue
        chosen.append(f)
        taken.extend((e.start, e.end) for e in f.fix.edits)
    return chosen


def test_choose_agrees_with_the_pairwise_reference() -> None:
    import random

    rnd = random.Random(7)
    for _ in range(3000):
        findings = []
        for k in range(rnd.randint(1, 8)):
            edits = []
            for _ in range(rnd.randint(1, 3)):
                a = rnd.randint(0, 20)
                b = a + rnd.choice([0, 0, 1, 2, 5])
                edits.append((a, b, "x"))
            edits.sort()
            # a fix's own edits never overlap each other
            if any(_overlaps(Edit(*x), y[0], y[1]) for x, y in itertools.pairwise(edits)):
                continue
            findings.append(_finding(f"A{k:03d}", *edits))
        assert choose(findings, unsafe=False) == _choose_reference(findings)


def test_choose_is_fast_on_many_fixes() -> None:
    import time

    findings = [_finding(f"A{i % 7:03d}", (i * 3, i * 3 + 2, "")) for i in range(100_000)]
    t0 = time.monotonic()
    assert len(choose(findings, unsafe=False)) == 100_000
    assert time.monotonic() - t0 < 3.0


# -- the passes lint with the rules whose fixes they may apply -------------------------


def test_passes_lint_only_the_rules_that_may_fix_and_the_result_is_the_same() -> None:
    """With a BoundLinter, the Documents between passes are linted only with the rules
    whose fixes the run may apply, the fixed one with all: the same fixed text, fixes,
    findings (in the same order) as the whole lint at every pass - safe, unsafe, and with
    a rule's unsafe fixes asked for by name (as `fix --links` does)."""
    from pathlib import Path

    from awesomelint.config import Config
    from awesomelint.engine import BoundLinter

    root = Path(__file__).resolve().parent.parent.parent
    texts = [p.read_text("utf-8") for p in sorted((root / "tests" / "data").glob("*.md"))]
    texts += [p.read_text("utf-8") for p in sorted((root / "examples").glob("*.md"))]
    # (unused-suppression judges every rule's suppressions at once: no split with it)
    every = Config(select=("ALL",)).settings().rules
    settings = Settings(tuple(r for r in every if r.name != "unused-suppression"))
    bound = BoundLinter(settings)
    assert bound.split(lambda r: r.fixable) is not None
    calls: list[int] = []

    def whole(doc: Document) -> list[Finding]:
        calls.append(1)
        return lint(doc, settings)

    for text in texts:
        for unsafe, by_name in ((False, ()), (True, ()), (False, ("duplicate-link",))):
            split = fix_document(parse(text), bound, unsafe=unsafe, unsafe_rules=by_name)
            plain = fix_document(parse(text), whole, unsafe=unsafe, unsafe_rules=by_name)
            assert split == plain
            assert split.remaining == tuple(lint(parse(split.text), settings))
            bare = fix_document(
                parse(text), bound, unsafe=unsafe, unsafe_rules=by_name, text_only=True
            )
            assert (bare.text, bare.applied, bare.remaining) == (split.text, split.applied, ())
    assert len(calls) > len(texts) * 3  # (some texts took more than one pass)


def test_a_linter_is_not_split_when_unused_suppression_is_selected() -> None:
    from awesomelint.config import Config
    from awesomelint.engine import BoundLinter

    rules = Config(select=("ALL",)).settings().rules
    assert any(r.name == "unused-suppression" for r in rules)
    assert BoundLinter(Settings(rules)).split(lambda r: r.fixable) is None
    kept = tuple(r for r in rules if r.name != "unused-suppression")
    assert BoundLinter(Settings(kept)).split(lambda r: r.fixable) is not None
    assert BoundLinter(Settings(kept)).split(lambda r: True) is None  # nothing to leave out
