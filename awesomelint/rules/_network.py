"""Helpers shared by the network rules: each link's checked status, findings on its URL.

The statuses come from the link checker, run before linting (``check --links``) and
handed over as ``Context.link_status``; without it these rules report nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from awesomelint.document import Document, Link
from awesomelint.links.status import LinkStatus, Outcome
from awesomelint.links.urls import ENTITY_LIKE, clean, link_key
from awesomelint.model import Fix, Problem
from awesomelint.rules._base import Context

_TRAILING = ".,:;!?*_~'\")"


@dataclass(frozen=True, slots=True)
class Checked:
    """A link as written (one per source URL: a reference's definition counts once)."""

    link: Link
    url: str  # the destination as written, Markdown escapes resolved
    status: LinkStatus


def checked(ctx: Context, keep: Callable[[LinkStatus], bool] | None = None) -> Iterator[Checked]:
    """Every http(s) link of the document the checker has a status for (``keep``: only
    those whose status it accepts; asked first, as most links are fine and no rule
    wants them)."""
    statuses = ctx.link_status
    if statuses is None:
        return
    seen: set[tuple[int, int]] = set()
    for link in ctx.doc.links:
        span = (link.url_start, link.url_end)
        if span in seen:
            continue
        seen.add(span)
        key = link_key(link.url)
        status = statuses.get(key) if key is not None else None
        if status is not None and (keep is None or keep(status)):
            yield Checked(link, clean(link.url), status)


def with_outcome(
    ctx: Context, outcome: Outcome, message: Callable[[Checked], str]
) -> Iterator[Problem]:
    """A finding, worded by ``message``, on every checked link whose outcome is
    ``outcome`` (dead-link, unreachable-link and blocked-link: one outcome each)."""
    for c in checked(ctx, lambda status: status.outcome == outcome):
        yield problem(c, message(c))


def problem(c: Checked, message: str, fix: Fix | None = None) -> Problem:
    """A finding on the URL as written (in the definition, for reference links)."""
    return Problem(message, c.link.url_start, c.link.url_end, fix)


def destination(doc: Document, link: Link, url: str) -> str | None:
    """``url`` written where ``link``'s URL is, or None when it cannot be written there
    without changing what the Markdown means."""
    if not url or any(c.isspace() or c in "<>\\" for c in url) or ENTITY_LIKE.search(url):
        return None
    if link.kind == "bare":
        return None if url[-1] in _TRAILING else url
    if link.kind == "autolink":
        return url
    angled = link.url_start > 0 and doc.text[link.url_start - 1] == "<"
    if angled:
        return url
    depth = 0
    for ch in url:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            break
    return url if depth == 0 else None
