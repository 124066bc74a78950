"""The command line: the only module that prints or exits.

Exit codes: 0 clean, 1 findings (or changes with ``fix --diff``), 2 usage or input error.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from awesomelint import __version__, _parallel, report
from awesomelint.config import Config, find_config, load_config
from awesomelint.document import Document, parse
from awesomelint.engine import Settings, lint, resolve
from awesomelint.errors import (
    AwesomelintError,
    ConfigError,
    FixError,
    InputError,
    NetworkError,
)
from awesomelint.files import decode, read_text, write_atomic
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from awesomelint.model import Finding
from awesomelint.paths import collect
from awesomelint.rules import ALL_RULES, Rule

if TYPE_CHECKING:
    from awesomelint.fixer import FixResult
    from awesomelint.links.checker import LinkReport

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Options:
    """Rule selection from the command line, applied on top of each file's config."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    config: Path | None
    exclude: tuple[str, ...] = ()  # --exclude: file globs, from the current folder


class _SettingsCache:
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


_README_NAMES = ("readme.md", "readme.markdown")


def _default_paths(command: str) -> tuple[str, ...]:
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


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _read(name: str) -> str:
    if name == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(name)


def _display(name: str) -> str:
    return "<stdin>" if name == STDIN else name


def _nothing_to_do() -> None:
    """Every path given is excluded: say so (as ruff does) and succeed."""
    click.echo(
        "awesomelint: warning: no file to check: every file given is excluded (--exclude, "
        "exclude = [...]) or ignored (.gitignore)",
        err=True,
    )
    sys.exit(0)


def _unreadable(name: str, message: str) -> report.FileReport:
    """Say on stderr, at once, that ``name`` could not be read; its report for the output."""
    click.echo(f"awesomelint: error: {message}", err=True)
    return report.unreadable(_display(name), message)


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


F = TypeVar("F", bound=Callable[..., Any])


def _with_selection(f: F) -> F:
    for option in reversed(_selection):
        f = option(f)
    return f


def _extended(extend_select: tuple[str, ...], flags: dict[str, Any]) -> tuple[str, ...]:
    """``--extend-select`` with what ``--preset`` and ``--links`` add to it."""
    preset = flags.pop("preset", None)
    added: tuple[str, ...] = (preset,) if preset else ()
    if flags.get("links"):
        added += ("links",)
    return (*extend_select, *added)


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


_color_option = click.option(
    "--color",
    "color_choice",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR is set; "
    "FORCE_COLOR colours a pipe too).",
)


