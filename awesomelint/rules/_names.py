"""Where product names stand in a line of prose: the matcher of spell-check (A006)."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from awesomelint._regex import lazy
from awesomelint.rules._spelling import (
    HYPHEN_SUFFIXES,
    IN_CONTEXT,
    LINK_NAMES,
    SPELLING,
    TITLE_SPLITS,
)


def _keys() -> list[str]:
    return [*SPELLING, *TITLE_SPLITS, *IN_CONTEXT, *LINK_NAMES]


@functools.cache
def spellings() -> dict[str, str]:
    """Every name of the tables, as people type it (lowercase), to its official spelling."""
    context = {key: right for key, (right, _) in IN_CONTEXT.items()}
    return {**LINK_NAMES, **context, **TITLE_SPLITS, **SPELLING}


# a name is tried where its first word stands ("visual" for "visual studio code")
_ALNUM = lazy(r"[A-Za-z0-9]+")
# what may not stand right before a name: "node_js", "@github", "$tensorflow", "non-go",
# "platform=ios" (a key and its value: a query string, a setting)
_BEFORE = lazy(r"[\w.@\\$~+\-=]")
# what may not follow it: "github.io", "node_js", "tensorflow-models", "javascript:void",
# "git://host/repo" (a URL scheme: GFM links only http(s), so it stays in the prose),
# "python=3.11"
_AFTER = lazy(r"[\w@+#\-=]|[.:]\w|://")
# ... except a hyphen and one of HYPHEN_SUFFIXES: "Javascript-only", "python-based"
_SUFFIX = lazy(r"-([A-Za-z]+)(?![\w-])")
_GAP = lazy(r"[ \t]+")


@functools.cache
def _by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names (split into their words) grouped by their first word, longest first.
    Built on first use (~1 ms). Plain string comparison of these few names at each
    candidate beats a regex: one of all ~1,200 names tries each of them at every
    candidate, and compiling one regex per first word costs ~50 ms."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(_keys(), key=len, reverse=True):
        m = _ALNUM.search(key)
        if m is not None:
            groups.setdefault(m.group(0), []).append(tuple(key.split(" ")))
    return {first: tuple(keys) for first, keys in groups.items()}


def _match(line: str, at: int, parts: tuple[str, ...]) -> int | None:
    """Where the name of ``parts`` ends if it is written at ``line[at:]`` (any case,
    spaces or tabs between its words), else None."""
    pos = at
    for i, part in enumerate(parts):
        if i:
            gap = _GAP.match(line, pos)
            if gap is None:
                return None
            pos = gap.end()
        if line[pos : pos + len(part)].lower() != part:
            return None
        pos += len(part)
    return pos


def _ends(line: str, end: int) -> bool:
    """Whether a name may end at ``end``: a word's end, or a compound ("python-based")."""
    if _AFTER.match(line, end) is None:
        return True
    suffix = _SUFFIX.match(line, end)
    return suffix is not None and suffix.group(1).lower() in HYPHEN_SUFFIXES


_ALNUM_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def token_at(line: str, word: str, pos: int) -> int:
    """Where the next whole token (a run of _ALNUM characters) ``word`` starts at or
    after ``pos``: the first occurrence that no letter or digit adjoins (an earlier
    token spelled so would be a word the caller asked for first)."""
    n = len(word)
    k = line.find(word, pos)
    while (k > 0 and line[k - 1] in _ALNUM_CHARS) or line[k + n : k + n + 1] in _ALNUM_CHARS:
        if k < 0:
            raise AssertionError(f"no token {word!r} in {line!r}")
        k = line.find(word, k + 1)
    return k


@functools.cache
def _written_right() -> frozenset[str]:
    """The official spellings of the one-word names that start no longer name ("Go",
    "Redis", "PostgreSQL", not "Docker" if "docker compose" is a name)."""
    official = spellings()
    return frozenset(
        official[first]
        for first, names in _by_first_word().items()
        if names == ((first,),) and official[first].lower() == first
    )


@functools.cache
def _later_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each first word, the later words of each of its names, those in ASCII
    (``("igniter",)`` for "code igniter"; none for "go")."""
    return {
        first: tuple(tuple(p for p in parts[1:] if p.isascii()) for parts in names)
        for first, names in _by_first_word().items()
    }


def starting_words(lines: Sequence[str], misspelt: bool = False) -> list[list[str]]:
    """For each of ``lines``, the words that may start a name, in order (``candidates``
    looks for names there). Found for all lines at once, without a match object per word:
    each distinct word is lowercased and looked up once (a list has a few thousand
    distinct words and 20 times as many words), and a line with none of them is passed
    over at C speed.

    ``misspelt``: leave out the words written as their name's official spelling that
    start no longer name (``_written_right``: "Go", "Redis"). ``candidates`` finds such a
    word as exactly that name written right (or not at all), and a name found can only
    make ``candidates`` pass over words inside it, which a one-word name has not: so
    ``candidates`` then finds the same names but those written right. Spell-check skips
    these anyway; on awesome-go they are 1,300 of 3,500 words and most lines' only ones.
    Also left out then: the words none of whose names can stand in their line, as some
    later word of each is not in the lowercased line ("code" without "igniter"):
    ``_match`` finds a word where ``line[a:b].lower()`` is it, and a slice lowercases as
    in the whole line unless it holds a final sigma, which no ASCII word does."""
    groups = _by_first_word()
    per_line = [_ALNUM.findall(line) for line in lines]
    starting = {w for w in set().union(*per_line) if w.lower() in groups}
    if not misspelt:
        return [
            [w for w in ws if w in starting] if not starting.isdisjoint(ws) else []
            for ws in per_line
        ]
    starting -= _written_right()
    later = _later_words()
    # the words each of whose names has a later word
    conditional = {w for w in starting if all(later[w.lower()])}
    out: list[list[str]] = []
    for line, ws in zip(lines, per_line, strict=True):
        if starting.isdisjoint(ws):
            out.append([])
            continue
        hits = [w for w in ws if w in starting]
        if not conditional.isdisjoint(hits):
            low = line.lower()
            # (each distinct word once: a line of one word repeated stays linear)
            absent = {
                w
                for w in conditional.intersection(hits)
                if not any(all(p in low for p in need) for need in later[w.lower()])
            }
            if absent:
                hits = [w for w in hits if w not in absent]
        out.append(hits)
    return out


def candidates(line: str, hits: list[str] | None = None) -> Iterator[tuple[int, int]]:
    """Where names stand in ``line``, as ``(start, end)``; longest name first, so
    "visual studio code" wins over "visual studio", "node.js" over "node". ``hits``: the
    line's ``starting_words``, when the caller has them."""
    groups = _by_first_word()
    if hits is None:
        hits = starting_words([line])[0]
    # (a line has dozens of words and one or two that may start a name: their offsets
    # are found after)
    after = 0
    pos = 0  # the end of the last word found
    for word in hits:
        start = token_at(line, word, pos)
        pos = start + len(word)
        if start < after:
            continue
        first = word.lower()
        dot = start - 1 if line[start - 1 : start] == "." else None  # ".NET"
        for at in (start,) if dot is None else (dot, start):
            if at > 0 and _BEFORE.match(line, at - 1):
                continue
            for parts in groups[first]:
                end = _match(line, at, parts)
                if end is not None and _ends(line, end):
                    after = end
                    yield at, end
                    break
            else:
                continue
            break
