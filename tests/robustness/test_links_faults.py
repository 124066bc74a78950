"""The link checker against misbehaving servers: every run ends within its bounds and
reports every link with a clear status.

Raw TCP servers on 127.0.0.1 (no internet, no real DNS), each connection in a daemon
thread that stops when the test ends (and after ``CAP`` seconds in any case): servers that
accept and never answer, never accept, trickle their headers, send an endless body, reset
mid-response, speak something that is not HTTP, send huge headers; redirects to
``file://`` and, with ``exclude_private``, to private addresses.
"""

from __future__ import annotations

import asyncio
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.links.checker import LinkChecker, LinkReport, check_links
from awesomelint.links.fetch import make_client
from awesomelint.links.net import DNSError, is_private_address
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key

CAP = 20.0  # no server thread outlives this, whatever the client does
FAST = LinkOptions(timeout=0.5, backoff=0.01, max_backoff=0.05, retry_after_cap=1.0,
                   use_cache=False)  # fmt: skip

Handler = Callable[[socket.socket, "Raw"], None]


class Raw:
    """A TCP server on 127.0.0.1 running ``handler(conn, server)`` per connection."""

    def __init__(
        self, handler: Handler | None, accept: bool = True, host: str = "127.0.0.1"
    ) -> None:
        self.handler = handler
        self.stop = threading.Event()
        self.connections = 0
        self.requests: list[bytes] = []
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.host = host
        self.sock.bind((host, 0))
        self.sock.listen(64)
        self.port = int(self.sock.getsockname()[1])
        self.started = time.monotonic()
        if accept:
            threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def alive(self) -> bool:
        return not self.stop.is_set() and time.monotonic() - self.started < CAP

    def sleep(self, seconds: float) -> bool:
        """Sleep unless stopped; whether the server still runs."""
        return not self.stop.wait(seconds) and self.alive()

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while self.alive():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(1.0)
            assert self.handler is not None
            self.handler(conn, self)
        except OSError:
            pass
        finally:
            conn.close()

    def read_request(self, conn: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data and self.alive():
            try:
                chunk = conn.recv(4096)
            except TimeoutError:
                continue
            if not chunk:
                break
            data += chunk
        self.requests.append(data)
        return data

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@contextmanager
def raw(handler: Handler | None, accept: bool = True, host: str = "127.0.0.1") -> Iterator[Raw]:
    server = Raw(handler, accept, host)
    try:
        yield server
    finally:
        server.close()


def _reset(conn: socket.socket) -> None:
    """Close with a TCP RST instead of a FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


# -- the misbehaviours ----------------------------------------------------------------


def silent(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    while srv.sleep(0.1):
        pass


def trickle_headers(conn: socket.socket, srv: Raw) -> None:
    """A status line, then one header byte every 0.1 s: every read gets data in time,
    so only a bound on the whole request ends it."""
    srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while srv.sleep(0.1):
        conn.sendall(b"X")


def endless_body(conn: socket.socket, srv: Raw) -> None:
    """No Content-Length, no chunking: a body that lasts until the connection closes."""
    request = srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    if request.startswith(b"HEAD"):
        return
    conn.sendall(b"<html><head>")
    while srv.alive():
        conn.sendall(b"<!-- " + b"x" * 8192 + b" -->")


def endless_title(conn: socket.socket, srv: Raw) -> None:
    """A <title> that never ends (fix --fetch-titles reads the page's head)."""
    srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><title>")
    while srv.alive():
        conn.sendall(b"a" * 8192)


def reset_in_headers(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Ty")
    _reset(conn)


def reset_in_body(conn: socket.socket, srv: Raw) -> None:
    request = srv.read_request(conn)
    if request.startswith(b"HEAD"):
        conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
        request = srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 10)
    _reset(conn)


def reset_at_once(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    _reset(conn)


def not_http(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02garbage\r\n\r\n")


def bad_status(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 2000 Too Many Digits\r\nContent-Length: 0\r\n\r\n")


def huge_header(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 2_000_000 + b"\r\n\r\n")


def many_headers(conn: socket.socket, srv: Raw) -> None:
    srv.read_request(conn)
    head = b"".join(b"X-H%d: %d\r\n" % (i, i) for i in range(100_000))
    conn.sendall(b"HTTP/1.1 200 OK\r\n" + head + b"Content-Length: 0\r\n\r\n")


def redirect_to(location: str) -> Handler:
    def handler(conn: socket.socket, srv: Raw) -> None:
        while srv.alive() and srv.read_request(conn):
            conn.sendall(
                b"HTTP/1.1 301 Moved Permanently\r\nLocation: "
                + location.encode()
                + b"\r\nContent-Length: 0\r\n\r\n"
            )

    return handler


def slow_redirect_chain(conn: socket.socket, srv: Raw) -> None:
    """Each hop answers just inside the per-request timeout and sends the client on."""
    while srv.alive():
        request = srv.read_request(conn)
        if not request:
            return
        m = re.search(rb"/hop/(\d+)", request)
        hop = int(m.group(1)) if m else 0
        if not srv.sleep(0.4):
            return
        conn.sendall(
            b"HTTP/1.1 302 Found\r\nLocation: /hop/%d\r\nContent-Length: 0\r\n\r\n" % (hop + 1)
        )


# -- running the checker ----------------------------------------------------------------


async def local(host: str, port: int) -> Sequence[str]:
    """Resolver without DNS: IP literals and their legacy forms (``2130706433``,
    ``0x7f.1``, ``127.1``: what inet_aton and browsers accept) and localhost; every other
    name does not exist."""
    if host in ("localhost", "localhost."):
        return ["127.0.0.1", "::1"]
    try:
        socket.inet_pton(socket.AF_INET6, host.strip("[]"))
        return [host.strip("[]")]
    except OSError:
        pass
    try:
        return [socket.inet_ntoa(socket.inet_aton(host))]
    except OSError:
        raise DNSError(host) from None


def run(urls: Sequence[str], options: LinkOptions = FAST) -> LinkReport:
    return check_links(urls, options, resolver=local)


def status(report: LinkReport, url: str) -> LinkStatus:
    key = link_key(url)
    assert key is not None
    return report.statuses[key]


def timed(fn: Callable[[], LinkReport]) -> tuple[LinkReport, float]:
    t0 = time.monotonic()
    report = fn()
    return report, time.monotonic() - t0


# per request 0.5 s; a timed-out link is tried twice (HEAD, then one GET), so each case
# ends within ~1.2 s; the bound leaves room for a loaded machine
CASES = [
    (silent, "unreachable", "timed out after 0.5 s"),
    (trickle_headers, "unreachable", "timed out after 0.5 s"),
    (endless_body, "ok", "200 OK"),
    (reset_in_headers, "unreachable", "connection reset by the server"),
    (reset_in_body, "ok", "200 OK"),
    (reset_at_once, "unreachable", "connection reset by the server"),
    (not_http, "unreachable", "not an HTTP answer: invalid status line"),
    (bad_status, "unreachable", "not an HTTP answer: invalid status line"),
    (huge_header, "unreachable", "not an HTTP answer: headers too large"),
    (many_headers, "unreachable", "not an HTTP answer: headers too large"),
]


@pytest.mark.parametrize(
    ("handler", "outcome", "detail"), CASES, ids=[c[0].__name__ for c in CASES]
)
def test_misbehaving_server(handler: Handler, outcome: str, detail: str) -> None:
    with raw(handler) as srv:
        report, took = timed(lambda: run([srv.url("/page")]))
    st = status(report, srv.url("/page"))
    assert (st.outcome, st.detail.split(" (after")[0]) == (outcome, detail), st
    assert took < 4.0, took
    assert report.stats.checked == 1


def test_a_server_that_never_accepts_times_out() -> None:
    """The kernel completes the handshake into the listen backlog; nobody ever reads."""
    with raw(None, accept=False) as srv:
        report, took = timed(lambda: run([srv.url("/x")]))
    st = status(report, srv.url("/x"))
    assert (st.outcome, st.detail) == ("unreachable", "timed out after 0.5 s (after 2 attempts)")
    assert took < 4.0


def test_an_endless_title_is_cut_short() -> None:
    with raw(endless_title) as srv:

        async def go() -> dict[str, str]:
            async with make_client(FAST, local) as client:
                checker = LinkChecker(client, FAST.updated(title_bytes=50_000))
                return await checker.titles([srv.url("/t")])

        t0 = time.monotonic()
        titles = asyncio.run(go())
    assert titles == {} and time.monotonic() - t0 < 3.0


def test_a_slow_redirect_chain_is_bounded_as_a_whole() -> None:
    """Every hop answers within the per-request timeout; the chain as a whole may not take
    much longer than one (10 hops x 0.4 s would be 4 s per attempt)."""
    with raw(slow_redirect_chain) as srv:
        report, took = timed(lambda: run([srv.url("/hop/0")]))
    st = status(report, srv.url("/hop/0"))
    assert st.outcome == "unreachable", st
    assert st.detail.startswith("redirects took more than 1 s in all at "), st
    assert took < 6.0, took


@pytest.mark.parametrize(
    "location",
    ["file:///etc/passwd", "FILE://localhost/etc/shadow", "javascript:alert(1)",
     "data:text/html,<h1>x</h1>", "view-source:http://a.example/"],
)  # fmt: skip
def test_redirect_to_a_local_scheme_is_not_followed_and_is_reported(location: str) -> None:
    with raw(redirect_to(location)) as srv:
        report = run([srv.url("/r")])
    st = status(report, srv.url("/r"))
    assert st.outcome == "unreachable", st
    assert st.detail == f"redirects to {location}, which browsers do not follow", st
    assert st.redirect is None  # never offered as the link's new home


def test_redirect_to_an_invalid_url_is_reported() -> None:
    with raw(redirect_to("http://a.example:abc/")) as srv:
        st = status(run([srv.url("/r")]), srv.url("/r"))
    assert (st.outcome, st.detail) == (
        "unreachable",
        "redirects to an invalid URL: http://a.example:abc/",
    )


PRIVATE_TARGETS = [
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://10.0.0.1/admin",
    "http://[::1]:{port}/",
    "http://[::ffff:127.0.0.2]:{port}/",  # IPv4-mapped
    "http://0.0.0.0:{port}/",  # connects to this machine
    "http://2130706434:{port}/",  # 127.0.0.2 as one number
    "http://0x7f.2:{port}/",  # ... in hex, two parts
    "http://127.2:{port}/",  # ... two parts
    "http://localhost:{port}/",
    "http://127.0.0.2:{port}/",
]


@pytest.mark.parametrize("target", PRIVATE_TARGETS)
def test_redirect_to_a_private_address_with_exclude_private(target: str) -> None:
    """The public page (127.0.0.1 stands in for a public address here) redirects into the
    private network (127.0.0.2 listens there): the hop is refused before any connection,
    whatever the spelling."""
    with raw(None, host="127.0.0.2") as inner:  # a listener that must never be reached
        location = target.format(port=inner.port)
        with raw(redirect_to(location)) as outer:
            options = FAST.updated(exclude_private=True)

            async def go() -> LinkReport:
                vet = lambda a: a != "127.0.0.1" and is_private_address(a)  # noqa: E731
                async with make_client(options, local, address_filter=vet) as client:
                    return await LinkChecker(client, options).check([outer.url("/go")])

            report, took = timed(lambda: asyncio.run(go()))
        assert inner.connections == 0
    st = status(report, outer.url("/go"))
    assert st.outcome == "skipped", st
    assert "private address" in st.detail and "--exclude-private" in st.detail, st
    assert took < 2.0


def test_every_fault_at_once_ends_within_the_deadline() -> None:
    handlers = [c[0] for c in CASES] + [slow_redirect_chain, redirect_to("file:///etc/passwd")]
    with contextlib_stack(handlers) as srvs:
        urls = [s.url(f"/case{i}") for i, s in enumerate(srvs)]
        options = FAST.updated(timeout=5.0, deadline=1.5)
        report, took = timed(lambda: run(urls, options))
    assert took < 3.0, took
    assert len(report.statuses) == len(urls)
    for url in urls:
        st = status(report, url)
        assert st.detail, st
        if st.outcome == "skipped":
            assert st.detail == "not checked: the deadline of 1.5 s was reached"


def test_a_resolver_that_hangs_does_not_outlast_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """getaddrinfo runs in a thread that cannot be cancelled: the run must not wait for
    it past the deadline."""

    def stuck(*args: object, **kwargs: object) -> object:
        time.sleep(4.0)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    t0 = time.monotonic()
    report = check_links(["https://slow-dns.dev/x"], FAST.updated(deadline=0.5))
    assert time.monotonic() - t0 < 2.0
    st = status(report, "https://slow-dns.dev/x")
    assert st.outcome == "skipped" and "deadline" in st.detail


@contextmanager
def contextlib_stack(handlers: Sequence[Handler]) -> Iterator[list[Raw]]:
    started = [Raw(h) for h in handlers]
    try:
        yield started
    finally:
        for s in started:
            s.close()


def test_cli_reports_each_fault_and_ends_within_the_deadline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    handlers = [silent, reset_at_once, not_http, huge_header, redirect_to("file:///etc/passwd")]
    with contextlib_stack(handlers) as srvs:
        lines = [f"- [Case {i}]({s.url(f'/c{i}')}) - Case {i}." for i, s in enumerate(srvs)]
        doc = tmp_path / "list.md"
        doc.write_text("# Faults\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
        t0 = time.monotonic()
        code = main(
            ["check", "--links", "--select", "links", "--timeout", "0.5", "--deadline", "5",
             "--no-cache", str(doc)]
        )  # fmt: skip
        took = time.monotonic() - t0
    out, err = capsys.readouterr()
    assert code == 1 and took < 6.0, (took, err)
    assert out.count("L003 [unreachable-link]") == 5 or out.count("unreachable-link") == 5, out
    for i in range(5):
        assert f"list.md:{i + 3}:" in out
    assert "timed out after 0.5 s" in out and "connection reset" in out
    assert "not an HTTP answer" in out and "which browsers do not follow" in out
    assert "Links: 5 checked" in err
