"""Link-checker settings: defaults, the ``[links]`` config table, command-line overrides.

Config (``.awesomelint.toml``, or ``[tool.awesomelint.links]`` in ``pyproject.toml``)::

    [links]
    exclude = ["^https://(www\\.)?linkedin\\.com/", "web\\.archive\\.org"]
    timeout = 10              # seconds per request
    max-concurrency = 64      # requests in flight, all hosts together
    host-concurrency = 8      # requests in flight per host (host name and port)
    retries = 2               # extra attempts on 408/429/5xx/timeouts/resets
    accept = ["200..299", 403, 429]   # status codes counted as alive (beside 2xx/3xx)
    deadline = 300            # seconds for the whole run; later links are not checked
    cache-ttl = "1d"          # seconds, or a number with s/m/h/d
    exclude-private = false   # skip loopback, private, link-local and metadata addresses
    user-agent = "..."

    [links.hosts."example.com"]   # also matches its subdomains
    headers = { Accept-Language = "en" }
    concurrency = 2
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from awesomelint._regex import lazy
from awesomelint.errors import ConfigError
from awesomelint.model import Frozen

if TYPE_CHECKING:
    from awesomelint.links.proxy import Proxies

_set = object.__setattr__  # how a Frozen value's __init__ sets its fields

# A current desktop browser: many sites answer 403 to anything that looks like a script
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
_DURATION = lazy(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([smhd]?)\s*", re.IGNORECASE)
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


_NO_HEADERS: Mapping[str, str] = MappingProxyType({})
_NO_HOSTS: Mapping[str, HostOptions] = MappingProxyType({})


class HostOptions(Frozen):
    """Settings for one host (and its subdomains)."""

    __slots__ = ("headers", "concurrency")
    headers: Mapping[str, str]
    concurrency: int | None

    def __init__(
        self, headers: Mapping[str, str] = _NO_HEADERS, concurrency: int | None = None
    ) -> None:
        _set(self, "headers", headers)
        _set(self, "concurrency", concurrency)


# (plain slotted classes, not dataclasses: generating a 21-field dataclass costs ~3 ms
# at import, paid by every ``check --links``, even one the cache answers alone)
class LinkOptions(Frozen):
    """Everything the checker needs to know; defaults are the documented ones."""

    __slots__ = (
        "timeout", "max_concurrency", "host_concurrency", "retries", "backoff",
        "max_backoff", "retry_after_cap", "max_redirects", "deadline", "user_agent",
        "exclude", "exclude_private", "accept", "hosts", "use_cache", "cache_ttl",
        "github_token", "github_api", "title_bytes", "title_timeout", "proxies",
    )  # fmt: skip
    timeout: float
    max_concurrency: int
    host_concurrency: int
    retries: int
    backoff: float  # first retry delay (s); doubles per attempt, with jitter
    max_backoff: float
    retry_after_cap: float  # a longer Retry-After means: give up now
    max_redirects: int
    deadline: float | None
    user_agent: str
    exclude: tuple[str, ...]
    exclude_private: bool
    accept: frozenset[int]  # status codes counted as alive, whatever they are
    hosts: Mapping[str, HostOptions]
    use_cache: bool
    cache_ttl: float
    github_token: str | None
    github_api: str | None  # None: $AWESOMELINT_GITHUB_API or api.github.com
    title_bytes: int  # at most this much of a page is read for its <title>
    title_timeout: float
    proxies: Proxies | None  # None: every link is fetched directly

    def __init__(
        self,
        timeout: float = 10.0,
        max_concurrency: int = 64,
        host_concurrency: int = 8,
        retries: int = 2,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        retry_after_cap: float = 30.0,
        max_redirects: int = 10,
        deadline: float | None = None,
        user_agent: str = USER_AGENT,
        exclude: tuple[str, ...] = (),
        exclude_private: bool = False,
        accept: frozenset[int] = frozenset(),
        hosts: Mapping[str, HostOptions] = _NO_HOSTS,
        use_cache: bool = True,
        cache_ttl: float = 86400.0,
        github_token: str | None = None,
        github_api: str | None = None,
        title_bytes: int = 256 * 1024,
        title_timeout: float = 5.0,
        proxies: Proxies | None = None,
    ) -> None:
        _set(self, "timeout", timeout)
        _set(self, "max_concurrency", max_concurrency)
        _set(self, "host_concurrency", host_concurrency)
        _set(self, "retries", retries)
        _set(self, "backoff", backoff)
        _set(self, "max_backoff", max_backoff)
        _set(self, "retry_after_cap", retry_after_cap)
        _set(self, "max_redirects", max_redirects)
        _set(self, "deadline", deadline)
        _set(self, "user_agent", user_agent)
        _set(self, "exclude", exclude)
        _set(self, "exclude_private", exclude_private)
        _set(self, "accept", accept)
        _set(self, "hosts", hosts)
        _set(self, "use_cache", use_cache)
        _set(self, "cache_ttl", cache_ttl)
        _set(self, "github_token", github_token)
        _set(self, "github_api", github_api)
        _set(self, "title_bytes", title_bytes)
        _set(self, "title_timeout", title_timeout)
        _set(self, "proxies", proxies)

    def host(self, host: str) -> HostOptions | None:
        """The settings for ``host``: its own entry, else its nearest parent domain's."""
        host = host.lower().rstrip(".")
        while host:
            found = self.hosts.get(host)
            if found is not None:
                return found
            host = host.partition(".")[2]
        return None

    def updated(self, **changes: Any) -> LinkOptions:
        """A copy with the given fields changed; ``None`` values are ignored."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update({k: v for k, v in changes.items() if v is not None})
        return LinkOptions(**values)


def parse_duration(value: str | float | int, what: str = "duration") -> float:
    """Seconds from ``3600``, ``"90s"``, ``"30m"``, ``"12h"`` or ``"1d"``."""
    if isinstance(value, bool):
        raise ConfigError(f"{what} must be a number of seconds or like '1d', got {value!r}")
    if isinstance(value, int | float):
        if value < 0:
            raise ConfigError(f"{what} must not be negative, got {value!r}")
        return float(value)
    m = _DURATION.fullmatch(value)
    if not m:
        raise ConfigError(f"{what} must be a number of seconds or like '12h', '1d', got {value!r}")
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


_RANGE = lazy(r"\s*([0-9]{3})\s*(?:\.\.=?\s*([0-9]{3})\s*)?")


def parse_accept(value: Any, what: str = "--accept") -> frozenset[int]:
    """Status codes from ``"200..299,403"`` (ranges inclusive, ``..=`` too, as lychee
    writes them), or a list of such strings and numbers (the config)."""
    items = value if isinstance(value, list) else [value]
    codes: set[int] = set()
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            raise ConfigError(f"{what} must be status codes like '200..299,403', got {item!r}")
        for part in item.split(","):
            m = _RANGE.fullmatch(part)
            low, high = (int(m.group(1)), int(m.group(2) or m.group(1))) if m else (0, 0)
            if not m or not 100 <= low <= high <= 599:
                raise ConfigError(
                    f"{what}: {part.strip()!r} is not a status code (100-599) or a range "
                    "like 200..299"
                )
            codes.update(range(low, high + 1))
    return frozenset(codes)


def check_patterns(patterns: tuple[str, ...], where: str = "") -> tuple[str, ...]:
    """``patterns`` after checking that each is a valid regular expression."""
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(f"{where}invalid exclude pattern {p!r}: {exc}") from None
    return patterns


def _number(table: Mapping[str, Any], key: str, where: str, *, integer: bool) -> Any:
    v = table[key]
    ok = isinstance(v, int) if integer else isinstance(v, int | float)
    if isinstance(v, bool) or not ok or v <= 0:
        kind = "a positive integer" if integer else "a positive number"
        raise ConfigError(f"{where}links.{key} must be {kind}, got {v!r}")
    return v


def _hosts(value: Any, where: str) -> Mapping[str, HostOptions]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}links.hosts must be a table of host names")
    out: dict[str, HostOptions] = {}
    for host, spec in value.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}links.hosts.{host!r} must be a table")
        unknown = set(spec) - {"headers", "concurrency"}
        if unknown:
            raise ConfigError(
                f"{where}unknown key {sorted(unknown)[0]!r} in links.hosts.{host!r} "
                "(known: headers, concurrency)"
            )
        headers = spec.get("headers", {})
        if not isinstance(headers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
        ):
            raise ConfigError(f"{where}links.hosts.{host!r}.headers must map names to strings")
        concurrency = spec.get("concurrency")
        if concurrency is not None:
            concurrency = _number(spec, "concurrency", f"{where}hosts.{host!r}: ", integer=True)
        out[host.lower().rstrip(".")] = HostOptions(MappingProxyType(dict(headers)), concurrency)
    return MappingProxyType(out)


_KEYS = (
    "exclude", "exclude-private", "timeout", "max-concurrency", "host-concurrency",
    "retries", "accept", "deadline", "cache-ttl", "user-agent", "hosts",
)  # fmt: skip


def parse_links_table(table: Any, where: str = "") -> Mapping[str, Any]:
    """Validate the ``[links]`` config table; return LinkOptions field values."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}[links] must be a table")
    out: dict[str, Any] = {}
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{where}unknown key {key!r} in [links] (known: {', '.join(_KEYS)})")
    if "exclude" in table:
        v = table["exclude"]
        if not isinstance(v, list) or not all(isinstance(p, str) for p in v):
            raise ConfigError(f"{where}links.exclude must be a list of regular expressions")
        out["exclude"] = check_patterns(tuple(v), where)
    if "exclude-private" in table:
        if not isinstance(table["exclude-private"], bool):
            raise ConfigError(f"{where}links.exclude-private must be true or false")
        out["exclude_private"] = table["exclude-private"]
    for key in ("timeout", "deadline"):
        if key in table:
            out[key] = float(_number(table, key, where, integer=False))
    for key in ("max-concurrency", "host-concurrency"):
        if key in table:
            out[key.replace("-", "_")] = _number(table, key, where, integer=True)
    if "retries" in table:
        v = table["retries"]
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ConfigError(f"{where}links.retries must be an integer >= 0, got {v!r}")
        out["retries"] = v
    if "accept" in table:
        out["accept"] = parse_accept(table["accept"], f"{where}links.accept")
    if "cache-ttl" in table:
        out["cache_ttl"] = parse_duration(table["cache-ttl"], f"{where}links.cache-ttl")
    if "user-agent" in table:
        if not isinstance(table["user-agent"], str) or not table["user-agent"].strip():
            raise ConfigError(f"{where}links.user-agent must be a non-empty string")
        out["user_agent"] = table["user-agent"]
    if "hosts" in table:
        out["hosts"] = _hosts(table["hosts"], where)
    return MappingProxyType(out)


