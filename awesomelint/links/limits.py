"""How many requests the checker has in flight: at most ``host_concurrency`` per host (a
``[links.hosts]`` entry may set its own) and ``max_concurrency`` in all; a host that asked
to slow down (429 with ``Retry-After``) is paused for every request to it."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx

from awesomelint.links.options import LinkOptions

Sleep = Callable[[float], Awaitable[None]]


def authority(url: httpx.URL) -> str:
    """The key of a host for the limits: host and port (default ports written out)."""
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.host}:{port}"


class Limits:
    """The slots of one run (its semaphores belong to the running event loop)."""

    def __init__(self, options: LinkOptions, sleep: Sleep = asyncio.sleep) -> None:
        self.options = options
        self._sleep = sleep
        self._host_sems: dict[str, asyncio.Semaphore] = {}
        self._global: asyncio.Semaphore | None = None
        self._paused: dict[str, float] = {}
        self.requests = 0
        self.active: dict[str, int] = {}  # in-flight requests per host, for tests

    def _sem(self, host: str) -> asyncio.Semaphore:
        sem = self._host_sems.get(host)
        if sem is None:
            spec = self.options.host(host.rsplit(":", 1)[0])
            cap = spec.concurrency if spec and spec.concurrency else self.options.host_concurrency
            sem = self._host_sems[host] = asyncio.Semaphore(max(cap, 1))
        return sem

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one request's place for ``host`` (an ``authority``) until the block ends."""
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

    def pause(self, host: str, seconds: float) -> None:
        """No request to ``host`` starts in the next ``seconds`` (its Retry-After)."""
        until = time.monotonic() + seconds
        self._paused[host] = max(self._paused.get(host, 0.0), until)
