"""The command-line parameters several commands share: the rule selection, the link
checker's flags, and colour."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from awesomelint.cli.runner import Options, make_options
from awesomelint.model import Frozen

F = TypeVar("F", bound=Callable[..., Any])
_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


def _apply(options: Sequence[Callable[[F], F]], f: F) -> F:
    for option in reversed(options):
        f = option(f)
    return f


_selection = [
    click.option(
        "--select",
        multiple=True,
        help="Rules to run (codes, prefixes, names, groups, ALL); replaces the default set.",
    ),
    click.option(
        "--extend-select", multiple=True, help="Rules to add to the default or configured set."
    ),
    click.option("--ignore", multiple=True, help="Rules to skip (codes, prefixes, names)."),
    click.option(
        "--exclude",
        "exclude_files",
        multiple=True,
        metavar="GLOB",
        help="Files not to check: gitignore-style globs from the current folder "
        "(repeatable; adds to exclude = [...] in the config). For URLs: --exclude-link.",
    ),
    click.option(
        "--preset",
        type=click.Choice(["awesome"]),
        help="Add the awesome-list conventions to the default rules (the twin of "
        'preset = "awesome" in the config; --select awesome runs only them).',
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Config file (default: nearest .awesomelint.toml or pyproject.toml).",
    ),
]


class Selection(Frozen):
    """The rule selection as given on the command line: --select, --extend-select (with
    --preset's group after it), --ignore, --config and --exclude."""

    __slots__ = ("select", "extend_select", "ignore", "config", "exclude")
    select: tuple[str, ...]
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    config: Path | None
    exclude: tuple[str, ...]

    def __init__(
        self,
        select: tuple[str, ...],
        extend_select: tuple[str, ...],
        ignore: tuple[str, ...],
        config: Path | None,
        exclude: tuple[str, ...],
    ) -> None:
        _set(self, "select", select)
        _set(self, "extend_select", extend_select)
        _set(self, "ignore", ignore)
        _set(self, "config", config)
        _set(self, "exclude", exclude)

    def options(self, *more: str) -> Options:
        """The selection checked (see runner.make_options), ``more`` rules or groups
        added to --extend-select (``links`` with --links, ...)."""
        extend = (*self.extend_select, *more)
        return make_options(self.select, self.ignore, extend, self.config, self.exclude)


def with_selection(f: F) -> F:
    """--select, --extend-select, --ignore, --exclude, --preset, --config, handed to the
    command as one ``selection`` (a :class:`Selection`)."""

    @functools.wraps(f)
    def command(
        *args: Any,
        select: tuple[str, ...],
        extend_select: tuple[str, ...],
        ignore: tuple[str, ...],
        exclude_files: tuple[str, ...],
        preset: str | None,
        config_path: Path | None,
        **kwargs: Any,
    ) -> Any:
        extend = (*extend_select, preset) if preset else extend_select
        selection = Selection(select, extend, ignore, config_path, exclude_files)
        return f(*args, selection=selection, **kwargs)

    # (wraps shares f's list of click parameters: the options keep their order in --help)
    return _apply(_selection, cast(F, command))


_link_flags = [
    click.option(
        "--links",
        is_flag=True,
        help="Check http(s) links over the network (rules dead-link, redirected-link, "
        "unreachable-link, blocked-link, archived-repo). Off by default.",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        help="Seconds per request with --links (default 10).",
    ),
    click.option(
        "--max-concurrency",
        type=click.IntRange(min=1),
        help="Requests in flight, all hosts together (default 64).",
    ),
    click.option(
        "--host-concurrency",
        type=click.IntRange(min=1),
        help="Requests in flight per host (default 8).",
    ),
    click.option(
        "--exclude-link",
        multiple=True,
        metavar="REGEX",
        help="Do not check URLs matching REGEX (repeatable; adds to [links] exclude).",
    ),
    click.option(
        "--exclude-private",
        is_flag=True,
        help="Skip loopback, private, link-local and cloud-metadata addresses.",
    ),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache."),
    click.option(
        "--cache-ttl",
        metavar="DURATION",
        help="How long a good link stays cached: seconds, or like 12h, 1d (default 1d).",
    ),
    click.option("--user-agent", help="User-Agent for link checks (default: a browser's)."),
    click.option(
        "--deadline",
        type=click.FloatRange(min=0, min_open=True),
        help="Seconds for the whole link check; links not checked by then are skipped.",
    ),
    click.option(
        "--retries",
        type=click.IntRange(min=0),
        help="Extra attempts on 408/429/5xx, timeouts and resets (default 2).",
    ),
    click.option(
        "--accept",
        metavar="CODES",
        help="Status codes counted as alive, like 200..299,403,429 (adds to [links] accept).",
    ),
    click.option(
        "--github-token",
        metavar="TOKEN",
        help="Token for the GitHub API (renamed and archived repositories); default: "
        "$GITHUB_TOKEN. Sent to the API host only, never printed.",
    ),
]


def with_link_flags(f: F) -> F:
    """--links and the checker's settings (--timeout, --accept, ...)."""
    return _apply(_link_flags, f)


def fail_on_option(help_text: str) -> Callable[[F], F]:
    """--fail-on warning|error (check and review)."""
    return click.option(
        "--fail-on",
        type=click.Choice(["warning", "error"]),
        default="warning",
        show_default=True,
        help=help_text,
    )


summary_file_option = click.option(
    "--summary-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append a Markdown summary (for $GITHUB_STEP_SUMMARY) to this file.",
)


color_option = click.option(
    "--color",
    "color_choice",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR is set; "
    "FORCE_COLOR colours a pipe too).",
)


def use_color(choice: str, terminal: bool) -> bool:
    """--color, then NO_COLOR and FORCE_COLOR (no-color.org, force-color.org: any
    non-empty value), then whether the output is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal
