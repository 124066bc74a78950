"""The loss audit: what a fix must keep (words, URLs, live links, list entries), what
unsafe fixes announce they remove, what a change lost, and the message naming it.

Entries and URL-shaped text are read from :mod:`awesomelint.entries` (``audit_keys``,
``url_texts``, ``urlish``), the one definition of both."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from awesomelint.document import CODE_REGIONS, Document
from awesomelint.entries.items import Item
from awesomelint.entries.keys import audit_keys, url_texts, urlish
from awesomelint.fixer.near import apart_near
from awesomelint.model import Edit, Finding

_WORD = re.compile(r"\w+")
_LIVE = "live:"  # a URL seen outside code
_ITEM = "item:"  # a list entry, by the first URL on its first line
_URL_TEXTS = "entries.url_texts"  # url_texts' memo key
_BOM = "the byte order mark"  # a text's leading U+FEFF (no word: words hold no space)


def inventory(doc: Document) -> Counter[str]:
    """Words and link targets of a document, and its byte order mark: what a safe fix
    must keep."""
    return _words(doc.text, url_texts(doc)) + marks(doc).counter() + _bom(doc)


def _bom(doc: Document) -> Counter[str]:
    """The byte order mark, as the inventory counts it: a fix that starts at offset 0
    must not take it along (the file would lose it)."""
    return Counter({_BOM: 1}) if doc.text.startswith("\ufeff") else Counter()


class Marks:
    """The inventory but its words: the URLs (each counts once), the URLs outside code
    (each once) and the list entries (by key, each as often as it is there)."""

    __slots__ = ("urls", "live", "items")

    def __init__(self, urls: frozenset[str], live: frozenset[str], items: Counter[str]) -> None:
        self.urls = urls
        self.live = live
        self.items = items

    def counter(self) -> Counter[str]:
        """As the inventory counts them (prefixed keys)."""
        inv: Counter[str] = Counter({"url:" + u: 1 for u in self.urls})
        inv.update({_LIVE + u: 1 for u in self.live})
        inv.update({_ITEM + k: n for k, n in self.items.items()})
        return inv

    def apart(self, other: Marks) -> tuple[Counter[str], Counter[str]]:
        """The inventory counts of this and ``other`` (as :meth:`counter` has them) on the
        keys where the two differ only: set operations, no loop over what both hold."""
        mine: Counter[str] = Counter({"url:" + u: 1 for u in self.urls - other.urls})
        theirs: Counter[str] = Counter({"url:" + u: 1 for u in other.urls - self.urls})
        mine.update({_LIVE + u: 1 for u in self.live - other.live})
        theirs.update({_LIVE + u: 1 for u in other.live - self.live})
        if self.items != other.items:
            for key in {k for k, _ in self.items.items() ^ other.items.items()}:
                if self.items[key]:
                    mine[_ITEM + key] = self.items[key]
                if other.items[key]:
                    theirs[_ITEM + key] = other.items[key]
        return mine, theirs


def marks(doc: Document) -> Marks:
    """A Document's :class:`Marks`, computed once per Document (a pass's new Document
    is the next pass's old one)."""
    return doc.memo("fixer.audit.marks", _marks)


def _marks(doc: Document) -> Marks:
    # bare URLs are already counted as URL-shaped text; mistune's reading of them can
    # differ from the text's (it takes `(url)[text]` for the URL `url)[text`)
    found = url_texts(doc)
    # URLs count once each: a safe fix may merge `[a]url` into `[a](url)`, never drop one
    urls = frozenset([lk.url for lk in doc.links if lk.kind != "bare"]).union([u for _, u in found])
    # a URL outside code must stay outside code: a fix that turns a link into a code
    # block keeps the URL's text but loses the link
    live = frozenset([url for start, url in found if not doc.in_region(start, CODE_REGIONS)])
    # every list entry must stay a list entry (re-indented or re-nested, never dropped,
    # merged into another or turned into a paragraph or code)
    return Marks(urls, live, Counter([key for _, key in audit_keys(doc)]))


def _words(text: str, found: list[tuple[int, str]]) -> Counter[str]:
    """The words of ``text`` outside its URL-shaped text ``found``, case-folded."""
    rest, at = [], 0
    for start, url in found:
        rest.append(text[at:start])
        at = start + len(url)
    rest.append(text[at:])
    # case-insensitive: a fix may capitalise a word (title case), never drop one
    return Counter(map(str.casefold, _WORD.findall(" ".join(rest))))


