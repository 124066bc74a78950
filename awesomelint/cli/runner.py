"""What every command shares: the rule selection from the command line, each file's
config and Settings (looked up once per config), reading files and stdin, and the
settings of a worker process (``awesomelint._parallel`` runs the jobs)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from awesomelint import report
from awesomelint.config import Config, find_config, load_config
from awesomelint.document import Document
from awesomelint.engine import BoundLinter
from awesomelint.errors import ConfigError, InputError
from awesomelint.files import decode, read_text
from awesomelint.model import Finding, Frozen
from awesomelint.registry import Settings, resolve

if TYPE_CHECKING:
    from awesomelint.links.status import LinkStatus

STDIN = "-"


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class Options(Frozen):
    """Rule selection from the command line, applied on top of each file's config."""

    __slots__ = ("select", "ignore", "extend_select", "config", "exclude")
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    config: Path | None
    exclude: tuple[str, ...]  # --exclude: file globs, from the current folder

    def __init__(
        self,
        select: tuple[str, ...],
        ignore: tuple[str, ...],
        extend_select: tuple[str, ...],
        config: Path | None,
        exclude: tuple[str, ...] = (),
    ) -> None:
        _set(self, "select", select)
        _set(self, "ignore", ignore)
        _set(self, "extend_select", extend_select)
        _set(self, "config", config)
        _set(self, "exclude", exclude)


class SettingsCache:
    """Each file's config (the nearest, or --config), its Settings (per-file-ignores
    applied), and whether the file is excluded; computed once per config and pattern."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self._explicit: Config | None = load_config(opts.config) if opts.config else None
        self._sources: dict[Path, Path | None] = {}  # folder -> its config file
        self._configs: dict[Path | None, Config] = {}
        self._settings: dict[tuple[Path | None, tuple[str, ...]], Settings] = {}
        self._matchers: dict[tuple[Path | None, tuple[str, ...]], Callable[[Path], bool]] = {}

    def config_for(self, name: str) -> Config:
        """The config that applies to ``name`` (its [links] table drives the checker)."""
        if self._explicit is not None:
            return self._explicit
        start = Path.cwd() if name == STDIN else Path(name).resolve().parent
        if start not in self._sources:
            self._sources[start] = find_config(start)
        source = self._sources[start]
        if source not in self._configs:
            self._configs[source] = load_config(source)
        return self._configs[source]

    def for_path(self, name: str) -> Settings:
        config = self.config_for(name)
        extra: tuple[str, ...] = ()
        if config.per_file_ignores and name != STDIN:
            for glob, selectors in config.per_file_ignores:
                if self._matches(config, (glob,), Path(name)):
                    extra += selectors
        key = (config.source, extra)
        settings = self._settings.get(key)
        if settings is None:
            settings = self._settings[key] = config.settings(
                self.opts.select or None, (*self.opts.ignore, *extra), self.opts.extend_select
            )
        return settings

    def excluded(self, path: Path) -> bool:
        """Whether --exclude or the file's config ``exclude`` leaves ``path`` out."""
        if self.opts.exclude and self._matches(None, self.opts.exclude, path):
            return True
        config = self.config_for(str(path))
        return bool(config.exclude) and self._matches(config, config.exclude, path)

    def _matches(self, config: Config | None, globs: tuple[str, ...], path: Path) -> bool:
        key = (None if config is None else config.source, globs)
        match = self._matchers.get(key)
        if match is None:
            from awesomelint.paths import matcher

            base = Path.cwd() if config is None else config.base
            match = self._matchers[key] = matcher(globs, base)
        return match(path)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


# characters of a regular expression that no file glob needs: an --exclude holding one
# was meant for URLs (its old meaning, now --exclude-link)
_REGEX_ONLY = frozenset("\\|^$()")


def make_options(
    select: Sequence[str],
    ignore: Sequence[str],
    extend: Sequence[str],
    config: Path | None,
    exclude: Sequence[str] = (),
) -> Options:
    """The selection options, checked: an unknown rule or a regular expression given as
    an --exclude glob is an error before any file is read."""
    for glob in exclude:
        if _REGEX_ONLY & set(glob):
            raise ConfigError(
                f"--exclude '{glob}': --exclude takes file globs (like ruff's); to skip "
                f"URLs matching a regular expression, use --exclude-link '{glob}'"
            )
    opts = Options(_split(select), _split(ignore), _split(extend), config, tuple(exclude))
    for s in (*opts.select, *opts.ignore, *opts.extend_select):
        resolve(s)  # an unknown rule is an error even when no file uses it
    return opts


_README_NAMES = ("readme.md", "readme.markdown")


def default_paths(command: str) -> tuple[str, ...]:
    """Without paths: the README of the current folder (any case, as GitHub finds it)."""
    try:
        found = sorted(p.name for p in Path.cwd().iterdir() if p.name.lower() in _README_NAMES)
    except OSError:
        found = []
    if not found:
        raise InputError(
            f"no README.md in the current folder ({Path.cwd()}); name what to {command}: "
            f"awesomelint {command} FILE|FOLDER..."
        )
    return (found[0],)


def read(name: str) -> str:
    """The text of a file, or of stdin for ``-``."""
    if name == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(name)


def display(name: str) -> str:
    """A file's name as reports show it."""
    return "<stdin>" if name == STDIN else name


def nothing_to_do() -> None:
    """Every path given is excluded: say so (as ruff does) and succeed."""
    click.echo(
        "awesomelint: warning: no file to check: every file given is excluded (--exclude, "
        "exclude = [...]) or ignored (.gitignore)",
        err=True,
    )
    sys.exit(0)


def unreadable(name: str, message: str) -> report.FileReport:
    """Say on stderr, at once, that ``name`` could not be read; its report for the output."""
    click.echo(f"awesomelint: error: {message}", err=True)
    return report.unreadable(display(name), message)


def append_summary(path: Path, text: str) -> None:
    """Append ``text`` to --summary-file (GitHub's job summary: other steps add to it)."""
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def failing(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether a finding is of the --fail-on severity (``warning`` or ``error``) or worse."""
    levels = {"warning", "error"} if fail_on == "warning" else {"error"}
    return any(f.severity.value in levels for f in findings)


def linter(
    settings: Settings,
    path: Path | None,
    status: Mapping[str, LinkStatus] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Callable[[Document], list[Finding]]:
    """Lint a Document of ``path`` (the fixer calls it after every pass)."""
    return BoundLinter(settings, path, status, titles)


_WORKER_CACHES: dict[Options, SettingsCache] = {}  # in a worker process: per options


def worker_settings(opts: Options, name: str) -> Settings:
    """The Settings of ``name`` in a worker process (the cache lives as long as it)."""
    cache = _WORKER_CACHES.get(opts)
    if cache is None:
        cache = _WORKER_CACHES[opts] = SettingsCache(opts)
    return cache.for_path(name)
