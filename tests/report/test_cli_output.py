"""The text output people read: colours (--color, NO_COLOR, FORCE_COLOR), the source
excerpt with a caret (full) on a terminal, one line per finding (concise) otherwise."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli, main

TEXT = "# 제목\n\n###Python\n- [a](https://a.example) - 한국어\tand more.\n"
ESC = "\x1b["


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "list.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    base = {"NO_COLOR": "", "FORCE_COLOR": "", "GITHUB_ACTIONS": ""}
    result = CliRunner().invoke(cli, list(args), env={**base, **(env or {})})
    return result.exit_code, result.output


def test_piped_output_is_concise_and_plain(doc: Path) -> None:
    code, out = invoke("check", str(doc))
    assert code == 1
    assert ESC not in out
    assert out.splitlines()[0] == (
        f"{doc}:3:1: H001 [heading-missing-space] Missing space after \"###\": this line "
        "renders as text, not as a heading [*]"
    )
    assert "|" not in out.split("Found")[0]  # no excerpt


def test_full_shows_the_line_and_a_caret_under_the_span(doc: Path) -> None:
    code, out = invoke("check", "--output-format", "full", str(doc))
    assert code == 1
    lines = out.splitlines()
    at = lines.index(next(x for x in lines if " W004 " in x))
    assert lines[at + 1 : at + 6] == [
        "  |",
        "4 | - [a](https://a.example) - 한국어   and more.",  # the tab to the next stop
        "  |                                  ^^^ W004",  # wide Hangul: 2 columns each
        "  |",
        "  = help: Replace the tab with a space",
    ]
    h001 = lines.index(next(x for x in lines if " H001 " in x))
    assert lines[h001 + 2 : h001 + 4] == ["3 | ###Python", "  | ^^^ H001"]
    assert out.rstrip().endswith("fixable with `awesomelint fix`.")
    # --format is the old name of --output-format
    assert invoke("check", "--format", "full", str(doc))[1] == out


def test_concise_and_machine_formats_never_get_excerpts_or_colours(doc: Path) -> None:
    _, concise = invoke("check", "--output-format", "concise", "--color", "always", str(doc))
    assert ESC in concise and "  |" not in concise
    for fmt in ("json", "github", "sarif"):
        _, plain = invoke("check", "--output-format", fmt, str(doc))
        _, forced = invoke(
            "check", "--output-format", fmt, "--color", "always", str(doc),
            env={"FORCE_COLOR": "1"},
        )  # fmt: skip
        assert forced == plain and ESC not in plain
    json.loads(invoke("check", "--output-format", "json", "--color", "always", str(doc))[1])


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # not a terminal
        ((), {"FORCE_COLOR": "1"}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ],
)
def test_color_choice(
    doc: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool
) -> None:
    _, out = invoke("check", *args, str(doc), env=env)
    assert (ESC in out) == coloured
    _, out = invoke("fix", "--diff", *args, str(doc), env=env)
    assert ESC not in out  # a diff is for patch, never coloured


def _on_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    """Run the CLI with its stdout on a pseudo-terminal; what it printed there."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "awesomelint", *argv],
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "", "FORCE_COLOR": "", "GITHUB_ACTIONS": "", **env},
            timeout=60,
            check=False,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.returncode == 1, proc.stderr
        return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)


def test_a_terminal_gets_colours_and_excerpts(doc: Path) -> None:
    out = _on_a_terminal(["check", str(doc)], {})
    assert ESC in out and "^^^" in out and "= help:" in out
    plain = _on_a_terminal(["check", str(doc)], {"NO_COLOR": "1"})
    assert ESC not in plain and "3 | ###Python" in plain
    concise = _on_a_terminal(["check", "--output-format", "concise", str(doc)], {})
    assert "^^^" not in concise and ESC in concise


