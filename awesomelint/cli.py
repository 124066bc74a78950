"""The command line: the only module that prints or exits.

Exit codes: 0 clean, 1 findings (or changes with ``fix --diff``), 2 usage or input error.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from awesomelint import __version__, gitdiff, report
from awesomelint.config import Config, find_config, load_config
from awesomelint.document import Document, parse
from awesomelint.engine import Settings, lint, resolve
from awesomelint.errors import AwesomelintError, ConfigError, InputError
from awesomelint.files import collect, decode, read_text, write_atomic
from awesomelint.fixer import fix_document
from awesomelint.model import Finding
from awesomelint.rules import ALL_RULES

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Options:
    """Rule selection from the command line, applied on top of each file's config."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    config: Path | None


class _SettingsCache:
    """One Settings per config file (files in one folder share their config)."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self._by_source: dict[Path | None, Settings] = {}
        self._explicit: Config | None = load_config(opts.config) if opts.config else None

    def for_path(self, name: str) -> Settings:
        if self._explicit is not None:
            config = self._explicit
        else:
            start = Path.cwd() if name == STDIN else Path(name).resolve().parent
            source = find_config(start)
            if source in self._by_source:
                return self._by_source[source]
            config = load_config(source)
        settings = config.settings(
            self.opts.select or None, self.opts.ignore, self.opts.extend_select
        )
        self._by_source[config.source] = settings
        return settings


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _read(name: str) -> str:
    if name == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(name)


def _display(name: str) -> str:
    return "<stdin>" if name == STDIN else name


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
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Config file (default: nearest .awesomelint.toml or pyproject.toml).",
    ),
]


F = TypeVar("F", bound=Callable[..., Any])


def _with_selection(f: F) -> F:
    for option in reversed(_selection):
        f = option(f)
    return f


def _options(
    select: Sequence[str], ignore: Sequence[str], extend: Sequence[str], config: Path | None
) -> Options:
    opts = Options(_split(select), _split(ignore), _split(extend), config)
    for s in (*opts.select, *opts.ignore, *opts.extend_select):
        resolve(s)  # an unknown rule is an error even when no file uses it
    return opts


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="awesomelint")
def cli() -> None:
    """Lint and fix awesome-style Markdown lists."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_with_selection
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default=None,
    help="Output format (default: text; github inside GitHub Actions).",
)
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
@click.option(
    "--fail-on",
    type=click.Choice(["warning", "error"]),
    default="warning",
    show_default=True,
    help="Exit 1 on findings of this severity or worse.",
)
@click.option(
    "--summary-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append a Markdown summary (for $GITHUB_STEP_SUMMARY) to this file.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    fmt: str | None,
    output_file: Path | None,
    diff_base: str | None,
    fail_on: str,
    summary_file: Path | None,
    quiet: bool,
) -> None:
    """Report problems in PATHS (files, folders of *.md, or - for stdin)."""
    opts = _options(select, ignore, extend_select, config_path)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    cache = _SettingsCache(opts)
    changed = gitdiff.changed_lines(diff_base, Path.cwd()) if diff_base else None
    reports = []
    for name in collect(paths):
        doc = parse(_read(name))
        findings = lint(doc, cache.for_path(name), None if name == STDIN else Path(name))
        if changed is not None and name != STDIN:
            findings = gitdiff.keep_changed(findings, doc, changed.lines_for(Path(name)))
        reports.append(report.FileReport(_display(name), doc, tuple(findings)))
    rendered = report.render(fmt, reports)
    if output_file is not None:
        try:
            output_file.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{output_file}: cannot write: {exc.strerror or exc}") from None
    else:
        click.echo(rendered, nl=False)
    if summary_file is not None:
        from awesomelint.report.markdown import summary_markdown

        try:
            with summary_file.open("a", encoding="utf-8") as fh:
                fh.write(summary_markdown(reports))
        except OSError as exc:
            raise InputError(f"{summary_file}: cannot write: {exc.strerror or exc}") from None
    if fmt == "text" and not quiet:
        click.echo(report.summary(reports), nl=False)
    failing = {"warning", "error"} if fail_on == "warning" else {"error"}
    sys.exit(1 if any(f.severity.value in failing for r in reports for f in r.findings) else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_with_selection
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
@click.option("--quiet", "-q", is_flag=True, help="Do not list the findings that remain.")
def fix(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    unsafe_fixes: bool,
    show_diff: bool,
    quiet: bool,
) -> None:
    """Fix problems in PATHS in place (or - : read stdin, write stdout)."""
    opts = _options(select, ignore, extend_select, config_path)
    cache = _SettingsCache(opts)
    changed = remaining = 0
    for name in collect(paths):
        original = _read(name)
        settings = cache.for_path(name)
        path = None if name == STDIN else Path(name)
        result = fix_document(parse(original), _linter(settings, path), unsafe=unsafe_fixes)
        remaining += len(result.remaining)
        if show_diff:
            if result.text != original:
                changed += 1
                click.echo(_diff(_display(name), original, result.text), nl=False)
            continue
        if name == STDIN:
            sys.stdout.buffer.write(result.text.encode("utf-8"))
        elif result.text != original:
            write_atomic(name, result.text)
            changed += 1
        out = name != STDIN  # with stdin, stdout carries the document: talk on stderr
        if result.applied:
            counts = Counter(f.rule for f in result.applied)
            detail = ", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items()))
            click.echo(f"{_display(name)}: fixed {len(result.applied)} ({detail})", err=not out)
        if result.remaining and not quiet:
            rep = report.FileReport(_display(name), parse(result.text), result.remaining)
            click.echo(report.text([rep]), nl=False, err=not out)
    if show_diff:
        sys.exit(1 if changed else 0)
    sys.exit(1 if remaining else 0)


def _linter(settings: Settings, path: Path | None) -> Callable[[Document], list[Finding]]:
    return lambda doc: lint(doc, settings, path)


def _diff(name: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=name if name.startswith("/") else f"a/{name}",
        tofile=name if name.startswith("/") else f"b/{name}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


@cli.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(fmt: str) -> None:
    """List every rule: code, name, fix, default, summary."""
    if fmt == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "fixable": r.fixable,
                "default": r.default,
                "severity": r.severity.value,
                "summary": r.summary,
            }
            for r in ALL_RULES
        ]
        click.echo(json.dumps(data, indent=2))
        return
    width = max(len(r.name) for r in ALL_RULES)
    click.echo(f"{'code':<5} {'name':<{width}} {'fix':<5} {'default':<7} summary")
    for r in ALL_RULES:
        fixable = "yes" if r.fixable else "-"
        default = "on" if r.default else "off"
        click.echo(f"{r.code:<5} {r.name:<{width}} {fixable:<5} {default:<7} {r.summary}")


@cli.command(name="rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Show a rule's documentation (by name or code)."""
    found = [r for r in ALL_RULES if name.lower() in (r.name, r.code.lower())]
    if not found:
        raise ConfigError(f"unknown rule {name!r} (see `awesomelint rules`)")
    r = found[0]
    click.echo(r.doc.rstrip() + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI, turning every expected error into one line and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except click.exceptions.Abort:
        click.echo("awesomelint: aborted", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"awesomelint: error: {exc.format_message()}", err=True)
        return 2
    except AwesomelintError as exc:
        click.echo(f"awesomelint: error: {exc}", err=True)
        return 2
    except RecursionError:
        click.echo("awesomelint: error: document nested too deeply to parse", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a bug: still one line, never a traceback for users
        if os.environ.get("AWESOMELINT_DEBUG"):
            raise
        click.echo(
            f"awesomelint: internal error: {type(exc).__name__}: {exc} "
            "(set AWESOMELINT_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        return 2
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
