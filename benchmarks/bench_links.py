"""Time the link checker against a local server: prints figures, asserts nothing.

A server process listens on N ports of 127.0.0.1 (the "hosts"), answers every request
after a fixed latency (100 ms) and records how many requests each port had in flight
at once. A generated list links M URLs spread evenly over the hosts. Timed, in one run:

  awesomelint (api)  awesomelint.links.checker.check_links(...)  (the checker alone)
  awesomelint (cli)  python -m awesomelint check --links --no-cache FILE  (whole process)
  warm cache         python -m awesomelint check --links FILE, every link already in the
                     cache (a cache folder of its own), against the offline
                     python -m awesomelint check FILE of the same list, interleaved
  markdown-link-check (npm), when $MARKDOWN_LINK_CHECK is set or ../shared/tools/anchors.sh
                     provides it

and the bound a per-host cap allows: (M / N) URLs x latency / cap, hosts in parallel.

Usage: python benchmarks/bench_links.py [--urls 400] [--hosts 4] [--latency 0.1]
                                        [--cap 8] [--runs 3] [--no-mlc]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = ROOT.parent / "shared" / "tools" / "anchors.sh"


# -- the server (runs in its own process, so it never competes for our GIL) -------------


def serve(ports: int, latency: float) -> None:
    """Listen on ``ports`` ports; print them as JSON; answer "stats" / "reset" on stdin."""
    active = [0] * ports
    peak = [0] * ports
    total = [0] * ports

    async def handle(i: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                    return
                method = head.split(b" ", 1)[0]
                active[i] += 1
                total[i] += 1
                peak[i] = max(peak[i], active[i])
                try:
                    await asyncio.sleep(latency)
                    body = b"<html><head><title>ok</title></head><body>ok</body></html>"
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        b"Content-Length: %d\r\n\r\n" % len(body)
                    )
                    if method != b"HEAD":
                        writer.write(body)
                    await writer.drain()
                finally:
                    active[i] -= 1
        except (ConnectionError, OSError):
            return
        finally:
            writer.close()

    async def main() -> None:
        servers = []
        for i in range(ports):
            servers.append(
                await asyncio.start_server(
                    lambda r, w, i=i: handle(i, r, w), "127.0.0.1", 0, backlog=1024
                )
            )
        print(json.dumps([s.sockets[0].getsockname()[1] for s in servers]), flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line or line.strip() == "quit":
                return
            if line.strip() == "stats":
                print(json.dumps({"peak": peak, "requests": total}), flush=True)
            elif line.strip() == "reset":
                for k in range(ports):
                    peak[k] = total[k] = 0
                print("{}", flush=True)

    asyncio.run(main())


class Server:
    def __init__(self, ports: int, latency: float) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(ports), "--latency", str(latency)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.ports: list[int] = json.loads(self.proc.stdout.readline())

    def ask(self, command: str) -> dict[str, list[int]]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return dict(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


# -- the runs ------------------------------------------------------------------------------


def markdown(ports: list[int], urls: int) -> tuple[str, list[str]]:
    links = [f"http://127.0.0.1:{ports[i % len(ports)]}/page/{i}" for i in range(urls)]
    lines = ["# Awesome Benchmark", "", "## Links", ""]
    lines += [f"- [Entry {i}]({u}) - Entry number {i}." for i, u in enumerate(links)]
    return "\n".join(lines) + "\n", links


def time_api(links: list[str], cap: int) -> float:
    from awesomelint.links.checker import check_links
    from awesomelint.links.options import LinkOptions

    options = LinkOptions(host_concurrency=cap, use_cache=False)
    t0 = time.perf_counter()
    report = check_links(links, options)
    elapsed = time.perf_counter() - t0
    if report.stats.ok != len(links):
        raise RuntimeError(f"expected {len(links)} ok links, got {report.stats}")
    return elapsed


def timed(args: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds one awesomelint process takes; an error if it does not pass."""
    t0 = time.perf_counter()
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"awesomelint exited {proc.returncode}: {proc.stdout}{proc.stderr}")
    return elapsed


def time_cli(path: Path, cap: int) -> float:
    args = [sys.executable, "-m", "awesomelint", "check", "--links", "--no-cache"]
    args += ["--host-concurrency", str(cap), "--quiet", "--select", "dead-link", str(path)]
    return timed(args)


