"""``awesomelint review`` as the CLI registers it: the command lives in
awesomelint/review/command.py and borrows the rule selection options and the per-file
settings lookup from here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from awesomelint.cli.params import with_selection
from awesomelint.cli.runner import SettingsCache, make_options
from awesomelint.engine import Settings
from awesomelint.review.command import make_command


def _settings_for(
    select: Sequence[str],
    ignore: Sequence[str],
    extend: Sequence[str],
    config: Path | None,
    exclude: Sequence[str],
) -> tuple[Callable[[str], Settings], Callable[[Path], bool]]:
    cache = SettingsCache(make_options(select, ignore, extend, config, exclude))
    return cache.for_path, cache.excluded


review = make_command(with_selection, _settings_for)
