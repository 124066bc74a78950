"""awesomelint: lint and fix awesome-style Markdown lists.

The public API is two functions and the types they return::

    import awesomelint
    findings = awesomelint.check(text)
    fixed = awesomelint.fix(text)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from awesomelint.config import Config, parse_table
from awesomelint.document import Document
from awesomelint.engine import BoundLinter, lint
from awesomelint.errors import AwesomelintError, ConfigError, FixError, InputError
from awesomelint.markdown import parse
from awesomelint.model import Edit, Finding, Fix, Severity

__version__ = "0.1.0"

__all__ = [
    "AwesomelintError",
    "Config",
    "ConfigError",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "FixError",
    "InputError",
    "Severity",
    "__version__",
    "check",
    "fix",
]


def _config(config: Config | Mapping[str, Any] | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return parse_table(config)


def check(text: str, *, config: Config | Mapping[str, Any] | None = None) -> list[Finding]:
    """Findings for Markdown ``text``, sorted by position. ``config`` is a Config or a
    mapping shaped like the ``[tool.awesomelint]`` table."""
    settings = _config(config).settings()
    return lint(parse(text), settings)


def fix(
    text: str, *, unsafe: bool = False, config: Config | Mapping[str, Any] | None = None
) -> str:
    """``text`` with every (safe, or also unsafe) fix applied; raises FixError rather than
    lose a word or a link."""
    from awesomelint.fixer import fix_document  # (only fix needs it: a faster check)

    settings = _config(config).settings()
    return fix_document(parse(text), BoundLinter(settings), unsafe=unsafe, text_only=True).text
