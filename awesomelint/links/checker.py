"""The async link checker: every distinct http(s) target fetched once, politely.

Imported only by ``--links`` / ``--fetch-titles`` (it pulls in httpx). For each target
(normalised, fragment removed, see ``urls.link_key``):

- excluded targets (``exclude`` patterns, example domains) are skipped;
- the cache answers if it holds a recent success (with ``exclude_private``, only for a
  host that still resolves to a public address);
- github.com repository links go to the REST API when a token is given
  (``github_api``);
- otherwise the link is fetched over HTTP (``fetch``: redirects, HEAD/GET, retries;
  ``verdict``: what the answer means);
- at most ``host_concurrency`` requests per host (host and port) and
  ``max_concurrency`` in all are in flight (``limits``); ``deadline`` bounds the whole
  run;
- when no host answered at all and several failed before HTTP, the network is down: no
  link is judged and nothing is cached.

The checker receives its ``httpx.AsyncClient`` (see ``fetch.make_client``), so tests can
hand it a client with an injected resolver or a ``MockTransport``.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpx

from awesomelint.links import github
from awesomelint.links.cache import LinkCache
from awesomelint.links.fetch import Fetcher, make_client
from awesomelint.links.github_api import GitHubAPI
from awesomelint.links.limits import Limits, Sleep
from awesomelint.links.net import Resolver, SystemResolver, is_private_address
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus, is_move
from awesomelint.links.titles import extract_title
from awesomelint.links.urls import clean, link_key
from awesomelint.links.verdict import Verdict

Progress = Callable[[int, int], None]

_EXAMPLE_HOSTS = ("example.com", "example.org", "example.net")


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts for the one-line summary."""

    checked: int = 0  # distinct targets (cached ones included, skipped ones not)
    ok: int = 0  # ok, dead, redirected and warnings add up to checked
    dead: int = 0
    redirected: int = 0
    warnings: int = 0  # unreachable, blocked, archived
    from_cache: int = 0
    skipped: int = 0
    requests: int = 0
    elapsed: float = 0.0


@dataclass(frozen=True, slots=True)
class LinkReport:
    """The statuses by key (see ``urls.link_key``), notices to show once, and counts.

    ``network_down`` says why no link could be judged when no host answered at all
    (the network or DNS is down): the statuses are then all "skipped", nothing was
    cached, and a caller must not report the run as a success."""

    statuses: dict[str, LinkStatus]
    notices: tuple[str, ...] = ()
    stats: Stats = field(default_factory=Stats)
    network_down: str | None = None


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _host(url: str) -> str:
    return httpx.URL(url).host


