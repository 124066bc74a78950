"""GitHub repository links through a local fake of the REST API."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

import pytest

from awesomelint.engine import lint
from awesomelint.links import github
from awesomelint.links.checker import LinkReport, check_links
from awesomelint.links.net import DNSError
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from awesomelint.markdown import parse
from awesomelint.registry import Settings, load_all
from tests.links_server import Reply, Request, Server, Servers, servers

REPOS = {
    "/repos/someone/live": {"full_name": "someone/live", "archived": False},
    "/repos/someone/old": {"full_name": "someone/old", "archived": True},
    "/repos/old-owner/renamed": {"full_name": "new-owner/renamed-too", "archived": False},
    "/repos/Someone/Live-Case": {"full_name": "someone/live-case", "archived": False},
}


def fake_api(req: Request) -> Reply:
    data = REPOS.get(req.path)
    if data is None:
        return Reply(404, body=b'{"message": "Not Found"}')
    body = dict(data, html_url=f"https://github.com/{data['full_name']}")
    return Reply(headers=(("Content-Type", "application/json"),), body=json.dumps(body).encode())


async def local(host: str, port: int) -> Sequence[str]:
    if host == "127.0.0.1":
        return ["127.0.0.1"]
    raise DNSError(host)  # github.com included: no test reaches the real one


@pytest.fixture
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


@pytest.fixture
def api(srv: Servers) -> Server:
    return srv.add(fake_api)


def options(api: Server, token: str | None = "t0ken") -> LinkOptions:
    return LinkOptions(
        timeout=1.0, backoff=0.01, retries=0, use_cache=False,
        github_token=token, github_api=api.url(""),
    )  # fmt: skip


def run(urls: list[str], opts: LinkOptions) -> LinkReport:
    return check_links(urls, opts, resolver=local)


def status(report: LinkReport, url: str) -> LinkStatus:
    key = link_key(url)
    assert key is not None
    return report.statuses[key]


def findings(report: LinkReport, text: str) -> list[str]:
    rules = tuple(r for r in load_all() if "links" in r.groups)
    return [
        f"{f.rule}: {f.message}"
        for f in lint(parse(text), Settings(rules), link_status=report.statuses)
    ]


def test_repo_links_go_through_the_api(api: Server) -> None:
    text = (
        "# T\n\n"
        "- [live](https://github.com/someone/live) - Fine.\n"
        "- [old](https://github.com/someone/old/) - Archived.\n"
        "- [renamed](https://github.com/old-owner/renamed#usage) - Renamed.\n"
        "- [missing](https://github.com/someone/missing.git) - Gone.\n"
        "- [case](https://github.com/Someone/Live-Case) - Same repository, other case.\n"
    )
    urls = [lk.url for lk in parse(text).links]
    report = run(urls, options(api))
    assert all(s.via == "github" for s in report.statuses.values())
    assert findings(report, text) == [
        "archived-repo: Repository someone/old is archived (read-only, no longer maintained)",
        "redirected-link: Link https://github.com/old-owner/renamed#usage moved permanently "
        "to https://github.com/new-owner/renamed-too#usage",
        "dead-link: Dead link https://github.com/someone/missing.git: "
        "GitHub repository someone/missing not found",
    ]
    assert {r.headers.get("authorization") for r in api.requests} == {"Bearer t0ken"}
    assert not report.notices


def test_the_token_goes_to_the_api_host_only(srv: Servers, api: Server) -> None:
    other = srv.add(lambda r: Reply(301, (("Location", api.url("/repos/someone/live")),)))
    report = run(
        ["https://github.com/someone/live", other.url("/page"), other.url("/someone/live")],
        options(api),
    )
    assert status(report, other.url("/page")).outcome == "ok"
    assert all("authorization" not in r.headers for r in other.requests)
    # the redirect led to the API host, as a plain link: still no token
    plain = [r for r in api.requests if r.path == "/repos/someone/live"]
    assert sum("authorization" in r.headers for r in plain) == 1


def test_an_api_redirect_to_another_host_is_not_followed_with_the_token(srv: Servers) -> None:
    elsewhere = srv.add(lambda r: Reply(body=b"{}"))
    api = srv.add(lambda r: Reply(301, (("Location", elsewhere.url(r.path)),)))
    report = run(["https://github.com/someone/live"], options(api))
    assert elsewhere.count() == 0
    # fell back to plain HTTP (github.com does not resolve in tests)
    assert status(report, "https://github.com/someone/live").via == "http"


def test_no_token_says_so_once_and_checks_over_http(api: Server) -> None:
    urls = ["https://github.com/someone/live", "https://github.com/someone/old"]
    report = run(urls, options(api, token=None))
    assert report.notices == (github.NO_TOKEN_NOTICE,)
    assert api.count() == 0
    assert {s.via for s in report.statuses.values()} == {"http"}


def test_rate_limit_says_so_once_and_falls_back(srv: Servers) -> None:
    limited = srv.add(
        lambda r: Reply(403, (("x-ratelimit-remaining", "0"),), body=b'{"message": "rate"}')
    )
    urls = [f"https://github.com/someone/repo{i}" for i in range(5)]
    report = run(urls, options(limited).updated(host_concurrency=1))
    assert len(report.notices) == 1 and "rate limit" in report.notices[0]
    assert limited.count() == 1  # asked once, then the API was left alone
    assert {s.via for s in report.statuses.values()} == {"http"}


def test_a_rejected_token_says_so(srv: Servers) -> None:
    rejected = srv.add(lambda r: Reply(401, body=b'{"message": "Bad credentials"}'))
    report = run(["https://github.com/someone/live"], options(rejected))
    assert len(report.notices) == 1 and "401" in report.notices[0]


def test_api_base_from_the_environment(api: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWESOMELINT_GITHUB_API", api.url(""))
    assert github.api_base() == api.url("").rstrip("/")
    opts = LinkOptions(timeout=1.0, retries=0, use_cache=False, github_token="t0ken")
    report = run(["https://github.com/someone/old"], opts)
    assert status(report, "https://github.com/someone/old").archived


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("https://github.com/owner/repo", ("owner", "repo")),
        ("http://www.github.com/owner/repo.git/", ("owner", "repo")),
        ("https://github.com/owner/repo#readme", ("owner", "repo")),
        ("https://github.com/owner/repo/tree/main/docs", None),
        ("https://github.com/owner", None),
        ("https://github.com/topics/python", None),
        ("https://github.com/orgs/team", None),
        ("https://gist.github.com/owner/abc", None),
        ("https://gitlab.com/owner/repo", None),
    ],
)
def test_repo_of(url: str, repo: tuple[str, str] | None) -> None:
    assert github.repo_of(url) == repo
