"""missing-file (N007): a relative link or image points to a file that does not exist.

## What it does
Checks every relative link and image of the list - `[Guide](docs/guide.md)`,
`![logo](media/logo.svg)`, reference definitions, and `src`/`href` in HTML such as
`<img src="media/logo.svg">` - against the files beside the list: a path is resolved from
the list's folder, a `/`-rooted one from the repository root. Names must match exactly,
case included (GitHub is case-sensitive even where the disk is not); the finding
suggests the nearest existing path (`did you mean docs/Guide.md?`). A link with an
anchor into another Markdown file (`[x](../other.md#setup)`) is also checked against
that file's headings and HTML anchors, as broken-anchor does within the page.

Works offline and only inside a git repository (the folder holding `.git` is the root):
a list copied out of its repository has lost its neighbours, and nothing outside the
root is read. Not checked: URLs with a scheme (`https:`, `mailto:`), `//host` links,
in-page `#anchors` (broken-anchor), empty links, paths that leave the repository
(`../../issues`, GitHub's own pages), template placeholders (`{{ }}`), and anchors into
files that are not Markdown (`main.py#L10`).

## Why is this bad
A relative link to a moved, renamed or never-committed file is a 404 on GitHub, and a
missing image shows as a broken icon at the top of the list - yet no web link checker
sees it, because it only exists in the repository.

## Example
```markdown
See the [contribution guidelines](Contributing.md).
```

Use instead (the file is `contributing.md`):
```markdown
See the [contribution guidelines](contributing.md).
```

## Fix safety
When exactly one existing path (or, for an anchor, one heading) is close to the broken
one - a case difference, a typo, another extension - the fix points the link there. It is
unsafe: it is a guess, and it changes where the link goes.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from awesomelint.document import HTML_REGIONS, Document
from awesomelint.links.urls import SCHEME, clean
from awesomelint.model import Edit, Fix, Frozen, Problem, Severity
from awesomelint.rules._base import Context, Rule


@functools.cache
def _html_ref() -> re.Pattern[str]:
    """``src=``/``href=`` values in HTML (compiled on first use: most lists have none)."""
    return re.compile(
        r"<[A-Za-z][^>]*?\s(?:src|href)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))", re.I
    )
_MARKDOWN = (".md", ".markdown")
_MAX_BYTES = 4 << 20  # a linked Markdown file larger than this is not read for anchors
_Anchors = tuple[list[str], set[str]]  # a page's heading slugs, and all its anchors


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class _Ref(Frozen):
    """A relative link target as written: the raw text and where it is."""

    __slots__ = ("raw", "start", "end", "image", "shared")
    raw: str
    start: int
    end: int
    image: bool
    shared: bool  # a definition several links use (the fixer cannot vouch for
    # rewriting it: each of their entries would change)

    def __init__(self, raw: str, start: int, end: int, image: bool, shared: bool = False) -> None:
        _set(self, "raw", raw)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "image", image)
        _set(self, "shared", shared)


def _refs(doc: Document) -> Iterator[_Ref]:
    """The relative link targets (see _relative) of links, images and HTML tags."""
    uses: dict[tuple[int, int], int] = {}
    for link in doc.links:
        # (a web address, most of a list's links, is ruled out before clean() is paid)
        if link.kind in ("inline", "reference") and _relative_raw(link.url):
            span = (link.url_start, link.url_end)
            uses[span] = uses.get(span, 0) + 1
    if uses:
        seen: set[tuple[int, int]] = set()
        for link in doc.links:
            span = (link.url_start, link.url_end)
            if span in uses and span not in seen:
                seen.add(span)
                yield _Ref(link.url, link.url_start, link.url_end, link.image, uses[span] > 1)
    for region in doc.regions:
        if region.kind in HTML_REGIONS:
            for m in _html_ref().finditer(doc.text, region.start, region.end):
                group = next(i for i in (1, 2, 3) if m.group(i) is not None)
                if _relative_raw(m.group(group)):
                    image = m.group(0)[1:4].lower() == "img"
                    yield _Ref(m.group(group), m.start(group), m.end(group), image)


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (a folder, or a file
    in worktrees and submodules)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class _Tree:
    """Listings of the repository's folders, read once each (names compared exactly)."""

    def __init__(self) -> None:
        self._names: dict[str, list[str] | None] = {}

    def names(self, folder: str) -> list[str] | None:
        if folder not in self._names:
            try:
                self._names[folder] = sorted(os.listdir(folder))
            except OSError:
                self._names[folder] = None
        return self._names[folder]

    def exists(self, root: str, parts: list[str]) -> bool:
        here = root
        for part in parts:
            names = self.names(here)
            if names is None or part not in names:
                return False
            here = os.path.join(here, part)
        return True

    def nearest(self, root: str, parts: list[str]) -> list[str] | None:
        """The existing path closest to ``parts``: each missing name replaced by the one
        that differs only in case, else by the single close one; None if none is."""
        import difflib  # (here: only a missing file needs it)

        here, out = root, []
        for part in parts:
            names = self.names(here) or []
            if part not in names:
                folded = [n for n in names if n.lower() == part.lower()]
                stem = os.path.splitext(part)[0].lower()
                if not folded:
                    folded = [n for n in names if os.path.splitext(n)[0].lower() == stem]
                close = folded or difflib.get_close_matches(part, names, n=2, cutoff=0.8)
                if len(close) != 1:
                    return None
                part = close[0]
            out.append(part)
            here = os.path.join(here, part)
        return out


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.path is None:
        return
    doc = ctx.doc
    refs = list(_refs(doc))
    if not refs:
        return
    folder = Path(os.path.abspath(ctx.path)).parent
    root = repository_root(folder)
    if root is None:
        return  # a list outside its repository: its neighbours are not here
    tree = _Tree()
    anchors: dict[str, _Anchors | None] = {}
    for ref in refs:
        yield from _check_one(ctx, ref, str(root), str(folder), tree, anchors)


