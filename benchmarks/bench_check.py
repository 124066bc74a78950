"""Time awesomelint on the real lists of ../shared/corpus: prints figures, asserts nothing.

Per file: size, lines, findings, and the median of N runs of
  parse      awesomelint.document.parse(text)          (the one mistune parse)
  check      awesomelint.check(text)                   (default rules)
  check-all  awesomelint.check(text, select ALL)
  fix        awesomelint.fix(text)                     (safe fixes, to the fixpoint)
  cli        python -m awesomelint check FILE          (whole process, wall clock)
plus the cost of starting Python and importing awesomelint's CLI, which every cli run pays.

Usage: python benchmarks/bench_check.py [--runs N] [--corpus DIR] [--no-cli] [FILE ...]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import awesomelint
from awesomelint.document import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ALL = {"select": ["ALL"]}


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def run_cli(args: list[str]) -> None:
    # exit code 1 means "problems found": not an error for a benchmark
    proc = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()}")


def try_fix(text: str) -> str:
    try:
        awesomelint.fix(text)
    except awesomelint.FixError as exc:
        return f"FixError: {exc}"
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="Markdown files (default: the corpus)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.md files")
    ap.add_argument("--no-cli", action="store_true", help="skip the subprocess timings")
    opts = ap.parse_args()

    files: list[Path] = opts.files
    if not files:
        if not opts.corpus.is_dir():
            print(f"corpus folder {opts.corpus} is absent: nothing to measure")
            return 0
        files = sorted(opts.corpus.glob("*.md"))
    print(f"python {sys.version.split()[0]}, awesomelint {awesomelint.__version__}, "
          f"median of {opts.runs} runs, times in ms")  # fmt: skip
    if not opts.no_cli:
        startup = median_ms(partial(run_cli, ["-c", "import awesomelint.cli"]), opts.runs)
        print(f"python start + import awesomelint.cli: {startup:.0f} ms (paid by each cli run)")
    print()
    head = ("file", "KB", "lines", "findings", "parse", "check", "check-all", "fix", "cli")
    rows: list[tuple[str, ...]] = []
    notes = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        doc = parse(text)
        findings = len(awesomelint.check(text))
        t_parse = median_ms(partial(parse, text), opts.runs)
        t_check = median_ms(partial(awesomelint.check, text), opts.runs)
        t_all = median_ms(partial(awesomelint.check, text, config=ALL), opts.runs)
        note = try_fix(text)
        t_fix = median_ms(partial(try_fix, text), opts.runs)
        if note:
            notes.append(f"{path.name}: {note}")
        t_cli = "-"
        if not opts.no_cli:
            cli = ["-m", "awesomelint", "check", str(path)]
            t_cli = f"{median_ms(partial(run_cli, cli), opts.runs):.0f}"
        rows.append(
            (
                path.name,
                f"{len(text.encode()) / 1024:.0f}",
                str(doc.line_count),
                str(findings),
                f"{t_parse:.0f}",
                f"{t_check:.0f}",
                f"{t_all:.0f}",
                f"{t_fix:.0f}" + ("*" if note else ""),
                t_cli,
            )
        )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        cells = [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        print("  ".join([r[0].ljust(widths[0]), *cells]))
    for n in notes:
        print(f"* {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
