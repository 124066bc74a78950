"""GitHub repository links checked through the REST API (``GET /repos/{owner}/{repo}``).

The API tells what a web request cannot: that a repository was renamed or moved (the
answer's ``html_url`` differs), that it is archived, or that it does not exist. Only
links to a repository's front page are asked this way; deeper links (files, issues) are
checked over plain HTTP like any other link. The API base URL comes from
``AWESOMELINT_GITHUB_API`` (tests point it at a local fake), else ``https://api.github.com``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from awesomelint.model import Frozen

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields

API = "https://api.github.com"
_HOSTS = frozenset({"github.com", "www.github.com"})
# first path segments that are GitHub pages, not users or organisations
_RESERVED = frozenset(
    {
        "about", "apps", "blog", "collections", "contact", "customer-stories", "enterprise",
        "events", "explore", "features", "issues", "join", "login", "marketplace", "new",
        "notifications", "orgs", "organizations", "pricing", "pulls", "readme", "search",
        "security", "settings", "site", "sponsors", "topics", "trending", "users",
    }
)  # fmt: skip


def api_base() -> str:
    """The REST API root: ``$AWESOMELINT_GITHUB_API`` or https://api.github.com."""
    return (os.environ.get("AWESOMELINT_GITHUB_API") or API).rstrip("/")


def repo_of(url: str) -> tuple[str, str] | None:
    """``(owner, repo)`` when ``url`` is a repository's front page on github.com."""
    if "github.com" not in url.lower():  # (the host urlsplit finds is a part of the URL)
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.port not in (None, 80, 443):
        return None
    if (parts.hostname or "").lower() not in _HOSTS:
        return None
    segs = [unquote(s) for s in parts.path.split("/") if s]
    if len(segs) != 2 or segs[0].lower() in _RESERVED:
        return None
    owner, repo = segs[0], segs[1].removesuffix(".git")
    if not owner or not repo or not all(c.isalnum() or c in "-_." for c in owner + repo):
        return None
    return owner, repo


class RepoAnswer(Frozen):
    """What the API said about a repository; ``fallback`` means: check over HTTP."""

    __slots__ = ("kind", "html_url", "renamed", "archived", "notice", "disable")
    kind: Literal["found", "missing", "fallback"]
    html_url: str | None
    renamed: bool
    archived: bool
    notice: str | None  # say this once (rate limit, rejected token)
    disable: bool  # stop asking the API for the rest of the run

    # (not a dataclass: this module is imported by every check --links, even one the
    # cache answers alone, and generating a dataclass costs about a millisecond)
    def __init__(
        self,
        kind: Literal["found", "missing", "fallback"],
        html_url: str | None = None,
        renamed: bool = False,
        archived: bool = False,
        notice: str | None = None,
        disable: bool = False,
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "html_url", html_url)
        _set(self, "renamed", renamed)
        _set(self, "archived", archived)
        _set(self, "notice", notice)
        _set(self, "disable", disable)


def interpret(
    status: int, headers: Mapping[str, str], data: Any, owner: str, repo: str
) -> RepoAnswer:
    """Turn an API response (``data``: its decoded JSON, or None) into a RepoAnswer."""
    if status == 200 and isinstance(data, dict):
        full = data.get("full_name")
        html_url = data.get("html_url")
        if not isinstance(full, str) or not isinstance(html_url, str):
            return RepoAnswer("fallback")
        renamed = full.lower() != f"{owner}/{repo}".lower()
        return RepoAnswer("found", html_url, renamed, data.get("archived") is True)
    if status == 404:
        return RepoAnswer("missing")
    remaining = headers.get("x-ratelimit-remaining")
    if status == 429 or (status == 403 and remaining == "0"):
        return RepoAnswer(
            "fallback",
            notice="GitHub API rate limit reached: the remaining github.com links are "
            "checked over plain HTTP (archived repositories are not detected)",
            disable=True,
        )
    if status == 401:
        return RepoAnswer(
            "fallback",
            notice="GitHub API rejected GITHUB_TOKEN (401 Bad credentials): github.com "
            "links are checked over plain HTTP",
            disable=True,
        )
    return RepoAnswer("fallback")


NO_TOKEN_NOTICE = (
    "GITHUB_TOKEN is not set: github.com repository links are checked over plain HTTP; "
    "set it to detect archived and renamed repositories through the GitHub API"
)
