"""Time awesomelint against markdownlint-cli2 and awesome-lint: prints figures and the
speed targets they meet or miss, asserts nothing.

Every figure is a whole process, wall clock, the median of ``--rounds`` rounds. A round
runs each command once, one after the other (interleaved), so that a machine busier at
one moment slows every command alike; the ratios are medians of the same rounds. Each
file is copied to a fresh folder as README.md (no config file applies):

  check          python -m awesomelint check README.md          (+ peak RSS)
  awesome        python -m awesomelint check --preset awesome README.md
  fix            python -m awesomelint fix README.md            (a fresh copy each round)
  mdl            markdownlint-cli2 README.md                    (npm, default rules)
  awesome-lint   awesome-lint README.md                         (npm, offline)
  pymarkdown     pymarkdown scan README.md                      (with --pymarkdown only)

Sections: start-up (``python -c pass`` vs ``check`` of a 3-line list, the imports of that
run by ``-X importtime``, and the modules it should not import); each list of the shared
corpus (../shared/corpus); scaling (awesome-go repeated to 1 and 16 MB, and
benchmarks/synthetic.py's lists of the same sizes: time and peak RSS per file size);
then the targets of the speed issue, each with the figure measured.

The npm tools come from ``../shared/tools/anchors.sh`` (it installs them into a cache
folder when missing) or from $MARKDOWNLINT_CLI2, $AWESOME_LINT, $PYMARKDOWN. Python
writes no bytecode when PYTHONDONTWRITEBYTECODE is set and would then compile every
module at each start, unlike an installed package: the runs use a bytecode cache of
their own (PYTHONPYCACHEPREFIX), warmed first.

Usage: python benchmarks/bench_check.py [--rounds N] [--no-tools] [--no-scaling]
       [--pymarkdown] [--corpus DIR] [FILE ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ANCHORS = ROOT.parent / "shared" / "tools" / "anchors.sh"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "awesomelint-bench"
TOOL_VARS = {"mdl": "MARKDOWNLINT_CLI2", "awesome-lint": "AWESOME_LINT", "pymarkdown": "PYMARKDOWN"}
# modules a `check` of a plain list has no use for (network, git, diffs, temp files,
# dataclass generation at import)
UNUSED = (
    "httpx", "httpcore", "anyio", "h11", "ssl", "certifi", "asyncio", "socket", "subprocess",
    "difflib", "tempfile", "dataclasses", "uuid", "ast", "awesomelint.links.checker",
    "awesomelint.gitdiff", "awesomelint.fixer", "awesomelint.review",
)  # fmt: skip
MB = 1024 * 1024

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate  # noqa: E402

Cmd = tuple[list[str], Path, Callable[[], object] | None]  # argv, folder, before each run


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env.pop("GITHUB_ACTIONS", None)  # the text report, as on a terminal
    return env


# Runs one command and prints its wall time, wait status and peak RSS. A small process of
# its own: a child's peak RSS (ru_maxrss) counts the memory of the process that forked it
# until the exec, and this script holds the 16 MB lists.
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


class Timing:
    """The wall-clock seconds of one command's runs and its largest peak RSS (KB)."""

    def __init__(self) -> None:
        self.runs: list[float] = []
        self.rss_kb = 0
        self.failed = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")


