"""GitHub heading anchors (awesomelint.markdown.slug): rendered text, slug, duplicates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesomelint.markdown.slug import (
    Slugger,
    reference_map,
    rendered_text,
    slugify,
    unique_slugs,
)


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Awesome Go", "awesome-go"),
        ("IoT (Internet of Things)", "iot-internet-of-things"),
        ("Data Ingestion / ETL", "data-ingestion--etl"),
        ("Fuzzing and delta-debugging/reducing", "fuzzing-and-delta-debuggingreducing"),
        ("Node.js management", "nodejs-management"),
        ("C++", "c"),
        ("C#", "c"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("Q&A: what? (yes!)", "qa-what-yes"),
        ("딥러닝 & 강화 학습", "딥러닝--강화-학습"),
        ("Ünïcödé Wörds", "ünïcödé-wörds"),
        ("Web3 & 2024", "web3--2024"),
    ],
)
def test_plain_headings(heading: str, slug: str) -> None:
    assert slugify(rendered_text(heading)) == slug


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("🚀 Rockets", "-rockets"),  # the emoji goes, its space stays
        ("❤️ Love", "-love"),  # U+2764 and the variation selector U+FE0F both go
        ("Love ❤\ufe0f", "love-"),
        ("👩\u200d💻 Coders", "-coders"),  # zero-width joiner sequences go whole
        (":tada: Party", "tada-party"),  # a shortcode is text in the source
    ],
)
def test_emoji_and_variation_selectors(heading: str, slug: str) -> None:
    assert slugify(rendered_text(heading)) == slug


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("**Bold** and _em_", "bold-and-em"),
        ("Use `npm i`", "use-npm-i"),
        ("[Tools](https://example.com/tools) and more", "tools-and-more"),
        ("Awesome ML [![Awesome](https://awesome.re/b.svg)](https://awesome.re)", "awesome-ml-"),
        ("A <b>bold</b> move", "a-bold-move"),
        ("Contents <!-- omit in toc -->", "contents-"),
        ("Tom &amp; Jerry", "tom--jerry"),
        (r"Escaped \*stars\*", "escaped-stars"),
        ("https://example.com", "httpsexamplecom"),
    ],
)
def test_slug_comes_from_the_rendered_text(heading: str, slug: str) -> None:
    assert slugify(rendered_text(heading)) == slug


def test_reference_links_render_as_their_text() -> None:
    refs = reference_map([("home", "https://example.com")])
    assert rendered_text("[Home][home] page", refs) == "Home page"
    assert rendered_text("[Home][home] page") == "[Home][home] page"


def test_bare_urls_render_after_emphasis_entities_and_escapes() -> None:
    # GitHub links a bare URL last (its autolink extension runs on text already read);
    # mistune's url plugin, in the parser's own instance, takes the URL first
    assert rendered_text("See https://x.com/*a*") == "See https://x.com/a"
    assert rendered_text("x https://a.com/&amp; y") == "x https://a.com/& y"
    assert rendered_text(r"a https://x.com/a\_b c") == "a https://x.com/a_b c"


def test_duplicates_get_numbered_like_github_slugger() -> None:
    assert unique_slugs(["Tools", "Tools", "Tools"]) == ["tools", "tools-1", "tools-2"]
    # a suffix already taken by a real heading is skipped
    assert unique_slugs(["a", "a", "a-1", "a"]) == ["a", "a-1", "a-1-1", "a-2"]
    slugger = Slugger()
    assert [slugger.slug(t) for t in ("Misc", "misc", "MISC!")] == ["misc", "misc-1", "misc-2"]


@given(st.text(max_size=40))
def test_slugs_are_lowercase_without_spaces_or_punctuation(text: str) -> None:
    slug = slugify(text)
    assert " " not in slug
    assert slug == slug.lower()
    assert not any(c in slug for c in "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~\ufe0f")
    assert slugify(slug) == slug  # already a slug: unchanged
