"""The bundled English word list of list-item-format stays valid for its bisecting lookup."""

from __future__ import annotations

import re

from awesomelint.rules._descriptions import _word_list, is_english
from awesomelint.rules._spelling import ENGLISH_WORDS


def test_word_list_is_sorted_unique_lowercase_and_large() -> None:
    data, start = _word_list()
    header = data[:start]
    assert all(line.startswith("#") for line in header.splitlines())
    assert "SCOWL" in header and "Copyright" in header and "WordNet" in header
    words = data[start:].splitlines()
    assert len(words) >= 20_000
    assert all(re.fullmatch(r"[a-z]+", w) for w in words)
    assert words == sorted(set(words))  # is_english bisects the text: order matters


def test_lookup_agrees_with_the_list() -> None:
    data, start = _word_list()
    words = data[start:].split()
    for w in [*words[:: max(1, len(words) // 2000)], words[0], words[-1]]:
        assert is_english(w), w
        assert not is_english(w + "qx"), w
        assert not is_english(w[:-1] + "\u00e9"), w
    assert is_english("invalid") and is_english("collection") and is_english("millions")
    assert all(is_english(w) for w in ENGLISH_WORDS)
    # lowercase tool names were left out of the list (curl and clang are in it, but
    # LOWERCASE_NAMES comes first: see the words fixture of list-item-format)
    assert not any(is_english(w) for w in ("tar", "chi", "curses", "iced", "npm", "webpack"))
