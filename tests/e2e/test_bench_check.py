"""Smoke test of benchmarks/bench_check.py, so that it does not rot as the CLI changes.
No time is asserted (tests never judge wall-clock figures): only that it runs every
command it times and prints its sections and a verdict for each target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_check_runs_and_prints_its_targets(tmp_path: Path) -> None:
    sample = tmp_path / "awesome-go.md"  # the name that turns on the awesome-go targets
    sample.write_text(
        (ROOT / "examples" / "awesome-example.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_check.py"), "--rounds", "1",
         "--no-tools", "--no-scaling", str(sample)],
        capture_output=True, text=True, timeout=300, check=False,
        env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "start-up: python -c pass" in out
    assert "| awesome-go.md |" in out.replace("  ", " ").replace("  ", " ")
    # every awesomelint command ran (a failed one shows "exit N" instead of seconds)
    row = next(line for line in out.splitlines() if "awesome-go.md" in line)
    assert "exit" not in row and ">" not in row
    for target in ("3-line list", "imports", "unused module", "preset awesome", "fix"):
        assert any(target in line and ("met" in line or "MISS" in line) for line in
                   out.splitlines()), target  # fmt: skip
