"""contributing-file (A011): a non-empty contributing.md beside the list.

## What it does
Looks for `contributing.md` (any case: `CONTRIBUTING.md`, `Contributing.md`) in the
list's own folder, then in its `.github/` and `docs/` folders, and reports when there
is none, or when every one found is empty or only whitespace. The finding is placed on
line 1 of the list.

This rule reads the file system: it lists at most three folders and reads at most three
small files; a folder or file that cannot be read counts as absent. Nothing is checked
when the list has no path (standard input, the Python API).

## Why is this bad
An awesome list lives on contributions; the awesome guidelines require contribution
guidelines in `contributing.md`, and awesome-lint rejects a list without it ("Missing
file contributing.md").

## Example
```text
awesome-tools/
  readme.md
```

Use instead:
```text
awesome-tools/
  readme.md
  contributing.md   # how to suggest an entry, the format of an entry
```

## Fix safety
No fix: the guidelines are the maintainer's to write.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from awesomelint.model import Problem, Severity
from awesomelint.rules._base import Context, Rule

_SUBFOLDERS = ("", ".github", "docs")


def find_beside(folder: Path, names: frozenset[str]) -> list[Path]:
    """Files beside a list whose lowercased name is in ``names``: in ``folder``, then
    in its ``.github/`` and ``docs/``. Folders that cannot be listed count as empty."""
    found: list[Path] = []
    for sub in _SUBFOLDERS:
        where = folder / sub if sub else folder
        try:
            with_names = sorted(p for p in where.iterdir() if p.name.lower() in names)
        except OSError:
            continue
        found.extend(p for p in with_names if p.is_file())
    return found


def read_text(path: Path) -> str | None:
    """The file's text (undecodable bytes replaced), or None when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.path is None:
        return
    folder = ctx.path.parent
    empty: Path | None = None
    for path in find_beside(folder, frozenset({"contributing.md"})):
        text = read_text(path)
        if text is not None and text.strip():
            return
        if text is not None and empty is None:
            empty = path
    if empty is None:
        yield Problem(
            "Missing contributing.md beside the list (looked in its folder, .github/ "
            "and docs/): awesome lists need contribution guidelines",
            0,
            0,
        )
    else:
        name = empty.relative_to(folder).as_posix()
        yield Problem(f"{name} is empty: write the contribution guidelines", 0, 0)


RULE = Rule(
    code="A011",
    name="contributing-file",
    summary="A non-empty contributing.md beside the list",
    check=check,
    doc=__doc__ or "",
    default=False,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
)
