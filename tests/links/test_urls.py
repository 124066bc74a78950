"""URL normalisation (awesomelint.links.urls) and URL-derived titles (links.titles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.links.titles import humanize, title_from_url
from awesomelint.links.urls import _normalize, _simple_key, normalize
from awesomelint.markdown import parse

SAME = [
    # scheme, www, host case, default port
    ("http://example.com/a", "https://example.com/a"),
    ("https://www.example.com/a", "https://example.com/a"),
    ("https://WWW.Example.COM/a", "https://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:80/a", "https://example.com/a"),
    ("https://example.com./a", "https://example.com/a"),
    # trailing slash and index files
    ("https://example.com/a/", "https://example.com/a"),
    ("https://example.com/", "https://example.com"),
    ("https://example.com/a/index.html", "https://example.com/a"),
    ("https://example.com/a/index.htm", "https://example.com/a"),
    ("https://example.com/index.php", "https://example.com"),
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    # percent-encoding
    ("https://example.com/%7Euser", "https://example.com/~user"),
    ("https://example.com/%61bc", "https://example.com/abc"),
    ("https://example.com/a%2fb", "https://example.com/a%2Fb"),
    ("https://example.com/a b", "https://example.com/a%20b"),
    ("https://ko.wikipedia.org/wiki/딥러닝", "https://ko.wikipedia.org/wiki/%EB%94%A5%EB%9F%AC%EB%8B%9D"),
    ("https://ko.wikipedia.org/wiki/%eb%94%a5", "https://ko.wikipedia.org/wiki/%EB%94%A5"),
    # tracking parameters, query order, empty fragment
    (
        "http://distill.pub/2016/augmented-rnns/?utm_content=buffer55654&utm_medium=social"
        "&utm_source=twitter.com&utm_campaign=buffer",
        "http://distill.pub/2016/augmented-rnns/",
    ),
    ("https://example.com/a?fbclid=IwAR&gclid=1&msclkid=2&dclid=3", "https://example.com/a"),
    ("https://example.com/a?yclid=1&mc_cid=2&mc_eid=3&igshid=4", "https://example.com/a"),
    ("https://example.com/a?ref=producthunt&ref_src=twsrc", "https://example.com/a"),
    ("https://example.com/a?_hsenc=1&_hsmi=2&spm=a2c&mkt_tok=x", "https://example.com/a"),
    ("https://example.com/a?UTM_Source=x", "https://example.com/a"),
    ("https://example.com/s?b=2&a=1", "https://example.com/s?a=1&b=2"),
    ("https://example.com/s?a=1&&b=2&", "https://example.com/s?b=2&a=1"),
    ("https://example.com/a#", "https://example.com/a"),
    ("https://www.youtube.com/watch?v=x&feature=share&si=abc", "https://youtube.com/watch?v=x"),
    ("https://twitter.com/karpathy?s=20&t=abc", "https://twitter.com/karpathy"),
    # Markdown spellings of one destination
    ("<https://example.com/a>", "https://example.com/a"),
    (r"https://example.com/some\_page", "https://example.com/some_page"),
    ("https://example.com/a?x=1&amp;y=2", "https://example.com/a?x=1&y=2"),
    ("  https://example.com/a  ", "https://example.com/a"),
    # internationalised hosts
    ("https://xn--bcher-kva.example/", "https://bücher.example"),
    ("https://BÜCHER.example/", "https://bücher.example"),
    ("//example.com/a", "https://example.com/a"),
]

DIFFERENT = [
    ("https://example.com/docs#install", "https://example.com/docs#usage"),
    ("https://example.com/docs#install", "https://example.com/docs"),
    ("https://example.com/list?page=1", "https://example.com/list?page=2"),
    ("https://example.com/a", "https://example.com/A"),
    ("https://docs.example.com/a", "https://example.com/a"),
    ("https://example.com:8080/a", "https://example.com/a"),
    ("https://github.com/o/r?ref=main", "https://github.com/o/r?ref=dev"),
    ("https://example.com/a%2Fb", "https://example.com/a/b"),
    ("https://example.com/a+b", "https://example.com/a%20b"),
]

NOT_HTTP = [
    "#top",
    "#",
    "",
    "   ",
    "CONTRIBUTING.md",
    "./docs/guide.md",
    "/absolute/path",
    "mailto:me@example.com",
    "ftp://example.com/file",
    "javascript:alert(1)",
    "tel:+123",
    "https:example.com",
    "http://",
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_target(a: str, b: str) -> None:
    assert normalize(a) is not None
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_targets(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


@pytest.mark.parametrize("url", NOT_HTTP)
def test_not_http(url: str) -> None:
    assert normalize(url) is None


def test_key_shape() -> None:
    assert normalize("HTTP://WWW.Example.com:443/a/index.html?b=2&a=1&utm_medium=x#top") == (
        "https://example.com/a?a=1&b=2#top"
    )


TITLES = [
    ("https://twitter.com/karpathy", "karpathy on Twitter"),
    ("https://twitter.com/OpenAI ", "OpenAI on Twitter"),
    ("https://x.com/karpathy", "karpathy on X"),
    ("https://twitter.com/karpathy/status/123", "Tweet by karpathy"),
    ("https://github.com/songrotek/Deep-Learning-Papers-Reading-Roadmap",
     "songrotek/Deep-Learning-Papers-Reading-Roadmap"),
    ("https://github.com/owner/repo/", "owner/repo"),
    ("https://github.com/owner/repo.git", "owner/repo"),
    ("https://github.com/owner/repo/issues/1", "owner/repo"),
    ("https://github.com/karpathy/paper-notes/blob/master/matching_networks.md",
     "Matching networks (karpathy/paper-notes)"),
    ("https://github.com/AI-ON", "AI-ON on GitHub"),
    ("https://gitlab.com/qonfucius/aragog", "qonfucius/aragog"),
    ("https://gist.github.com/someone/0123abcd", "Gist by someone"),
    ("https://www.youtube.com/watch?v=emY34tSKXc4", "YouTube video emY34tSKXc4"),
    ("https://www.youtube.com/watch?v=BS6O0zOGX4E&list=PLlMkM4t", "YouTube video BS6O0zOGX4E"),
    ("https://youtu.be/emY34tSKXc4", "YouTube video emY34tSKXc4"),
    ("https://www.youtube.com/playlist?list=PL123", "YouTube playlist PL123"),
    ("https://www.youtube.com/@someone", "someone on YouTube"),
    ("https://arxiv.org/abs/1611.01576", "arXiv 1611.01576"),
    ("https://arxiv.org/pdf/1611.01576v1.pdf", "arXiv 1611.01576"),
    ("http://arxiv.org/abs/1603.02518v2", "arXiv 1603.02518"),
    ("https://tensorflowkorea.wordpress.com/2016/10/25/deep-learning-papers-reading-roadmap/",
     "Deep learning papers reading roadmap"),
    ("https://tensorflowkorea.wordpress.com/2016/10/31/%ED%95%B4%EC%BB%A4%EC%97%90%EA%B2%8C"
     "-%EC%A0%84%ED%95%B4%EB%93%A4%EC%9D%80-%EB%A8%B8%EC%8B%A0%EB%9F%AC%EB%8B%9D/",
     "해커에게 전해들은 머신러닝"),
    ("http://domedb.perception.cs.cmu.edu/dataset.html", "Dataset"),
    ("https://medium.com/@surmenok/how-to-run-text-summarization-with-tensorflow-d4472587602d",
     "How to run text summarization with tensorflow"),
    ("http://learningtensorflow.com/", "learningtensorflow.com"),
    ("https://www.example.com", "example.com"),
    ("http://dpkingma.com/?page_id=483", "dpkingma.com"),
    ("https://example.com/2016/07/24/", "example.com"),
    ("https://xn--bcher-kva.example/", "bücher.example"),
    ("mailto:me@example.com", "me@example.com"),
    ("docs/getting_started.md", "Getting started"),
]  # fmt: skip


@pytest.mark.parametrize(("url", "title"), TITLES)
def test_title_from_url(url: str, title: str) -> None:
    assert title_from_url(url) == title


@pytest.mark.parametrize(
    ("segment", "title"),
    [
        ("deep-learning-papers-reading-roadmap", "Deep learning papers reading roadmap"),
        ("Deep_Learning.pdf", "Deep Learning"),
        ("node.js", "Node.js"),
        ("QUASI-RECURRENT", "QUASI RECURRENT"),
    ],
)
def test_humanize(segment: str, title: str) -> None:
    assert humanize(segment) == title


_URLISH = st.builds(
    lambda scheme, host, rest: f"{scheme}{host}{rest}",
    st.sampled_from(["http://", "https://", "HTTP://", "//", "<https://", "ftp://", ""]),
    st.text(min_size=0, max_size=20),
    st.text(min_size=0, max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), _URLISH))
def test_normalize_never_raises_and_is_idempotent(raw: str) -> None:
    key = normalize(raw)
    if key is not None:
        assert normalize(key) == key


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _URLISH))
def test_title_never_raises(raw: str) -> None:
    assert isinstance(title_from_url(raw), str)


# -- normalize's fast path (_simple_key) answers exactly what the general way does ------

# pieces at the edges of the fast path's shape: case, www., punycode, ports, userinfo,
# dot segments, index files, trailing slashes, percent-escapes, entities, query, fragment
_SCHEMES = ["http://", "https://", "HTTPS://", "Http://", "//", "<https://", " https://"]
_HOST_PIECES = ["www.", "WWW.", "xn--bcher-kva", "xn--", "example", "Ex-Ample", "com", ".",
                "-", "", "a_b", ":443", ":8080", "@", "user@", "[::1]", "%41", "é"]  # fmt: skip
_PATH_PIECES = ["/", "//", "/.", "/..", "/.git", "/index.html", "/INDEX.HTM", "/index.php",
                "/a", "/~u", "/%7E", "/%2f", "/a&amp;b", "/&", "/!$'()*+,;=:@", "/ ",
                "?q=1", "?utm_source=x", "#f", "#", "/é", "\\_", ">", "\t"]  # fmt: skip
_NEAR_SIMPLE = st.builds(
    lambda scheme, host, path: scheme + "".join(host) + "".join(path),
    st.sampled_from(_SCHEMES),
    st.lists(st.sampled_from(_HOST_PIECES), max_size=5),
    st.lists(st.sampled_from(_PATH_PIECES), max_size=6),
)


def _agrees(url: str) -> bool:
    fast = _simple_key(url)
    return fast is None or fast == _normalize(url)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_NEAR_SIMPLE, _URLISH))
def test_simple_key_equals_normalize(url: str) -> None:
    assert _agrees(url), (url, _simple_key(url), _normalize(url))


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://github.com/owner/repo", "https://github.com/owner/repo"),
        ("http://WWW.Example.com/a/b/", "https://example.com/a/b"),
        ("https://example.com", "https://example.com"),
        ("https://example.com/", "https://example.com"),
        ("https://xn--bcher-kva.example/a.b", "https://bücher.example/a.b"),
        ("https://example.com/a:b@c/(d)", "https://example.com/a:b@c/(d)"),
    ],
)
def test_simple_key_takes_the_usual_links(url: str, key: str) -> None:
    assert _simple_key(url) == key == _normalize(url)


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://example.com/a",  # scheme case: the general way
        "https://example.com/a/./b",
        "https://example.com/a/index.html",
        "https://example.com/a?b=1",
        "https://example.com/a#b",
        "https://example.com:443/a",
        "https://example.com/%7Eu",
        "https://example.com/a&amp;b",
        " https://example.com/a",
        "https://./a",  # no host left
    ],
)
def test_simple_key_declines_the_rest(url: str) -> None:
    assert _simple_key(url) is None


def test_simple_key_on_the_corpus(corpus: Path) -> None:
    taken = 0
    for path in sorted(corpus.glob("*.md")):
        for link in parse(path.read_text(encoding="utf-8")).links:
            assert _agrees(link.url), link.url
            taken += _simple_key(link.url) is not None
    assert taken > 1000  # the fast path was really compared
