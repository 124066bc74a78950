"""contributing-file (A011) and code-of-conduct (A012): the files beside the list."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import awesomelint
from awesomelint.cli import main
from awesomelint.engine import lint
from awesomelint.markdown import parse
from awesomelint.registry import Settings
from awesomelint.rules import code_of_conduct, contributing_file

LIST = "# Awesome Tools\n\n## Tools\n"


def _messages(tmp_path: Path, rule_name: str, list_name: str = "readme.md") -> list[str]:
    rule = {"contributing-file": contributing_file.RULE, "code-of-conduct": code_of_conduct.RULE}
    path = tmp_path / list_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LIST, encoding="utf-8")
    findings = lint(parse(LIST), Settings((rule[rule_name],)), path)
    assert all(f.start == 0 and f.end == 0 for f in findings)  # line 1 of the list
    return [f.message for f in findings]


def test_without_a_path_nothing_is_checked() -> None:
    config = {"select": ["contributing-file", "code-of-conduct"]}
    assert awesomelint.check(LIST, config=config) == []


def test_missing_contributing_file(tmp_path: Path) -> None:
    (tmp_path / "contributing.txt").write_text("not markdown", encoding="utf-8")
    assert _messages(tmp_path, "contributing-file") == [
        "Missing contributing.md beside the list (looked in its folder, .github/ and docs/): "
        "awesome lists need contribution guidelines"
    ]


@pytest.mark.parametrize(
    "name", ["contributing.md", "CONTRIBUTING.md", "Contributing.md", ".github/contributing.md",
             ".github/CONTRIBUTING.md", "docs/CONTRIBUTING.md"]
)
def test_contributing_file_in_any_case_and_place(tmp_path: Path, name: str) -> None:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text("# Contributing\n\nOpen a pull request.\n", encoding="utf-8")
    assert _messages(tmp_path, "contributing-file") == []


@pytest.mark.parametrize("content", ["", "   \n\n\t\r\n"])
def test_empty_contributing_file(tmp_path: Path, content: str) -> None:
    (tmp_path / "CONTRIBUTING.md").write_text(content, encoding="utf-8")
    assert _messages(tmp_path, "contributing-file") == [
        "CONTRIBUTING.md is empty: write the contribution guidelines"
    ]


def test_an_empty_file_does_not_hide_a_real_one(tmp_path: Path) -> None:
    (tmp_path / "contributing.md").write_text("\n", encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "contributing.md").write_text("Guidelines.\n", encoding="utf-8")
    assert _messages(tmp_path, "contributing-file") == []


def test_a_folder_named_contributing_md_is_not_the_file(tmp_path: Path) -> None:
    (tmp_path / "contributing.md").mkdir()
    assert len(_messages(tmp_path, "contributing-file")) == 1


def test_paths_resolve_from_the_lists_own_folder(tmp_path: Path) -> None:
    (tmp_path / "contributing.md").write_text("Guidelines.\n", encoding="utf-8")
    # a list in a subfolder does not see its parent's file
    assert len(_messages(tmp_path, "contributing-file", "lists/awesome.md")) == 1
    assert _messages(tmp_path, "contributing-file", "awesome.md") == []


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs permissions")
def test_an_unreadable_folder_counts_as_absent(tmp_path: Path) -> None:
    locked = tmp_path / ".github"
    locked.mkdir()
    (locked / "contributing.md").write_text("Guidelines.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        assert len(_messages(tmp_path, "contributing-file")) == 1
    finally:
        locked.chmod(0o755)


COVENANT_14 = """# Contributor Covenant Code of Conduct

## Enforcement

Instances of abusive, harassing, or otherwise unacceptable behavior may be
reported by contacting the project team at [INSERT EMAIL ADDRESS]. All
complaints will be reviewed and investigated.
"""


@pytest.mark.parametrize(
    ("placeholder", "line"),
    [
        ("[INSERT EMAIL ADDRESS]", 6),
        ("[INSERT CONTACT METHOD]", 6),
        ("[INSERT EMAIL]", 6),
        ("[email]", 6),
        ("[Insert your e-mail here]", 6),
    ],
)
def test_code_of_conduct_placeholder(tmp_path: Path, placeholder: str, line: int) -> None:
    text = COVENANT_14.replace("[INSERT EMAIL ADDRESS]", placeholder)
    (tmp_path / "code-of-conduct.md").write_text(text, encoding="utf-8")
    assert _messages(tmp_path, "code-of-conduct") == [
        f"code-of-conduct.md line {line} still has the template placeholder {placeholder}: "
        "put your contact address there"
    ]


@pytest.mark.parametrize(
    "contact",
    ["jane@example.com", "[email](mailto:jane@example.com)", "[email][mail]", "our [Discord](x)"],
)
def test_code_of_conduct_with_a_real_contact(tmp_path: Path, contact: str) -> None:
    text = COVENANT_14.replace("[INSERT EMAIL ADDRESS]", contact)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODE_OF_CONDUCT.md").write_text(text, encoding="utf-8")
    assert _messages(tmp_path, "code-of-conduct") == []


def test_no_code_of_conduct_is_fine(tmp_path: Path) -> None:
    assert _messages(tmp_path, "code-of-conduct") == []


def test_empty_code_of_conduct(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "Code_Of_Conduct.md").write_text("\n", encoding="utf-8")
    assert _messages(tmp_path, "code-of-conduct") == [
        "docs/Code_Of_Conduct.md is empty: write a code of conduct or remove the file"
    ]


def test_template_email_unless_the_list_is_the_templates_authors(tmp_path: Path) -> None:
    text = COVENANT_14.replace("[INSERT EMAIL ADDRESS]", "sindresorhus@gmail.com")
    (tmp_path / "code-of-conduct.md").write_text(text, encoding="utf-8")
    assert _messages(tmp_path, "code-of-conduct") == [
        "code-of-conduct.md line 6 still has the template's contact sindresorhus@gmail.com: "
        "put your own address there"
    ]
    (tmp_path / "package.json").write_text(
        '{"repository": "https://github.com/sindresorhus/awesome-nodejs"}', encoding="utf-8"
    )
    assert _messages(tmp_path, "code-of-conduct") == []


def test_cli_resolves_files_beside_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "awesome-tools"
    folder.mkdir()
    (folder / "readme.md").write_text(LIST, encoding="utf-8")
    (folder / "code_of_conduct.md").write_text(COVENANT_14, encoding="utf-8")
    readme = str(folder / "readme.md")
    code = main(["check", "--select", "contributing-file,code-of-conduct", readme])
    out = capsys.readouterr().out
    assert code == 1
    assert "1:1: A011 [contributing-file] Missing contributing.md" in out
    assert "1:1: A012 [code-of-conduct] code_of_conduct.md line 6" in out
    (folder / "contributing.md").write_text("Guidelines.\n", encoding="utf-8")
    assert main(["check", "--select", "contributing-file", str(folder / "readme.md")]) == 0
