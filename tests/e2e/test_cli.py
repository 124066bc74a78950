"""The command line as a user meets it: exit codes, output formats, files, config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.registry import ALL_RULES

BAD = "# Title\n\n###Python\n- [a](https://a.example) - A.\n"
GOOD = "# Title\n\n### Python\n- [a](https://a.example) - A.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_check_clean_and_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "good.md", GOOD)
    bad = write(tmp_path / "bad.md", BAD)
    code, out, _ = run(capsys, "check", "--select", "H001", str(good))
    assert code == 0
    assert "All checks passed!" in out
    code, out, _ = run(capsys, "check", "--select", "H001", str(bad))
    assert code == 1
    assert f"{bad}:3:1: H001 [heading-missing-space] Missing space after" in out
    assert out.rstrip().endswith("fixable with `awesomelint fix`.")


def test_check_json_has_exact_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "bad.md", "세계 " + BAD)
    code, out, _ = run(capsys, "check", "--select", "H001", "--format", "json", str(bad))
    assert code == 1
    data = json.loads(out)
    assert [sorted(d) for d in data] == [
        sorted(
            [
                "path",
                "line",
                "column",
                "end_line",
                "end_column",
                "code",
                "rule",
                "message",
                "severity",
                "fix",
            ]
        )
    ]
    d = data[0]
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (3, 1, 3, 4)
    assert d["code"] == "H001" and d["rule"] == "heading-missing-space"
    assert d["severity"] == "error"
    assert d["fix"] == {"title": 'Add a space after "###"', "safe": True}


def test_check_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "bad.md", BAD)
    code, out, _ = run(capsys, "check", "--select", "H001", "--format", "github", str(bad))
    assert code == 1
    assert out.startswith(f"::error file={bad},line=3,col=1,endColumn=4,endLine=3,")
    assert "title=H001 heading-missing-space::Missing space" in out


def test_github_is_default_in_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    bad = write(tmp_path / "bad.md", BAD)
    _, out, _ = run(capsys, "check", "--select", "H001", str(bad))
    assert out.startswith("::error ")


def test_folder_is_walked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.md", BAD)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.md", BAD)
    write(tmp_path / "notes.txt", BAD)
    code, out, _ = run(capsys, "check", "--select", "H001", str(tmp_path))
    assert code == 1
    assert "a.md:3:1" in out and "b.md:3:1" in out and "notes.txt" not in out


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        (lambda p: p / "missing.md", "no such file or folder"),
        (lambda p: p, "holds no Markdown"),
        (lambda p: (p / "bin.md").write_bytes(b"\x89PNG\x00\x01") and p / "bin.md", "binary"),
        (lambda p: (p / "l1.md").write_bytes(b"caf\xe9\n") and p / "l1.md", "not UTF-8 (byte 0xE9"),
    ],
    ids=["missing", "empty-folder", "binary", "latin1"],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: object, fragment: str
) -> None:
    target = setup(tmp_path)  # type: ignore[operator]
    code, out, err = run(capsys, "check", str(target))
    assert code == 2
    assert out == ""
    assert fragment in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_empty_file_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = write(tmp_path / "empty.md", "")
    code, _, _ = run(capsys, "check", str(empty))
    assert code == 0


@pytest.mark.parametrize(
    "argv",
    [["check", "--select", "nope"], ["check", "--ignore", "Z9"], ["rule", "nope"], ["bogus"]],
)
def test_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    f = write(tmp_path / "a.md", GOOD)
    args = [*argv, str(f)] if argv[0] == "check" else argv
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("awesomelint: error:") and err.count("\n") == 1


def test_fix_in_place_keeps_crlf_and_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = "\ufeff" + BAD.replace("\n", "\r\n")
    f = write(tmp_path / "crlf.md", original)
    os.chmod(f, 0o640)
    code, out, _ = run(capsys, "fix", "--select", "H001", str(f))
    assert code == 0
    assert "fixed 1 (heading-missing-space x1)" in out
    data = f.read_bytes()
    assert data == ("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-8")
    assert os.stat(f).st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["crlf.md"]  # no temp file left


def test_fix_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path / "a.md", BAD)
    code, out, _ = run(capsys, "fix", "--diff", "--select", "H001", str(f))
    assert code == 1
    assert "-###Python\n+### Python\n" in out
    assert f.read_text(encoding="utf-8") == BAD
    write(f, GOOD)
    code, out, _ = run(capsys, "fix", "--diff", "--select", "H001", str(f))
    assert (code, out) == (0, "")


def test_fix_follows_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = write(tmp_path / "real.md", BAD)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, _ = run(capsys, "fix", "--select", "H001", str(link))
    assert code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == GOOD


def test_fix_read_only_file_and_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write(tmp_path / "ro.md", BAD)
    os.chmod(f, 0o444)
    code, _, err = run(capsys, "fix", "--select", "H001", str(f))
    assert code == 2 and "read-only" in err and err.count("\n") == 1
    assert f.read_text(encoding="utf-8") == BAD
    folder = tmp_path / "locked"
    folder.mkdir()
    g = write(folder / "a.md", BAD)
    os.chmod(folder, 0o555)
    try:
        code, _, err = run(capsys, "fix", "--select", "H001", str(g))
    finally:
        os.chmod(folder, 0o755)
    assert code == 2 and "read-only" in err
    assert g.read_text(encoding="utf-8") == BAD


def test_stdin_to_stdout() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "awesomelint", "fix", "--select", "H001", "-"],
        input=BAD.encode(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode() == GOOD
    assert b"fixed 1" in proc.stderr


def test_rules_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "H001" in out and "heading-missing-space" in out
    code, out, _ = run(capsys, "rule", "H001")
    assert code == 0 and "## What it does" in out and "## Fix safety" in out
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert {"code": "H001"}.items() <= json.loads(out)[0].items()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and "awesomelint" in out


def test_nearest_config_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesomelint]\nselect = ["H001"]\n', encoding="utf-8"
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".awesomelint.toml").write_text('ignore = ["H001"]\n', encoding="utf-8")
    top = write(tmp_path / "top.md", BAD)
    low = write(sub / "low.md", BAD)
    code, out, _ = run(capsys, "check", str(top), str(low))
    assert code == 1
    assert "top.md:3:1: H001" in out
    assert "low.md:3:1: H001" not in out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("select = [1]\n", "must be a list"),
        ("colour = true\n", "unknown config key 'colour'"),
        ("select = [\n", "invalid TOML"),
        ('select = ["nope"]\n', "unknown rule or code 'nope'"),
        ("[list-indent]\nwidth = 3\n", "unknown option 'width'"),
        ('[duplicate-link]\nscope = "chapter"\n', "scope must be one of 'document', 'section'"),
        ("[duplicate-link]\nscope = 1\n", "duplicate-link.scope must be str"),
    ],
)
def test_bad_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, fragment: str
) -> None:
    (tmp_path / ".awesomelint.toml").write_text(content, encoding="utf-8")
    f = write(tmp_path / "a.md", GOOD)
    code, _, err = run(capsys, "check", str(f))
    assert code == 2
    assert fragment in err and err.count("\n") == 1


def test_explicit_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "custom.toml"
    cfg.write_text('select = ["H001"]\n', encoding="utf-8")
    f = write(tmp_path / "a.md", BAD)
    code, out, _ = run(capsys, "check", "--config", str(cfg), str(f))
    assert code == 1 and "H001" in out
    code, _, err = run(capsys, "check", "--config", str(tmp_path / "none.toml"), str(f))
    assert code == 2 and "config file not found" in err


def test_suppression_comments_stop_findings_and_fixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# T\n\n<!-- awesomelint-disable-next-line heading-missing-space -->\n###One\n\n"
        "<!-- awesomelint-disable H001 -->\n###Two\n<!-- awesomelint-enable H001 -->\n\n"
        "###Three\n\n```\n<!-- awesomelint-disable -->\n```\n\n###Four\n"
    )
    f = write(tmp_path / "s.md", text)
    code, out, _ = run(capsys, "check", "--select", "H001", str(f))
    assert code == 1
    assert [line.split(":")[1] for line in out.splitlines() if ": H001" in line] == ["10", "16"]
    run(capsys, "fix", "--select", "H001", str(f))
    fixed = f.read_text(encoding="utf-8")
    assert "###One" in fixed and "###Two" in fixed and "### Three" in fixed


def test_sarif_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "bad.md", BAD)
    out_file = tmp_path / "report.sarif"
    code, out, _ = run(
        capsys, "check", "--select", "H001", "--format", "sarif", "-o", str(out_file), str(bad)
    )
    assert code == 1 and out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0"
    run_ = data["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"id", "name", "shortDescription", "help"} <= set(rules[0])
    assert "## What it does" in rules[0]["help"]["text"]
    [result] = run_["results"]
    assert result["ruleId"] == "H001" and result["level"] == "error"
    assert rules[result["ruleIndex"]]["id"] == "H001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 1, 4)
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(bad)


def test_annotation_of_blank_lines_at_the_end_stays_inside_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 5 lines; W003's span runs to the end of the text, after the last line break
    doc = write(tmp_path / "end.md", "# T\n\n- a\n\n\n")
    code, out, _ = run(capsys, "check", "--select", "W003", "--format", "github", str(doc))
    assert code == 1
    assert out.startswith(f"::warning file={doc},line=4,endLine=5,title=W003 final-newline::")
    _, out, _ = run(capsys, "check", "--select", "W003", "--format", "json", str(doc))
    (d,) = json.loads(out)
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (4, 1, 5, 1)
    # a missing line break is reported where it is missing: the end of the last line
    doc = write(tmp_path / "nonl.md", "# T\n\n- a")
    _, out, _ = run(capsys, "check", "--select", "W003", "--format", "github", str(doc))
    assert "line=3,col=4,endColumn=4,endLine=3," in out


def test_summary_counts_are_singular_when_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "end.md", "# T\n\n- a\n\n\n")
    summary = tmp_path / "summary.md"
    run(capsys, "check", "--select", "W003", "--summary-file", str(summary), str(doc))
    text = summary.read_text(encoding="utf-8")
    assert "(0 errors, 1 warning)" in text and "1 warnings" not in text


def test_one_bad_file_does_not_hide_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.md", BAD)
    missing = tmp_path / "missing.md"
    code, out, err = run(capsys, "check", "--select", "H001", str(bad), str(missing))
    assert code == 2  # an unreadable file still fails the run, at the end
    assert f"{bad}:3:1: H001" in out
    assert "Found 1 problem in 1 file." in out
    assert "1 file could not be read" in out
    assert err == f"awesomelint: error: {missing}: no such file or folder\n"

    # a folder with one Latin-1 file: every other file is checked
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "a.md", BAD)
    (folder / "b.md").write_bytes(b"# Caf\xe9\n")
    write(folder / "c.md", BAD)
    code, out, err = run(capsys, "check", "--select", "H001", str(folder))
    assert code == 2
    assert "a.md:3:1: H001" in out and "c.md:3:1: H001" in out
    assert err.count("\n") == 1 and "b.md: not UTF-8 (byte 0xE9" in err


def test_unreadable_files_are_io_error_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.md", BAD)
    missing = str(tmp_path / "missing.md")
    code, out, _ = run(capsys, "check", "--select", "H001", "--format", "json", missing, str(bad))
    assert code == 2
    first, second = json.loads(out)
    assert first == {
        "path": missing,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "code": "E902",
        "rule": "io-error",
        "message": "no such file or folder",
        "severity": "error",
        "fix": None,
    }
    assert second["code"] == "H001"
    _, out, _ = run(capsys, "check", "--select", "H001", "--format", "sarif", missing, str(bad))
    run_ = json.loads(out)["runs"][0]
    assert [r["ruleId"] for r in run_["results"]] == ["E902", "H001"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    _, out, _ = run(capsys, "check", "--select", "H001", "--format", "github", missing)
    assert out == f"::error file={missing},line=1,title=E902 io-error::no such file or folder\n"


def test_fix_fixes_the_good_files_and_leaves_the_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, last = write(tmp_path / "a.md", BAD), write(tmp_path / "c.md", BAD)
    latin = tmp_path / "b.md"
    latin.write_bytes(b"# Caf\xe9\n\n###Python\n")
    missing = str(tmp_path / "nope.md")
    code, out, err = run(capsys, "fix", str(first), str(latin), missing, str(last))
    assert code == 2
    assert out.count(": fixed 1 (heading-missing-space x1)") == 2
    assert first.read_text(encoding="utf-8") == GOOD == last.read_text(encoding="utf-8")
    assert latin.read_bytes() == b"# Caf\xe9\n\n###Python\n"
    assert err.count("awesomelint: error:") == 2
    assert "b.md: not UTF-8" in err and "nope.md: no such file or folder" in err


def test_summary_file_names_the_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.md", GOOD)
    summary = tmp_path / "summary.md"
    missing = str(tmp_path / "gone.md")
    argv = ["--select", "W", "--summary-file", str(summary), str(good), missing]
    code, _, _ = run(capsys, "check", *argv)
    assert code == 2
    text = summary.read_text(encoding="utf-8")
    assert f"**1 file could not be read:** {missing} (no such file or folder)" in text
    assert "No problems found in 1 file." in text


def test_preset_awesome_keeps_the_default_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "list.md", "# Tools\n\n- [a](https://a.example) - A thing \n")
    _, out, _ = run(capsys, "check", "--preset", "awesome", "--format", "json", str(doc))
    rules = {d["rule"] for d in json.loads(out)}
    assert {"trailing-whitespace", "awesome-badge"} <= rules
    # --select keeps ruff's meaning: only what it names
    _, out, _ = run(capsys, "check", "--select", "awesome", "--format", "json", str(doc))
    rules = {d["rule"] for d in json.loads(out)}
    assert "awesome-badge" in rules and "trailing-whitespace" not in rules
    # the command-line twin of the config key gives the same findings
    write(tmp_path / ".awesomelint.toml", 'preset = "awesome"\n')
    _, from_config, _ = run(capsys, "check", "--format", "json", str(doc))
    assert {d["rule"] for d in json.loads(from_config)} == rules | {"trailing-whitespace"}
    code, _, err = run(capsys, "check", "--preset", "nope", str(doc))
    assert code == 2 and "nope" in err


def test_readme_tips_use_the_preset() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    # the pre-commit tip and the Action example mean "the conventions as well"
    assert "args: [--preset, awesome]" in readme
    assert "args: --preset awesome" in readme
    assert "args: [--select, awesome]" not in readme and "args: --select awesome" not in readme


def test_rules_show_the_fix_kind_and_groups(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules")
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert out.splitlines()[0].split() == ["code", "name", "fix", "default", "groups", "summary"]
    assert rows["W001"][2:5] == ["safe", "on", "-"]
    assert rows["K001"][2:5] == ["unsafe", "on", "awesome"]
    assert rows["A001"][2:5] == ["safe+unsafe", "off", "awesome"]
    assert rows["N002"][2:6] == ["needs", "--links", "off", "links"]
    assert rows["N001"][2:5] == ["-", "off", "links"]
    _, out, _ = run(capsys, "rules", "--format", "json")
    by_code = {d["code"]: d for d in json.loads(out)}
    assert by_code["N002"]["fix"] == "needs --links" and by_code["N002"]["groups"] == ["links"]
    assert by_code["H002"]["fix"] is None


def test_rule_lists_a_group(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "awesome")
    assert code == 0
    n = sum("awesome" in r.groups for r in ALL_RULES)
    assert out.startswith(f"Group awesome: {n} rules. --preset awesome")
    listed = [line.split()[0] for line in out.splitlines()[3:]]
    assert "A001" in listed and "H001" in listed and "W001" not in listed
    code, out, _ = run(capsys, "rule", "W")  # a code prefix lists its rules too
    assert code == 0 and [line.split()[0] for line in out.splitlines()[1:]] == [
        "W001", "W002", "W003", "W004"
    ]  # fmt: skip
    code, _, err = run(capsys, "rule", "nope")
    assert code == 2 and "unknown rule or group 'nope'" in err