def time_warm(path: Path, cap: int, runs: int) -> tuple[float, float, float]:
    """Median seconds of ``check --links`` with every link cached, of the offline
    ``check``, and the median of their ratio, interleaved run by run."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled once
        env["PYTHONPYCACHEPREFIX"] = str(Path(cache) / "pycache")
        common = [sys.executable, "-m", "awesomelint", "check", "--quiet", "--select", "dead-link"]
        links = [*common, "--links", "--host-concurrency", str(cap), str(path)]
        offline = [*common, str(path)]
        timed(links, env)  # fills the cache (and the bytecode cache)
        pairs = [(timed(links, env), timed(offline, env)) for _ in range(runs)]
    warm = statistics.median(w for w, _ in pairs)
    cold = statistics.median(o for _, o in pairs)
    return warm, cold, statistics.median(w / o for w, o in pairs)


def find_mlc() -> str | None:
    found = os.environ.get("MARKDOWN_LINK_CHECK")
    if found and Path(found).exists():
        return found
    if not ANCHORS.exists():
        return None
    proc = subprocess.run(
        ["bash", "-c", f'eval "$({ANCHORS})" && echo "$MARKDOWN_LINK_CHECK"'],
        capture_output=True,
        text=True,
        check=False,
    )
    path = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    return path if path and Path(path).exists() else None


def time_mlc(mlc: str, path: Path, limit: float) -> tuple[float | None, str]:
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            [mlc, "--quiet", str(path)], capture_output=True, text=True, timeout=limit, check=False
        )
    except subprocess.TimeoutExpired:
        return None, f"did not finish within {limit:.0f} s"
    elapsed = time.perf_counter() - t0
    dead = proc.stdout.count("[✖]")
    return elapsed, f"exit {proc.returncode}, {dead} reported dead"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--urls", type=int, default=400)
    ap.add_argument("--hosts", type=int, default=4)
    ap.add_argument("--latency", type=float, default=0.1)
    ap.add_argument("--cap", type=int, default=8, help="per-host concurrency (awesomelint)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-mlc", action="store_true", help="skip markdown-link-check")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.latency)
        return 0

    server = Server(args.hosts, args.latency)
    try:
        text, links = markdown(server.ports, args.urls)
        per_host = -(-args.urls // args.hosts)
        bound = per_host * args.latency / args.cap
        print(
            f"{args.urls} URLs on {args.hosts} hosts (ports of 127.0.0.1), {per_host} per "
            f"host, {args.latency * 1000:.0f} ms per answer, per-host cap {args.cap}"
        )
        print(f"bound: {per_host} x {args.latency:g} s / {args.cap} = {bound:.2f} s")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "README.md"
            path.write_text(text, encoding="utf-8")
            rows: list[tuple[str, str, str]] = []
            for name, fn in (
                ("awesomelint (api)", lambda: time_api(links, args.cap)),
                ("awesomelint (cli)", lambda: time_cli(path, args.cap)),
            ):
                times, peaks = [], []
                for _ in range(args.runs):
                    server.ask("reset")
                    times.append(fn())
                    stats = server.ask("stats")
                    peaks.append(max(stats["peak"]))
                    if sum(stats["requests"]) != args.urls:
                        print(f"  note: {sum(stats['requests'])} requests for {args.urls} URLs")
                med = statistics.median(times)
                rows.append(
                    (
                        name,
                        f"{med:.2f} s (min {min(times):.2f}, {med / bound:.2f}x bound)",
                        f"peak {max(peaks)} per host",
                    )
                )
            server.ask("reset")
            warm, offline, ratio = time_warm(path, args.cap, max(args.runs, 5))
            asked = sum(server.ask("stats")["requests"]) - args.urls  # (the filling run's)
            rows.append(
                (
                    "awesomelint (warm cache)",
                    f"{warm:.2f} s ({ratio:.2f}x offline check {offline:.2f} s)",
                    f"{asked} requests",
                )
            )
            if not args.no_mlc:
                mlc = find_mlc()
                if mlc is None:
                    rows.append(("markdown-link-check", "not available", "npm install failed?"))
                else:
                    server.ask("reset")
                    elapsed, note = time_mlc(mlc, path, limit=300)
                    stats = server.ask("stats")
                    shown = "-"
                    if elapsed is not None:
                        shown = f"{elapsed:.2f} s ({elapsed / bound:.1f}x bound)"
                    peak = max(stats["peak"])
                    rows.append(("markdown-link-check", shown, f"{note}, peak {peak} per host"))
        width = max(len(r[0]) for r in rows)
        for name, shown, note in rows:
            print(f"  {name:<{width}}  {shown:<36}  {note}")
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
