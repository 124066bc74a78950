"""Which proxy a link goes through: read from the environment as curl, pip and lychee
read it.

- ``http_proxy`` for ``http://`` links, ``https_proxy`` for ``https://`` links (an
  ``https://`` link goes through an ``http://`` proxy as a ``CONNECT`` tunnel) and
  ``all_proxy`` for both; the lowercase name wins over the uppercase one
  (``HTTPS_PROXY``), and ``HTTP_PROXY`` is ignored when ``REQUEST_METHOD`` says the
  process runs as a CGI script (where a request header can set it: "httpoxy"), as
  Python's ``urllib`` does;
- ``no_proxy``: hosts reached directly, comma-separated - a name also covers its
  subdomains (``example.com``, ``.example.com``), ``*`` covers every host, an entry with a
  port only that port, and an address range in CIDR notation the addresses in it;
- a proxy written without a scheme (``proxy.corp:3128``) is an ``http://`` proxy; user
  and password in its URL are sent to the proxy (``Proxy-Authorization``). Other schemes
  (``socks5://``) are refused with a clear error.

Reading the environment is the command line's job (``Proxies.from_environment``); the
checker gets the result in its options, so a library caller or a test decides.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit

from awesomelint.errors import ConfigError
from awesomelint.model import Frozen

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields
_SCHEMES = ("http", "https")


class Proxies(Frozen):
    """The proxy of each link scheme (``by_scheme``: ``(scheme, proxy URL)`` pairs) and
    the hosts reached without one (``no_proxy``: the entries of $no_proxy)."""

    __slots__ = ("by_scheme", "no_proxy")
    by_scheme: tuple[tuple[str, str], ...]
    no_proxy: tuple[str, ...]

    def __init__(self, by_scheme: tuple[tuple[str, str], ...], no_proxy: tuple[str, ...]) -> None:
        _set(self, "by_scheme", by_scheme)
        _set(self, "no_proxy", no_proxy)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Proxies | None:
        """The proxies ``environ`` sets for http(s) links, or None when it sets none."""
        found: dict[str, tuple[str, str]] = {}  # key -> (variable, value)
        for lowercase_pass in (False, True):
            for name, value in environ.items():
                key = name.lower()
                if not key.endswith("_proxy") or (lowercase_pass and name != key):
                    continue
                if name == "HTTP_PROXY" and "REQUEST_METHOD" in environ:
                    continue  # a CGI script: a request's "Proxy:" header set it
                if value.strip():
                    found[key[: -len("_proxy")]] = (name, value.strip())
                elif lowercase_pass:  # set but empty: unset (urllib's reading)
                    found.pop(key[: -len("_proxy")], None)
        by_scheme = []
        for scheme in _SCHEMES:
            chosen = found.get(scheme) or found.get("all")
            if chosen is not None:
                by_scheme.append((scheme, _proxy_url(*chosen)))
        if not by_scheme:
            return None
        no_proxy = found.get("no", ("", ""))[1]
        entries = tuple(e.strip().lower() for e in no_proxy.split(",") if e.strip())
        return cls(tuple(by_scheme), entries)

    def for_url(self, scheme: str, host: str, port: int | None) -> str | None:
        """The proxy URL a link to ``scheme://host:port`` goes through, or None."""
        proxy = next((url for s, url in self.by_scheme if s == scheme), None)
        if proxy is None or self.bypassed(host, port):
            return None
        return proxy

    def for_api(self, url: str) -> str | None:
        """The proxy URL requests to the API root ``url`` go through, or None."""
        parts = urlsplit(url)
        return self.for_url(parts.scheme, parts.hostname or "", parts.port)

    def bypassed(self, host: str, port: int | None) -> bool:
        """Whether $no_proxy names ``host`` (on ``port``)."""
        host = host.lower().strip("[]").rstrip(".")
        for entry in self.no_proxy:
            if entry == "*":
                return True
            name, want_port = _split_port(entry)
            if want_port is not None and want_port != port:
                continue
            name = name.strip("[]").lstrip(".").rstrip(".")
            if not name:
                continue
            if host == name or host.endswith("." + name) or _in_network(host, name):
                return True
        return False


def _proxy_url(variable: str, value: str) -> str:
    url = value if "://" in value else f"http://{value}"
    scheme = url.split("://", 1)[0].lower()
    if scheme not in _SCHEMES:
        raise ConfigError(
            f"{variable}={value!r}: the link checker goes through http:// and https:// proxies only"
        )
    return url


def _split_port(entry: str) -> tuple[str, int | None]:
    """``("example.com", 8080)`` from ``example.com:8080``; an IPv6 address keeps its
    colons (``[::1]:8080`` has a port, ``::1`` none)."""
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
        return host, int(port) if port.isdigit() else None
    if entry.count(":") == 1:
        host, _, port = entry.partition(":")
        if port.isdigit():
            return host, int(port)
    return entry, None


def _in_network(host: str, entry: str) -> bool:
    """Whether the address ``host`` lies in the range ``entry`` (``10.0.0.0/8``)."""
    if "/" not in entry:
        return False
    try:
        return ipaddress.ip_address(host) in ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return False
