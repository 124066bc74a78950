"""Which files a run checks: the command line's paths, folders walked for Markdown (what
``.gitignore`` ignores left out), quoted globs expanded, exclude patterns applied.

A folder inside a git repository is listed by git itself (``git ls-files --cached
--others --exclude-standard``: tracked files, and untracked ones not ignored), so every
``.gitignore``, ``.git/info/exclude`` and the global excludes file count as git counts
them. Elsewhere (or without git) the ``.gitignore`` files of the folder and its
subfolders are read with the ``pathspec`` package. Patterns (``--exclude``, ``exclude``
and ``per-file-ignores`` in the config) are gitignore-style globs: ``CHANGELOG.md``
matches at any depth, ``docs/**/*.md`` and ``/README.md`` from the base folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from awesomelint.model import Frozen

MARKDOWN_SUFFIXES = (".md", ".markdown")
_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "venv", "__pycache__", ".tox"})
_GLOB_CHARS = frozenset("*?[")

Excluded = Callable[[Path], bool]
_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class Target(Frozen):
    """A file to check, or a command-line path that gave none (``error`` says why)."""

    __slots__ = ("name", "error")
    name: str
    error: str | None  # the one-line message, starting with the name

    def __init__(self, name: str, error: str | None = None) -> None:
        _set(self, "name", name)
        _set(self, "error", error)


def collect(paths: Iterable[str], excluded: Excluded | None = None) -> list[Target]:
    """Expand the command line's paths, in order: files as given, folders walked for
    Markdown, quoted globs (``'docs/**/*.md'``) expanded; files ``excluded`` says so of
    are left out. A path that names nothing becomes a Target with an error: the other
    paths are still checked (as ruff does)."""
    out: dict[str, Target] = {}

    def add(name: str) -> None:
        if excluded is None or not excluded(Path(name)):
            out.setdefault(name, Target(name))

    for raw in paths:
        if raw == "-":
            out.setdefault(raw, Target(raw))
            continue
        path = Path(raw)
        if path.is_dir():
            _add_folder(raw, out, excluded)
        elif path.exists():
            add(raw)
        elif _GLOB_CHARS & set(raw):
            import glob  # (here: a glob the shell did not expand, e.g. quoted)

            matches = sorted(glob.glob(raw, recursive=True))
            # a pattern that names its files ('docs/*/README.txt') takes them as named;
            # one that does not ('docs/**') takes the Markdown ones, as a walk does
            named = not _GLOB_CHARS & set(Path(raw).name)
            for match in matches:
                if Path(match).is_dir():
                    if "**" not in raw:  # ('**' lists the folders' files itself)
                        _add_folder(match, out, excluded, quiet=True)
                elif named or _markdown(match):
                    add(match)
            if not matches:
                out.setdefault(raw, Target(raw, f"{raw}: no file or folder matches"))
        else:
            out.setdefault(raw, Target(raw, f"{raw}: no such file or folder"))
    return list(out.values())


def _add_folder(
    raw: str, out: dict[str, Target], excluded: Excluded | None, quiet: bool = False
) -> None:
    found = [p for p in walk(Path(raw)) if excluded is None or not excluded(p)]
    # a folder whose Markdown is all ignored or excluded is no error: it was asked for
    if not found and not quiet and not any(_plain_walk(Path(raw))):
        out.setdefault(raw, Target(raw, f"{raw}: folder holds no Markdown (*.md) file"))
    for p in found:
        out.setdefault(str(p), Target(str(p)))


def walk(root: Path) -> list[Path]:
    """The Markdown files under ``root``, sorted, without what .gitignore ignores."""
    listed = _git_files(root)
    return sorted(listed if listed is not None else _walk_ignoring(root))


def _markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _skipped_dir(name: str) -> bool:
    return name in _SKIP_DIRS or name.startswith(".")


def _plain_walk(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _skipped_dir(d))
        for name in files:
            if _markdown(name):
                yield Path(folder) / name


def _git_files(root: Path) -> list[Path] | None:
    """What git lists under ``root`` (tracked, or untracked and not ignored); None when
    ``root`` is not in a work tree or git cannot run."""
    import subprocess  # (here: only a folder walk asks git)

    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others",
             "--exclude-standard", "--", "."],
            capture_output=True,
            timeout=60,
            check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    out: list[Path] = []
    for raw in proc.stdout.split(b"\0"):
        rel = os.fsdecode(raw)
        parts = rel.split("/")
        if not rel or not _markdown(parts[-1]) or any(_skipped_dir(p) for p in parts[:-1]):
            continue
        path = root / rel
        if path.is_file():  # a deleted file is still in the index until committed
            out.append(path)
    return out


def _walk_ignoring(root: Path) -> Iterable[Path]:
    """``root`` walked with the .gitignore files found on the way (a deeper file's
    opinion wins, as in git); pathspec is imported only when there is one."""
    rules: list[tuple[Path, Any]] = []  # (folder, its GitIgnoreSpec), outermost first
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        rules = [(base, spec) for base, spec in rules if base in (here, *here.parents)]
        if ".gitignore" in files:
            spec = _read_gitignore(here / ".gitignore")
            if spec is not None:
                rules.append((here, spec))
        dirs[:] = sorted(
            d for d in dirs if not _skipped_dir(d) and not _ignored(here / d, True, rules)
        )
        for name in sorted(files):
            if _markdown(name) and not _ignored(here / name, False, rules):
                yield here / name


def _read_gitignore(path: Path) -> Any:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, is_dir: bool, rules: Sequence[tuple[Path, Any]]) -> bool:
    for base, spec in reversed(rules):  # the deepest .gitignore with an opinion decides
        rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        include = spec.check_file(rel).include
        if include is not None:
            return bool(include)
    return False


def matcher(patterns: Sequence[str], base: Path) -> Callable[[Path], bool]:
    """Whether a path matches one of the gitignore-style ``patterns``, taken relative
    to ``base`` (paths outside ``base`` never match)."""
    import pathspec  # (here: only a run with exclude patterns needs it)

    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    root = os.path.abspath(base)

    def match(path: Path) -> bool:
        rel = os.path.relpath(os.path.abspath(path), root)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return False
        return bool(spec.match_file(Path(rel).as_posix()))

    return match

