"""list-item-format (A004): entries read `- [Name](url) - Description.`

## What it does
Checks every entry of the list (a list item whose first thing is a link to a resource;
see below) against the awesome-list convention
`- [Name](url) - Description.`:

- the link and the description are separated by `" - "`: an en dash or em dash, a colon,
  an arrow, a non-breaking space, missing or doubled spaces are reported, and so is a
  description that follows the link with no separator at all;
- the description starts with a capital letter. A lowercase English word (`invalid`,
  `collection`, `a`, `chainable`: one of SCOWL's ~40,000 common words bundled in
  `rules/english_words.txt`, or a few tech words such as `realtime`), a lowercase acronym
  (`json`, `cli`) or a product name with a capital (`redis`) is reported; words with their
  own casing are fine: `npm`, `webpack`, `yarn`, `tar`, `iOS`, `jQuery`, camelCase and
  PascalCase identifiers, names with digits, dots, slashes or underscores, the entry's
  own lowercase name (`- [immudb](...) - immudb is ...`, left to repeated-item-name) or a
  name from its URL (`- [Router](https://github.com/go-chi/chi) - chi middleware`), a
  name compared with (`chi-like router`, `ranger-style`), inline code, links, quotes,
  emoji and scripts without case (Korean, Chinese, Japanese, ...);
- the description ends with `.`, `!`, `?` or `…` (or `。！？`), possibly followed by a
  closing quote, parenthesis or emphasis marker; trailing badges, emoji and inline HTML are
  ignored, and a parenthetical after a finished sentence (`Fast. (Deprecated)`) is fine;
- it ends with one mark, not two: `end?.`, `etc..`, `"end?".`, `“end!”!` are reported; an
  ellipsis (`...`, or `..` after a non-Latin letter), `?!` and `(even PDF!).` are fine;
- the description is not only inline code.

Entries without a description (`- [Name](url)`), or with only a tag such as
`**[Deprecated]**` or `(beta)`, are fine - unless the description is written inside the
link text: `[Flask - A micro web framework](https://flask.palletsprojects.com)` (or with
an en dash, em dash or colon). Only when it plainly is a name and a description: the
name (at most four words) appears in the URL, and what follows the separator has three
words or more and reads as a sentence, not as a title - or, after a dash, the name is
the repository or package the URL points to (`[k3s - Lightweight Kubernetes](https://
github.com/k3s-io/k3s)`, `awesome-<name>` too) and two words follow. So book and talk
titles (`[Go: The Complete Guide]`, `[Rob Pike - Concurrency is not parallelism](youtube)`),
places (`[Go Ireland - Dublin]`), parts (`[Tutorial - Part 1]`) and names with a dash
(`[Vue - Router]`, `[react-router]`) are left alone. Items whose first thing is plain
text (`- CNN`) are not entries, and neither are the table of contents (the lists of
in-page `[Name](#anchor)` links, wherever they are) and the title and introduction before
the first H2. Sections nested under the Contents heading (`## Contents`, then `### Tools`)
hold entries like any other.

## Why is this bad
Readers scan an awesome list by its shape: name, dash, one-sentence description. Entries
that deviate look unfinished, and awesome-lint (which the awesome list of lists requires)
reports them. awesome-lint fixes none of them; most are mechanical.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) – a micro framework
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

## Fix safety
Safe. The separator fix replaces it by `" - "` (or inserts `" - "` before a description
that starts with a capital letter); the final-period fix inserts `.` after the last
character, after any closing parenthesis, quote, code span or link, and before trailing
badges and tags; both touch punctuation only. No period is added after a trailing bare
URL (it could become part of the URL) or after `,`, `;`, `:` or a dash, and no separator
is inserted before a lowercase word (`[Book](url) by Someone` may not be a description).
The casing fix changes the case of the first word only, and is only offered for ordinary
English words (`simple` -> `Simple`), acronyms (`json` -> `JSON`) and product names
with a known spelling (`redis` -> `Redis`), never for identifiers or other names.
The doubled-punctuation fix removes the second mark (`?.` -> `?`); it is unsafe when
that drops a different `!` or `?` (`"why?"!`). Moving a description out of the link
text is unsafe: the text may be a title after all; the fix removes it from the link
text and writes it after the link (`[Flask](url) - A micro web framework`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.entries.shape import Entry, entries
from awesomelint.entries.text import SPACES, is_emoji
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._descriptions import doubled_end, inner_description, is_english
from awesomelint.rules._spelling import (
    ACRONYMS,
    COMMAND_WORDS,
    ENGLISH_SUFFIXES,
    LOWERCASE_NAMES,
    SPELLING,
)

_TERMINAL = ".!?…。！？"
_CLOSERS = ")]\"'”’」』》）】*_"
_NO_PERIOD_AFTER = ",;:-–—/\\|&("
_TOKEN = lazy(r"\S+")
_IDENTIFIER = lazy(r"[._/@#+:\\=<>~$%&*0-9A-Z]")
_WORD = lazy(r"[a-z]+")
_URL_PARTS = lazy(r"[^a-z0-9_.-]+")
# "chi-like router", "ranger-style": what comes before is a name, compared with
_LIKE = ("-like", "-style", "-esque", "-inspired", "-compatible", "-flavored", "-flavoured")
# URL-shaped text running to the end (not a link's destination: that stops at its ')')
_URL_SHAPED = lazy(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s<>\[\]\"'`()]*\Z")
# a trailing tag that is not a link: "**[Deprecated]**", "[WIP]"
_TAG = lazy(r"[ \t]*[*_]*\[[^\]\[]*\][*_]*[ \t]*$")
# a link to an anchor of the page continuing the item: "**[⬆ back to top](#contents)**"
_SHORTCODE = lazy(r"[ \t]*:[a-z0-9_+-]+:[ \t]*$")  # ":heavy_dollar_sign:"
_BACK = lazy(r"\s*[*_]*\[[^\]\[]*\]\(#[^)\s]*\)[*_]*[ \t]*$")


def _describe(gap: str) -> str:
    for mark, what in (
        ("–", "an en dash"),
        ("—", "an em dash"),
        ("->", "an arrow"),
        ("=>", "an arrow"),
        (":", "a colon"),
        ("\u00a0", "a non-breaking space"),
    ):
        if mark in gap:
            return what
    if "-" not in gap:
        return "no dash"
    return "wrong spacing around the dash"


def _separator(ctx: Context, e: Entry) -> Iterator[Problem]:
    text = ctx.doc.text
    gap = text[e.gap_start : e.gap_end]
    at, to = e.gap_start, max(e.gap_end, e.gap_start + 1)
    # at the end of a line the line break is the space after the dash (and trailing
    # spaces go: a " - " there would leave one for trailing-whitespace to take back)
    want = " -" if e.eol else " - "
    fix = Fix('Replace the separator with " - "', (Edit(e.gap_start, e.gap_end, want),))
    if e.separator == "malformed":
        shown = gap.replace("\u00a0", "\\u00a0").replace("\t", "\\t")
        yield Problem(f'Entry separator "{shown}" should be " - " ({_describe(gap)})', at, to, fix)
    elif e.separator == "missing":
        yield Problem(
            'Missing " - " between the link and the description',
            at,
            to,
            fix if _clear_start(text[e.gap_end]) and gap.strip(SPACES) == "" and gap else None,
        )


def _clear_start(ch: str) -> bool:
    """Whether a description starting with ``ch`` plainly is one: not "by ...", ", ..."."""
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.isascii()) or (
        is_emoji(ch) or ch in "`\"“「『《【"
    )


def _casing(ctx: Context, e: Entry) -> Problem | None:
    doc, text = ctx.doc, ctx.doc.text
    p = e.gap_end
    while p < e.end and text[p] in "*_":
        p += 1
    if p >= e.end or not "a" <= text[p] <= "z" or doc.in_region(p):
        return None
    m = _TOKEN.match(text, p, e.end)
    assert m is not None
    token = m.group(0).rstrip(".,;:!?)\"'’…")
    if _IDENTIFIER.search(token):
        return None
    low = token.lower()
    name = e.name.casefold()
    own = low in (name, name.rsplit("/", 1)[-1])
    if own or (low not in ACRONYMS and low in _URL_PARTS.split(e.link.url.casefold())):
        return None  # the entry's own name or a name from its URL: "immudb is ..."
    w = _WORD.match(low)
    assert w is not None
    word = w.group(0)
    if low[len(word) :][:1] not in ("", "-", "'", "’"):
        return None
    if low[len(word) :].startswith(_LIKE) and word not in SPELLING and word not in ACRONYMS:
        return None
    after = _TOKEN.match(text, m.end() + 1, e.end) if text[m.end() : m.end() + 1] == " " else None
    if after is not None and after.group(0) in COMMAND_WORDS.get(word, ()):
        return None  # "go generate based ...": a command, not the word "Go"
    if word in SPELLING:
        right = SPELLING[word]
        if not right[0].isupper():
            return None
    elif word in ACRONYMS or (word.endswith("s") and word[:-1] in ACRONYMS):
        right = word.upper() if word in ACRONYMS else word[:-1].upper() + "s"
    elif word in LOWERCASE_NAMES:
        return None
    elif is_english(word) or (len(word) >= 7 and word.endswith(ENGLISH_SUFFIXES)):
        right = word[0].upper() + word[1:]
    else:
        return None
    return Problem(
        f'Description starts with lowercase "{word}"; start it with a capital letter',
        p,
        p + len(word),
        Fix(f'Write "{right}"', (Edit(p, p + len(word), right),)),
    )


def _ending(
    ctx: Context, e: Entry, code: dict[int, int], html: dict[int, int]
) -> Problem | None:
    doc, text = ctx.doc, ctx.doc.text
    links = doc.links_between(e.gap_end, e.end)  # (most descriptions have none)
    ends = {lk.end: lk for lk in links if lk.parent is None} if links else {}
    end = e.end
    stripped = False  # badges, tags or emoji stripped: a dash before them goes too
    # (most descriptions end in a terminal mark with no link or HTML ending there: then
    # they end in no badge, tag or emoji either - those end in ")", "]", ":", ">" or the
    # emoji - and the loop would strip nothing)
    plain_end = not links and end not in html and text[end - 1] in _TERMINAL
    while not plain_end:
        while end > e.gap_end and text[end - 1] in (SPACES + "-–—|" if stripped else SPACES):
            end -= 1
        lk = ends.get(end)
        if lk is not None and (lk.image or (lk.text or "").lstrip().startswith("![")):
            end, stripped = lk.start, True
            continue
        if end in html and html[end] > e.gap_end:  # a trailing <img>, <br> or <sup>
            end, stripped = html[end], True
            continue
        tag = _trailing_tag(text, e.gap_end, end)
        if tag is not None and tag.end() == end and tag.start() > e.gap_end:
            end, stripped = tag.start(), True
            continue
        if end > e.gap_end and is_emoji(text[end - 1]):
            while end > e.gap_end and is_emoji(text[end - 1]):
                end -= 1
            stripped = True
            continue
        break
    if end <= e.gap_end:
        return None
    body_end = end
    while body_end > e.gap_end and text[body_end - 1] in _TERMINAL:
        body_end -= 1
    if code.get(e.gap_end) == body_end:
        message = "Description is only inline code; describe the entry in words"
        return Problem(message, e.gap_end, end)
    span = (end - 1, end)
    lk = ends.get(end)
    if lk is not None and lk.kind in ("inline", "reference"):
        if (lk.text or "").rstrip(" *_`")[-1:] in _TERMINAL:
            return None
        return _missing_period(span, end)
    if lk is not None and lk.kind == "bare":
        return _missing_period(span, None)
    c = text[end - 1]
    if c in _TERMINAL:
        return None if _url_shaped_end(text, e.gap_end, end) else doubled_end(text, e.gap_end, end)
    if c in _CLOSERS:
        k = end
        while k > e.gap_end and text[k - 1] in _CLOSERS + SPACES:
            k -= 1
        if k > e.gap_end and text[k - 1] in _TERMINAL:
            return None
        close = text.rfind(")", k, end)
        if close >= 0 and _sentence_before_paren(text, e.gap_end, close):
            return None
    if c in _NO_PERIOD_AFTER or _url_shaped_end(text, e.gap_end, end):
        # (a period after URL-shaped text, autolinked or not, may join it)
        return _missing_period(span, None)
    return _missing_period(span, end)


def _trailing_tag(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first of _TAG, _BACK and _SHORTCODE found in ``text[start:end]``; the patterns
    (each anchored at the end) are searched only where the text ends as they must: in
    "]" or ")" before emphasis and blanks, or in ":" before blanks."""
    k = end
    while k > start and text[k - 1] in " \t":
        k -= 1
    last = text[k - 1] if k > start else ""
    while k > start and text[k - 1] in "*_":
        k -= 1
    closing = text[k - 1] if k > start else ""
    tag = None
    if closing == "]":
        tag = _TAG.search(text, start, end)
    if tag is None and closing == ")":
        tag = _BACK.search(text, start, end)
    if tag is None and last == ":":
        tag = _SHORTCODE.search(text, start, end)
    return tag


