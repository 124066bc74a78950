"""Defect-injection benchmark: how many injected defects of each class the rules find.

For every defect class and every base list (the bundled lists of this repository, and the
shared corpus ``../shared/corpus`` when present), the script picks up to ``--per-base``
random places the class can mutate (fixed seed; places that already have a finding of the
expected rule, and code and HTML blocks, are skipped; places at least ``--gap`` lines
apart), injects the defect at each of them, runs ``awesomelint.check`` once on the result
with every rule selected, and counts:

- *detected*: injected lines that have a finding of the expected rule (``RULES`` below:
  one table, class -> rule, to edit when a rule is renamed);
- *new on untouched lines*: findings on lines the injection left alone that the base did
  not have on those lines (matched by rule and by the lines' identity through the
  injection, which may add lines). Lines that link to a heading an injection turned into
  text are not counted as untouched: their broken anchor is a true consequence.

To keep it fast, the classes that touch only their own line share checks: their
injections are packed into as few documents as the spacing allows, and a class whose
shared check shows new findings on untouched lines is run again alone, so that those are
always its own (``--no-batch``: one check per class and base; same numbers, twice the
time).

Every injected line is checked against the class's shape (a regex) before it counts: a
class with no valid place in a base injects nothing there, which is not a failure.
Some classes need a *variant* of the base, built first and checked as its own baseline:
``contents`` (the real sections demoted to H3 and below under one ``## Contents``),
``numbered`` (H2/H3 headings numbered ``1``, ``1.1``, ...), ``table`` (lists of entries
rewritten as Markdown tables).

Usage:
  python benchmarks/recall.py                      # all classes, all bases
  python benchmarks/recall.py -v                   # also per base, per shape, per rule
  python benchmarks/recall.py --details            # every miss and every new finding
  python benchmarks/recall.py --classes missing-period,marker-space --seed 7
  python benchmarks/recall.py --json > recall.json
  python benchmarks/recall.py FILE ...             # other bases

It always exits 0: it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import awesomelint
from awesomelint.document import Document, Heading
from awesomelint.markdown import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BUNDLED = ("examples/awesome-example.md", "tests/data/lists-like.md", "tests/data/seed-like.md")
CONFIG = {"select": ["ALL"]}

# class -> the rule that must report the injected line. Edit here when a rule is renamed.
RULES: dict[str, str] = {
    # issue 11, 2: a list marker glued to the entry
    "marker-space": "list-marker-space",
    # issue 11, 3: links
    "reversed-link-entry": "malformed-link",
    "reversed-link-prose": "malformed-link",
    "reversed-link-table": "malformed-link",
    "empty-link": "empty-link",
    "undefined-image-ref": "malformed-link",
    "bare-ftp-entry": "missing-title",
    "glued-url": "malformed-link",
    # issue 11, 4: headings
    "numbered-heading-no-space": "heading-missing-space",
    "closed-heading-no-space": "heading-missing-space",
    # issue 11, 5: entry format
    "lowercase-start": "list-item-format",
    "doubled-end-punctuation": "list-item-format",
    "description-in-link-text": "list-item-format",
    "dash-separator": "list-item-format",
    "missing-period": "list-item-format",
    # issue 11, 6: spelling
    "split-product-name": "spell-check",
    "hyphenated-product-name": "spell-check",
    "lowercase-product-link-text": "spell-check",
    "misspelled-product-name": "spell-check",
    # issue 11, 7: repeated item name
    "repeated-name-symbol": "repeated-item-name",
    "repeated-name-word": "repeated-item-name",
    # issue 11, 8
    "duplicate-link": "duplicate-link",
    # the defects the rules already knew
    "heading-no-space": "heading-missing-space",
    "heading-nbsp": "heading-missing-space",
    "list-indent": "list-indent",
    "list-marker-mix": "list-marker",
    "link-missing-parens": "malformed-link",
    "bare-url-entry": "missing-title",
    "trailing-whitespace": "trailing-whitespace",
    "multiple-blank-lines": "multiple-blank-lines",
    "hard-tab": "no-hard-tabs",
    "broken-anchor": "broken-anchor",
    "heading-trailing-punctuation": "heading-trailing-punctuation",
    "repeated-punctuation": "repeated-punctuation",
    "unbalanced-bracket": "balanced-punctuation",
}

# Ordinary English words, lowercase: what a description wrongly starts with.
_COMMON = (
    "a an the invalid collection millions simple small fast modern powerful lightweight easy "
    "minimal library framework tool toolkit set list curated comprehensive complete official "
    "open free native pure generic various useful community another beautiful basic better "
    "clean common compact custom elegant efficient extensible flexible friendly full general "
    "high highly implementation interactive large little lots many more most new nice online "
    "pluggable portable practical production quick reactive real reliable robust safe scalable "
    "secure server service small smart standard static strong structured super thin tiny "
    "type universal unofficial utility wrapper yet zero advanced automatic awesome bindings "
    "blazing bunch client command configurable cross data declarative distributed dynamic "
    "embedded enterprise examples experimental functional graphical helpers idiomatic "
    "incremental lazy low mature module multi package parser plugin popular resources "
    "runtime sample simplified single solid streaming support templates thousands tutorial "
    "tutorials unified validation visual write"
)
COMMON_WORDS = tuple(_COMMON.split())
# The first words a description can fairly be lowercased from ("A tool" -> "a tool").
_LOWERABLE = frozenset(COMMON_WORDS)
SPLIT_NAMES = (
    "Java Script",
    "Type Script",
    "Post gres SQL",
    "Web Assembly",
    "Linked In",
    "Dot Net",
    "Mac OS",
    "Git Hub",
)
HYPHENATED_NAMES = ("python-based", "Javascript-only", "Github-hosted", "typescript-first")
MISSPELLED_NAMES = ("Javascript", "Github", "Tensorflow")
# Products whose official name is capitalised, as lowercase link text.
LOWERCASE_PRODUCTS = (
    "ansible",
    "blender",
    "elasticsearch",
    "grafana",
    "heroku",
    "jenkins",
    "jupyter",
    "kubernetes",
    "mocha",
    "mongodb",
    "mysql",
    "photoshop",
    "redis",
    "sqlite",
    "terraform",
    "ubuntu",
    "wordpress",
    "youtube",
)

_EOL = re.compile(r"\r\n|\r|\n")
_MARKER = r"(?:[-*+]|\d{1,9}[.)])"
# a one-line list entry: "- [Name](https://url) rest"
ENTRY = re.compile(
    r"(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap> +)"
    r"\[(?P<name>[^\[\]]+)\]\((?P<url>https?://[^\s()<>]+)\)(?P<rest>.*)\Z"
)
# a plain description: capital start, one final period, no markup
DESC = re.compile(r" - (?P<desc>[A-Z][^`<>|\[\]()*_\\#]*[^.\s]\.)\Z")
_ENDS_IN_WORD = re.compile(r".*[A-Za-z]\.\Z")
_ATX = re.compile(r"(?P<hashes> {0,3}#{1,6})(?P<space>[ \t]+)(?P<text>.*?)[ \t]*\Z")
_INLINE_LINK = re.compile(r"\[(?P<text>[^\[\]()!]+)\]\((?P<url>https?://[^\s()<>]+)\)\Z")
_SINGLE_WORD = re.compile(r"[A-Za-z][a-z]{2,}\Z")
_CONTENTS = ("contents", "table of contents")


# ---------------------------------------------------------------------------------------
# bases


@dataclass
class Base:
    """A list to inject into, with what the injectors need to know about it."""

    name: str
    lines: list[str]  # without line breaks
    eols: list[str]
    doc: Document
    findings: Counter[tuple[str, int, int]]  # (rule, first line, last line), 0-based
    rules_on: list[set[str]]  # rules with a finding touching each line
    blocked: set[int]  # lines in code or HTML blocks
    entries: dict[int, re.Match[str]]  # one-line entries by line
    leaves: set[int]  # entries without sub-items
    items: dict[int, int]  # line -> index of the list item starting there
    entry_from: int  # entries (for the entry classes) start at this line
    prose: list[int]  # paragraph lines outside lists
    atx: dict[int, re.Match[str]]  # ATX headings (not closed) by line
    heading_level: dict[int, int]
    anchor_lines: dict[str, list[int]]  # "#slug" (lowercase) -> lines linking to it
    variant: str = "plain"
    numbered: set[int] = field(default_factory=set)
    table_rows: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "".join(a + b for a, b in zip(self.lines, self.eols, strict=True))


def split(text: str) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    eols: list[str] = []
    pos = 0
    for m in _EOL.finditer(text):
        lines.append(text[pos : m.start()])
        eols.append(m.group(0))
        pos = m.end()
    if pos < len(text) or not lines:
        lines.append(text[pos:])
        eols.append("")
    return lines, eols


def line_starts(lines: Sequence[str], eols: Sequence[str]) -> list[int]:
    out, pos = [], 0
    for a, b in zip(lines, eols, strict=True):
        out.append(pos)
        pos += len(a) + len(b)
    return out


def finding_lines(starts: Sequence[int], f: awesomelint.Finding) -> tuple[int, int]:
    first = max(bisect_right(starts, f.start) - 1, 0)
    last = max(bisect_right(starts, max(f.end - 1, f.start)) - 1, first)
    return first, last


def slug(text: str) -> str:
    """GitHub's anchor for a heading, near enough to find the links to it."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]*>|[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def is_contents(title: str) -> bool:
    return re.sub(r"[^\w ]", "", title).strip().lower() in _CONTENTS


