"""One link over HTTP: the client, redirects followed by hand, HEAD then GET, retries.

- HEAD, then GET when HEAD is refused or fails (streamed: the body is never read, except
  up to ``title_bytes`` for a title), following up to ``max_redirects`` redirects by
  hand: each hop is vetted (http(s) only, private addresses with ``exclude_private``),
  counted against its own host's cap (``limits``), and sent without cookies from other
  hosts;
- 408/429/5xx, timeouts and resets are retried with exponential backoff and jitter,
  honouring ``Retry-After`` (seconds or HTTP date; longer than ``retry_after_cap``: give
  up at once, and a 429 pauses the whole host).

What each answer means is ``verdict``'s business; which links to fetch, the checker's.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import random
import ssl
import sys
import time
import zlib
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpx

from awesomelint.links.limits import Limits, Sleep, authority
from awesomelint.links.net import (
    AddressFilter,
    GuardedBackend,
    GuardedTransport,
    ProxyRoutes,
    Resolver,
    SystemResolver,
    find,
    is_private_address,
    proxy_transport,
)
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus
from awesomelint.links.titles import has_title_end
from awesomelint.links.urls import SCHEME
from awesomelint.links.verdict import CHAIN_BUDGET, Fetch, Verdict, judge

REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_DRAIN_LIMIT = 64 * 1024  # bodies up to this size are read so the connection is reused
# where a browser refuses to go from a web page (or runs something instead of a page)
_LOCAL_SCHEMES = frozenset(
    {"file", "javascript", "vbscript", "data", "about", "blob", "filesystem", "view-source",
     "chrome", "chrome-extension", "resource"}
)  # fmt: skip


@functools.cache
def _fail_sniffio_fast() -> None:
    """httpcore asks ``import sniffio`` for every lock it makes (several per request);
    without sniffio installed (anyio 4 no longer needs it) each failed import searches
    sys.path again: ~0.25 s of a 400-link run. A None entry in ``sys.modules`` makes the
    same ImportError immediate. Done once, when the first client is made: importing the
    checker changes nothing."""
    if importlib.util.find_spec("sniffio") is None:
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]


class _NoCookies(httpx.Cookies):
    """A cookie store that keeps nothing, whatever an answer sets: as a jar whose policy
    refuses every domain, without wrapping each answer and its request in urllib's
    cookie objects first (httpx does that for every answer: ~0.1 ms each). Cookies of
    a redirect chain are kept by hand, per chain (``Fetcher._keep_cookies``)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        pass


