"""The rules' shortcuts (a cheap test that rules a line or a link out before the
general one) rule out only what the general test would: each compared with it on
generated input."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.document import Link
from awesomelint.links.urls import clean
from awesomelint.rules import heading_missing_space as hms
from awesomelint.rules._malformed import Spans, _seen, glued


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" #1.2aZé\t>-", max_size=12))
def test_heading_suspects_start_with_a_hash_in_four(line: str) -> None:
    # _suspects skips a line with no "#" in its first 4 characters unmatched
    if hms._SUSPECT.match(line) or hms._NUMBERED.match(line):
        assert "#" in line[:4]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["https://", "http://", "a.b", "/", "(", ")", "[", "]", "%20", " ", "?q="]),
        max_size=10,
    ).map("".join)
)
def test_glued_targets_need_two_schemes(url: str) -> None:
    # glued_targets skips a URL with at most one "://", bare (cut by _seen) or not
    if url.count("://") <= 1:
        assert glued(url) is None
        assert glued(_seen(url)) is None


_RAW_URLS = st.lists(
    st.sampled_from(["http", "s://", "#", "&", "num;", "#35;", "\\", "<", ">", " ", "a", "/"]),
    max_size=8,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_RAW_URLS)
def test_clean_keeps_what_the_link_rules_rule_out(raw: str) -> None:
    # empty-link skips a URL starting with "http"; broken-anchor one without "#" or "&"
    if raw.startswith("http"):
        assert clean(raw) not in ("", "#")
    if "#" not in raw and "&" not in raw:
        assert not clean(raw).startswith("#")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), max_size=10), st.integers(0, 14))
def test_spans_starting_at_is_the_bisection(starts: list[int], offset: int) -> None:
    # one dict lookup for what the bisection over the links (in source order) finds
    links = tuple(
        Link("inline", False, s, s + 3, "t", s + 1, "u", s + 2, s + 3) for s in sorted(starts)
    )
    i = bisect_right([lk.start for lk in links], offset) - 1
    expected = links[i] if i >= 0 and links[i].start == offset else None
    assert Spans(links).starting_at(offset) is expected
