"""duplicate-link's scope option: the whole document (default) or one section."""

from __future__ import annotations

from pathlib import Path

import pytest

import awesomelint
from awesomelint.engine import lint
from awesomelint.errors import ConfigError
from awesomelint.fixer import fix_document
from awesomelint.markdown import parse
from awesomelint.registry import Settings
from awesomelint.rules import duplicate_link

SECTIONS = Path(__file__).parents[1] / "fixtures" / "duplicate-link" / "sections.md"


def _lines(text: str, scope: str) -> list[int]:
    config = {"select": ["duplicate-link"], "duplicate-link": {"scope": scope}}
    doc = parse(text)
    return [doc.line_of(f.start) for f in awesomelint.check(text, config=config)]


def test_section_scope_reports_duplicates_within_one_section_only() -> None:
    text = SECTIONS.read_text(encoding="utf-8")
    assert _lines(text, "document") == [7, 11, 20, 22, 26, 28]
    # kept: pytest under "### Mocking" (11), httpx under "- Servers" (20), starlette
    # under the "- NoSQL [[nosql](...)]" header (26); reported: twice under "## Testing",
    # twice under "- Servers", and an entry's sub-item in the same "## HTTP" section
    assert _lines(text, "section") == [7, 22, 28]


def test_nearest_heading_of_any_level_is_the_section() -> None:
    text = (
        "# T\n\n## A\n\n- [x](https://example.com/x)\n\n### B\n\n"
        "- [x](https://example.com/x)\n- [y](https://example.com/y)\n\n"
        "#### C\n\n- [y](https://example.com/y)\n- [y](https://example.com/y/)\n"
    )
    assert _lines(text, "section") == [15]
    assert _lines(text, "document") == [9, 14, 15]


def test_unsafe_fix_removes_only_what_section_scope_reports() -> None:
    text = SECTIONS.read_text(encoding="utf-8")
    settings = Settings((duplicate_link.RULE,), options={"duplicate-link": {"scope": "section"}})
    fixed = fix_document(parse(text), lambda d: lint(d, settings), unsafe=True).text
    assert "Listed twice in one section" not in fixed
    assert "Twice under Servers" not in fixed
    assert "Also under Mocking, on purpose" in fixed
    assert "Listed under Servers too" in fixed
    assert _lines(fixed, "section") == []


@pytest.mark.parametrize("scope", ["chapter", "Section", ""])
def test_unknown_scope_is_a_config_error(scope: str) -> None:
    with pytest.raises(ConfigError, match=r"duplicate-link\.scope must be one of"):
        awesomelint.check("- [a](https://a.example)\n", config={"duplicate-link": {"scope": scope}})
    # settings built without a config file are checked when the rule runs
    settings = Settings((duplicate_link.RULE,), options={"duplicate-link": {"scope": scope}})
    with pytest.raises(ConfigError, match=r"duplicate-link\.scope"):
        lint(parse("- [a](https://a.example)\n"), settings)
