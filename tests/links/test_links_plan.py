"""The offline plan of a link check: the host read without httpx equals httpx's, skip
reasons are the checker's, and a run the cache answers alone sends nothing, writes
nothing and imports no network stack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.links import plan
from awesomelint.links.cache import LinkCache
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus
from awesomelint.links.urls import link_key

SHAPES = [
    "http://127.0.0.1:8080/page/1",
    "https://Example.COM/a?b=c#d",
    "https://github.com/owner/repo",
    "HTTPS://WWW.GITHUB.COM/Owner/Repo.git",
    "http://a-b.c-d.io:0/",
    "http://a.b:99999/x",
    "https://host.example",
    "https://example",
    "https://sub.example.org/x",
    "http://999.1.1.1/",  # dotted numbers httpx refuses as IPv4
    "http://01.2.3.4/",  # leading zero: refused too
    "http://1-2-3-4/",  # matches httpx's IPv4 test ("." is any character)
    "http://1.2.3.4/",
    "http://255.255.255.255/",
    "http://256.1.1.1/",
    "http://xn--bcher-kva.example/",  # decoded to unicode by httpx
    "http://xn--invalid-.com/",
    "http://host./",
    "http://host:/",
    "http://user@host/",
    "http://[::1]:80/",
    "http://bücher.de/",
    "http://host/a b",
    "http://host/%zz{}|<>\"`^",
    "http://host?q",
    "http://host#f",
    "http://host/\x7f",
    "ftp://host/",
    "http:/host/",
    "https://" + "a" * 70 + ".com/",
    "http://h/" + "x" * 70000,
]


def _httpx_host(url: str) -> str | None:
    try:
        return (httpx.URL(url).host or "").lower()
    except (httpx.InvalidURL, ValueError):
        return None


@pytest.mark.parametrize("url", SHAPES)
def test_plain_host_is_httpx_host(url: str) -> None:
    fast = plan._plain_host(url)
    if fast is not None:
        assert fast == _httpx_host(url)
    assert plan.url_host(url) == _httpx_host(url)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["http://", "https://", "HTTP://", "http:"]),
    st.text(alphabet="aZ09-.:_@[]%x", max_size=20),
    st.text(alphabet="/?#aé %<>{}\x00", max_size=8),
)
def test_plain_host_agrees_with_httpx_on_generated_urls(scheme: str, host: str, rest: str) -> None:
    url = scheme + host + rest
    fast = plan._plain_host(url)
    if fast is not None:
        assert fast == _httpx_host(url)


def test_skip_reasons() -> None:
    import re

    exclude = [re.compile("skipme")]
    assert plan.skip_reason("https://a.test/skipme", exclude) == "excluded by 'skipme'"
    assert plan.skip_reason("https://docs.example.com/", []) == "example domain (RFC 2606)"
    assert plan.skip_reason("http://999.1.1.1/", []) == "invalid URL"
    assert plan.skip_reason("https://a.test/", []) is None


def _fill(path: Path, urls: list[str]) -> None:
    cache = LinkCache(path, 3600)
    for url in urls:
        key = link_key(url)
        assert key is not None
        cache.put(key, LinkStatus(url, "ok", "200 OK", 200))
    assert cache.save()


def test_a_run_the_cache_answers_needs_no_network(tmp_path: Path) -> None:
    urls = ["https://a.test/1", "https://b.test/2#frag", "https://example.org/x"]
    _fill(tmp_path / "links.json", urls[:2])
    planned, report = plan.answer(urls, LinkOptions(), LinkCache(tmp_path / "links.json", 3600))
    assert report is not None and not planned.todo
    assert [s.outcome for s in report.statuses.values()] == ["ok", "ok", "skipped"]
    assert report.stats.from_cache == 2 and report.stats.skipped == 1
    assert report.stats.requests == 0


def test_anything_to_fetch_or_vet_goes_to_the_checker(tmp_path: Path) -> None:
    _fill(tmp_path / "links.json", ["https://a.test/1"])
    cache = LinkCache(tmp_path / "links.json", 3600)
    planned, report = plan.answer(["https://a.test/1", "https://c.test/"], LinkOptions(), cache)
    assert report is None and planned.todo == [("https://c.test", "https://c.test/")]
    private = LinkOptions(exclude_private=True)  # cached answers are vetted first
    assert plan.answer(["https://a.test/1"], private, cache)[1] is None
    assert plan.answer(["https://a.test/1"], LinkOptions(use_cache=False), cache)[1] is None


def test_warm_check_imports_no_network_stack_and_leaves_the_cache_alone(
    tmp_path: Path,
) -> None:
    urls = [f"http://127.0.0.1:9/page/{i}" for i in range(3)]  # port 9: nothing listens
    doc = tmp_path / "README.md"
    doc.write_text("# T\n\n" + "".join(f"- [E{i}]({u}) - E.\n" for i, u in enumerate(urls)))
    cache = tmp_path / "cache" / "awesomelint" / "links.json"
    cache.parent.mkdir(parents=True)
    now = time.time()
    entries = {
        str(link_key(u)): {"t": now, "url": u, "code": 200, "detail": "200 OK"} for u in urls
    }
    cache.write_text(json.dumps({"version": 1, "entries": entries}))
    before = cache.stat().st_mtime_ns
    script = (
        "import sys\n"
        "from awesomelint.cli import main\n"
        f"code = main(['check', '--links', {str(doc)!r}])\n"
        "print(code, sorted(m for m in ('httpx', 'asyncio', 'ssl') if m in sys.modules))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert proc.stdout.splitlines()[-1] == "0 []"
    assert "3 from cache" in proc.stderr
    assert cache.stat().st_mtime_ns == before