def load(name: str, text: str, variant: str = "plain") -> Base:
    lines, eols = split(text)
    starts = line_starts(lines, eols)
    doc = parse(text)
    found = awesomelint.check(text, config=CONFIG)
    findings: Counter[tuple[str, int, int]] = Counter()
    rules_on: list[set[str]] = [set() for _ in lines]
    for f in found:
        a, b = finding_lines(starts, f)
        findings[f.rule, a, b] += 1
        for k in range(a, b + 1):
            rules_on[k].add(f.rule)
    blocked: set[int] = set()
    for r in doc.regions:
        if r.kind in ("fenced_code", "indent_code", "html"):
            blocked.update(range(doc.line_of(r.start) - 1, doc.line_of(max(r.end - 1, r.start))))
    items = {it.line - 1: it.index for it in doc.items}
    entries: dict[int, re.Match[str]] = {}
    leaves: set[int] = set()
    for it in doc.items:
        line = it.line - 1
        first_child = doc.items[it.children[0]].line - 1 if it.children else None
        own_end = first_child - 1 if first_child is not None else it.end_line - 1
        m = ENTRY.match(lines[line])
        if m is None or own_end != line or line in blocked:
            continue
        entries[line] = m
        if not it.children:
            leaves.add(line)
    in_items: set[int] = set()
    for it in doc.items:
        in_items.update(range(it.line - 1, it.end_line))
    prose = [
        t.line - 1
        for b in doc.blocks
        if b.kind == "paragraph"
        for t in b.lines
        if t.line - 1 not in in_items and t.line - 1 not in blocked and "|" not in t.text
    ]
    atx: dict[int, re.Match[str]] = {}
    level: dict[int, int] = {}
    for h in doc.headings:
        if h.style != "atx":
            continue
        m = _ATX.fullmatch(lines[h.line - 1])
        if m and not m.group("text").endswith("#"):
            atx[h.line - 1] = m
        level[h.line - 1] = h.level
    anchors: dict[str, list[int]] = defaultdict(list)
    for link in doc.links:
        if link.url.startswith("#") and len(link.url) > 1:
            anchors[link.url.lower()].append(doc.line_of(link.start) - 1)
    return Base(
        name=name,
        lines=lines,
        eols=eols,
        doc=doc,
        findings=findings,
        rules_on=rules_on,
        blocked=blocked,
        entries=entries,
        leaves=leaves,
        items=items,
        entry_from=entries_start(doc.headings) - 1,
        prose=prose,
        atx=atx,
        heading_level=level,
        anchor_lines=dict(anchors),
        variant=variant,
    )


def entries_start(headings: Sequence[Heading]) -> int:
    """1-based line where entries begin: after the Contents section, else at the first H2."""
    for i, h in enumerate(headings):
        if is_contents(h.text):
            later = [x for x in headings[i + 1 :] if x.level <= h.level]
            return later[0].line if later else 1 << 30
    h2 = [h for h in headings if h.level == 2]
    if h2:
        return h2[0].line
    return headings[0].line if headings else 1


# ---------------------------------------------------------------------------------------
# base variants


def contents_variant(base: Base) -> Base | None:
    """The real sections nested as H3 (and below) under one ``## Contents`` H2."""
    h2 = sorted(line for line, lvl in base.heading_level.items() if lvl == 2)
    if not h2 or not base.atx:
        return None
    own = [line for line in h2 if line in base.atx and is_contents(base.atx[line].group("text"))]
    lines, eols = list(base.lines), list(base.eols)
    first = own[0] if own else h2[0]
    for line, m in base.atx.items():
        if (line > first or not own) and line >= first and len(m.group("hashes").strip()) < 6:
            lines[line] = "#" + lines[line].lstrip(" ")
    if not own:
        eol = base.eols[first] or "\n"
        lines[first:first] = ["## Contents", ""]
        eols[first:first] = [eol, eol]
    variant = load(base.name, "".join(a + b for a, b in zip(lines, eols, strict=True)), "contents")
    variant.entry_from = first + 1
    return variant


def numbered_variant(base: Base) -> Base | None:
    """H2 and H3 headings numbered in order: ``## 3 Tools``, ``### 3.2 Parsers``."""
    lines = list(base.lines)
    n2 = n3 = 0
    done: list[int] = []
    for line in sorted(base.atx):
        if line < base.entry_from:
            continue
        m = base.atx[line]
        lvl = len(m.group("hashes").strip())
        if lvl == 2:
            n2, n3 = n2 + 1, 0
            number = str(n2)
        elif lvl == 3 and n2:
            n3 += 1
            number = f"{n2}.{n3}"
        else:
            continue
        if m.group("text")[:1].isdigit():
            continue
        lines[line] = f"{m.group('hashes')} {number} {m.group('text')}"
        done.append(line)
    if not done:
        return None
    text = "".join(a + b for a, b in zip(lines, base.eols, strict=True))
    variant = load(base.name, text, "numbered")
    variant.numbered = set(done) & set(variant.atx)
    return variant


