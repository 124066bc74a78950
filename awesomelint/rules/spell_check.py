"""spell-check (A006): product names written with the wrong spelling or case.

## What it does
Finds product names written differently from their official spelling - `Javascript`,
`Github`, `Nodejs`, `Postgresql`, `mongoDB`, `Mac OS` - in the prose of paragraphs,
list items and headings. The list (`awesomelint/rules/_spelling.py`, about 370 names)
covers awesome-lint's spell-check list and many more names; names that are also
ordinary English words (`rust`, `swift`, `express`, `slack`), names officially written in
lowercase (`webpack`, `pandas`) and correct short forms (`Postgres`, `WASM`, `K8s`) are
left out.

Names are matched as whole words, ignoring case. Not checked: code spans and code
blocks, HTML, URLs, link destinations, images, and words that are part of a file name,
path, domain, package or identifier: `github.io`, `node_js`, `javascript:void(0)`,
`@github/...`, `#tensorflow`, `owner/repo`, `tensorflow-models`. `.NET` is only matched
with its leading dot (`Agroforestry Net` is not `.NET`). `git` and `docker` followed by
one of their commands (`git diff`, `docker run`) name the command, not the product. Link
text is prose and is checked, unless it looks like a repository or package name: it
contains `/` or `_`, or is a single word that appears (ignoring case) in the path of the
link's URL (`[pytorch](https://github.com/pytorch/pytorch)`).

## Why is this bad
A list that writes `Javascript`, `Github` and `Mongodb` looks careless; the official
spelling is what readers search for. awesome-lint reports these (as warnings).

## Example
```markdown
- [Axios](https://github.com/axios/axios) - Promise based HTTP client for Javascript.
```

Use instead:
```markdown
- [Axios](https://github.com/axios/axios) - Promise based HTTP client for JavaScript.
```

## Fix safety
Unsafe: replaces the word with the official spelling. The word may name something else
than the product (a person called Cassandra, a GitHub-like site), so read the change.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from awesomelint.document import Link
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._awesome import prose, url_path
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._spelling import COMMAND_WORDS, SPELLING


def _pattern(key: str) -> str:
    return r"[ \t]+".join(re.escape(part) for part in key.split(" "))


@functools.cache
def _names() -> re.Pattern[str]:
    """All the names as one regex, compiled on first use (a few ms: not at every start).
    Longest first, so "visual studio code" wins over "visual studio", "node.js" over
    "node"."""
    return re.compile(
        r"(?<![\w.@\\$~+\-])(?:"
        + "|".join(_pattern(k) for k in sorted(SPELLING, key=len, reverse=True))
        + r")(?![\w@+#\-]|[.:]\w)",
        re.IGNORECASE,
    )

# a "#" that opens a heading written without its space: "###tensorflow"
_HEADING_HASHES = re.compile(r"[ \t]{0,3}#{2,6}$")
_NEXT_WORD = re.compile(r"[ \t]+([\w-]+)")
# the regex tries ~370 alternatives: run it only where a name's first word stands
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_FIRST_WORDS = frozenset(m.group(0) for k in SPELLING for m in [_ALNUM.search(k)] if m)


def _repository_name(link: Link) -> bool:
    """Link text that names a repository or package rather than saying something."""
    text = (link.text or "").strip().strip("*_`")
    if not text or any(ch.isspace() for ch in text):
        return False
    return "/" in text or "_" in text or text.casefold() in url_path(link.url).casefold()


def _in_path(line: str, start: int, end: int) -> bool:
    """Whether the word at ``line[start:end]`` is part of a path, not of ``A/B`` prose."""
    before = line[start - 1 : start]
    if before == "#":
        return not _HEADING_HASHES.fullmatch(line, 0, start)
    if before != "/" and line[end : end + 1] != "/":
        return False
    a = max(line.rfind(" ", 0, start), line.rfind("\t", 0, start)) + 1
    b = len(line)
    for stop in (" ", "\t"):
        k = line.find(stop, end)
        if k >= 0:
            b = min(b, k)
    token = line[a:b].rstrip(".,;:!?)")
    if token.count("/") == 1 and token == token.lower():
        return True  # "owner/repo"; "sync/async/websocket" and "Javascript/C++" are prose
    return token.startswith("/") or token.endswith("/") or any(c in token for c in ".:_@~")


def _candidates(line: str) -> Iterator[re.Match[str]]:
    """The matches of ``_names()`` in ``line``, tried only where a name can start."""
    names = _names()
    after = 0
    for w in _ALNUM.finditer(line):
        if w.start() < after or w.group(0).lower() not in _FIRST_WORDS:
            continue
        at = w.start() - 1 if line[w.start() - 1 : w.start()] == "." else w.start()
        m = names.match(line, at) or (names.match(line, w.start()) if at != w.start() else None)
        if m is not None:
            after = m.end()
            yield m


def check(ctx: Context) -> Iterator[Problem]:
    for _block, lines in prose(ctx.doc, hide=_repository_name):
        for offset, line in lines:
            for m in _candidates(line):
                if _in_path(line, m.start(), m.end()):
                    continue
                found = m.group(0)
                key = " ".join(found.lower().split())
                right = SPELLING.get(key)
                if right is None or found == right:
                    continue
                commands = COMMAND_WORDS.get(key)
                if commands:
                    after = _NEXT_WORD.match(line, m.end())
                    if after and after.group(1).lower() in commands:
                        continue
                start = offset + m.start()
                end = offset + m.end()
                yield Problem(
                    f'"{found}" should be spelled "{right}"',
                    start,
                    end,
                    Fix(f'Write "{right}"', (Edit(start, end, right),), safe=False),
                )


RULE = Rule(
    code="A006",
    name="spell-check",
    summary="Product name not spelled the official way (Javascript, Github, ...)",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
