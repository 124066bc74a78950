"""awesome-badge, awesome-heading, awesome-toc, no-ci-badge, license-section: details."""

from __future__ import annotations

import pytest

import awesomelint
from awesomelint.registry import ALL_RULES

AWESOME = ["awesome-badge", "awesome-heading", "awesome-toc", "no-ci-badge", "license-section",
           "contributing-file", "code-of-conduct"]


def _messages(text: str, rule: str) -> list[str]:
    return [f.message for f in awesomelint.check(text, config={"select": [rule]})]


def test_the_rules_are_in_the_awesome_group_and_off_by_default() -> None:
    by_name = {r.name: r for r in ALL_RULES}
    for name in AWESOME:
        assert not by_name[name].default
        assert "awesome" in by_name[name].groups
    found = awesomelint.check("# t\n\n## License\n", config={"select": ["awesome"]})
    selected = {f.rule for f in found}
    assert {"awesome-heading", "awesome-badge", "license-section"} <= selected
    assert not {f.rule for f in awesomelint.check("# t\n\n## License\n")} & set(AWESOME)


@pytest.mark.parametrize(
    "title",
    [
        "Awesome Go",
        "Awesome Node.js",
        "Awesome three.js",
        "Awesome iOS",
        "Awesome macOS Apps",
        "Awesome Web3 Tools",
        "Awesome npm Packages",
        "Awesome CLI Apps for the Terminal",
        "Awesome Tools For The Web",  # Capital Case is accepted, as awesome-lint does
        "AWESOME LIST",
        "Awesome Self-hosted",
        "Awesome C++",
        "Awesome .NET",
        "Awesome 2024",
        "딥러닝 & 강화 학습 관련 자료들.",
        "Awesome Русский",
        "Awesome `grep` Tools",
        "Awesome Things to Do",
        "Awesome <img src='x.svg'> [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    ],
)
def test_title_case_accepts(title: str) -> None:
    assert _messages(f"# {title}\n", "awesome-heading") == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("awesome go", "Awesome Go"),
        ("Awesome machine learning", "Awesome Machine Learning"),
        ("Awesome tools for the web", "Awesome Tools for the Web"),
        ("the Awesome List", "The Awesome List"),
        ("Awesome Things to", "Awesome Things To"),
        ("Awesome éclair", "Awesome Éclair"),
        ("Awesome (unofficial) list", "Awesome (Unofficial) List"),
        ("Awesome self-hosted", "Awesome Self-hosted"),
    ],
)
def test_title_case_fix(title: str, expected: str) -> None:
    text = f"# {title}\n"
    assert len(_messages(text, "awesome-heading")) == 1
    config = {"select": ["awesome-heading"]}
    assert awesomelint.fix(text, config=config) == f"# {expected}\n"  # a safe fix


def test_title_case_never_touches_urls_or_code() -> None:
    text = "# [awesome tools](https://example.com/awesome-tools) `awesome` <b>the end</b>\n"
    fixed = awesomelint.fix(text, unsafe=True, config={"select": ["awesome-heading"]})
    assert fixed == (
        "# [Awesome Tools](https://example.com/awesome-tools) `awesome` <b>the End</b>\n"
    )


def test_one_h1() -> None:
    assert _messages("Text.\n", "awesome-heading") == [
        "Missing main heading: the list has no H1 title"
    ]
    assert _messages("# A\n\n> # Quoted\n\n# B\n", "awesome-heading") == [
        'Extra H1 "B": a list has exactly one H1, its title; make this an H2'
    ]


def test_badge_insertion_only_when_certain() -> None:
    config = {"select": ["awesome-badge"]}
    fixed = awesomelint.fix("# Awesome Tools\n", config=config)
    assert fixed == "# Awesome Tools [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
    two = "# Awesome Tools\n\n# Other\n"  # which H1 is the title?
    assert awesomelint.fix(two, config=config) == two
    setext = "Awesome Tools\n=============\n"
    assert awesomelint.fix(setext, config=config) == setext


