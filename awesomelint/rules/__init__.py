"""The explicit, ordered tuple of every rule. Codes are never reused.

Retired codes: none yet.
"""

from __future__ import annotations

from awesomelint.rules import heading_missing_space
from awesomelint.rules._base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    heading_missing_space.RULE,
)

__all__ = ["ALL_RULES", "Context", "Rule"]
