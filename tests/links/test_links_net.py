"""Address vetting, the resolver, page titles, and what counts as a move."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import sys

import httpcore
import pytest

from awesomelint.fixer import choose
from awesomelint.links.fetch import make_client
from awesomelint.links.net import (
    GuardedBackend,
    OriginPools,
    SystemResolver,
    is_private_address,
)
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import is_move, to_front_page
from awesomelint.links.titles import clean_title, extract_title
from awesomelint.links.urls import link_key
from awesomelint.markdown import parse
from awesomelint.model import Edit, Finding, Fix


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # cloud metadata (link-local)
        ("100.100.100.200", True),  # Alibaba metadata, shared address space
        ("168.63.129.16", True),  # Azure wire server
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("::1", True),
        ("fe80::1", True),
        ("fd00:ec2::254", True),
        ("::ffff:127.0.0.1", True),  # IPv4-mapped loopback
        ("::ffff:8.8.8.8", False),
        ("8.8.8.8", False),
        ("140.82.112.3", False),
        ("2606:4700::6810:84e5", False),
        ("not an address", True),
    ],
)
def test_private_addresses(address: str, private: bool) -> None:
    assert is_private_address(address) is private


def test_resolver_answers_literals_localhost_and_invalid_without_dns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def no_dns(*args: object, **kwargs: object) -> None:
        raise AssertionError("a DNS query was sent")

    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", no_dns)

    async def go() -> None:
        r = SystemResolver()
        assert await r("203.0.113.9", 80) == ["203.0.113.9"]
        assert await r("[2001:db8::1]", 80) == ["2001:db8::1"]
        assert await r("localhost", 80) == ["127.0.0.1", "::1"]
        assert await r("app.localhost", 80) == ["127.0.0.1", "::1"]
        for name in ("x.invalid", "invalid", "X.INVALID."):
            with pytest.raises(Exception, match="DNS lookup"):
                await r(name, 80)

    asyncio.run(go())


def test_the_client_connects_through_the_guarded_backend() -> None:
    # httpx has no argument for a network backend: make_client swaps the pool; if a new
    # httpx changes that, this test says so before private addresses leak
    async def go() -> None:
        async with make_client(LinkOptions(exclude_private=True)) as client:
            transport = client._transport
            pools = transport._pool  # type: ignore[attr-defined]
            assert isinstance(pools, OriginPools)
            pool = pools._make(b"https")
            assert isinstance(pool, httpcore.AsyncConnectionPool)
            assert isinstance(pool._network_backend, GuardedBackend)
            await pool.aclose()

    asyncio.run(go())


def test_only_https_origins_get_the_tls_context_made_once() -> None:
    # the CA bundle is loaded for the first https origin, not for every client
    async def go() -> None:
        async with make_client(LinkOptions()) as client:
            pools = client._transport._pool  # type: ignore[attr-defined]
            plain = pools._make(b"http")
            assert plain._ssl_context is None
            one, two = pools._make(b"https"), pools._make(b"https")
            assert isinstance(one._ssl_context, ssl.SSLContext)
            assert one._ssl_context is two._ssl_context
            assert one._ssl_context.verify_mode == ssl.CERT_REQUIRED
            for pool in (plain, one, two):
                await pool.aclose()

    asyncio.run(go())


@pytest.mark.parametrize(
    ("written", "target", "moved"),
    [
        ("http://a.dev/x", "https://a.dev/x", True),  # http -> https
        ("https://a.dev/x", "https://a.dev/x/", False),  # trailing slash
        ("https://a.dev/", "https://www.a.dev/", False),  # www.
        ("https://a.dev/old", "https://a.dev/new", True),
        ("https://a.dev/page", "https://a.dev/login?next=/page", False),
        ("https://a.dev/page", "https://sso.a.dev/auth/realms/x", False),
        ("https://a.dev/page", "https://b.dev/?continue=https://a.dev/page", False),
        ("https://a.dev/x#frag", "https://a.dev/x/#frag", False),
    ],
)
def test_is_move(written: str, target: str, moved: bool) -> None:
    assert is_move(written, target) is moved


def test_front_page() -> None:
    assert to_front_page("https://a.dev/deep/page", "https://a.dev/")
    assert not to_front_page("https://a.dev/", "https://www.a.dev/")
    assert not to_front_page("https://a.dev/x", "https://a.dev/y")


def test_link_key_drops_the_fragment_only() -> None:
    assert link_key("http://www.A.dev/x/#y") == link_key("https://a.dev/x")
    assert link_key("https://a.dev/x?q=1#y") == "https://a.dev/x?q=1"
    assert link_key("#anchor") is None and link_key("mailto:a@b.dev") is None


@pytest.mark.parametrize(
    ("html", "title"),
    [
        (b"<title>Plain</title>", "Plain"),
        (b"<TITLE lang='en'>\n  Multi\n  line  </TITLE>", "Multi line"),
        (b"<title>Caf&eacute; &amp; Bar</title>", "Café & Bar"),
        (b'<meta charset="euc-kr"><title>\xc7\xd1\xb1\xb9\xbe\xee</title>', "한국어"),
        (b"<title>Just a moment...</title>", None),
        (b"<title>404 Not Found</title>", None),
        (b"<title>Access denied</title>", None),
        (b"<title>   </title>", None),
        (b"<title>" + b"x" * 300 + b"</title>", None),
        (b"<html>no title</html>", None),
    ],
)
def test_titles(html: bytes, title: str | None) -> None:
    assert extract_title(html) == title


def test_title_charset_from_content_type() -> None:
    latin = "<title>Ünï</title>".encode("latin-1")
    assert extract_title(latin, "text/html; charset=latin-1") == "Ünï"
    assert clean_title("Home of the Brave Library Docs Here") is not None


def test_unsafe_rules_opt_in_one_rule() -> None:
    doc = parse("# T\n\n[a](http://x.dev) [b](http://y.dev)\n")

    def finding(rule: str, start: int) -> Finding:
        return Finding(
            "N002", rule, "m", start, start + 1, fix=Fix("t", (Edit(start, start + 1, "z"),), False)
        )

    moved, other = finding("redirected-link", 7), finding("duplicate-link", 25)
    assert choose([moved, other], unsafe=False) == []
    assert choose([moved, other], unsafe=False, unsafe_rules={"redirected-link"}) == [moved]
    assert choose([moved, other], unsafe=True) == [moved, other]
    assert doc.text


def test_a_pool_per_origin_and_idle_pools_are_closed() -> None:
    """Each origin gets its own pool (httpcore scans a pool's every connection per
    request); beyond the newest few, pools with nothing in flight are closed, so a list
    with many hosts does not keep a socket open per host."""
    from awesomelint.links.checker import LinkChecker
    from tests.links_server import Reply, servers

    with servers() as s:
        apps = [s.add(lambda req: Reply()) for _ in range(OriginPools._KEEP + 8)]
        urls = [a.url(f"/{i}") for a in apps for i in range(3)]
        last = s.add(lambda req: Reply())

        async def go() -> tuple[int, int, int]:
            options = LinkOptions(use_cache=False, timeout=5)
            async with make_client(options) as client:
                report = await LinkChecker(client, options).check(urls)
                pools = client._transport._pool  # type: ignore[attr-defined]
                during = len(pools.pools)
                # the next new origin finds every other pool idle: the surplus goes
                await LinkChecker(client, options).check([last.url("/")])
                return report.stats.ok, during, len(pools.pools)

        ok, during, after = asyncio.run(go())
    assert ok == len(urls)
    assert during <= len(apps)
    assert after <= OriginPools._KEEP


def test_importing_the_checker_leaves_the_import_system_alone() -> None:
    # the sniffio shortcut for httpcore is taken when a client is made, not at import
    code = (
        "import sys\nimport awesomelint.links.checker\n"
        "print(sys.modules.get('sniffio', 'absent') is None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
