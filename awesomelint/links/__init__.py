"""Link helpers shared by the link rules and the link checker."""

from __future__ import annotations

from awesomelint.links.urls import normalize, title_from_url

__all__ = ["normalize", "title_from_url"]
