"""Local HTTP/1.1 servers on 127.0.0.1 for the link-checker tests (no internet, ever).

Each server runs on one shared background event loop; a handler maps a request to a
Reply (status, headers, body, a delay before answering, an endless body, or a dropped
connection). Servers count requests and the most requests they had in flight at once.
"""

from __future__ import annotations

import asyncio
import inspect
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b"<html><head><title>Fine</title></head><body>ok</body></html>"
    delay: float = 0.0  # seconds before the status line
    endless: bool = False  # a chunked body that never ends
    drop: bool = False  # close the connection without answering


Handler = Callable[[Request], "Reply | Awaitable[Reply]"]


@dataclass
class Server:
    handler: Handler
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    active: int = 0
    max_active: int = 0
    server: asyncio.AbstractServer | None = None

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def count(self, path: str | None = None, method: str | None = None) -> int:
        return sum(
            1
            for r in self.requests
            if (path is None or r.path == path) and (method is None or r.method == method)
        )

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                req = Request(method, path, headers)
                self.requests.append(req)
                self.active += 1
                self.max_active = max(self.max_active, self.active)
                try:
                    reply = self.handler(req)
                    if inspect.isawaitable(reply):
                        reply = await reply
                    assert isinstance(reply, Reply)
                    if reply.delay:
                        await asyncio.sleep(reply.delay)
                    if reply.drop:
                        return
                    await self._answer(writer, method, reply)
                finally:
                    self.active -= 1
                if reply.endless:
                    return
        except (ConnectionError, OSError, asyncio.CancelledError):
            return
        finally:
            writer.close()

    @staticmethod
    async def _answer(writer: asyncio.StreamWriter, method: str, reply: Reply) -> None:
        try:
            phrase = HTTPStatus(reply.status).phrase
        except ValueError:
            phrase = "Unknown"
        out = [f"HTTP/1.1 {reply.status} {phrase}"]
        out += [f"{k}: {v}" for k, v in reply.headers]
        names = {k.lower() for k, _ in reply.headers}
        if "content-type" not in names:
            out.append("Content-Type: text/html; charset=utf-8")
        if reply.endless:
            out.append("Transfer-Encoding: chunked")
        else:
            out.append(f"Content-Length: {len(reply.body)}")
        writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1"))
        if method == "HEAD":
            await writer.drain()
            return
        if not reply.endless:
            writer.write(reply.body)
            await writer.drain()
            return
        chunk = b"x" * 4096
        while True:  # until the client hangs up
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
            await asyncio.sleep(0.005)


class Servers:
    """A background event loop hosting any number of local servers."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.servers: list[Server] = []

    def _run(self, coro: Awaitable[Any]) -> Any:
        fut: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self.loop)  # type: ignore[arg-type]
        return fut.result(timeout=10)

    def add(self, handler: Handler, host: str = "127.0.0.1") -> Server:
        server = Server(handler)

        async def start() -> None:
            server.server = await asyncio.start_server(server._serve, host, 0)
            server.port = server.server.sockets[0].getsockname()[1]

        self._run(start())
        self.servers.append(server)
        return server

    def close(self) -> None:
        async def stop() -> None:
            for s in self.servers:
                if s.server is not None:
                    s.server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        self._run(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


@contextmanager
def servers() -> Iterator[Servers]:
    s = Servers()
    try:
        yield s
    finally:
        s.close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections are refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    return port
