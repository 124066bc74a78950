"""The async link checker: every distinct http(s) target fetched once, politely.

Imported only by ``--links`` / ``--fetch-titles`` (it pulls in httpx). For each target
(normalised, fragment removed, see ``status.link_key``):

- the cache answers if it holds a recent success;
- github.com repository links go to the REST API when a token is given;
- otherwise HEAD, then GET when HEAD is refused or fails (streamed: the body is never
  read, except up to ``title_bytes`` for a title), following up to ``max_redirects``
  redirects by hand: each hop is vetted (http(s) only, private addresses with
  ``exclude_private``), counted against its own host's cap, and sent without cookies
  from other hosts;
- 408/429/5xx, timeouts and resets are retried with exponential backoff and jitter,
  honouring ``Retry-After`` (seconds or HTTP date; longer than ``retry_after_cap``:
  give up at once, and a 429 pauses the whole host);
- at most ``host_concurrency`` requests per host (host and port) and
  ``max_concurrency`` in all are in flight; ``deadline`` bounds the whole run.

The checker receives its ``httpx.AsyncClient`` (see :func:`make_client`), so tests can
hand it a client with an injected resolver or a ``MockTransport``.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import importlib.util
import json
import random
import re
import ssl
import sys
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any
from urllib.parse import quote

import httpx

from awesomelint.links import github

# httpcore asks `import sniffio` for every lock it makes (several per request); without
# sniffio installed (anyio 4 no longer needs it) each failed import searches sys.path
# again: ~0.25 s of a 400-link run. A None entry makes the same ImportError immediate.
if importlib.util.find_spec("sniffio") is None:
    sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

from awesomelint.links.cache import LinkCache
from awesomelint.links.net import (
    AddressFilter,
    BlockedAddress,
    DNSError,
    GuardedBackend,
    GuardedTransport,
    Resolver,
    SystemResolver,
    is_private_address,
)
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus, is_move
from awesomelint.links.titles import extract_title, has_title_end
from awesomelint.links.urls import SCHEME, clean, link_key

Progress = Callable[[int, int], None]
Sleep = Callable[[float], Awaitable[None]]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_EXAMPLE_HOSTS = ("example.com", "example.org", "example.net")
_API_JSON_LIMIT = 1 << 20
_DRAIN_LIMIT = 64 * 1024  # bodies up to this size are read so the connection is reused
# a redirect chain may take this many timeouts in all (each hop: one timeout at most), so
# hops that each answer just in time cannot hold a link for max_redirects timeouts
_CHAIN_BUDGET = 2.0
# where a browser refuses to go from a web page (or runs something instead of a page)
_LOCAL_SCHEMES = frozenset(
    {"file", "javascript", "vbscript", "data", "about", "blob", "filesystem", "view-source",
     "chrome", "chrome-extension", "resource"}
)  # fmt: skip


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
    """The statuses by key (see ``status.link_key``), notices to show once, and counts.

    ``network_down`` says why no link could be judged when no host answered at all
    (the network or DNS is down): the statuses are then all "skipped", nothing was
    cached, and a caller must not report the run as a success."""

    statuses: dict[str, LinkStatus]
    notices: tuple[str, ...] = ()
    stats: Stats = field(default_factory=Stats)
    network_down: str | None = None


@dataclass(slots=True)
class _Fetch:
    """One request chain (a HEAD or a GET, redirects followed)."""

    url: str  # where the chain ended
    status: int | None = None
    reason: str = ""
    headers: httpx.Headers | None = None
    moved_to: str | None = None  # the end of the leading run of 301/308 hops
    error: BaseException | None = None
    note: str = ""  # "loop", "too-many", "scheme", "local", "bad-location", "slow-chain"
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class _Verdict:
    outcome: str
    detail: str
    retry: bool = False
    retry_after: float | None = None
    network: bool = False  # failed before any HTTP answer (DNS, refused, unroutable)
    timeout: bool = False


def make_client(
    options: LinkOptions,
    resolver: Resolver | None = None,
    *,
    verify: ssl.SSLContext | bool = True,
    address_filter: AddressFilter | None = None,
) -> httpx.AsyncClient:
    """An AsyncClient for the checker: vetted connections, browser-like headers, no
    cookie jar, no redirects followed by httpx, no proxy or ``.netrc`` from the
    environment. ``address_filter`` replaces the private-address test of
    ``exclude_private`` (tests use it to call a loopback address "private")."""
    blocked = address_filter or (is_private_address if options.exclude_private else None)
    backend = GuardedBackend(resolver or SystemResolver(), blocked)
    cap = max(options.max_concurrency, 1)
    limits = httpx.Limits(max_connections=cap, max_keepalive_connections=cap)
    return httpx.AsyncClient(
        transport=GuardedTransport(backend, limits, verify=verify),
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=False,
        trust_env=False,
        cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en-US,en;q=0.9",
        },
    )


def _authority(url: httpx.URL) -> str:
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.host}:{port}"


def _phrase(code: int, reason: str) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} {reason}".strip() if reason and reason != "" else f"HTTP {code}"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)


def _chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def _find(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    return next((e for e in _chain(exc) if isinstance(e, kind)), None)


def _judge_error(exc: BaseException, timeout: float) -> _Verdict:
    dns = _find(exc, DNSError)
    if isinstance(dns, DNSError):
        if dns.temporary:
            return _Verdict("unreachable", "DNS lookup failed temporarily", True, network=True)
        return _Verdict("dead", "DNS lookup failed (no such host)", network=True)
    blocked = _find(exc, BlockedAddress)
    if isinstance(blocked, BlockedAddress):
        return _Verdict(
            "skipped", f"resolves to the private address {blocked.address} (--exclude-private)"
        )
    cert = _find(exc, ssl.SSLCertVerificationError)
    if isinstance(cert, ssl.SSLCertVerificationError):
        why = cert.verify_message or str(cert)
        return _Verdict("unreachable", f"TLS certificate error: {why}")
    tls = _find(exc, ssl.SSLError)
    if isinstance(tls, ssl.SSLError):
        return _Verdict("unreachable", f"TLS error: {tls.reason or tls}")
    if _find(exc, httpx.TimeoutException) or _find(exc, TimeoutError):
        return _Verdict("unreachable", f"timed out after {timeout:g} s", True, timeout=True)
    if _find(exc, ConnectionRefusedError):
        return _Verdict("dead", "connection refused", True, network=True)
    if _find(exc, ConnectionResetError) or _find(exc, BrokenPipeError):
        return _Verdict("unreachable", "connection reset by the server", True)
    protocol = _find(exc, httpx.RemoteProtocolError)
    if protocol is not None and "disconnected" not in str(protocol):
        return _Verdict("unreachable", f"not an HTTP answer: {_protocol_reason(protocol)}")
    if protocol is not None or _find(exc, httpx.ReadError):
        return _Verdict("unreachable", "the server closed the connection without answering", True)
    if _find(exc, httpx.ConnectError) or _find(exc, OSError):
        reason = str(exc) or type(exc).__name__
        return _Verdict("unreachable", f"cannot connect: {reason}", True, network=True)
    if _find(exc, httpx.InvalidURL) or _find(exc, httpx.UnsupportedProtocol):
        return _Verdict("skipped", "invalid URL")
    return _Verdict("unreachable", f"{type(exc).__name__}: {exc}")


def _protocol_reason(exc: BaseException) -> str:
    """What h11 found wrong with an answer, in a few words."""
    text = str(exc)
    if text.startswith("illegal status line"):
        return "invalid status line"
    if "too long" in text or "too large" in text:
        return "headers too large"
    return text.split(":", 1)[0][:60] or type(exc).__name__


def _judge(fetch: _Fetch, options: LinkOptions) -> _Verdict:
    if fetch.error is not None:
        return _judge_error(fetch.error, options.timeout)
    if fetch.note == "loop":
        return _Verdict("unreachable", f"redirect loop at {fetch.url}")
    if fetch.note == "too-many":
        return _Verdict("unreachable", f"more than {options.max_redirects} redirects")
    if fetch.note == "local":
        return _Verdict("unreachable", f"redirects to {fetch.reason}, which browsers do not follow")
    if fetch.note == "bad-location":
        return _Verdict("unreachable", f"redirects to an invalid URL: {fetch.reason}")
    if fetch.note == "slow-chain":
        budget = options.timeout * _CHAIN_BUDGET
        return _Verdict(
            "unreachable", f"redirects took more than {budget:g} s in all", True, timeout=True
        )
    if fetch.note == "scheme":
        return _Verdict("ok", f"redirects to {fetch.url} (not followed)")
    code = fetch.status or 0
    headers = fetch.headers or httpx.Headers()
    what = _phrase(code, fetch.reason)
    if code in options.accept:  # the user counts it as alive (--accept)
        return _Verdict("ok", f"{what} (accepted)" if code >= 400 else what)
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return _Verdict("blocked", f"{what} with a bot challenge (cf-mitigated: challenge)")
    if code < 400:
        return _Verdict("ok", what)
    if code in (404, 410):
        return _Verdict("dead", what)
    if code == 429:
        return _Verdict("blocked", what, True, parse_retry_after(headers.get("retry-after")))
    if code in (401, 403, 451, 999):
        return _Verdict("blocked", what)
    if code == 408 or code >= 500:
        return _Verdict("unreachable", what, True, parse_retry_after(headers.get("retry-after")))
    return _Verdict("unreachable", what)


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
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._exclude = [re.compile(p) for p in options.exclude]
        self._host_sems: dict[str, asyncio.Semaphore] = {}
        self._global: asyncio.Semaphore | None = None
        self._paused: dict[str, float] = {}
        self._notices: list[str] = []
        self._github = bool(options.github_token)
        self._api = httpx.URL((options.github_api or github.api_base()).rstrip("/"))
        self.requests = 0
        self.active: dict[str, int] = {}  # in-flight requests per host, for tests
        self._answered = False
        # the answers whose Location httpx could not turn into a next request: it raises
        # then (even with redirects off), though the answer itself is fine
        self._answers: dict[int, httpx.Response] = {}
        client.event_hooks["response"].append(self._remember)

    async def _remember(self, response: httpx.Response) -> None:
        if response.status_code in _REDIRECTS:
            self._answers[id(response.request)] = response

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """``client.send`` (streamed); an answer with a Location httpx cannot parse
        (``javascript:...``, ``data:...``, ``http://[bad``) comes back closed, without
        its body, rather than as an exception."""
        try:
            return await self.client.send(request, stream=True)
        except (httpx.InvalidURL, httpx.RemoteProtocolError, httpx.UnsupportedProtocol):
            answer = self._answers.pop(id(request), None)
            if answer is None:
                raise
            return answer
        finally:
            self._answers.pop(id(request), None)

    # -- plumbing ---------------------------------------------------------------------

    def notice(self, text: str) -> None:
        if text not in self._notices:
            self._notices.append(text)

    def _sem(self, host: str) -> asyncio.Semaphore:
        sem = self._host_sems.get(host)
        if sem is None:
            spec = self.options.host(host.rsplit(":", 1)[0])
            cap = spec.concurrency if spec and spec.concurrency else self.options.host_concurrency
            sem = self._host_sems[host] = asyncio.Semaphore(max(cap, 1))
        return sem

    @contextlib.asynccontextmanager
    async def _slot(self, host: str) -> AsyncIterator[None]:
        if self._global is None:
            self._global = asyncio.Semaphore(max(self.options.max_concurrency, 1))
        async with self._sem(host):
            wait = self._paused.get(host, 0.0) - time.monotonic()
            if wait > 0:  # the host asked us to slow down (429 Retry-After)
                await self._sleep(wait)
            async with self._global:
                self.active[host] = self.active.get(host, 0) + 1
                self.requests += 1
                try:
                    yield
                finally:
                    self.active[host] -= 1

    def _headers(self, url: httpx.URL, jar: dict[str, dict[str, str]]) -> dict[str, str]:
        headers: dict[str, str] = {}
        spec = self.options.host(url.host)
        if spec is not None:
            headers.update(spec.headers)
        cookies = jar.get(url.host)
        if cookies:  # set earlier in this redirect chain, by this same host
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        return headers

    @staticmethod
    def _keep_cookies(response: httpx.Response, jar: dict[str, dict[str, str]]) -> None:
        for raw in response.headers.get_list("set-cookie"):
            pair = raw.split(";", 1)[0]
            name, eq, value = pair.partition("=")
            if eq and name.strip():
                jar.setdefault(response.url.host, {})[name.strip()] = value.strip()

    @staticmethod
    async def _drain(response: httpx.Response) -> None:
        """Read a small body to its end, so that the connection can serve the next
        request (closing a response mid-body closes its connection); leave big or
        endless bodies unread."""
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > _DRAIN_LIMIT:
            return
        seen = 0
        async for chunk in response.aiter_raw():
            seen += len(chunk)
            if seen > _DRAIN_LIMIT:
                return

    async def _read_head(self, response: httpx.Response) -> bytes:
        """Up to ``title_bytes`` of an HTML body, stopping at ``</title>``."""
        if response.status_code != 200:
            return b""
        if "html" not in response.headers.get("content-type", "").lower():
            return b""
        encoding = response.headers.get("content-encoding", "identity").lower().strip()
        if encoding in ("gzip", "x-gzip", "deflate"):
            inflate: Any = zlib.decompressobj(47)  # gzip or zlib header, detected
        elif encoding in ("", "identity"):
            inflate = None
        else:
            return b""
        limit = self.options.title_bytes
        buf = bytearray()
        async for chunk in response.aiter_raw():
            try:
                data = inflate.decompress(chunk, limit - len(buf)) if inflate else chunk
            except zlib.error:
                break
            buf += data[: limit - len(buf)]
            if len(buf) >= limit or has_title_end(bytes(buf)):
                break
        return bytes(buf)

    async def _fetch(
        self, url: str, method: str, *, want_body: bool = False, timeout: float | None = None
    ) -> _Fetch:
        """Request ``url``, following redirects by hand."""
        limit = self.options.timeout if timeout is None else timeout
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            return _Fetch(url, error=exc)
        jar: dict[str, dict[str, str]] = {}
        # a URL seen again is a loop, unless the host set a cookie since (the usual
        # "set a cookie, then send you back" dance browsers pass through)
        seen = {(str(current), "")}
        permanent, moved = True, None
        budget, spent = limit * _CHAIN_BUDGET, 0.0
        for _ in range(self.options.max_redirects + 1):
            body = b""
            hop_limit = min(limit, budget - spent)
            if hop_limit <= 0:
                return _Fetch(str(current), moved_to=moved, note="slow-chain")
            try:
                async with self._slot(_authority(current)):
                    hop_started = time.monotonic()
                    try:
                        async with asyncio.timeout(hop_limit):
                            request = self.client.build_request(
                                method, current, headers=self._headers(current, jar)
                            )
                            response = await self._send(request)
                            try:
                                if response.is_closed:
                                    pass  # a redirect to a Location httpx cannot parse
                                elif want_body:
                                    body = await self._read_head(response)
                                else:
                                    await self._drain(response)
                            finally:
                                await response.aclose()
                    finally:
                        spent += time.monotonic() - hop_started
            except TimeoutError as exc:
                if hop_limit < limit:  # the chain's budget ran out, not this hop's time
                    return _Fetch(str(current), moved_to=moved, note="slow-chain")
                return _Fetch(str(current), moved_to=moved, error=exc)
            except Exception as exc:
                return _Fetch(str(current), moved_to=moved, error=exc)
            self._answered = True
            code = response.status_code
            location = response.headers.get("location")
            if code not in _REDIRECTS or not location:
                return _Fetch(
                    str(current), code, response.reason_phrase, response.headers, moved, body=body
                )
            self._keep_cookies(response, jar)
            location = location.strip()
            scheme = SCHEME.match(location)
            if scheme is not None and scheme.group(1).lower() in _LOCAL_SCHEMES:
                shown = location if len(location) <= 100 else location[:99] + "…"
                return _Fetch(str(current), code, shown, moved_to=moved, note="local")
            try:
                target = current.join(location)
            except (httpx.InvalidURL, ValueError):
                shown = location if len(location) <= 100 else location[:99] + "…"
                return _Fetch(str(current), code, shown, moved_to=moved, note="bad-location")
            if target.scheme not in ("http", "https"):
                return _Fetch(str(target), code, moved_to=moved, note="scheme")
            if permanent and code in _PERMANENT:
                moved = str(target)
            else:
                permanent = False
            state = (str(target), repr(sorted(jar.get(target.host, {}).items())))
            if state in seen:
                return _Fetch(str(target), code, moved_to=moved, note="loop")
            seen.add(state)
            if code == 303 and method != "HEAD":
                method = "GET"
            current = target
        return _Fetch(str(current), moved_to=moved, note="too-many")

    # -- one target ---------------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        base = min(self.options.backoff * float(2**attempt), self.options.max_backoff)
        return base * (0.5 + self._rng.random())  # jitter: 0.5x to 1.5x

    async def _check_http(self, url: str) -> tuple[LinkStatus, _Verdict]:
        use_get = False
        attempt = 0
        while True:
            fetch = await self._fetch(url, "GET" if use_get else "HEAD")
            if not use_get and self._head_failed(fetch):
                use_get = True  # HEAD refused, unsupported or answered differently
                fetch = await self._fetch(url, "GET")
            verdict = _judge(fetch, self.options)
            if verdict.timeout:
                use_get = True  # some servers never answer HEAD
            wait: float | None = None
            if verdict.retry and attempt < self.options.retries and not (
                verdict.timeout and attempt >= 1  # timeouts are slow: retry once only
            ):
                wait = self._backoff(attempt)
                asked = verdict.retry_after
                if asked is not None and asked > self.options.retry_after_cap:
                    detail = f"{verdict.detail}; asks to retry after {asked:.0f} s"
                    verdict = _Verdict(verdict.outcome, detail)
                    wait = None
                elif asked is not None:
                    wait = asked
                    host = _authority(httpx.URL(fetch.url))
                    until = time.monotonic() + asked
                    self._paused[host] = max(self._paused.get(host, 0.0), until)
            if wait is None:
                return self._status(url, fetch, verdict, attempt + 1), verdict
            await self._sleep(wait)
            attempt += 1

    @staticmethod
    def _head_failed(fetch: _Fetch) -> bool:
        if fetch.error is not None:
            return (
                _find(fetch.error, httpx.RemoteProtocolError) is not None
                or _find(fetch.error, httpx.ReadError) is not None
            )
        if fetch.note in ("loop", "too-many"):
            return True
        return fetch.status is not None and fetch.status >= 400 and fetch.status != 429

    @staticmethod
    def _status(url: str, fetch: _Fetch, verdict: _Verdict, attempts: int) -> LinkStatus:
        detail = verdict.detail
        if verdict.outcome in ("dead", "unreachable", "blocked"):
            if fetch.url != url and fetch.error is None and fetch.note != "loop":
                detail += f" at {fetch.url}"
            if attempts > 1:
                detail += f" (after {attempts} attempts)"
        return LinkStatus(
            url=url,
            outcome=verdict.outcome,  # type: ignore[arg-type]
            detail=detail,
            status_code=fetch.status,
            redirect=fetch.moved_to,
            final_url=fetch.url,
        )

    async def _check_github(self, url: str, owner: str, repo: str) -> LinkStatus | None:
        """The API's word on a repository, or None to check it over HTTP instead."""
        api_host = _authority(self._api)
        current = self._api.join(f"{self._api.path.rstrip('/')}/repos/{quote(owner)}/{quote(repo)}")
        headers = {
            "Authorization": f"Bearer {self.options.github_token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }
        response: httpx.Response | None = None
        data: Any = None
        for _ in range(4):
            if _authority(current) != api_host or current.scheme != self._api.scheme:
                return None  # the token never leaves the API host
            try:
                async with self._slot(api_host):
                    if not self._github:  # rate-limited while this one waited its turn
                        return None
                    async with asyncio.timeout(self.options.timeout):
                        request = self.client.build_request("GET", current, headers=headers)
                        response = await self.client.send(request, stream=True)
                        try:
                            raw = bytearray()
                            if response.status_code == 200:
                                async for chunk in response.aiter_bytes():
                                    raw += chunk
                                    if len(raw) > _API_JSON_LIMIT:
                                        break
                        finally:
                            await response.aclose()
            except Exception:
                return None
            if response.status_code in _REDIRECTS and response.headers.get("location"):
                current = current.join(response.headers["location"])
                continue
            if response.status_code == 200:
                try:
                    data = json.loads(bytes(raw))
                except ValueError:
                    return None
            break
        if response is None:
            return None
        answer = github.interpret(response.status_code, response.headers, data, owner, repo)
        if answer.notice:
            self.notice(answer.notice)
        if answer.disable:
            self._github = False
        if answer.kind == "fallback":
            return None
        self._answered = True
        if answer.kind == "missing":
            return LinkStatus(
                url, "dead", f"GitHub repository {owner}/{repo} not found", 404, via="github"
            )
        return LinkStatus(
            url,
            "ok",
            "200 OK",
            200,
            redirect=answer.html_url if answer.renamed else None,
            final_url=answer.html_url,
            archived=answer.archived,
            via="github",
        )

    async def _check_one(self, url: str) -> tuple[LinkStatus, _Verdict | None]:
        repo = github.repo_of(url)
        if repo is not None and self._github:
            found = await self._check_github(url, *repo)
            if found is not None:
                return found, None
        return await self._check_http(url)

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
            if cached is not None and (cached.via == "github" or not (is_repo and self._github)):
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
        if api_repos and not self._github and not self.options.github_token:
            self.notice(github.NO_TOKEN_NOTICE)

        total, done = len(targets), len(targets) - len(todo)
        if self.progress:
            self.progress(done, total)
        verdicts: dict[str, _Verdict | None] = {}

        def finished(_: object) -> None:
            nonlocal done
            done += 1
            if self.progress:
                self.progress(done, total)

        tasks: dict[asyncio.Task[tuple[LinkStatus, _Verdict | None]], str] = {}
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
        self, statuses: dict[str, LinkStatus], verdicts: dict[str, _Verdict | None]
    ) -> str | None:
        """When nothing answered and several hosts failed before HTTP, the network (or
        DNS) is down: report no link at all rather than every link, and say why."""
        if self._answered:
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
            fetch = await self._fetch(
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


async def check_links_async(
    urls: Iterable[str],
    options: LinkOptions,
    *,
    resolver: Resolver | None = None,
    cache: LinkCache | None = None,
    progress: Progress | None = None,
) -> LinkReport:
    resolver = resolver or SystemResolver()  # one resolver: each host is asked once
    async with make_client(options, resolver) as client:
        checker = LinkChecker(client, options, cache=cache, progress=progress, resolver=resolver)
        return await checker.check(urls)


def check_links(
    urls: Iterable[str],
    options: LinkOptions,
    *,
    resolver: Resolver | None = None,
    cache: LinkCache | None = None,
    progress: Progress | None = None,
) -> LinkReport:
    """Check ``urls`` in a fresh event loop (the CLI's entry point)."""
    return asyncio.run(
        check_links_async(urls, options, resolver=resolver, cache=cache, progress=progress)
    )


def fetch_titles(
    urls: Iterable[str], options: LinkOptions, *, resolver: Resolver | None = None
) -> dict[str, str]:
    """Page titles of ``urls`` by key (for ``fix --fetch-titles``)."""

    async def run() -> dict[str, str]:
        async with make_client(options, resolver) as client:
            return await LinkChecker(client, options).titles(urls)

    return asyncio.run(run())
