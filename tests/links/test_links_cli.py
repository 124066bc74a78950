"""`check --links` / `fix --links` / `fix --fetch-titles` as a user runs them, the [links]
config table, and what stays offline."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint import check
from awesomelint.cli import main
from awesomelint.config import parse_table
from awesomelint.errors import ConfigError
from awesomelint.links.options import LinkOptions, build, parse_accept, parse_duration
from tests.links_server import Reply, Request, Server, servers

FLAKY: dict[str, int] = {}


def handler(req: Request) -> Reply:
    if req.path.startswith("/flaky"):  # fails (503) twice (HEAD, then GET), then works
        FLAKY[req.path] = FLAKY.get(req.path, 0) + 1
        return Reply(503) if FLAKY[req.path] <= 2 else Reply()
    if req.path == "/ok":
        return Reply()
    if req.path == "/old":
        return Reply(301, (("Location", "/new"),))
    if req.path == "/new":
        return Reply()
    if req.path == "/forbidden":
        return Reply(403)
    if req.path == "/titled":
        return Reply(body=b"<html><head><title>The Real Name</title></head></html>")
    return Reply(404)


@pytest.fixture
def app() -> Iterator[Server]:
    with servers() as s:
        yield s.add(handler)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_check_links_reports_and_summarises(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(
        tmp_path / "README.md",
        f"# T\n\n- [A]({app.url('/ok')}) - A.\n- [B]({app.url('/gone')}) - B.\n"
        f"- [C]({app.url('/old')}) - C.\n- [D](#nowhere) - D.\n",
    )
    code = main(["check", "--links", "--timeout", "2", str(doc)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"N001 [dead-link] Dead link {app.url('/gone')}: 404 Not Found" in out
    assert f"N002 [redirected-link] Link {app.url('/old')} moved permanently to" in out
    assert "N006 [broken-anchor]" in out
    summary = [line for line in err.splitlines() if line.startswith("Links:")]
    assert len(summary) == 1
    assert "3 checked" in summary[0] and "1 dead" in summary[0] and "1 redirected" in summary[0]
    assert "\r" not in err  # stderr is not a terminal: no progress bar


def test_redirect_hint_names_the_command_that_fixes_it(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "README.md", f"# T\n\n- [C]({app.url('/old')}) - C.\n")
    assert main(["check", "--links", str(doc)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("[*links]")
    assert "[*links] 1 fixable with `awesomelint fix --links`." in out
    assert "--unsafe-fixes" not in out and "[*unsafe]" not in out
    # and that command does fix it
    assert main(["fix", "--links", str(doc)]) == 0
    assert app.url("/new") in doc.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_dead_network_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # .invalid names never resolve (RFC 6761: no query is sent): what a runner without
    # DNS sees for every host
    text = "".join(f"- [{h}](https://{h}.invalid/x) - {h}. \n" for h in ("a", "b", "c"))
    doc = write(tmp_path / "README.md", f"# T\n\n{text}")
    code = main([command, "--links", str(doc)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""  # no findings invented, not even the offline ones
    assert err.splitlines() == [
        "awesomelint: error: no host answered (3 hosts failed before any HTTP answer): is "
        "the network or DNS down? 3 links were not checked (if this machine reaches the "
        "web through a proxy, set https_proxy)"
    ]
    assert not (tmp_path / "cache" / "awesomelint" / "links.json").exists()  # nothing cached
    assert doc.read_text(encoding="utf-8") == f"# T\n\n{text}"  # nothing written


def test_one_warning_is_singular(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "README.md", f"# T\n\n- [A]({app.url('/forbidden')}) - A.\n")
    assert main(["check", "--links", str(doc)]) == 1
    (line,) = [x for x in capsys.readouterr().err.splitlines() if x.startswith("Links:")]
    assert "0 redirected, 1 warning, 0 from cache" in line


def test_quiet_prints_no_summary(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "README.md", f"# T\n\n- [A]({app.url('/ok')}) - A.\n")
    assert main(["check", "--links", "--quiet", str(doc)]) == 0
    assert capsys.readouterr().err == ""


def test_without_links_nothing_is_fetched(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "README.md", f"# T\n\n- [B]({app.url('/gone')}) - B.\n")
    assert main(["check", "--select", "dead-link", str(doc)]) == 0
    assert app.count() == 0
    assert "Links:" not in capsys.readouterr().err


def test_plain_check_does_not_import_httpx(tmp_path: Path) -> None:
    doc = write(tmp_path / "README.md", "# T\n\n- [A](https://a.dev/) - A.\n")
    code = (
        "import sys\nfrom awesomelint.cli import main\n"
        f"main(['check', {str(doc)!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('httpx', 'httpcore')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_fix_links_rewrites_moved_links(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(
        tmp_path / "README.md",
        f"# T\n\n- [C]({app.url('/old')}#part) - C.\n- [A]({app.url('/ok')}) - A.\n",
    )
    assert main(["fix", str(doc)]) == 0  # offline: nothing to do
    assert app.count() == 0
    code = main(["fix", "--links", str(doc)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "fixed 1 (redirected-link x1)" in out
    text = doc.read_text(encoding="utf-8")
    assert text == f"# T\n\n- [C]({app.url('/new')}#part) - C.\n- [A]({app.url('/ok')}) - A.\n"


def test_fix_fetch_titles_uses_the_page_title(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(
        tmp_path / "README.md",
        f"# T\n\n- {app.url('/titled')}\n- {app.url('/gone/some-page')}\n",
    )
    assert main(["fix", "--fetch-titles", str(doc)]) == 0
    assert doc.read_text(encoding="utf-8") == (
        f"# T\n\n- [The Real Name]({app.url('/titled')})\n"
        f"- [Some page]({app.url('/gone/some-page')})\n"
    )


def test_config_links_table(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / ".awesomelint.toml", '[links]\nexclude = ["/gone"]\ntimeout = 2\n')
    doc = write(tmp_path / "README.md", f"# T\n\n- [B]({app.url('/gone')}) - B.\n")
    assert main(["check", "--links", str(doc)]) == 0
    assert app.count() == 0
    assert "1 skipped" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"links": {"exclude": "x"}}, "links.exclude must be a list"),
        ({"links": {"exclude": ["("]}}, "invalid exclude pattern"),
        ({"links": {"timeout": 0}}, "links.timeout must be a positive number"),
        ({"links": {"timeout": True}}, "links.timeout must be a positive number"),
        ({"links": {"host-concurrency": 1.5}}, "must be a positive integer"),
        ({"links": {"cache-ttl": "soon"}}, "cache-ttl must be"),
        ({"links": {"speed": 1}}, "unknown key 'speed' in [links]"),
        ({"links": {"hosts": {"a.dev": {"cookies": {}}}}}, "unknown key 'cookies'"),
        ({"links": {"hosts": {"a.dev": {"headers": {"X": 1}}}}}, "must map names to strings"),
        ({"links": 3}, "[links] must be a table"),
    ],
)
def test_bad_links_config(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_table(table)


def test_links_config_and_flags_combine() -> None:
    config = parse_table(
        {
            "links": {
                "exclude": ["a"],
                "timeout": 3,
                "cache-ttl": "2h",
                "hosts": {"Example.COM": {"headers": {"X": "y"}, "concurrency": 2}},
            }
        }
    )
    options = build(config.links, exclude=("b",), timeout=5.0, no_cache=True)
    assert options.exclude == ("a", "b")
    assert options.timeout == 5.0 and options.cache_ttl == 7200 and not options.use_cache
    host = options.host("docs.example.com")
    assert host is not None and host.concurrency == 2 and dict(host.headers) == {"X": "y"}
    assert options.host("example.org") is None
    assert build({}) == LinkOptions()


def test_bad_flags_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "README.md", "# T\n")
    assert main(["check", "--links", "--timeout", "0", str(doc)]) == 2
    assert main(["check", "--links", "--exclude-link", "(", str(doc)]) == 2
    assert "invalid exclude pattern" in capsys.readouterr().err
    assert main(["check", "--links", "--cache-ttl", "forever", str(doc)]) == 2


def test_durations() -> None:
    assert parse_duration("1d") == 86400
    assert parse_duration("12h") == 43200
    assert parse_duration("90") == 90
    assert parse_duration(2.5) == 2.5
    with pytest.raises(ConfigError):
        parse_duration(-1)


def test_network_rules_are_off_by_default_and_anchor_rule_on() -> None:
    text = "# T\n\n- [A](#missing)\n"
    assert [f.rule for f in check(text)] == ["broken-anchor"]


def test_progress_bar_draws_and_clears(capsys: pytest.CaptureFixture[str]) -> None:
    from awesomelint.cli.linkpass import Progress

    bar = Progress()
    bar(0, 4)
    bar(1, 4)  # within 0.1 s of the last draw: skipped
    bar(4, 4)  # the end is always drawn
    bar.clear()
    err = capsys.readouterr().err
    assert err.count("\r[") == 2
    assert "4/4 links" in err and err.endswith(" " * len("[] 4/4 links") + " " * 30 + "\r")


def test_summary_file_has_the_link_health_table(app: Server, tmp_path: Path) -> None:
    doc = write(
        tmp_path / "README.md",
        f"# T\n\n- [A]({app.url('/ok')}) - A.\n- [B]({app.url('/gone')}) - B.\n"
        f"- [C]({app.url('/old')}) - C.\n- [A again]({app.url('/ok')}#x) - Same page.\n",
    )
    summary = tmp_path / "summary.md"
    code = main(["check", "--links", "--quiet", "--summary-file", str(summary), str(doc)])
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert "### Link health" in text
    row = re.search(
        r"^\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|", text, re.M
    )
    assert row is not None, text
    # checked, ok, dead, redirected, warnings, from cache, skipped
    assert row.groups() == ("3", "1", "1", "1", "0", "0", "0")
    assert "`N001` dead-link" in text

    # a second run: the good and the moved link come from the cache, the dead one is
    # asked again
    summary.unlink()
    main(["check", "--links", "--quiet", "--summary-file", str(summary), str(doc)])
    row = re.search(
        r"^\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|",
        summary.read_text(encoding="utf-8"),
        re.M,
    )
    assert row is not None and row.group(6) == "2"


def test_summary_file_without_links_has_no_link_table(tmp_path: Path) -> None:
    doc = write(tmp_path / "README.md", "# T\n\n- [A](https://a.example) - A.\n")
    summary = tmp_path / "summary.md"
    assert main(["check", "--summary-file", str(summary), str(doc)]) == 0
    text = summary.read_text(encoding="utf-8")
    assert "No problems found" in text and "Link health" not in text


def test_accept_counts_status_codes_as_alive(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "README.md", f"# T\n\n- [A]({app.url('/forbidden')}) - A.\n")
    assert main(["check", "--links", "--no-cache", str(doc)]) == 1  # blocked-link
    capsys.readouterr()
    assert main(["check", "--links", "--no-cache", "--accept", "200..299,403", str(doc)]) == 0
    assert "1 ok" in capsys.readouterr().err
    write(tmp_path / ".awesomelint.toml", '[links]\naccept = ["200..=299", 403]\n')
    assert main(["check", "--links", "--no-cache", str(doc)]) == 0
    doc = write(tmp_path / "README.md", f"# T\n\n- [B]({app.url('/gone')}) - B.\n")
    assert main(["check", "--links", "--no-cache", str(doc)]) == 1  # 404 is still dead
    capsys.readouterr()
    assert main(["check", "--links", "--accept", "2xx", str(doc)]) == 2
    assert "'2xx' is not a status code" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "inside", "outside"),
    [
        ("200..299,403,429", {200, 250, 299, 403, 429}, {300, 404}),
        ("200..=204", {200, 204}, {205}),
        ([403, "500..502"], {403, 500, 502}, {503}),
    ],
)
def test_parse_accept(value: object, inside: set[int], outside: set[int]) -> None:
    codes = parse_accept(value)
    assert inside <= codes and not outside & codes


@pytest.mark.parametrize("value", ["abc", "99", "600", "300..200", "", True, [1.5]])
def test_parse_accept_rejects(value: object) -> None:
    with pytest.raises(ConfigError):
        parse_accept(value)


def test_retries_flag(app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "README.md", f"# T\n\n- [A]({app.url('/flaky-a')}) - A.\n")
    # no retry: the one 503 decides (unreachable-link)
    assert main(["check", "--links", "--no-cache", "--retries", "0", str(doc)]) == 1
    assert "N003 [unreachable-link]" in capsys.readouterr().out
    doc = write(tmp_path / "README.md", f"# T\n\n- [A]({app.url('/flaky-b')}) - A.\n")
    assert main(["check", "--links", "--no-cache", "--retries", "1", str(doc)]) == 0
    assert app.count("/flaky-b") == 3


def test_github_token_flag_is_used_and_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    def fake_api(req: Request) -> Reply:
        if req.path != "/repos/someone/old" or req.headers.get("authorization") != (
            "Bearer s3cret-t0ken"
        ):
            return Reply(401, body=b'{"message": "Bad credentials"}')
        body = {"full_name": "someone/old", "archived": True,
                "html_url": "https://github.com/someone/old"}  # fmt: skip
        return Reply(headers=(("Content-Type", "application/json"),),
                     body=json.dumps(body).encode())  # fmt: skip

    with servers() as s:
        api = s.add(fake_api)
        monkeypatch.setenv("AWESOMELINT_GITHUB_API", api.url(""))
        doc = write(tmp_path / "README.md", "# T\n\n- [O](https://github.com/someone/old) - O.\n")
        argv = ["check", "--links", "--github-token", "s3cret-t0ken", str(doc)]
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert "N005 [archived-repo]" in out  # only the API (with the token) can tell
        assert api.count("/repos/someone/old") == 1
        assert "s3cret" not in out + err
    assert main(["check", "--help"]) == 0
    assert "$GITHUB_TOKEN" in capsys.readouterr().out


def _two_folders(tmp_path: Path, links_a: str, links_b: str, text: str) -> tuple[Path, Path]:
    """README.md in folders a/ and b/, each with its own .awesomelint.toml [links] table."""
    docs = []
    for name, table in (("a", links_a), ("b", links_b)):
        (tmp_path / name).mkdir()
        write(tmp_path / name / ".awesomelint.toml", f"[links]\n{table}\n")
        docs.append(write(tmp_path / name / "README.md", text))
    return docs[0], docs[1]


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_each_file_is_checked_with_its_own_links_table(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str
) -> None:
    a, b = _two_folders(
        tmp_path, "accept = [403]", "timeout = 5", f"# T\n\n- [A]({app.url('/forbidden')}) - A.\n"
    )
    paths = [str(a), str(b)] if order == "ab" else [str(b), str(a)]
    assert main(["check", "--links", "--output-format", "concise", *paths]) == 1
    out, err = capsys.readouterr()
    # a/ accepts 403, b/ does not: whichever file comes first
    assert [line.split(":")[0] for line in out.splitlines() if "blocked-link" in line] == [str(b)]
    (summary,) = [line for line in err.splitlines() if line.startswith("Links:")]
    assert "2 checked" in summary and "1 ok" in summary and "1 warning" in summary
    assert app.count("/forbidden", "HEAD") == 2  # one run per [links] table


def test_files_whose_links_tables_agree_share_one_run(
    app: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _two_folders(
        tmp_path, "timeout = 5", "timeout = 5.0", f"# T\n\n- [A]({app.url('/ok')}) - A.\n"
    )
    assert main(["check", "--links", "--no-cache", str(a), str(b)]) == 0
    assert app.count("/ok") == 1
    assert "Links: 1 checked" in capsys.readouterr().err


def test_fix_takes_each_files_links_table(app: Server, tmp_path: Path) -> None:
    text = f"# T\n\n- [C]({app.url('/old')}) - C.\n- {app.url('/titled')}\n"
    a, b = _two_folders(tmp_path, 'exclude = ["/old", "/titled"]', "retries = 1", text)
    assert main(["fix", "--links", "--fetch-titles", "--no-cache", str(a), str(b)]) == 0
    # a/ excludes both links: no move, and the title comes from the URL, not the page
    assert a.read_text(encoding="utf-8") == (
        f"# T\n\n- [C]({app.url('/old')}) - C.\n- [Titled]({app.url('/titled')})\n"
    )
    assert b.read_text(encoding="utf-8") == (
        f"# T\n\n- [C]({app.url('/new')}) - C.\n- [The Real Name]({app.url('/titled')})\n"
    )
