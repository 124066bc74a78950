"""The explicit, ordered tuple of every rule. Codes are never reused.

Code families: H headings, L lists, K links, W whitespace.
Retired codes: none yet.
"""

from __future__ import annotations

from awesomelint.rules import (
    duplicate_link,
    final_newline,
    heading_increment,
    heading_missing_space,
    heading_trailing_punctuation,
    list_indent,
    list_marker,
    malformed_link,
    missing_title,
    multiple_blank_lines,
    no_hard_tabs,
    trailing_whitespace,
)
from awesomelint.rules._base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    heading_missing_space.RULE,
    heading_increment.RULE,
    heading_trailing_punctuation.RULE,
    list_indent.RULE,
    list_marker.RULE,
    duplicate_link.RULE,
    missing_title.RULE,
    malformed_link.RULE,
    trailing_whitespace.RULE,
    multiple_blank_lines.RULE,
    final_newline.RULE,
    no_hard_tabs.RULE,
)

__all__ = ["ALL_RULES", "Context", "Rule"]