class LinkChecker:
    """Checks link targets with one client; reusable for several ``check`` calls."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        options: LinkOptions,
        *,
        cache: LinkCache | None = None,
        progress: Progress | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.client = client
        # with exclude_private, a cached answer is served only for a host that still
        # resolves to public addresses (the client's backend vets the rest)
        self._resolver = resolver
        self.options = options
        self.cache = cache if options.use_cache else None
        self.progress = progress
        self._exclude = [re.compile(p) for p in options.exclude]
        self._notices: list[str] = []
        self._limits = Limits(options, sleep)
        self._http = Fetcher(client, options, self._limits, sleep=sleep, rng=rng)
        self._github = GitHubAPI(client, options, self._limits, self.notice)
        self.active = self._limits.active  # in-flight requests per host, for tests

    @property
    def requests(self) -> int:
        """Requests sent so far (the API's included)."""
        return self._limits.requests

    def notice(self, text: str) -> None:
        if text not in self._notices:
            self._notices.append(text)

    async def _check_one(self, url: str) -> tuple[LinkStatus, Verdict | None]:
        """The API's word on a repository link, else the answer over HTTP."""
        repo = github.repo_of(url)
        if repo is not None and self._github.enabled:
            found = await self._github.repo_status(url, *repo)
            if found is not None:
                return found, None
        return await self._http.check(url)

    # -- a run ------------------------------------------------------------------------

    def _skip_reason(self, url: str) -> str | None:
        for pattern in self._exclude:
            if pattern.search(url):
                return f"excluded by {pattern.pattern!r}"
        try:
            host = (httpx.URL(url).host or "").lower()
        except (httpx.InvalidURL, ValueError):
            return "invalid URL"
        if host.endswith(_EXAMPLE_HOSTS) or host.endswith(".example") or host == "example":
            return "example domain (RFC 2606)"
        return None

    def _still_alive(self, cached: LinkStatus) -> bool:
        """Whether a cached success holds in this run: an answer counted as alive only
        because ``accept`` named its code (a 403, say) does not where it is not named."""
        code = cached.status_code
        return code is None or code < 400 or code in self.options.accept

    async def _private_hosts(self, urls: Iterable[str]) -> dict[str, str]:
        """For ``exclude_private``, before answers come from the cache: the hosts among
        ``urls`` that resolve to a private address now (the skip reason), and those that
        do not resolve ("": check them afresh). Public hosts are left out."""
        resolver = self._resolver or SystemResolver()
        gate = asyncio.Semaphore(max(self.options.max_concurrency, 1))

        async def vet(host: str, port: int) -> tuple[str, str | None]:
            async with gate:
                try:
                    async with asyncio.timeout(self.options.timeout):
                        addresses = await resolver(host, port)
                except Exception:
                    return host, ""
            for addr in addresses:
                if is_private_address(addr):
                    return host, f"resolves to the private address {addr} (--exclude-private)"
            return host, None if addresses else ""

        hosts: dict[str, int] = {}
        for url in urls:
            parsed = httpx.URL(url)
            hosts.setdefault(_host(url), parsed.port or (443 if parsed.scheme == "https" else 80))
        found = await asyncio.gather(*(vet(h, port) for h, port in hosts.items()))
        return {host: why for host, why in found if why is not None}

    async def check(self, urls: Iterable[str]) -> LinkReport:
        """Check every distinct target among ``urls`` (raw Markdown destinations)."""
        started = time.monotonic()
        requests_before = self.requests
        targets: dict[str, str] = {}
        for raw in urls:
            key = link_key(raw)
            if key is not None and key not in targets:
                targets[key] = _strip_fragment(clean(raw))
        statuses: dict[str, LinkStatus] = {}
        todo: list[tuple[str, str]] = []
        api_repos = False
        from_cache: dict[str, LinkStatus] = {}
        for key, url in targets.items():
            reason = self._skip_reason(url)
            if reason is not None:
                statuses[key] = LinkStatus(url, "skipped", reason)
                continue
            is_repo = github.repo_of(url) is not None
            cached = self.cache.get(key) if self.cache else None
            asks_api = is_repo and self._github.enabled
            if cached is not None and self._still_alive(cached) and (
                cached.via == "github" or not asks_api
            ):
                from_cache[key] = cached
                continue
            api_repos = api_repos or is_repo
            todo.append((key, url))
        if from_cache and self.options.exclude_private:
            private = await self._private_hosts({targets[k] for k in from_cache})
            for key in list(from_cache):
                url = targets[key]
                why = private.get(_host(url))
                if why is None:
                    continue
                del from_cache[key]
                if why:
                    statuses[key] = LinkStatus(url, "skipped", why)
                else:  # the name did not resolve now: check the link as if not cached
                    todo.append((key, url))
        statuses.update(from_cache)
        if api_repos and not self._github.enabled and not self.options.github_token:
            self.notice(github.NO_TOKEN_NOTICE)

        total, done = len(targets), len(targets) - len(todo)
        if self.progress:
            self.progress(done, total)
        verdicts: dict[str, Verdict | None] = {}

        def finished(_: object) -> None:
            nonlocal done
            done += 1
            if self.progress:
                self.progress(done, total)

        tasks: dict[asyncio.Task[tuple[LinkStatus, Verdict | None]], str] = {}
        for key, url in todo:
            task = asyncio.ensure_future(self._check_one(url))
            task.add_done_callback(finished)
            tasks[task] = key
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=self.options.deadline)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            for task, key in tasks.items():
                if task in pending:
                    statuses[key] = LinkStatus(
                        targets[key],
                        "skipped",
                        f"not checked: the deadline of {self.options.deadline:g} s was reached",
                    )
                else:
                    statuses[key], verdicts[key] = task.result()
        down = self._network_down(statuses, verdicts)
        if self.cache is not None and down is None:
            for key, status in statuses.items():
                self.cache.put(key, status)
            self.cache.save()
        return LinkReport(
            {k: statuses[k] for k in targets},
            tuple(self._notices),
            _stats(statuses, self.requests - requests_before, time.monotonic() - started),
            down,
        )

    def _network_down(
        self, statuses: dict[str, LinkStatus], verdicts: dict[str, Verdict | None]
    ) -> str | None:
        """When nothing answered and several hosts failed before HTTP, the network (or
        DNS) is down: report no link at all rather than every link, and say why."""
        if self._http.answered or self._github.answered:
            return None
        failed = [k for k, v in verdicts.items() if v is not None and v.network]
        hosts = {httpx.URL(statuses[k].url).host for k in failed}
        if len(hosts) < 3:
            return None
        for key in failed:
            old = statuses[key]
            statuses[key] = LinkStatus(
                old.url, "skipped", f"not checked: {old.detail}, and no host answered"
            )
        return (
            f"no host answered ({len(hosts)} hosts failed before any HTTP answer): is the "
            f"network or DNS down? {len(failed)} links were not checked"
        )

    async def titles(self, urls: Iterable[str]) -> dict[str, str]:
        """``<title>`` of each distinct target that answers quickly with HTML."""
        targets: dict[str, str] = {}
        for raw in urls:
            key = link_key(raw)
            if key is not None and key not in targets and self._skip_reason(raw) is None:
                targets[key] = _strip_fragment(clean(raw))

        async def one(url: str) -> str | None:
            fetch = await self._http.fetch(
                url, "GET", want_body=True, timeout=min(self.options.title_timeout,
                                                        self.options.timeout)
            )
            if fetch.status != 200 or not fetch.body:
                return None
            ctype = fetch.headers.get("content-type", "") if fetch.headers else ""
            return extract_title(fetch.body, ctype)

        keys = list(targets)
        found = await asyncio.gather(*(one(targets[k]) for k in keys))
        return {k: t for k, t in zip(keys, found, strict=True) if t}


