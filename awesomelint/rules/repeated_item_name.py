"""repeated-item-name (A005): the description starts by repeating the entry's name.

## What it does
Finds entries whose description starts with the entry's own name as a word, compared
without regard to case: `- [Flask](https://flask.palletsprojects.com) - Flask is a micro
framework.`, `- [English](...) - English text corpus.`, `- [PostgreSQL](...) - PostgreSQL
client.` A name ends as a word before a space, the end, or punctuation that does not go
on with the word (`,`, `:`, `.`, ` - `). Names that start with a symbol count the same
(`[#hashtag]`, `[$dollar]`, `[@scope/pkg]`, `[.NET]`, `[~dots]`), written with or without
backslash escapes, and a description may leave the symbol out (`[#100DaysOfCode](...) -
100DaysOfCode is a challenge.`); so does a description that starts with a link whose text
starts with the name (`[MeTA : ModErn Text Analysis](...) is ...`).

Not reported, where awesome-lint's `no-repeat-item-in-description` is wrong: possessives
and compounds, which are other words (`[Redis] - Redis's own benchmarks.`, `[Go] -
Go-based tools.`, `[Vue] - Vue.js ...`, `[C] - C++ ...`); names that are function
words (`[A] - A tool ...`, `[The]`, `[This]`, `[just] - Just a ...`); and a name that
is a verb where the description starts with its imperative, which says what the package
does: a lowercase name capitalised (`[delay] - Delay a promise ...`, `[copy] - Copy
directory recursively.`), or any name followed by its object's article or determiner
(`[Merge] - Merge two types`, `[redact] - Redact a log`; a noun or adjective is
reported: `[health] - Health checker ...`, `[Go] - Go implementation`).

## Why is this bad
The name is already the link right before the description; repeating it makes every
line longer without telling the reader anything. awesome-lint reports it.

## Example
```markdown
- [Flask](https://flask.palletsprojects.com) - Flask is a micro framework.
```

Use instead:
```markdown
- [Flask](https://flask.palletsprojects.com) - A micro framework.
```

## Fix safety
Unsafe, and only where the name is the subject of the sentence: followed by a verb such
as `is`, `provides` or `lets` (also after an adverb: `Autograd automatically
differentiates`), or by a comma, colon or dash. The fix removes the name (and a
following `is`/`are`/`was`, comma, colon or dash) and capitalises the next word, which
rewrites the sentence: `Flask is a micro framework.` becomes `A micro framework.`, `rwdb
provides read replicas` becomes `Provides read replicas`. Read the result. No fix is
offered when the name is a modifier (`English text corpus`: dropping it may drop what
the text is about; a human rewrites it), when the description is only the name, the
name is written with markup or in a link, or an aside follows it (`SPIRE (the SPIFFE
Runtime Environment) is ...`: the aside says more than the name).
"""

from __future__ import annotations

import string
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import Document
from awesomelint.entries.shape import entries
from awesomelint.entries.text import plain
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._descriptions import is_english
from awesomelint.rules._spelling import words