def _words_and_urls(text: str, urls: list[str]) -> Counter[str]:
    found = urlish(text)
    inv = _words(text, found)
    # URLs count once each: a safe fix may merge `[a]url` into `[a](url)`, never drop one
    inv.update({"url:" + u for u in [*urls, *(u for _, u in found)]})
    return inv


def lost_in_change(
    before: Document, after: Document, edits: Sequence[Edit], allowed: Counter[str]
) -> Counter[str]:
    """``lost(inventory(before), inventory(after), allowed)``, where ``after`` is the
    Document of ``before.text`` with ``edits`` applied, without counting the words of
    the whole text twice at every pass (tests/core/test_audit.py proves them equal).

    Words and URL-shaped text lie within one line (neither holds a line break), and the
    text outside the lines the edits touch is the same in both, with the same words: a
    word is lost only by what ``before - after`` keeps, which those lines alone decide.
    So words are counted on the changed lines only. The rest of the inventory (URLs,
    live links, list entries) depends on the whole parse: where the two parses agree
    outside the changed lines, the marks that differ are found near them
    (:func:`awesomelint.fixer.near.apart_near`); else they are taken from each Document
    whole, once per Document (:func:`marks`), ``after``'s URL-shaped text being
    ``before``'s, moved, with the changed lines' read again."""
    spans = _changed_lines(before, edits)
    old: Counter[str] = Counter()
    new: Counter[str] = Counter()
    near_before: list[tuple[int, str]] = []  # the changed lines' URL-shaped text
    near_after: list[tuple[int, str]] = []
    shift = 0
    for a, b, grow in spans:
        part = before.text[a:b]
        found = urlish(part)
        old.update(_words(part, found))
        near_before += [(a + start, url) for start, url in found]
        part = after.text[a + shift : b + shift + grow]
        found = urlish(part)
        new.update(_words(part, found))
        near_after += [(a + shift + start, url) for start, url in found]
        shift += grow
    # what both Documents hold as much of cancels out of ``before - after`` key by key,
    # and no entry key gained is among it: the keys where they differ are enough - read
    # near the changed lines when the parses agree elsewhere (fixer/near.py), else from
    # both Documents whole
    apart = apart_near(before, after, spans, near_before, near_after)
    if apart is None or before.has_memo(_URL_TEXTS):
        _carry_url_texts(before, after, spans)  # (cheap when before's is known)
    kept, now = apart or marks(before).apart(marks(after))
    kept.update(old)
    now.update(new)
    kept.update(_bom(before))
    now.update(_bom(after))
    return lost(kept, now, allowed)


def _changed_lines(doc: Document, edits: Sequence[Edit]) -> list[tuple[int, int, int]]:
    """The spans of whole lines of ``doc.text`` the edits touch, in order and apart (an
    unchanged line break between two): (start of the first line, end of the last line
    before its break, how many characters the edits in it add). An edit ending right
    after a line break touches the next line too."""
    spans: list[tuple[int, int, int]] = []
    starts, ends = doc.line_starts, doc.line_ends
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        # (min: with a BOM the first line starts after it, and an edit may start at 0)
        a = min(e.start, starts[doc.line_of(e.start) - 1])
        b = max(e.end, ends[doc.line_of(e.end) - 1])
        grow = len(e.content) - (e.end - e.start)
        if spans and a <= spans[-1][1]:  # on a line of the span before
            pa, pb, pg = spans.pop()
            a, b, grow = pa, max(pb, b), pg + grow
        spans.append((a, b, grow))
    return spans


def _carry_url_texts(before: Document, after: Document, spans: list[tuple[int, int, int]]) -> None:
    """Give ``after`` its URL-shaped text (``url_texts``, under its memo key) from
    ``before``'s: the same, moved, outside the changed spans; read again inside them.
    (Equal to ``urlish`` of the whole new text: no URL-shaped text holds a line break.
    tests/core/test_audit.py checks both that and that the key is still url_texts'.)"""
    after.memo(_URL_TEXTS, lambda _: _carried(before, after.text, spans))


def _carried(
    before: Document, text: str, spans: list[tuple[int, int, int]]
) -> list[tuple[int, str]]:
    old = url_texts(before)
    out: list[tuple[int, str]] = []
    i = shift = 0
    for a, b, grow in spans:
        while i < len(old) and old[i][0] < a:
            out.append((old[i][0] + shift, old[i][1]) if shift else old[i])
            i += 1
        while i < len(old) and old[i][0] < b:
            i += 1  # inside the span (a URL-shaped text lies within one line)
        part = text[a + shift : b + shift + grow]
        out += [(start + a + shift, url) for start, url in urlish(part)]
        shift += grow
    out += [(s + shift, u) for s, u in old[i:]] if shift else old[i:]
    return out