def _use_color(choice: str, terminal: bool) -> bool:
    """--color, then NO_COLOR and FORCE_COLOR (no-color.org, force-color.org: any
    non-empty value), then whether the output is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal


def _with_link_flags(f: F) -> F:
    for option in reversed(_link_flags):
        f = option(f)
    return f


class _Progress:
    """A one-line progress bar on stderr (only used when stderr is a terminal)."""

    def __init__(self) -> None:
        self._last = 0.0
        self._shown = 0  # length of the line drawn

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} links"
        click.echo(f"\r{line}", err=True, nl=False)
        self._shown = len(line)

    def clear(self) -> None:
        if self._shown:
            click.echo("\r" + " " * self._shown + "\r", err=True, nl=False)


def _link_urls(docs: Sequence[Document]) -> list[str]:
    return [lk.url for doc in docs for lk in doc.links if link_key(lk.url) is not None]


def _run_links(
    docs: Sequence[Document], config: Config, flags: Mapping[str, Any], quiet: bool
) -> LinkReport:
    """Check every http(s) link of ``docs`` (the network rules read the result)."""
    from awesomelint.links import cache as link_cache
    from awesomelint.links import checker
    from awesomelint.links.options import build

    options = build(
        config.links,
        timeout=flags["timeout"],
        max_concurrency=flags["max_concurrency"],
        host_concurrency=flags["host_concurrency"],
        exclude=tuple(flags["exclude_link"]),
        exclude_private=flags["exclude_private"],
        no_cache=flags["no_cache"],
        cache_ttl=flags["cache_ttl"],
        user_agent=flags["user_agent"],
        deadline=flags["deadline"],
        github_token=flags["github_token"] or os.environ.get("GITHUB_TOKEN"),
        retries=flags["retries"],
        accept=flags["accept"],
    )
    cache = None
    if options.use_cache:
        cache = link_cache.LinkCache(link_cache.default_path(), options.cache_ttl)
    progress = _Progress() if not quiet and sys.stderr.isatty() else None
    try:
        result = checker.check_links(_link_urls(docs), options, cache=cache, progress=progress)
    finally:
        if progress is not None:
            progress.clear()
    if result.network_down is not None:  # a failed check must not pass: no link is judged
        raise NetworkError(result.network_down)
    for notice in result.notices:
        click.echo(f"awesomelint: {notice}", err=True)
    if not quiet:
        st = result.stats
        parts = [
            f"{st.ok} ok",
            f"{st.dead} dead",
            f"{st.redirected} redirected",
            report.plural(st.warnings, "warning"),
            f"{st.from_cache} from cache",
        ]
        if st.skipped:
            parts.append(f"{st.skipped} skipped")
        click.echo(
            f"Links: {st.checked} checked in {st.elapsed:.2f} s: {', '.join(parts)}.", err=True
        )
    return result


def _fetch_titles(
    docs: Sequence[tuple[Document, Settings]], config: Config, flags: Mapping[str, Any]
) -> dict[str, str]:
    """Page titles for the links missing-title would retitle (``fix --fetch-titles``)."""
    from awesomelint.links import checker
    from awesomelint.links.options import build

    urls = []
    for doc, settings in docs:
        rules = tuple(r for r in settings.rules if r.name == "missing-title")
        if not rules:
            continue
        for f in lint(doc, Settings(rules, settings.options)):
            urls += [lk.url for lk in doc.links_between(f.start, f.end + 1)[:1]]
    if not urls:
        return {}
    options = build(
        config.links,
        timeout=flags["timeout"],
        exclude=tuple(flags["exclude_link"]),
        exclude_private=flags["exclude_private"],
        user_agent=flags["user_agent"],
    )
    return checker.fetch_titles(urls, options)


# characters of a regular expression that no file glob needs: an --exclude holding one
# was meant for URLs (its old meaning, now --exclude-link)
_REGEX_ONLY = frozenset("\\|^$()")


def _options(
    select: Sequence[str],
    ignore: Sequence[str],
    extend: Sequence[str],
    config: Path | None,
    exclude: Sequence[str] = (),
) -> Options:
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="awesomelint")
def cli() -> None:
    """Lint and fix awesome-style Markdown lists."""


@cli.command()
@click.argument("paths", nargs=-1)
@_with_selection
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
@_color_option
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
@_with_link_flags
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    exclude_files: tuple[str, ...],
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
    extend_select = _extended(extend_select, flags)
    if report_unused_suppressions:
        extend_select += ("unused-suppression",)
    paths = paths or _default_paths("check")
    opts = _options(select, ignore, extend_select, config_path, exclude_files)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if statistics and fmt in ("github", "sarif"):
        raise click.UsageError(f"--statistics prints text or json, not {fmt}")
    cache = _SettingsCache(opts)
    if diff_base:  # (imported here: subprocess and git are for --diff-base only)
        from awesomelint import gitdiff
    changed = gitdiff.changed_lines(diff_base, Path.cwd()) if diff_base else None
    targets = collect(paths, cache.excluded)
    if not targets:
        _nothing_to_do()
    names = [t.name for t in targets if t.error is None]
    workers = 1 if flags["links"] or changed is not None else _parallel.worker_count(names)
    # every path gets its report, in command-line order: one that cannot be read is
    # reported (stderr, and an io-error entry in json/sarif) and the others still run
    by_name = {t.name: _unreadable(t.name, t.error) for t in targets if t.error is not None}
    files: list[tuple[str, Document]] = []
    if workers > 1:  # many files: parse and lint them in worker processes
        jobs = [(name, opts) for name in names]
        for name, (text, found, error) in zip(
            names, _parallel.run(_check_job, jobs, workers), strict=True
        ):
            if error is not None:
                by_name[name] = _unreadable(name, error)
            else:
                doc = _parallel.placing_document(text)
                by_name[name] = report.FileReport(_display(name), doc, tuple(found))
    else:
        for name in names:
            try:
                files.append((name, parse(_read(name))))
            except InputError as exc:
                by_name[name] = _unreadable(name, str(exc))
    status = None
    link_stats = None
    if flags["links"] and files:
        config = cache.config_for(files[0][0])
        link_report = _run_links([doc for _, doc in files], config, flags, quiet)
        status, link_stats = link_report.statuses, link_report.stats
    for name, doc in files:
        findings = lint(
            doc, cache.for_path(name), None if name == STDIN else Path(name), link_status=status
        )
        if changed is not None and name != STDIN:
            findings = gitdiff.keep_changed(findings, doc, changed.lines_for(Path(name)))
        by_name[name] = report.FileReport(_display(name), doc, tuple(findings))
    reports = [by_name[t.name] for t in targets]
    people = fmt in ("text", "full", "concise")
    terminal = output_file is None and sys.stdout.isatty()
    color = people and _use_color(color_choice, terminal)
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

        try:
            with summary_file.open("a", encoding="utf-8") as fh:
                fh.write(summary_markdown(reports, link_stats))
        except OSError as exc:
            raise InputError(f"{summary_file}: cannot write: {exc.strerror or exc}") from None
    if people and not quiet:
        click.echo(report.summary(reports), nl=False)
    failing = {"warning", "error"} if fail_on == "warning" else {"error"}
    if any(r.error is not None for r in reports):
        sys.exit(2)
    if exit_zero:
        sys.exit(0)
    sys.exit(1 if any(f.severity.value in failing for r in reports for f in r.findings) else 0)


@cli.command()
@click.argument("paths", nargs=-1)
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
@click.option(
    "--quiet", "-q", is_flag=True, help="Do not list the findings that remain, nor sum up."
)
@click.option(
    "--show-fixes", is_flag=True, help="List the fixes applied to each file, by rule."
)
@_color_option
@_with_link_flags
@click.option(
    "--fetch-titles",
    is_flag=True,
    help="missing-title's fix uses the page's <title> when it can be fetched quickly.",
)
def fix(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    exclude_files: tuple[str, ...],
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
    extend_select = _extended(extend_select, flags)
    paths = paths or _default_paths("fix")
    opts = _options(select, ignore, extend_select, config_path, exclude_files)
    cache = _SettingsCache(opts)
    changed = failed = fixed_files = done = 0
    applied: list[Finding] = []
    remaining: list[Finding] = []
    files: list[tuple[str, str]] = []
    targets = collect(paths, cache.excluded)
    if not targets:
        _nothing_to_do()
    for target in targets:  # a file that cannot be read is skipped, not fatal
        try:
            if target.error is not None:
                raise InputError(target.error)
            files.append((target.name, _read(target.name)))
        except InputError as exc:
            click.echo(f"awesomelint: error: {exc}", err=True)
            failed += 1
    status = titles = None
    if (flags["links"] or fetch_titles) and files:
        config = cache.config_for(files[0][0])
        docs = [(parse(text), cache.for_path(name)) for name, text in files]
        if fetch_titles:
            titles = _fetch_titles(docs, config, flags)
        if flags["links"]:
            status = _run_links([doc for doc, _ in docs], config, flags, quiet).statuses
    also_unsafe = ("redirected-link",) if flags["links"] else ()
    workers = 1 if status or titles else _parallel.worker_count([name for name, _ in files])
    jobs = [(name, text, opts, unsafe_fixes, also_unsafe) for name, text in files]
    ahead = _parallel.run(_fix_job, jobs, workers) if workers > 1 else None
    for name, original in files:
        if ahead is not None:  # fixed in a worker process
            result = next(ahead)
        else:
            settings = cache.for_path(name)
            path = None if name == STDIN else Path(name)
            result = _fix_one(
                original, _linter(settings, path, status, titles), unsafe_fixes, also_unsafe
            )
        if isinstance(result, str):  # the fix was refused: nothing of the file is written
            click.echo(f"awesomelint: error: {_display(name)}: {result}", err=True)
            failed += 1
            continue
        done += 1
        if show_diff:
            if result.text != original:
                changed += 1
                click.echo(_diff(_display(name), original, result.text), nl=False)
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
            click.echo(f"{_display(name)}: fixed {len(result.applied)} ({detail})", err=not out)
            if show_fixes:
                click.echo(report.applied_fixes(result.applied), nl=False, err=not out)
        if result.remaining and not quiet:
            doc = parse(result.text) if ahead is None else _parallel.placing_document(result.text)
            rep = report.FileReport(_display(name), doc, result.remaining)
            terminal = (sys.stdout if out else sys.stderr).isatty()
            color = _use_color(color_choice, terminal)
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


_WORKER_CACHES: dict[Options, _SettingsCache] = {}  # in a worker process: per options


def _worker_settings(opts: Options, name: str) -> Settings:
    cache = _WORKER_CACHES.get(opts)
    if cache is None:
        cache = _WORKER_CACHES[opts] = _SettingsCache(opts)
    return cache.for_path(name)


def _check_job(job: tuple[str, Options]) -> tuple[str, list[Finding], str | None]:
    """``check`` of one file, in a worker process: its text and findings, or why it
    could not be read."""
    name, opts = job
    try:
        doc = parse(_read(name))
    except InputError as exc:
        return "", [], str(exc)
    return doc.text, lint(doc, _worker_settings(opts, name), Path(name)), None


def _fix_one(
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


def _fix_job(job: tuple[str, str, Options, bool, tuple[str, ...]]) -> FixResult | str:
    """``fix`` of one file's text, in a worker process (the caller writes the result)."""
    name, text, opts, unsafe, also_unsafe = job
    return _fix_one(text, _linter(_worker_settings(opts, name), Path(name)), unsafe, also_unsafe)


