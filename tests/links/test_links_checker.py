"""The link checker against local servers on 127.0.0.1 (no internet, no real DNS)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator, Sequence

import pytest

from awesomelint.engine import lint
from awesomelint.fixer import fix_document
from awesomelint.links.checker import LinkChecker, LinkReport, check_links
from awesomelint.links.fetch import make_client
from awesomelint.links.net import DNSError
from awesomelint.links.options import HostOptions, LinkOptions
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from awesomelint.links.verdict import parse_retry_after
from awesomelint.markdown import parse
from awesomelint.registry import Settings, load_all
from tests.links_server import Reply, Request, Server, Servers, closed_port, servers

FAST = LinkOptions(
    timeout=1.0, backoff=0.01, max_backoff=0.05, retry_after_cap=3.0, use_cache=False
)


async def local(host: str, port: int) -> Sequence[str]:
    """Resolver: *.test and 127.0.0.1 are this machine, every other name does not exist
    (so no test can ever reach the internet)."""
    if host == "127.0.0.1" or host.endswith(".test") or host == "localhost":
        return ["127.0.0.1"]
    raise DNSError(host)


def run(urls: Sequence[str], options: LinkOptions = FAST) -> LinkReport:
    return check_links(urls, options, resolver=local)


def status(report: LinkReport, url: str) -> LinkStatus:
    key = link_key(url)
    assert key is not None
    return report.statuses[key]


class App:
    """Routes for one server; per-path counters for "fails once" answers."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, req: Request) -> Reply:
        p = req.path
        n = self.seen[p] = self.seen.get(p, 0) + 1
        if p == "/ok":
            return Reply()
        if p == "/404":
            return Reply(404)
        if p == "/410":
            return Reply(410)
        if p.startswith("/chain/"):
            k = int(p.rsplit("/", 1)[1])
            return Reply(301, (("Location", f"/chain/{k - 1}" if k > 1 else "/ok"),))
        if p == "/308":
            return Reply(308, (("Location", "/ok"),))
        if p == "/302":
            return Reply(302, (("Location", "/ok"),))
        if p == "/301-then-302":
            return Reply(301, (("Location", "/302"),))
        if p == "/loop-a":
            return Reply(301, (("Location", "/loop-b"),))
        if p == "/loop-b":
            return Reply(301, (("Location", "/loop-a"),))
        if p == "/head405":
            return Reply(405) if req.method == "HEAD" else Reply()
        if p == "/head404":
            return Reply(404) if req.method == "HEAD" else Reply()
        if p == "/429-once":
            return Reply(429, (("Retry-After", "1"),)) if n == 1 else Reply()
        if p == "/429":
            return Reply(429, (("Retry-After", "0"),))
        if p == "/429-hour":
            return Reply(429, (("Retry-After", "3600"),))
        if p == "/browsers-only":
            ua = req.headers.get("user-agent", "")
            return Reply() if ua.startswith("Mozilla/") else Reply(403)
        if p == "/503-once":
            return Reply(503) if n == 1 else Reply()
        if p == "/503":
            return Reply(503)
        if p == "/endless":
            return Reply(405) if req.method == "HEAD" else Reply(endless=True)
        if p == "/slow":
            return Reply(delay=3.0)
        if p == "/challenge":
            return Reply(403, (("cf-mitigated", "challenge"),))
        if p == "/to-ftp":
            return Reply(301, (("Location", "ftp://files.test/pub"),))
        if p == "/drop":
            return Reply(drop=True)
        return Reply(404)


@pytest.fixture
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


@pytest.fixture
def app(srv: Servers) -> Server:
    return srv.add(App())


def test_ok_404_410(app: Server) -> None:
    report = run([app.url("/ok"), app.url("/404"), app.url("/410")])
    assert status(report, app.url("/ok")).outcome == "ok"
    assert (status(report, app.url("/404")).outcome, status(report, app.url("/404")).detail) == (
        "dead",
        "404 Not Found",
    )
    assert status(report, app.url("/410")).detail == "410 Gone"
    assert report.stats.checked == 3 and report.stats.dead == 2 and report.stats.ok == 1


