"""What the link checker found for one URL: the value the network rules read.

Kept free of any HTTP library so that rules (and the offline path) import it cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from awesomelint.links.urls import link_key

Outcome = Literal["ok", "dead", "unreachable", "blocked", "skipped"]


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """The result of checking one link target (fragment removed).

    ``outcome`` decides the rule: ``dead`` -> dead-link, ``unreachable`` ->
    unreachable-link, ``blocked`` -> blocked-link; ``ok`` links may still carry a
    ``redirect`` (redirected-link) or be ``archived`` (archived-repo). ``skipped`` links
    (excluded, private, past the deadline) produce no finding.
    """

    url: str  # the URL that was requested, as written (fragment removed)
    outcome: Outcome
    detail: str = ""  # "404 Not Found", "DNS lookup failed", ...: what happened
    status_code: int | None = None  # the final HTTP status, when there was one
    redirect: str | None = None  # where the link now lives (permanent redirects, renames)
    final_url: str | None = None  # where the request ended after any redirects
    archived: bool = False  # a GitHub repository marked archived
    via: Literal["http", "github"] = "http"
    from_cache: bool = False


_LOGIN_PATH = (
    "/login", "/signin", "/sign-in", "/sign_in", "/auth", "/sso", "/session", "/account/login",
    "/accounts/login", "/users/sign_in", "/idp/", "/oauth",
)  # fmt: skip
_RETURN_PARAMS = ("next=", "return_to=", "returnto=", "redirect=", "continue=", "dest=", "goto=")


def _scheme_path_query(url: str) -> tuple[str, str, str]:
    scheme, _, rest = url.partition("://")
    rest = rest.split("#", 1)[0]
    rest, _, query = rest.partition("?")
    slash = rest.find("/")
    return scheme.lower(), "" if slash < 0 else rest[slash:], query


def is_move(written: str, target: str) -> bool:
    """Whether a permanent redirect from ``written`` to ``target`` is worth a rewrite: it
    leads to another page (not merely ``www.`` or a trailing slash), or from http to
    https - and not to a login wall, which is where a page sends strangers, not a move."""
    a, b = link_key(written), link_key(target)
    if a is None or b is None:
        return False
    t_scheme, t_path, t_query = _scheme_path_query(target)
    if t_path.lower().startswith(_LOGIN_PATH) or any(
        p in t_query.lower() for p in _RETURN_PARAMS
    ):
        return False
    if a != b:
        return True
    return _scheme_path_query(written)[0] == "http" and t_scheme == "https"


def to_front_page(written: str, target: str) -> bool:
    """Whether a deep link redirects to its site's front page (a soft "gone")."""
    w_path = _scheme_path_query(written)[1].strip("/")
    t_path = _scheme_path_query(target)[1].strip("/")
    return bool(w_path) and not t_path
