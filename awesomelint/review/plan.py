"""What the review says: one comment per finding on a line the pull request adds, with the
suggestion of its lines; the rest in the review body; hidden markers so that a later run
posts only what is new. Pure functions of the findings: no I/O."""

from __future__ import annotations

import hashlib
import re
import shlex
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from awesomelint.document import Document
from awesomelint.model import Finding
from awesomelint.review.suggest import Replacement, apply, lines_with_breaks

MAX_COMMENTS = 50  # per review: more is a wall no maintainer reads (and GitHub throttles)
MAX_BODY_ITEMS = 100
MARKER = re.compile(r"<!-- awesomelint:([A-Z]+[0-9]*):([0-9a-f]{16}) -->")


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's findings on the pull request's lines, and what fixing them gives."""

    path: str  # repository-relative with '/', as the review API names files
    doc: Document
    findings: tuple[Finding, ...]
    added: frozenset[int]  # lines the pull request adds or changes (comments go there only)
    replacements: Mapping[int, Replacement]  # by finding index (see suggest.replacements)
    fix_error: str | None = None  # why `awesomelint fix` refuses the file, if it does


@dataclass(frozen=True, slots=True)
class Placed:
    """A finding and where it goes: lines ``start_line``..``line`` of its file, or the
    review body (``line`` None). ``suggestion`` is set on the first finding of the lines a
    suggestion replaces; the others there name that finding in ``shared_with``."""

    file: FileResult
    finding: Finding
    marker: str
    line: int | None
    start_line: int
    suggestion: Replacement | None
    shared_with: str | None
    unsuggested: str | None  # why a safe fix comes without a suggestion


def marker(code: str, key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"<!-- awesomelint:{code}:{digest} -->"


def markers_in(text: str) -> set[str]:
    """The markers an earlier run left in a comment or review body."""
    return {f"<!-- awesomelint:{m.group(1)}:{m.group(2)} -->" for m in MARKER.finditer(text)}


def _span(doc: Document, f: Finding) -> tuple[int, int]:
    return doc.line_of(f.start), doc.line_of(max(f.end - 1, f.start))


def place(files: Sequence[FileResult]) -> list[Placed]:
    """Every finding, placed. A finding's marker hashes its file, code, lines and text
    (and which of identical ones it is), not its line number: a push that adds lines above
    it does not make it new."""
    out: list[Placed] = []
    for fr in files:
        seen: Counter[str] = Counter()
        carrier: dict[Replacement, str] = {}
        for index, f in enumerate(fr.findings):
            first, last = _span(fr.doc, f)
            lines = "\n".join(fr.doc.line_text(n) for n in range(first, last + 1))
            key = f"{fr.path}\0{f.code}\0{lines}\0{fr.doc.text[f.start : f.end]}"
            seen[key] += 1
            mark = marker(f.code, f"{key}\0{seen[key]}")
            repl = fr.replacements.get(index)
            unsuggested = None
            if repl is not None and not all(
                n in fr.added for n in range(repl.first, repl.last + 1)
            ):
                repl = None
                unsuggested = "its fix also changes lines this pull request leaves alone"
            elif f.fix is not None and f.fix.safe and repl is None:
                unsuggested = fr.fix_error or "GitHub cannot show this change as a suggestion"
            if repl is not None:
                start, line = repl.first, repl.last
            elif all(n in fr.added for n in range(first, last + 1)):
                start, line = first, last
            else:
                inside = [n for n in range(first, last + 1) if n in fr.added]
                start = line = inside[0] if inside else 0
            shared = carrier.get(repl) if repl is not None else None
            if repl is not None and shared is None:
                carrier[repl] = f.code
            out.append(
                Placed(
                    fr,
                    f,
                    mark,
                    line or None,
                    start,
                    repl if shared is None else None,
                    shared,
                    unsuggested,
                )
            )
    return out


def _fence(lines: Sequence[str]) -> str:
    longest = max((len(m) for ln in lines for m in re.findall(r"`+", ln)), default=0)
    return "`" * max(3, longest + 1)


def _why(doc: str) -> str:
    """The first paragraph of a rule's "Why is this bad" section."""
    m = re.search(r"^## Why is this bad\n(.*?)(?:\n\n|\n## |\Z)", doc, re.S | re.M)
    return " ".join(m.group(1).split()) if m else ""


def _text(message: str) -> str:
    """A message as Markdown text: no HTML tag it names may render."""
    return message.replace("&", "&amp;").replace("<", "&lt;")


def comment_body(p: Placed) -> str:
    """The message, the rule, the suggestion (or why there is none), the marker."""
    from awesomelint.registry import find, load

    f = p.finding
    parts = [f"**{f.code}** `{f.rule}`: {_text(f.message)}"]
    if p.suggestion is not None:
        fence = _fence(p.suggestion.lines)
        parts.append("\n".join([f"{fence}suggestion", *p.suggestion.lines, fence]))
        if f.fix is not None:
            parts.append(f"Suggested fix: {_text(f.fix.title.rstrip('.'))}.")
    elif p.shared_with is not None:
        parts.append(f"The suggestion in the **{p.shared_with}** comment here fixes it too.")
    elif f.fix is not None and f.fix.safe:
        parts.append(
            f"`awesomelint fix` fixes it ({_text(f.fix.title)}); no suggestion here: "
            f"{_text(p.unsuggested or '')}."
        )
    elif f.fix is not None:
        title = f.fix.title[:1].lower() + f.fix.title[1:]
        parts.append(
            f"`awesomelint fix --unsafe-fixes` would {_text(title)}; unsafe fixes are not "
            "suggested (they may change what the text says)."
        )
    rule = find(f.code)
    why = _why(load(rule).doc) if rule is not None else ""
    if why:
        parts.append(
            f"<details><summary>Why {f.rule} matters</summary>\n\n{_text(why)}\n\n"
            f"More: `awesomelint rule {f.rule}`\n</details>"
        )
    return "\n\n".join(parts) + "\n" + p.marker


