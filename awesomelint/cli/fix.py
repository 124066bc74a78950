"""``awesomelint fix``: fix files in place, or show the fixes as a diff."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from awesomelint import _parallel, report
from awesomelint.cli import params, runner
from awesomelint.cli.runner import STDIN
from awesomelint.document import Document
from awesomelint.errors import FixError, InputError
from awesomelint.files import write_atomic
from awesomelint.markdown import parse
from awesomelint.model import Finding
from awesomelint.paths import collect
from awesomelint.registry import fixed_by_links

if TYPE_CHECKING:
    from awesomelint.fixer import FixResult
    from awesomelint.links.status import LinkStatus


@click.command()
@click.argument("paths", nargs=-1)
@params.with_selection
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also apply fixes that may remove text (e.g. duplicate entries).",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff instead of writing; exit 1 if anything would change.",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Do not list the findings that remain, nor sum up."
)
@click.option(
    "--show-fixes", is_flag=True, help="List the fixes applied to each file, by rule."
)
@params.color_option
@params.with_link_flags
@click.option(
    "--fetch-titles",
    is_flag=True,
    help="missing-title's fix uses the page's <title> when it can be fetched quickly.",
)
def fix(
    paths: tuple[str, ...],
    selection: params.Selection,
    unsafe_fixes: bool,
    show_diff: bool,
    quiet: bool,
    show_fixes: bool,
    color_choice: str,
    fetch_titles: bool,
    **flags: Any,
) -> None:
    """Fix problems in PATHS in place (or - : read stdin, write stdout; default:
    README.md in the current folder).

    With --links, links are checked first and the moved ones rewritten (redirected-link's
    fix is applied although it is unsafe: that is what --links asks for).
    """
    paths = paths or runner.default_paths("fix")
    opts = selection.options(*(["links"] if flags["links"] else []))
    cache = runner.SettingsCache(opts)
    changed = failed = fixed_files = done = 0
    applied: list[Finding] = []
    remaining: list[Finding] = []
    files: list[tuple[str, str]] = []
    targets = collect(paths, cache.excluded)
    if not targets:
        runner.nothing_to_do()
    for target in targets:  # a file that cannot be read is skipped, not fatal
        try:
            if target.error is not None:
                raise InputError(target.error)
            files.append((target.name, runner.read(target.name)))
        except InputError as exc:
            click.echo(f"awesomelint: error: {exc}", err=True)
            failed += 1
    statuses: Sequence[Mapping[str, LinkStatus] | None] = [None] * len(files)
    titles: Sequence[Mapping[str, str] | None] = [None] * len(files)
    if (flags["links"] or fetch_titles) and files:  # each file with its own [links] table
        from awesomelint.cli import linkpass

        docs = [(parse(text), cache.for_path(name), cache.config_for(name)) for name, text in files]
        if fetch_titles:
            titles = linkpass.fetch_titles(docs, flags)
        if flags["links"]:
            pairs = [(doc, config) for doc, _, config in docs]
            statuses = linkpass.run_links(pairs, flags, quiet)[0]
    also_unsafe = tuple(r.name for r in fixed_by_links()) if flags["links"] else ()
    networked = any(statuses) or any(titles)
    workers = 1 if networked else _parallel.worker_count([name for name, _ in files])
    jobs = [(name, text, opts, unsafe_fixes, also_unsafe) for name, text in files]
    ahead = _parallel.run(fix_job, jobs, workers) if workers > 1 else None
    for (name, original), status, found in zip(files, statuses, titles, strict=True):
        if ahead is not None:  # fixed in a worker process
            result = next(ahead)
        else:
            settings = cache.for_path(name)
            path = None if name == STDIN else Path(name)
            lint_it = runner.linter(settings, path, status, found)
            result = fix_one(original, lint_it, unsafe_fixes, also_unsafe)
        if isinstance(result, str):  # the fix was refused: nothing of the file is written
            click.echo(f"awesomelint: error: {runner.display(name)}: {result}", err=True)
            failed += 1
            continue
        done += 1
        if show_diff:
            if result.text != original:
                changed += 1
                click.echo(_diff(runner.display(name), original, result.text), nl=False)
            applied += result.applied
            remaining += result.remaining
            fixed_files += bool(result.applied)
            continue
        if name == STDIN:
            sys.stdout.buffer.write(result.text.encode("utf-8"))
        elif result.text != original:
            try:
                write_atomic(name, result.text, original)
            except InputError as exc:  # this file stays as it was; the others go on
                click.echo(f"awesomelint: error: {exc}", err=True)
                failed += 1
                done -= 1
                continue
            changed += 1
        applied += result.applied
        remaining += result.remaining
        fixed_files += bool(result.applied)
        out = name != STDIN  # with stdin, stdout carries the document: talk on stderr
        if result.applied:
            counts = Counter(f.rule for f in result.applied)
            detail = ", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items()))
            fixed = f"{runner.display(name)}: fixed {len(result.applied)} ({detail})"
            click.echo(fixed, err=not out)
            if show_fixes:
                click.echo(report.applied_fixes(result.applied), nl=False, err=not out)
        if result.remaining and not quiet:
            doc = result.document or _parallel.placing_document(result.text)
            rep = report.FileReport(runner.display(name), doc, result.remaining)
            terminal = (sys.stdout if out else sys.stderr).isatty()
            color = params.use_color(color_choice, terminal)
            listed = report.text([rep], full=terminal, color=color)
            click.echo(listed, nl=False, err=not out, color=color or None)
    if not quiet and done:
        # with --diff or stdin, stdout carries the patch or the document: sum up on stderr
        to_err = show_diff or any(name == STDIN for name, _ in files)
        summary = report.fix_summary(applied, fixed_files, remaining, diff=show_diff)
        click.echo(summary, nl=False, err=to_err)
    if failed:
        sys.exit(2)
    if show_diff:
        sys.exit(1 if changed else 0)
    sys.exit(1 if remaining else 0)


def fix_one(
    text: str,
    linter: Callable[[Document], list[Finding]],
    unsafe: bool,
    also_unsafe: tuple[str, ...],
) -> FixResult | str:
    """The fixed text, or why the fix was refused (a lost word, no convergence)."""
    from awesomelint.fixer import fix_document

    try:
        return fix_document(parse(text), linter, unsafe=unsafe, unsafe_rules=also_unsafe)
    except FixError as exc:
        return str(exc)


def fix_job(job: tuple[str, str, runner.Options, bool, tuple[str, ...]]) -> FixResult | str:
    """``fix`` of one file's text, in a worker process (the caller writes the result)."""
    from awesomelint.fixer import FixResult

    name, text, opts, unsafe, also_unsafe = job
    lint_it = runner.linter(runner.worker_settings(opts, name), Path(name))
    result = fix_one(text, lint_it, unsafe, also_unsafe)
    if isinstance(result, str):
        return result
    # the Document stays here: pickling it would cost more than the report needs
    return FixResult(result.text, result.applied, result.remaining, result.passes)


def _diff(name: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=name if name.startswith("/") else f"a/{name}",
        tofile=name if name.startswith("/") else f"b/{name}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
