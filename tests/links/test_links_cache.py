"""The link cache: hits, expiry, --no-cache, failures never cached, a broken cache file,
answers alive only by `accept`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.links import cache as link_cache
from awesomelint.links.cache import LinkCache
from awesomelint.links.checker import LinkReport, check_links
from awesomelint.links.net import DNSError
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key
from tests.links_server import Reply, Server, servers

FAST = LinkOptions(timeout=1.0, backoff=0.01, max_backoff=0.05, retries=1)


async def local(host: str, port: int) -> Sequence[str]:
    if host == "127.0.0.1":
        return ["127.0.0.1"]
    raise DNSError(host)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def app() -> Iterator[Server]:
    with servers() as s:
        yield s.add(lambda r: Reply(404) if r.path.startswith("/gone") else Reply())


def run(urls: list[str], cache: LinkCache, options: LinkOptions = FAST) -> LinkReport:
    return check_links(urls, options, resolver=local, cache=cache)


def test_second_run_within_ttl_sends_no_request(app: Server, tmp_path: Path) -> None:
    urls = [app.url("/a"), app.url("/b")]
    first = run(urls, LinkCache(tmp_path / "links.json", 3600))
    assert first.stats.from_cache == 0 and app.count() == 2
    second = run(urls, LinkCache(tmp_path / "links.json", 3600))
    assert app.count() == 2  # nothing new
    assert second.stats.from_cache == 2 and second.stats.requests == 0
    assert all(s.from_cache and s.outcome == "ok" for s in second.statuses.values())


def test_entries_expire(app: Server, tmp_path: Path) -> None:
    clock = Clock()
    run([app.url("/a")], LinkCache(tmp_path / "links.json", 60, clock))
    clock.now += 59
    run([app.url("/a")], LinkCache(tmp_path / "links.json", 60, clock))
    assert app.count() == 1
    clock.now += 2
    report = run([app.url("/a")], LinkCache(tmp_path / "links.json", 60, clock))
    assert app.count() == 2 and report.stats.from_cache == 0


def test_no_cache_bypasses_it(app: Server, tmp_path: Path) -> None:
    run([app.url("/a")], LinkCache(tmp_path / "links.json", 3600))
    run([app.url("/a")], LinkCache(tmp_path / "links.json", 3600), FAST.updated(use_cache=False))
    assert app.count() == 2


def test_failures_are_never_cached(app: Server, tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    run([app.url("/gone"), app.url("/ok")], LinkCache(path, 3600))
    run([app.url("/gone"), app.url("/ok")], LinkCache(path, 3600))
    assert app.count("/gone") == 4  # HEAD 404 then GET 404, twice
    assert app.count("/ok") == 1
    entries = json.loads(path.read_text())["entries"]
    assert list(entries) == [link_key(app.url("/ok"))]


def test_moved_links_are_cached_with_their_target(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path / "links.json", 3600)
    moved = LinkStatus("http://a.dev/x", "ok", "200 OK", 200, redirect="https://a.dev/y")
    cache.put("k", moved)
    assert cache.save()
    again = LinkCache(tmp_path / "links.json", 3600).get("k")
    assert again is not None and again.redirect == "https://a.dev/y" and again.from_cache


@pytest.mark.parametrize("content", ["", "{not json", "[]", '{"version": 99, "entries": {}}'])
def test_a_broken_cache_file_is_an_empty_cache(tmp_path: Path, content: str) -> None:
    path = tmp_path / "links.json"
    path.write_text(content)
    cache = LinkCache(path, 3600)
    assert cache.get("https://a.dev") is None
    cache.put("https://a.dev", LinkStatus("https://a.dev", "ok"))
    assert cache.save()
    assert LinkCache(path, 3600).get("https://a.dev") is not None


def test_an_unwritable_cache_does_not_fail(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = LinkCache(blocker / "sub" / "links.json", 3600)
    cache.put("k", LinkStatus("https://a.dev", "ok"))
    assert cache.save() is False


def test_saves_merge_with_other_runs(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    one, two = LinkCache(path, 3600), LinkCache(path, 3600)
    one.put("a", LinkStatus("https://a.dev", "ok"))
    two.put("b", LinkStatus("https://b.dev", "ok"))
    assert one.save() and two.save()
    assert set(json.loads(path.read_text())["entries"]) == {"a", "b"}
    assert not [p for p in tmp_path.iterdir() if p.name != "links.json"]  # no temp files


def test_default_path_honours_xdg_cache_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert link_cache.default_path() == tmp_path / "awesomelint" / "links.json"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # ignored, as the spec says
    assert link_cache.default_path() == Path.home() / ".cache" / "awesomelint" / "links.json"


def test_cli_cache_hit_and_no_cache(
    app: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    doc = tmp_path / "README.md"
    doc.write_text(f"# T\n\n- [A]({app.url('/a')}) - A.\n", encoding="utf-8")
    assert main(["check", "--links", str(doc)]) == 0
    assert "1 checked" in capsys.readouterr().err
    assert main(["check", "--links", str(doc)]) == 0
    assert "1 from cache" in capsys.readouterr().err
    assert app.count() == 1
    assert (tmp_path / "cache" / "awesomelint" / "links.json").is_file()
    assert main(["check", "--links", "--no-cache", str(doc)]) == 0
    assert main(["check", "--links", "--cache-ttl", "0", str(doc)]) == 0
    assert app.count() == 3
    assert os.listdir(tmp_path / "cache" / "awesomelint") == ["links.json"]


def test_exclude_private_skips_cached_private_links_too(
    app: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    doc = tmp_path / "README.md"
    doc.write_text(f"# T\n\n- [A]({app.url('/a')}) - A.\n", encoding="utf-8")
    assert main(["check", "--links", str(doc)]) == 0  # checked, and cached as good
    capsys.readouterr()
    assert main(["check", "--links", "--exclude-private", str(doc)]) == 0
    err = capsys.readouterr().err
    assert "0 checked" in err and "1 skipped" in err and "from cache" in err
    assert "0 from cache" in err
    assert app.count() == 1


def test_exclude_private_resolves_cached_names_before_serving_them(
    app: Server, tmp_path: Path
) -> None:
    path = tmp_path / "links.json"
    named = app.url("/a", "intranet.test")
    public = "https://public.test/"
    cache = LinkCache(path, 3600)
    for url in (named, public):
        key = link_key(url)
        assert key is not None
        cache.put(key, LinkStatus(url, "ok", "200 OK", 200))
    assert cache.save()

    async def resolver(host: str, port: int) -> Sequence[str]:
        return {"intranet.test": ["10.1.2.3"], "public.test": ["93.184.215.14"]}[host]

    options = FAST.updated(exclude_private=True)
    report = check_links([named, public], options, resolver=resolver, cache=LinkCache(path, 3600))
    assert report.statuses[str(link_key(named))].outcome == "skipped"
    assert "10.1.2.3" in report.statuses[str(link_key(named))].detail
    assert report.statuses[str(link_key(public))].from_cache  # a public host: served
    assert app.count() == 0


def test_a_status_alive_only_by_accept_is_served_where_accepted(tmp_path: Path) -> None:
    with servers() as s:
        app = s.add(lambda r: Reply(403))
        url = [app.url("/wall")]
        accepting = FAST.updated(accept=frozenset({403}))
        assert run(url, LinkCache(tmp_path / "links.json", 3600), accepting).stats.ok == 1
        # another run (another file's [links] table) without accept=[403]: asked again
        report = run(url, LinkCache(tmp_path / "links.json", 3600))
        (status,) = report.statuses.values()
        assert status.outcome == "blocked" and not status.from_cache
        again = run(url, LinkCache(tmp_path / "links.json", 3600), accepting)
        assert again.stats.from_cache == 1 and again.stats.ok == 1
