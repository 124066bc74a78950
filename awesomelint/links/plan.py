"""What a link check must fetch, decided without the network stack.

Before a request is sent, each distinct target (``urls.link_key``) is skipped (an
``exclude`` pattern, an example domain, a URL httpx cannot send), answered by the cache
(a recent success), or left to fetch. When nothing is left to fetch, ``answer`` turns the
plan into the run's report at once: a warm ``check --links`` then imports neither httpx
nor asyncio (tens of milliseconds of start-up) and builds no client. ``checker`` makes the
same plan (or takes this one) and fetches what is left.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from awesomelint._regex import lazy
from awesomelint.links import github
from awesomelint.links.cache import LinkCache
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus, is_move
from awesomelint.links.urls import clean, link_key
from awesomelint.model import Frozen

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields

_EXAMPLE_HOSTS = ("example.com", "example.org", "example.net")

# URLs whose host httpx.URL reads as the lower-cased host written, without raising: http(s),
# an ASCII host of letters, digits, "-" and inner dots, a port of 1-5 digits, printable
# ASCII after it. Everything else (IDN, IPv6, userinfo, trailing dots, "xn--" names that
# httpx decodes, dotted-number hosts it vets as IPv4) is asked of httpx itself.
_PLAIN_URL = lazy(r"(?i)https?://([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::[0-9]{1,5})?(?:[/?#][!-~]*)?")
_IPV4_STYLE = lazy(r"[0-9]+.[0-9]+.[0-9]+.[0-9]+")  # httpx's own test: "." is any character
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"  # what ipaddress accepts
_IPV4 = lazy(rf"{_OCTET}(?:\.{_OCTET}){{3}}")
_MAX_URL = 65536  # httpx refuses longer URLs


def _plain_host(url: str) -> str | None:
    """``httpx.URL(url).host`` (lower-cased) when ``url`` has the plain shape above, else
    None (then only httpx can tell). tests/links/test_links_plan.py holds them equal."""
    m = _PLAIN_URL.fullmatch(url)
    if m is None or len(url) > _MAX_URL:
        return None
    host = m.group(1).lower()
    if host.startswith("xn--"):
        return None
    if _IPV4_STYLE.fullmatch(host) and not _IPV4.fullmatch(host):
        return None
    return host


def url_host(url: str) -> str | None:
    """The host of a URL as the checker keys it (lower-case), or None for a URL httpx
    cannot send."""
    host = _plain_host(url)
    if host is not None:
        return host
    import httpx  # (only for the shapes _plain_host leaves to it)

    try:
        return (httpx.URL(url).host or "").lower()
    except (httpx.InvalidURL, ValueError):
        return None


def skip_reason(url: str, exclude: Iterable[re.Pattern[str]]) -> str | None:
    """Why ``url`` is not checked at all, or None."""
    for pattern in exclude:
        if pattern.search(url):
            return f"excluded by {pattern.pattern!r}"
    host = url_host(url)
    if host is None:
        return "invalid URL"
    if host.endswith(_EXAMPLE_HOSTS) or host.endswith(".example") or host == "example":
        return "example domain (RFC 2606)"
    return None


def targets(urls: Iterable[str]) -> dict[str, str]:
    """Each distinct target among raw Markdown destinations: key -> URL to request."""
    found: dict[str, str] = {}
    for raw in urls:
        key = link_key(raw)
        if key is not None and key not in found:
            found[key] = clean(raw).split("#", 1)[0]
    return found


# (plain slotted classes, not dataclasses: each dataclass costs a millisecond or more
# at import, paid by every ``check --links``)
class Stats(Frozen):
    """Counts for the one-line summary."""

    __slots__ = (
        "checked", "ok", "dead", "redirected", "warnings", "from_cache", "skipped",
        "requests", "elapsed",
    )  # fmt: skip
    checked: int  # distinct targets (cached ones included, skipped ones not)
    ok: int  # ok, dead, redirected and warnings add up to checked
    dead: int
    redirected: int
    warnings: int  # unreachable, blocked, archived
    from_cache: int
    skipped: int
    requests: int
    elapsed: float

    def __init__(
        self,
        checked: int = 0,
        ok: int = 0,
        dead: int = 0,
        redirected: int = 0,
        warnings: int = 0,
        from_cache: int = 0,
        skipped: int = 0,
        requests: int = 0,
        elapsed: float = 0.0,
    ) -> None:
        _set(self, "checked", checked)
        _set(self, "ok", ok)
        _set(self, "dead", dead)
        _set(self, "redirected", redirected)
        _set(self, "warnings", warnings)
        _set(self, "from_cache", from_cache)
        _set(self, "skipped", skipped)
        _set(self, "requests", requests)
        _set(self, "elapsed", elapsed)


_NO_STATS = Stats()


class LinkReport(Frozen):
    """The statuses by key (see ``urls.link_key``), notices to show once, and counts.

    ``network_down`` says why no link could be judged when no host answered at all
    (the network or DNS is down): the statuses are then all "skipped", nothing was
    cached, and a caller must not report the run as a success."""

    __slots__ = ("statuses", "notices", "stats", "network_down")
    statuses: dict[str, LinkStatus]
    notices: tuple[str, ...]
    stats: Stats
    network_down: str | None

    def __init__(
        self,
        statuses: dict[str, LinkStatus],
        notices: tuple[str, ...] = (),
        stats: Stats = _NO_STATS,
        network_down: str | None = None,
    ) -> None:
        _set(self, "statuses", statuses)
        _set(self, "notices", notices)
        _set(self, "stats", stats)
        _set(self, "network_down", network_down)


def still_alive(cached: LinkStatus, options: LinkOptions) -> bool:
    """Whether a cached success holds in this run: an answer counted as alive only
    because ``accept`` named its code (a 403, say) does not where it is not named."""
    code = cached.status_code
    return code is None or code < 400 or code in options.accept


class Plan:
    """One run's targets split into skipped (``statuses``), answered by the cache
    (``from_cache``) and left to fetch (``todo``, in the order of the list)."""

    def __init__(
        self,
        urls: Iterable[str],
        options: LinkOptions,
        cache: LinkCache | None,
        *,
        api: bool,
        exclude: Iterable[re.Pattern[str]] | None = None,
    ) -> None:
        """``api``: repository links are asked of the GitHub API (their cached answer
        counts only if it came from the API)."""
        self.started = time.monotonic()
        self.options = options
        patterns = list(exclude if exclude is not None else map(re.compile, options.exclude))
        self.targets = targets(urls)
        self.statuses: dict[str, LinkStatus] = {}
        self.from_cache: dict[str, LinkStatus] = {}
        self.todo: list[tuple[str, str]] = []
        self.api_repos = False  # a repository link is left to fetch
        for key, url in self.targets.items():
            reason = skip_reason(url, patterns)
            if reason is not None:
                self.statuses[key] = LinkStatus(url, "skipped", reason)
                continue
            is_repo = github.repo_of(url) is not None
            cached = cache.get(key) if cache is not None else None
            if (
                cached is not None
                and still_alive(cached, options)
                and (cached.via == "github" or not (is_repo and api))
            ):
                self.from_cache[key] = cached
                continue
            self.api_repos = self.api_repos or is_repo
            self.todo.append((key, url))

    @property
    def offline(self) -> bool:
        """Whether the run needs no network: nothing to fetch, and no cached answer to
        vet first (``exclude_private`` resolves the hosts of those)."""
        return not self.todo and not (self.from_cache and self.options.exclude_private)

    def report(self) -> LinkReport:
        """The report of a run that sends nothing (see ``offline``)."""
        statuses = {**self.statuses, **self.from_cache}
        return LinkReport(
            {k: statuses[k] for k in self.targets},
            (),
            stats(statuses, 0, time.monotonic() - self.started),
        )


def answer(
    urls: Iterable[str], options: LinkOptions, cache: LinkCache | None
) -> tuple[Plan, LinkReport | None]:
    """The plan of a run, and its report when it needs no network (else None: hand the
    plan to ``checker.check_links``)."""
    plan = Plan(urls, options, cache if options.use_cache else None, api=bool(options.github_token))
    return plan, plan.report() if plan.offline else None


def stats(statuses: dict[str, LinkStatus], requests: int, elapsed: float) -> Stats:
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
