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
from awesomelint.errors import AwesomelintError, ConfigError, FixError, InputError
from awesomelint.files import collect, decode, read_text, write_atomic
from awesomelint.links.status import LinkStatus, link_key
from awesomelint.model import Finding
from awesomelint.rules import ALL_RULES

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

    def config_for(self, name: str) -> Config:
        """The config that applies to ``name`` (its [links] table drives the checker)."""
        if self._explicit is not None:
            return self._explicit
        start = Path.cwd() if name == STDIN else Path(name).resolve().parent
        return load_config(find_config(start))


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
        "--exclude",
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
]


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
        exclude=tuple(flags["exclude"]),
        exclude_private=flags["exclude_private"],
        no_cache=flags["no_cache"],
        cache_ttl=flags["cache_ttl"],
        user_agent=flags["user_agent"],
        deadline=flags["deadline"],
        github_token=os.environ.get("GITHUB_TOKEN"),
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
    for notice in result.notices:
        click.echo(f"awesomelint: {notice}", err=True)
    if not quiet:
        st = result.stats
        parts = [
            f"{st.ok} ok",
            f"{st.dead} dead",
            f"{st.redirected} redirected",
            f"{st.warnings} warnings",
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
        exclude=tuple(flags["exclude"]),
        exclude_private=flags["exclude_private"],
        user_agent=flags["user_agent"],
    )
    return checker.fetch_titles(urls, options)


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
@_with_link_flags
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
    **flags: Any,
) -> None:
    """Report problems in PATHS (files, folders of *.md, or - for stdin)."""
    if flags["links"]:
        extend_select = (*extend_select, "links")
    opts = _options(select, ignore, extend_select, config_path)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    cache = _SettingsCache(opts)
    if diff_base:  # (imported here: subprocess and git are for --diff-base only)
        from awesomelint import gitdiff
    changed = gitdiff.changed_lines(diff_base, Path.cwd()) if diff_base else None
    reports = []
    names = collect(paths)
    workers = 1 if flags["links"] or changed is not None else _parallel.worker_count(names)
    files = [] if workers > 1 else [(name, parse(_read(name))) for name in names]
    if workers > 1:  # many files: parse and lint them in worker processes
        jobs = [(name, opts) for name in names]
        results = _parallel.run(_check_job, jobs, workers)
        for name, (text, found) in zip(names, results, strict=True):
            doc = _parallel.placing_document(text)
            reports.append(report.FileReport(_display(name), doc, tuple(found)))
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
                fh.write(summary_markdown(reports, link_stats))
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
    unsafe_fixes: bool,
    show_diff: bool,
    quiet: bool,
    fetch_titles: bool,
    **flags: Any,
) -> None:
    """Fix problems in PATHS in place (or - : read stdin, write stdout).

    With --links, links are checked first and the moved ones rewritten (redirected-link's
    fix is applied although it is unsafe: that is what --links asks for).
    """
    if flags["links"]:
        extend_select = (*extend_select, "links")
    opts = _options(select, ignore, extend_select, config_path)
    cache = _SettingsCache(opts)
    changed = remaining = 0
    files = [(name, _read(name)) for name in collect(paths)]
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
        try:
            if ahead is not None:  # fixed in a worker process
                result = next(ahead)
            else:
                settings = cache.for_path(name)
                path = None if name == STDIN else Path(name)
                from awesomelint.fixer import fix_document

                result = fix_document(
                    parse(original),
                    _linter(settings, path, status, titles),
                    unsafe=unsafe_fixes,
                    unsafe_rules=also_unsafe,
                )
        except FixError as exc:  # say which file (nothing of it was written)
            raise FixError(f"{_display(name)}: {exc}") from None
        remaining += len(result.remaining)
        if show_diff:
            if result.text != original:
                changed += 1
                click.echo(_diff(_display(name), original, result.text), nl=False)
            continue
        if name == STDIN:
            sys.stdout.buffer.write(result.text.encode("utf-8"))
        elif result.text != original:
            write_atomic(name, result.text, original)
            changed += 1
        out = name != STDIN  # with stdin, stdout carries the document: talk on stderr
        if result.applied:
            counts = Counter(f.rule for f in result.applied)
            detail = ", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items()))
            click.echo(f"{_display(name)}: fixed {len(result.applied)} ({detail})", err=not out)
        if result.remaining and not quiet:
            doc = parse(result.text) if ahead is None else _parallel.placing_document(result.text)
            rep = report.FileReport(_display(name), doc, result.remaining)
            click.echo(report.text([rep]), nl=False, err=not out)
    if show_diff:
        sys.exit(1 if changed else 0)
    sys.exit(1 if remaining else 0)


_WORKER_CACHES: dict[Options, _SettingsCache] = {}  # in a worker process: per options


def _worker_settings(opts: Options, name: str) -> Settings:
    cache = _WORKER_CACHES.get(opts)
    if cache is None:
        cache = _WORKER_CACHES[opts] = _SettingsCache(opts)
    return cache.for_path(name)


def _check_job(job: tuple[str, Options]) -> tuple[str, list[Finding]]:
    """``check`` of one file, in a worker process: its text and findings."""
    name, opts = job
    doc = parse(_read(name))
    return doc.text, lint(doc, _worker_settings(opts, name), Path(name))


def _fix_job(job: tuple[str, str, Options, bool, tuple[str, ...]]) -> FixResult:
    """``fix`` of one file's text, in a worker process (the caller writes the result)."""
    from awesomelint.fixer import fix_document

    name, text, opts, unsafe, also_unsafe = job
    linter = _linter(_worker_settings(opts, name), Path(name))
    return fix_document(parse(text), linter, unsafe=unsafe, unsafe_rules=also_unsafe)


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


def _add_review() -> None:
    """``awesomelint review`` lives in awesomelint/review/; it borrows the rule selection
    options and the per-file settings lookup from here."""
    from awesomelint.review.command import make_command

    def settings_for(
        select: Sequence[str], ignore: Sequence[str], extend: Sequence[str], config: Path | None
    ) -> Callable[[str], Settings]:
        return _SettingsCache(_options(select, ignore, extend, config)).for_path

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