def table_variant(base: Base, seed: int) -> Base | None:
    """Up to six lists of plain entries rewritten as ``| [Name](url) | Description |`` tables."""
    by_list: dict[int, list[int]] = defaultdict(list)
    for it in base.doc.items:
        by_list[it.list_id].append(it.line - 1)
    candidates = []
    for rows in by_list.values():
        if len(rows) < 2 or rows != list(range(rows[0], rows[0] + len(rows))):
            continue
        if all(
            r in base.leaves
            and r >= base.entry_from
            and base.lines[r][:1] in "-*+"
            and "|" not in base.lines[r]
            for r in rows
        ):
            candidates.append(rows)
    if not candidates:
        return None
    rng = random.Random(f"{seed}/table/{base.name}")
    chosen = sorted(rng.sample(candidates, min(6, len(candidates))))
    lines, eols = list(base.lines), list(base.eols)
    for rows in reversed(chosen):
        eol = eols[rows[0]] or "\n"
        new = ["| Name | Description |", "| --- | --- |"]
        for r in rows:
            m = base.entries[r]
            rest = m.group("rest")
            desc = rest[3:] if rest.startswith(" - ") else rest.strip()
            new.append(f"| [{m.group('name')}]({m.group('url')}) | {desc} |")
        before = [""] if rows[0] > 0 and lines[rows[0] - 1].strip() else []
        after = [""] if rows[-1] + 1 < len(lines) and lines[rows[-1] + 1].strip() else []
        block = before + new + after
        lines[rows[0] : rows[-1] + 1] = block
        tail = eols[rows[-1]]
        eols[rows[0] : rows[-1] + 1] = [eol] * (len(block) - 1) + [tail or eol]
    text = "".join(a + b for a, b in zip(lines, eols, strict=True))
    variant = load(base.name, text, "table")
    variant.table_rows = {
        i
        for i, line in enumerate(variant.lines)
        if line.startswith("| [") and i not in variant.blocked
    }
    return variant


# ---------------------------------------------------------------------------------------
# injections


@dataclass(frozen=True)
class Mutation:
    """One injected line: it replaces base line ``line``, or follows it (``insert``)."""

    line: int
    new: str
    klass: str  # the class whose rule and shape apply (the contents class borrows others')
    variant: str
    insert: bool = False
    dependents: frozenset[int] = frozenset()  # base lines whose new findings it causes
    refs: frozenset[int] = frozenset()  # base lines it depends on (a copied URL's entry)


Mutator = Callable[[Base, int, random.Random, int], "Mutation | None"]


@dataclass(frozen=True)
class DefectClass:
    name: str
    sites: Callable[[Base], Iterable[int]]
    mutate: Mutator
    shape: str  # regex (searched) every injected line of this class matches
    variant: str = "plain"  # the base variant it needs
    about: str = ""
    local: bool = True  # only its own line matters: may share a check with other classes


def entry_lines(base: Base, *, leaf: bool = False, desc: bool = False) -> list[int]:
    out = []
    for line, m in base.entries.items():
        if line < base.entry_from or (leaf and line not in base.leaves):
            continue
        if desc and DESC.fullmatch(m.group("rest")) is None:
            continue
        out.append(line)
    return out


def text_lines(base: Base) -> list[int]:
    """Entries and prose lines that end a sentence with a word and a period."""
    cands = set(entry_lines(base)) | set(base.prose)
    return [n for n in cands if _ENDS_IN_WORD.fullmatch(base.lines[n])]


def head(m: re.Match[str]) -> str:
    """An entry's indentation, marker and the space after it."""
    return m.group("indent") + m.group("marker") + m.group("gap")


def _desc(base: Base, line: int) -> tuple[re.Match[str], str] | None:
    m = base.entries.get(line)
    if m is None:
        return None
    d = DESC.fullmatch(m.group("rest"))
    return (m, d.group("desc")) if d else None


def _with_desc(m: re.Match[str], desc: str, sep: str = " - ") -> str:
    return f"{head(m)}[{m.group('name')}]({m.group('url')}){sep}{desc}"


def as_subject(name: str, desc: str) -> str:
    """``desc`` restated with ``name`` as its subject: "Flask is a micro framework.",
    or "Flask: Micro framework." when it does not start with an article."""
    first, _, rest = desc.partition(" ")
    if first.lower() in ("a", "an", "the") and rest:
        return f"{name} is {first.lower()} {rest}"
    return f"{name}: {desc}"


def pick(variants: Sequence[str], k: int) -> str:
    return variants[k % len(variants)]


# -- issue 11, 1: entries under a Contents H2


_CONTENTS_SUBS = (
    "lowercase-start",
    "missing-period",
    "dash-separator",
    "doubled-end-punctuation",
    "description-in-link-text",
    "repeated-name-word",
)