def _relative_raw(raw: str) -> bool:
    """``_relative(clean(raw))``: an http(s) address keeps its scheme through clean()."""
    return not raw.startswith(("https://", "http://")) and _relative(clean(raw))


def _relative(url: str) -> bool:
    """Whether ``url`` is a path into the repository (not a web address, an in-page
    anchor, an empty link or a template placeholder)."""
    if not url or url.startswith(("#", "?", "//")) or SCHEME.match(url):
        return False
    return "{{" not in url and "{%" not in url


def _check_one(
    ctx: Context,
    ref: _Ref,
    root: str,
    folder: str,
    tree: _Tree,
    anchors: dict[str, _Anchors | None],
) -> Iterator[Problem]:
    url = clean(ref.raw)
    written, _, fragment = url.partition("#")
    written = written.split("?", 1)[0]
    base = root if written.startswith("/") else folder
    target = os.path.normpath(os.path.join(base, unquote(written).lstrip("/")))
    if target != root and not target.startswith(root + os.sep):
        return  # leaves the repository: GitHub's own pages, or nothing of ours
    parts = [p for p in os.path.relpath(target, root).split(os.sep) if p not in ("", ".")]
    what = "Image" if ref.image else "Link target"
    if not tree.exists(root, parts):
        near = tree.nearest(root, parts) or _from_above(tree, root, folder, written)
        suggestion = _written(near, root, base, written) if near else None
        tail = url[len(written) :]  # the query and fragment, kept in the suggestion
        hint = f" (did you mean {suggestion}{tail}?)" if suggestion else ""
        if suggestion and suggestion.lower() == written.lower():
            hint = f" (did you mean {suggestion}{tail}? GitHub is case-sensitive)"
        fix = None
        raw = ctx.text[ref.start : ref.end]
        raw_path = raw.split("#", 1)[0].split("?", 1)[0]
        if suggestion and raw_path == written and _plain(suggestion) and not ref.shared:
            # the whole destination is rewritten (query and fragment kept): the fixer
            # lets an unsafe fix change a URL it replaces whole
            new = suggestion + raw[len(raw_path) :]
            fix = Fix(f"Point the link to {suggestion}", (Edit(ref.start, ref.end, new),), False)
        if "://" in url or url.startswith(("www.", "(")):  # a web link written wrong
            message = f"{what} {url} is read as a file in the repository, which does not exist"
        else:
            message = f"{what} {url} does not exist{hint}"
        yield Problem(message, ref.start, ref.end, fix)
        return
    if fragment and target.lower().endswith(_MARKDOWN) and os.path.isfile(target):
        yield from _check_anchor(ctx, ref, target, root, written, fragment, anchors)


