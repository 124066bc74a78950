"""Run every rule over real Markdown files nobody here wrote (READMEs from PyPI and npm):
what breaks, and what each rule reports there. Prints figures; asserts nothing.

Per file, with every rule selected (``--select ALL``):

- parse: the fast paths give mistune's Document, every field (a disagreement is a bug);
- check: no exception;
- fix, safe fixes and then ``--unsafe-fixes``: no exception, no refusal (FixError: a
  fix would lose a word or a link, or the fixes do not converge), idempotent
  (``fix(fix(x)) == fix(x)``), the byte order mark and the kind of line break kept, and
  no finding left that the same fix could fix. ``--crlf`` reads every file with CRLF
  line breaks and a BOM, as a Windows editor saves it.

Then, per rule, how many findings on how many files, and a sample of them with their
lines, to read by eye: a finding there is only as good as a maintainer would judge it.

``--fetch-pypi NAMES`` and ``--fetch-npm NAMES`` first download the READMEs of the
packages listed one per line in the file NAMES into DIR: from PyPI's JSON API the long
description, when it is Markdown; from the npm registry the README.md of the latest
tarball. Only the fetch needs the network.

Usage:
  python benchmarks/realworld.py DIR                       # the sweep and the table
  python benchmarks/realworld.py DIR --sample 10 --rules balanced-punctuation,spell-check
  python benchmarks/realworld.py DIR --crlf --sample 0            # as Windows saves them
  python benchmarks/realworld.py DIR --fetch-pypi names.txt --fetch-npm names.txt
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import re
import sys
import tarfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import awesomelint
from awesomelint.markdown import parse
from awesomelint.markdown.build import build_document

ALL = {"select": ["ALL"]}
PROBLEMS = (
    "parser disagrees", "check raised", "fix raised", "fix refused", "not idempotent",
    "fixable left", "line breaks or BOM changed",
)  # fmt: skip
_BREAK = re.compile(r"\r\n|\r|\n")


def _fixable_left(text: str, unsafe: bool) -> list[str]:
    return [
        f"{f.rule}@{f.start}"
        for f in awesomelint.check(text, config=ALL)
        if f.fix is not None and (f.fix.safe or unsafe)
    ]


def _as_crlf(text: str) -> str:
    """``text`` with CRLF line breaks and a byte order mark: how a Windows editor saves it."""
    return "\ufeff" + _BREAK.sub("\r\n", text.removeprefix("\ufeff"))


def _kept_format(before: str, after: str) -> bool:
    """Whether a fix kept the BOM and wrote no line break of another kind."""
    kinds = set(_BREAK.findall(before))
    return before.startswith("\ufeff") == after.startswith("\ufeff") and (
        not kinds or set(_BREAK.findall(after)) <= kinds
    )


def sweep_one(path: Path, crlf: bool = False) -> dict[str, Any]:
    """What went wrong with one file (problem -> detail) and its findings; ``crlf``: read
    as :func:`_as_crlf` gives it."""
    out: dict[str, Any] = {"name": path.name, "problems": {}, "findings": [], "skipped": ""}
    problems: dict[str, str] = out["problems"]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        out["skipped"] = "not UTF-8"  # (what the CLI refuses with exit 2; no rule runs)
        return out
    if crlf:
        text = _as_crlf(text)
    fast, slow = build_document(text), build_document(text, fast=False)
    if fast != slow or fast._link_starts != slow._link_starts:
        problems["parser disagrees"] = "the fast paths and mistune give different Documents"
    try:
        findings = awesomelint.check(text, config=ALL)
    except Exception as exc:  # (what the sweep is for)
        problems["check raised"] = f"{type(exc).__name__}: {exc}"
        return out
    doc = parse(text)
    for f in findings:
        line = doc.line_of(f.start)
        out["findings"].append((f.rule, line, f.message, doc.line_text(line)))
    for unsafe in (False, True):
        tag = " (unsafe)" if unsafe else ""
        try:
            once = awesomelint.fix(text, unsafe=unsafe, config=ALL)
            twice = awesomelint.fix(once, unsafe=unsafe, config=ALL)
        except awesomelint.FixError as exc:
            problems["fix refused"] = f"{exc}{tag}"
            continue
        except Exception as exc:
            problems["fix raised"] = f"{type(exc).__name__}: {exc}{tag}"
            continue
        if twice != once:
            problems["not idempotent"] = f"a second fix changes the text{tag}"
        if not _kept_format(text, once):
            problems["line breaks or BOM changed"] = f"by the fix{tag}"
        left = _fixable_left(once, unsafe)
        if left:
            problems["fixable left"] = ", ".join(left[:3]) + tag
    return out


def sweep(files: Sequence[Path], workers: int, crlf: bool = False) -> list[dict[str, Any]]:
    if workers <= 1:
        return [sweep_one(p, crlf) for p in files]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(sweep_one, files, [crlf] * len(files), chunksize=8))


def report(results: list[dict[str, Any]], sample: int, rules: set[str] | None) -> str:
    skipped = [f"{r['name']} ({r['skipped']})" for r in results if r["skipped"]]
    lines = [f"{len(results) - len(skipped)} files"]
    if skipped:
        lines[0] += f"; skipped: {', '.join(skipped)}"
    lines += ["", "| problem | files |", "| --- | ---: |"]
    by_problem: dict[str, list[str]] = defaultdict(list)
    for r in results:
        for problem, detail in r["problems"].items():
            by_problem[problem].append(f"{r['name']}: {detail}")
    lines += [f"| {p} | {len(by_problem[p])} |" for p in PROBLEMS]
    for p in PROBLEMS:
        for item in by_problem[p]:
            lines.append(f"- {p}: {item}")
    per_rule: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, list[str]] = defaultdict(list)
    for r in results:
        for rule, line, message, source in r["findings"]:
            per_rule[rule] += 1
            files[rule].add(r["name"])
            shown[rule].append(f"  {r['name']}:{line}: {message}\n      | {source[:160]!r}")
    lines += ["", "| rule | findings | files |", "| --- | ---: | ---: |"]
    lines += [f"| {rule} | {n} | {len(files[rule])} |" for rule, n in per_rule.most_common()]
    rnd = random.Random(1)
    for rule in sorted(per_rule):
        if sample and (rules is None or rule in rules):
            lines += ["", f"### {rule}"]
            lines += rnd.sample(shown[rule], min(sample, len(shown[rule])))
    return "\n".join(lines)


# -- fetching (network) -------------------------------------------------------------------


async def _fetch(names: list[str], folder: Path, registry: str) -> Counter[str]:
    import httpx

    folder.mkdir(parents=True, exist_ok=True)
    limit = asyncio.Semaphore(16)

    async def one(client: httpx.AsyncClient, name: str) -> str:
        async with limit:
            try:
                data = await (_pypi if registry == "pypi" else _npm)(client, name)
            except (httpx.HTTPError, KeyError, ValueError, tarfile.TarError):
                return "failed"
            if data is None:
                return "no Markdown README"
            (folder / f"{registry}-{name.replace('/', '__')}.md").write_bytes(data)
            return "fetched"

    async with httpx.AsyncClient(follow_redirects=True, timeout=60) as client:
        return Counter(await asyncio.gather(*(one(client, n) for n in names)))


async def _pypi(client: Any, name: str) -> bytes | None:
    info = (await client.get(f"https://pypi.org/pypi/{name}/json")).json()["info"]
    kind = info.get("description_content_type") or ""
    text = info.get("description") or ""
    return text.encode() if kind.startswith("text/markdown") and text.strip() else None


async def _npm(client: Any, name: str) -> bytes | None:
    latest = (await client.get(f"https://registry.npmjs.org/{name.replace('/', '%2F')}/latest"))
    tarball = await client.get(latest.json()["dist"]["tarball"])
    with tarfile.open(fileobj=io.BytesIO(tarball.content), mode="r:gz") as tf:
        for member in tf.getmembers():
            parts = member.name.split("/")
            if len(parts) == 2 and parts[1].lower() == "readme.md" and member.isfile():
                extracted = tf.extractfile(member)
                data = extracted.read() if extracted else b""
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    return None
                return data
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("folder", type=Path, help="a folder of .md files (fetched into, too)")
    ap.add_argument("--fetch-pypi", type=Path, metavar="NAMES", help="PyPI names, one a line")
    ap.add_argument("--fetch-npm", type=Path, metavar="NAMES", help="npm names, one a line")
    ap.add_argument("--sample", type=int, default=5, help="findings shown per rule (0: none)")
    ap.add_argument("--rules", help="comma-separated rules to show samples of (default: all)")
    ap.add_argument("--workers", type=int, default=0, help="processes (default: the CPUs)")
    ap.add_argument("--crlf", action="store_true", help="read each file as CRLF with a BOM")
    opts = ap.parse_args()
    for registry, names_file in (("pypi", opts.fetch_pypi), ("npm", opts.fetch_npm)):
        if names_file is not None:
            names = [n.strip() for n in names_file.read_text().splitlines() if n.strip()]
            got = asyncio.run(_fetch(names, opts.folder, registry))
            print(f"{registry}: {dict(got)}", file=sys.stderr)
    files = sorted(opts.folder.glob("*.md"))
    if not files:
        print(f"no .md files in {opts.folder}", file=sys.stderr)
        return 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = opts.workers or cpus or 1
    rules = set(opts.rules.split(",")) if opts.rules else None
    print(report(sweep(files, workers, opts.crlf), opts.sample, rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
