"""The on-disk cache of link checks that succeeded.

One JSON file in the user cache directory (``$XDG_CACHE_HOME/awesomelint/links.json``,
else ``~/.cache/awesomelint/links.json``), keyed by the normalised URL without fragment.
Only links found fine (possibly moved or archived) are kept, each for ``ttl`` seconds;
failures are never cached, so a dead or flaky link is asked again on every run. Writes
are atomic (a temporary file renamed over the old one) and merge with entries another
run saved meanwhile. A missing, unreadable or corrupt cache is an empty cache: the cache
can make a run faster, never make it fail.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from awesomelint.links.status import LinkStatus

VERSION = 1


def default_path() -> Path:
    """``$XDG_CACHE_HOME/awesomelint/links.json`` (``~/.cache`` when unset or relative)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "awesomelint" / "links.json"


def _encode(status: LinkStatus, now: float) -> dict[str, Any]:
    return {
        "t": now,
        "url": status.url,
        "code": status.status_code,
        "detail": status.detail,
        "redirect": status.redirect,
        "final": status.final_url,
        "archived": status.archived,
        "via": status.via,
    }


def _decode(entry: Any) -> LinkStatus | None:
    if not isinstance(entry, dict):
        return None
    try:
        via = entry.get("via", "http")
        code = entry.get("code")
        return LinkStatus(
            url=str(entry["url"]),
            outcome="ok",
            detail=str(entry.get("detail", "")),
            status_code=code if isinstance(code, int) else None,
            redirect=entry.get("redirect") if isinstance(entry.get("redirect"), str) else None,
            final_url=entry.get("final") if isinstance(entry.get("final"), str) else None,
            archived=entry.get("archived") is True,
            via="github" if via == "github" else "http",
            from_cache=True,
        )
    except (KeyError, TypeError):
        return None


class LinkCache:
    """Successful checks younger than ``ttl`` seconds, loaded from and saved to ``path``."""

    def __init__(
        self, path: Path, ttl: float, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.ttl = ttl
        self._clock = clock
        self._entries: dict[str, dict[str, Any]] = {}
        self._new: dict[str, dict[str, Any]] = {}
        self._loaded = False

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if isinstance(v, dict)}

    def _fresh(self, entry: dict[str, Any], now: float) -> bool:
        t = entry.get("t")
        return isinstance(t, int | float) and 0 <= now - t < self.ttl

    def load(self) -> None:
        self._entries = self._read()
        self._loaded = True

    def get(self, key: str) -> LinkStatus | None:
        """The cached status of ``key`` if it is younger than the TTL."""
        if not self._loaded:
            self.load()
        entry = self._new.get(key) or self._entries.get(key)
        if entry is None or not self._fresh(entry, self._clock()):
            return None
        return _decode(entry)

    def put(self, key: str, status: LinkStatus) -> None:
        """Remember a successful check; anything else is ignored (never cached)."""
        if status.outcome != "ok" or status.from_cache:
            return
        self._new[key] = _encode(status, self._clock())

    def save(self) -> bool:
        """Write fresh entries (ours over what is on disk now); False if it failed."""
        if not self._new:
            return True
        now = self._clock()
        merged = {k: v for k, v in self._read().items() if self._fresh(v, now)}
        merged.update(self._new)
        payload = json.dumps({"version": VERSION, "entries": merged}, separators=(",", ":"))
        import tempfile  # (here: a run that adds nothing to the cache never writes it)

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".links-", suffix=".json", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(payload)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        self._entries, self._new = merged, {}
        return True
