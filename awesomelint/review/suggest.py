"""Suggestions: the lines ``awesomelint fix`` leaves in place of the lines a finding's fix
changes, taken from the fixed text itself (so every pass and every rule's fix of those
lines is in them), merged per line and checked to lose nothing when applied alone."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from awesomelint.document import Document, split_lines
from awesomelint.fixer.audit import lost_by, lost_words
from awesomelint.markdown import parse
from awesomelint.model import Finding

MAX_CHARS = 60_000  # GitHub takes a comment body of 65,536 characters at most
# characters of whole-document re-parses spent checking suggestions (about 1-2 s in all:
# a review checks its few suggestions in full; `check --format rdjson` of a big list,
# with hundreds, checks the rest for lost words and URLs only)
AUDIT_BUDGET = 2_000_000


@dataclass(frozen=True, slots=True)
class Replacement:
    """Lines ``first``..``last`` (1-based, inclusive) become ``lines`` (no line breaks;
    empty: the lines are deleted)."""

    first: int
    last: int
    lines: tuple[str, ...]


def lines_with_breaks(text: str) -> list[str]:
    """The lines of ``text`` with their breaks, numbered as Documents (and git) do."""
    starts, _ = split_lines(text)
    bounds = [0, *starts[1:], len(text)]
    # (after a final line break, git counts no empty last line)
    return [text[a:b] for a, b in pairwise(bounds) if b > a]


def _strip(line: str) -> str:
    return line.rstrip("\r\n")


# A piece of the difference: original lines [i1, i2) become fixed lines [j1, j2) (0-based).
_Piece = tuple[int, int, int, int]


def _pieces(a: list[str], b: list[str]) -> list[_Piece]:
    """The changed runs of lines, as small as they can be: a block of n lines replaced by
    n lines is n one-line pieces (a fix keeps the line count of what it changes, mostly);
    an insertion takes in the line before it (GitHub suggests replacements of lines)."""
    out: list[_Piece] = []
    if not a:
        return out
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            out += [(i1 + k, i1 + k + 1, j1 + k, j1 + k + 1) for k in range(i2 - i1)]
        elif tag == "replace" and (split := _split(a, b, i1, i2, j1, j2)):
            out += split
        elif i1 == i2:  # an insertion: the neighbouring line is unchanged in both
            out.append((i1 - 1, i1, j1 - 1, j2) if i1 > 0 else (0, 1, 0, j2 + 1))
        else:
            out.append((i1, i2, j1, j2))
    return out


_MAX_ALIGN = 400  # cells of the alignment table: a block of fixes is a few lines


def _split(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int) -> list[_Piece]:
    """A block of n lines replaced by m != n lines, as one piece per original line: each
    fixed line goes with the original line it resembles most (an alignment keeping their
    order), a line without a match is deleted, a new line joins the line before it. So a
    deleted blank line and the fixed entry after it stay two suggestions. [] when the
    block is too large to align."""
    n, m = i2 - i1, j2 - j1
    if n * m > _MAX_ALIGN:
        return []
    sim = [[_similar(a[i1 + x], b[j1 + y]) for y in range(m)] for x in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(1, n + 1):
        for y in range(1, m + 1):
            pair = best[x - 1][y - 1] + sim[x - 1][y - 1] if sim[x - 1][y - 1] else -1.0
            best[x][y] = max(pair, best[x - 1][y], best[x][y - 1])
    owner = [-1] * m  # original line (block index) of each fixed line
    x, y = n, m
    while x and y:
        if sim[x - 1][y - 1] and best[x][y] == best[x - 1][y - 1] + sim[x - 1][y - 1]:
            owner[y - 1] = x - 1
            x, y = x - 1, y - 1
        elif best[x][y] == best[x - 1][y]:
            x -= 1
        else:
            y -= 1
    if all(o < 0 for o in owner):
        return []
    # a new line belongs with the original line before it (the first one's, after it)
    last = next(o for o in owner if o >= 0)
    for y in range(m):
        owner[y] = last = owner[y] if owner[y] >= 0 else last
    out: list[_Piece] = []
    y = 0
    for x in range(n):
        lo = y
        while y < m and owner[y] == x:
            y += 1
        if b[j1 + lo : j1 + y] != [a[i1 + x]]:
            out.append((i1 + x, i1 + x + 1, j1 + lo, j1 + y))
    return out


def _similar(x: str, y: str) -> float:
    """How alike two lines are, 0 when not enough to call one the other's fix."""
    if not x.strip() or not y.strip():
        return 1.0 if x.strip() == y.strip() else 0.0
    ratio = SequenceMatcher(None, x, y, autojunk=False).ratio()
    return ratio if ratio >= 0.5 else 0.0


def _fix_lines(doc: Document, f: Finding) -> set[int]:
    """The 0-based lines a finding's fix edits touch."""
    lines: set[int] = set()
    for e in f.fix.edits if f.fix else ():
        first, last = doc.line_of(e.start), doc.line_of(max(e.end - 1, e.start))
        lines.update(range(first - 1, last))
    return lines


