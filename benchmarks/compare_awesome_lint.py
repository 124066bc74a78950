"""Run awesome-lint (npm) and awesomelint side by side on real lists; print what each finds.

For every rule the two tools share, per list: how many findings each reports, how many
sit on the same line (agreements), and which lines only one of them reports. Each list
is copied alone into a temporary folder as ``readme.md`` (awesome-lint's file-name rules
want that name; the folder has no contributing.md or code of conduct, for both tools).

awesome-lint comes from ``$AWESOME_LINT`` (set it with
``eval "$(../shared/tools/anchors.sh)"``, which installs awesome-lint 2.3.0 into a cache);
without it, or without ``node``, the script says so and exits 0. Its ``awesome-github``
check needs the network and a repository URL and is left out (so are checks we do not
share: remark-lint's Markdown style rules, ``awesome-git-repo-age``).

Usage:
  python benchmarks/compare_awesome_lint.py                     # the shared corpus
  python benchmarks/compare_awesome_lint.py --rules awesome-toc,no-ci-badge
  python benchmarks/compare_awesome_lint.py --details            # list every difference
  python benchmarks/compare_awesome_lint.py FILE ...
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from awesomelint.engine import Settings, lint
from awesomelint.markdown import parse
from awesomelint.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# awesome-lint rule id -> our rule name (the checks both tools make)
SHARED = {
    "awesome-badge": "awesome-badge",
    "awesome-heading": "awesome-heading",
    "no-multiple-toplevel-headings": "awesome-heading",
    "awesome-toc": "awesome-toc",
    "awesome-no-ci-badge": "no-ci-badge",
    "awesome-license": "license-section",
    "awesome-contributing": "contributing-file",
    "awesome-code-of-conduct": "code-of-conduct",
    "awesome-list-item": "list-item-format",
    "no-repeat-item-in-description": "repeated-item-name",
    "awesome-spell-check": "spell-check",
    "balanced-punctuation": "balanced-punctuation",
    "no-repeat-punctuation": "repeated-punctuation",
    "double-link": "duplicate-link",
}

NODE_SCRIPT = r"""
import path from 'node:path';
const [modDir, ...files] = process.argv.slice(2);
const {default: awesomeLint} = await import(path.join(modDir, 'index.js'));
const out = {};
for (const f of files) {
  const vfiles = await awesomeLint({filename: f});
  out[f] = vfiles.flatMap(v => v.messages.map(m => ({
    file: path.basename(v.path), rule: m.ruleId, line: m.line ?? 1, reason: m.reason})));
}
console.log(JSON.stringify(out));
"""


def awesome_lint_dir() -> Path | None:
    exe = os.environ.get("AWESOME_LINT")
    if not exe or not shutil.which("node"):
        return None
    pkg = Path(exe).resolve().parent
    while pkg != pkg.parent and not (pkg / "package.json").exists():
        pkg = pkg.parent
    return pkg if (pkg / "rules").is_dir() else None


def run_awesome_lint(pkg: Path, readmes: list[Path]) -> dict[str, list[dict[str, object]]]:
    with tempfile.NamedTemporaryFile("w", suffix=".mjs", delete=False) as fh:
        fh.write(NODE_SCRIPT)
    try:
        done = subprocess.run(
            ["node", fh.name, str(pkg), *map(str, readmes)],
            capture_output=True, text=True, check=False, cwd=readmes[0].parent,
        )
    finally:
        os.unlink(fh.name)
    if done.returncode:
        raise SystemExit(f"awesome-lint failed:\n{done.stderr}")
    result: dict[str, list[dict[str, object]]] = json.loads(done.stdout.splitlines()[-1])
    return result


def run_ours(readme: Path, names: set[str]) -> list[tuple[str, int, str]]:
    rules = tuple(r for r in ALL_RULES if r.name in names)
    text = readme.read_text(encoding="utf-8")
    doc = parse(text)
    return [(f.rule, doc.line_of(f.start), f.message) for f in lint(doc, Settings(rules), readme)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--rules", help="comma-separated rule names of ours (default: all shared)")
    ap.add_argument("--details", action="store_true", help="print every differing finding")
    args = ap.parse_args()
    pkg = awesome_lint_dir()
    if pkg is None:
        print("awesome-lint not found: run `eval \"$(../shared/tools/anchors.sh)\"` first")
        return 0
    files = args.files or sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md")
    if not files:
        print(f"no lists to compare (looked in {CORPUS})")
        return 0
    ours_known = {r.name for r in ALL_RULES}
    wanted = set(args.rules.split(",")) if args.rules else set(SHARED.values())
    names = wanted & ours_known
    missing = sorted(wanted - ours_known)
    with tempfile.TemporaryDirectory() as tmp:
        readmes = []
        for f in files:
            folder = Path(tmp) / f.stem
            folder.mkdir()
            shutil.copyfile(f, folder / "readme.md")
            readmes.append(folder / "readme.md")
        theirs_all = run_awesome_lint(pkg, readmes)
        rows, details = [], []
        for f, readme in zip(files, readmes, strict=True):
            theirs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
            for m in theirs_all.get(str(readme), []):
                ours_name = SHARED.get(str(m["rule"]))
                if ours_name in names and m["file"] == "readme.md":
                    theirs[ours_name][int(str(m["line"]))].append(str(m["reason"]))
            ours: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
            for rule, line, msg in run_ours(readme, names):
                ours[rule][line].append(msg)
            for name in sorted(names):
                t, o = theirs[name], ours[name]
                both = set(t) & set(o)
                only_t, only_o = sorted(set(t) - set(o)), sorted(set(o) - set(t))
                rows.append((f.name, name, sum(map(len, t.values())), sum(map(len, o.values())),
                             len(both), len(only_t), len(only_o)))
                for line in only_t:
                    details.append(f"{f.name}:{line} {name} only awesome-lint: {t[line][0]}")
                for line in only_o:
                    details.append(f"{f.name}:{line} {name} only awesomelint: {o[line][0]}")
    print("| list | rule | awesome-lint | awesomelint | same line | only awesome-lint lines "
          "| only awesomelint lines |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        if row[2] or row[3]:
            print("| " + " | ".join(map(str, row)) + " |")
    if missing:
        print(f"\nnot compared (no such rule in awesomelint yet): {', '.join(missing)}")
    if args.details:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
