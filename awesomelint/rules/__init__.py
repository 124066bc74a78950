"""The explicit, ordered table of every rule, as plain data. Codes are never reused.

Each entry names the rule's module (``awesomelint/rules/<module>.py``, which holds its
check function, its documentation and its ``RULE``) and repeats the metadata that
selecting, listing and configuring rules need, so that none of that imports a rule
module: awesomelint.registry imports a module only when its rule runs (or
``awesomelint rule NAME`` prints its documentation). tests/core/test_registry.py checks every
entry against its module's ``RULE``, so the two cannot drift. A new rule: its module, an
entry here (in its family), a fixture folder, a row in the README. Its options, if it
has any, are declared here once (see Option) and its module imports them.

Code families: A awesome-list conventions, H headings, L lists, K links, N network and
anchors (links group), S suppression comments, W whitespace. (E902 io-error, a file that
cannot be read, is reported under ruff's code but is no rule.)
Retired codes: none yet.
"""

from __future__ import annotations

from awesomelint.model import Severity
from awesomelint.rules._base import Context, Need, Option, Rule, RuleInfo

_ERROR = Severity.ERROR
_AWESOME = frozenset({"awesome"})
_LINKS = frozenset({"links"})
_STATUS: frozenset[Need] = frozenset({"link_status"})
_TITLES: frozenset[Need] = frozenset({"link_titles"})

# -- the rules' options: name, default (its type is the option's) and what it may be. A
# config's value is checked when the config loads (a ConfigError names the file, the
# rule and the option); the rule reads it typed (``LIST_INDENT.value(ctx)``).
HEADING_PUNCTUATION = Option("punctuation", ".,;:!。，；：！")  # heading-trailing-punctuation
LIST_INDENT = Option("indent", 2, minimum=1)  # list-indent: spaces per level
LIST_TABS = Option("tabs", False)  # list-indent: one tab per level instead
LIST_MARKER = Option("marker", "-", choices=("-", "*", "+"))  # list-marker
DUPLICATE_SCOPE = Option("scope", "document", choices=("document", "section"))  # duplicate-link
BLANK_LINES_MAXIMUM = Option("maximum", 1, minimum=1)  # multiple-blank-lines