def _linter(
    settings: Settings,
    path: Path | None,
    status: Mapping[str, LinkStatus] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Callable[[Document], list[Finding]]:
    return lambda doc: lint(doc, settings, path, link_status=status, link_titles=titles)


def _diff(name: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=name if name.startswith("/") else f"a/{name}",
        tofile=name if name.startswith("/") else f"b/{name}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


_FIX_LABELS = {
    "safe": "safe",
    "unsafe": "unsafe",
    "mixed": "safe+unsafe",
    "links": "needs --links",
}


def _fix_label(r: Rule) -> str:
    """What applies the rule's fixes: `fix` (safe), `fix --unsafe-fixes` (unsafe), both
    kinds (safe+unsafe), `fix --links` (needs --links); "-" for none."""
    return _FIX_LABELS[r.fix_kind] if r.fixable else "-"


def _rule_table(rules: Sequence[Rule]) -> str:
    width = max(len(r.name) for r in rules)
    groups = {r.code: ",".join(sorted(r.groups)) or "-" for r in rules}
    gwidth = max(6, *(len(g) for g in groups.values()))
    lines = [f"{'code':<5} {'name':<{width}} {'fix':<13} {'default':<7} {'groups':<{gwidth}} "
             "summary"]  # fmt: skip
    for r in rules:
        default = "on" if r.default else "off"
        lines.append(
            f"{r.code:<5} {r.name:<{width}} {_fix_label(r):<13} {default:<7} "
            f"{groups[r.code]:<{gwidth}} {r.summary}"
        )
    return "".join(line + "\n" for line in lines)


@cli.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(fmt: str) -> None:
    """List every rule: code, name, fix (safe: `fix`; unsafe: `fix --unsafe-fixes`;
    needs --links: `fix --links`), default, groups, summary."""
    if fmt == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "fixable": r.fixable,
                "fix": _fix_label(r) if r.fixable else None,
                "default": r.default,
                "severity": r.severity.value,
                "groups": sorted(r.groups),
                "summary": r.summary,
            }
            for r in ALL_RULES
        ]
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(_rule_table(ALL_RULES), nl=False)


