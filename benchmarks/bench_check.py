"""Time awesomelint against markdownlint-cli2, awesome-lint and pymarkdown: prints figures,
asserts nothing.

Every figure is a whole process, wall clock, the median of ``--runs`` (the tools of
``--tool-runs``), run on a copy of the file named README.md in a fresh folder (no config
file applies):

  awesomelint check   python -m awesomelint check README.md    (+ peak RSS of the process)
  awesomelint fix     python -m awesomelint fix README.md      (on a fresh copy each run)
  markdownlint-cli2   markdownlint-cli2 README.md              (npm, default rules)
  awesome-lint        awesome-lint README.md                   (npm, offline)
  pymarkdown          pymarkdown scan README.md                (pip; files up to
                                                                --pymarkdown-max-kb only)

on each list of the shared corpus (../shared/corpus) and on synthetic lists of
``--sizes`` MB written by benchmarks/synthetic.py; plus Python's start, the import of
awesomelint's CLI (``python -X importtime``) and whether ``check`` imports any network
module. The npm and pip tools come from ``../shared/tools/anchors.sh`` (it installs them
into a cache folder when missing) or from $MARKDOWNLINT_CLI2, $AWESOME_LINT, $PYMARKDOWN.

Python writes no bytecode when PYTHONDONTWRITEBYTECODE is set, and would then compile
every module of awesomelint at each start, unlike an installed package: the runs use a
bytecode cache of their own (PYTHONPYCACHEPREFIX in the cache folder), warmed first.

Usage: python benchmarks/bench_check.py [--runs N] [--tool-runs N] [--sizes 1,4,16]
       [--no-tools] [--no-synthetic] [--in-process] [--corpus DIR] [FILE ...]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ANCHORS = ROOT.parent / "shared" / "tools" / "anchors.sh"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "awesomelint-bench"
TOOLS = ("markdownlint-cli2", "awesome-lint", "pymarkdown")
TOOL_VARS = {"markdownlint-cli2": "MARKDOWNLINT_CLI2", "awesome-lint": "AWESOME_LINT",
             "pymarkdown": "PYMARKDOWN"}  # fmt: skip
NETWORK_MODULES = ("httpx", "httpcore", "anyio", "h11", "ssl", "certifi", "urllib3", "requests")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate  # noqa: E402


@dataclass
class Timing:
    """Wall-clock seconds of the runs of one command, and the largest peak RSS."""

    runs: list[float] = field(default_factory=list)
    rss_kb: int = 0
    failed: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env.pop("GITHUB_ACTIONS", None)  # the text report, as on a terminal
    return env


def run(
    cmd: Sequence[str], cwd: Path, runs: int, timeout: float, before: Callable[[], object] | None
) -> Timing:
    """Run ``cmd`` in ``cwd`` ``runs`` times; exit codes 0 and 1 (findings) are success."""
    out = Timing()
    env = _env()
    for _ in range(runs):
        if before is not None:
            before()
        with tempfile.TemporaryFile() as err:
            elapsed, status, usage = _spawn(list(cmd), cwd, env, err.fileno(), timeout)
            if status is None:
                out.failed = f">{timeout:.0f}s"
                return out
            code = os.waitstatus_to_exitcode(status)
            if code not in (0, 1):
                err.seek(0)
                msg = err.read().decode("utf-8", "replace").strip().splitlines()
                out.failed = f"exit {code}: {msg[-1][:60] if msg else ''}"
                return out
        out.runs.append(elapsed)
        out.rss_kb = max(out.rss_kb, usage)
    return out


# Runs one command and prints its wall time, wait status and peak RSS. A small process of
# its own: a child's peak RSS (ru_maxrss) counts the memory of the process that forked it
# until the exec, and this script holds the synthetic lists.
_LAUNCHER = """
import json, os, signal, sys, time
cmd, timeout = json.loads(sys.argv[1]), float(sys.argv[2])
t0 = time.perf_counter()
pid = os.posix_spawn(cmd[0], cmd, os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, timeout)
_, status, usage = os.wait4(pid, 0)
signal.setitimer(signal.ITIMER_REAL, 0)
print(json.dumps([time.perf_counter() - t0, status, usage.ru_maxrss]))
"""


def _spawn(
    cmd: list[str], cwd: Path, env: dict[str, str], err: int, timeout: float
) -> tuple[float, int | None, int]:
    """Run ``cmd`` through the launcher: (seconds, wait status or None on a timeout,
    peak RSS in KB)."""
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, json.dumps(cmd), str(timeout)],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=err, check=True,
    )  # fmt: skip
    elapsed, status, rss = json.loads(proc.stdout)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return elapsed, None, rss
    return elapsed, status, rss


def find_tools(use: bool) -> dict[str, str]:
    """Paths of the comparison tools, installing them with anchors.sh when needed."""
    if not use:
        return {}
    found = {t: os.environ[v] for t, v in TOOL_VARS.items() if os.environ.get(v)}
    if len(found) < len(TOOLS) and ANCHORS.is_file():
        proc = subprocess.run(["bash", str(ANCHORS)], capture_output=True, text=True, check=False)
        for line in proc.stdout.splitlines():
            m = re.match(r"export (\w+)=(.*)", line.strip())
            for tool, var in TOOL_VARS.items():
                if m and m.group(1) == var and tool not in found:
                    found[tool] = m.group(2)
    return {t: p for t, p in found.items() if Path(p).exists()}


def tool_cmd(tool: str, exe: str) -> list[str]:
    if tool == "pymarkdown":
        return [exe, "scan", "README.md"]
    return [exe, "README.md"]


def version(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    text = (proc.stdout or proc.stderr).strip()
    m = re.search(r"\d+\.\d+(?:\.\d+)?", text)
    return m.group(0) if m else "?"


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = f", load {os.getloadavg()[0]:.1f}"
    except OSError:
        load = ""
    return f"{model}, {cpus} CPUs{mem}, {platform.system()} {platform.release()}{load}"


def import_profile(runs: int) -> tuple[float, list[tuple[float, str]], list[str]]:
    """ms to import awesomelint.cli (cumulative, min over runs), the modules with the
    largest own import time, and the network modules ``check`` imports."""
    env = _env()
    best: dict[str, int] = {}
    total = float("inf")
    for _ in range(max(runs, 3)):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import awesomelint.cli"],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
            if not m:
                continue
            name = m.group(4)
            best[name] = min(best.get(name, 1 << 40), int(m.group(1)))
            if name == "awesomelint.cli":
                total = min(total, int(m.group(2)) / 1000)
    top = sorted(((us / 1000, name) for name, us in best.items()), reverse=True)[:8]
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "README.md"
        sample.write_text("# A\n\n- [x](https://example.com) - Y.\n", encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "awesomelint", "check", str(sample)],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
    modules = {m.group(1) for m in re.finditer(r"\| +(\S+)$", proc.stderr, re.M)}
    network = sorted(m for m in modules if m.split(".")[0] in NETWORK_MODULES)
    return total, top, network


def fmt_s(t: Timing) -> str:
    return t.failed or f"{t.median:.3f}"


def ratio(other: Timing | None, ours: Timing) -> str:
    if other is None:
        return "-"
    if other.failed:
        return other.failed if other.failed.startswith(">") else "-"
    return f"{other.median / ours.median:.1f}x"


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    out = []
    for k, r in enumerate([head, *rows]):
        cells = [r[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        out.append("| " + " | ".join(cells) + " |")
        if k == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def _next_into(fn: Callable[[str], object], texts: Iterator[str]) -> object:
    return fn(next(texts))


def in_process(files: Sequence[Path], runs: int) -> None:
    """The earlier in-process columns: parse, check, check ALL, fix (median ms)."""
    import awesomelint
    from awesomelint.markdown import parse

    def median_ms(fn: Callable[[], object]) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000

    def try_fix(text: str) -> None:
        with contextlib.suppress(awesomelint.FixError):
            awesomelint.fix(text)

    def check_all(text: str) -> object:
        return awesomelint.check(text, config={"select": ["ALL"]})

    rows = []
    for path in files:
        # a changed text each run: parse() reuses the Document of the text it parsed last
        text = path.read_text(encoding="utf-8")
        texts = iter([text + " " * i for i in range(1, 4 * runs + 1)])
        cells = [path.name]
        for fn in (parse, awesomelint.check, check_all, try_fix):
            cells.append(f"{median_ms(functools.partial(_next_into, fn, texts)):.0f}")
        rows.append(cells)
    print("\nIn-process (ms, median): parse, check (default rules), check ALL rules, fix")
    print(table(("file", "parse", "check", "check ALL", "fix"), rows))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="Markdown files (default: the corpus)")
    ap.add_argument("--runs", type=int, default=7, help="runs of awesomelint (median)")
    ap.add_argument("--tool-runs", type=int, default=3, help="runs of each other tool")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.md files")
    ap.add_argument("--sizes", default="1,4,16", help="synthetic list sizes in MB")
    ap.add_argument("--no-synthetic", action="store_true", help="skip the synthetic lists")
    ap.add_argument("--no-tools", action="store_true", help="time awesomelint alone")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per tool run")
    ap.add_argument("--pymarkdown-max-kb", type=float, default=450, help="(it is slow)")
    ap.add_argument("--in-process", action="store_true", help="also in-process timings")
    opts = ap.parse_args()

    files: list[Path] = list(opts.files)
    if not files and opts.corpus.is_dir():
        files = sorted(p for p in opts.corpus.glob("*.md") if p.name != "SOURCES.md")
    sizes = [] if opts.no_synthetic else [float(s) for s in opts.sizes.split(",") if s]
    if not files and not sizes:
        print(f"corpus folder {opts.corpus} is absent: nothing to measure")
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    tools = find_tools(not opts.no_tools)

    import mistune

    import awesomelint

    versions = [
        f"python {platform.python_version()}",
        f"awesomelint {awesomelint.__version__}",
        f"mistune {mistune.__version__}",
    ]
    if tools:
        versions.append(f"node {version(['node', '--version'])}")
        versions += [
            f"{t} {version([p, 'version' if t == 'pymarkdown' else '--version'])}"
            for t, p in tools.items()
        ]
    print(f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print(", ".join(versions))
    missing = [t for t in TOOLS if t not in tools]
    if missing and not opts.no_tools:
        print(f"not found (skipped): {', '.join(missing)}")
    print(f"wall-clock seconds, median of {opts.runs} runs ({opts.tool_runs} for other tools)")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        readme = work / "README.md"
        py = [sys.executable, "-m", "awesomelint"]
        # warm the bytecode cache, then Python's start and the CLI's imports
        readme.write_text("# A\n", encoding="utf-8")
        run([*py, "check", "README.md"], work, 1, opts.timeout, None)
        start = run([sys.executable, "-c", "pass"], work, opts.runs, 60, None)
        imp = run([sys.executable, "-c", "import awesomelint.cli"], work, opts.runs, 60, None)
        total, top, network = import_profile(opts.runs)
        print(
            f"\nPython start {start.median * 1000:.0f} ms; start + import awesomelint.cli "
            f"{imp.median * 1000:.0f} ms (-X importtime: {total:.0f} ms cumulative; "
            "largest own times: "
            + ", ".join(f"{name} {ms:.1f}" for ms, name in top[:6])
            + ")"
        )
        print(
            "network modules imported by `check`: "
            + (", ".join(network) if network else "none")
        )

        inputs: list[tuple[str, str]] = []
        for path in files:
            inputs.append((path.name, path.read_text(encoding="utf-8")))
        for mb in sizes:
            inputs.append((f"synthetic {mb:g} MB", generate(int(mb * 1024 * 1024))))

        head = ["file", "MB", "check s", "fix s", "RSS MB", "RSS/size"]
        for t in tools:
            head += [f"{t} s", "x"]
        rows: list[list[str]] = []
        measured: dict[str, Timing] = {}
        for name, text in inputs:
            size = len(text.encode("utf-8"))
            readme.write_text(text, encoding="utf-8")
            big = size > 2 * 1024 * 1024
            runs = max(1, opts.runs // 3) if big else opts.runs
            check = run([*py, "check", "README.md"], work, runs, opts.timeout, None)
            fix_copy = work / "fix"
            fix_copy.mkdir(exist_ok=True)
            fresh = functools.partial((fix_copy / "README.md").write_text, text, encoding="utf-8")

            fixed = run([*py, "fix", "README.md"], fix_copy, runs, opts.timeout, fresh)
            measured[name] = check
            row = [
                name,
                f"{size / 1024 / 1024:.2f}",
                fmt_s(check),
                fmt_s(fixed),
                f"{check.rss_kb / 1024:.0f}",
                f"{check.rss_kb * 1024 / size:.1f}x",
            ]
            for tool, exe in tools.items():
                if tool == "pymarkdown" and size > opts.pymarkdown_max_kb * 1024:
                    row += ["-", "-"]
                    continue
                truns = 1 if (big or tool == "pymarkdown") else opts.tool_runs
                other = run(tool_cmd(tool, exe), work, truns, opts.timeout, None)
                row += [fmt_s(other), ratio(other, check)]
            rows.append(row)
            print(f"  measured {name}", file=sys.stderr)
        print()
        print(table(head, rows))
        syn = [(mb, measured[f"synthetic {mb:g} MB"]) for mb in sizes]
        if len(syn) >= 2 and syn[0][1].runs and syn[-1][1].runs:
            (mb0, t0), (mb1, t1) = syn[0], syn[-1]
            print(
                f"\nscaling: {mb0:g} MB -> {mb1:g} MB ({mb1 / mb0:g}x the text): check time "
                f"x{t1.median / t0.median:.1f}"
            )
    if opts.in_process:
        in_process(files, opts.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
