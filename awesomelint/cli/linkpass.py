"""The link pre-pass of ``check --links`` and ``fix --links`` / ``--fetch-titles``: the
network is asked before linting, and the rules read the answers.

Each file's ``[links]`` table (from its own config) with the command-line flags on top
gives its checker settings; files whose settings agree share one checker run (each
target is asked once), files with other settings get a run of their own.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import click

from awesomelint import report
from awesomelint.config import Config
from awesomelint.document import Document
from awesomelint.engine import lint
from awesomelint.errors import NetworkError
from awesomelint.links.options import LinkOptions, build
from awesomelint.links.proxy import Proxies
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from awesomelint.registry import Settings, needing

if TYPE_CHECKING:
    from awesomelint.links.plan import Stats


class Progress:
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


def _groups(
    configs: Sequence[Config], options_of: Callable[[Config], LinkOptions]
) -> list[tuple[LinkOptions, list[int]]]:
    """The files (by index) that can share one checker run: those whose configs give the
    same settings, in the order the files come."""
    built: dict[int, LinkOptions] = {}  # by config: each [links] table is built once
    groups: list[tuple[LinkOptions, list[int]]] = []
    for i, config in enumerate(configs):
        options = built.get(id(config))
        if options is None:
            options = built[id(config)] = options_of(config)
        group = next((g for g in groups if g[0] == options), None)
        if group is None:
            groups.append((options, [i]))
        else:
            group[1].append(i)
    return groups


def _check_options(config: Config, flags: Mapping[str, Any]) -> LinkOptions:
    return build(
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
        proxies=Proxies.from_environment(os.environ),
    )


def _total(stats: Sequence[Stats]) -> Stats:
    """The counts of several runs together (one run: its own)."""
    if len(stats) == 1:
        return stats[0]
    from awesomelint.links.plan import Stats

    return Stats(*(sum(getattr(s, name) for s in stats) for name in Stats.__slots__))


def run_links(
    files: Sequence[tuple[Document, Config]], flags: Mapping[str, Any], quiet: bool
) -> tuple[list[Mapping[str, LinkStatus]], Stats]:
    """Check every http(s) link of the files (each with the config that applies to it):
    the statuses each file's network rules read, and the counts of the whole check."""
    from awesomelint.links import cache as link_cache
    from awesomelint.links import plan

    statuses: list[Mapping[str, LinkStatus]] = [{} for _ in files]
    notices: list[str] = []
    stats: list[Stats] = []
    for options, members in _groups([c for _, c in files], lambda c: _check_options(c, flags)):
        cache = None
        if options.use_cache:
            cache = link_cache.LinkCache(link_cache.default_path(), options.cache_ttl)
        progress = Progress() if not quiet and sys.stderr.isatty() else None
        urls = _link_urls([files[i][0] for i in members])
        try:
            # the network stack is imported only when the cache leaves something to fetch
            planned, result = plan.answer(urls, options, cache)
            if result is None:
                from awesomelint.links import checker

                result = checker.check_links(
                    urls, options, cache=cache, progress=progress, plan=planned
                )
            elif progress is not None:
                progress(len(result.statuses), len(result.statuses))
        finally:
            if progress is not None:
                progress.clear()
        if result.network_down is not None:  # a failed check must not pass: no link is judged
            raise NetworkError(result.network_down)
        for i in members:
            statuses[i] = result.statuses
        notices += [n for n in result.notices if n not in notices]
        stats.append(result.stats)
    for notice in notices:
        click.echo(f"awesomelint: {notice}", err=True)
    st = _total(stats)
    if not quiet:
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
    return statuses, st


def fetch_titles(
    files: Sequence[tuple[Document, Settings, Config]], flags: Mapping[str, Any]
) -> list[Mapping[str, str]]:
    """Page titles for the links missing-title would retitle (``fix --fetch-titles``),
    for each file."""
    from awesomelint.links import checker

    wanted: list[list[str]] = []
    for doc, settings, _ in files:
        urls: list[str] = []
        rules = needing(settings.rules, "link_titles")
        if rules:
            for f in lint(doc, Settings(rules, settings.options)):
                urls += [lk.url for lk in doc.links_between(f.start, f.end + 1)[:1]]
        wanted.append(urls)
    titles: list[Mapping[str, str]] = [{} for _ in files]
    if not any(wanted):
        return titles

    def options_of(config: Config) -> LinkOptions:
        return build(
            config.links,
            timeout=flags["timeout"],
            exclude=tuple(flags["exclude_link"]),
            exclude_private=flags["exclude_private"],
            user_agent=flags["user_agent"],
            proxies=Proxies.from_environment(os.environ),
        )

    for options, members in _groups([c for _, _, c in files], options_of):
        urls = [url for i in members for url in wanted[i]]
        if urls:
            found = checker.fetch_titles(urls, options)
            for i in members:
                titles[i] = found
    return titles
