"""A fake GitHub REST API on 127.0.0.1 for the review tests (no internet, ever).

It serves the endpoints ``awesomelint review`` uses, in the shapes GitHub documents
(docs.github.com/rest/pulls/reviews and /rest/pulls/comments, API version 2022-11-28):
list review comments and reviews of a pull request (paged with ``Link`` headers), create
a review (checked as GitHub checks it: the commit, the event, every comment's line in the
diff, a multi-line range in one hunk). It records every request, and can be told to answer
an endpoint with an error status or a redirect.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

DOCS = "https://docs.github.com/rest/pulls"
USER = {
    "login": "github-actions[bot]",
    "id": 41898282,
    "node_id": "MDM6Qm90NDE4OTgyODI=",
    "avatar_url": "https://avatars.githubusercontent.com/in/15368?v=4",
    "gravatar_id": "",
    "url": "https://api.github.com/users/github-actions%5Bbot%5D",
    "html_url": "https://github.com/apps/github-actions",
    "type": "Bot",
    "site_admin": False,
}


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str  # with the query
    headers: dict[str, str]  # lower-case names
    body: Any  # the decoded JSON, or None


@dataclass
class Fault:
    """Answer ``method`` requests whose path ends with ``endpoint`` this way."""

    status: int
    body: dict[str, Any] | None = None
    location: str | None = None  # for a redirect
    times: int = 1_000_000  # how many requests get it


@dataclass
class FakeGitHub:
    repository: str = "octo/awesome-things"
    number: int = 7
    head_sha: str = "0" * 40
    page_size: int = 100  # GitHub's largest page; tests make it small to force paging
    diff: dict[str, set[int]] = field(default_factory=dict)  # path -> commentable lines
    reviews: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    faults: dict[tuple[str, str], Fault] = field(default_factory=dict)
    port: int = 0
    _ids: int = 100

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def posts(self) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST"]

    def fail(self, method: str, endpoint: str, status: int, times: int = 1_000_000) -> None:
        messages = {
            401: "Bad credentials",
            403: "Resource not accessible by integration",
            404: "Not Found",
            422: "Unprocessable Entity",
            500: "Server Error",
        }
        body = {
            "message": messages.get(status, HTTPStatus(status).phrase),
            "documentation_url": f"{DOCS}/reviews#create-a-review-for-a-pull-request",
            "status": str(status),
        }
        self.faults[(method, endpoint)] = Fault(status, body, times=times)

    def redirect(self, method: str, endpoint: str, location: str, status: int = 307) -> None:
        self.faults[(method, endpoint)] = Fault(status, location=location)

    # -- the API ---------------------------------------------------------------------

    def handle(self, method: str, target: str, body: Any) -> tuple[int, dict[str, str], Any]:
        parts = urlsplit(target)
        for (m, endpoint), fault in self.faults.items():
            if m == method and parts.path.endswith(endpoint) and fault.times > 0:
                fault.times -= 1
                headers = {"Location": fault.location} if fault.location else {}
                return fault.status, headers, fault.body
        prefix = f"/repos/{self.repository}/pulls/{self.number}/"
        if not parts.path.startswith(prefix):
            return 404, {}, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}
        tail = parts.path.removeprefix(prefix)
        query = parse_qs(parts.query)
        if method == "GET" and tail in ("comments", "reviews"):
            items = self.comments if tail == "comments" else self.reviews
            return self._page(parts.path, query, items)
        if method == "POST" and tail == "reviews":
            return self._create_review(body)
        return 404, {}, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}

    def _page(
        self, path: str, query: dict[str, list[str]], items: list[dict[str, Any]]
    ) -> tuple[int, dict[str, str], Any]:
        size = min(int(query.get("per_page", ["30"])[0]), self.page_size)
        page = int(query.get("page", ["1"])[0])
        last = max(1, -(-len(items) // size))
        links = []
        if page < last:
            links.append(f'<{self.url}{path}?per_page={size}&page={page + 1}>; rel="next"')
            links.append(f'<{self.url}{path}?per_page={size}&page={last}>; rel="last"')
        if page > 1:
            links.append(f'<{self.url}{path}?per_page={size}&page=1>; rel="first"')
            links.append(f'<{self.url}{path}?per_page={size}&page={page - 1}>; rel="prev"')
        headers = {"Link": ", ".join(links)} if links else {}
        return 200, headers, items[(page - 1) * size : page * size]

    def _invalid(self, *errors: str) -> tuple[int, dict[str, str], Any]:
        return 422, {}, {
            "message": "Unprocessable Entity",
            "errors": list(errors),
            "documentation_url": f"{DOCS}/reviews#create-a-review-for-a-pull-request",
            "status": "422",
        }

    def _create_review(self, body: Any) -> tuple[int, dict[str, str], Any]:
        if not isinstance(body, dict):
            return 400, {}, {"message": "Problems parsing JSON", "status": "400"}
        if body.get("commit_id") != self.head_sha:
            return self._invalid("Commit id is not part of the pull request")
        if body.get("event") not in ("APPROVE", "REQUEST_CHANGES", "COMMENT"):
            return self._invalid("Event is not included in the list")
        if len(body.get("body") or "") > 65536:
            return self._invalid("Body is too long (maximum is 65536 characters)")
        for c in body.get("comments") or []:
            lines = self.diff.get(c.get("path"), set())
            line, start = c.get("line"), c.get("start_line", c.get("line"))
            if c.get("side") != "RIGHT" or line not in lines:
                return self._invalid("Pull request review thread line must be part of the diff")
            if start > line or any(n not in lines for n in range(start, line + 1)):
                return self._invalid(
                    "Pull request review thread start line must be part of the same hunk "
                    "as the line."
                )
            if len(c.get("body") or "") > 65536:
                return self._invalid("Body is too long (maximum is 65536 characters)")
        self._ids += 1
        review_id = self._ids
        base = f"https://github.com/{self.repository}/pull/{self.number}"
        api = f"https://api.github.com/repos/{self.repository}/pulls/{self.number}"
        review = {
            "id": review_id,
            "node_id": f"PRR_kwDOfake{review_id}",
            "user": USER,
            "body": body.get("body") or "",
            "state": "COMMENTED",
            "html_url": f"{base}#pullrequestreview-{review_id}",
            "pull_request_url": api,
            "author_association": "NONE",
            "_links": {"html": {"href": f"{base}#pullrequestreview-{review_id}"},
                       "pull_request": {"href": api}},
            "submitted_at": "2026-11-30T12:00:00Z",
            "commit_id": self.head_sha,
        }  # fmt: skip
        self.reviews.append(review)
        for c in body.get("comments") or []:
            self._ids += 1
            cid = self._ids
            start = c.get("start_line")
            self.comments.append(
                {
                    "url": f"https://api.github.com/repos/{self.repository}/pulls/comments/{cid}",
                    "pull_request_review_id": review_id,
                    "id": cid,
                    "node_id": f"PRRC_kwDOfake{cid}",
                    "diff_hunk": f"@@ -1,3 +1,{c['line']} @@",
                    "path": c["path"],
                    "position": c["line"],
                    "original_position": c["line"],
                    "commit_id": self.head_sha,
                    "original_commit_id": self.head_sha,
                    "user": USER,
                    "body": c["body"],
                    "created_at": "2026-11-30T12:00:00Z",
                    "updated_at": "2026-11-30T12:00:00Z",
                    "html_url": f"{base}#discussion_r{cid}",
                    "pull_request_url": api,
                    "author_association": "NONE",
                    "_links": {"self": {"href": f"{api}/comments/{cid}"},
                               "html": {"href": f"{base}#discussion_r{cid}"},
                               "pull_request": {"href": api}},
                    "reactions": {"url": f"{api}/comments/{cid}/reactions", "total_count": 0},
                    "start_line": start,
                    "original_start_line": start,
                    "start_side": c.get("start_side"),
                    "line": c["line"],
                    "original_line": c["line"],
                    "side": "RIGHT",
                    "subject_type": "line",
                }
            )
        return 200, {}, review


@dataclass
class Recorder:
    """Any other host: records what reaches it, answers an empty JSON list."""

    requests: list[Recorded] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, method: str, target: str, body: Any) -> tuple[int, dict[str, str], Any]:
        return 200, {}, []


def _handler(app: FakeGitHub | Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            headers = {k.lower(): v for k, v in self.headers.items()}
            app.requests.append(Recorded(self.command, self.path, headers, body))
            status, extra, data = app.handle(self.command, self.path, body)
            out = b"" if data is None else json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(out)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(out)

        do_GET = do_POST = _serve

    return Handler


App = TypeVar("App", FakeGitHub, Recorder)


@contextmanager
def serve(app: App) -> Iterator[App]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(app))
    server.daemon_threads = True
    app.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
