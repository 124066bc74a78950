"""missing-file (N007) on real trees: where the repository root is, what is never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awesomelint
from awesomelint.cli import main
from awesomelint.engine import lint
from awesomelint.links.urls import clean
from awesomelint.markdown import parse
from awesomelint.registry import Settings
from awesomelint.rules import missing_file


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def messages(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [f.message for f in lint(parse(text), Settings((missing_file.RULE,)), path)]


def test_is_on_by_default_and_reported_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(tmp_path, {".git/HEAD": "", "README.md": "# T\n\nSee [the guide](docs/guide.md).\n"})
    assert main(["check", str(tmp_path / "README.md")]) == 1
    out = capsys.readouterr().out
    assert "3:17: N007 [missing-file] Link target docs/guide.md does not exist" in out


def test_a_list_outside_a_repository_is_not_checked(tmp_path: Path) -> None:
    # a list copied alone (a download, the shared corpus): its neighbours are not there
    tree(tmp_path, {"README.md": "# T\n\n![logo](media/logo.svg)\n"})
    assert messages(tmp_path / "README.md") == []


def test_without_a_path_nothing_is_checked() -> None:
    config = {"select": ["missing-file"]}
    assert awesomelint.check("# T\n\n[x](nope.md)\n", config=config) == []


def test_rooted_paths_start_at_the_repository_root(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".git": "gitdir: /elsewhere/worktrees/x\n",  # a worktree's .git is a file
            "media/logo.svg": "<svg/>",
            "lists/README.md": (
                "# T\n\n![a](/media/logo.svg)\n![b](../media/logo.svg)\n"
                "![c](/lists/media/logo.svg)\n![d](media/logo.svg)\n"
            ),
        },
    )
    assert messages(tmp_path / "lists" / "README.md") == [
        "Image /lists/media/logo.svg does not exist",
        "Image media/logo.svg does not exist (did you mean ../media/logo.svg?)",
    ]


def test_nothing_outside_the_root_is_read(tmp_path: Path) -> None:
    outside = tree(tmp_path / "outside", {"secret.md": "# Secret\n"})
    repo = tree(
        tmp_path / "repo",
        {
            ".git/HEAD": "",
            "README.md": (
                "# T\n\n[up](../outside/secret.md#nothing)\n[linked](linked.md#nothing)\n"
            ),
        },
    )
    (repo / "linked.md").symlink_to(outside / "secret.md")
    opened: list[str] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(os.fspath(file))  # type: ignore[arg-type]
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    import builtins

    builtins.open = spy  # type: ignore[assignment]
    try:
        found = messages(repo / "README.md")
    finally:
        builtins.open = real_open
    # ../outside leaves the repository: not checked; the symlink exists, but its
    # target is outside: its headings are not read
    assert found == []
    assert not [p for p in opened if "secret" in p]


def test_anchor_into_a_bigger_tree_and_its_own_fix(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".git/HEAD": "",
            "docs/Guide.md": "# Guide\n\n## Installation\n\n## Usage\n",
            "README.md": "# T\n\n- [Install](docs/guide.md#instalation) - How.\n",
        },
    )
    readme = tmp_path / "README.md"
    assert messages(readme) == [
        "Link target docs/guide.md#instalation does not exist (did you mean "
        "docs/Guide.md#instalation? GitHub is case-sensitive)"
    ]
    assert main(["fix", "--unsafe-fixes", "--select", "missing-file", str(readme)]) == 0
    # the path is fixed first; then the anchor, checked in the file found, in a new pass
    assert readme.read_text(encoding="utf-8") == (
        "# T\n\n- [Install](docs/Guide.md#installation) - How.\n"
    )


@settings(max_examples=400, deadline=None)
@given(
    st.builds(
        str.__add__,
        st.sampled_from(["https://", "http://", "HTTP://", " https://", "<https://", "", "./"]),
        st.text(alphabet="ab/.#?\\&;{%<> ", max_size=12),
    )
)
def test_relative_raw_is_relative_of_clean(raw: str) -> None:
    # the shortcut for web addresses answers what the general test does
    assert missing_file._relative_raw(raw) == missing_file._relative(clean(raw))
