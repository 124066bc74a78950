"""``awesomelint check``: report the problems of files (exit 1 when there are some)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from awesomelint import _parallel, report
from awesomelint.cli import params, runner
from awesomelint.cli.runner import STDIN
from awesomelint.document import Document
from awesomelint.engine import lint
from awesomelint.errors import InputError
from awesomelint.markdown import parse
from awesomelint.model import Finding
from awesomelint.paths import collect

if TYPE_CHECKING:
    from awesomelint.links.status import LinkStatus


@click.command()
@click.argument("paths", nargs=-1)
@params.with_selection
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default=None,
    help="Output format (default: text - full on a terminal, concise otherwise; github "
    "inside GitHub Actions). full: each finding with its source line and a caret; "
    "concise: one line per finding.",
)
@params.color_option
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--diff-base",
    metavar="REF",
    help="Report only findings on lines added or changed since the merge base with REF.",
)
@params.fail_on_option("Exit 1 on findings of this severity or worse.")
@params.summary_file_option
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how many findings each rule has (and how many are fixable) instead of "
    "the findings (text or json output).",
)
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Report suppression comments that suppressed nothing (rule unused-suppression).",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when there are findings (2 still means a file or option error).",
)
@params.with_link_flags
def check(
    paths: tuple[str, ...],
    selection: params.Selection,
    fmt: str | None,
    color_choice: str,
    output_file: Path | None,
    diff_base: str | None,
    fail_on: str,
    summary_file: Path | None,
    quiet: bool,
    statistics: bool,
    exit_zero: bool,
    report_unused_suppressions: bool,
    **flags: Any,
) -> None:
    """Report problems in PATHS (files, folders of *.md, quoted globs, or - for stdin;
    default: README.md in the current folder)."""
    paths = paths or runner.default_paths("check")
    more = ["links"] if flags["links"] else []
    if report_unused_suppressions:
        more.append("unused-suppression")
    opts = selection.options(*more)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if statistics and fmt in ("github", "sarif"):
        raise click.UsageError(f"--statistics prints text or json, not {fmt}")
    cache = runner.SettingsCache(opts)
    if diff_base:  # (imported here: subprocess and git are for --diff-base only)
        from awesomelint import gitdiff
    changed = gitdiff.changed_lines(diff_base, Path.cwd()) if diff_base else None
    targets = collect(paths, cache.excluded)
    if not targets:
        runner.nothing_to_do()
    names = [t.name for t in targets if t.error is None]
    workers = 1 if flags["links"] or changed is not None else _parallel.worker_count(names)
    # every path gets its report, in command-line order: one that cannot be read is
    # reported (stderr, and an io-error entry in json/sarif) and the others still run
    by_name = {t.name: runner.unreadable(t.name, t.error) for t in targets if t.error is not None}
    files: list[tuple[str, Document]] = []
    if workers > 1:  # many files: parse and lint them in worker processes
        jobs = [(name, opts) for name in names]
        for name, (text, found, error) in zip(
            names, _parallel.run(check_job, jobs, workers), strict=True
        ):
            if error is not None:
                by_name[name] = runner.unreadable(name, error)
            else:
                doc = _parallel.placing_document(text)
                by_name[name] = report.FileReport(runner.display(name), doc, tuple(found))
    else:
        for name in names:
            try:
                files.append((name, parse(runner.read(name))))
            except InputError as exc:
                by_name[name] = runner.unreadable(name, str(exc))
    statuses: Sequence[Mapping[str, LinkStatus] | None] = [None] * len(files)
    link_stats = None
    if flags["links"] and files:  # each file with its own config's [links] table
        from awesomelint.cli.linkpass import run_links

        pairs = [(doc, cache.config_for(name)) for name, doc in files]
        statuses, link_stats = run_links(pairs, flags, quiet)
    for (name, doc), status in zip(files, statuses, strict=True):
        findings = lint(
            doc, cache.for_path(name), None if name == STDIN else Path(name), link_status=status
        )
        if changed is not None and name != STDIN:
            findings = gitdiff.keep_changed(findings, doc, changed.lines_for(Path(name)))
        by_name[name] = report.FileReport(runner.display(name), doc, tuple(findings))
    reports = [by_name[t.name] for t in targets]
    people = fmt in ("text", "full", "concise")
    terminal = output_file is None and sys.stdout.isatty()
    color = people and params.use_color(color_choice, terminal)
    full = fmt == "full" or (fmt == "text" and terminal)
    if statistics:
        rendered = report.statistics(reports) if people else report.statistics_json(reports)
    else:
        rendered = report.render("text" if people else fmt, reports, full=full, color=color)
    if output_file is not None:
        try:
            output_file.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{output_file}: cannot write: {exc.strerror or exc}") from None
    else:
        click.echo(rendered, nl=False, color=color or None)
    if summary_file is not None:
        from awesomelint.report.markdown import summary_markdown

        runner.append_summary(summary_file, summary_markdown(reports, link_stats))
    if people and not quiet:
        click.echo(report.summary(reports), nl=False)
    if any(r.error is not None for r in reports):
        sys.exit(2)
    if exit_zero:
        sys.exit(0)
    sys.exit(1 if runner.failing((f for r in reports for f in r.findings), fail_on) else 0)


def check_job(job: tuple[str, runner.Options]) -> tuple[str, list[Finding], str | None]:
    """``check`` of one file, in a worker process: its text and findings, or why it
    could not be read."""
    name, opts = job
    try:
        doc = parse(runner.read(name))
    except InputError as exc:
        return "", [], str(exc)
    return doc.text, lint(doc, runner.worker_settings(opts, name), Path(name)), None
