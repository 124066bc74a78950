"""Page titles for ``fix --fetch-titles``: the ``<title>`` of an HTML page, cleaned.

Pure functions over bytes already read; the checker fetches (at most ``title_bytes`` of
a page, and only text/html). Titles that name an error or a bot wall rather than the page
("Just a moment...", "404 Not Found", "Access denied") are dropped, so the fix falls back
to the title derived from the URL.
"""

from __future__ import annotations

import html
import re

_TITLE = re.compile(rb"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TITLE_END = re.compile(rb"</title\s*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_JUNK = re.compile(
    r"^(?:just a moment|attention required|access denied|forbidden|not found|page not found|"
    r"error|sign in|log ?in|login|redirecting|loading|untitled|document|home|index|"
    r"[0-9]{3}\b|security check|are you a robot|captcha)",
    re.IGNORECASE,
)
MAX_LENGTH = 120


def has_title_end(data: bytes) -> bool:
    """Whether ``data`` already holds a complete ``<title>...</title>``."""
    return _TITLE_END.search(data) is not None


def _charset(data: bytes, content_type: str) -> str:
    m = _CT_CHARSET.search(content_type)
    if m is None:
        found = _META_CHARSET.search(data[:4096])
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
    m = _TITLE.search(data)
    if m is None:
        return None
    raw = m.group(1).decode(_charset(data, content_type), "replace")
    return clean_title(raw)


def clean_title(raw: str) -> str | None:
    """Entities decoded, whitespace collapsed; None for empty, overlong or junk titles."""
    title = " ".join(html.unescape(raw).split())
    if not title or len(title) > MAX_LENGTH or "\ufffd" in title:
        return None
    if _JUNK.match(title) and len(title.split()) <= 4:
        return None
    return title