def test_301_chain_is_reported_and_fixed(app: Server) -> None:
    url = app.url("/chain/3")
    report = run([url, app.url("/308")])
    st = status(report, url)
    assert (st.outcome, st.redirect) == ("ok", app.url("/ok"))
    assert status(report, app.url("/308")).redirect == app.url("/ok")
    text = f"# T\n\n- [Moved]({url}#usage) - Moved three times.\n"
    settings = Settings(tuple(r for r in load_all() if r.name == "redirected-link"))
    findings = lint(parse(text), settings, link_status=report.statuses)
    assert [f.message for f in findings] == [
        f"Link {url}#usage moved permanently to {app.url('/ok')}#usage"
    ]
    result = fix_document(
        parse(text),
        lambda d: lint(d, settings, link_status=report.statuses),
        unsafe_rules=("redirected-link",),
    )
    assert result.text == f"# T\n\n- [Moved]({app.url('/ok')}#usage) - Moved three times.\n"
    # without being asked for, the unsafe fix is not applied
    plain = fix_document(parse(text), lambda d: lint(d, settings, link_status=report.statuses))
    assert plain.text == text


def test_302_is_not_a_redirect_finding(app: Server) -> None:
    report = run([app.url("/302"), app.url("/301-then-302")])
    assert status(report, app.url("/302")).outcome == "ok"
    assert status(report, app.url("/302")).redirect is None
    # only the leading run of permanent hops counts: the page moved to /302, which
    # temporarily serves /ok
    assert status(report, app.url("/301-then-302")).redirect == app.url("/302")


def test_cookie_redirect_to_itself_is_no_loop(srv: Servers) -> None:
    def handler(req: Request) -> Reply:
        if req.headers.get("cookie") == "seen=1":
            return Reply()
        return Reply(302, (("Location", req.path), ("Set-Cookie", "seen=1")))

    a = srv.add(handler)
    assert status(run([a.url("/gate")]), a.url("/gate")).outcome == "ok"


def test_redirect_loop(app: Server) -> None:
    st = status(run([app.url("/loop-a")]), app.url("/loop-a"))
    assert st.outcome == "unreachable"
    assert st.detail.startswith("redirect loop at ")


def test_head_refused_then_get(app: Server) -> None:
    report = run([app.url("/head405"), app.url("/head404")])
    assert status(report, app.url("/head405")).outcome == "ok"
    assert status(report, app.url("/head404")).outcome == "ok"
    assert app.count("/head404", "HEAD") == 1 and app.count("/head404", "GET") == 1


def test_429_with_retry_after_then_ok(app: Server) -> None:
    t0 = time.monotonic()
    st = status(run([app.url("/429-once")]), app.url("/429-once"))
    assert st.outcome == "ok"
    assert time.monotonic() - t0 >= 0.9  # Retry-After: 1 was honoured
    assert app.count("/429-once") == 2


def test_persistent_429_is_blocked(app: Server) -> None:
    st = status(run([app.url("/429")]), app.url("/429"))
    assert st.outcome == "blocked"
    assert st.detail == "429 Too Many Requests (after 3 attempts)"
    assert app.count("/429") == 3


def test_retry_after_beyond_the_cap_gives_up_at_once(app: Server) -> None:
    st = status(run([app.url("/429-hour")]), app.url("/429-hour"))
    assert st.outcome == "blocked"
    assert "asks to retry after 3600 s" in st.detail
    assert app.count("/429-hour") == 1


def test_retry_after_forms() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412450.0) == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412500.0) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_403_to_non_browser_agents(app: Server) -> None:
    url = app.url("/browsers-only")
    assert status(run([url]), url).outcome == "ok"  # the default agent is a browser's
    curl = FAST.updated(user_agent="curl/8.5.0")
    st = status(run([url], curl), url)
    assert (st.outcome, st.detail) == ("blocked", "403 Forbidden")


def test_bot_challenge_is_blocked(app: Server) -> None:
    st = status(run([app.url("/challenge")]), app.url("/challenge"))
    assert st.outcome == "blocked" and "cf-mitigated: challenge" in st.detail


def test_503_once_then_ok(app: Server) -> None:
    assert status(run([app.url("/503-once")]), app.url("/503-once")).outcome == "ok"
    st = status(run([app.url("/503")]), app.url("/503"))
    assert st.outcome == "unreachable" and st.detail.startswith("503 Service Unavailable")


def test_endless_body_does_not_hang(app: Server) -> None:
    t0 = time.monotonic()
    st = status(run([app.url("/endless")]), app.url("/endless"))
    assert st.outcome == "ok"
    assert time.monotonic() - t0 < 2.0


def test_slow_server_times_out(app: Server) -> None:
    t0 = time.monotonic()
    st = status(run([app.url("/slow")], FAST.updated(timeout=0.3)), app.url("/slow"))
    assert st.outcome == "unreachable"
    assert st.detail.startswith("timed out after 0.3 s")
    assert time.monotonic() - t0 < 2.0  # one retry only for timeouts


