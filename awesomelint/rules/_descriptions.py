"""Helpers of list-item-format (A004): the English word list, doubled end marks, and a
description written inside the link text."""

from __future__ import annotations

import functools
import os
import re

from awesomelint._regex import lazy
from awesomelint.entries.shape import Entry
from awesomelint.model import Edit, Fix, Problem
from awesomelint.rules._spelling import ENGLISH_WORDS


@functools.cache
def _word_list() -> tuple[str, int]:
    """The bundled word list (``english_words.txt``: SCOWL's ~40,000 common lowercase words,
    source and licence in its header) as one string, and where its words start. Read on
    first use, never at import (~0.1 ms): the file is sorted, so lookups bisect the text
    itself instead of building a set of 40,000 strings (~10 ms at every start)."""
    try:  # the file beside this module (importing importlib.resources costs ~4 ms)
        with open(
            os.path.join(os.path.dirname(__file__), "english_words.txt"), encoding="utf-8"
        ) as fh:
            data = fh.read()  # (text mode: line breaks read as read_text reads them)
    except OSError:  # not a plain directory (a zip import)
        from importlib import resources

        data = resources.files(__package__).joinpath("english_words.txt").read_text("utf-8")
    return data, data.index("\n", data.rfind("\n#") + 1) + 1


def is_english(word: str) -> bool:
    """Whether lowercase ``word`` is in the bundled word list or in ``ENGLISH_WORDS``, the
    hand-made list of tech words (``async``, ``realtime``)."""
    if word in ENGLISH_WORDS:
        return True
    data, lo = _word_list()
    hi = len(data)
    while lo < hi:  # lines starting in [lo, hi) are left; lo always starts a line
        mid = (lo + hi) // 2
        start = data.rfind("\n", lo, mid) + 1 or lo
        end = data.find("\n", start)
        end = len(data) if end < 0 else end
        line = data[start:end].rstrip("\r")  # a checkout with CRLF line endings
        if line == word:
            return True
        if line < word:
            lo = end + 1
        else:
            hi = start
    return False


# closing quotes between a sentence's own mark and a second one: '"end?".'
_QUOTES = "\"'”’»」』"


def doubled_end(text: str, start: int, end: int) -> Problem | None:
    """``end?.``, ``etc..``, ``"end?".``, ``“end!”!``: a mark after a finished sentence.

    ``text[start:end]`` is a description ending in ``.``, ``!`` or ``?``. Left alone: an
    ellipsis (``...``, and ``..`` after anything but a Latin letter or digit: Korean lists
    write it as one), ``?!`` and ``!!`` without quotes (emphasis; repeated-punctuation
    has ``!!``), a mark after a parenthesis (``(even PDF!).`` is right) and after
    anything but a letter or digit (``example.org/?.``: the ``?`` is the URL's).
    """
    outer = text[end - 1]
    k = end - 1
    while k > start and text[k - 1] in _QUOTES:
        k -= 1
    quoted = k < end - 1
    at = k - 1
    if outer not in ".!?" or at <= start or text[at] not in ".!?":
        return None
    inner = text[at]
    if not quoted and (outer != "." or not text[at - 1].isalnum()):
        return None  # "?!", and "example.org/?." where the "?" is the URL's
    if inner == "." and (text[at - 1] == "." or not (quoted or _latin(text[at - 1]))):
        return None
    fix = Fix(f'Remove the second "{outer}"', (Edit(end - 1, end, ""),))
    if outer != "." and outer != inner:
        fix = Fix(fix.title, fix.edits, safe=False)  # '"Why?"!' drops an exclamation
    shown = text[at:end]
    return Problem(f'Description ends with doubled punctuation "{shown}"', at, end, fix)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# "Name - description" inside the link text: spaced hyphen, en or em dash, or a colon
_INNER = lazy(r"(?P<name>[^\s:].*?)(?P<sep>[ \t]+(?:--?|[–—])[ \t]+|:[ \t]+)(?P<desc>\S.*)")
_PLAIN = lazy(r"[^\[\]`<>*_\\!\n]+")
_ALNUM = lazy(r"[^0-9a-z]+")
# the end of a title in a series: "Part 1", "Chapter IV", "Episode 12", "Day 3"
_PART = lazy(
    r"\b(?:part|chapter|episode|ep|vol|volume|lesson|lecture|session|day|week|step|module"
    r"|unit|season|book|level)\.?[ \t]+(?:\d+|[ivxlc]+)\.?$",
    re.IGNORECASE,
)
# hosts whose first two path segments name a repository (owner/name)
_REPOSITORY_HOSTS = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com", "git.sr.ht"}
)
# hosts whose last path segment names a package (without "www.", as _URL reads them)
_PACKAGE_HOSTS = frozenset(
    {"npmjs.com", "pypi.org", "crates.io", "pkg.go.dev", "rubygems.org", "packagist.org"}
    | {"hex.pm", "nuget.org", "pub.dev"}
)
_URL = lazy(r"https?://(?:www\.)?([^/?#\s]+)([^?#\s]*)", re.IGNORECASE)


