"""Links through a proxy named by the environment: which links go through it, what the
proxy sees, and what its failures mean for a link (never "dead")."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import ssl
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.errors import ConfigError
from awesomelint.links.checker import LinkChecker, check_links
from awesomelint.links.fetch import make_client
from awesomelint.links.net import DNSError, Resolver
from awesomelint.links.options import LinkOptions
from awesomelint.links.proxy import Proxies
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from awesomelint.review.github import GitHub
from tests.links_server import Reply, Request, Server, closed_port, servers


def proxy_handler(req: Request) -> Reply:
    """A forward proxy that answers for the hosts behind it itself: ``/ok`` lives,
    anything else is gone; a tunnel (``CONNECT``) is refused."""
    if req.method == "CONNECT":
        return Reply(403, body=b"tunnels are not allowed here")
    if req.path.startswith("http://api.test/"):
        return Reply(200, (("Content-Type", "application/json"),), body=b'{"login": "me"}')
    return Reply() if req.path.endswith("/ok") else Reply(404)


@pytest.fixture
def proxy() -> Iterator[Server]:
    with servers() as s:
        yield s.add(proxy_handler)


async def no_dns(host: str, port: int) -> Sequence[str]:
    """A resolver for a machine behind a proxy: no name resolves here."""
    raise DNSError(host)


def statuses(
    urls: list[str], options: LinkOptions, resolver: Resolver = no_dns
) -> dict[str, LinkStatus]:
    report = check_links(urls, options.updated(timeout=2.0, retries=0), resolver=resolver)
    return {url: report.statuses[link_key(url) or url] for url in urls}


def through(server: Server, no_proxy: tuple[str, ...] = ()) -> Proxies:
    url = f"http://127.0.0.1:{server.port}"
    return Proxies((("http", url), ("https", url)), no_proxy)


# -- the environment, read as curl, pip and urllib read it ---------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"HTTPS_PROXY": "http://p:3128"}, (("https", "http://p:3128"),)),
        ({"https_proxy": "http://low:1", "HTTPS_PROXY": "http://up:2"}, (("https", "http://low:1"),)),
        ({"https_proxy": "", "HTTPS_PROXY": "http://up:2"}, None),  # set empty: unset
        ({"http_proxy": "p:3128"}, (("http", "http://p:3128"),)),  # no scheme: http
        ({"ALL_PROXY": "http://a:1", "http_proxy": "http://h:2"},
         (("http", "http://h:2"), ("https", "http://a:1"))),
        ({"HTTP_PROXY": "http://evil:1", "REQUEST_METHOD": "GET"}, None),  # httpoxy
        ({"http_proxy": "http://p:1", "REQUEST_METHOD": "GET"}, (("http", "http://p:1"),)),
        ({"NO_PROXY": "x.org"}, None),
        ({"HTTPS_PROXY": "https://u:secret@p:443"}, (("https", "https://u:secret@p:443"),)),
    ],
)  # fmt: skip
def test_proxies_from_the_environment(
    environ: dict[str, str], expected: tuple[tuple[str, str], ...] | None
) -> None:
    found = Proxies.from_environment(environ)
    assert (found.by_scheme if found is not None else None) == expected


@pytest.mark.parametrize("value", ["socks5://p:1080", "socks5h://p:1080", "ftp://p:21"])
def test_other_proxy_schemes_are_refused_with_the_variable_named(value: str) -> None:
    with pytest.raises(ConfigError, match=r"HTTPS_PROXY=.*http:// and https:// proxies only"):
        Proxies.from_environment({"HTTPS_PROXY": value})


@pytest.mark.parametrize(
    ("no_proxy", "host", "port", "bypassed"),
    [
        ("example.org", "example.org", None, True),
        ("example.org", "www.example.org", None, True),  # a name covers its subdomains
        (".example.org", "example.org", None, True),
        ("example.org", "badexample.org", None, False),
        ("example.org", "example.org.evil.com", None, False),
        ("*", "anything.test", None, True),
        ("a.test, b.test", "b.test", None, True),
        ("EXAMPLE.org", "Example.ORG", None, True),
        ("example.org:8080", "example.org", 8080, True),
        ("example.org:8080", "example.org", None, False),
        ("10.0.0.0/8", "10.20.30.40", None, True),
        ("10.0.0.0/8", "11.0.0.1", None, False),
        ("10.0.0.0/8", "ten.example", None, False),
        ("::1", "::1", None, True),
        ("[::1]:8080", "::1", 8080, True),
        ("", "example.org", None, False),
    ],
)
def test_no_proxy(no_proxy: str, host: str, port: int | None, bypassed: bool) -> None:
    found = Proxies.from_environment({"https_proxy": "http://p:1", "no_proxy": no_proxy})
    assert found is not None
    assert found.bypassed(host, port) is bypassed
    assert (found.for_url("https", host, port) is None) is bypassed


def test_a_link_scheme_without_a_proxy_goes_direct() -> None:
    found = Proxies.from_environment({"https_proxy": "http://p:1"})
    assert found is not None
    assert found.for_url("https", "x.org", None) == "http://p:1"
    assert found.for_url("http", "x.org", None) is None
    assert found.for_api("https://ghe.corp:8443/api/v3") == "http://p:1"


# -- the checker through a proxy ----------------------------------------------------


def test_links_go_through_the_proxy_which_resolves_their_hosts(proxy: Server) -> None:
    # nothing resolves here: only the proxy can reach site.test
    found = statuses(
        ["http://site.test/ok", "http://site.test/gone"], LinkOptions(proxies=through(proxy))
    )
    assert found["http://site.test/ok"].outcome == "ok"
    assert found["http://site.test/gone"].outcome == "dead"
    assert found["http://site.test/gone"].detail == "404 Not Found"
    asked = {r.path for r in proxy.requests}
    assert {"http://site.test/ok", "http://site.test/gone"} <= asked  # absolute form
    assert all(r.headers.get("host") == "site.test" for r in proxy.requests)


def test_no_proxy_hosts_are_fetched_directly(proxy: Server) -> None:
    options = LinkOptions(proxies=through(proxy, no_proxy=("site.test",)))
    found = statuses(["http://site.test/ok", "http://other.test/ok"], options)
    assert found["http://site.test/ok"].detail == "DNS lookup failed (no such host)"
    assert found["http://other.test/ok"].outcome == "ok"
    assert [r.path for r in proxy.requests if "site.test" in r.path] == []


def test_a_proxy_that_cannot_be_reached_makes_no_link_dead() -> None:
    gone = f"http://127.0.0.1:{closed_port()}"
    options = LinkOptions(proxies=Proxies((("http", gone),), ()))
    found = statuses(["http://site.test/a", "http://site.test/b"], options)
    for status in found.values():
        assert status.outcome == "unreachable"
        assert status.detail.startswith(f"cannot connect to the proxy {gone}")


def test_a_refused_tunnel_is_unreachable_not_dead(proxy: Server) -> None:
    found = statuses(["https://site.test/ok"], LinkOptions(proxies=through(proxy)))
    status = found["https://site.test/ok"]
    assert status.outcome == "unreachable"
    assert "the proxy refused the tunnel" in status.detail
    assert [r.path for r in proxy.requests if r.method == "CONNECT"] == ["site.test:443"]


def test_the_proxy_password_is_sent_to_it_and_never_shown(proxy: Server) -> None:
    with_password = f"http://me:s3cret@127.0.0.1:{proxy.port}"
    found = statuses(
        ["http://site.test/ok"], LinkOptions(proxies=Proxies((("http", with_password),), ()))
    )
    assert found["http://site.test/ok"].outcome == "ok"
    assert proxy.requests[0].headers["proxy-authorization"].startswith("Basic ")
    gone = f"http://me:s3cret@127.0.0.1:{closed_port()}"
    found = statuses(["http://site.test/x"], LinkOptions(proxies=Proxies((("http", gone),), ())))
    assert "s3cret" not in found["http://site.test/x"].detail
    assert "me:***@127.0.0.1" in found["http://site.test/x"].detail


def test_exclude_private_vets_hosts_before_the_proxy_fetches_them(proxy: Server) -> None:
    async def resolver(host: str, port: int) -> Sequence[str]:
        if host == "public.test":
            return ["93.184.215.14"]
        if host == "inside.test":
            return ["10.0.0.7"]
        raise DNSError(host)

    options = LinkOptions(proxies=through(proxy), exclude_private=True)
    found = statuses(
        ["http://public.test/ok", "http://inside.test/ok", "http://unknown.test/ok"],
        options,
        resolver,
    )
    assert found["http://public.test/ok"].outcome == "ok"
    inside = found["http://inside.test/ok"]
    assert (inside.outcome, inside.detail) == (
        "skipped",
        "resolves to the private address 10.0.0.7 (--exclude-private)",
    )
    unknown = found["http://unknown.test/ok"]
    assert unknown.outcome == "skipped"
    assert "cannot vet the address of unknown.test behind the proxy" in unknown.detail
    assert {r.path for r in proxy.requests} == {"http://public.test/ok"}


# -- the command line ------------------------------------------------------------------


@pytest.fixture
def readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "README.md"
    path.write_text(
        "# T\n\n- [A](http://site.test/ok) - A.\n- [B](http://site.test/gone) - B.\n",
        encoding="utf-8",
    )
    return path


def test_check_links_uses_the_proxy_of_the_environment(
    proxy: Server, readme: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("http_proxy", f"127.0.0.1:{proxy.port}")
    code = main(["check", "--links", "--timeout", "2", str(readme)])
    out = capsys.readouterr().out
    assert code == 1
    assert "N001 [dead-link] Dead link http://site.test/gone: 404 Not Found" in out
    assert "site.test/ok" not in out
    assert proxy.count("http://site.test/gone") >= 1


def test_fix_fetch_titles_goes_through_the_proxy(
    proxy: Server, readme: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    readme.write_text("# T\n\n- http://site.test/ok\n", encoding="utf-8")
    assert main(["fix", "--fetch-titles", str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == "# T\n\n- [Fine](http://site.test/ok)\n"
    assert proxy.count("http://site.test/ok", "GET") == 1


def test_an_unusable_proxy_variable_is_a_one_line_error(
    readme: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")
    code = main(["check", "--links", str(readme)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "HTTPS_PROXY='socks5://127.0.0.1:1080'" in err


def test_a_check_without_links_reads_no_proxy(
    readme: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")  # unusable, and unused
    assert main(["check", str(readme)]) == 0


def test_the_review_client_goes_through_the_proxy(proxy: Server) -> None:
    with GitHub("http://api.test", "tok", proxy=f"http://127.0.0.1:{proxy.port}") as gh:
        answer = gh._client.get(gh.url("user"))
    assert answer.json() == {"login": "me"}
    assert [r.path for r in proxy.requests] == ["http://api.test/user"]


# -- an https link through a CONNECT tunnel, end to end ---------------------------------


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for site.test (made with the openssl command)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "1", "-subj", "/CN=site.test",
         "-addext", "subjectAltName=DNS:site.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def test_an_https_link_goes_through_a_tunnel_and_its_certificate_is_verified(
    certificate: tuple[Path, Path],
) -> None:
    cert, key = certificate
    proxied: list[bytes] = []

    async def run(trusted: bool) -> dict[str, LinkStatus]:
        server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_side.load_cert_chain(cert, key)

        async def origin(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    status = b"200 OK" if b" /ok " in head else b"404 Not Found"
                    writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\n\r\n")
                    await writer.drain()
            writer.close()

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        async def tunnel(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            head = await reader.readuntil(b"\r\n\r\n")
            proxied.append(head.split(b"\r\n")[0])
            far_reader, far_writer = await asyncio.open_connection("127.0.0.1", origin_port)
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            await asyncio.gather(pipe(reader, far_writer), pipe(far_reader, writer))

        far = await asyncio.start_server(origin, "127.0.0.1", 0, ssl=server_side)
        origin_port = far.sockets[0].getsockname()[1]
        near = await asyncio.start_server(tunnel, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{near.sockets[0].getsockname()[1]}"
        options = LinkOptions(proxies=Proxies((("https", url),), ()), timeout=2.0, retries=0)
        verify = ssl.create_default_context(cafile=str(cert)) if trusted else True
        urls = ["https://site.test/ok", "https://site.test/gone"]
        async with make_client(options, no_dns, verify=verify) as client:
            report = await LinkChecker(client, options, resolver=no_dns).check(urls, None)
        far.close()
        near.close()
        return {url: report.statuses[link_key(url) or url] for url in urls}

    found = asyncio.run(run(trusted=True))
    assert found["https://site.test/ok"].outcome == "ok"
    assert (found["https://site.test/gone"].outcome, found["https://site.test/gone"].detail) == (
        "dead",
        "404 Not Found",
    )
    assert set(proxied) == {b"CONNECT site.test:443 HTTP/1.1"}
    # the far end's certificate is checked through the tunnel: not trusted, not alive
    untrusted = asyncio.run(run(trusted=False))["https://site.test/ok"]
    assert untrusted.outcome == "unreachable"
    assert untrusted.detail.startswith("TLS certificate error")


def test_a_dead_proxy_stops_the_run_like_a_dead_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{closed_port()}")
    text = "".join(f"- [{h}](https://{h}.test/x) - {h}.\n" for h in ("a", "b", "c"))
    readme = tmp_path / "README.md"
    readme.write_text(f"# T\n\n{text}", encoding="utf-8")
    code = main(["check", "--links", "--retries", "0", str(readme)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")  # no link called dead
    assert err.splitlines() == [
        "awesomelint: error: no host answered (3 hosts failed before any HTTP answer): is "
        "the network, DNS or the proxy down? 3 links were not checked"
    ]