# fmt: off
ALL_RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "H001", "heading-missing-space", "heading_missing_space",
        "Heading marker `#` not followed by a space",
        fixable=True, severity=_ERROR, groups=_AWESOME,
    ),
    RuleInfo(
        "H002", "heading-increment", "heading_increment",
        "Heading level skips a level below the previous heading",
        groups=_AWESOME,
    ),
    RuleInfo(
        "H003", "heading-trailing-punctuation", "heading_trailing_punctuation",
        "Heading ends with punctuation",
        fixable=True, options=(HEADING_PUNCTUATION,), groups=_AWESOME,
    ),
    RuleInfo(
        "L001", "list-indent", "list_indent",
        "Nested bullets indented inconsistently (1 or 3 spaces, tabs, mixed)",
        fixable=True, options=(LIST_INDENT, LIST_TABS), groups=_AWESOME,
    ),
    RuleInfo(
        "L002", "list-marker", "list_marker",
        "Bullet characters `*`, `+` and `-` mixed in one list",
        fixable=True, options=(LIST_MARKER,), groups=_AWESOME,
    ),
    RuleInfo(
        "L003", "list-marker-space", "list_marker_space",
        "List marker glued to its text (`-[Name](url)`), so the line is not an item",
        fixable=True, severity=_ERROR, groups=_AWESOME,
    ),
    RuleInfo(
        "K001", "duplicate-link", "duplicate_link",
        "The same link target appears in two entries",
        fixable=True, fix_kind="unsafe", severity=_ERROR,
        options=(DUPLICATE_SCOPE,), groups=_AWESOME,
    ),
    RuleInfo(
        "K002", "missing-title", "missing_title",
        "A link shows a bare URL or nothing instead of a title",
        fixable=True, groups=_AWESOME, needs=_TITLES,
    ),
    RuleInfo(
        "K003", "malformed-link", "malformed_link",
        "Bracketed text that was meant to be a link but is not one",
        fixable=True, severity=_ERROR, groups=_AWESOME,
    ),
    RuleInfo(
        "K004", "empty-link", "empty_link",
        "A link or image whose target is empty or just #",
        severity=_ERROR, groups=_AWESOME,
    ),
    RuleInfo(
        "N001", "dead-link", "dead_link",
        "A link's target is gone: 404/410, unknown host, connection refused (--links)",
        default=False, severity=_ERROR, groups=_LINKS, needs=_STATUS,
    ),
    RuleInfo(
        "N002", "redirected-link", "redirected_link",
        "A link answers through permanent redirects (301/308): use the new URL (--links)",
        fixable=True, fix_kind="links", default=False, groups=_LINKS, needs=_STATUS,
    ),
    RuleInfo(
        "N003", "unreachable-link", "unreachable_link",
        "A link times out, keeps failing with 5xx, or has TLS/redirect errors (--links)",
        default=False, groups=_LINKS, needs=_STATUS,
    ),
    RuleInfo(
        "N004", "blocked-link", "blocked_link",
        "A site refuses automated checks: 401/403/999, bot challenge, lasting 429 (--links)",
        default=False, groups=_LINKS, needs=_STATUS,
    ),
    RuleInfo(
        "N005", "archived-repo", "archived_repo",
        "A linked GitHub repository is archived (--links, GITHUB_TOKEN)",
        default=False, groups=_LINKS, needs=_STATUS,
    ),
    RuleInfo(
        "N006", "broken-anchor", "broken_anchor",
        "An in-page #anchor link matches no heading or HTML anchor",
        fixable=True, fix_kind="unsafe", groups=_LINKS,
    ),
    RuleInfo(
        "N007", "missing-file", "missing_file",
        "A relative link or image points to a file that does not exist",
        fixable=True, fix_kind="unsafe", groups=_LINKS,
    ),
    RuleInfo(
        "W001", "trailing-whitespace", "trailing_whitespace",
        "Spaces or tabs at the end of a line",
        fixable=True,
    ),
    RuleInfo(
        "W002", "multiple-blank-lines", "multiple_blank_lines",
        "More consecutive blank lines than allowed",
        fixable=True, options=(BLANK_LINES_MAXIMUM,),
    ),
    RuleInfo(
        "W003", "final-newline", "final_newline",
        "File does not end with exactly one line break",
        fixable=True,
    ),
    RuleInfo(
        "W004", "no-hard-tabs", "no_hard_tabs",
        "Tab characters outside code",
        fixable=True,
    ),
    RuleInfo(
        "A001", "awesome-badge", "awesome_badge",
        "The Awesome badge next to the H1 title, with the official URLs",
        fixable=True, fix_kind="mixed", default=False, severity=_ERROR, groups=_AWESOME,
    ),
    RuleInfo(
        "A002", "awesome-heading", "awesome_heading",
        "Exactly one H1, the list's title, in title case",
        fixable=True, default=False, severity=_ERROR, groups=_AWESOME,
    ),
    RuleInfo(
        "A003", "awesome-toc", "awesome_toc",
        "Contents section first, in sync with the headings, at most 2 levels",
        fixable=True, default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A004", "list-item-format", "list_item_format",
        "Entry not written as `- [Name](url) - Description.`",
        fixable=True, default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A005", "repeated-item-name", "repeated_item_name",
        "Entry description starts by repeating the entry name",
        fixable=True, fix_kind="unsafe", default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A006", "spell-check", "spell_check",
        "Product name not spelled the official way (Javascript, Github, ...)",
        fixable=True, fix_kind="unsafe", default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A007", "balanced-punctuation", "balanced_punctuation",
        "Unmatched bracket or quote in prose",
        default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A008", "repeated-punctuation", "repeated_punctuation",
        "Punctuation mark repeated (`!!`, `??`, `,,`)",
        fixable=True, default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A009", "no-ci-badge", "no_ci_badge",
        "Build-status (CI) badges, GitHub Actions included",
        fixable=True, fix_kind="unsafe", default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A010", "license-section", "license_section",
        "A License section in the README (the license belongs in a file)",
        default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A011", "contributing-file", "contributing_file",
        "A non-empty contributing.md beside the list",
        default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A012", "code-of-conduct", "code_of_conduct",
        "A code of conduct beside the list still has the template's email placeholder",
        default=False, groups=_AWESOME,
    ),
    RuleInfo(
        "A013", "list-order", "list_order",
        "Entries of a list not in alphabetical order",
        fixable=True, fix_kind="unsafe", default=False,
    ),
    RuleInfo(
        "S001", "unknown-suppression", "unknown_suppression",
        "A suppression comment names a rule that does not exist",
    ),
    RuleInfo(
        "S002", "unused-suppression", "unused_suppression",
        "A suppression comment that suppressed nothing",
        default=False,
    ),
)
# fmt: on

__all__ = [
    "ALL_RULES",
    "BLANK_LINES_MAXIMUM",
    "DUPLICATE_SCOPE",
    "HEADING_PUNCTUATION",
    "LIST_INDENT",
    "LIST_MARKER",
    "LIST_TABS",
    "Context",
    "Option",
    "Rule",
    "RuleInfo",
]