def fix_command(files: Sequence[FileResult], args: Sequence[str]) -> str | None:
    """``awesomelint fix`` with the run's rule selection, for the files with a safe fix."""
    paths = [fr.path for fr in files if any(f.fix and f.fix.safe for f in fr.findings)]
    if not paths:
        return None
    return " ".join(["awesomelint", "fix", *map(shlex.quote, [*args, *paths])])


def _item(p: Placed) -> str:
    f = p.finding
    line = _span(p.file.doc, f)[0]
    return f"- `{p.file.path}` line {line}: **{f.code}** `{f.rule}`: {_text(f.message)} {p.marker}"


def _items(title: str, placed: Sequence[Placed]) -> list[str]:
    if not placed:
        return []
    shown = [_item(p) for p in placed[:MAX_BODY_ITEMS]]
    if len(placed) > MAX_BODY_ITEMS:
        rest = " ".join(p.marker for p in placed[MAX_BODY_ITEMS:])
        shown.append(f"- ... and {len(placed) - MAX_BODY_ITEMS} more {rest}")
    return ["", title, "", *shown]


@dataclass(frozen=True, slots=True)
class Review:
    """The review to post (``payload``) and what it holds."""

    payload: dict[str, Any]
    comments: int
    suggestions: int
    in_body: int
    earlier: int  # findings an earlier run posted already


def build(
    placed: Sequence[Placed],
    files: Sequence[FileResult],
    commit_id: str,
    *,
    posted: Collection[str] = (),
    fix_args: Sequence[str] = (),
    inline: bool = True,
    refused: str | None = None,
) -> Review | None:
    """The review of what ``posted`` (markers of earlier runs) lacks; None when nothing
    is new. ``inline`` False puts every finding in the body (after GitHub refused the line
    comments for ``refused``)."""
    new = [p for p in placed if p.marker not in posted]
    commentable = [p for p in new if p.line is not None] if inline else []
    comments = commentable[:MAX_COMMENTS]
    over = commentable[MAX_COMMENTS:]
    outside = [p for p in new if p.line is None or not inline]
    if not comments and not over and not outside:
        return None
    total = len(placed)
    suggestions = sum(1 for p in comments if p.suggestion is not None)
    head = (
        f"**awesomelint** found {total} problem{'s' if total != 1 else ''} in the lines "
        "this pull request adds or changes"
    )
    said = []
    if comments:
        said.append(
            f"{len(comments)} commented below ({suggestions} with a suggested fix)"
            if suggestions
            else f"{len(comments)} commented below"
        )
    if len(placed) > len(new):
        said.append(f"{len(placed) - len(new)} commented by an earlier run")
    lines = [head + (": " + ", ".join(said) if said else "") + "."]
    if suggestions:
        lines += [
            "",
            "Click **Commit suggestion** under a suggestion to apply it, or **Add suggestion "
            "to batch** under several and commit them together.",
        ]
    command = fix_command(files, fix_args)
    if command:
        lines += ["", "Or fix every line on the branch with:", "", "```sh", command, "```"]
    for fr in files:
        if fr.fix_error:
            lines += ["", f"`awesomelint fix` refuses `{fr.path}`: {_text(fr.fix_error)}"]
    if refused:
        lines += ["", f"GitHub refused line comments ({_text(refused)}); the findings:"]
        outside_title = "**Findings**"
    else:
        outside_title = "**Outside the diff** (GitHub takes comments on the changed lines only):"
    lines += _items(outside_title, outside)
    lines += _items(f"**Not posted as comments** (at most {MAX_COMMENTS} a review):", over)
    payload: dict[str, Any] = {
        "commit_id": commit_id,
        "event": "COMMENT",
        "body": "\n".join(lines) + "\n",
        "comments": [_comment(p) for p in comments],
    }
    return Review(payload, len(comments), suggestions, len(outside) + len(over), total - len(new))


def _comment(p: Placed) -> dict[str, Any]:
    assert p.line is not None
    out: dict[str, Any] = {"path": p.file.path}
    if p.start_line < p.line:
        out |= {"start_line": p.start_line, "start_side": "RIGHT"}
    return out | {"line": p.line, "side": "RIGHT", "body": comment_body(p)}


def fixed_hunks(files: Sequence[FileResult]) -> str:
    """The fixes of the pull request's lines as ```diff blocks (the job summary's, when no
    review can be posted): each file with its findings' replacements applied."""
    import difflib

    out = []
    for fr in files:
        repls = list(fr.replacements.values())
        if not repls:
            continue
        after = apply(fr.doc.text, repls)
        diff = difflib.unified_diff(
            lines_with_breaks(fr.doc.text),
            lines_with_breaks(after),
            fromfile=f"a/{fr.path}",
            tofile=f"b/{fr.path}",
        )
        text = "".join(ln if ln.endswith(("\n", "\r")) else ln + "\n" for ln in diff)
        fence = _fence(text.splitlines())
        out.append(f"{fence}diff\n{text}{fence}\n")
    return "\n".join(out)
