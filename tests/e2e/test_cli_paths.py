"""Which files a run checks: folder walks honour .gitignore (through git in a repository,
pathspec elsewhere), --exclude and the config's exclude and per-file-ignores, quoted
globs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.paths import collect

BAD = "# T\n\n###Python\n"


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def checked(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    """The exit code, and the files with findings (relative, sorted)."""
    code = main(["check", "--select", "H001", "--output-format", "concise", "-q", *argv])
    out = capsys.readouterr().out
    return code, sorted({line.split(":", 1)[0] for line in out.splitlines()})


@pytest.fixture(autouse=True)
def _in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_repository_walk_honours_gitignore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        tmp_path,
        {
            "README.md": BAD,
            "docs/guide.md": BAD,  # untracked, not ignored: checked
            "docs/build/out.md": BAD,  # ignored by the root .gitignore
            "docs/notes/draft.md": BAD,  # ignored by a nested .gitignore
            ".gitignore": "build/\n",
            "docs/notes/.gitignore": "draft.md\n",
        },
    )
    subprocess.run(["git", "init", "-q", "."], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "README.md"], cwd=tmp_path, check=True)
    (tmp_path / "deleted.md").write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "add", "deleted.md"], cwd=tmp_path, check=True)
    (tmp_path / "deleted.md").unlink()  # still in the index: must not be "missing"
    assert checked(capsys, ".") == (1, ["README.md", "docs/guide.md"])
    assert checked(capsys, "docs") == (1, ["docs/guide.md"])
    # a file named on the command line is checked even when ignored, as git would add it
    assert checked(capsys, "docs/build/out.md") == (1, ["docs/build/out.md"])


def test_walk_outside_git_reads_gitignore_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        tmp_path / "list",
        {
            "README.md": BAD,
            ".gitignore": "generated/\n",
            "generated/api.md": BAD,
            "docs/a.md": BAD,
            "docs/.gitignore": "*.md\n!keep.md\n",
            "docs/keep.md": BAD,
            "docs/deeper/b.md": BAD,  # *.md of docs/.gitignore reaches down
        },
    )
    assert checked(capsys, "list") == (1, ["list/README.md", "list/docs/keep.md"])


def test_exclude_globs_on_the_command_line_and_in_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        tmp_path,
        {
            "README.md": BAD,
            "CHANGELOG.md": BAD,
            "docs/a.md": BAD,
            "docs/old/b.md": BAD,
            "translations/ko.md": BAD,
        },
    )
    code, files = checked(capsys, ".", "--exclude", "CHANGELOG.md", "--exclude", "docs/old/")
    assert (code, files) == (1, ["README.md", "docs/a.md", "translations/ko.md"])
    # the config's globs start from the config file's folder; named files count too
    (tmp_path / "docs" / ".awesomelint.toml").write_text(
        'exclude = ["old/**"]\n', encoding="utf-8"
    )
    (tmp_path / ".awesomelint.toml").write_text(
        'exclude = ["/translations/"]\n', encoding="utf-8"
    )
    assert checked(capsys, ".") == (1, ["CHANGELOG.md", "README.md", "docs/a.md"])
    assert checked(capsys, "translations/ko.md", "README.md") == (1, ["README.md"])


def test_everything_excluded_is_a_warning_not_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(tmp_path, {"README.md": BAD})
    assert main(["check", "--exclude", "*.md", "README.md"]) == 0
    err = capsys.readouterr().err
    assert "no file to check: every file given is excluded" in err


def test_per_file_ignores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(
        tmp_path,
        {
            "README.md": BAD,
            "translations/ko.md": BAD,
            "pyproject.toml": (
                '[tool.awesomelint.per-file-ignores]\n"translations/**" = ["H001"]\n'
            ),
        },
    )
    assert checked(capsys, ".") == (1, ["README.md"])
    code = main(["fix", "--select", "H001", "."])
    assert code == 0 and capsys.readouterr().out.count("fixed 1") == 1
    assert (tmp_path / "translations" / "ko.md").read_text(encoding="utf-8") == BAD


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('exclude = "CHANGELOG.md"\n', "'exclude' must be a list of file globs"),
        ('per-file-ignores = ["x"]\n', "[per-file-ignores] must be a table"),
        ('[per-file-ignores]\n"a.md" = "H001"\n', "must be a list of rule names"),
        ('[per-file-ignores]\n"a.md" = ["nope"]\n', "unknown rule or code 'nope'"),
    ],
)
def test_bad_exclude_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, message: str
) -> None:
    tree(tmp_path, {"README.md": BAD, ".awesomelint.toml": table})
    assert main(["check", "README.md"]) == 2
    assert message in capsys.readouterr().err


def test_quoted_globs_expand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(
        tmp_path,
        {"docs/a.md": BAD, "docs/x/b.md": BAD, "docs/x/c.txt": BAD, "other/d.md": BAD},
    )
    assert checked(capsys, "docs/**/*.md") == (1, ["docs/a.md", "docs/x/b.md"])
    assert checked(capsys, "docs/**") == (1, ["docs/a.md", "docs/x/b.md"])  # Markdown only
    assert checked(capsys, "docs/*/c.txt") == (1, ["docs/x/c.txt"])  # as named
    code = main(["check", "nothing/**/*.md", "other/d.md"])
    assert code == 2
    assert "nothing/**/*.md: no file or folder matches" in capsys.readouterr().err


def test_exclude_with_a_regular_expression_points_to_exclude_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(tmp_path, {"README.md": BAD})
    assert main(["check", "--links", "--exclude", "linkedin\\.com|x\\.com", "README.md"]) == 2
    err = capsys.readouterr().err
    assert "use --exclude-link 'linkedin\\.com|x\\.com'" in err


def test_collect_keeps_command_line_order_and_reports_each_bad_path(tmp_path: Path) -> None:
    tree(tmp_path, {"b.md": BAD, "a/z.md": BAD, "a/y.md": BAD, "empty/x.txt": ""})
    got = collect(["b.md", "a", "missing.md", "empty", "b.md"])
    assert [(t.name, t.error) for t in got] == [
        ("b.md", None),
        (str(Path("a/y.md")), None),
        (str(Path("a/z.md")), None),
        ("missing.md", "missing.md: no such file or folder"),
        ("empty", "empty: folder holds no Markdown (*.md) file"),
    ]