def test_fix_lists_what_remains_in_the_same_style(doc: Path) -> None:
    code, out = invoke("fix", str(doc), env={"FORCE_COLOR": "1"})
    assert code == 1  # heading-increment (### after #) has no fix
    assert f"{ESC}1;31mH002{ESC}0m" in out
    doc.write_text(TEXT, encoding="utf-8")
    _, out = invoke("fix", str(doc))
    assert ESC not in out and f"{doc}:3:1: H002 [heading-increment]" in out


def test_without_paths_the_readme_of_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == (
        f"awesomelint: error: no README.md in the current folder ({tmp_path}); name what to "
        "check: awesomelint check FILE|FOLDER...\n"
    )
    (tmp_path / "README.md").write_text("# T\n\n###Python\n", encoding="utf-8")
    code, out = invoke("check", "--select", "H001")
    assert code == 1 and out.startswith("README.md:3:1: H001")
    code, out = invoke("fix", "--select", "H001")
    assert code == 0 and "README.md: fixed 1" in out
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# T\n\n### Python\n"


LIST = (
    "# T\n\n###Python\n- [a](https://a.example) - A. \n- [b](https://b.example) - B.  \n"
    "- [dup](https://a.example) - Again.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_statistics_counts_per_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "list.md"
    doc.write_text(LIST, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--statistics", str(doc))
    assert code == 1
    assert out.splitlines()[:4] == [
        "2  W001  trailing-whitespace    2 [*]",
        "1  H001  heading-missing-space  1 [*]",
        "1  H002  heading-increment      -",  # `###Python` is meant as a level 3 after 1
        "1  K001  duplicate-link         1 [*unsafe]",
    ]
    assert "list.md:3:1" not in out  # the counts instead of the findings
    assert "Found 5 problems in 1 file." in out
    _, out, _ = run(capsys, "check", "--statistics", "--output-format", "json", str(doc))
    assert json.loads(out)[0] == {
        "code": "W001", "rule": "trailing-whitespace", "count": 2, "fixable": 2
    }  # fmt: skip
    code, _, err = run(capsys, "check", "--statistics", "--output-format", "sarif", str(doc))
    assert code == 2 and "--statistics prints text or json" in err


def test_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "list.md"
    doc.write_text(LIST, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--exit-zero", str(doc))
    assert code == 0 and "Found 5 problems" in out
    assert run(capsys, "check", "--exit-zero", str(doc), str(tmp_path / "no.md"))[0] == 2


def test_fix_says_what_it_did_and_what_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "list.md"
    doc.write_text(LIST, encoding="utf-8")
    code, out, err = run(capsys, "fix", "--diff", str(doc))
    assert code == 1 and out.startswith("--- ")
    assert err == (
        "Would fix 3 problems in 1 file; 2 problems left.\n"
        "[*unsafe] 1 fixable with `awesomelint fix --unsafe-fixes`.\n"
    )
    code, out, _ = run(capsys, "fix", "--show-fixes", str(doc))
    assert code == 1
    assert out.splitlines()[:3] == [
        f"{doc}: fixed 3 (heading-missing-space x1, trailing-whitespace x2)",
        '    1 × H001 (heading-missing-space): Add a space after "###"',
        "    2 × W001 (trailing-whitespace): Remove trailing whitespace",
    ]
    assert out.endswith(
        "Fixed 3 problems in 1 file; 2 problems left.\n"
        "[*unsafe] 1 fixable with `awesomelint fix --unsafe-fixes`.\n"
    )
    code, out, _ = run(capsys, "fix", "--unsafe-fixes", str(doc))
    assert code == 1  # heading-increment has no fix
    assert out.endswith("Fixed 1 problem in 1 file; 1 problem left.\n")
    code, out, _ = run(capsys, "fix", "--select", "W", str(doc))
    assert (code, out) == (0, "Nothing to fix.\n")
    code, out, err = run(capsys, "fix", "--select", "W", "--diff", str(doc))
    assert (code, out, err) == (0, "", "Nothing to fix.\n")
    code, out, _ = run(capsys, "fix", "--quiet", str(doc))
    assert out == ""
