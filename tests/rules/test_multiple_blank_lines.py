"""multiple-blank-lines (W002): the `maximum` option and its interplay with W001/W003."""

from __future__ import annotations

import awesomelint

TEXT = "# T\n\n\n\ntext\n\n\nmore\n"


def _w002(text: str, maximum: int) -> list[awesomelint.Finding]:
    config = {"select": ["W002"], "multiple-blank-lines": {"maximum": maximum}}
    return awesomelint.check(text, config=config)


def test_maximum_two_allows_two() -> None:
    [finding] = _w002(TEXT, 2)
    assert finding.message == "3 consecutive blank lines; expected at most 2"
    config = {"select": ["W002"], "multiple-blank-lines": {"maximum": 2}}
    assert awesomelint.fix(TEXT, config=config) == "# T\n\n\ntext\n\n\nmore\n"


def test_whitespace_only_lines_count_and_fixes_of_w001_and_w002_converge() -> None:
    text = "a\n \n\t\n  \nb\n"
    [finding] = _w002(text, 1)
    assert finding.message == "3 consecutive blank lines; expected at most 1"
    assert awesomelint.fix(text, config={"select": ["W"]}) == "a\n\nb\n"


def test_trailing_blank_lines_are_left_to_final_newline() -> None:
    assert _w002("a\n\n\n\n", 1) == []
    codes = [f.code for f in awesomelint.check("a\n\n\n\n", config={"select": ["W"]})]
    assert codes == ["W003"]
