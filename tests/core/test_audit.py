"""The fix loop's incremental loss audit (``lost_in_change``: words counted on the changed
lines only, URL-shaped text carried over) equals the whole-document audit
(``lost(inventory(before), inventory(after), allowed)``) on random edits of list-like
texts: it must be exactly as strict, and name exactly the same losses."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.config import Config
from awesomelint.document import Document
from awesomelint.engine import lint
from awesomelint.entries.keys import url_texts, urlish
from awesomelint.fixer.apply import fix_document
from awesomelint.fixer.audit import _changed_lines, inventory, lost, lost_in_change, marks
from awesomelint.fixer.edits import apply_edits, choose
from awesomelint.fixer.near import apart_near
from awesomelint.markdown import parse
from awesomelint.model import Edit

ROOT = Path(__file__).resolve().parent.parent.parent
_SOURCES = [
    (ROOT / "tests" / "data" / name).read_text("utf-8")
    for name in ("lists-like.md", "seed-like.md")
] + [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.md"))]
_LINES = [line for text in _SOURCES for line in text.splitlines()]

# what fixes insert, and what breaks things: line breaks of every kind, list markers,
# indents, URL-shaped text and its edges, code fences, brackets
_PIECES = [
    "", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "- ", "* ", "1. ", "    ", "> ",
    "word", "Word.", "x", "https://new.example/a", "www.w.example", "http://a.b/c)", "(",
    ")", "://", "```\n", "\n```\n", "`", "[", "]", "](", "[a](https://l.example/x)",
    "<https://auto.example>", "# ", "\ufeff", "é", "-", ".",
]  # fmt: skip


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """A window of lines of the bundled lists, with its line breaks as drawn."""
    start = draw(st.integers(0, len(_LINES) - 1))
    lines = _LINES[start : start + draw(st.integers(1, 30))]
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    return bom + eol.join(lines) + draw(st.sampled_from(["", eol]))


@st.composite
def _edits(draw: st.DrawFn, text: str) -> list[Edit]:
    """Non-overlapping edits (as ``choose`` picks them), given in any order."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if draw(st.booleans()):
            b = a  # an insertion
        content = draw(st.sampled_from(_PIECES))
        if draw(st.booleans()):
            content += draw(st.sampled_from(_PIECES))
        edits.append(Edit(a, b, content))
    # (two insertions at one point are never chosen together)
    seen: set[int] = set()
    unique = []
    for e in edits:
        if e.start == e.end and e.start in seen:
            continue
        seen.add(e.start)
        unique.append(e)
    return draw(st.permutations(unique))


def _fresh(text: str) -> Document:
    """A Document of ``text`` with nothing computed (parse returns the Document it just
    made for the same text, and the audit memoises on it)."""
    return copy.copy(parse(text))


def _whole(text: str) -> Counter[str]:
    return inventory(_fresh(text))  # nothing carried over


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_audit_equals_the_whole_one(data: st.DataObject) -> None:
    text = data.draw(_texts())
    edits = data.draw(_edits(text))
    new_text = apply_edits(text, edits)
    before, after = _fresh(text), _fresh(new_text)
    whole_before, whole_after = _whole(text), _whole(new_text)
    # nothing allowed; what some unsafe fix might announce; more than was there
    allowances = [
        Counter(),
        Counter({k: n for i, (k, n) in enumerate(sorted(whole_before.items())) if i % 3 == 0}),
        whole_before,
    ]
    for allowed in allowances:
        assert lost_in_change(before, after, edits, allowed) == lost(
            whole_before, whole_after, allowed
        )
    # the URL-shaped text given to the new Document is the whole text's
    assert url_texts(after) == urlish(new_text)
    assert inventory(after) == whole_after