def replacements(doc: Document, findings: Sequence[Finding], fixed: str) -> dict[int, Replacement]:
    """For the findings (by index) with a safe fix: the lines ``fixed`` has in place of
    the lines their fix edits. Findings whose fixes change the same lines share one
    Replacement (two fixes of one line are one suggestion, never two that clash). None for
    a finding whose lines ``fixed`` leaves as they are (but for their line breaks), nor
    when the replacement applied alone would lose a URL, a word or a list entry."""
    a, b = lines_with_breaks(doc.text), lines_with_breaks(fixed)
    pieces = _pieces(a, b)
    if not pieces:
        return {}
    owner = list(range(len(pieces)))  # union-find over pieces

    def find(p: int) -> int:
        while owner[p] != p:
            owner[p] = owner[owner[p]]
            p = owner[p]
        return p

    starts = [p[0] for p in pieces]
    touched: dict[int, list[int]] = {}
    for index, f in enumerate(findings):
        if f.fix is None or not f.fix.safe or not f.fix.edits:
            continue
        mine = sorted({_piece_of(a, starts, pieces, line) for line in _fix_lines(doc, f)} - {-1})
        for p in mine[1:]:
            owner[find(p)] = find(mine[0])
        if mine:
            touched[index] = mine
    # a group spans its pieces and every piece between them: two groups never overlap
    spans: dict[int, tuple[int, int]] = {}
    for mine in touched.values():
        root = find(mine[0])
        lo, hi = spans.get(root, (mine[0], mine[-1]))
        spans[root] = (min(lo, mine[0]), max(hi, mine[-1]))
    merged: list[list[int]] = []  # [first piece, last piece]
    for lo, hi in sorted(spans.values()):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    by_piece: dict[int, Replacement | None] = {}
    budget = [AUDIT_BUDGET]
    for lo, hi in merged:
        repl = _replacement(doc, a, b, pieces[lo], pieces[hi], budget)
        for p in range(lo, hi + 1):
            by_piece[p] = repl
    out: dict[int, Replacement] = {}
    for index, mine in touched.items():
        repl = by_piece.get(mine[0])
        if repl is not None:
            out[index] = repl
    return out


def _piece_of(a: list[str], starts: list[int], pieces: list[_Piece], line: int) -> int:
    """The piece holding 0-based ``line``, or -1. A deletion among equal lines (one of
    two blank lines) may be drawn at any of them: it moves to ``line`` when it can, so
    the suggestion deletes the line the finding is on."""
    k = bisect_right(starts, line) - 1
    if k >= 0 and pieces[k][0] <= line < pieces[k][1]:
        return k
    for n in (k, k + 1):
        if 0 <= n < len(pieces) and _slide(a, pieces, starts, n, line):
            return n
    return -1


def _slide(a: list[str], pieces: list[_Piece], starts: list[int], k: int, line: int) -> bool:
    """Move deletion piece ``k`` over equal lines until it holds ``line``, if it can."""
    i1, i2, j, _ = pieces[k]
    if i1 == i2 or j != pieces[k][3]:
        return False
    # the unchanged lines it may move over: up to the pieces around it
    floor = pieces[k - 1][1] if k > 0 else 0
    ceiling = pieces[k + 1][0] if k + 1 < len(pieces) else len(a)
    step = 1 if line >= i2 else -1
    while not i1 <= line < i2:
        if step > 0 and (i2 >= ceiling or a[i1] != a[i2]):
            return False
        if step < 0 and (i1 <= floor or a[i1 - 1] != a[i2 - 1]):
            return False
        # the line it leaves is kept, in the fixed text just before (after) the point
        i1, i2, j = i1 + step, i2 + step, j + step
    pieces[k] = (i1, i2, j, j)
    starts[k] = i1
    return True


def _replacement(
    doc: Document, a: list[str], b: list[str], first: _Piece, last: _Piece, budget: list[int]
) -> Replacement | None:
    """The replacement of lines ``first``..``last``, if it shows a change and loses
    nothing applied alone: no word or URL of the lines it replaces (always checked), and
    no list entry or link of the document (re-parsed while ``budget`` lasts)."""
    i1, j1 = first[0], first[2]
    i2, j2 = last[1], last[3]
    new = tuple(_strip(line) for line in b[j1:j2])
    if new == tuple(_strip(line) for line in a[i1:i2]):
        return None  # only a line break changes: no suggestion can show it
    if sum(len(line) + 1 for line in new) > MAX_CHARS:
        return None
    if lost_words("".join(a[i1:i2]), "".join(b[j1:j2])):
        return None  # never suggest what loses a URL or a word
    if budget[0] >= len(doc.text):
        budget[0] -= len(doc.text)
        if lost_by(doc, parse("".join([*a[:i1], *b[j1:j2], *a[i2:]]))):
            return None  # applied on its own it would undo a list entry or a link
    return Replacement(i1 + 1, i2, new)


def apply(text: str, repls: Sequence[Replacement]) -> str:
    """``text`` with non-overlapping replacements applied (as GitHub commits suggestions:
    each replaced line's break is kept, the last line's absence of one too)."""
    lines = lines_with_breaks(text)
    for r in sorted(set(repls), key=lambda r: r.first, reverse=True):
        old = lines[r.first - 1 : r.last]
        eol = next((ln[len(_strip(ln)) :] for ln in old if ln != _strip(ln)), "\n")
        tail = old[-1][len(_strip(old[-1])) :] if old else eol
        new = [ln + eol for ln in r.lines]
        if new:
            new[-1] = r.lines[-1] + tail
        lines[r.first - 1 : r.last] = new
    return "".join(lines)
