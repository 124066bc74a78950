"""Review suggestions and plans, without git or a server: the fixed lines per finding."""

from __future__ import annotations

import awesomelint
from awesomelint import parse
from awesomelint.model import Edit, Finding, Fix
from awesomelint.review import plan
from awesomelint.review.suggest import Replacement, apply, replacements

TEXT = (
    "# Awesome\n\n## Tools\n\n"
    "* [A](https://a.example) - First.   \n"
    "- https://b.example\n"
    "\n\n"
    "- [C]https://c.example - Third.\n"
)


def suggestions(text: str) -> tuple[list[Finding], dict[int, Replacement]]:
    doc = parse(text)
    found = awesomelint.check(text)
    return found, replacements(doc, found, awesomelint.fix(text))


def test_each_fixable_finding_gets_the_fixed_lines_and_one_line_one_suggestion() -> None:
    found, repls = suggestions(TEXT)
    by_code = {(f.code, parse(TEXT).line_of(f.start)): repls.get(i) for i, f in enumerate(found)}
    django = Replacement(5, 5, ("- [A](https://a.example) - First.",))
    assert by_code[("L002", 5)] == by_code[("W001", 5)] == django  # merged, not two
    assert by_code[("K002", 6)] == Replacement(6, 6, ("- [b.example](https://b.example)",))
    assert by_code[("W002", 8)] == Replacement(8, 8, ())  # the blank line it is on goes
    assert apply(TEXT, list(repls.values())) == awesomelint.fix(TEXT)


def test_a_suggestion_that_would_lose_a_url_is_never_made() -> None:
    text = "# T\n\n- [A](https://a.example) - One.  \n- [B](https://b.example) - Two.\n"
    doc = parse(text)
    start = text.index("  \n")
    ws = Finding("W001", "trailing-whitespace", "Trailing", start, start + 2,
                 fix=Fix("Remove", (Edit(start, start + 2, ""),)))  # fmt: skip
    lossy = text.replace("- [A](https://a.example) - One.  ", "- A - One.")
    assert replacements(doc, [ws], lossy) == {}
    good = text.replace("One.  ", "One.")
    fixed_line = Replacement(3, 3, ("- [A](https://a.example) - One.",))
    assert replacements(doc, [ws], good) == {0: fixed_line}


def test_markers_do_not_change_when_lines_move() -> None:
    def markers(text: str) -> list[str]:
        doc = parse(text)
        found = tuple(awesomelint.check(text))
        fr = plan.FileResult("README.md", doc, found, frozenset(range(1, 99)), {})
        return [p.marker for p in plan.place([fr])]

    before = markers(TEXT)
    moved = markers(TEXT.replace("## Tools\n", "## Tools\n\nSome words.\n"))
    assert before == moved and len(set(before)) == len(before)
    # two identical findings on identical lines still get two markers
    twice = markers(TEXT + "- [C]https://c.example - Third.\n")
    assert len(set(twice)) == len(twice)


def test_a_multi_line_suggestion_is_a_multi_line_comment() -> None:
    fr = plan.FileResult(
        "a.md", parse("x\n"), (Finding("W001", "trailing-whitespace", "m", 0, 1),),
        frozenset({1, 2}), {0: Replacement(1, 2, ("y",))},
    )  # fmt: skip
    placed = plan.place([fr])
    review = plan.build(placed, [fr], "0" * 40)
    assert review is not None
    [comment] = review.payload["comments"]
    assert (comment["start_line"], comment["start_side"], comment["line"]) == (1, "RIGHT", 2)
    # a replacement reaching a line the pull request leaves alone is no suggestion
    fr = plan.FileResult(fr.path, fr.doc, fr.findings, frozenset({1}), fr.replacements)
    [p] = plan.place([fr])
    assert p.suggestion is None and p.line == 1 and "leaves alone" in (p.unsuggested or "")


def test_a_suggestion_holding_backticks_gets_a_longer_fence() -> None:
    fr = plan.FileResult(
        "a.md", parse("x\n"), (Finding("W001", "trailing-whitespace", "m", 0, 1),),
        frozenset({1}), {0: Replacement(1, 1, ("```py", "````"))},
    )  # fmt: skip
    [p] = plan.place([fr])
    assert "`````suggestion\n```py\n````\n`````" in plan.comment_body(p)


def test_a_file_fix_refuses_gets_comments_without_suggestions() -> None:
    text = "- https://a.example\n"
    found = tuple(awesomelint.check(text))
    why = "refusing to write: the fix of missing-title would remove 'a'"
    fr = plan.FileResult("a.md", parse(text), found, frozenset({1}), {}, why)
    [p] = plan.place([fr])
    assert p.suggestion is None and why in plan.comment_body(p)
    review = plan.build([p], [fr], "0" * 40)
    assert review is not None
    assert f"`awesomelint fix` refuses `a.md`: {why}" in review.payload["body"]