def _from_above(tree: _Tree, root: str, folder: str, written: str) -> list[str] | None:
    """The path as written, resolved from a folder above the list's instead (a list in a
    subfolder linking the repository's ``media/logo.svg`` as if it were at the root)."""
    if written.startswith(("/", "../")):
        return None
    tail = [p for p in unquote(written).split("/") if p not in ("", ".")]
    here = folder
    while here != root and here.startswith(root + os.sep):
        here = os.path.dirname(here)
        parts = [p for p in os.path.relpath(here, root).split(os.sep) if p not in ("", ".")]
        if tail and tree.exists(root, parts + tail):
            return parts + tail
    return None


def _written(near: list[str], root: str, base: str, written: str) -> str:
    """``near`` (parts from the root) written as the link was: rooted or relative."""
    target = os.path.join(root, *near)
    if written.startswith("/"):
        rel = "/" + "/".join(near)
    else:
        rel = os.path.relpath(target, base).replace(os.sep, "/")
    if written.startswith("./") and not rel.startswith("."):
        rel = "./" + rel
    if written.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if "%" in written:  # written percent-encoded: suggest it so
        from urllib.parse import quote

        rel = quote(rel, safe="/.")
    return rel


def _plain(path: str) -> bool:
    """Whether ``path`` can stand in a Markdown link destination as it is."""
    return not any(c.isspace() or c in "()<>\\%&" for c in path)


def _check_anchor(
    ctx: Context,
    ref: _Ref,
    target: str,
    root: str,
    written: str,
    fragment: str,
    anchors: dict[str, _Anchors | None],
) -> Iterator[Problem]:
    from awesomelint.markdown.slug import has_anchor, page_anchors, wanted

    if target not in anchors:
        other = _read(ctx, target, root)
        anchors[target] = page_anchors(other) if other is not None else None
    found = anchors[target]
    if found is None or has_anchor(found[1], fragment):
        return
    import difflib

    close = difflib.get_close_matches(wanted(fragment), found[0], n=2, cutoff=0.75)
    hint = f" (did you mean #{close[0]}?)" if close else ""
    raw = ctx.text[ref.start : ref.end]
    fix = None
    if len(close) == 1 and raw.endswith(f"#{fragment}") and not ref.shared:
        new = raw[: len(raw) - len(fragment)] + close[0]
        fix = Fix(f"Point the link to #{close[0]}", (Edit(ref.start, ref.end, new),), False)
    name = written or os.path.basename(target)
    yield Problem(
        f"Link to {name}#{fragment}: {name} has no heading or HTML anchor #{fragment}{hint}",
        ref.start,
        ref.end,
        fix,
    )


def _read(ctx: Context, target: str, root: str) -> Document | None:
    """The linked Markdown file, parsed; the list itself is not read again. None when
    it cannot be read, is too big, or its real path leaves the repository."""
    from awesomelint.markdown import parse

    if ctx.path is not None and os.path.realpath(ctx.path) == os.path.realpath(target):
        return ctx.doc
    real = os.path.realpath(target)
    if not real.startswith(os.path.realpath(root) + os.sep):
        return None
    try:
        if os.path.getsize(real) > _MAX_BYTES:
            return None
        with open(real, encoding="utf-8", errors="replace", newline="") as fh:
            return parse(fh.read())
    except (OSError, RecursionError):
        return None


RULE = Rule(
    code="N007",
    name="missing-file",
    summary="A relative link or image points to a file that does not exist",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    fix_kind="unsafe",
    severity=Severity.WARNING,
    groups=frozenset({"links"}),
)
