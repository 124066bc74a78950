"""The GitHub REST API client: ``GET /repos/{owner}/{repo}`` for a repository link, with
the token (``github_token``), which never leaves the API host.

What the answer means (renamed, archived, missing, rate-limited) is ``github.interpret``;
this module only asks, within the run's ``limits``, following the API's own redirects.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx

from awesomelint.links import github
from awesomelint.links.fetch import REDIRECTS
from awesomelint.links.limits import Limits, authority
from awesomelint.links.options import LinkOptions
from awesomelint.links.status import LinkStatus

_API_JSON_LIMIT = 1 << 20


class GitHubAPI:
    """Asks the API about repositories while it is ``enabled`` (a token is given, and
    it was neither rejected nor rate-limited)."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        options: LinkOptions,
        limits: Limits,
        notice: Callable[[str], None],
    ) -> None:
        self.client = client
        self.options = options
        self._limits = limits
        self._notice = notice  # say it once: a rate limit, a rejected token
        self.enabled = bool(options.github_token)
        self.api = httpx.URL((options.github_api or github.api_base()).rstrip("/"))
        self.answered = False  # the API gave a verdict (the network is up)

    async def repo_status(self, url: str, owner: str, repo: str) -> LinkStatus | None:
        """The API's word on a repository, or None to check it over HTTP instead."""
        api_host = authority(self.api)
        current = self.api.join(f"{self.api.path.rstrip('/')}/repos/{quote(owner)}/{quote(repo)}")
        headers = {
            "Authorization": f"Bearer {self.options.github_token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }
        response: httpx.Response | None = None
        data: Any = None
        for _ in range(4):
            if authority(current) != api_host or current.scheme != self.api.scheme:
                return None  # the token never leaves the API host
            try:
                async with self._limits.slot(api_host):
                    if not self.enabled:  # rate-limited while this one waited its turn
                        return None
                    async with asyncio.timeout(self.options.timeout):
                        request = self.client.build_request("GET", current, headers=headers)
                        response = await self.client.send(request, stream=True)
                        try:
                            raw = bytearray()
                            if response.status_code == 200:
                                async for chunk in response.aiter_bytes():
                                    raw += chunk
                                    if len(raw) > _API_JSON_LIMIT:
                                        break
                        finally:
                            await response.aclose()
            except Exception:
                return None
            if response.status_code in REDIRECTS and response.headers.get("location"):
                current = current.join(response.headers["location"])
                continue
            if response.status_code == 200:
                try:
                    data = json.loads(bytes(raw))
                except ValueError:
                    return None
            break
        if response is None:
            return None
        answer = github.interpret(response.status_code, response.headers, data, owner, repo)
        if answer.notice:
            self._notice(answer.notice)
        if answer.disable:
            self.enabled = False
        if answer.kind == "fallback":
            return None
        self.answered = True
        if answer.kind == "missing":
            return LinkStatus(
                url, "dead", f"GitHub repository {owner}/{repo} not found", 404, via="github"
            )
        return LinkStatus(
            url,
            "ok",
            "200 OK",
            200,
            redirect=answer.html_url if answer.renamed else None,
            final_url=answer.html_url,
            archived=answer.archived,
            via="github",
        )
