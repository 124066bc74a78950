"""spell-check (A006): product names written with the wrong spelling or case.

## What it does
Finds product names written differently from their official spelling - `Javascript`,
`Github`, `Nodejs`, `Postgresql`, `mongoDB`, `Nvidia`, `Arxiv`, `Imagenet` - in the
prose of paragraphs, list items and headings. The list (`awesomelint/rules/_spelling.py`,
about 1,000 names) covers awesome-lint's spell-check list and the names maintainers of
ML, data, cloud and devtools lists write wrong: languages, frameworks and their mobile
variants (`TensorFlow Lite`, `Core ML`), hardware vendors, paper hosts and venues, data
sets, notebooks and app frameworks, databases, cloud services, operating systems,
editors, security tools, sites and companies. Names officially written in lowercase
(`webpack`, `npm`, `pandas`, `scikit-learn`) and correct short forms (`Postgres`, `WASM`,
`K8s`, `OS X`) are left out.

Also found:
- names written apart: `Java Script`, `Type Script`, `Post gres SQL`, `Mongo DB`, `Mac OS`
  (not `Mac OS X` or `Mac OS 9`, their own names), `Free BSD`, `Git Hub`; splits that are
  also phrases (`Linked In`, `You Tube`, `Dot Net`, `Test Flight`, `Word Press`) only
  when every part is capitalised: "linked in the README" is not LinkedIn;
- compounds: `python-based`, `Javascript-only`, `github-flavored` (a name, a hyphen and
  one of `based`, `only`, `powered`, `like`, `native`, ... - not `python-dotenv`);
- names that are also ordinary words (`python`, `java`, `rust`, `swift`, `go`, `unity`,
  `zoom`, `discord`, `slack`, `react`, `express`, `flask`, `jest`, ...) only where the
  next word makes the product certain (`the unity engine`, `a zoom meeting`, `discord
  server`, `rust crate`, `python library`, `go programming`), in a compound
  (`python-based`), or as the whole text of a link (see below);
- the whole text of a link naming a product that is also a word (`mocha`, `blender`,
  `prettier`, `consul`) written in lowercase, when the link is not the repository or
  package of that name: `[mocha](https://mochajs.org)`, not
  `[mocha](https://github.com/mochajs/mocha)`.

Names are matched as whole words, ignoring case. Not checked: code spans and code
blocks, HTML, URLs, link destinations, images, and words that are part of a file name,
path, domain, package or identifier: `github.io`, `node_js`, `latex\\_table` (an escaped
underscore), `javascript:void(0)`, `git://host/repo`, `@github/...`, `#tensorflow`,
`owner/repo`, `tensorflow-models`, `platform=ios`. `.NET` is only matched with its
leading dot (`Agroforestry Net` is not `.NET`). `git` and `docker` followed by one of
their commands (`git diff`, `docker run`) name the command, not the product. Link text
is prose and is checked, unless it looks like a repository or package name as its author
writes it: it contains `/` or `_`, or is a single word that appears (ignoring case) in
the path of the link's URL (`[pytorch](https://github.com/pytorch/pytorch)`,
`[flask-login](...)`, `[requests](https://pypi.org/project/requests)`); that name
written the same way in the rest of the item is left alone too (`[libsvm](...) - libsvm
for Go`).

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

from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import Block, Document, Link
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._awesome import blank, blanked, link_text_end, prose, url_path
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._names import candidates, spellings, starting_words, token_at
from awesomelint.rules._spelling import (
    COMMAND_WORDS,
    IN_CONTEXT,
    LINK_NAMES,
    SPELLING,
    TITLE_SPLITS,
)

# a "#" that opens a heading written without its space: "###tensorflow"
_HEADING_HASHES = lazy(r"[ \t]{0,3}#{2,6}$")
_NEXT_WORD = lazy(r"[ \t]+([\w-]+)")
_SPACE = lazy(r"\s")


def _repository_name(link: Link) -> bool:
    """Link text that names a repository or package rather than saying something."""
    text = (link.text or "").strip().strip("*_`")
    if not text or _SPACE.search(text):  # (\s is what str.isspace says)
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


def _escaped_join(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is joined to an identifier by an escaped
    underscore (``latex\\_table``, ``my\\_github``): the prose blanks escapes whole, so
    the blanked line shows a space where a reader sees ``_``."""
    return text.startswith("\\_", end) or (start >= 2 and text.startswith("\\_", start - 2))