def _url_shaped_end(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in URL-shaped text (``x://...``, ``www.``), where
    a period may be read as part of it."""
    if text.find("://", start, end) < 0 and text.find("www.", start, end) < 0:
        return False  # (no slice and split for the most descriptions: no URL anywhere)
    words = text[max(start, end - 2048) : end].rsplit(None, 1)
    if not words or ("://" not in words[-1] and "www." not in words[-1]):
        return False  # (what the pattern needs: most descriptions end in a plain word)
    return _URL_SHAPED.search(words[-1]) is not None


def _sentence_before_paren(text: str, start: int, close: int) -> bool:
    """Whether the parenthetical closing at ``close`` follows a finished sentence."""
    depth = 0
    for k in range(close, start - 1, -1):
        if text[k] == ")":
            depth += 1
        elif text[k] == "(":
            depth -= 1
            if depth == 0:
                before = text[start:k].rstrip(SPACES + "*_")
                return before[-1:] in tuple(_TERMINAL)
    return False


def _missing_period(span: tuple[int, int], at: int | None) -> Problem:
    fix = None
    if at is not None:
        fix = Fix("Add a period at the end of the description", (Edit(at, at, "."),))
    return Problem('Description should end with ".", "!", "?" or "…"', span[0], span[1], fix)


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.doc.text
    code = {r.start: r.end for r in ctx.doc.regions if r.kind == "codespan"}
    html = {r.end: r.start for r in ctx.doc.regions if r.kind == "inline_html"}
    for e in entries(ctx.doc):
        if e.separator == "none":
            inner = inner_description(text, e)
            if inner is not None:
                yield inner
            continue
        if e.separator != "ok":  # (most are: no generator for them)
            yield from _separator(ctx, e)
        if e.separator == "missing" and not _clear_start(text[e.gap_end]):
            continue
        casing = _casing(ctx, e)
        if casing is not None:
            yield casing
        ending = _ending(ctx, e, code, html)
        if ending is not None:
            yield ending


RULE = Rule(
    code="A004",
    name="list-item-format",
    summary="Entry not written as `- [Name](url) - Description.`",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
