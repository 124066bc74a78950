"""Name resolution and connections for the link checker: an injectable resolver, and a
network backend that vets every address it connects to (``--exclude-private``).

The backend resolves the host itself and connects to the address it checked, so a name
that resolves to a public address for the check and to a private one for the connection
(DNS rebinding) cannot slip through; TLS still verifies the certificate against the host
name. ``.invalid`` names fail at once without a DNS query (RFC 6761), and ``localhost``
names are loopback without one.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import ssl
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

if TYPE_CHECKING:
    from awesomelint.links.proxy import Proxies

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
AddressFilter = Callable[[str], bool]  # True: do not connect to this address

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# not "private" by the book, but cloud metadata/control endpoints all the same
_METADATA = (
    ipaddress.ip_network("168.63.129.16/32"),  # Azure wire server
    ipaddress.ip_network("100.100.100.200/32"),  # Alibaba metadata (also in 100.64/10)
    ipaddress.ip_network("fd00:ec2::254/128"),  # AWS metadata over IPv6
)


def _chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def find(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of ``kind`` in ``exc``'s chain of causes, or None."""
    return next((e for e in _chain(exc) if isinstance(e, kind)), None)


class DNSError(Exception):
    """A host name did not resolve; ``temporary`` when the resolver could not answer."""

    def __init__(self, host: str, temporary: bool = False) -> None:
        super().__init__(f"DNS lookup of {host} failed")
        self.host = host
        self.temporary = temporary


class BlockedAddress(Exception):
    """The host resolves to an address that ``--exclude-private`` keeps us away from."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to the private address {address}")
        self.host = host
        self.address = address


def is_private_address(address: str) -> bool:
    """Whether ``address`` is loopback, private, link-local, shared, reserved, multicast
    or a cloud metadata endpoint: anything but the public internet."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return True  # not an address at all: refuse rather than guess
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            ip = mapped
    if any(ip in net for net in _METADATA):
        return True
    return not ip.is_global or ip.is_multicast


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


class SystemResolver:
    """The operating system's resolver (``getaddrinfo``), asked once per host per run."""

    def __init__(self) -> None:
        self._done: dict[str, asyncio.Future[list[str]]] = {}

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        literal = _literal(host)
        if literal is not None:
            return [literal]
        name = host.lower().rstrip(".")
        if name == "invalid" or name.endswith(".invalid"):
            raise DNSError(host)  # RFC 6761: never resolves; no query sent
        if name == "localhost" or name.endswith(".localhost"):
            return ["127.0.0.1", "::1"]
        future = self._done.get(name)
        if future is None:
            future = asyncio.ensure_future(self._lookup(host, port))
            self._done[name] = future
        return await asyncio.shield(future)

    async def _lookup(self, host: str, port: int) -> list[str]:
        try:
            infos = await _getaddrinfo(host, port)
        except socket.gaierror as exc:
            raise DNSError(host, temporary=exc.errno == socket.EAI_AGAIN) from exc
        except UnicodeError as exc:
            raise DNSError(host) from exc
        out: list[str] = []
        for info in infos:
            addr = str(info[4][0])
            if addr not in out:
                out.append(addr)
        if not out:
            raise DNSError(host)
        return out


