"""The rule registry: which rules exist (the table in awesomelint.rules), selecting them
by name, code, prefix or group, the Settings a run uses, and loading a rule's module
only when the rule runs.

Everything here but :func:`load` reads plain metadata: listing rules, reading a config,
resolving ``--select`` imports no rule module. ``load`` imports a rule's module the
first time the rule is asked for, so a run pays only for the rules it selects.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from awesomelint.errors import ConfigError
from awesomelint.model import Frozen
from awesomelint.rules import ALL_RULES
from awesomelint.rules._base import Need, Rule, RuleInfo

__all__ = [
    "ALL_RULES",
    "Rule",
    "RuleInfo",
    "Settings",
    "checked_options",
    "find",
    "fixed_by_links",
    "groups",
    "load",
    "load_all",
    "load_rules",
    "needing",
    "resolve",
    "select_rules",
]

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields
_NO_OPTIONS: Mapping[str, Mapping[str, Any]] = MappingProxyType({})
_NO_VALUES: Mapping[str, Any] = MappingProxyType({})


class Settings(Frozen):
    """Which rules run and with which options; built from config files and the CLI."""

    __slots__ = ("rules", "options")
    rules: tuple[Rule, ...]
    options: Mapping[str, Mapping[str, Any]]  # by rule name

    def __init__(
        self, rules: tuple[Rule, ...], options: Mapping[str, Mapping[str, Any]] = _NO_OPTIONS
    ) -> None:
        _set(self, "rules", rules)
        _set(self, "options", options)

    def options_for(self, rule: Rule) -> Mapping[str, Any]:
        """The rule's options for a run: the configured ones, checked (a config file's
        were when it loaded; Settings made in Python are here), over the defaults."""
        return checked_options(rule, self.options.get(rule.name, _NO_VALUES))


def checked_options(rule: Rule | RuleInfo, given: Mapping[str, Any]) -> Mapping[str, Any]:
    """``given`` (a rule's table in a config) checked against the options the rule
    declares, and completed with their defaults. A ConfigError names the rule and the
    option and says what is wrong."""
    declared = {o.name: o for o in rule.options}
    for key, value in given.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join(declared) or "none"
            raise ConfigError(f"unknown option {key!r} for {rule.name} (known: {known})")
        wrong = option.problem(value)
        if wrong is not None:
            raise ConfigError(f"option {rule.name}.{key} {wrong}")
    return MappingProxyType({**{o.name: o.default for o in rule.options}, **given})


def find(name: str) -> RuleInfo | None:
    """The rule named ``name`` (its kebab-case name or its code, any case), if any."""
    key = name.strip().lower()
    return next((r for r in ALL_RULES if key in (r.name, r.code.lower())), None)


def groups() -> frozenset[str]:
    """Every group some rule belongs to (``awesome``, ``links``)."""
    return frozenset(g for r in ALL_RULES for g in r.groups)


def resolve(selector: str, rules: Sequence[RuleInfo] = ALL_RULES) -> list[RuleInfo]:
    """Rules named by ``selector``: a name, a code, a code prefix, a group, or ``ALL``."""
    s = selector.strip()
    if s.upper() == "ALL":
        return list(rules)
    by_name = [r for r in rules if r.name == s.lower()]
    if by_name:
        return by_name
    by_group = [r for r in rules if s.lower() in r.groups]
    if by_group:
        return by_group
    by_code = [r for r in rules if r.code.startswith(s.upper())] if s[:1].isalpha() else []
    if by_code and _selector_code().fullmatch(s):
        return by_code
    raise ConfigError(f"unknown rule or code {selector!r} (see `awesomelint rules`)")


@functools.cache  # (compiled on first use: a plain run selects by no code)
def _selector_code() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z]{1,3}[0-9]{0,3}")


def select_rules(
    select: Iterable[str] | None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    rules: Sequence[RuleInfo] = ALL_RULES,
) -> tuple[RuleInfo, ...]:
    """The default rules (or ``select``), plus ``extend_select``, minus ``ignore``."""
    if select is None:
        chosen = {r.code for r in rules if r.default}
    else:
        chosen = {r.code for s in select for r in resolve(s, rules)}
    chosen |= {r.code for s in extend_select for r in resolve(s, rules)}
    chosen -= {r.code for s in ignore for r in resolve(s, rules)}
    return tuple(r for r in rules if r.code in chosen)


class _Declares(Protocol):
    @property
    def needs(self) -> frozenset[Need]: ...


R = TypeVar("R", bound=_Declares)


def needing(rules: Iterable[R], need: Need) -> tuple[R, ...]:
    """The rules of ``rules`` that read ``need`` (link statuses, page titles): the CLI
    fetches that data only for them, and the engine hands it only to them."""
    return tuple(r for r in rules if need in r.needs)


def fixed_by_links() -> tuple[RuleInfo, ...]:
    """The rules whose fixes need the link check (fix kind "links"): ``fix --links``
    applies them although they are unsafe (asking for them is what --links means), and
    the reports mark them ``[*links]``."""
    return tuple(r for r in ALL_RULES if r.fixable and r.fix_kind == "links")


def load(info: RuleInfo) -> Rule:
    """The rule itself (check function, documentation), its module imported on first use."""
    return _load(info.module)


@functools.cache
def _load(module: str) -> Rule:
    # __import__, not importlib.import_module: the same import, but one that
    # `python -X importtime` accounts for (import_module bypasses its timing)
    rule = __import__(f"awesomelint.rules.{module}", fromlist=["RULE"]).RULE
    if not isinstance(rule, Rule):
        raise TypeError(f"awesomelint.rules.{module}.RULE is not a Rule")
    return rule


def load_rules(infos: Iterable[RuleInfo]) -> tuple[Rule, ...]:
    """The rules of ``infos``, in order (each module imported on first use)."""
    return tuple(load(info) for info in infos)


def load_all() -> tuple[Rule, ...]:
    """Every rule, in the table's order (imports every rule module)."""
    return load_rules(ALL_RULES)
