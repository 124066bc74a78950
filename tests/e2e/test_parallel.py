"""Several files in worker processes give exactly the output of one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint import _parallel
from awesomelint.cli import main
from awesomelint.markdown import parse

LIST = """\
# Awesome {n}

## Tools

- [alpha{n}](https://github.com/a/alpha) - A thing.
- [alpha{n}](https://github.com/a/alpha) - The same thing again.
* [beta](https://example.org/beta) - Trailing space.{space}
   - [gamma](https://example.org/gamma) - Nested three spaces in.
"""


def write_lists(folder: Path, count: int = 4) -> list[str]:
    names = []
    for n in range(count):
        path = folder / f"list{n}.md"
        path.write_text(LIST.format(n=n, space=" "), encoding="utf-8")
        names.append(str(path))
    return names


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(_parallel, "cpus", lambda: 2)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_check_output_is_the_same(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    always_parallel: None,
    fmt: str,
) -> None:
    names = write_lists(tmp_path)
    assert _parallel.worker_count(names) == 2
    parallel = run(["check", "--format", fmt, *names], capsys)
    monkeypatch.setenv("AWESOMELINT_JOBS", "1")
    assert _parallel.worker_count(names) == 1
    sequential = run(["check", "--format", fmt, *names], capsys)
    assert parallel == sequential
    assert parallel[0] == 1 and "list3.md" in parallel[1]


def test_fix_writes_the_same(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    always_parallel: None,
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    parallel = run(["fix", *write_lists(one)], capsys)
    monkeypatch.setenv("AWESOMELINT_JOBS", "1")
    sequential = run(["fix", *write_lists(two)], capsys)
    assert parallel[0] == sequential[0] == 1  # duplicates remain (an unsafe fix)
    assert parallel[1].replace(str(one), "") == sequential[1].replace(str(two), "")
    assert "fixed" in parallel[1]
    for name in sorted(p.name for p in one.iterdir()):
        fixed = (one / name).read_text(encoding="utf-8")
        assert fixed == (two / name).read_text(encoding="utf-8")
        assert "Trailing space.\n" in fixed


def test_fix_diff_is_the_same(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    always_parallel: None,
) -> None:
    names = write_lists(tmp_path)
    parallel = run(["fix", "--diff", *names], capsys)
    monkeypatch.setenv("AWESOMELINT_JOBS", "1")
    assert run(["fix", "--diff", *names], capsys) == parallel
    assert parallel[0] == 1 and "+* [beta]" not in parallel[1]


def test_an_error_in_one_file_is_reported_in_order(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    always_parallel: None,
) -> None:
    names = write_lists(tmp_path)
    Path(names[1]).write_bytes(b"\xff\xfe not utf-8")
    code, out, err = run(["check", *names], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "list1.md: not UTF-8" in err
    # the other files are still checked, and their findings kept in order
    assert "list1.md" not in out
    assert out.index("list0.md:") < out.index("list2.md:") < out.index("list3.md:")
    monkeypatch.setenv("AWESOMELINT_JOBS", "1")
    assert run(["check", *names], capsys) == (code, out, err)
    code, out, err = run(["fix", "--diff", *names], capsys)
    assert code == 2 and "list1.md: not UTF-8" in err and f"+++ {names[3]}" in out


def test_no_workers_for_stdin_one_file_or_little_text(tmp_path: Path) -> None:
    names = write_lists(tmp_path)
    assert _parallel.worker_count(names) == 1  # a few hundred bytes in all
    assert _parallel.worker_count(names, min_bytes=0) >= 1
    assert _parallel.worker_count(names[:1], min_bytes=0) == 1
    assert _parallel.worker_count([*names, "-"], min_bytes=0) == 1
    assert _parallel.worker_count([*names, str(tmp_path / "missing.md")], min_bytes=0) == 1


def test_run_keeps_order_and_raises_in_order() -> None:
    assert list(_parallel.run(abs, [-3, 1, -2], workers=2)) == [3, 1, 2]
    results = _parallel.run(_fails_on_two, [1, 2, 3], workers=2)
    assert next(results) == 1
    with pytest.raises(ValueError, match="two"):
        next(results)


def _fails_on_two(n: int) -> int:
    if n == 2:
        raise ValueError("two")
    return n


@pytest.mark.parametrize(
    "text", ["", "a", "a\nb", "a\r\nb\r\n", "\ufeff# T\rx\n", LIST.format(n=1, space="")]
)
def test_placing_document_places_like_the_parsed_one(text: str) -> None:
    thin, full = _parallel.placing_document(text), parse(text)
    assert (thin.line_starts, thin.line_ends) == (full.line_starts, full.line_ends)
    for offset in range(len(text) + 1):
        assert thin.location(offset) == full.location(offset)