def from_table(values: Mapping[str, Any]) -> LinkOptions:
    """LinkOptions from the values :func:`parse_links_table` returned."""
    return LinkOptions(**{k: v for k, v in values.items() if k in LinkOptions.__slots__})


def build(
    table: Mapping[str, Any],
    *,
    timeout: float | None = None,
    max_concurrency: int | None = None,
    host_concurrency: int | None = None,
    exclude: tuple[str, ...] = (),
    exclude_private: bool = False,
    no_cache: bool = False,
    cache_ttl: str | None = None,
    user_agent: str | None = None,
    deadline: float | None = None,
    github_token: str | None = None,
    retries: int | None = None,
    accept: str | None = None,
    proxies: Proxies | None = None,
) -> LinkOptions:
    """LinkOptions from a validated ``[links]`` table with command-line values on top
    (``exclude`` patterns add to the configured ones; unset values keep the config's)."""
    base = from_table(table)
    return base.updated(
        timeout=timeout,
        max_concurrency=max_concurrency,
        host_concurrency=host_concurrency,
        exclude=(*base.exclude, *check_patterns(exclude)) if exclude else None,
        exclude_private=True if exclude_private else None,
        use_cache=False if no_cache else None,
        cache_ttl=parse_duration(cache_ttl, "--cache-ttl") if cache_ttl is not None else None,
        user_agent=user_agent or None,
        deadline=deadline,
        github_token=github_token or None,
        retries=retries,
        accept=(base.accept | parse_accept(accept)) if accept else None,
        proxies=proxies,
    )