def _link_texts(doc: Document, block: Block) -> dict[int, int]:
    """Where the text of each link of ``block`` starts and ends, emphasis left out."""
    out = {}
    for link in doc.links_between(block.start, block.end):
        if link.image or link.text is None or link.text_start is None:
            continue
        a, b = link.text_start, link_text_end(doc, link)
        while a < b and doc.text[a] in " \t*_":
            a += 1
        while b > a and doc.text[b - 1] in " \t*_":
            b -= 1
        out[a] = b
    return out


def _official(key: str, found: str, line: str, end: int, whole_link: bool) -> str | None:
    """The official spelling of the name matched as ``found``, if it is that name here."""
    if key in SPELLING:
        commands = COMMAND_WORDS.get(key)
        after = _NEXT_WORD.match(line, end) if commands else None
        if commands and after and after.group(1).lower() in commands:
            return None  # "git diff", "docker run": the command
        return SPELLING[key]
    if key in TITLE_SPLITS:
        return TITLE_SPLITS[key] if all(p[0].isupper() for p in found.split()) else None
    if key in IN_CONTEXT:
        right, context = IN_CONTEXT[key]
        if whole_link or line.startswith("-", end):  # "python-based"
            return right
        after = _NEXT_WORD.match(line, end)
        return right if after and after.group(1).lower() in context else None
    return LINK_NAMES[key] if whole_link else None


def _repository_names(doc: Document, block: Block) -> frozenset[str]:
    """The link texts of ``block`` hidden as repository names, as written: the same word
    in the description is that name too (``[libsvm](...) - libsvm golang version``)."""
    return frozenset(
        (lk.text or "").strip().strip("*_`")
        for lk in doc.links_between(block.start, block.end)
        if not lk.image and lk.text is not None and _repository_name(lk)
    )


def _hidden_spans(doc: Document, block: Block) -> list[tuple[int, int]]:
    """The links of ``block`` whose text names a repository (``_repository_name``)."""
    return [
        (lk.start, lk.end)
        for lk in doc.links_between(block.start, block.end)
        if not (lk.image or lk.text is None or lk.text_start is None) and _repository_name(lk)
    ]


def hide_repositories(
    doc: Document, lines: list[tuple[int, str]], spans: list[tuple[int, int]]
) -> list[str]:
    """A block's prose ``lines`` (``(offset, text)``) with the links of ``spans`` blanked
    whole, as ``prose`` blanks their syntax: equal to blanking them in the text, then
    slicing. (The block's stretch of text blanked once: linear in its size.)"""
    if not spans:
        return [line for _, line in lines]
    lo = lines[0][0]
    hi = max(offset + len(line) for offset, line in lines)
    masks = [(max(a, lo) - lo, min(b, hi) - lo) for a, b in spans if a < hi and b > lo]
    text = blank(blanked(doc)[lo:hi], masks)
    return [text[offset - lo : offset - lo + len(line)] for offset, line in lines]


def _shown_words(line: str, shown: str, words: list[str]) -> list[str]:
    """``starting_words`` of ``shown``, ``line`` with some links blanked whole: the words of
    ``line`` not blanked. (A link's first and last characters, ``[`` and ``)`` or ``]``,
    are blanked already in ``line``: no word runs across the edge of a link.)"""
    out = []
    pos = 0
    for word in words:
        k = token_at(line, word, pos)
        pos = k + len(word)
        if shown.startswith(word, k):
            out.append(word)
    return out


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    # the prose shared with the other rules; the repository names in links are hidden
    # only in the few lines where a misspelt name may stand (most have none)
    blocks = prose(doc)
    hits = iter(starting_words([line for _, lines in blocks for _, line in lines], True))
    official = spellings()
    for block, lines in blocks:
        hidden: list[str] | None = None
        link_texts: dict[int, int] | None = None
        repositories: frozenset[str] | None = None
        for k, (offset, line) in enumerate(lines):
            words = next(hits)
            if not words:
                continue
            if hidden is None:
                hidden = hide_repositories(doc, lines, _hidden_spans(doc, block))
            shown = hidden[k]
            if shown != line:
                line, words = shown, _shown_words(line, shown, words)
            for a, b in candidates(line, words):
                found = line[a:b]
                key = " ".join(found.lower().split())
                if found == official[key] or _in_path(line, a, b):
                    continue  # "Go", "Python": most names are written right
                start = offset + a
                end = offset + b
                if _escaped_join(doc.text, start, end):
                    continue
                whole_link = False
                if key in IN_CONTEXT or key in LINK_NAMES:
                    if link_texts is None:
                        link_texts = _link_texts(doc, block)
                    whole_link = link_texts.get(start) == end
                right = _official(key, found, line, b, whole_link)
                if right is None or found == right:
                    continue
                if repositories is None:
                    repositories = _repository_names(doc, block)
                if found in repositories:
                    continue
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
