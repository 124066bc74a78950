"""Lines added or changed since the merge base with a git ref (``check --diff-base``)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from awesomelint.document import Document
from awesomelint.errors import InputError
from awesomelint.model import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True, slots=True)
class ChangedLines:
    """Per file (resolved path): the 1-based lines added or changed; files absent from
    the diff and untracked files are handled by :meth:`lines_for`."""

    root: Path
    changed: Mapping[Path, frozenset[int]]
    tracked: frozenset[Path]

    def lines_for(self, path: Path) -> frozenset[int] | None:
        """Changed lines of ``path``; None means every line is new (untracked file)."""
        resolved = path.resolve()
        if resolved in self.changed:
            return self.changed[resolved]
        if resolved in self.tracked:
            return frozenset()  # unchanged since the base
        return None


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise InputError("--diff-base needs git, which is not installed") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]} failed: {msg[-1] if msg else 'unknown error'}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def parse_diff(diff: str, root: Path) -> dict[Path, frozenset[int]]:
    """Added/changed line numbers per new-side file of a ``git diff -U0`` output."""
    out: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            if target == "/dev/null":
                current = None
                continue
            name = target[2:] if target.startswith("b/") else target
            if name.startswith('"'):  # git quotes unusual names
                name = name.strip('"').encode("latin-1", "backslashreplace").decode(
                    "unicode_escape"
                )
            current = out.setdefault((root / name).resolve(), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                current.update(range(start, start + count))
    return {k: frozenset(v) for k, v in out.items()}


def changed_lines(base: str, cwd: Path, head: str | None = None) -> ChangedLines:
    """What changed in the work tree since the merge base of HEAD and ``base``; with
    ``head`` (a commit), what changed in that commit since its merge base with ``base``
    (``review`` of a pull request's head while a merge commit is checked out)."""
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], root)
    except InputError:
        raise InputError(f"--diff-base: unknown git ref {base!r}") from None
    merge_base = _git(["merge-base", base, head or "HEAD"], root).strip()
    diff = _git(
        ["diff", "--no-color", "--no-ext-diff", "-U0", "-M", merge_base, *([head] if head else [])],
        root,
    )
    if head:
        tracked = _git(["ls-tree", "-r", "-z", "--name-only", head], root).split("\0")
    else:
        tracked = _git(["ls-files", "-z"], root).split("\0")
    return ChangedLines(
        root,
        parse_diff(diff, root),
        frozenset((root / t).resolve() for t in tracked if t),
    )


def resolve_commit(rev: str, cwd: Path) -> str | None:
    """The full SHA of ``rev`` if it names a commit present here, else None."""
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd).strip()
    except InputError:
        return None


def read_blob(rev: str, path: Path, root: Path) -> bytes:
    """The bytes of ``path`` (relative to the repository ``root``) in commit ``rev``."""
    text = _git(["show", f"{rev}:{path.as_posix()}"], root)
    return text.encode("utf-8", "surrogateescape")


def keep_changed(
    findings: Sequence[Finding], doc: Document, lines: frozenset[int] | None
) -> list[Finding]:
    """Findings on a changed line, or whose cause (``related``) is on one."""
    if lines is None:
        return list(findings)
    out = []
    for f in findings:
        first, last = doc.line_of(f.start), doc.line_of(max(f.end - 1, f.start))
        touched = any(n in lines for n in range(first, last + 1))
        if touched or any(doc.line_of(r) in lines for r in f.related):
            out.append(f)
    return out