# words that make the name the subject of the description's sentence
_VERBS = words(
    """
    is are was were has have can will does acts adds aims allows automates brings builds
    calculates captures checks collects combines comes compiles computes connects contains
    converts creates defines delivers deploys detects displays downloads enables
    encapsulates executes exports exposes extends fetches finds generates gives handles
    helps implements imports improves includes integrates keeps launches let lets makes
    manages monitors offers optimizes parses performs produces provides reads reduces
    renders replaces resizes runs searches serves simplifies solves supports syncs takes
    teaches tracks transforms translates turns uses validates visualizes works wraps writes
    """
)
_DROPPED = frozenset({"is", "are", "was", "were"})
_AFTER = lazy(r"(?P<punct>[ \t]*[,:\u2013\u2014-](?=[ \t]))?[ \t]+(?P<word>[A-Za-z]+)?")
# an aside between the name and its verb: "SPIRE (the SPIFFE Runtime Environment) is"
_ASIDE = lazy(r"[ \t]+\([^()\n]*\)(?=[ \t])")
# an adverb before the verb: "Autograd automatically differentiates"
_ADVERB = lazy(r"[ \t]+(?P<word>[A-Za-z]+)")
_MARKUP = "*_`"
_ESCAPABLE = frozenset(string.punctuation)
# punctuation that can end the name as a word (awesome-lint's: `[\s.,!?:-]`), and ";"
_BOUNDARY = frozenset(".,!?:;-")
# a final consonant doubled before -ed and -ing: "scan" - "scanned"
_DOUBLES = lazy(r"[^aeiou][aeiou][bdgklmnprt]$")
# names that are also function words start many descriptions on their own: "[A] - A tool"
_FUNCTION_WORDS = words(
    """
    a an the this that these those some any all each every no one my your our its their
    it i we you they of in on at to for with by from and or but not so as how what why
    when where who just only also very more most yet another other here there now
    """
)
# what an imperative's object starts with: "[Merge] - Merge two types", "[upload] - Upload a
# document" say what the package does, not its name again
_DETERMINERS = words(
    """
    a an the this that these those some any all each every your its their one two three
    multiple many several
    """
)
# verbs of the trade the word list does not know as verbs
_TECH_VERBS = words("upload download redact")
# a leading symbol the description may leave out: "[#100DaysOfCode]" - "100DaysOfCode is"
_SYMBOLS = "#$@.~"


def _name_end(text: str, pos: int, end: int, name: str) -> int | None:
    """Where the entry's name ends if the text at ``pos`` spells it (case and backslash
    escapes aside, its leading symbol optional), else None."""
    want = _unescape(name).casefold()
    spellings = [want]
    if len(want) > 2 and want[0] in _SYMBOLS and want[1].isalnum():
        spellings.append(want[1:])
    for spelling in spellings:
        i, j = pos, 0
        while j < len(spelling) and i < end:
            if text[i] == "\\" and i + 1 < end and text[i + 1] in _ESCAPABLE:
                i += 1
            folded = text[i].casefold()
            if not spelling.startswith(folded, j):
                break
            i += 1
            j += len(folded)
        if j == len(spelling) and j:
            return i
    return None


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text  # (most names)
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out)


def _link_starts(doc: Document) -> frozenset[int]:
    return frozenset(lk.start for lk in doc.links)


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.doc.text
    # (most descriptions start with no link: links_between only for those that do)
    link_starts = _link_starts(ctx.doc)
    for e in entries(ctx.doc):
        if not e.has_description:
            continue
        start = e.gap_end
        lead = start
        while start < e.end and text[start] in _MARKUP:
            start += 1
        link = ctx.doc.links_between(start, start + 1) if start in link_starts else ()
        name = e.name.casefold()
        # the name as plain() reads it, or as written: "[~dots]" keeps its "~"
        shown, named = e.name, _name_end(text, start, e.end, e.name)
        raw = (e.link.text or "").strip()
        if named is None and raw != e.name:
            shown, named = raw, _name_end(text, lead, e.end, raw)
            start = lead if named is not None else start
        if link and link[0].text is not None and plain(link[0].text).casefold() == name:
            after = link[0].end  # "[Slint](https://slint.dev/) is a toolkit"
        elif named is not None:
            after = named
        elif link:
            linked = _linked_name(link[0].text, e.name)
            if linked is not None:  # "[MeTA : ModErn Text Analysis](...) is a toolkit"
                yield _problem(linked, start, link[0].end, None)
            continue
        else:
            continue  # (_linked_name(None, e.name) is None: "" starts with no name)
        opened = start - lead
        while after < e.end and text[after] in _MARKUP and opened > 0:
            after += 1  # the closing markers of "`conc` is ..."
            opened -= 1
        aside = _ASIDE.match(text, after, e.end)
        rest = text[aside.end() if aside else after : e.end]
        m = _AFTER.match(rest)
        word = m.group("word") if m else None
        verb = (
            _ADVERB.match(rest, m.end())
            if m is not None and word is not None and word.endswith("ly") and not m.group("punct")
            else None
        )
        subject = True
        if verb is not None and _verb(verb.group("word")):
            dropped_to = _next_word(text, after, e.end)  # "Autograd automatically differentiates"
        elif aside is None and rest.strip(" *_`.!?") == "":
            dropped_to = None  # the description is nothing but the name
        elif m is not None and m.group("punct") and aside is None:
            dropped_to = after + m.start("word") if word else None
        elif m is not None and word is not None and word.lower() in _VERBS and verb is None:
            dropped_to = after + (m.end() if word.lower() in _DROPPED else m.start("word"))
            dropped_to = _next_word(text, dropped_to, e.end)
        elif (
            word is not None
            and word.lower() in _DETERMINERS
            and not (m is not None and m.group("punct"))
            and _is_verb(_unescape(shown).casefold())
        ):
            continue  # an imperative and its object: "[Join] - Join an array of strings"
        elif _word_ends(text, after, e.end) and not _plain_word(shown, text[start:after]):
            subject, dropped_to = False, None  # a modifier: "English text corpus"
        else:
            continue
        fix = None
        if (
            subject
            and dropped_to is not None
            and aside is None  # the aside says more than the name: a human rewrites it
            and not link
            and start == lead
            and dropped_to < e.end
        ):
            first = text[dropped_to]
            fix = Fix(
                f'Remove "{text[start:dropped_to].strip()}" from the description',
                (Edit(start, dropped_to + 1, first.upper()),),
                safe=False,
            )
        yield _problem(shown, start, after, fix)