def test_connection_dropped_without_answer(app: Server) -> None:
    st = status(run([app.url("/drop")]), app.url("/drop"))
    assert st.outcome == "unreachable"
    assert "closed the connection" in st.detail


def test_closed_port_is_dead() -> None:
    url = f"http://127.0.0.1:{closed_port()}/x"
    st = status(run([url]), url)
    assert st.outcome == "dead" and st.detail.startswith("connection refused")


def test_invalid_host_is_dead_without_a_dns_query(monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_dns(*args: object, **kwargs: object) -> None:
        raise AssertionError("a DNS query was sent")

    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", no_dns)
    t0 = time.monotonic()
    report = check_links(["https://no-such-host.invalid/page"], FAST)  # the real resolver
    st = status(report, "https://no-such-host.invalid/page")
    assert (st.outcome, st.detail) == ("dead", "DNS lookup failed (no such host)")
    assert time.monotonic() - t0 < 1.0


def test_non_http_redirect_is_not_followed(app: Server) -> None:
    st = status(run([app.url("/to-ftp")]), app.url("/to-ftp"))
    assert st.outcome == "ok" and st.detail == "redirects to ftp://files.test/pub (not followed)"


def test_host_cap_is_never_exceeded(srv: Servers) -> None:
    a = srv.add(lambda r: Reply(delay=0.05))
    b = srv.add(lambda r: Reply(delay=0.05))
    urls = [a.url(f"/{i}") for i in range(24)] + [b.url(f"/{i}") for i in range(24)]
    report = run(urls, FAST.updated(host_concurrency=3, max_concurrency=5))
    assert report.stats.ok == 48
    assert a.max_active <= 3 and b.max_active <= 3
    assert a.max_active == 3  # and the cap is used
    assert a.max_active + b.max_active <= 6


def test_global_cap_is_never_exceeded(srv: Servers) -> None:
    hosts = [srv.add(lambda r: Reply(delay=0.05)) for _ in range(4)]
    urls = [h.url(f"/{i}") for h in hosts for i in range(6)]
    active: list[int] = []

    async def go() -> None:
        async with make_client(FAST, local) as client:
            checker = LinkChecker(client, FAST.updated(max_concurrency=5, host_concurrency=4))

            async def watch() -> None:
                while True:
                    active.append(sum(checker.active.values()))
                    await asyncio.sleep(0.005)

            watcher = asyncio.ensure_future(watch())
            await checker.check(urls)
            watcher.cancel()

    asyncio.run(go())
    assert max(active) == 5


def test_per_host_concurrency_from_config(srv: Servers) -> None:
    a = srv.add(lambda r: Reply(delay=0.05))
    options = FAST.updated(hosts={"slow.test": HostOptions(concurrency=1)})
    urls = [a.url(f"/{i}", host="slow.test") for i in range(6)]
    assert run(urls, options).stats.ok == 6
    assert a.max_active == 1


def test_host_headers_go_to_that_host_only(srv: Servers) -> None:
    a = srv.add(lambda r: Reply())
    b = srv.add(lambda r: Reply())
    options = FAST.updated(hosts={"a.test": HostOptions({"X-Token": "secret"})})
    run([a.url("/", host="a.test"), b.url("/", host="b.test")], options)
    assert a.requests[0].headers.get("x-token") == "secret"
    assert "x-token" not in b.requests[0].headers


def test_same_url_is_fetched_once(srv: Servers) -> None:
    a = srv.add(lambda r: Reply())
    url = a.url("/page")
    report = run([url, url + "#install", url + "#usage", url])
    assert len(report.statuses) == 1
    assert a.count() == 1


def test_cookies_stay_within_one_chain_and_host(srv: Servers) -> None:
    def handler(req: Request) -> Reply:
        if req.path == "/set":
            return Reply(302, (("Location", "/check"), ("Set-Cookie", "s=1; Path=/")))
        return Reply() if req.headers.get("cookie") == "s=1" else Reply(403)

    a = srv.add(handler)
    b = srv.add(lambda r: Reply())
    report = run([a.url("/set"), b.url("/other")])
    assert status(report, a.url("/set")).outcome == "ok"
    assert a.count("/check") == 1  # the cookie set by /set was sent to /check
    assert all("cookie" not in r.headers for r in b.requests)


def test_excluded_and_example_links_are_skipped(app: Server) -> None:
    options = FAST.updated(exclude=(r"/404$",))
    report = run([app.url("/404"), "https://example.com/x", "https://docs.example/y"], options)
    assert {s.outcome for s in report.statuses.values()} == {"skipped"}
    assert report.stats.skipped == 3 and report.stats.checked == 0
    assert app.count() == 0


def test_deadline_skips_what_is_left(srv: Servers) -> None:
    a = srv.add(lambda r: Reply(delay=2.0))
    t0 = time.monotonic()
    report = run([a.url("/1"), a.url("/2")], FAST.updated(deadline=0.3, timeout=5.0))
    assert time.monotonic() - t0 < 1.5
    assert {s.outcome for s in report.statuses.values()} == {"skipped"}
    assert all("deadline" in s.detail for s in report.statuses.values())


def test_network_down_is_not_reported_as_dead() -> None:
    urls = ["https://one.dev/", "https://two.dev/", "https://three.dev/"]
    report = run(urls)  # the resolver knows none of them
    assert {s.outcome for s in report.statuses.values()} == {"skipped"}
    assert report.stats.skipped == 3
    assert report.network_down is not None and "network or DNS down" in report.network_down


def test_no_connection_anywhere_is_a_network_down() -> None:
    import httpx

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 101] Network is unreachable", request=request)

    async def go() -> LinkReport:
        async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
            urls = ["https://one.dev/", "https://two.dev/", "https://three.dev/"]
            return await LinkChecker(client, FAST).check(urls)

    report = asyncio.run(go())
    assert report.network_down is not None and "3 links were not checked" in report.network_down
    assert {s.outcome for s in report.statuses.values()} == {"skipped"}


