"""URL normalisation (duplicate detection, link-checker cache keys) and URL-derived titles.

``normalize`` maps every spelling of one http(s) target to one string: the scheme becomes
``https``, ``www.`` and default ports go, the host is lower-cased (punycode shown as
unicode), percent-encoding is canonical (unreserved characters decoded, everything else
encoded with upper-case hex), dot segments, trailing slashes and ``index.html`` go,
tracking parameters go (the ClearURLs global rules, the common click ids and a few
per-site ones) and the remaining query is sorted. Fragments stay: ``#install`` and
``#usage`` are different places.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# CommonMark backslash escapes (any ASCII punctuation) and entity references (with ";")
_BACKSLASH = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY_BODY = re.compile(r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY = re.compile("&" + _ENTITY_BODY.pattern)
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_SAFE = frozenset(_PATH_SAFE | {"?"})
_HOST_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | {"%"})
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]+\]")
_INDEX_FILES = frozenset({"index.html", "index.htm", "index.php"})
_DEFAULT_PORTS = frozenset({"80", "443"})
# strings _pct returns unchanged: only safe characters, no "%" (one pattern per safe set)
_PLAIN = {
    safe: re.compile("[" + re.escape("".join(sorted(safe - {"%"}))) + "]*")
    for safe in (_PATH_SAFE, _QUERY_SAFE)
}

# Query parameters that only track where a click came from. After the ClearURLs global
# rules (utm_*, ga_*, fb_*, action_*_map, gs_l, mkt_tok, hmb_*, yclid, _openstat, ref),
# AdGuard's/Brave's click-id lists and HubSpot/Mailchimp/Matomo campaign parameters.
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "li_fat_id", "igshid", "igsh", "mibextid", "epik", "rdt_cid",
        "sccid", "irclickid", "_openstat", "fb_action_ids", "fb_action_types", "fb_source",
        "fb_ref", "action_object_map", "action_type_map", "action_ref_map", "gs_l",
        "mkt_tok", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp",
        "hsctatracking", "vero_conv", "vero_id", "wickedid", "oly_anon_id", "oly_enc_id",
        "rb_clickid", "s_cid", "ml_subscriber", "ml_subscriber_hash", "ss_email_id",
        "bsft_uid", "bsft_clkid", "spm", "scm", "_ga", "_gl", "ref", "ref_", "ref_src",
        "ref_url", "referrer", "trk", "trkcampaign", "cmpid", "icid",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "ga_", "hmb_", "pk_", "mtm_", "matomo_", "piwik_", "oft_", "hsa_")
# "ref" is a git ref on code hosts (ClearURLs makes the same exception)
_KEEP_REF_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
_SITE_TRACKING: dict[str, frozenset[str]] = {
    "youtube.com": frozenset({"feature", "si", "pp", "ab_channel"}),
    "youtu.be": frozenset({"feature", "si"}),
    "twitter.com": frozenset({"s", "t", "src"}),
    "x.com": frozenset({"s", "t", "src"}),
    "medium.com": frozenset({"source"}),
}


@dataclass(frozen=True, slots=True)
class _Parts:
    """A cleaned http(s) URL cut into its components (all still raw)."""

    userinfo: str | None
    host: str
    port: str
    path: str
    query: str | None
    fragment: str | None


def clean(raw: str) -> str:
    """The destination a Markdown raw URL stands for: ``<>``, backslash escapes and
    entity references (``&amp;``) resolved, surrounding whitespace stripped."""
    s = raw.strip()
    if len(s) >= 2 and s[0] == "<" and s[-1] == ">":
        s = s[1:-1].strip()
    if "\\" in s:
        s = _BACKSLASH.sub(r"\1", s)
    if "&" in s:
        s = _ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
    return s.strip()


def _split(url: str) -> _Parts | None:
    """Components of an absolute (or protocol-relative) http(s) URL, else None."""
    m = _SCHEME.match(url)
    if m:
        if m.group(1).lower() not in ("http", "https"):
            return None
        rest = url[m.end() :]
    else:
        rest = url
    if not rest.startswith("//"):
        return None
    rest = rest[2:]
    fragment: str | None = None
    query: str | None = None
    if "#" in rest:
        rest, fragment = rest.split("#", 1)
    if "?" in rest:
        rest, query = rest.split("?", 1)
    slash = rest.find("/")
    netloc, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash:])
    userinfo: str | None = None
    if "@" in netloc:
        userinfo, netloc = netloc.rsplit("@", 1)
    port = ""
    if netloc.startswith("[") and "]" in netloc:  # IPv6 literal
        end = netloc.index("]") + 1
        host, tail = netloc[:end], netloc[end:]
        if tail.startswith(":") and tail[1:].isdigit():
            port = tail[1:]
        else:
            host = netloc
    else:
        host, colon, after = netloc.rpartition(":")
        if not colon:
            host = after
        elif after and not (after.isascii() and after.isdigit()):
            host = netloc
        else:
            port = after
    return _Parts(userinfo, host, port, path, query, fragment)


def _pct(s: str, safe: frozenset[str]) -> str:
    """Canonical percent-encoding: unreserved characters decoded, the rest encoded."""
    plain = _PLAIN.get(safe)
    if plain is not None and plain.fullmatch(s):
        return s  # nothing to decode or encode (the usual path)
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch == "%" and _PCT.match(s, i):
            byte = int(s[i + 1 : i + 3], 16)
            c = chr(byte)
            out.append(c if c in _UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        if ch in safe:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    joined = "/".join(out)
    return joined if not path.startswith("/") or joined.startswith("/") else "/" + joined


def _strip_index(path: str) -> str:
    while True:
        path = path.rstrip("/")
        last = path.rsplit("/", 1)[-1]
        if last.lower() not in _INDEX_FILES:
            return path
        path = path[: -len(last)]


def _decode_label(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        dec = label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label
    dec = unicodedata.normalize("NFC", dec).lower()
    # only a real internationalised label: no ASCII punctuation that would re-split
    if dec.isascii() or not all(c.isalnum() or c == "-" for c in dec):
        return label
    return dec


@lru_cache(maxsize=1 << 12)  # a list links to a few hosts many times
def _host_key(host: str) -> str:
    if _IPV6.fullmatch(host):
        return host.lower()
    host = host.translate({0x3002: ".", 0xFF0E: ".", 0xFF61: "."})
    host = unicodedata.normalize("NFC", host).lower()
    host = ".".join(_decode_label(label) for label in host.split("."))
    host = host.strip(".")
    while host.startswith("www."):
        host = host[4:].lstrip(".")
    chars = []
    for ch in host:
        if ch in _HOST_SAFE or (not ch.isascii() and ch.isprintable() and not ch.isspace()):
            chars.append(ch)
        else:
            chars.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    out = "".join(chars)
    return _PCT.sub(lambda m: "%" + m.group(1).upper(), out) if "%" in out else out


def _site(host: str) -> str:
    """The registrable-ish part of a host for per-site rules: 'm.youtube.com' -> 'youtube.com'."""
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) > 2 else host


def _is_tracking(key: str, host: str) -> bool:
    k = unquote(key, errors="replace").lower()
    if k in ("ref", "ref_") and host.endswith(_KEEP_REF_HOSTS):
        return False
    if k in _TRACKING or k.startswith(_TRACKING_PREFIXES):
        return True
    site = _SITE_TRACKING.get(_site(host))
    return site is not None and k in site


def _query_key(query: str, host: str) -> str:
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        key = pair.split("=", 1)[0]
        if _is_tracking(key, host):
            continue
        pair = _pct(pair, _QUERY_SAFE)
        # after "&", "amp;..." would read as an entity when the key is normalised again
        m = _ENTITY_BODY.match(pair)
        kept.append(pair if m is None else pair[: m.end() - 1] + "%3B" + pair[m.end() :])
    return "&".join(sorted(kept))


@lru_cache(maxsize=1 << 18)  # several rules (and the fixer's passes) ask for the same URLs
def normalize(url: str) -> str | None:
    """One string per link target, or None for relative links, ``#anchors``, ``mailto:``
    and other non-http(s) URLs. ``url`` may be a raw Markdown destination."""
    parts = _split(clean(url))
    if parts is None:
        return None
    host = _host_key(parts.host)
    if not host:
        return None
    out = ["https://"]
    if parts.userinfo:
        out += [_pct(parts.userinfo, frozenset(_UNRESERVED | set(_SUB_DELIMS) | {":"})), "@"]
    out.append(host)
    port = parts.port.lstrip("0") or ("0" if parts.port else "")
    if port and port not in _DEFAULT_PORTS:
        out += [":", port]
    out.append(_strip_index(_remove_dot_segments(_pct(parts.path, _PATH_SAFE))))
    if parts.query:
        query = _query_key(parts.query, host)
        if query:
            out += ["?", query]
    if parts.fragment:
        out += ["#", _pct(parts.fragment, _QUERY_SAFE)]
    key = "".join(out)
    # a literal "&amp;" left in the key would be decoded when the key is normalised again
    return _ENTITY.sub(lambda m: m.group(0)[:-1] + "%3B", key) if "&" in key else key


# -- titles ------------------------------------------------------------------------------

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
    site = _site(host)
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
    parts = _split(cleaned)
    if parts is None:  # relative, mailto: and friends
        m = _SCHEME.match(cleaned)
        rest = cleaned.split("#", 1)[0].split("?", 1)[0]
        if m:  # mailto:me@example.com -> me@example.com
            return rest[m.end() :].strip("/") or cleaned
        return _meaningful(_segments(rest)) or rest.strip("/") or cleaned
    host = _host_key(parts.host).replace("%", "") or parts.host
    segs = _segments(parts.path)
    titled = _site_title(host, segs, parts.query)
    if titled:
        return titled
    return _meaningful(segs) or host
