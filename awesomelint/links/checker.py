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

import httpx

from awesomelint.links import github
from awesomelint.links.cache import LinkCache
from awesomelint.links.fetch import Fetcher, make_client
from awesomelint.links.github_api import GitHubAPI
from awesomelint.links.limits import Limits, Sleep
from awesomelint.links.net import Resolver, SystemResolver, is_private_address
from awesomelint.links.options import LinkOptions
from awesomelint.links.plan import LinkReport, Plan, Stats, skip_reason, stats
from awesomelint.links.status import LinkStatus
from awesomelint.links.titles import extract_title
from awesomelint.links.urls import clean, link_key
from awesomelint.links.verdict import Verdict

# (LinkReport and Stats live in plan, which answers a run from the cache alone)
__all__ = ["LinkChecker", "LinkReport", "Progress", "Stats", "check_links", "fetch_titles"]

Progress = Callable[[int, int], None]


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
        return skip_reason(url, self._exclude)

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

    async def check(self, urls: Iterable[str], plan: Plan | None = None) -> LinkReport:
        """Check every distinct target among ``urls`` (raw Markdown destinations);
        ``plan``: the plan of these ``urls`` made already (``plan.answer``)."""
        if plan is None:
            plan = Plan(
                urls, self.options, self.cache, api=self._github.enabled, exclude=self._exclude
            )
        started = plan.started
        requests_before = self.requests
        targets, statuses, todo = plan.targets, dict(plan.statuses), list(plan.todo)
        from_cache = dict(plan.from_cache)
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
        if plan.api_repos and not self._github.enabled and not self.options.github_token:
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
            stats(statuses, self.requests - requests_before, time.monotonic() - started),
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
        if self.options.proxies is not None:
            down = "is the network, DNS or the proxy down?"
            hint = ""
        else:
            down = "is the network or DNS down?"
            hint = " (if this machine reaches the web through a proxy, set https_proxy)"
        return (
            f"no host answered ({len(hosts)} hosts failed before any HTTP answer): {down} "
            f"{len(failed)} links were not checked{hint}"
        )

    async def titles(self, urls: Iterable[str]) -> dict[str, str]:
        """``<title>`` of each distinct target that answers quickly with HTML."""
        targets: dict[str, str] = {}
        for raw in urls:
            key = link_key(raw)
            if key is not None and key not in targets and self._skip_reason(raw) is None:
                targets[key] = clean(raw).split("#", 1)[0]

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


def check_links(
    urls: Iterable[str],
    options: LinkOptions,
    *,
    resolver: Resolver | None = None,
    cache: LinkCache | None = None,
    progress: Progress | None = None,
    plan: Plan | None = None,
) -> LinkReport:
    """Check ``urls`` in a fresh event loop (the CLI's entry point); ``plan``: theirs,
    made already by ``plan.answer`` (which found something to fetch)."""
    resolver = resolver or SystemResolver()  # one resolver: each host is asked once

    async def run() -> LinkReport:
        async with make_client(options, resolver) as client:
            checker = LinkChecker(
                client, options, cache=cache, progress=progress, resolver=resolver
            )
            return await checker.check(urls, plan)

    return asyncio.run(run())


def fetch_titles(
    urls: Iterable[str], options: LinkOptions, *, resolver: Resolver | None = None
) -> dict[str, str]:
    """Page titles of ``urls`` by key (for ``fix --fetch-titles``)."""

    async def run() -> dict[str, str]:
        async with make_client(options, resolver) as client:
            return await LinkChecker(client, options).titles(urls)

    return asyncio.run(run())
