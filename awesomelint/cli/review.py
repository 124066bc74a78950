"""``awesomelint review``: the findings on a pull request's lines posted as one GitHub
review, with the safe fixes as suggestions. The command (it prints and exits); the work is
done by awesomelint/review/, imported when the command runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from awesomelint.cli import params
from awesomelint.cli.runner import SettingsCache, append_summary, failing


def _fix_args(
    select: Sequence[str], extend: Sequence[str], ignore: Sequence[str], config: Path | None
) -> list[str]:
    """The selection options again, for the ``awesomelint fix`` command the review shows."""
    out: list[str] = []
    for flag, values in (("--select", select), ("--extend-select", extend), ("--ignore", ignore)):
        for v in values:
            out += [flag, v]
    return [*out, "--config", str(config)] if config else out


@click.command(name="review")
@click.argument("paths", nargs=-1, required=True)
@params.with_selection
@click.option(
    "--diff-base",
    metavar="REF",
    required=True,
    help="The pull request's base (e.g. origin/main): findings on the lines added or "
    "changed since the merge base with REF are reviewed.",
)
@params.fail_on_option("Exit 1 on findings of this severity or worse (as check does).")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the review as JSON (null: nothing to post); post nothing, no network.",
)
@params.summary_file_option
def review(
    paths: tuple[str, ...],
    selection: params.Selection,
    diff_base: str,
    fail_on: str,
    dry_run: bool,
    summary_file: Path | None,
) -> None:
    """Post the findings on a pull request's lines as one GitHub review, with the safe
    fixes as suggestions (one click to apply).

    Reads GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH and GITHUB_TOKEN (sent
    to the API host only). When the token may not write (a fork's pull request under
    pull_request), prints annotations and writes the job summary instead.
    """
    import json

    from awesomelint import report
    from awesomelint.errors import InputError
    from awesomelint.paths import collect
    from awesomelint.review import runner

    cache = SettingsCache(selection.options())
    targets = collect(paths, cache.excluded)
    bad = next((t.error for t in targets if t.error is not None), None)
    if bad is not None:
        raise InputError(bad)
    req = runner.Request(
        [t.name for t in targets],
        diff_base,
        cache.for_path,
        _fix_args(selection.select, selection.extend_select, selection.ignore, selection.config),
        dry_run,
    )
    outcome = runner.run(req, os.environ, Path.cwd())
    if dry_run:
        payload = outcome.review.payload if outcome.review else None
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif outcome.fallback is not None:
        click.echo(report.github(outcome.reports), nl=False)
        click.echo(
            f"awesomelint: no review posted: {outcome.fallback}; "
            "reported as annotations instead",
            err=True,
        )
    elif outcome.review is not None:
        r = outcome.review
        click.echo(
            f"awesomelint: posted a review: {r.comments} comments "
            f"({r.suggestions} with a suggestion), {r.in_body} findings in its body"
            + (f": {outcome.url}" if outcome.url else "")
        )
    for note in outcome.notes:
        click.echo(f"awesomelint: {note}", err=True)
    if summary_file is not None:
        append_summary(summary_file, outcome.summary)
    found = (f for r in outcome.reports for f in r.findings)
    sys.exit(1 if failing(found, fail_on) else 0)
