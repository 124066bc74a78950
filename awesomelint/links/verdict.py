"""What an HTTP answer (or the error instead of one) means for a link: ok, dead,
unreachable, blocked or skipped, in words, and whether to ask again.

Pure functions of a finished request chain (``Fetch``, filled by ``fetch.Fetcher``): no
I/O, so every status code, redirect note and exception class is judged in one place.
"""

from __future__ import annotations

import email.utils
import ssl
import time
from dataclasses import dataclass
from http import HTTPStatus

import httpx

from awesomelint.links.net import BlockedAddress, DNSError, ProxyUnreachable, Unvetted, find
from awesomelint.links.options import LinkOptions

# a redirect chain may take this many timeouts in all (each hop: one timeout at most), so
# hops that each answer just in time cannot hold a link for max_redirects timeouts
CHAIN_BUDGET = 2.0


@dataclass(slots=True)
class Fetch:
    """One request chain (a HEAD or a GET, redirects followed)."""

    url: str  # where the chain ended
    status: int | None = None
    reason: str = ""
    headers: httpx.Headers | None = None
    moved_to: str | None = None  # the end of the leading run of 301/308 hops
    error: BaseException | None = None
    note: str = ""  # "loop", "too-many", "scheme", "local", "bad-location", "slow-chain"
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: str
    detail: str
    retry: bool = False
    retry_after: float | None = None
    network: bool = False  # failed before any HTTP answer (DNS, refused, unroutable)
    timeout: bool = False


def _phrase(code: int, reason: str) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} {reason}".strip() if reason and reason != "" else f"HTTP {code}"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)


def _judge_error(exc: BaseException, timeout: float) -> Verdict:
    # (the proxy's failures first: their causes are connection errors that would
    # otherwise read as the link's host refusing or timing out)
    proxy = find(exc, ProxyUnreachable)
    if isinstance(proxy, ProxyUnreachable):
        return Verdict("unreachable", str(proxy), True, network=True)
    unvetted = find(exc, Unvetted)
    if isinstance(unvetted, Unvetted):
        return Verdict("skipped", f"{unvetted} (--exclude-private)")
    refused = find(exc, httpx.ProxyError)
    if refused is not None:  # the proxy answered a CONNECT with an error
        return Verdict("unreachable", f"the proxy refused the tunnel: {refused}", True)
    dns = find(exc, DNSError)
    if isinstance(dns, DNSError):
        if dns.temporary:
            return Verdict("unreachable", "DNS lookup failed temporarily", True, network=True)
        return Verdict("dead", "DNS lookup failed (no such host)", network=True)
    blocked = find(exc, BlockedAddress)
    if isinstance(blocked, BlockedAddress):
        return Verdict(
            "skipped", f"resolves to the private address {blocked.address} (--exclude-private)"
        )
    cert = find(exc, ssl.SSLCertVerificationError)
    if isinstance(cert, ssl.SSLCertVerificationError):
        why = cert.verify_message or str(cert)
        return Verdict("unreachable", f"TLS certificate error: {why}")
    tls = find(exc, ssl.SSLError)
    if isinstance(tls, ssl.SSLError):
        return Verdict("unreachable", f"TLS error: {tls.reason or tls}")
    if find(exc, httpx.TimeoutException) or find(exc, TimeoutError):
        return Verdict("unreachable", f"timed out after {timeout:g} s", True, timeout=True)
    if find(exc, ConnectionRefusedError):
        return Verdict("dead", "connection refused", True, network=True)
    if find(exc, ConnectionResetError) or find(exc, BrokenPipeError):
        return Verdict("unreachable", "connection reset by the server", True)
    protocol = find(exc, httpx.RemoteProtocolError)
    if protocol is not None and "disconnected" not in str(protocol):
        return Verdict("unreachable", f"not an HTTP answer: {_protocol_reason(protocol)}")
    if protocol is not None or find(exc, httpx.ReadError):
        return Verdict("unreachable", "the server closed the connection without answering", True)
    if find(exc, httpx.ConnectError) or find(exc, OSError):
        reason = str(exc) or type(exc).__name__
        return Verdict("unreachable", f"cannot connect: {reason}", True, network=True)
    if find(exc, httpx.InvalidURL) or find(exc, httpx.UnsupportedProtocol):
        return Verdict("skipped", "invalid URL")
    return Verdict("unreachable", f"{type(exc).__name__}: {exc}")


def _protocol_reason(exc: BaseException) -> str:
    """What h11 found wrong with an answer, in a few words."""
    text = str(exc)
    if text.startswith("illegal status line"):
        return "invalid status line"
    if "too long" in text or "too large" in text:
        return "headers too large"
    return text.split(":", 1)[0][:60] or type(exc).__name__


def judge(fetch: Fetch, options: LinkOptions) -> Verdict:
    """What ``fetch`` says of the link."""
    if fetch.error is not None:
        return _judge_error(fetch.error, options.timeout)
    if fetch.note == "loop":
        return Verdict("unreachable", f"redirect loop at {fetch.url}")
    if fetch.note == "too-many":
        return Verdict("unreachable", f"more than {options.max_redirects} redirects")
    if fetch.note == "local":
        return Verdict("unreachable", f"redirects to {fetch.reason}, which browsers do not follow")
    if fetch.note == "bad-location":
        return Verdict("unreachable", f"redirects to an invalid URL: {fetch.reason}")
    if fetch.note == "slow-chain":
        budget = options.timeout * CHAIN_BUDGET
        return Verdict(
            "unreachable", f"redirects took more than {budget:g} s in all", True, timeout=True
        )
    if fetch.note == "scheme":
        return Verdict("ok", f"redirects to {fetch.url} (not followed)")
    code = fetch.status or 0
    headers = fetch.headers or httpx.Headers()
    what = _phrase(code, fetch.reason)
    if code in options.accept:  # the user counts it as alive (--accept)
        return Verdict("ok", f"{what} (accepted)" if code >= 400 else what)
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return Verdict("blocked", f"{what} with a bot challenge (cf-mitigated: challenge)")
    if code < 400:
        return Verdict("ok", what)
    if code in (404, 410):
        return Verdict("dead", what)
    if code == 429:
        return Verdict("blocked", what, True, parse_retry_after(headers.get("retry-after")))
    if code in (401, 403, 451, 999):
        return Verdict("blocked", what)
    if code == 408 or code >= 500:
        return Verdict("unreachable", what, True, parse_retry_after(headers.get("retry-after")))
    return Verdict("unreachable", what)
