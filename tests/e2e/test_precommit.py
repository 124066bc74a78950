"""The pre-commit hooks, run through pre-commit itself on a throwaway repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BAD = "# Awesome Things\n\n###Python\n- [Flask](https://flask.example) - A micro framework.\n"
FIXED = "# Awesome Things\n\n### Python\n- [Flask](https://flask.example) - A micro framework.\n"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs git and a git checkout of awesomelint",
)


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_manifest_is_valid(tmp_path: Path) -> None:
    proc = _pre_commit(
        "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=ROOT, home=tmp_path
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_try_repo_check_fails_and_fix_fixes(tmp_path: Path) -> None:
    repo = tmp_path / "list"
    repo.mkdir()
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / "README.md").write_text(BAD, encoding="utf-8")
    subprocess.run([*git, "add", "README.md"], cwd=repo, check=True)
    home = tmp_path / "cache"
    check = _pre_commit(
        "try-repo", str(ROOT), "awesomelint", "--files", "README.md", cwd=repo, home=home
    )
    assert check.returncode == 1, check.stdout + check.stderr
    assert "H001" in check.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == BAD
    fix = _pre_commit(
        "try-repo", str(ROOT), "awesomelint-fix", "--files", "README.md", cwd=repo, home=home
    )
    assert fix.returncode == 1, fix.stdout + fix.stderr  # pre-commit fails: files changed
    assert "files were modified by this hook" in fix.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == FIXED