def spawn(cmd: Sequence[str], cwd: Path, timeout: float) -> tuple[float, int, str]:
    """Run ``cmd`` once: (seconds, peak RSS KB, "" or why it failed). Exit codes 0 and 1
    (findings) are success."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, json.dumps(list(cmd)), str(timeout)],
            cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=err, check=True,
        )  # fmt: skip
        elapsed, status, rss = json.loads(proc.stdout)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            return elapsed, rss, f">{timeout:.0f}s"
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            msg = err.read().decode("utf-8", "replace").strip().splitlines()
            return elapsed, rss, f"exit {code}: {msg[-1][:60] if msg else ''}"
    return elapsed, rss, ""


def interleaved(cmds: dict[str, Cmd], rounds: int, timeout: float) -> dict[str, Timing]:
    """``rounds`` rounds, each running every command once in turn."""
    out = {name: Timing() for name in cmds}
    for _ in range(rounds):
        for name, (argv, cwd, before) in cmds.items():
            t = out[name]
            if t.failed:
                continue
            if before is not None:
                before()
            elapsed, rss, failed = spawn(argv, cwd, timeout)
            if failed:
                t.failed = failed
                continue
            t.runs.append(elapsed)
            t.rss_kb = max(t.rss_kb, rss)
    return out


def ratio(a: Timing, b: Timing) -> float:
    """The median over rounds of a/b (both measured in the same rounds)."""
    if a.failed or b.failed or not a.runs or len(a.runs) != len(b.runs):
        return float("nan")
    return statistics.median(x / y for x, y in zip(a.runs, b.runs, strict=True))


def find_tools(use: bool, pymarkdown: bool) -> dict[str, str]:
    """Paths of the comparison tools, installing them with anchors.sh when needed."""
    if not use:
        return {}
    found = {t: os.environ[v] for t, v in TOOL_VARS.items() if os.environ.get(v)}
    if len(found) < len(TOOL_VARS) and ANCHORS.is_file():
        proc = subprocess.run(["bash", str(ANCHORS)], capture_output=True, text=True, check=False)
        for line in proc.stdout.splitlines():
            m = re.match(r"export (\w+)=(.*)", line.strip())
            for tool, var in TOOL_VARS.items():
                if m and m.group(1) == var and tool not in found:
                    found[tool] = m.group(2).strip("'\"")
    if not pymarkdown:
        found.pop("pymarkdown", None)
    return {t: p for t, p in found.items() if Path(p).exists()}


def version(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    m = re.search(r"\d+\.\d+(?:\.\d+)?", (proc.stdout or proc.stderr).strip())
    return m.group(0) if m else "?"


def machine() -> str:
    model = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{model}, {cpus} CPUs, {platform.system()} {platform.release()}{load}"


def imports(sample: Path, runs: int) -> tuple[float, list[tuple[float, str]], list[str]]:
    """What ``check`` of ``sample`` imports beyond Python's own start: the ms of those
    imports (min over runs of the sum of the top-level cumulative times), the slowest
    modules by own time, and the modules of UNUSED it imports (those click imports
    itself marked "(click)": the CLI cannot have click without them)."""

    def profile(argv: list[str]) -> dict[str, tuple[int, int, int]]:
        proc = subprocess.run(argv, capture_output=True, text=True, env=_env(), check=False)
        out = {}
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
            if m:
                out[m.group(4)] = (int(m.group(1)), int(m.group(2)), len(m.group(3)))
        return out

    base = profile([sys.executable, "-X", "importtime", "-c", "pass"])
    click = profile([sys.executable, "-X", "importtime", "-c", "import click"])
    best = float("inf")
    own: dict[str, int] = {}
    seen: set[str] = set()
    for _ in range(runs):
        run = profile(
            [sys.executable, "-X", "importtime", "-m", "awesomelint", "check", str(sample)]
        )
        top = sum(cum for name, (_, cum, depth) in run.items() if depth == 0 and name not in base)
        best = min(best, top / 1000)
        for name, (self_us, _, _) in run.items():
            if name not in base:
                own[name] = min(own.get(name, 1 << 40), self_us)
        seen |= set(run)
    slowest = sorted(((us / 1000, name) for name, us in own.items()), reverse=True)[:6]
    unused = sorted(m for m in seen if m in UNUSED or m.split(".")[0] in UNUSED)
    return best, slowest, [f"{m} (click)" if m in click else m for m in unused]


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


def s(t: Timing) -> str:
    return t.failed or f"{t.median:.3f}"


def x(v: float) -> str:
    return "-" if v != v else f"{v:.2f}x"


def repeat_to(text: str, size: int) -> str:
    """``text`` repeated (whole copies, then a cut at a line end) to ``size`` bytes."""
    data = text.encode("utf-8")
    copies = (size // len(data)) + 1
    out = (data * copies)[:size]
    return out[: out.rfind(b"\n") + 1].decode("utf-8")


def editable() -> bool:
    """Whether awesomelint is installed in editable mode (PEP 660's direct_url.json)."""
    from importlib import metadata

    for dist in metadata.distributions(name="awesomelint"):
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
        if direct.get("dir_info", {}).get("editable") is True:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="Markdown files (default: the corpus)")
    ap.add_argument("--rounds", type=int, default=9, help="interleaved rounds (median)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.md files")
    ap.add_argument("--no-tools", action="store_true", help="time awesomelint alone")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 1 and 16 MB lists")
    ap.add_argument("--pymarkdown", action="store_true", help="also pymarkdown (slow)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run")
    opts = ap.parse_args()

    files: list[Path] = list(opts.files)
    if not files and opts.corpus.is_dir():
        files = sorted(p for p in opts.corpus.glob("*.md") if p.name != "SOURCES.md")
    CACHE.mkdir(parents=True, exist_ok=True)
    tools = find_tools(not opts.no_tools, opts.pymarkdown)

    import mistune

    import awesomelint

    versions = [f"Python {platform.python_version()}", f"awesomelint {awesomelint.__version__}",
                f"mistune {mistune.__version__}"]  # fmt: skip
    if tools:
        versions.append(f"node {version(['node', '--version'])}")
        names = {"mdl": "markdownlint-cli2"}
        versions += [f"{names.get(t, t)} {version([p, '--version'])}" for t, p in tools.items()]
    print(f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print(", ".join(versions))
    if editable():
        print("NOTE: awesomelint is an editable install: its import finder slows every start;"
              " `pip install .` into a venv of its own gives the figures a user sees")
    print(f"whole processes, wall clock, median of {opts.rounds} interleaved rounds")

    py = [sys.executable, "-m", "awesomelint"]
    targets: list[tuple[str, str, bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        readme = work / "README.md"
        fixdir = work / "fix"
        fixdir.mkdir()

        # start-up
        readme.write_text("# Awesome X\n\n- [A](https://a.example) - A thing.\n", "utf-8")
        spawn([*py, "check", "README.md"], work, 60)  # warm the bytecode cache
        t = interleaved(
            {"pass": ([sys.executable, "-c", "pass"], work, None),
             "check": ([*py, "check", "README.md"], work, None)},
            max(opts.rounds, 15), 60,
        )  # fmt: skip
        above = statistics.median(
            c - p for c, p in zip(t["check"].runs, t["pass"].runs, strict=True)
        )
        imp, slowest, unused = imports(readme, 5)
        print(
            f"\nstart-up: python -c pass {t['pass'].median * 1000:.0f} ms; check of a 3-line "
            f"list {t['check'].median * 1000:.0f} ms, {above * 1000:.0f} ms more; its imports "
            f"{imp:.0f} ms (-X importtime; largest own: "
            + ", ".join(f"{n} {ms:.1f}" for ms, n in slowest) + ")"
        )  # fmt: skip
        print("modules imported that a check does not use: " + (", ".join(unused) or "none"))
        targets.append(("check of a 3-line list <= 100 ms above python -c pass",
                        f"{above * 1000:.0f} ms", above <= 0.100))  # fmt: skip
        targets.append(("its imports <= 50 ms", f"{imp:.0f} ms", imp <= 50))
        ours = [m for m in unused if not m.endswith("(click)")]
        targets.append(("no unused module imported", ", ".join(ours) or "none", not ours))

        def measure(text: str, with_tools: bool) -> dict[str, Timing]:
            readme.write_text(text, encoding="utf-8")
            fixcopy = fixdir / "README.md"

            def fresh() -> None:
                fixcopy.write_text(text, encoding="utf-8")

            cmds: dict[str, Cmd] = {
                "check": ([*py, "check", "README.md"], work, None),
                "awesome": ([*py, "check", "--preset", "awesome", "README.md"], work, None),
                "fix": ([*py, "fix", "README.md"], fixdir, fresh),
            }
            if with_tools:
                for tool, exe in tools.items():
                    argv = (
                        [exe, "scan", "README.md"] if tool == "pymarkdown" else [exe, "README.md"]
                    )
                    cmds[tool] = (argv, work, None)
            rounds = opts.rounds if len(text) < 2 * MB else max(3, opts.rounds // 3)
            return interleaved(cmds, rounds, opts.timeout)

        # the corpus
        head = ["file", "MB", "check s", "RSS MB", "awesome s", "/check", "fix s", "/check"]
        for tool in tools:
            head += [f"{tool} s", "x check"]
        rows = []
        results: dict[str, dict[str, Timing]] = {}
        for path in files:
            text = path.read_text(encoding="utf-8")
            r = results[path.name] = measure(text, True)
            row = [
                path.name,
                f"{len(text.encode()) / MB:.2f}",
                s(r["check"]),
                f"{r['check'].rss_kb / 1024:.0f}",
                s(r["awesome"]),
                x(ratio(r["awesome"], r["check"])),
                s(r["fix"]),
                x(ratio(r["fix"], r["check"])),
            ]
            for tool in tools:
                row += [s(r[tool]), x(ratio(r[tool], r["check"]))]
            rows.append(row)
            print(f"  measured {path.name}", file=sys.stderr)
        if rows:
            print()
            print(table(head, rows))
        go = results.get("awesome-go.md")
        if go:
            if "mdl" in go:
                v = ratio(go["mdl"], go["check"])
                targets.append(("awesome-go check >= 10x faster than markdownlint-cli2",
                                f"{v:.1f}x", v >= 10))  # fmt: skip
            v = ratio(go["awesome"], go["check"])
            targets.append(("awesome-go --preset awesome <= 1.4x check", f"{v:.2f}x", v <= 1.4))
            v = ratio(go["fix"], go["check"])
            targets.append(("awesome-go fix <= 1.5x check", f"{v:.2f}x", v <= 1.5))

        # scaling
        if not opts.no_scaling:
            bases: list[tuple[str, Callable[[int], str]]] = [
                ("synthetic", lambda size: generate(size))
            ]
            go_path = next((p for p in files if p.name == "awesome-go.md"), None)
            if go_path is not None:
                go_text = go_path.read_text(encoding="utf-8")
                bases.insert(0, ("awesome-go repeated", lambda size: repeat_to(go_text, size)))
            rows = []
            for name, make in bases:
                small, big = make(MB), make(16 * MB)
                rs = measure(small, False)["check"]
                rb = measure(big, False)["check"]
                grow = rb.median / rs.median
                mem = rb.rss_kb * 1024 / len(big.encode())
                rss = (f"{rs.rss_kb / 1024:.0f}", f"{rb.rss_kb / 1024:.0f}", f"{mem:.1f}x")
                rows.append([name, s(rs), s(rb), f"{grow:.1f}x", *rss])
                targets.append(
                    (f"{name}: 1 -> 16 MB check time <= 16x", f"{grow:.1f}x", grow <= 16)
                )
                targets.append(
                    (f"{name}: 16 MB peak RSS <= 15x the file", f"{mem:.1f}x", mem <= 15)
                )
                print(f"  measured {name}", file=sys.stderr)
            print("\nscaling (check):")
            print(table(["list", "1 MB s", "16 MB s", "growth", "RSS 1 MB", "RSS 16 MB",
                         "RSS/16 MB file"], rows))  # fmt: skip

    print("\ntargets:")
    for what, got, ok in targets:
        print(f"  {'met ' if ok else 'MISS'}  {what}: {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
