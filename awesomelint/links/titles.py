"""Titles for links written without one (missing-title's fix), from two sources.

- The page's ``<title>`` (``fix --fetch-titles``): pure functions over bytes already read;
  the checker fetches (at most ``title_bytes`` of a page, and only text/html). Titles that
  name an error or a bot wall rather than the page ("Just a moment...", "404 Not Found",
  "Access denied") are dropped, so the fix falls back to the title derived from the URL.
- The URL itself (``title_from_url``): the name a known site puts in a known place
  (GitHub ``owner/repo``, a Twitter user, a YouTube video, an arXiv paper), else the last
  meaningful path segment humanised, else the host.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from awesomelint.links.urls import SCHEME, clean, host_key, site_of, split_http

# -- titles from the page -----------------------------------------------------------------

# patterns as text, compiled (and cached by re) on first use: every check loads this
# module for missing-title, but only ``fix --fetch-titles`` reads pages
_TITLE = rb"(?is)<title\b[^>]*>(.*?)</title\s*>"
_TITLE_END = rb"(?i)</title\s*>"
_META_CHARSET = rb"""(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
_CT_CHARSET = r"(?i)charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)"
_JUNK = (
    r"(?i)^(?:just a moment|attention required|access denied|forbidden|not found|"
    r"page not found|error|sign in|log ?in|login|redirecting|loading|untitled|document|home|"
    r"index|[0-9]{3}\b|security check|are you a robot|captcha)"
)
MAX_LENGTH = 120


def has_title_end(data: bytes) -> bool:
    """Whether ``data`` already holds a complete ``<title>...</title>``."""
    return re.search(_TITLE_END, data) is not None


def _charset(data: bytes, content_type: str) -> str:
    m = re.search(_CT_CHARSET, content_type)
    if m is None:
        found = re.search(_META_CHARSET, data[:4096])
        name = found.group(1).decode("ascii", "replace") if found else "utf-8"
    else:
        name = m.group(1)
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return name


def extract_title(data: bytes, content_type: str = "") -> str | None:
    """The cleaned ``<title>`` of an HTML document's first bytes, or None."""
    m = re.search(_TITLE, data)
    if m is None:
        return None
    raw = m.group(1).decode(_charset(data, content_type), "replace")
    return clean_title(raw)


def clean_title(raw: str) -> str | None:
    """Entities decoded, whitespace collapsed; None for empty, overlong or junk titles."""
    title = " ".join(html.unescape(raw).split())
    if not title or len(title) > MAX_LENGTH or "\ufffd" in title:
        return None
    if re.match(_JUNK, title) and len(title.split()) <= 4:
        return None
    return title


# -- titles from the URL ------------------------------------------------------------------

_DOC_EXTENSION = re.compile(
    r"\.(?:html?|xhtml|shtml|php\d?|aspx?|jsp|cgi|md|markdown|mdx|rst|txt|adoc|pdf|ipynb|"
    r"pptx?|docx?|xlsx?|key|zip|tar\.gz|tgz|png|jpe?g|gif|svg|webp|mp4|json|xml)$",
    re.IGNORECASE,
)
_MEDIUM_ID = re.compile(r"-[0-9a-f]{10,12}$")
_SEPARATORS = re.compile(r"[-_+\s]+")
_ARXIV_VERSION = re.compile(r"v\d+$")
_DULL_SEGMENTS = frozenset(
    {
        "index", "default", "home", "main", "info", "view", "show", "details", "detail",
        "watch", "post", "posts", "p", "article", "articles", "page", "pages", "blog",
        "wiki", "docs", "doc", "www", "en", "en-us", "en_us", "ko", "html", "amp", "s",
        "story", "entry", "item", "id", "profile", "user", "users", "project", "projects",
        "package", "packages", "crates", "repos", "repo",
    }
)  # fmt: skip
_TWITTER_RESERVED = frozenset(
    {
        "home", "search", "i", "hashtag", "intent", "share", "explore", "settings",
        "notifications", "messages", "login", "signup", "tos", "privacy", "compose",
    }
)  # fmt: skip
_GITHUB_RESERVED = frozenset(
    {
        "topics", "collections", "sponsors", "features", "marketplace", "explore", "search",
        "trending", "settings", "about", "pricing", "login", "join", "apps", "enterprise",
        "security", "customer-stories", "readme", "events", "site",
    }
)  # fmt: skip


def _segments(path: str) -> list[str]:
    return [unquote(s, errors="replace") for s in path.split("/") if s]


def humanize(segment: str) -> str:
    """'deep-learning-papers-reading-roadmap.html' -> 'Deep learning papers reading roadmap'."""
    s = _DOC_EXTENSION.sub("", segment)
    s = _MEDIUM_ID.sub("", s)
    s = _SEPARATORS.sub(" ", s).strip()
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    return s


def _meaningful(segments: list[str]) -> str | None:
    for seg in reversed(segments):
        title = humanize(seg)
        if not any(c.isalpha() for c in title) or title.lower() in _DULL_SEGMENTS:
            continue
        return title
    return None


def _query_value(query: str | None, name: str) -> str | None:
    for pair in (query or "").split("&"):
        key, _, value = pair.partition("=")
        if key == name and value:
            return unquote(value, errors="replace")
    return None


def _site_title(host: str, segs: list[str], query: str | None) -> str | None:
    """Titles for sites whose URLs carry the name in a known place."""
    site = site_of(host)
    if host in ("twitter.com", "mobile.twitter.com", "x.com", "mobile.x.com"):
        if segs and segs[0].lower() not in _TWITTER_RESERVED:
            user = segs[0].lstrip("@")
            if len(segs) >= 3 and segs[1] == "status":
                return f"Tweet by {user}" if "twitter" in host else f"Post by {user} on X"
            return f"{user} on Twitter" if "twitter" in host else f"{user} on X"
        return None
    if host in ("github.com", "gitlab.com", "codeberg.org", "bitbucket.org"):
        if not segs or segs[0].lower() in _GITHUB_RESERVED:
            return None
        if segs[0] == "orgs" and len(segs) >= 2:
            segs = segs[1:2]
        name = host.split(".")[0].replace("github", "GitHub").replace("gitlab", "GitLab")
        if len(segs) == 1:
            return f"{segs[0]} on {name.capitalize() if name.islower() else name}"
        repo = f"{segs[0]}/{segs[1].removesuffix('.git')}"
        inner = segs[2:]
        if inner and inner[0] == "-":  # gitlab.com/group/project/-/blob/...
            inner = inner[1:]
        if len(inner) >= 3 and inner[0] in ("blob", "tree"):
            sub = _meaningful(inner[2:])
            return f"{sub} ({repo})" if sub else repo
        if len(inner) >= 2 and inner[0] == "wiki":
            sub = _meaningful(inner[1:])
            return f"{sub} ({repo})" if sub else repo
        return repo
    if host == "gist.github.com" and segs:
        return f"Gist by {segs[0]}"
    if site in ("youtube.com", "youtube-nocookie.com", "youtu.be"):
        video = _query_value(query, "v")
        if host == "youtu.be" and segs:
            video = segs[0]
        elif len(segs) >= 2 and segs[0] in ("embed", "shorts", "live", "v"):
            video = segs[1]
        if video:
            return f"YouTube video {video}"
        playlist = _query_value(query, "list")
        if playlist:
            return f"YouTube playlist {playlist}"
        if segs and segs[0].startswith("@"):
            return f"{segs[0][1:]} on YouTube"
        if len(segs) >= 2 and segs[0] in ("c", "user"):
            return f"{segs[1]} on YouTube"
        if len(segs) >= 2 and segs[0] == "channel":
            return f"YouTube channel {segs[1]}"
        return None
    if site == "arxiv.org" and len(segs) >= 2 and segs[0] in ("abs", "pdf", "html", "format"):
        paper = "/".join(segs[1:])
        paper = _ARXIV_VERSION.sub("", paper.removesuffix(".pdf"))
        return f"arXiv {paper}"
    return None


def title_from_url(url: str) -> str:
    """A readable title for a link whose author gave none (Markdown not escaped).

    ``https://twitter.com/karpathy`` -> ``karpathy on Twitter``, GitHub repositories ->
    ``owner/repo``, YouTube -> ``YouTube video <id>``, arXiv -> ``arXiv 1611.01576``,
    otherwise the last meaningful path segment humanised, or the bare host.
    """
    cleaned = clean(url)
    parts = split_http(cleaned)
    if parts is None:  # relative, mailto: and friends
        m = SCHEME.match(cleaned)
        rest = cleaned.split("#", 1)[0].split("?", 1)[0]
        if m:  # mailto:me@example.com -> me@example.com
            return rest[m.end() :].strip("/") or cleaned
        return _meaningful(_segments(rest)) or rest.strip("/") or cleaned
    host = host_key(parts.host).replace("%", "") or parts.host
    segs = _segments(parts.path)
    titled = _site_title(host, segs, parts.query)
    if titled:
        return titled
    return _meaningful(segs) or host
