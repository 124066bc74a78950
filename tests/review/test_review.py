"""awesomelint review: one pull-request review with suggestions, against a fake GitHub API."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from awesomelint.cli import main
from tests.github_api import FakeGitHub, Recorder, serve

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

TOKEN = "ghs_fakeTokenThatMustNeverLeaveTheApiHost0123"
BASE = """# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

## Python

- [Flask](https://flask.palletsprojects.com/) - A lightweight WSGI web application framework.
- [Bottle](http://bottlepy.org) - A fast, simple micro framework.

## Data Science

- [pandas](https://pandas.pydata.org/) - Flexible and powerful data analysis.
- [Jupyter](https://jupyter.org/) - Notebooks.
"""
# three malformed entries, as a contributor adds them
DJANGO = "* [Django](https://www.djangoproject.com/) - The web framework for perfectionists.   "
NUMPY = "- https://numpy.org"
SCIPY = "- [SciPy]https://scipy.org - Fundamental algorithms for scientific computing."


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


def with_entries(text: str, after: dict[str, list[str]]) -> str:
    """``text`` with lines inserted after the lines that start as the keys."""
    out = []
    for line in text.splitlines():
        out.append(line)
        for key, lines in after.items():
            if line.startswith(key):
                out += lines
    return "\n".join(out) + "\n"


PR = with_entries(BASE, {"- [Flask]": [DJANGO], "- [pandas]": [NUMPY, SCIPY]})


def added_lines(before: str, after: str) -> set[int]:
    old = set(before.splitlines())
    return {n for n, line in enumerate(after.splitlines(), 1) if line not in old}


class PullRequest:
    """A repository whose branch ``pr`` is a pull request against ``main``, and the fake
    API that serves it."""

    def __init__(self, root: Path, api: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root, self.api, self.monkeypatch = root, api, monkeypatch
        git(root, "init", "-q", "-b", "main")
        self.readme.write_text(BASE, encoding="utf-8")
        git(root, "add", "README.md")
        git(root, "commit", "-q", "-m", "base")
        git(root, "checkout", "-q", "-b", "pr")
        monkeypatch.chdir(root)
        monkeypatch.setenv("GITHUB_API_URL", api.url)
        monkeypatch.setenv("GITHUB_REPOSITORY", api.repository)
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        monkeypatch.setenv("GITHUB_EVENT_PATH", str(root.parent / "event.json"))
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    @property
    def readme(self) -> Path:
        return self.root / "README.md"

    def push(self, text: str) -> None:
        """Commit ``text`` as README.md on the branch, as a push to the pull request."""
        self.readme.write_text(text, encoding="utf-8")
        git(self.root, "commit", "-qam", "push")
        self.api.head_sha = git(self.root, "rev-parse", "HEAD")
        self.api.diff = {"README.md": added_lines(BASE, text)}
        event = {
            "action": "synchronize",
            "number": self.api.number,
            "pull_request": {
                "number": self.api.number,
                "head": {"sha": self.api.head_sha, "ref": "pr"},
                "base": {"ref": "main"},
            },
            "repository": {"full_name": self.api.repository},
        }
        (self.root.parent / "event.json").write_text(json.dumps(event), encoding="utf-8")

    def review(self, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        code = main(["review", "--diff-base", "main", *args, "README.md"])
        out, err = capsys.readouterr()
        assert TOKEN not in out + err  # never printed
        return code, out, err


@pytest.fixture
def pr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PullRequest]:
    (tmp_path / "repo").mkdir()
    with serve(FakeGitHub()) as api:
        yield PullRequest(tmp_path / "repo", api, monkeypatch)


SUGGESTION = re.compile(r"^(`{3,})suggestion\n(.*?)^\1$", re.S | re.M)


def apply_suggestions(text: str, comments: list[dict[str, Any]]) -> str:
    """The file after committing every suggestion, as GitHub does."""
    lines = text.splitlines()
    edits = []
    for c in comments:
        m = SUGGESTION.search(c["body"])
        if m:
            new = m.group(2).split("\n")[:-1]
            edits.append((c.get("start_line") or c["line"], c["line"], new))
    for first, last, new in sorted(edits, reverse=True):
        lines[first - 1 : last] = new
    return "\n".join(lines) + "\n"


def fixed_by_cli(pr: PullRequest, capsys: pytest.CaptureFixture[str]) -> str:
    copy = pr.root / "copy.md"
    shutil.copy(pr.readme, copy)
    main(["fix", str(copy)])
    capsys.readouterr()
    return copy.read_text(encoding="utf-8")


def test_one_review_whose_suggestions_are_what_fix_does(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(PR)
    code, out, _ = pr.review(capsys)
    assert code == 1  # the findings fail the step, as with check
    [post] = pr.api.posts()
    review = post.body
    assert post.path == f"/repos/{pr.api.repository}/pulls/{pr.api.number}/reviews"
    assert review["commit_id"] == pr.api.head_sha and review["event"] == "COMMENT"
    assert "awesomelint fix README.md" in review["body"]
    comments = review["comments"]
    assert {c["path"] for c in comments} == {"README.md"}
    assert {c["side"] for c in comments} == {"RIGHT"}
    assert {c["line"] for c in comments} == pr.api.diff["README.md"]
    codes = sorted(re.match(r"\*\*(\w+)\*\*", c["body"]).group(1) for c in comments)  # type: ignore[union-attr]
    assert codes == ["K002", "K003", "L002", "W001"]
    # the two fixes of the Django line are one suggestion, in one of its two comments
    on_django = [c for c in comments if c["line"] == PR.splitlines().index(DJANGO) + 1]
    assert sum(bool(SUGGESTION.search(c["body"])) for c in on_django) == 1
    # committing every suggestion gives exactly what `awesomelint fix` writes
    assert apply_suggestions(PR, comments) == fixed_by_cli(pr, capsys) != PR
    marker = re.compile(r"<!-- awesomelint:[A-Z]\d+:[0-9a-f]{16} -->$")
    assert all(marker.search(c["body"]) for c in comments)
    assert "posted a review: 4 comments (3 with a suggestion)" in out
    assert "#pullrequestreview-" in out
    # the token went to the API, on every request
    assert {r.headers.get("authorization") for r in pr.api.requests} == {f"Bearer {TOKEN}"}


def test_a_second_run_posts_nothing_new_and_a_push_only_what_it_adds(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.api.page_size = 1  # every earlier comment on a page of its own
    pr.push(PR)
    pr.review(capsys)
    assert len(pr.api.posts()) == 1
    code, _, err = pr.review(capsys)
    assert code == 1 and len(pr.api.posts()) == 1
    assert "nothing new to post: 4 findings posted by an earlier run" in err
    pages = [r.path for r in pr.api.requests if r.method == "GET" and "/comments" in r.path]
    assert any("page=4" in p for p in pages)  # read through every page
    # a push that adds one more bad entry above the commented ones (they move down)
    pyramid = "- [Pyramid]https://trypyramid.com - A framework."
    text = with_entries(PR, {"## Python": ["", pyramid]})
    pr.push(text)
    pr.review(capsys)
    posts = pr.api.posts()
    assert len(posts) == 2
    [new] = posts[1].body["comments"]
    assert new["body"].startswith("**K003**")
    assert new["line"] == text.splitlines().index(pyramid) + 1
    assert "4 commented by an earlier run" in posts[1].body["body"]


def test_forbidden_token_falls_back_to_annotations_and_a_diff(
    pr: PullRequest, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pr.push(PR)
    pr.api.fail("POST", "/reviews", 403)
    summary = tmp_path / "summary.md"
    code, out, err = pr.review(capsys, "--summary-file", str(summary))
    assert code == 1
    annotations = [ln for ln in out.splitlines() if ln.startswith("::")]
    assert len(annotations) == 4 and all("file=README.md" in a for a in annotations)
    [line] = err.splitlines()
    assert "no review posted: GitHub answered 403 Resource not accessible by integration" in line
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("> No review posted: GitHub answered 403")
    assert "| README.md |" in text
    diff = re.search(r"```diff\n(.*?)```", text, re.S)
    assert diff is not None
    assert f"\n-{NUMPY}\n" in diff.group(1)
    assert "\n+- [numpy.org](https://numpy.org)\n" in diff.group(1)
    assert "+- [Django](https://www.djangoproject.com/) - The web framework" in diff.group(1)


def test_a_fork_that_may_not_even_read_falls_back(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(PR)
    pr.api.fail("GET", "/comments", 404)
    code, out, err = pr.review(capsys)
    assert code == 1 and not pr.api.posts()
    assert out.count("\n::") == 3 and out.startswith("::")
    assert "GitHub answered 404 Not Found" in err


def test_a_server_error_falls_back_without_posting_twice(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(with_entries(BASE, {"- [Flask]": [DJANGO]}))  # warnings only
    pr.api.fail("POST", "/reviews", 500)
    for fail_on in ("error", "warning"):
        code, out, err = pr.review(capsys, "--fail-on", fail_on)
        # the exit code is check's
        check = ["check", "-q", "--diff-base", "main", "--fail-on", fail_on, "README.md"]
        assert code == main(check)
        capsys.readouterr()
        assert code == (fail_on == "warning")
        assert "the GitHub API failed: 500 Server Error" in err and "::warning" in out
    assert len(pr.api.posts()) == 2  # once a run: a POST is never retried


def test_lines_outside_the_diff_go_in_the_body(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    # the pull request adds a link that an old entry already has: the duplicate is the old
    # line (outside the diff), caused by the new one
    pr.push(with_entries(BASE, {"## Python": ["", "- [Jupyter](https://jupyter.org/) - Again."]}))
    code, _, _ = pr.review(capsys, "--select", "duplicate-link")
    assert code == 1
    [post] = pr.api.posts()
    assert post.body["comments"] == []
    body = post.body["body"]
    assert "**Outside the diff**" in body
    assert re.search(r"- `README.md` line \d+: \*\*K001\*\* `duplicate-link`: Duplicate", body)
    assert re.search(r"<!-- awesomelint:K001:[0-9a-f]{16} -->", body)
    # it was said: the next run does not say it again
    pr.review(capsys, "--select", "duplicate-link")
    assert len(pr.api.posts()) == 1


def test_comments_github_refuses_move_to_the_body(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(PR)
    pr.api.diff = {"README.md": set()}  # GitHub's diff disagrees with ours: 422
    _, _, err = pr.review(capsys)
    first, second = pr.api.posts()
    assert first.body["comments"] and not second.body["comments"]
    assert "GitHub refused line comments (Unprocessable Entity: Pull request review thread" in (
        second.body["body"]
    )
    assert second.body["body"].count("<!-- awesomelint:") == 4
    assert len(pr.api.reviews) == 1 and not err


def test_the_token_never_reaches_another_host(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    with serve(Recorder()) as elsewhere:
        pr.push(PR)
        pr.api.redirect("GET", "/comments", f"{elsewhere.url}/moved/comments")
        code, _, _ = pr.review(capsys)
        assert code == 1
        assert [r.path for r in elsewhere.requests] == ["/moved/comments"]
        assert "authorization" not in elsewhere.requests[0].headers  # dropped on the way
        assert len(pr.api.posts()) == 1  # the review itself went to the API, with it
        assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in pr.api.requests)


def test_dry_run_prints_the_review_and_sends_nothing(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(PR)
    code, out, _ = pr.review(capsys, "--dry-run")
    assert code == 1 and not pr.api.requests
    review = json.loads(out)
    assert set(review) == {"commit_id", "event", "body", "comments"}
    assert review["commit_id"] == pr.api.head_sha and len(review["comments"]) == 4
    # no pull request around (a local run): the review of HEAD, all the same
    pr.monkeypatch.delenv("GITHUB_EVENT_PATH")
    code, out, _ = pr.review(capsys, "--dry-run")
    assert json.loads(out)["comments"] == review["comments"]
    code, _, err = pr.review(capsys)
    assert code == 2 and "GITHUB_EVENT_PATH" in err  # but posting needs one


def test_head_commit_reviewed_when_a_merge_commit_is_checked_out(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    # actions/checkout on pull_request checks out a merge with the base, whose lines can
    # be numbered differently from the head's: the head's own lines are reviewed
    pr.push(PR)
    head = pr.api.head_sha
    git(pr.root, "checkout", "-q", "main")
    (pr.root / "NOTES.md").write_text("- [A](https://a.example) - Moved.\n", encoding="utf-8")
    pr.readme.write_text("# Awesome Things\n\n" + BASE, encoding="utf-8")  # 2 more lines
    git(pr.root, "add", ".")
    git(pr.root, "commit", "-qm", "base moves on")
    git(pr.root, "checkout", "-q", "--detach")  # refs/pull/N/merge: the base stays put
    git(pr.root, "merge", "-q", "--no-edit", "pr")
    assert pr.readme.read_text(encoding="utf-8") != PR
    code, _, err = pr.review(capsys)
    assert code == 1, err
    [post] = pr.api.posts()
    assert post.body["commit_id"] == head
    assert {c["line"] for c in post.body["comments"]} == pr.api.diff["README.md"]


def test_at_most_fifty_comments(pr: PullRequest, capsys: pytest.CaptureFixture[str]) -> None:
    entries = [f"- [Tool {n}](https://tool{n}.example) - Does things.   " for n in range(60)]
    pr.push(with_entries(BASE, {"- [Jupyter]": entries}))
    pr.review(capsys, "--select", "trailing-whitespace")
    [post] = pr.api.posts()
    assert len(post.body["comments"]) == 50
    assert "**Not posted as comments** (at most 50 a review):" in post.body["body"]
    assert post.body["body"].count("<!-- awesomelint:W001:") == 10
    pr.review(capsys, "--select", "trailing-whitespace")
    assert len(pr.api.posts()) == 1


def test_a_head_commit_missing_from_the_clone_falls_back(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(PR)
    event = Path(str(pr.root.parent / "event.json"))
    event.write_text(event.read_text().replace(pr.api.head_sha, "ab" * 20), encoding="utf-8")
    code, out, err = pr.review(capsys)
    assert code == 1 and not pr.api.requests and out.startswith("::")
    assert "head commit abababababab is not in this clone" in err


def test_without_a_token_nothing_is_sent(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.push(PR)
    pr.monkeypatch.delenv("GITHUB_TOKEN")
    code, out, err = pr.review(capsys)
    assert code == 1 and not pr.api.requests and out.startswith("::")
    assert "no review posted: GITHUB_TOKEN is not set" in err
