"""The pull request to review, read from the GitHub Actions environment and event file."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from awesomelint.errors import InputError

DEFAULT_API = "https://api.github.com"
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


@dataclass(frozen=True, slots=True)
class PullRequest:
    """Where the review goes: ``POST {api_url}/repos/{repository}/pulls/{number}/reviews``
    on commit ``head_sha``."""

    api_url: str
    repository: str  # owner/name
    number: int
    head_sha: str

    def path(self, tail: str) -> str:
        return f"/repos/{self.repository}/pulls/{self.number}/{tail}"


def api_url(env: Mapping[str, str]) -> str:
    """``$GITHUB_API_URL`` (GitHub Enterprise sets its own) or https://api.github.com."""
    url = (env.get("GITHUB_API_URL") or DEFAULT_API).rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"GITHUB_API_URL is not an http(s) URL: {url!r}")
    return url


def from_env(env: Mapping[str, str]) -> PullRequest:
    """The pull request of a ``pull_request`` or ``pull_request_target`` run: the number
    and head SHA from the event JSON at ``$GITHUB_EVENT_PATH``, the repository from
    ``$GITHUB_REPOSITORY``. InputError when this is no pull request's run."""
    repository = env.get("GITHUB_REPOSITORY", "")
    event_path = env.get("GITHUB_EVENT_PATH", "")
    if not repository or not event_path:
        raise InputError(
            "review posts to a GitHub pull request: GITHUB_REPOSITORY and GITHUB_EVENT_PATH "
            "are not set (run it in a pull_request or pull_request_target workflow, or "
            "use --dry-run)"
        )
    if not _REPOSITORY.fullmatch(repository):
        raise InputError(f"GITHUB_REPOSITORY is not owner/name: {repository!r}")
    try:
        with open(event_path, encoding="utf-8") as fh:
            event = json.load(fh)
    except (OSError, ValueError) as exc:
        raise InputError(f"GITHUB_EVENT_PATH: cannot read the event JSON: {exc}") from None
    pr = event.get("pull_request") if isinstance(event, dict) else None
    if not isinstance(pr, dict):
        raise InputError(
            "review needs a pull_request or pull_request_target event; this event "
            "holds no pull request"
        )
    number = pr.get("number", event.get("number"))
    head = pr.get("head")
    sha = head.get("sha") if isinstance(head, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number <= 0:
        raise InputError("the event's pull request has no number")
    if not isinstance(sha, str) or not _SHA.fullmatch(sha):
        raise InputError("the event's pull request has no head SHA")
    return PullRequest(api_url(env), repository, number, sha)