def m_contents(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    """The entry defects in turn; a place that does not suit this turn's defect is left
    for another (so that each defect gets its share)."""
    sub = _CONTENTS_SUBS[k % len(_CONTENTS_SUBS)]
    m = CLASSES[sub].mutate(base, line, rng, k // len(_CONTENTS_SUBS))
    return None if m is None else Mutation(m.line, m.new, sub, sub, m.insert)


# -- issue 11, 2


def m_marker_space(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    marker = pick(("-", "*", "+", "1."), k)
    new = m.group("indent") + marker + base.lines[line][m.start("name") - 1 :]
    return Mutation(line, new, "marker-space", marker)


# -- issue 11, 3


def m_reversed_entry(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    if "(" in m.group("name") or ")" in m.group("name"):
        return None
    new = f"{head(m)}({m.group('name')})[{m.group('url')}]{m.group('rest')}"
    return Mutation(line, new, "reversed-link-entry", "entry")


def _reverse_link(base: Base, line: int, entry_link: bool) -> str | None:
    """The line with one of its inline links written ``(text)[url]``: the first one, or
    (``entry_link`` false) the first one that is not the entry's own link."""
    doc = base.doc
    start = doc.line_starts[line]
    entry = base.entries.get(line)
    own = start + entry.start("name") - 1 if entry else -1
    for link in doc.links_between(start, doc.line_ends[line]):
        if link.image or link.kind != "inline" or link.parent is not None:
            continue
        if not entry_link and link.start == own:
            continue
        m = _INLINE_LINK.fullmatch(doc.text, link.start, link.end)
        if m is None or any(r.start < link.end and link.start < r.end for r in doc.regions):
            continue
        a, b = link.start - start, link.end - start
        text = base.lines[line]
        return f"{text[:a]}({m.group('text')})[{m.group('url')}]{text[b:]}"
    return None


def s_reversed_prose(base: Base) -> list[int]:
    out = []
    for line in set(base.prose) | set(entry_lines(base)):
        if "](http" in base.lines[line]:
            out.append(line)
    return out


def m_reversed_prose(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    new = _reverse_link(base, line, entry_link=False)
    if new is None:
        return None
    where = "description" if line in base.entries else "paragraph"
    return Mutation(line, new, "reversed-link-prose", where)


def m_reversed_table(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    new = _reverse_link(base, line, entry_link=True)
    return None if new is None else Mutation(line, new, "reversed-link-table", "table")


def m_empty_link(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    target = pick(("()", "(#)", "(<>)", f'( # "{m.group("name")}")'), k)
    if '"' in m.group("name"):
        target = "()"
    new = f"{head(m)}[{m.group('name')}]{target}{m.group('rest')}"
    return Mutation(line, new, "empty-link", target.replace(m.group("name"), "title"))


def s_images(base: Base) -> list[int]:
    lines = {base.doc.line_of(x.start) - 1 for x in base.doc.links if x.image}
    return sorted(lines | set(entry_lines(base, desc=True)))


def m_image_ref(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    label = f"missing-image-{line}"
    if label in base.text:
        return None
    doc, text = base.doc, base.lines[line]
    start = doc.line_starts[line]
    for x in doc.links_between(start, doc.line_ends[line]):
        m = re.fullmatch(r"!\[([^\[\]]*)\]\([^()\s]+(?: \"[^\"]*\")?\)", doc.text[x.start : x.end])
        if x.image and x.kind == "inline" and m:
            a, b = x.start - start, x.end - start
            return Mutation(line, f"{text[:a]}![{m.group(1)}][{label}]{text[b:]}", "", "image")
    if _desc(base, line) is None:
        return None
    return Mutation(line, f"{text} ![screenshot][{label}]", "", "entry")


def m_bare_ftp(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    url = "ftp://" + m.group("url").split("://", 1)[1]
    rest = m.group("rest") if k % 2 and m.group("rest").startswith(" - ") else ""
    return Mutation(line, head(m) + url + rest, "", "with description" if rest else "alone")


def m_glued_url(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    url = m.group("url")
    if "%" in url or url.endswith((".", ",")):
        return None
    new = f"{head(m)}[{m.group('name')}]({url}%20({url})){m.group('rest')}"
    return Mutation(line, new, "", "glued")


# -- issue 11, 4


def heading_dependents(base: Base, line: int) -> frozenset[int]:
    """The lines that link to a heading the mutation unmakes: to its anchor, and to those
    of its namesakes (`#database-1`), which GitHub numbers anew without it."""
    anchor = "#" + slug(base.atx[line].group("text"))
    return frozenset(
        n
        for key, lines in base.anchor_lines.items()
        if key == anchor or (key.startswith(anchor + "-") and key[len(anchor) + 1 :].isdigit())
        for n in lines
    )


def s_headings(base: Base) -> list[int]:
    return [n for n, m in base.atx.items() if base.heading_level[n] >= 2 and n >= base.entry_from]


def m_numbered(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    if line not in base.numbered:
        return None
    m = base.atx[line]
    new = m.group("hashes") + m.group("text")
    return Mutation(line, new, "", "numbered", dependents=heading_dependents(base, line))


def m_closed_heading(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.atx[line]
    if not m.group("text")[-1:].isalnum():
        return None
    hashes = m.group("hashes").strip()
    return Mutation(line, f"{m.group('hashes')} {m.group('text')}{hashes}", "", "closed")


# -- issue 11, 5


def m_lowercase(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None:
        return None
    m, desc = got
    first = desc.split(" ", 1)[0]
    if not first.isalpha() or (first.isupper() and len(first) > 1):
        return None
    if k % 2 == 0 and first.lower() in _LOWERABLE:
        new, variant = first.lower() + desc[len(first) :], "own word lowercased"
    else:
        names = {w.lower() for w in re.findall(r"\w+", m.group("name"))}
        word = rng.choice([w for w in COMMON_WORDS if w not in names and len(w) > 3])
        new, variant = word + desc[len(first) :], "drawn word"
    return Mutation(line, _with_desc(m, new), "lowercase-start", variant)


def m_doubled_end(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None:
        return None
    m, desc = got
    words = desc[:-1].rsplit(" ", 1)
    if len(words) < 2 or not words[1].isalpha():
        return None
    form = pick(('"{w}?".', "“{w}!”!", '"{w}!".', "‘{w}?’."), k)
    new = f"{words[0]} " + form.format(w=words[1])
    return Mutation(line, _with_desc(m, new), "doubled-end-punctuation", form.format(w="end"))


def m_desc_in_link(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None:
        return None
    m, desc = got
    text = desc if k % 2 else desc[:-1]
    new = f"{head(m)}[{m.group('name')} - {text}]({m.group('url')})"
    return Mutation(line, new, "description-in-link-text", "period" if k % 2 else "no period")


def m_dash(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None:
        return None
    m, desc = got
    dash = pick(("–", "—"), k)
    return Mutation(line, _with_desc(m, desc, f" {dash} "), "dash-separator", dash)


def m_period(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None:
        return None
    m, desc = got
    return Mutation(line, _with_desc(m, desc[:-1]), "missing-period", "no period")


# -- issue 11, 6


def _append(base: Base, line: int, phrase: str, klass: str, variant: str) -> Mutation:
    return Mutation(line, f"{base.lines[line][:-1]} {phrase}.", klass, variant)


def m_split(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    name = pick(SPLIT_NAMES, k)
    return _append(base, line, f"for {name}", "split-product-name", name)


def m_hyphen(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    word = pick(HYPHENATED_NAMES, k)
    return _append(base, line, f"({word})", "hyphenated-product-name", word)


def m_misspelled(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    name = pick(MISSPELLED_NAMES, k)
    return _append(base, line, f"for {name}", "misspelled-product-name", name)


def _siblings(base: Base, line: int) -> tuple[str | None, str | None]:
    """The names of the entries just before and after this one in its list."""
    doc = base.doc
    it = doc.items[base.items[line]]
    same = [x for x in doc.items if x.list_id == it.list_id]
    i = same.index(it)
    names: list[str | None] = []
    for j in (i - 1, i + 1):
        m = base.entries.get(same[j].line - 1) if 0 <= j < len(same) else None
        names.append(m.group("name").casefold() if m else None)
    return names[0], names[1]


def m_lower_product(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    before, after = _siblings(base, line)
    # only where the new name keeps the list's alphabetical order (list-order stays quiet)
    fits = [
        p
        for p in LOWERCASE_PRODUCTS
        if (before is None or before <= p)
        and (after is None or p <= after)
        and p not in m.group("url").lower()
        and p not in m.group("rest").lower()
    ]
    if not fits:
        return None
    name = rng.choice(fits)
    new = f"{head(m)}[{name}]({m.group('url')}){m.group('rest')}"
    return Mutation(line, new, "lowercase-product-link-text", name)


# -- issue 11, 7


def m_repeated_symbol(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None or not _SINGLE_WORD.fullmatch(got[0].group("name")):
        return None
    m, desc = got
    name = pick(("#", "$"), k) + m.group("name")
    new = f"{head(m)}[{name}]({m.group('url')}) - {as_subject(name, desc)}"
    return Mutation(line, new, "repeated-name-symbol", name[0])


def m_repeated_word(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    got = _desc(base, line)
    if got is None or not _SINGLE_WORD.fullmatch(got[0].group("name")):
        return None
    m, desc = got
    name = m.group("name")
    if k % 2 == 0:
        return Mutation(line, _with_desc(m, as_subject(name, desc)), "", "subject")
    words = desc.split(" ", 1)
    if len(words) < 2 or words[0].lower() not in ("a", "an", "the"):
        return None
    return Mutation(line, _with_desc(m, f"{name} {words[1]}"), "", "modifier")


# -- issue 11, 8


def m_duplicate(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    earlier = [n for n in base.entries if n < line and n != line]
    if not earlier:
        return None
    at = rng.choice(earlier)
    source = base.entries[at]
    if source.group("url").rstrip("/") == m.group("url").rstrip("/"):
        return None
    new = f"{head(m)}[{m.group('name')} Mirror]({source.group('url')}) - A mirror."
    return Mutation(line, new, "", "copied URL", insert=True, refs=frozenset({at}))


# -- the defects the rules already knew


def m_heading_space(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.atx[line]
    if m.group("text")[:1] in ("", "#"):
        return None
    new = m.group("hashes") + m.group("text")
    return Mutation(line, new, "", "###Text", dependents=heading_dependents(base, line))


def m_heading_nbsp(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.atx[line]
    if m.group("text")[:1] in ("", "#"):
        return None
    new = m.group("hashes") + "\u00a0" + m.group("text")
    return Mutation(line, new, "", "###\u00a0Text", dependents=heading_dependents(base, line))


def s_indent(base: Base) -> list[int]:
    out = []
    for line in base.leaves:
        prev = base.entries.get(line - 1)
        m = base.entries[line]
        if (
            prev is not None
            and line - 1 in base.leaves
            and m.group("marker") in "-*+"
            and prev.group("marker") in "-*+"
            and prev.group("indent") == m.group("indent")
            and prev.group("gap") == " "
            and "\t" not in m.group("indent")
        ):
            out.append(line)
    return out


def m_indent(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    extra = pick((" ", "   ", "\t"), k)
    label = {" ": "+1 space", "   ": "+3 spaces", "\t": "tab"}[extra]
    return Mutation(line, extra + base.lines[line], "", label)


def s_marker_mix(base: Base) -> list[int]:
    by_list: dict[int, list[int]] = defaultdict(list)
    for it in base.doc.items:
        by_list[it.list_id].append(it.index)
    out: list[int] = []
    for ids in by_list.values():
        items = [base.doc.items[i] for i in ids]
        if len(items) >= 3 and all(it.marker == "-" for it in items):
            out.extend(it.line - 1 for it in items if it.line - 1 in base.entries)
    return out


def m_marker_mix(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    marker = pick(("*", "+"), k)
    new = m.group("indent") + marker + base.lines[line][m.end("marker") :]
    return Mutation(line, new, "", marker)


def m_missing_parens(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    if k % 2 == 0:
        link, variant = f"[{m.group('name')}]{m.group('url')}", "[text]url"
    else:
        link, variant = f"[{m.group('name')}] ({m.group('url')})", "[text] (url)"
    return Mutation(line, head(m) + link + m.group("rest"), "", variant)


def m_bare_url(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    m = base.entries[line]
    rest = m.group("rest") if k % 2 and m.group("rest").startswith(" - ") else ""
    return Mutation(
        line, head(m) + m.group("url") + rest, "", "with description" if rest else "alone"
    )


def s_nonblank(base: Base) -> list[int]:
    return [
        n
        for n, text in enumerate(base.lines)
        if text.strip() and text == text.rstrip() and n + 1 < len(base.lines)
    ]


def m_trailing(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    if base.doc.in_region(base.doc.line_ends[line], frozenset({"codespan"})):
        return None  # a code span running over the line break: there it is content
    ws = pick((" ", "   ", "\t", " \t"), k)
    return Mutation(line, base.lines[line] + ws, "", repr(ws))


def s_blank(base: Base) -> list[int]:
    lines = base.lines
    return [
        n
        for n in range(1, len(lines) - 2)
        if lines[n] == ""
        and lines[n - 1].strip()
        and lines[n + 1].strip()
        and n + 1 not in base.blocked
        and n - 1 not in base.blocked
    ]


def m_blank(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    return Mutation(line, "", "", "extra blank line", insert=True)


def m_tab(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    text = base.lines[line]
    lead = len(text) - len(text.lstrip())
    entry = base.entries.get(line)
    lo = entry.end("rest") - len(entry.group("rest")) + 3 if entry else lead
    spaces = [i for i in range(max(lo, lead + 1), len(text) - 1) if text[i] == " "]
    at = base.doc.line_starts[line]
    spaces = [
        i
        for i in spaces
        if text[i - 1] not in " \t" and text[i + 1] not in " \t" and not base.doc.in_region(at + i)
    ]
    if not spaces:
        return None
    i = rng.choice(spaces)
    return Mutation(line, text[:i] + "\t" + text[i + 1 :], "", "tab between words")


def s_anchors(base: Base) -> list[int]:
    return sorted({n for lines in base.anchor_lines.values() for n in lines})


def m_anchor(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    doc, text = base.doc, base.lines[line]
    start = doc.line_starts[line]
    known = {"#" + slug(m.group("text")) for m in base.atx.values()} | set(base.anchor_lines)
    for link in doc.links_between(start, doc.line_ends[line]):
        url = link.url
        if not url.startswith("#") or len(url) < 5 or link.kind != "inline":
            continue
        a, b = link.url_start - start, link.url_end - start
        if text[a:b] != url:
            continue
        i = rng.randrange(2, len(url) - 1)
        typo = url[:i] + url[i + 1 :] if k % 2 else url[:i] + url[i + 1] + url[i] + url[i + 2 :]
        if typo.lower() in known or typo == url or f'"{typo[1:]}"' in base.text:
            continue
        return Mutation(line, text[:a] + typo + text[b:], "", "typo")
    return None


def s_heading_punct(base: Base) -> list[int]:
    return [n for n in s_headings(base) if base.atx[n].group("text")[-1:].isalnum()]


def m_heading_punct(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    mark = pick((":", ".", ";", "!"), k)
    return Mutation(line, base.lines[line].rstrip() + mark, "", mark)


def m_repeated_punct(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    marks = pick(("!!", "??", "!!!"), k)
    return Mutation(line, base.lines[line][:-1] + marks, "", marks)


def m_unbalanced(base: Base, line: int, rng: random.Random, k: int) -> Mutation | None:
    opener = pick(("(", "“", "["), k)
    return _append(base, line, f"{opener}see below", "", opener)


def _entry_sites(**kw: bool) -> Callable[[Base], list[int]]:
    return lambda base: entry_lines(base, **kw)


_M = _MARKER
CLASSES: dict[str, DefectClass] = {
    c.name: c
    for c in (
        DefectClass(
            "contents-nested",
            _entry_sites(desc=True),
            m_contents,
            "",
            "contents",
            "entry defects in sections nested under a ## Contents H2",
        ),
        DefectClass(
            "marker-space",
            _entry_sites(leaf=True),
            m_marker_space,
            rf"^[ \t]*{_M}\[",
            about="-[x](y)",
            local=False,
        ),
        DefectClass(
            "reversed-link-entry",
            _entry_sites(),
            m_reversed_entry,
            r"\([^()\[\]]+\)\[https?://[^\]\s]+\]",
            about="- (Name)[url]",
        ),
        DefectClass(
            "reversed-link-prose",
            s_reversed_prose,
            m_reversed_prose,
            r"\([^()\[\]]+\)\[https?://[^\]\s]+\]",
            about="(text)[url] in a paragraph or description",
        ),
        DefectClass(
            "reversed-link-table",
            lambda b: sorted(b.table_rows),
            m_reversed_table,
            r"^\| \([^()\[\]]+\)\[https?://[^\]\s]+\]",
            "table",
            "(text)[url] in a table",
        ),
        DefectClass(
            "empty-link",
            _entry_sites(),
            m_empty_link,
            r"\[[^\]]+\]\((?:|#|<>| # \"[^\"]*\")\)",
            about='[x](), [x](#), [x](<>), [x]( # "t")',
        ),
        DefectClass(
            "undefined-image-ref",
            s_images,
            m_image_ref,
            r"!\[[^\]]*\]\[missing-image-\d+\]",
            about="![alt][missing]",
        ),
        DefectClass(
            "bare-ftp-entry",
            _entry_sites(),
            m_bare_ftp,
            rf"^[ \t]*{_M} +ftp://\S+( - .*)?$",
            about="- ftp://host/path",
        ),
        DefectClass(
            "glued-url",
            _entry_sites(),
            m_glued_url,
            r"\]\((https?://\S+)%20\(\1\)\)",
            about="(https://a.pdf%20(https://a.pdf))",
        ),
        DefectClass(
            "numbered-heading-no-space",
            lambda b: sorted(b.numbered),
            m_numbered,
            r"^ {0,3}#{1,6}\d",
            "numbered",
            "##3 Training Tricks",
        ),
        DefectClass(
            "closed-heading-no-space",
            s_heading_punct,
            m_closed_heading,
            r"^ {0,3}(#{1,6}) .*[^#\s]\1$",
            about="## Heading##",
            local=False,
        ),
        DefectClass(
            "lowercase-start",
            _entry_sites(desc=True),
            m_lowercase,
            r"\) - [a-z]+\b",
            about="- [x](y) - collection of ...",
        ),
        DefectClass(
            "doubled-end-punctuation",
            _entry_sites(desc=True),
            m_doubled_end,
            r"[?!][\"”’][.!]$",
            about='"end?". / “end!”!',
        ),
        DefectClass(
            "description-in-link-text",
            _entry_sites(desc=True),
            m_desc_in_link,
            r"\[[^\]]+ - [A-Z][^\]]*\]\(https?://[^)]+\)$",
            about="[Flask - A micro web framework](url)",
        ),
        DefectClass(
            "dash-separator",
            _entry_sites(desc=True),
            m_dash,
            r"\) [–—] [A-Z]",
            about="[x](y) – Desc.",
        ),
        DefectClass(
            "missing-period",
            _entry_sites(desc=True),
            m_period,
            r"\) - [A-Z].*[^.]$",
            about="[x](y) - Desc",
        ),
        DefectClass(
            "split-product-name",
            text_lines,
            m_split,
            "|".join(SPLIT_NAMES),
            about="Java Script, Git Hub, ...",
        ),
        DefectClass(
            "hyphenated-product-name",
            text_lines,
            m_hyphen,
            "|".join(HYPHENATED_NAMES),
            about="python-based, Javascript-only",
        ),
        DefectClass(
            "lowercase-product-link-text",
            _entry_sites(),
            m_lower_product,
            r"\[(?:" + "|".join(LOWERCASE_PRODUCTS) + r")\]\(",
            about="[mocha](url)",
            local=False,
        ),
        DefectClass(
            "misspelled-product-name",
            text_lines,
            m_misspelled,
            r"\b(?:" + "|".join(MISSPELLED_NAMES) + r")\b",
            about="Javascript, Github, Tensorflow",
        ),
        DefectClass(
            "repeated-name-symbol",
            _entry_sites(desc=True),
            m_repeated_symbol,
            r"\[([#$]\w+)\]\([^)]+\) - \1[ :]",
            about="[#flask](url) - #flask is a ... / [$flask](url) - $flask: ...",
        ),
        DefectClass(
            "repeated-name-word",
            _entry_sites(desc=True),
            m_repeated_word,
            r"\[(\w+)\]\([^)]+\) - \1[ :]",
            about="[Flask](url) - Flask is a ... / Flask: ... / Flask micro framework.",
        ),
        DefectClass(
            "duplicate-link",
            _entry_sites(leaf=True),
            m_duplicate,
            rf"^[ \t]*{_M} +\[[^\]]+ Mirror\]\(https?://",
            about="another entry's URL in a new entry",
            local=False,
        ),
        DefectClass(
            "heading-no-space",
            s_headings,
            m_heading_space,
            r"^ {0,3}#{1,6}[^#\s]",
            about="###Python",
            local=False,
        ),
        DefectClass(
            "heading-nbsp",
            s_headings,
            m_heading_nbsp,
            r"^ {0,3}#{1,6}\u00a0\S",
            about="###\u00a0Python (a no-break space pasted for the space)",
            local=False,
        ),
        DefectClass(
            "list-indent",
            s_indent,
            m_indent,
            rf"^(?: |   |\t)[ \t]*{_M} ",
            about="an item indented 1 or 3 more spaces, or a tab",
            local=False,
        ),
        DefectClass(
            "list-marker-mix",
            s_marker_mix,
            m_marker_mix,
            r"^[ \t]*[*+] ",
            about="* or + in a - list",
            local=False,
        ),
        DefectClass(
            "link-missing-parens",
            _entry_sites(),
            m_missing_parens,
            r"\[[^\]]+\](?:https?://| \(https?://)",
            about="[text]url, [text] (url)",
        ),
        DefectClass(
            "bare-url-entry",
            _entry_sites(),
            m_bare_url,
            rf"^[ \t]*{_M} +https?://\S+( - .*)?$",
            about="- https://url",
        ),
        DefectClass(
            "trailing-whitespace",
            s_nonblank,
            m_trailing,
            r"\S[ \t]+$",
            about="spaces or a tab at the end of a line",
        ),
        DefectClass("multiple-blank-lines", s_blank, m_blank, r"^$", about="a second blank line"),
        DefectClass("hard-tab", text_lines, m_tab, r"\S\t\S", about="a tab between words"),
        DefectClass(
            "broken-anchor", s_anchors, m_anchor, r"\]\(#[^)]+\)", about="[x](#typo)", local=False
        ),
        DefectClass(
            "heading-trailing-punctuation",
            s_heading_punct,
            m_heading_punct,
            r"^ {0,3}#{1,6} .*\w[:.;!]$",
            about="## Heading:",
            local=False,
        ),
        DefectClass(
            "repeated-punctuation",
            text_lines,
            m_repeated_punct,
            r"\w(?:!!|\?\?)!?$",
            about="Desc!! / Desc??",
        ),
        DefectClass(
            "unbalanced-bracket",
            text_lines,
            m_unbalanced,
            r" [(“\[]see below\.$",
            about="Desc (see below. / “ / [",
        ),
    )
}
_MISSING = set(CLASSES) - set(RULES) - {"contents-nested"}
assert not _MISSING, f"no rule for {sorted(_MISSING)}"


def rule_of(klass: str) -> str:
    return RULES[klass]


# ---------------------------------------------------------------------------------------
# running


@dataclass
class Outcome:
    """What one class did to one base."""

    klass: str
    base: str
    injected: int = 0
    detected: int = 0
    rejected: int = 0  # injections that did not have the class's shape (a bug here)
    new_untouched: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    by_variant: Counter[str] = field(default_factory=Counter)
    detected_by_variant: Counter[str] = field(default_factory=Counter)
    rules: set[str] = field(default_factory=set)


def choose(
    dc: DefectClass, base: Base, rng: random.Random, n: int, gap: int
) -> tuple[list[Mutation], int]:
    """Up to ``n`` injections of class ``dc``, ``gap`` lines apart, and how many were
    dropped for not having the class's shape."""
    sites = sorted({s for s in dc.sites(base) if s not in base.blocked})
    rng.shuffle(sites)
    chosen: list[Mutation] = []
    rejected = 0
    for s in sites:
        if len(chosen) >= n:
            break
        if any(abs(s - c.line) < gap for c in chosen):
            continue
        m = dc.mutate(base, s, rng, len(chosen))
        if m is None:
            continue
        klass = m.klass or dc.name
        m = Mutation(m.line, m.new, klass, m.variant, m.insert, m.dependents, m.refs)
        if RULES[klass] in base.rules_on[m.line]:
            continue  # already reported: it would prove nothing
        old = base.lines[m.line]
        shape = CLASSES[klass].shape
        if (m.new == old and not m.insert) or not re.search(shape, m.new) or "\n" in m.new:
            rejected += 1
            continue
        chosen.append(m)
    return chosen, rejected


def inject(base: Base, tagged: Sequence[tuple[str, Mutation]]) -> dict[str, Outcome]:
    """Apply the injections (owner class, mutation), check once, and score them by class.
    ``new_untouched`` of the result's first outcome holds every new finding of the check
    (the caller decides whom they belong to); the others' is empty."""
    by_line = {m.line: (owner, m) for owner, m in tagged}
    lines: list[str] = []
    eols: list[str] = []
    origin: list[int | None] = []  # base line of each new line; None: injected
    injected: dict[int, tuple[str, Mutation]] = {}
    dependents: set[int] = set()
    for i, (text, eol) in enumerate(zip(base.lines, base.eols, strict=True)):
        hit = by_line.get(i)
        m = hit[1] if hit else None
        if m is None or m.insert:
            lines.append(text)
            eols.append(eol or (base.doc.eol if m else ""))
            origin.append(i)
        if hit is not None and m is not None:
            injected[len(lines)] = hit
            lines.append(m.new)
            eols.append(eol)
            origin.append(None)
            dependents |= m.dependents
    starts = line_starts(lines, eols)
    rules_at: dict[int, set[str]] = defaultdict(set)
    after: Counter[tuple[str, int, int]] = Counter()
    examples: dict[tuple[str, int, int], awesomelint.Finding] = {}
    text = "".join(a + b for a, b in zip(lines, eols, strict=True))
    for f in awesomelint.check(text, config=CONFIG):
        a, b = finding_lines(starts, f)
        for k in range(a, b + 1):
            rules_at[k].add(f.rule)
        span = [origin[k] for k in range(a, b + 1)]
        if any(o is None or o in dependents for o in span):
            continue
        key = (f.rule, span[0] or 0, span[-1] or 0)
        after[key] += 1
        examples[key] = f
    outcomes = {owner: Outcome(owner, base.name) for owner, _ in tagged}
    first = outcomes[tagged[0][0]]
    for key, count in sorted(after.items(), key=lambda kv: kv[0][1]):
        extra = count - base.findings.get(key, 0)
        if extra > 0:
            f = examples[key]
            first.new_untouched.append(
                {
                    "base": base.name,
                    "variant": base.variant,
                    "line": key[1] + 1,
                    "rule": f.rule,
                    "count": extra,
                    "message": f.message,
                    "text": base.lines[key[1]],
                }
            )
    for line, (owner, m) in sorted(injected.items()):
        out = outcomes[owner]
        rule = RULES[m.klass]
        out.rules.add(rule)
        out.injected += 1
        out.by_variant[m.variant] += 1
        if rule in rules_at[line]:
            out.detected += 1
            out.detected_by_variant[m.variant] += 1
        else:
            out.misses.append(
                {
                    "base": base.name,
                    "variant": base.variant,
                    "line": line + 1,
                    "rule": rule,
                    "shape": m.variant,
                    "text": m.new,
                    "was": None if m.insert else base.lines[m.line],
                    "other_rules": sorted(rules_at[line]),
                }
            )
    return outcomes


def pack(
    drawn: Sequence[tuple[str, Sequence[Mutation]]], gap: int
) -> list[list[tuple[str, Mutation]]]:
    """Injections of several classes grouped into as few documents as possible, each
    document's injections ``gap`` lines apart and clear of the lines the others read."""
    buckets: list[list[tuple[str, Mutation]]] = []
    for owner, muts in drawn:
        for m in muts:
            for bucket in buckets:
                if all(
                    abs(m.line - o.line) >= gap
                    and o.line not in m.refs | m.dependents
                    and m.line not in o.refs | o.dependents
                    for _, o in bucket
                ):
                    bucket.append((owner, m))
                    break
            else:
                buckets.append([(owner, m)])
    return buckets


def merge(into: Outcome, part: Outcome) -> None:
    into.injected += part.injected
    into.detected += part.detected
    into.new_untouched += part.new_untouched
    into.misses += part.misses
    into.by_variant.update(part.by_variant)
    into.detected_by_variant.update(part.detected_by_variant)
    into.rules |= part.rules


def run_base(
    base: Base, classes: Sequence[DefectClass], seed: int, n: int, gap: int, batch: bool
) -> list[Outcome]:
    """Every class on one base. Batched (the default), the injections of the classes
    that touch only their own line share checks; a class whose shared check shows new
    findings on untouched lines is run again alone, so those are always its own."""
    drawn: list[tuple[str, list[Mutation]]] = []
    results = {dc.name: Outcome(dc.name, base.name) for dc in classes}
    for dc in classes:
        rng = random.Random(f"{seed}/{dc.name}/{base.name}")
        muts, results[dc.name].rejected = choose(dc, base, rng, n, gap)
        if muts:
            drawn.append((dc.name, muts))
    alone = [(c, ms) for c, ms in drawn if not batch or not CLASSES[c].local]
    shared = [(c, ms) for c, ms in drawn if batch and CLASSES[c].local]
    again: set[str] = set()
    for bucket in pack(shared, gap):
        outs = inject(base, bucket)
        owners = set(outs)
        if len(owners) > 1 and any(o.new_untouched for o in outs.values()):
            again |= owners
            continue
        for owner, out in outs.items():
            merge(results[owner], out)
    for owner, muts in alone + [(c, ms) for c, ms in shared if c in again]:
        if owner in again:
            rejected = results[owner].rejected
            results[owner] = Outcome(owner, base.name, rejected=rejected)
        merge(results[owner], inject(base, [(owner, m) for m in muts])[owner])
    return [results[dc.name] for dc in classes]


def bases(files: Sequence[str], corpus: bool) -> list[tuple[str, str]]:
    paths = [Path(f) for f in files] if files else [ROOT / f for f in BUNDLED]
    if not files and corpus and CORPUS.is_dir():
        paths += sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md")
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


@dataclass
class Report:
    seed: int
    per_base: int
    bases: list[str]
    outcomes: list[Outcome]
    seconds: float

    def rows(self) -> list[dict[str, Any]]:
        out = []
        by_class: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            by_class[o.klass].append(o)
        for name, outs in by_class.items():
            injected = sum(o.injected for o in outs)
            detected = sum(o.detected for o in outs)
            variants: Counter[str] = Counter()
            found: Counter[str] = Counter()
            rules: set[str] = set()
            for o in outs:
                variants.update(o.by_variant)
                found.update(o.detected_by_variant)
                rules |= o.rules
            out.append(
                {
                    "class": name,
                    "rule": ", ".join(sorted(rules)) if rules else RULES.get(name, "-"),
                    "about": CLASSES[name].about,
                    "injected": injected,
                    "detected": detected,
                    "rate": detected / injected if injected else None,
                    "new_untouched": sum(f["count"] for o in outs for f in o.new_untouched),
                    "rejected": sum(o.rejected for o in outs),
                    "by_base": {
                        o.base: {
                            "injected": o.injected,
                            "detected": o.detected,
                            "new_untouched": sum(f["count"] for f in o.new_untouched),
                        }
                        for o in outs
                    },
                    "by_variant": {v: [found[v], variants[v]] for v in sorted(variants)},
                    "new_by_rule": dict(
                        Counter(
                            f["rule"]
                            for o in outs
                            for f in o.new_untouched
                            for _ in range(f["count"])
                        )
                    ),
                    "misses": [m for o in outs for m in o.misses],
                    "new_findings": [f for o in outs for f in o.new_untouched],
                }
            )
        return out


def measure(
    texts: Sequence[tuple[str, str]],
    classes: Sequence[str],
    seed: int,
    per_base: int,
    gap: int,
    progress: Callable[[str], None] | None = None,
    batch: bool = True,
) -> Report:
    t0 = time.perf_counter()
    outcomes: list[Outcome] = []
    needed = {CLASSES[c].variant for c in classes}
    for name, text in texts:
        plain = load(name, text)
        built: dict[str, Base | None] = {"plain": plain}
        if "contents" in needed:
            built["contents"] = contents_variant(plain)
        if "numbered" in needed:
            built["numbered"] = numbered_variant(plain)
        if "table" in needed:
            built["table"] = table_variant(plain, seed)
        done: dict[str, Outcome] = {}
        for variant, base in built.items():
            group = [CLASSES[c] for c in classes if CLASSES[c].variant == variant]
            if base is None or not group:
                continue
            for out in run_base(base, group, seed, per_base, gap, batch):
                done[out.klass] = out
        outcomes += [done.get(c) or Outcome(c, name) for c in classes]
        if progress:
            progress(f"{name}: {time.perf_counter() - t0:.1f} s")
    return Report(seed, per_base, [n for n, _ in texts], outcomes, time.perf_counter() - t0)


def pct(rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.0f}%"


def markdown(report: Report, verbose: bool, details: bool) -> str:
    rows = report.rows()
    out = [
        f"awesomelint {awesomelint.__version__}, seed {report.seed}, up to {report.per_base} "
        f"injections per class and base, {len(report.bases)} bases "
        f"({', '.join(report.bases)}), {report.seconds:.1f} s",
        "",
        "| class | rule | injected | detected | % | new on untouched lines |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        out.append(
            f"| {r['class']} | {r['rule']} | {r['injected']} | {r['detected']} | "
            f"{pct(r['rate'])} | {r['new_untouched']} |"
        )
    inj = sum(r["injected"] for r in rows)
    det = sum(r["detected"] for r in rows)
    new = sum(r["new_untouched"] for r in rows)
    out.append(f"| **all** | | {inj} | {det} | {pct(det / inj if inj else None)} | {new} |")
    rejected = sum(r["rejected"] for r in rows)
    if rejected:
        out.append(f"\n{rejected} injections did not have their class's shape and were dropped.")
    if verbose:
        out += ["", "Per base (detected/injected, new on untouched lines):", ""]
        names = report.bases
        out.append("| class | " + " | ".join(names) + " |")
        out.append("| --- |" + " ---: |" * len(names))
        for r in rows:
            cells = []
            for n in names:
                b = r["by_base"].get(n, {"injected": 0, "detected": 0, "new_untouched": 0})
                cell = f"{b['detected']}/{b['injected']}" if b["injected"] else "-"
                if b["new_untouched"]:
                    cell += f" +{b['new_untouched']}"
                cells.append(cell)
            out.append(f"| {r['class']} | " + " | ".join(cells) + " |")
        out += ["", "Per shape (detected/injected):", ""]
        for r in rows:
            shapes = ", ".join(f"`{v}` {a}/{b}" for v, (a, b) in r["by_variant"].items())
            out.append(f"- {r['class']} ({r['about']}): {shapes or '-'}")
        new = [r for r in rows if r["new_untouched"]]
        if new:
            out += ["", "New findings on untouched lines, by rule:", ""]
            for r in new:
                by_rule = ", ".join(f"{k} {v}" for k, v in sorted(r["new_by_rule"].items()))
                out.append(f"- {r['class']}: {by_rule}")
    if details:
        for r in rows:
            if not r["misses"] and not r["new_findings"]:
                continue
            out += ["", f"### {r['class']}"]
            for m in r["misses"]:
                out.append(
                    f"- miss {m['base']}:{m['line']} ({m['variant']}, {m['shape']}) "
                    f"[{', '.join(m['other_rules']) or 'no finding'}]: {m['text']!r}"
                )
            for f in r["new_findings"]:
                out.append(
                    f"- new {f['base']}:{f['line']} ({f['variant']}) {f['rule']}: "
                    f"{f['message']} | {f['text']!r}"
                )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", help="bases (default: bundled lists and the corpus)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-base", type=int, default=10, help="injections per class and base")
    ap.add_argument("--gap", type=int, default=3, help="lines between two injections")
    ap.add_argument("--classes", help="comma-separated class names (default: all)")
    ap.add_argument("--no-corpus", action="store_true", help="only the bundled lists")
    ap.add_argument("-v", "--verbose", action="store_true", help="per base and per shape")
    ap.add_argument("--details", action="store_true", help="every miss and every new finding")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--list", action="store_true", help="list the classes and exit")
    ap.add_argument(
        "--no-batch", action="store_true", help="one check per class and base (slower; same result)"
    )
    args = ap.parse_args(argv)
    if args.list:
        for c in CLASSES.values():
            rule = RULES.get(c.name) or ", ".join(sorted({RULES[x] for x in _CONTENTS_SUBS}))
            print(f"{c.name:30} {rule:36} {c.about}")
        return 0
    classes = list(CLASSES)
    if args.classes:
        classes = [c.strip() for c in args.classes.split(",") if c.strip()]
        unknown = [c for c in classes if c not in CLASSES]
        if unknown:
            print(f"unknown classes: {', '.join(unknown)} (see --list)", file=sys.stderr)
            return 0
    texts = bases(args.files, not args.no_corpus)
    progress = None if args.json else (lambda s: print(s, file=sys.stderr))
    report = measure(
        texts, classes, args.seed, args.per_base, args.gap, progress, not args.no_batch
    )
    if args.json:
        print(
            json.dumps(
                {
                    "version": awesomelint.__version__,
                    "seed": report.seed,
                    "per_base": report.per_base,
                    "bases": report.bases,
                    "seconds": round(report.seconds, 2),
                    "classes": report.rows(),
                },
                indent=1,
                ensure_ascii=False,
            )
        )
    else:
        print(markdown(report, args.verbose, args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