@cli.command(name="rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Show a rule's documentation (by name or code), or list a group's rules (awesome,
    links) or a code prefix's (W)."""
    found = [r for r in ALL_RULES if name.lower() in (r.name, r.code.lower())]
    if found:
        click.echo(found[0].doc.rstrip() + "\n")
        return
    try:
        rules = resolve(name)
    except ConfigError:
        raise ConfigError(f"unknown rule or group {name!r} (see `awesomelint rules`)") from None
    group = name.lower()
    if group in {g for r in ALL_RULES for g in r.groups}:
        how = {
            "awesome": '--preset awesome (or preset = "awesome") adds them to the default rules',
            "links": "--links checks the links and adds them to the default rules",
        }.get(group, f"--extend-select {group} adds them to the default rules")
        click.echo(
            f"Group {group}: {report.plural(len(rules), 'rule')}. {how}; --select {group} "
            "runs only them.\n"
        )
    click.echo(_rule_table(rules), nl=False)


def _add_review() -> None:
    """``awesomelint review`` lives in awesomelint/review/; it borrows the rule selection
    options and the per-file settings lookup from here."""
    from awesomelint.review.command import make_command

    def settings_for(
        select: Sequence[str],
        ignore: Sequence[str],
        extend: Sequence[str],
        config: Path | None,
        exclude: Sequence[str],
    ) -> tuple[Callable[[str], Settings], Callable[[Path], bool]]:
        cache = _SettingsCache(_options(select, ignore, extend, config, exclude))
        return cache.for_path, cache.excluded

    cli.add_command(make_command(_with_selection, settings_for))


_add_review()


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
    # A short process that builds large acyclic Documents: the cyclic GC would only
    # rescan them (a tenth of the time on a big file); reference counting frees them.
    gc.disable()
    sys.exit(main())