def _problem(shown: str, start: int, end: int, fix: Fix | None) -> Problem:
    message = f'Description repeats the entry name "{shown}"; start with what it is or does'
    return Problem(message, start, end, fix)


def _linked_name(text: str | None, name: str) -> str | None:
    """The entry's name if a link text starts with it as a word, else None."""
    shown = plain(text or "")
    if not shown.casefold().startswith(name.casefold()) or not name.strip():
        return None
    if not _word_ends(shown, len(name), len(shown)) or _plain_word(name, shown[: len(name)]):
        return None
    return shown[: len(name)]


def _plain_word(name: str, written: str) -> bool:
    """Whether the name, as the description starts with it, is rather an ordinary word
    starting a sentence: a function word (`[A] - A tool`), or a lowercase name that is an
    English verb, capitalised: the imperative of what the package does (`[delay] - Delay
    a promise`, `[scan] - Scan rows into structs`; `[health] - Health checker` is
    reported)."""
    name = _unescape(name)
    if name.casefold() in _FUNCTION_WORDS:
        return True
    return name.islower() and written == name.capitalize() and _is_verb(name)


def _is_verb(word: str) -> bool:
    """Whether an English ``word`` can be a verb: its -ed or -ing form is an English word
    (`copied`, `scanned`, `delayed`; not `healthed`), it is one with `re-` or `un-` in
    front (`reprocess`, `unarchive`), or a verb of the trade (`upload`, `redact`)."""
    if word in _TECH_VERBS:
        return True
    if len(word) > 5 and word.startswith(("re", "un")) and _is_verb(word[2:]):
        return True
    if not is_english(word):
        return False
    stem = word[:-1] if word.endswith("e") else word
    forms = [word + "ed", word + "d", stem + "ing"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ied")
    if _DOUBLES.search(word):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return any(is_english(f) for f in forms)


def _word_ends(text: str, at: int, end: int) -> bool:
    """Whether a word ends at ``at``: a space or the end follows, or punctuation that does
    not go on with the word (`Redis's`, `Go-based`, `Vue.js`, `C++` are other words)."""
    if at >= end or text[at] in " \t\n":
        return True
    if text[at] not in _BOUNDARY:
        return False
    return at + 1 >= end or not (text[at + 1].isalnum() or text[at + 1] in "_+#'’")


def _verb(word: str) -> bool:
    """Whether a word after an adverb is a verb: "automatically differentiates"."""
    low = word.lower()
    return low in _VERBS or (low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _next_word(text: str, at: int, end: int) -> int | None:
    while at < end and text[at] in " \t":
        at += 1
    return at if at < end and text[at].isalpha() else None


RULE = Rule(
    code="A005",
    name="repeated-item-name",
    summary="Entry description starts by repeating the entry name",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