def _stats(statuses: dict[str, LinkStatus], requests: int, elapsed: float) -> Stats:
    ok = dead = redirected = warnings = cached = skipped = 0
    for s in statuses.values():
        if s.outcome == "skipped":
            skipped += 1
            continue
        cached += s.from_cache
        if s.outcome == "ok":  # the four counts split the checked links: they add up
            if s.redirect and is_move(s.url, s.redirect):
                redirected += 1
            elif s.archived:
                warnings += 1
            else:
                ok += 1
        elif s.outcome == "dead":
            dead += 1
        else:
            warnings += 1
    checked = len(statuses) - skipped
    return Stats(checked, ok, dead, redirected, warnings, cached, skipped, requests, elapsed)


def check_links(
    urls: Iterable[str],
    options: LinkOptions,
    *,
    resolver: Resolver | None = None,
    cache: LinkCache | None = None,
    progress: Progress | None = None,
) -> LinkReport:
    """Check ``urls`` in a fresh event loop (the CLI's entry point)."""
    resolver = resolver or SystemResolver()  # one resolver: each host is asked once

    async def run() -> LinkReport:
        async with make_client(options, resolver) as client:
            checker = LinkChecker(
                client, options, cache=cache, progress=progress, resolver=resolver
            )
            return await checker.check(urls)

    return asyncio.run(run())


def fetch_titles(
    urls: Iterable[str], options: LinkOptions, *, resolver: Resolver | None = None
) -> dict[str, str]:
    """Page titles of ``urls`` by key (for ``fix --fetch-titles``)."""

    async def run() -> dict[str, str]:
        async with make_client(options, resolver) as client:
            return await LinkChecker(client, options).titles(urls)

    return asyncio.run(run())