def allowance(doc: Document, fixes: Sequence[Finding]) -> Counter[str]:
    """What unsafe fixes announce they remove: the words, URLs and links they replace."""
    allowed: Counter[str] = Counter()
    url_spans: list[tuple[int, int, str]] | None = None
    keyed: tuple[tuple[Item, str], ...] | None = None
    ends: list[int] = []
    for f in fixes:
        if f.fix is None or f.fix.safe:
            continue
        for e in f.fix.edits:
            removed = doc.text[e.start : e.end]
            links = [lk for lk in doc.links_between(e.start, e.end) if lk.end <= e.end]
            urls = [lk.url for lk in links]
            # an edit of a link's destination alone (or of a reference definition's)
            # replaces that link's URL too, though the link starts before the edit
            if url_spans is None:
                url_spans = sorted((lk.url_start, lk.url_end, lk.url) for lk in doc.links)
            i = bisect_left(url_spans, (e.start, -1, ""))
            while i < len(url_spans) and url_spans[i][0] < e.end:
                if url_spans[i][1] <= e.end:
                    urls.append(url_spans[i][2])
                i += 1
            allowed.update(_words_and_urls(removed, urls))
            # entries keyed by a URL it replaces (a moved link's definition)
            allowed.update({_ITEM + u for u in urls})
            allowed.update({_LIVE + u for _, u in urlish(removed)})
            # the entries it removes or whose text it touches (a duplicate's removal, a
            # moved link's new URL)
            if keyed is None:
                keyed = audit_keys(doc)
                ends = [it.own_end for it, _ in keyed]
            j = bisect_right(ends, e.start)
            while j < len(keyed) and keyed[j][0].item.start < max(e.end, e.start + 1):
                allowed[_ITEM + keyed[j][1]] += 1
                j += 1
    return allowed


def lost(before: Counter[str], after: Counter[str], allowed: Counter[str]) -> Counter[str]:
    """What ``before`` had and ``after`` lacks beyond ``allowed``. An entry without a URL
    that gains one (a badge added to a heading inside a list item) is still there: each
    new URL-keyed entry makes up for one lost entry without a URL."""
    gone = before - after - allowed
    plain = gone.get(_ITEM, 0)
    if plain:
        gained = sum(
            n - before.get(k, 0)
            for k, n in after.items()
            if k.startswith(_ITEM) and k != _ITEM and n > before.get(k, 0)
        )
        if gained >= plain:
            del gone[_ITEM]
        elif gained:
            gone[_ITEM] = plain - gained
    return gone


def lost_by(before: Document, after: Document) -> Counter[str]:
    """What ``after`` lacks of ``before``'s words, URLs, live links and list entries: the
    self-check of every pass, for a change made outside the fixer (a review suggestion
    applied on its own). Empty when nothing is lost."""
    return lost(before.memo("fixer.audit.inventory", inventory), inventory(after), Counter())


def lost_words(before: str, after: str) -> Counter[str]:
    """The words and URL-shaped text of ``before`` that ``after`` lacks: the part of the
    self-check that a piece of text replaced by another can answer alone."""
    return _words_and_urls(before, []) - _words_and_urls(after, [])


def describe(doc: Document, gone: Counter[str], after: Document) -> str:
    """What a change of ``doc`` into ``after`` lost (``gone``), for the message: the lost
    words or URLs, else the link, else the list entry."""
    named = sorted(k.removeprefix("url:") for k in gone if not k.startswith((_LIVE, _ITEM)))
    if named:
        return repr(", ".join(named[:3]))
    live = sorted(k.removeprefix(_LIVE) for k in gone if k.startswith(_LIVE))
    if live:
        return repr(f"the link to {live[0]}")
    # the entry: one whose key was lost and whose first line no entry of the new text has
    # (spaces aside: fixes move them)
    keys = set(gone)
    left = Counter(
        "".join(_entry_line(after, it.item.index).split()) for it, _ in audit_keys(after)
    )
    candidates = []
    for it, key in audit_keys(doc):
        if _ITEM + key in keys:
            index = it.item.index
            line = _entry_line(doc, index)
            bare = "".join(line.split())
            candidates.append((left[bare] <= 0, index, line))
            left[bare] -= 1
    if not candidates:
        return "a list entry"
    _, index, line = max(candidates, key=lambda c: (c[0], -c[1]))
    return f"the list entry {line[:80]!r} (line {doc.items[index].line})"


def _entry_line(doc: Document, index: int) -> str:
    """An entry's first line from its marker on, spaces collapsed."""
    it = doc.items[index]
    return " ".join(doc.text[it.start : doc.line_ends[it.line - 1]].split())