def _loose(name: str) -> str:
    """A name compared loosely: case, a `.js` suffix, an `awesome-` prefix and the
    separators (`-`, `_`, `.`, spaces) do not count."""
    key = name.casefold().strip()
    key = key.removeprefix("awesome-").removeprefix("awesome_")
    key = key.removesuffix(".git").removesuffix(".js")
    return re.sub(r"[-_.\s]+", "", key)


def is_repository(name: str, url: str) -> bool:
    """Whether ``name`` (or its first word, `Cross` of `Cross-Platform`) is the name of the
    repository or package ``url`` points to: on a code host, its second path segment or
    its last one (`awesome-<name>` too); on a package registry, its last one."""
    m = _URL.match(url)
    if m is None:
        return False
    host, path = m.group(1).casefold(), [p for p in m.group(2).split("/") if p]
    if host in _REPOSITORY_HOSTS and len(path) >= 2:
        names = {path[1], path[-1]}
    elif host in _PACKAGE_HOSTS and path:
        names = {path[-1]}
    else:
        return False
    keys = {_loose(n) for n in names} - {""}
    first = re.split(r"[-\s]+", name.strip(), maxsplit=1)[0]
    return _loose(name) in keys or (len(_loose(first)) >= 3 and _loose(first) in keys)


def inner_description(text: str, e: Entry) -> Problem | None:
    """``[Flask - A micro web framework](url)`` with nothing after the link.

    Only when it plainly is a name and a description: an inline link whose text is plain
    (no code, emphasis or nested brackets); a name of at most four words that appears in
    the URL (``Flask`` in ``flask.palletsprojects.com``: a talk ``[Rob Pike - Concurrency
    is not parallelism](youtube)`` is not split); a description of at least three words
    written as a sentence, not a title (``[Go: The Complete Guide]``, ``[Name - Part 1]``
    and ``[Vue - Router]`` stay). ``react-router`` has no spaces around its dash.

    When the name is the repository or package the URL points to (``[k3s - Lightweight
    Kubernetes](https://github.com/k3s-io/k3s)``, ``[Vue.js - ...](.../awesome-vue)``),
    two words after a dash are enough and a capitalised description is one too: a title
    is not named after the repository it links to. A part number (``- Part 1``) is still
    a title, and so is ``[TResNet: High Performance ...]`` (a paper's title).
    """
    link = e.link
    if link.kind != "inline" or link.text is None or link.text_start is None:
        return None
    if not _PLAIN.fullmatch(link.text):
        return None
    m = _INNER.fullmatch(link.text.strip(" \t"))
    if m is None:
        return None
    name, desc = m.group("name"), m.group("desc").rstrip(" \t")
    words = desc.split()
    if len(name.split()) > 4 or len(words) < 2 or not words[0][0].isalpha():
        return None
    if _PART.search(desc):
        return None  # "Part 1", "Chapter IV": one of a series of titles
    # ("Name: Subtitle" is how papers and books are titled, on GitHub too: TResNet's)
    if ":" in m.group("sep") or not is_repository(name, link.url):
        if len(words) < 3 or sum(w[0].isupper() for w in words[1:]) * 2 >= len(words) - 1:
            return None  # title case: "The Complete Guide", "Concurrency Is Not Parallelism"
        key = _ALNUM.sub("", name.casefold())
        if len(key) < 2 or key not in _ALNUM.sub("", link.url.casefold()):
            return None
    at = link.text_start + link.text.index(m.group(0)) + len(name)
    close = link.text_start + len(link.text)
    if text[close : close + 2] != "](":
        return None
    fix = Fix(
        "Move the description after the link",
        (Edit(at, close, ""), Edit(e.gap_start, e.gap_start, f" - {desc}")),
        safe=False,
    )
    message = f'Description "{desc}" written inside the link text; write it after the link'
    return Problem(message, at, at + len(m.group("sep")) + len(desc), fix)