def test_incremental_audit_sees_a_lost_word_a_lost_url_and_a_lost_entry() -> None:
    text = "# T\n\n- [a](https://a.example) - Alpha words.\n- [b](https://b.example) - Beta.\n"
    doc = _fresh(text)
    cases = {
        "alpha": Edit(text.index("Alpha"), text.index("Alpha") + 6, ""),
        "url:https://b.example": Edit(text.index("(https://b"), text.index(" - Beta"), "()"),
        "item:https://a.example": Edit(text.index("- [a]"), text.index("- [a]") + 2, "    "),
    }
    for key, edit in cases.items():
        new_text = apply_edits(text, [edit])
        gone = lost_in_change(doc, _fresh(new_text), [edit], Counter())
        assert gone == lost(_whole(text), _whole(new_text), Counter())
        assert key in gone


def test_fix_loop_gives_what_the_whole_audit_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fix loop with the whole-document audit swapped back in: the same fixed text,
    fixes and findings, on the bundled lists with every rule, safe and unsafe."""
    from awesomelint.fixer import apply as loop

    def whole(
        before: Document, after: Document, edits: object, allowed: Counter[str]
    ) -> Counter[str]:
        return lost(_whole(before.text), _whole(after.text), allowed)

    settings_ = Config(select=("ALL",)).settings()
    for text in _SOURCES:
        for unsafe in (False, True):
            fast = fix_document(_fresh(text), lambda d: lint(d, settings_), unsafe=unsafe)
            with monkeypatch.context() as m:
                m.setattr(loop, "lost_in_change", whole)
                slow = fix_document(_fresh(text), lambda d: lint(d, settings_), unsafe=unsafe)
            assert (fast.text, fast.applied, fast.remaining) == (
                slow.text,
                slow.applied,
                slow.remaining,
            )


def test_the_new_document_is_not_scanned_whole_for_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    """The new Document's URL-shaped text is carried over (under url_texts' memo key),
    not read again from its whole text."""
    from awesomelint.entries import keys

    text = _SOURCES[0]
    edit = Edit(text.index("\n") + 1, text.index("\n") + 1, "Word.\n")
    before, after = _fresh(text), _fresh(apply_edits(text, [edit]))
    url_texts(before)
    scanned: list[int] = []
    real = keys.urlish

    def urlish_counted(part: str) -> list[tuple[int, str]]:
        scanned.append(len(part))
        return real(part)

    monkeypatch.setattr(keys, "urlish", urlish_counted)
    monkeypatch.setattr("awesomelint.fixer.audit.urlish", urlish_counted)
    lost_in_change(before, after, [edit], Counter())
    assert url_texts(after) == real(after.text)
    assert scanned and max(scanned) < len(text) // 10  # the changed lines only


def _near(before: Document, after: Document, edits: list[Edit]) -> object:
    """``apart_near`` of a change, given the changed lines' URL-shaped text as the audit
    reads it."""
    spans = _changed_lines(before, edits)
    found_before: list[tuple[int, str]] = []
    found_after: list[tuple[int, str]] = []
    shift = 0
    for a, b, grow in spans:
        found_before += [(a + s, u) for s, u in urlish(before.text[a:b])]
        part = after.text[a + shift : b + shift + grow]
        found_after += [(a + shift + s, u) for s, u in urlish(part)]
        shift += grow
    return apart_near(before, after, spans, found_before, found_after)


def _lost_alike(near: object, before: Document, after: Document) -> bool:
    """Whether ``near`` (the marks apart, found near the changed lines) loses what the
    whole marks lose, with any allowance (their counts may differ only by what both
    hold alike)."""
    assert isinstance(near, tuple)
    whole = marks(before).apart(marks(after))
    inv = marks(before).counter()
    allowances = [
        Counter(),
        Counter({k: n for i, (k, n) in enumerate(sorted(inv.items())) if i % 2}),
        inv,
    ]
    return all(lost(*near, allowed) == lost(*whole, allowed) for allowed in allowances)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_marks_found_near_the_changed_lines_are_the_whole_marks(data: st.DataObject) -> None:
    text = data.draw(_texts())
    edits = data.draw(_edits(text))
    before, after = _fresh(text), _fresh(apply_edits(text, edits))
    near = _near(before, after, edits)
    if near is not None:
        assert _lost_alike(near, _fresh(text), _fresh(after.text))


def test_the_fix_passes_of_the_bundled_lists_take_the_shortcut() -> None:
    """Every rule's fixes (safe, then unsafe too) of the bundled lists: the marks found
    near the changed lines lose what the whole marks lose, and are found so (no fallback
    to the whole marks) - the shortcut is what the fix loop runs."""
    settings_ = Config(select=("ALL",)).settings()
    taken = 0
    for text in _SOURCES:
        for unsafe in (False, True):
            doc = _fresh(text)
            edits = [e for f in choose(lint(doc, settings_), unsafe) if f.fix for e in f.fix.edits]
            if not edits:
                continue
            after = _fresh(apply_edits(text, edits))
            near = _near(_fresh(text), after, edits)
            assert near is not None
            assert _lost_alike(near, _fresh(text), _fresh(after.text))
            taken += 1
    assert taken >= len(_SOURCES)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # a fence opened: the URLs below it become code
        ("- a\n\nText https://a.example/x\n\n- b https://b.example\n", "- a\n", "```\n"),
        # a reference definition changed: a link on an unchanged line moves
        ("- [a][r] - A.\n\nx\n\n[r]: https://old.example\n", "https://old", "https://new"),
        # a code span from a changed line into an unchanged one
        ("Text `a\nb https://b.example`\n", "Text `a", "Text a"),
    ],
)
def test_no_shortcut_when_the_parses_differ_on_unchanged_lines(
    text: str, old: str, new: str
) -> None:
    """Where the parse of an unchanged line changes, the marks are compared whole."""
    at = text.index(old)
    edits = [Edit(at, at + len(old), new)]
    after = _fresh(apply_edits(text, edits))
    assert _near(_fresh(text), after, edits) is None
    gone = lost_in_change(_fresh(text), after, edits, Counter())
    assert gone == lost(_whole(text), _whole(after.text), Counter())


def test_a_url_an_unchanged_line_holds_is_not_lost() -> None:
    """A URL removed from a changed line but standing on an unchanged one (outside code)
    is kept; in code only, its link is lost."""
    text = "- [a](https://a.example) - A.\n- b https://a.example\n"
    cut = text.index("- b")
    edits = [Edit(cut, len(text), "- b\n")]
    after = _fresh(apply_edits(text, edits))
    near = _near(_fresh(text), after, edits)
    assert near is not None and "url:https://a.example" not in near[0]
    coded = "- [a](https://a.example) - A.\n- `https://a.example`\n- c https://a.example\n"
    cut = coded.index("- c")
    edits = [Edit(cut, len(coded), "- c\n")]
    after = _fresh(apply_edits(coded, edits))
    near = _near(_fresh(coded), after, edits)
    assert near is not None
    assert "url:https://a.example" not in near[0] and "live:https://a.example" not in near[0]
    assert _lost_alike(near, _fresh(coded), _fresh(after.text))


def test_a_fix_that_takes_the_byte_order_mark_along_loses_it() -> None:
    """The first line of a text with a BOM starts after it; an edit from offset 0 (a rule
    that removed "the first line" from 0, as no-ci-badge did) would drop it from the file."""
    text = "\ufeff[![CI](https://ci.example/b.svg)](https://ci.example)\n\n# T\n"
    for start, loses in ((0, True), (1, False)):
        edit = Edit(start, text.index("# T"), "")
        new_text = apply_edits(text, [edit])
        gone = lost_in_change(_fresh(text), _fresh(new_text), [edit], Counter())
        assert gone == lost(_whole(text), _whole(new_text), Counter())
        assert ("the byte order mark" in gone) is loses
