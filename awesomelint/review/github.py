"""A small GitHub REST client for the review: list (paged), post, and typed failures.

The token goes in the Authorization header of requests to the API's own origin (scheme,
host and port of ``GITHUB_API_URL``) and nowhere else: redirects are followed here, not by
httpx, and a redirect to another origin is followed without it. Error messages carry the
status and GitHub's ``message``, never a header.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx

from awesomelint import __version__

MAX_PAGES = 50  # 5,000 comments at 100 a page: far beyond a list's pull request
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class GitHubError(Exception):
    """GitHub refused or failed a request (``status`` 0: no HTTP answer at all)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status} {message}" if status else message)
        self.status = status
        self.message = message

    @property
    def denied(self) -> bool:
        """The token may not do this: 401, 403 (a fork's read-only token, a rate limit)
        or 404 (GitHub answers 404 for what a token may not see)."""
        return self.status in (401, 403, 404)


def _origin(url: httpx.URL) -> tuple[str, str, int]:
    return url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80)


class GitHub:
    """Requests to one API root with one token, through ``proxy`` if given (its URL).
    ``transport`` is for tests."""

    def __init__(
        self,
        api_url: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        proxy: str | None = None,
        timeout: float = 30.0,
        retry_delay: float = 1.0,
    ) -> None:
        self._api = httpx.URL(api_url.rstrip("/") + "/")
        self._token = token
        self._retry_delay = retry_delay
        self._client = httpx.Client(
            transport=transport,
            proxy=proxy,
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": f"awesomelint/{__version__}",
            },
        )

    def __repr__(self) -> str:  # never the token
        return f"GitHub({str(self._api)!r})"

    def __enter__(self) -> GitHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def url(self, path: str) -> httpx.URL:
        return self._api.join(path.lstrip("/"))

    def paginate(self, path: str) -> Iterator[Any]:
        """Every item of a list endpoint, following the ``Link: rel="next"`` pages."""
        url: httpx.URL | None = self.url(path).copy_merge_params({"per_page": "100"})
        for _ in range(MAX_PAGES):
            if url is None:
                return
            response = self._request("GET", url, retry=True)
            data = _json(response)
            if not isinstance(data, list):
                raise GitHubError(response.status_code, "expected a JSON list")
            yield from data
            following = response.links.get("next", {}).get("url")
            url = response.url.join(following) if following else None

    def post(self, path: str, payload: Any) -> Any:
        """POST JSON; the decoded answer. Never retried: a review GitHub created before
        failing to answer would be posted twice."""
        return _json(self._request("POST", self.url(path), payload=payload))

    def _request(
        self, method: str, url: httpx.URL, payload: Any = None, retry: bool = False
    ) -> httpx.Response:
        attempts = 2 if retry else 1
        for attempt in range(attempts):
            try:
                response = self._send(method, url, payload)
            except GitHubError as exc:
                if (0 < exc.status < 500) or attempt + 1 == attempts:
                    raise
                time.sleep(self._retry_delay)
                continue
            return response
        raise AssertionError("unreachable")

    def _send(self, method: str, url: httpx.URL, payload: Any) -> httpx.Response:
        for _ in range(6):
            headers = {}
            if _origin(url) == _origin(self._api):
                headers["Authorization"] = f"Bearer {self._token}"
            try:
                response = self._client.request(method, url, json=payload, headers=headers)
            except httpx.HTTPError as exc:
                raise GitHubError(0, f"{type(exc).__name__} at {url.host}") from None
            if response.status_code in _REDIRECTS and "location" in response.headers:
                if method != "GET" and response.status_code not in (307, 308):
                    raise GitHubError(response.status_code, "redirected a POST")
                url = url.join(response.headers["location"])
                continue
            if response.status_code >= 400:
                raise GitHubError(response.status_code, _message(response))
            return response
        raise GitHubError(0, "too many redirects")


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise GitHubError(response.status_code, "the answer is not JSON") from None


def _message(response: httpx.Response) -> str:
    """GitHub's ``message`` (and ``errors``) of an error answer, on one line."""
    try:
        data = response.json()
    except ValueError:
        data = None
    text = response.reason_phrase or "error"
    if isinstance(data, dict):
        text = str(data.get("message") or text)
        errors = data.get("errors")
        if isinstance(errors, list) and errors:
            parts = [e if isinstance(e, str) else str(e.get("message") or e) for e in errors]
            text += ": " + "; ".join(parts)[:300]
    if response.status_code == 403 and response.headers.get("x-ratelimit-remaining") == "0":
        text += " (rate limit)"
    return " ".join(text.split())
