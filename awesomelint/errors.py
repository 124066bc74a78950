"""Typed exceptions; the CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class AwesomelintError(Exception):
    """Base class of every error the CLI reports without a traceback."""


class ConfigError(AwesomelintError):
    """A config file, an option or a rule selector is invalid."""


class InputError(AwesomelintError):
    """A file cannot be read as UTF-8 Markdown."""


class FixError(AwesomelintError):
    """A fix would lose text or links, or fixing did not converge; nothing was written."""


class NetworkError(AwesomelintError):
    """The link check could not reach any host: the network or DNS is down."""
