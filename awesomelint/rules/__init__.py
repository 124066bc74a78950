"""The explicit, ordered tuple of every rule. Codes are never reused.

Code families: A awesome-list conventions, H headings, L lists, K links, N network and
anchors (links group), S suppression comments, W whitespace. (E902 io-error, a file that
cannot be read, is reported under ruff's code but is no rule.)
Retired codes: none yet.
"""

from __future__ import annotations

from awesomelint.rules import (
    archived_repo,
    awesome_badge,
    awesome_heading,
    awesome_toc,
    balanced_punctuation,
    blocked_link,
    broken_anchor,
    code_of_conduct,
    contributing_file,
    dead_link,
    duplicate_link,
    empty_link,
    final_newline,
    heading_increment,
    heading_missing_space,
    heading_trailing_punctuation,
    license_section,
    list_indent,
    list_item_format,
    list_marker,
    list_marker_space,
    list_order,
    malformed_link,
    missing_file,
    missing_title,
    multiple_blank_lines,
    no_ci_badge,
    no_hard_tabs,
    redirected_link,
    repeated_item_name,
    repeated_punctuation,
    spell_check,
    trailing_whitespace,
    unknown_suppression,
    unreachable_link,
    unused_suppression,
)
from awesomelint.rules._base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    heading_missing_space.RULE,
    heading_increment.RULE,
    heading_trailing_punctuation.RULE,
    list_indent.RULE,
    list_marker.RULE,
    list_marker_space.RULE,
    duplicate_link.RULE,
    missing_title.RULE,
    malformed_link.RULE,
    empty_link.RULE,
    dead_link.RULE,
    redirected_link.RULE,
    unreachable_link.RULE,
    blocked_link.RULE,
    archived_repo.RULE,
    broken_anchor.RULE,
    missing_file.RULE,
    trailing_whitespace.RULE,
    multiple_blank_lines.RULE,
    final_newline.RULE,
    no_hard_tabs.RULE,
    awesome_badge.RULE,
    awesome_heading.RULE,
    awesome_toc.RULE,
    list_item_format.RULE,
    repeated_item_name.RULE,
    spell_check.RULE,
    balanced_punctuation.RULE,
    repeated_punctuation.RULE,
    no_ci_badge.RULE,
    license_section.RULE,
    contributing_file.RULE,
    code_of_conduct.RULE,
    list_order.RULE,
    unknown_suppression.RULE,
    unused_suppression.RULE,
)

__all__ = ["ALL_RULES", "Context", "Rule"]