class _Client(httpx.AsyncClient):
    """An AsyncClient whose cookie store is :class:`_NoCookies` (the property httpx
    reads for every request and answer)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._none_kept = _NoCookies(CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])))

    @property
    def cookies(self) -> httpx.Cookies:
        return self._none_kept

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        raise AttributeError("the link checker's client keeps no cookies")


def make_client(
    options: LinkOptions,
    resolver: Resolver | None = None,
    *,
    verify: ssl.SSLContext | bool = True,
    address_filter: AddressFilter | None = None,
) -> httpx.AsyncClient:
    """An AsyncClient for the checker: vetted connections, browser-like headers, no
    cookie jar, no redirects followed by httpx, nothing read from the environment (no
    ``.netrc``; the proxies are ``options.proxies``, which the command line reads).
    ``address_filter`` replaces the private-address test of ``exclude_private`` (tests
    use it to call a loopback address "private")."""
    _fail_sniffio_fast()
    blocked = address_filter or (is_private_address if options.exclude_private else None)
    resolver = resolver or SystemResolver()
    cap = max(options.max_concurrency, 1)
    limits = httpx.Limits(max_connections=cap, max_keepalive_connections=cap)
    transport: httpx.AsyncBaseTransport = GuardedTransport(
        GuardedBackend(resolver, blocked), limits, verify=verify
    )
    if options.proxies is not None:
        through = functools.partial(proxy_transport, limits=limits, verify=verify)
        transport = ProxyRoutes(transport, options.proxies, through, resolver, blocked)
    return _Client(
        transport=transport,
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=False,
        trust_env=False,
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en-US,en;q=0.9",
        },
    )


class Fetcher:
    """Fetches links with one client, within the run's ``limits``."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        options: LinkOptions,
        limits: Limits,
        *,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.client = client
        self.options = options
        self._limits = limits
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.answered = False  # some host gave an HTTP answer (the network is up)
        # the answers whose Location httpx could not turn into a next request: it raises
        # then (even with redirects off), though the answer itself is fine
        self._answers: dict[int, httpx.Response] = {}
        client.event_hooks["response"].append(self._remember)

    async def _remember(self, response: httpx.Response) -> None:
        if response.status_code in REDIRECTS:
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

    async def fetch(
        self, url: str, method: str, *, want_body: bool = False, timeout: float | None = None
    ) -> Fetch:
        """Request ``url``, following redirects by hand (``want_body``: read the start of
        an HTML body, for its title)."""
        limit = self.options.timeout if timeout is None else timeout
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            return Fetch(url, error=exc)
        jar: dict[str, dict[str, str]] = {}
        # a URL seen again is a loop, unless the host set a cookie since (the usual
        # "set a cookie, then send you back" dance browsers pass through)
        seen = {(str(current), "")}
        permanent, moved = True, None
        budget, spent = limit * CHAIN_BUDGET, 0.0
        for _ in range(self.options.max_redirects + 1):
            body = b""
            hop_limit = min(limit, budget - spent)
            if hop_limit <= 0:
                return Fetch(str(current), moved_to=moved, note="slow-chain")
            try:
                async with self._limits.slot(authority(current)):
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
                    return Fetch(str(current), moved_to=moved, note="slow-chain")
                return Fetch(str(current), moved_to=moved, error=exc)
            except Exception as exc:
                return Fetch(str(current), moved_to=moved, error=exc)
            self.answered = True
            code = response.status_code
            location = response.headers.get("location")
            if code not in REDIRECTS or not location:
                return Fetch(
                    str(current), code, response.reason_phrase, response.headers, moved, body=body
                )
            self._keep_cookies(response, jar)
            location = location.strip()
            scheme = SCHEME.match(location)
            if scheme is not None and scheme.group(1).lower() in _LOCAL_SCHEMES:
                shown = location if len(location) <= 100 else location[:99] + "…"
                return Fetch(str(current), code, shown, moved_to=moved, note="local")
            try:
                target = current.join(location)
            except (httpx.InvalidURL, ValueError):
                shown = location if len(location) <= 100 else location[:99] + "…"
                return Fetch(str(current), code, shown, moved_to=moved, note="bad-location")
            if target.scheme not in ("http", "https"):
                return Fetch(str(target), code, moved_to=moved, note="scheme")
            if permanent and code in _PERMANENT:
                moved = str(target)
            else:
                permanent = False
            state = (str(target), repr(sorted(jar.get(target.host, {}).items())))
            if state in seen:
                return Fetch(str(target), code, moved_to=moved, note="loop")
            seen.add(state)
            if code == 303 and method != "HEAD":
                method = "GET"
            current = target
        return Fetch(str(current), moved_to=moved, note="too-many")

    # -- one link, retried ----------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        base = min(self.options.backoff * float(2**attempt), self.options.max_backoff)
        return base * (0.5 + self._rng.random())  # jitter: 0.5x to 1.5x

    async def check(self, url: str) -> tuple[LinkStatus, Verdict]:
        """The status of ``url`` over HTTP, and the verdict it came from."""
        use_get = False
        attempt = 0
        while True:
            fetch = await self.fetch(url, "GET" if use_get else "HEAD")
            if not use_get and self._head_failed(fetch):
                use_get = True  # HEAD refused, unsupported or answered differently
                fetch = await self.fetch(url, "GET")
            verdict = judge(fetch, self.options)
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
                    verdict = Verdict(verdict.outcome, detail)
                    wait = None
                elif asked is not None:
                    wait = asked
                    self._limits.pause(authority(httpx.URL(fetch.url)), asked)
            if wait is None:
                return self._status(url, fetch, verdict, attempt + 1), verdict
            await self._sleep(wait)
            attempt += 1

    @staticmethod
    def _head_failed(fetch: Fetch) -> bool:
        if fetch.error is not None:
            return (
                find(fetch.error, httpx.RemoteProtocolError) is not None
                or find(fetch.error, httpx.ReadError) is not None
            )
        if fetch.note in ("loop", "too-many"):
            return True
        return fetch.status is not None and fetch.status >= 400 and fetch.status != 429

    @staticmethod
    def _status(url: str, fetch: Fetch, verdict: Verdict, attempts: int) -> LinkStatus:
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