@pytest.mark.parametrize(
    "badge",
    [
        "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "[![Awesome](https://awesome.re/badge-flat.svg)](https://awesome.re)",
        "[![Awesome](https://awesome.re/badge-flat2.svg)](https://github.com/sindresorhus/awesome)",
        '<a href="https://awesome.re"><img src="https://awesome.re/badge.svg" alt="Awesome"></a>',
    ],
)
def test_badge_forms_on_the_title_line(badge: str) -> None:
    assert _messages(f"# Awesome Tools {badge}\n\nText.\n", "awesome-badge") == []


def test_toc_omitted_and_optional_sections() -> None:
    text = (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n"
        "## Sponsors <!-- omit in toc -->\n\n## Related Lists\n\n## Footnotes\n"
    )
    assert _messages(text, "awesome-toc") == []


def test_toc_anchors_compare_case_insensitively_and_decoded() -> None:
    text = "# A\n\n## Contents\n\n- [Tools](#Tools)\n- [Über](#%C3%BCber)\n\n## Tools\n\n## Über\n"
    assert _messages(text, "awesome-toc") == []


def test_toc_html_anchor_before_a_heading_counts() -> None:
    text = (
        "# A\n\n## Contents\n\n- [C++](#cpp)\n- [C#](#csharp)\n\n"
        '<a name="cpp"></a>\n## C++\n\n<a id="csharp"></a>\n\n## C#\n'
    )
    assert _messages(text, "awesome-toc") == []


def test_toc_regeneration_keeps_tabs_and_marker_and_is_safe_when_it_only_adds() -> None:
    text = (
        "# A\n\n## Contents\n\n+   [Tools](#tools)\n\t+   [CLI](#cli)\n\n"
        "## Tools\n\n### CLI\n\n### GUI\n\n## Books\n"
    )
    fixed = awesomelint.fix(text, config={"select": ["awesome-toc"]})
    assert fixed == (
        "# A\n\n## Contents\n\n+   [Tools](#tools)\n\t+   [CLI](#cli)\n\t+   [GUI](#gui)\n"
        "+   [Books](#books)\n\n## Tools\n\n### CLI\n\n### GUI\n\n## Books\n"
    )


def test_toc_regeneration_that_drops_an_entry_is_unsafe() -> None:
    text = (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n- [License](#license)\n\n"
        "## Tools\n\n## License\n"
    )
    config = {"select": ["awesome-toc"]}
    assert awesomelint.fix(text, config=config) == text
    assert awesomelint.fix(text, unsafe=True, config=config) == (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n## License\n"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://travis-ci.org/a/b.svg?branch=master",
        "https://api.travis-ci.com/a/b.svg",
        "https://circleci.com/gh/a/b.svg?style=svg",
        "https://dl.circleci.com/status-badge/img/gh/a/b/tree/main.svg",
        "https://ci.appveyor.com/api/projects/status/abc?svg=true",
        "https://github.com/a/b/actions/workflows/ci.yml/badge.svg",
        "https://github.com/a/b/workflows/CI/badge.svg?branch=main",
        "https://gitlab.com/a/b/badges/main/pipeline.svg",
        "https://dev.azure.com/a/b/_apis/build/status/c?branchName=main",
        "https://img.shields.io/github/actions/workflow/status/a/b/ci.yml",
        "https://img.shields.io/github/workflow/status/a/b/CI",
        "https://img.shields.io/travis/a/b.svg",
        "https://img.shields.io/circleci/build/gh/a/b",
        "https://img.shields.io/appveyor/build/a/b",
        "https://badgen.net/github/checks/a/b",
        "https://badge.buildkite.com/abc.svg",
        "https://ci.example.com/buildStatus/icon?job=x",
        "https://api.cirrus-ci.com/github/a/b.svg",
    ],
)
def test_ci_badge_urls(url: str) -> None:
    assert len(_messages(f"Text [![x]({url})](https://example.com).\n", "no-ci-badge")) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://img.shields.io/npm/v/x.svg",
        "https://img.shields.io/github/stars/a/b",
        "https://img.shields.io/github/last-commit/a/b",
        "https://codecov.io/gh/a/b/branch/main/graph/badge.svg",
        "https://coveralls.io/repos/github/a/b/badge.svg",
        "https://api.netlify.com/api/v1/badges/x/deploy-status",
        "https://awesome.re/badge.svg",
        "https://example.com/travis-logo.png",
    ],
)
def test_other_badges(url: str) -> None:
    assert _messages(f"Text [![x]({url})](https://example.com).\n", "no-ci-badge") == []


def test_license_heading_any_level_and_case() -> None:
    msgs = _messages("# A\n\n#### LICENCE\n\n## Licenses and Licensing\n", "license-section")
    assert msgs == ['"#### LICENCE" section: put the license in a LICENSE file, not in the README']


def test_toc_ignores_a_list_without_in_page_links_in_its_section() -> None:
    text = (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n\nThanks to our sponsors:\n\n"
        "- [Acme](https://acme.example)\n\n## Tools\n"
    )
    assert _messages(text, "awesome-toc") == []
    assert awesomelint.fix(text + "\n## Books\n", config={"select": ["awesome-toc"]}) == (
        text.replace("- [Tools](#tools)\n", "- [Tools](#tools)\n- [Books](#books)\n")
        + "\n## Books\n"
    )


def test_ci_badge_removal_keeps_the_next_line_out_of_code() -> None:
    text = "[![CI](https://travis-ci.org/a/b.svg)](https://travis-ci.org/a/b)\n    - [x](#x)\n"
    config = {"select": ["no-ci-badge"]}
    assert len(_messages(text, "no-ci-badge")) == 1
    assert awesomelint.fix(text, unsafe=True, config=config) == text
