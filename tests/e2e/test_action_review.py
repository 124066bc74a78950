"""The Action with ``suggest: "true"``: its steps, run as a runner would, post one review
to a fake GitHub API, and run nothing from the pull request. (The fallback to annotations
is the review command's, tested in test_review.py: one Action run costs a package install.)"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.test_action import git, run_action
from tests.github_api import FakeGitHub, serve

TOKEN = "ghs_actionTokenNeverPrinted0123456789"
BASE = "# Awesome\n\n## Tools\n\n- [Old](https://old.example) - An old entry.\n"
PR = BASE + "* [New](https://new.example) - A new entry.   \n- https://bare.example\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_action_suggest_posts_one_review(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text(BASE, encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    (repo / "README.md").write_text(PR, encoding="utf-8")
    # code in the pull request, which pull_request_target must never run
    pwned = tmp_path / "pwned"
    payload = f"open({str(pwned)!r}, 'a').write(__name__)\n"
    for name in ("venv.py", "pip/__init__.py", "pip/__main__.py", "awesomelint/__init__.py"):
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text(payload, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qam", "pr")
    head = (repo / ".git" / "refs" / "heads" / "pr").read_text().strip()
    event = tmp_path / "event.json"
    pull = {"number": 3, "head": {"sha": head}, "base": {"ref": "main"}}
    event.write_text(json.dumps({"number": 3, "pull_request": pull}), encoding="utf-8")
    with serve(FakeGitHub(number=3, head_sha=head, diff={"README.md": {6, 7}})) as api:
        env = {
            "GITHUB_EVENT_NAME": "pull_request_target",
            "GITHUB_API_URL": api.url,
            "GITHUB_REPOSITORY": api.repository,
            "GITHUB_EVENT_PATH": str(event),
        }
        code, out, summary = run_action(repo, tmp_path, env, suggest="true", token=TOKEN)
        assert code == 1, out  # findings fail the step, as annotating ones do
        [post] = api.posts()
        comments = post.body["comments"]
        assert sorted(c["line"] for c in comments) == [6, 6, 7]
        suggestions = [re.search(r"```suggestion\n(.*?)\n```", c["body"], re.S) for c in comments]
        assert sorted(m.group(1) for m in suggestions if m) == [
            "- [New](https://new.example) - A new entry.",
            "- [bare.example](https://bare.example)",
        ]
        assert {r.headers["authorization"] for r in api.requests} == {f"Bearer {TOKEN}"}
        assert TOKEN not in out and not re.search(r"^::", out, re.M)
        assert "Review posted: https://github.com/" in summary
        assert not pwned.exists()

