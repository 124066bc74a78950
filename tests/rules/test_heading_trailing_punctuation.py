"""heading-trailing-punctuation (H003): the `punctuation` option and fix details."""

from __future__ import annotations

import pytest

import awesomelint


def _messages(text: str, **options: str) -> list[str]:
    config = {"select": ["H003"], "heading-trailing-punctuation": options}
    return [f.message for f in awesomelint.check(text, config=config)]


def test_question_mark_is_allowed_by_default_and_can_be_added() -> None:
    assert _messages("## FAQ?\n") == []
    assert _messages("## FAQ?\n", punctuation="?") == [
        'Heading ends with punctuation "?"; expected none'
    ]


def test_custom_punctuation_replaces_the_default() -> None:
    assert _messages("## Planning:\n", punctuation="!") == []


def test_empty_punctuation_disables_the_rule() -> None:
    assert _messages("## Planning:\n", punctuation="") == []


@pytest.mark.parametrize("title", ["Coming soon...", "Coming soon…", "Wait...."])
def test_an_ellipsis_is_never_reported(title: str) -> None:
    assert _messages(f"## {title}\n", punctuation=".…") == []


def test_fix_keeps_closing_hashes_crlf_and_the_setext_underline() -> None:
    text = "## Closed: ##\r\n\r\nTitle!\r\n======\r\n"
    assert awesomelint.fix(text, config={"select": ["H003"]}) == (
        "## Closed ##\r\n\r\nTitle\r\n======\r\n"
    )


def test_punctuation_after_a_bare_url_is_fixed_and_the_url_kept() -> None:
    # as in GFM autolinks, trailing punctuation is not part of the URL
    text = "## See https://example.com.\n"
    [finding] = awesomelint.check(text, config={"select": ["H003"]})
    assert finding.fix is not None
    assert awesomelint.fix(text, config={"select": ["H003"]}) == "## See https://example.com\n"


def test_wrong_option_type_is_a_config_error() -> None:
    with pytest.raises(awesomelint.ConfigError):
        awesomelint.check("# x\n", config={"heading-trailing-punctuation": {"punctuation": 1}})
