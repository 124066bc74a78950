"""Suppression comments: ours and awesome-lint's."""

from __future__ import annotations

from pathlib import Path

import pytest

import awesomelint
from awesomelint.cli import main
from awesomelint.markdown import parse
from awesomelint.registry import ALL_RULES
from awesomelint.suppress import AWESOME_LINT_IDS

SELECT = {"select": ["H001", "duplicate-link"]}


def _lines(text: str) -> list[tuple[str, int]]:
    doc = parse(text)
    return [(f.rule, doc.line_of(f.start)) for f in awesomelint.check(text, config=SELECT)]


def test_awesome_lint_disable_enable_maps_to_our_rules() -> None:
    text = (
        "# T\n\n- [a](https://a.example) - A.\n"
        "<!--lint disable double-link-->\n"
        "- [b](https://a.example/) - B.\n"
        "<!--lint enable double-link-->\n"
        "- [c](https://a.example) - C.\n"
    )
    assert _lines(text) == [("duplicate-link", 7)]


def test_awesome_lint_ignore_covers_the_next_block_only() -> None:
    text = "# T\n\n<!--lint ignore-->\n###One\n###Two\n\n###Three\n"
    assert _lines(text) == [("heading-missing-space", 7)]


def test_awesome_lint_ignore_block_runs_over_a_line_of_no_break_spaces() -> None:
    # a line of U+00A0 is text to CommonMark (and to remark): the paragraph, the node
    # the comment ignores, goes on past it
    text = "# T\n\n<!--lint ignore-->\n###One\n\u00a0\n###Two\n\n###Three\n"
    assert parse(text).blocks[-2].lines[-1].text == "###Two"  # one paragraph
    assert _lines(text) == [("heading-missing-space", 8)]


def test_unknown_awesome_lint_ids_are_ignored_and_known_ones_still_apply() -> None:
    text = "# T\n\n<!--lint disable awesome-github no-undefined-references-->\n###x\n"
    assert _lines(text) == [("heading-missing-space", 4)]


def test_ours_with_a_typo_still_applies_the_valid_names() -> None:
    text = "# T\n\n<!-- awesomelint-disable-next-line nope, H001 -->\n###x\n###y\n"
    assert _lines(text) == [("heading-missing-space", 5)]


def test_comments_in_code_are_not_directives() -> None:
    text = "# T\n\n```\n<!--lint disable-->\n```\n\n###x\n"
    assert _lines(text) == [("heading-missing-space", 7)]


def test_every_mapped_id_names_a_rule() -> None:
    names = {r.name for r in ALL_RULES}
    unknown = {v for v in AWESOME_LINT_IDS.values() if v not in names}
    assert not unknown


def test_cli_reports_unknown_and_unused_suppressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "list.md"
    doc.write_text(
        "# T\n\n<!-- awesomelint-disable-next-line duplicate-links -->\n- a\n"
        "<!-- awesomelint-disable-next-line W001 -->\n- b\n",
        encoding="utf-8",
    )
    assert main(["check", str(doc)]) == 1
    out = capsys.readouterr().out
    assert f"{doc}:3:36: S001 [unknown-suppression] Unknown rule 'duplicate-links'" in out
    assert "(did you mean duplicate-link?)" in out and "S002" not in out
    assert main(["check", "--report-unused-suppressions", str(doc)]) == 1
    out = capsys.readouterr().out
    assert f"{doc}:5:36: S002 [unused-suppression] Suppression of W001 suppresses nothing" in out
    assert main(["check", "--ignore", "S001", str(doc)]) == 0


def test_a_suppression_used_by_one_code_of_a_prefix_is_used() -> None:
    text = "# T\n\n<!-- awesomelint-disable-next-line W -->\n- a \n"
    config = {"select": ["W", "unused-suppression"]}
    assert awesomelint.check(text, config=config) == []
    config = {"select": ["H", "unused-suppression"]}  # W did not run: not judged
    assert awesomelint.check(text, config=config) == []
