"""Rule options: declared once (name, type, default, allowed values), checked when the
config loads - a bad value is a one-line ConfigError (exit 2) naming the file, the rule
and the option - and read typed by the rule. Nothing is clamped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

import awesomelint
from awesomelint.cli import main
from awesomelint.config import load_config
from awesomelint.engine import lint
from awesomelint.errors import ConfigError
from awesomelint.markdown import parse
from awesomelint.registry import ALL_RULES, Settings, checked_options, load
from awesomelint.rules import BLANK_LINES_MAXIMUM, LIST_INDENT, LIST_MARKER
from awesomelint.rules._base import Context

THREE_BLANKS = "# T\n\n\n\ntext\n"
W002 = "option multiple-blank-lines"


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        # the clamp that used to read 0 as 1 is gone: out of range is an error
        ("[multiple-blank-lines]\nmaximum = 0\n", f"{W002}.maximum must be at least 1, got 0"),
        ("[multiple-blank-lines]\nmaximum = -3\n", f"{W002}.maximum must be at least 1"),
        ("[multiple-blank-lines]\nmaximum = true\n", f"{W002}.maximum must be int, got True"),
        ('[multiple-blank-lines]\nmaximum = "2"\n', f"{W002}.maximum must be int"),
        ("[list-indent]\nindent = 0\n", "list-indent.indent must be at least 1, got 0"),
        ("[list-indent]\nindent = 2.5\n", "list-indent.indent must be int, got 2.5"),
        ('[list-marker]\nmarker = "x"\n', "marker must be one of '-', '*', '+', got 'x'"),
        ('[heading-trailing-punctuation]\npunctuation = ["."]\n', "punctuation must be str"),
        ("[multiple-blank-lines]\nmax = 2\n", "unknown option 'max' for multiple-blank-lines"),
    ],
)
def test_a_bad_option_stops_the_run_naming_file_rule_and_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, fragment: str
) -> None:
    config = tmp_path / ".awesomelint.toml"
    config.write_text(table, encoding="utf-8")
    md = tmp_path / "a.md"
    md.write_text(THREE_BLANKS, encoding="utf-8")
    code = main(["check", str(md)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert str(config) in err and fragment in err


def test_the_same_in_pyproject_and_when_the_config_loads(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.awesomelint.multiple-blank-lines]\nmaximum = 0\n", encoding="utf-8")
    # at load, before any rule runs or any file is read
    with pytest.raises(ConfigError, match=r"pyproject\.toml: option multiple-blank-lines"):
        load_config(pyproject)


def test_a_valid_value_is_used_typed() -> None:
    config = {"select": ["W002"], "multiple-blank-lines": {"maximum": 2}}
    assert awesomelint.check(THREE_BLANKS, config=config)[0].message == (
        "3 consecutive blank lines; expected at most 2"
    )
    ctx = Context(parse("x\n"), {"maximum": 2})
    assert BLANK_LINES_MAXIMUM.value(ctx) == 2
    assert BLANK_LINES_MAXIMUM.value(Context(parse("x\n"))) == 1  # the declared default


def test_settings_made_in_python_are_checked_when_the_rule_runs() -> None:
    rule = load(next(r for r in ALL_RULES if r.name == "multiple-blank-lines"))
    settings = Settings((rule,), options={"multiple-blank-lines": {"maximum": 0}})
    with pytest.raises(ConfigError, match=r"^option multiple-blank-lines\.maximum must be"):
        lint(parse(THREE_BLANKS), settings)


def test_checked_options_fill_in_the_defaults() -> None:
    info = next(r for r in ALL_RULES if r.name == "list-indent")
    assert dict(checked_options(info, {})) == {"indent": 2, "tabs": False}
    assert dict(checked_options(info, {"tabs": True})) == {"indent": 2, "tabs": True}


@pytest.mark.parametrize("option", [o for r in ALL_RULES for o in r.options], ids=lambda o: o.name)
def test_every_declared_default_is_a_value_it_may_take(option: object) -> None:
    from awesomelint.rules._base import Option

    assert isinstance(option, Option)
    assert option.problem(option.default) is None
    assert option.problem(object()) is not None


def test_problems_in_words() -> None:
    assert LIST_INDENT.problem(4) is None
    assert LIST_INDENT.problem(True) == "must be int, got True"  # a bool is no number here
    assert LIST_INDENT.problem(0) == "must be at least 1, got 0"
    assert LIST_MARKER.problem("*") is None
    assert LIST_MARKER.problem("•") == "must be one of '-', '*', '+', got '•'"
