"""The composite GitHub Action, run step by step as a runner would, on a local repo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BASE = (
    "# Awesome\n\n## Tools\n\n"
    "- [Old](https://old.example) - An old entry.\n"
    " - [old child](https://child.example) - Indented one space.\n"
)
PR_LINES = "###New\n- [New](https://new.example) - A new entry.   \n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _expand(value: str, inputs: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        if expr == "github.action_path":
            return str(ROOT)
        raise AssertionError(f"unexpected expression {expr}")

    return re.sub(r"\$\{\{(.*?)\}\}", sub, value)


def run_action(
    repo: Path, tmp: Path, extra_env: dict[str, str] | None = None, **given: str
) -> tuple[int, str, str]:
    action: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    inputs.update(given)
    summary, path_file = tmp / "summary.md", tmp / "path.txt"
    summary.write_text("", encoding="utf-8")
    path_file.touch()
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_BASE_REF": "main",
        "GITHUB_HEAD_REF": "pr",
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_PATH": str(path_file),
        "RUNNER_TEMP": str(tmp),
        **(extra_env or {}),
    }
    env.pop("VIRTUAL_ENV", None)
    out = ""
    code = 0
    for step in action["runs"]["steps"]:
        step_env = {**env, **{k: _expand(str(v), inputs) for k, v in step.get("env", {}).items()}}
        extra = [p for p in path_file.read_text(encoding="utf-8").splitlines() if p]
        step_env["PATH"] = os.pathsep.join([*reversed(extra), env["PATH"]])
        assert step["shell"] == "bash"
        proc = subprocess.run(
            [
                "bash",
                "--noprofile",
                "--norc",
                "-eo",
                "pipefail",
                "-c",
                _expand(step["run"], inputs),
            ],
            cwd=repo,
            env=step_env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        out += proc.stdout
        code = proc.returncode
        if code != 0:
            return code, out + proc.stderr, summary.read_text(encoding="utf-8")
    return code, out, summary.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_action_annotates_only_the_pull_requests_lines(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text(BASE, encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    (repo / "README.md").write_text(BASE + PR_LINES, encoding="utf-8")
    git(repo, "commit", "-qam", "pr")

    code, out, summary = run_action(repo, tmp_path)
    assert code == 1, out
    annotations = [ln for ln in out.splitlines() if ln.startswith("::")]
    lines = sorted({int(re.search(r"line=(\d+)", a).group(1)) for a in annotations})  # type: ignore[union-attr]
    assert lines == [7, 8], annotations  # the old line 6 (one-space child) is not flagged
    assert any(a.startswith("::error ") and "H001" in a for a in annotations)
    assert any(a.startswith("::warning ") and "W001" in a for a in annotations)
    assert "| file | line | rule | message |" in summary
    assert "| README.md | 7 | `H001` heading-missing-space |" in summary
    assert "awesomelint fix README.md" in summary

    # fail-on error: the warnings alone do not fail; all lines when not limited to changes
    (repo / "README.md").write_text(
        BASE + "- [New](https://new.example) - A.   \n", encoding="utf-8"
    )
    code, out, _ = run_action(repo, tmp_path, **{"fail-on": "error"})
    assert code == 0, out
    code, out, _ = run_action(repo, tmp_path, **{"only-changed-lines": "false"})
    assert code == 1 and "line=6," in out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_action_with_check_links_writes_the_link_health_table(tmp_path: Path) -> None:
    from tests.links_server import Reply, servers

    with servers() as s:
        app = s.add(lambda req: Reply() if req.path == "/ok" else Reply(404))
        repo = tmp_path / "repo"
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        (repo / "README.md").write_text("# Awesome\n\n## Tools\n\n", encoding="utf-8")
        git(repo, "add", "README.md")
        git(repo, "commit", "-q", "-m", "base")
        git(repo, "checkout", "-q", "-b", "pr")
        (repo / "README.md").write_text(
            f"# Awesome\n\n## Tools\n\n- [Gone]({app.url('/gone')}) - A dead entry.\n",
            encoding="utf-8",
        )
        git(repo, "commit", "-qam", "pr")
        env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
        # on a pull request, loopback addresses are skipped (--exclude-private)
        code, out, summary = run_action(repo, tmp_path, env, **{"check-links": "true"})
        assert code == 0, out
        assert "### Link health" in summary
        assert "| 0 | 0 | 0 | 0 | 0 | 0 | 1 |" in summary  # checked 0, skipped 1
        # on a schedule: all links, all lines; the dead one fails the step
        code, out, summary = run_action(
            repo, tmp_path, {**env, "GITHUB_EVENT_NAME": "schedule"}, **{"check-links": "true"}
        )
        assert code == 1, out
        assert "N001" in out and "dead-link" in summary
        assert "| 1 | 0 | 1 | 0 | 0 | 0 | 0 |" in summary