def test_one_unknown_host_among_working_ones_is_dead(app: Server) -> None:
    urls = [app.url("/ok"), "https://one.dev/", "https://two.dev/", "https://three.dev/"]
    report = run(urls)
    assert status(report, "https://one.dev/").outcome == "dead"
    assert not report.notices and report.network_down is None


def test_exclude_private_skips_loopback(app: Server) -> None:
    report = run([app.url("/ok")], FAST.updated(exclude_private=True))
    st = status(report, app.url("/ok"))
    assert st.outcome == "skipped" and "127.0.0.1" in st.detail
    assert app.count() == 0


def test_exclude_private_is_checked_on_every_redirect_hop(srv: Servers) -> None:
    inner = srv.add(lambda r: Reply(), host="127.0.0.2")
    outer = srv.add(lambda r: Reply(301, (("Location", inner.url("/secret", "inner.test")),)))

    async def resolver(host: str, port: int) -> Sequence[str]:
        return ["127.0.0.2"] if host == "inner.test" else ["127.0.0.1"]

    async def go() -> LinkReport:
        async with make_client(FAST, resolver, address_filter=lambda a: a == "127.0.0.2") as c:
            return await LinkChecker(c, FAST).check([outer.url("/start", "outer.test")])

    report = asyncio.run(go())
    st = next(iter(report.statuses.values()))
    assert st.outcome == "skipped" and "127.0.0.2" in st.detail
    assert outer.count() >= 1 and inner.count() == 0


def test_titles_are_read_from_the_head_of_the_page(srv: Servers) -> None:
    pages = {
        "/t": Reply(body=b"<html><head><title> Deep  Learning &amp; You </title>"),
        "/junk": Reply(body=b"<title>Just a moment...</title>"),
        "/endless": Reply(endless=True),
        "/json": Reply(headers=(("Content-Type", "application/json"),), body=b"{}"),
    }
    a = srv.add(lambda r: pages.get(r.path, Reply(404)))

    async def go() -> dict[str, str]:
        async with make_client(FAST, local) as client:
            return await LinkChecker(client, FAST.updated(title_bytes=20_000)).titles(
                [a.url(p) for p in pages]
            )

    t0 = time.monotonic()
    titles = asyncio.run(go())
    assert titles == {link_key(a.url("/t")): "Deep Learning & You"}
    assert time.monotonic() - t0 < 2.0


def test_summary_counts(app: Server) -> None:
    report = run([app.url("/ok"), app.url("/chain/2"), app.url("/404"), app.url("/503")])
    st = report.stats
    # the four kinds split the checked links (a moved link is not also counted ok)
    assert (st.checked, st.ok, st.dead, st.redirected, st.warnings) == (4, 1, 1, 1, 1)
    assert st.requests >= 4 and st.elapsed > 0
