"""Configuration: ``.awesomelint.toml`` or ``[tool.awesomelint]`` in ``pyproject.toml``.

The nearest file wins: from the linted file's folder upwards, a folder's
``.awesomelint.toml`` is read before its ``pyproject.toml`` (which counts only when it has a
``[tool.awesomelint]`` table). Keys::

    select = ["H", "list-indent"]     # replaces the default rule set
    extend-select = ["list-order"]    # adds to it
    ignore = ["missing-title"]
    preset = "awesome"                # same as extend-select = ["awesome"]
    exclude = ["CHANGELOG.md", "docs/archive/**"]   # files not to check (gitignore-style
                                      # globs, from this file's folder)

    [per-file-ignores]                # rules to skip in some files (same globs)
    "translations/**" = ["spell-check"]

    [list-indent]                     # per-rule options, by rule name
    indent = 4

    [links]                           # the link checker (check --links): see
    exclude = ["linkedin\\.com"]      # awesomelint/links/options.py for every key
    timeout = 10
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from awesomelint.errors import ConfigError
from awesomelint.model import Frozen
from awesomelint.registry import (
    ALL_RULES,
    RuleInfo,
    Settings,
    checked_options,
    load_rules,
    select_rules,
)

_LIST_KEYS = ("select", "extend-select", "ignore")
_PRESETS = ("awesome",)


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields
_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Config(Frozen):
    """The validated content of one config file (or none)."""

    __slots__ = (
        "select", "extend_select", "ignore", "options", "source", "links", "exclude",
        "per_file_ignores",
    )  # fmt: skip
    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    options: Mapping[str, Mapping[str, Any]]  # per-rule options, by rule name
    source: Path | None
    # the validated [links] table, as LinkOptions field values (links/options.py)
    links: Mapping[str, Any]
    exclude: tuple[str, ...]  # gitignore-style globs, from the config's folder
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...]  # (glob, selectors)

    def __init__(
        self,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        options: Mapping[str, Mapping[str, Any]] = _EMPTY,
        source: Path | None = None,
        links: Mapping[str, Any] = _EMPTY,
        exclude: tuple[str, ...] = (),
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
    ) -> None:
        _set(self, "select", select)
        _set(self, "extend_select", extend_select)
        _set(self, "ignore", ignore)
        _set(self, "options", options)
        _set(self, "source", source)
        _set(self, "links", links)
        _set(self, "exclude", exclude)
        _set(self, "per_file_ignores", per_file_ignores)

    @property
    def base(self) -> Path:
        """The folder the config's globs start from (its own; the current one without)."""
        return self.source.parent if self.source is not None else Path.cwd()

    def selected(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> tuple[RuleInfo, ...]:
        """The rules this config selects, command-line selections taking precedence."""
        return select_rules(
            list(select) if select else self.select,
            [*self.ignore, *ignore],
            [*self.extend_select, *extend_select] if not select else list(extend_select),
        )

    def settings(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> Settings:
        """Settings from this config, with command-line selections taking precedence (the
        selected rules' modules are imported here)."""
        return Settings(load_rules(self.selected(select, ignore, extend_select)), self.options)


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder)."""
    for folder in (start, *start.parents):
        own = folder / ".awesomelint.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and "awesomelint" in _read(py) and "awesomelint" in _tool(py):
            return py
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None


def _toml(path: Path) -> dict[str, Any]:
    import tomllib  # (here: most runs find no config file to read)

    try:
        return tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _tool(path: Path) -> dict[str, Any]:
    data = _toml(path)
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def load_config(path: Path | None) -> Config:
    """Read and validate ``path``; ``None`` gives the defaults."""
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    table = _tool(path).get("awesomelint", {}) if path.name == "pyproject.toml" else _toml(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.awesomelint] must be a table")
    return parse_table(table, path)


def parse_table(table: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a config table (also used by the Python API's ``config=`` argument)."""
    where = f"{source}: " if source else ""
    by_name = {r.name: r for r in ALL_RULES}
    lists: dict[str, tuple[str, ...]] = {}
    options: dict[str, Mapping[str, Any]] = {}
    links: Mapping[str, Any] = MappingProxyType({})
    exclude: tuple[str, ...] = ()
    per_file: list[tuple[str, tuple[str, ...]]] = []
    for key, value in table.items():
        if key == "exclude":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}'exclude' must be a list of file globs")
            exclude = tuple(value)
        elif key == "per-file-ignores":
            per_file = _per_file_ignores(value, where)
        elif key in _LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}{key!r} must be a list of rule names or codes")
            lists[key] = tuple(value)
        elif key == "preset":
            if value not in _PRESETS:
                raise ConfigError(f"{where}unknown preset {value!r} (known: awesome)")
            lists["extend-select"] = (*lists.get("extend-select", ()), value)
        elif key == "links":
            from awesomelint.links.options import parse_links_table  # (few configs have one)

            links = parse_links_table(value, where)
        elif key in by_name:
            options[key] = _rule_options(by_name[key], value, where)
        else:
            raise ConfigError(f"{where}unknown config key {key!r}")
    config = Config(
        select=lists.get("select"),
        extend_select=lists.get("extend-select", ()),
        ignore=lists.get("ignore", ()),
        options=MappingProxyType(options),
        source=source,
        links=links,
        exclude=exclude,
        per_file_ignores=tuple(per_file),
    )
    try:  # report unknown rule names in the file, not later
        config.selected()
        for _, selectors in per_file:
            select_rules((), selectors)
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return config


def _per_file_ignores(value: Any, where: str) -> list[tuple[str, tuple[str, ...]]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}[per-file-ignores] must be a table of glob = [rules]")
    out = []
    for glob, rules in value.items():
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError(
                f"{where}per-file-ignores.{glob!r} must be a list of rule names or codes"
            )
        out.append((glob, tuple(rules)))
    return out


def _rule_options(rule: RuleInfo, value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}[{rule.name}] must be a table of options")
    try:
        checked_options(rule, value)
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return MappingProxyType(dict(value))
