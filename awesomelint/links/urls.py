"""URL normalisation: what a Markdown destination stands for (``clean``), one string per
target (``normalize``: duplicate detection) and the link checker's keys (``link_key``).

``normalize`` maps every spelling of one http(s) target to one string: the scheme becomes
``https``, ``www.`` and default ports go, the host is lower-cased (punycode shown as
unicode), percent-encoding is canonical (unreserved characters decoded, everything else
encoded with upper-case hex), dot segments, trailing slashes and ``index.html`` go,
tracking parameters go (the ClearURLs global rules, the common click ids and a few
per-site ones) and the remaining query is sorted. Fragments stay: ``#install`` and
``#usage`` are different places.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from awesomelint._regex import lazy
from awesomelint.model import Frozen

# a URL scheme (RFC 3986: a letter, then letters, digits, "+", "-", "."), group 1
SCHEME = lazy(r"([A-Za-z][A-Za-z0-9+.-]*):")
# CommonMark backslash escapes (any ASCII punctuation) and entity references (with ";":
# "&amp;", "&#123;", "&#x1F600;"); the package's entity patterns live here
_BACKSLASH = lazy(r"\\([!-/:-@\[-`{-~])")
_ENTITY_BODY = lazy(r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
ENTITY = lazy("&" + _ENTITY_BODY.pattern)
# anything a Markdown parser may read as an entity reference, for refusing to write a URL
# that would not read back as itself: wider than ENTITY, as mistune also decodes
# hexadecimal references longer than CommonMark's 6 digits
ENTITY_LIKE = lazy(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_PCT = lazy(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_SAFE = frozenset(_PATH_SAFE | {"?"})
_HOST_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | {"%"})
_IPV6 = lazy(r"\[[0-9A-Fa-f:.]+\]")
_INDEX_FILES = frozenset({"index.html", "index.htm", "index.php"})
_DEFAULT_PORTS = frozenset({"80", "443"})
# strings _pct returns unchanged: only safe characters, no "%" (one pattern per safe set)
_PLAIN = {
    safe: lazy("[" + re.escape("".join(sorted(safe - {"%"}))) + "]*")
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


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


class URLParts(Frozen):
    """A cleaned http(s) URL cut into its components (all still raw)."""

    __slots__ = ("userinfo", "host", "port", "path", "query", "fragment")
    userinfo: str | None
    host: str
    port: str
    path: str
    query: str | None
    fragment: str | None

    def __init__(
        self,
        userinfo: str | None,
        host: str,
        port: str,
        path: str,
        query: str | None,
        fragment: str | None,
    ) -> None:
        _set(self, "userinfo", userinfo)
        _set(self, "host", host)
        _set(self, "port", port)
        _set(self, "path", path)
        _set(self, "query", query)
        _set(self, "fragment", fragment)


def clean(raw: str) -> str:
    """The destination a Markdown raw URL stands for: ``<>``, backslash escapes and
    entity references (``&amp;``) resolved, surrounding whitespace stripped."""
    s = raw.strip()
    if len(s) >= 2 and s[0] == "<" and s[-1] == ">":
        s = s[1:-1].strip()
    if "\\" in s:
        s = _BACKSLASH.sub(r"\1", s)
    if "&" in s:
        import html  # (here: its table of entities costs a millisecond to import)

        s = ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
    return s.strip()


def split_http(url: str) -> URLParts | None:
    """Components of an absolute (or protocol-relative) http(s) URL, else None."""
    m = SCHEME.match(url)
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
    return URLParts(userinfo, host, port, path, query, fragment)


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
def host_key(host: str) -> str:
    """A host as ``normalize`` writes it: lower-case, unicode labels, no ``www.``."""
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


def site_of(host: str) -> str:
    """The registrable-ish part of a host for per-site rules: 'm.youtube.com' -> 'youtube.com'."""
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) > 2 else host


def _is_tracking(key: str, host: str) -> bool:
    k = unquote(key, errors="replace").lower()
    if k in ("ref", "ref_") and host.endswith(_KEEP_REF_HOSTS):
        return False
    if k in _TRACKING or k.startswith(_TRACKING_PREFIXES):
        return True
    site = _SITE_TRACKING.get(site_of(host))
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


# An http(s) URL already in normal form but for its host and trailing slashes, as most
# of a list's links are (`https://github.com/owner/repo`): a lower-case scheme, a host of
# letters, digits, dots and hyphens (no userinfo, port, IPv6 literal or percent-escape),
# a path of characters _pct keeps as they are (no "%", no "&"), no query, no fragment,
# nothing clean() changes (no "<", backslash, "&" or surrounding whitespace). Group 1 is
# the host, group 2 the path.
_SIMPLE_HTTP = lazy(r"https?://([A-Za-z0-9.-]+)(/[A-Za-z0-9._~!$'()*+,;=:@/-]*)?", re.ASCII)


def _simple_key(url: str) -> str | None:
    """``_normalize(url)`` for a URL of the _SIMPLE_HTTP shape without dot segments or an
    index file (the usual link: no regex substitution, no percent-encoding pass), else
    None: then only ``_normalize`` knows. Equal to ``_normalize`` wherever it answers
    (tests/links/test_urls.py compares the two on generated URLs and the corpus):
    split_http gives (None, host, "", path, None, None); _pct keeps the path;
    _remove_dot_segments keeps a path with no "." or ".." segment, as no "/." in it
    proves; _strip_index only strips the trailing slashes when the last segment is no
    index file; the key holds no "&" for the entity pass."""
    m = _SIMPLE_HTTP.fullmatch(url)
    if m is None:
        return None
    host, path = m.groups("")
    if "/." in path:
        return None
    path = path.rstrip("/")
    # (an index file's name ends in "l", "m" or "p": most paths are ruled out by that)
    if path[-1:] in "lmpLMP" and path[path.rfind("/") + 1 :].lower() in _INDEX_FILES:
        return None
    host = host_key(host)
    if not host:
        return None
    return "https://" + host + path


@lru_cache(maxsize=1 << 18)  # several rules (and the fixer's passes) ask for the same URLs
def normalize(url: str) -> str | None:
    """One string per link target, or None for relative links, ``#anchors``, ``mailto:``
    and other non-http(s) URLs. ``url`` may be a raw Markdown destination."""
    key = _simple_key(url)
    return key if key is not None else _normalize(url)


def _normalize(url: str) -> str | None:
    """``normalize``, the general way (every step, whatever the URL)."""
    parts = split_http(clean(url))
    if parts is None:
        return None
    host = host_key(parts.host)
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
    return ENTITY.sub(lambda m: m.group(0)[:-1] + "%3B", key) if "&" in key else key


def link_key(url: str) -> str | None:
    """The key of a raw Markdown URL in ``Context.link_status`` and the link cache: the
    normalised URL with its fragment removed (``#install`` and ``#usage`` are one
    request), or None for relative links, ``#anchors``, ``mailto:`` and other non-http(s)
    URLs."""
    key = normalize(url)
    if key is None:
        return None
    # normalize() percent-encodes "#" everywhere but at the fragment separator
    return key.split("#", 1)[0]