async def _getaddrinfo(host: str, port: int) -> list[Any]:
    """``getaddrinfo`` in a daemon thread of its own. The loop's default executor would
    do, but a stuck lookup (a DNS server that never answers: up to 30 s) cannot be
    cancelled, and the end of ``asyncio.run`` - and of the process - waits for executor
    threads: the run would outlast its deadline. A daemon thread is left behind."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[list[Any]] = loop.create_future()

    def settle(result: list[Any] | None, error: BaseException | None) -> None:
        if future.done():
            return  # cancelled meanwhile (the deadline)
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result or [])

    def work() -> None:
        result, error = None, None
        try:
            result = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except BaseException as exc:  # handed to the loop, raised there
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name=f"awesomelint-dns-{host}", daemon=True).start()
    return await future


async def vetted(
    resolver: Resolver, blocked: AddressFilter | None, host: str, port: int
) -> Sequence[str]:
    """The addresses of ``host``: DNSError when it has none, BlockedAddress when
    ``blocked`` flags any of them (one private answer is enough to stay away)."""
    addresses = await resolver(host, port)
    if not addresses:
        raise DNSError(host)
    if blocked is not None:
        for addr in addresses:
            if blocked(addr):
                raise BlockedAddress(host, addr)
    return addresses


def ssl_context(verify: ssl.SSLContext | bool) -> ssl.SSLContext:
    """The context that verifies certificates as ``verify`` says (the environment's
    certificate variables not read)."""
    if isinstance(verify, ssl.SSLContext):
        return verify
    return httpx.create_ssl_context(verify=verify, trust_env=False)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve with ``resolver``, refuse addresses ``blocked`` flags, connect to the rest."""

    def __init__(self, resolver: Resolver, blocked: AddressFilter | None = None) -> None:
        self._resolver = resolver
        self._blocked = blocked
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await vetted(self._resolver, self._blocked, host, port)
        last: Exception | None = None
        for addr in addresses:
            try:
                return await self._inner.connect_tcp(
                    addr,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by the link checker")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a :class:`GuardedBackend` (HTTP/1.1, no proxies, no
    environment: no ``.netrc`` credentials are ever sent)."""

    def __init__(
        self,
        backend: httpcore.AsyncNetworkBackend,
        limits: httpx.Limits,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        contexts: list[ssl.SSLContext] = []

        def context() -> ssl.SSLContext:
            # made for the first https origin: loading the CA bundle costs ~20 ms, which
            # a list of http links (or a local test) need not pay
            if not contexts:
                contexts.append(ssl_context(verify))
            return contexts[0]

        # (httpx's own pool, built here with an unverified context that costs nothing to
        # make, is replaced below and never connects)
        super().__init__(limits=limits, verify=False, trust_env=False)

        def pool(scheme: bytes = b"https") -> httpcore.AsyncConnectionPool:
            # one origin per pool: only an https origin's connections use a TLS context
            return httpcore.AsyncConnectionPool(
                ssl_context=context() if scheme == b"https" else None,
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                http1=True,
                http2=False,
                network_backend=backend,
            )

        # httpx builds its pool with the default backend and offers no argument for
        # another one: replace the pool (same settings) - tests/links/test_links_net.py guards it
        self._pool = OriginPools(pool)  # type: ignore[assignment]


class OriginPools:
    """A connection pool per origin (scheme, host, port), in place of httpcore's one pool.

    httpcore's pool scans every connection it holds for each request it queues, so one
    pool for 64 connections to many hosts spends its time scanning; a pool per origin
    holds only the host's few. Pools that sit idle beyond the newest ``_KEEP`` are closed,
    so sockets kept alive stay bounded on lists with a thousand hosts."""

    _KEEP = 16

    def __init__(self, make: Callable[[bytes], httpcore.AsyncConnectionPool]) -> None:
        self._make = make  # the pool of an origin with this scheme
        self.pools: dict[tuple[bytes, bytes, int | None], httpcore.AsyncConnectionPool] = {}

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        url = request.url
        key = (url.scheme, url.host, url.port)
        pool = self.pools.pop(key, None)
        idle = []
        if pool is None:
            pool = self._make(url.scheme)
            idle = self._take_idle()
        self.pools[key] = pool  # the newest last
        for old in idle:  # (taken out of the dict before any await: tasks share it)
            await old.aclose()
        return await pool.handle_async_request(request)

    def _take_idle(self) -> list[httpcore.AsyncConnectionPool]:
        """Remove and return the oldest pools with nothing in flight, beyond ``_KEEP``."""
        surplus = len(self.pools) + 1 - self._KEEP
        taken = []
        for key, pool in list(self.pools.items()):
            if surplus <= 0:
                break
            if all(c.is_idle() or c.is_closed() for c in pool.connections):
                del self.pools[key]
                taken.append(pool)
                surplus -= 1
        return taken

    async def aclose(self) -> None:
        pools, self.pools = list(self.pools.values()), {}
        for pool in pools:
            await pool.aclose()

    async def __aenter__(self) -> OriginPools:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class ProxyUnreachable(Exception):
    """The proxy a link goes through did not let us connect (not the link's host)."""

    def __init__(self, proxy: str, reason: str) -> None:
        super().__init__(f"cannot connect to the proxy {proxy}: {reason}")
        self.proxy = proxy
        self.reason = reason


class Unvetted(Exception):
    """``--exclude-private``: a proxied link's host does not resolve here, so the address
    the proxy would connect to cannot be vetted."""

    def __init__(self, host: str) -> None:
        super().__init__(f"cannot vet the address of {host} behind the proxy")
        self.host = host


class ProxyRoutes(httpx.AsyncBaseTransport):
    """Each request through the proxy ``proxies`` gives its URL (a transport per proxy,
    made by ``make`` on first use), else through ``direct``.

    The proxy resolves the host and connects, so with ``blocked`` (``--exclude-private``)
    the host is resolved here first and refused if any of its addresses is blocked, or if
    it does not resolve at all: the proxy's network may reach names and addresses that
    ours does not. A failure to connect is the proxy's (:class:`ProxyUnreachable`: the
    link is not dead), except a TLS error, which is the link's host's certificate or
    handshake at the far end of the tunnel."""

    def __init__(
        self,
        direct: httpx.AsyncBaseTransport,
        proxies: Proxies,
        make: Callable[[str], httpx.AsyncBaseTransport],
        resolver: Resolver,
        blocked: AddressFilter | None = None,
    ) -> None:
        self._direct = direct
        self._proxies = proxies
        self._make = make
        self._resolver = resolver
        self._blocked = blocked
        self._transports: dict[str, httpx.AsyncBaseTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        proxy = self._proxies.for_url(url.scheme, url.host, url.port)
        if proxy is None:
            return await self._direct.handle_async_request(request)
        if self._blocked is not None:
            port = url.port or (443 if url.scheme == "https" else 80)
            try:
                await vetted(self._resolver, self._blocked, url.host, port)
            except DNSError as exc:
                raise Unvetted(url.host) from exc
        transport = self._transports.get(proxy)
        if transport is None:
            transport = self._transports[proxy] = self._make(proxy)
        try:
            return await transport.handle_async_request(request)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            if find(exc, ssl.SSLError) is not None:
                raise
            reason = str(exc) or type(exc).__name__
            raise ProxyUnreachable(_without_password(proxy), reason) from exc

    async def aclose(self) -> None:
        transports, self._transports = list(self._transports.values()), {}
        await self._direct.aclose()
        for transport in transports:
            await transport.aclose()


def _without_password(url: str) -> str:
    """``url`` as it may be shown: its password, if any, starred out."""
    parsed = httpx.URL(url)
    if not parsed.password:
        return url
    return str(parsed.copy_with(username=parsed.username, password="***"))


def proxy_transport(
    proxy: str, limits: httpx.Limits, verify: ssl.SSLContext | bool = True
) -> httpx.AsyncHTTPTransport:
    """httpx's transport through ``proxy`` (an ``https://`` link as a ``CONNECT`` tunnel),
    verifying certificates - the link hosts' and an ``https://`` proxy's - with ``verify``
    and reading nothing from the environment."""
    context = ssl_context(verify)
    return httpx.AsyncHTTPTransport(
        # (an https:// proxy's own certificate: httpcore refuses a context for an http one)
        proxy=httpx.Proxy(proxy, ssl_context=context if proxy.startswith("https:") else None),
        verify=context,
        limits=limits,
        trust_env=False,
        http1=True,
        http2=False,
    )
