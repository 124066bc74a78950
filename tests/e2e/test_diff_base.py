"""check --diff-base: only what a change adds is reported."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from awesomelint.cli import main

BASE = (
    "# Awesome\n\n## Tools\n\n"
    "- [Old](https://old.example) - An old entry.\n"
    " - [old child](https://child.example) - Indented one space.\n"
    "- [Kept](https://kept.example) - Another old entry.\n"
)


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README.md").write_text(BASE, encoding="utf-8")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "pr")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["check", "-q", *argv])
    out = capsys.readouterr().out
    return code, [
        ln.split(": ", 1)[0].split(":")[1] + " " + ln.split()[1] for ln in out.splitlines()
    ]


def test_added_lines_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BASE + "###New Section\n- [New](https://new.example) - A new entry.\n"
    (repo / "README.md").write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "pr")
    code, found = lines(capsys, "README.md")
    assert "6 L001" in found  # the old one-space child is a finding...
    _, found = lines(capsys, "--diff-base", "main", "README.md")
    assert code == 1
    assert found == ["8 H001"]  # ...but not on the PR's lines


def test_modified_line_and_uncommitted_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BASE.replace("Another old entry.\n", "Another old entry.   \n")
    (repo / "README.md").write_text(text, encoding="utf-8")  # not even committed
    _, found = lines(capsys, "--diff-base", "main", "README.md")
    assert found == ["7 W001"]


def test_new_entry_duplicating_an_old_one(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the new entry is added ABOVE the old one: the finding sits on the old line, but its
    # cause is the new line, so it is reported
    text = BASE.replace("## Tools\n\n", "## Tools\n\n- [Again](https://kept.example/) - Dup.\n")
    (repo / "README.md").write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "pr")
    code, found = lines(capsys, "--diff-base", "main", "--select", "K001", "README.md")
    assert code == 1 and found == ["8 K001"]


def test_renamed_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "mv", "README.md", "LIST.md")
    text = BASE + "- [Added](https://added.example)  \n"
    (repo / "LIST.md").write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "rename")
    _, found = lines(capsys, "--diff-base", "main", "LIST.md")
    assert found == ["8 W001"]


def test_untracked_file_counts_as_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "NEW.md").write_text("###x\n", encoding="utf-8")
    _, found = lines(capsys, "--diff-base", "main", "NEW.md")
    assert found == ["1 H001"]


def test_unknown_ref_and_no_repo(
    repo: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["check", "--diff-base", "nope", "README.md"]) == 2
    err = capsys.readouterr().err
    assert "unknown git ref 'nope'" in err and err.count("\n") == 1
    outside = tmp_path_factory.mktemp("plain")
    (outside / "a.md").write_text("# A\n", encoding="utf-8")
    monkeypatch.chdir(outside)
    assert main(["check", "--diff-base", "main", "a.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("awesomelint: error: git rev-parse failed") and err.count("\n") == 1
