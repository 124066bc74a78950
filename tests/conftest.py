"""Shared test helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The same generated examples on every run, so that CI's verdict is the code's, not the
# draw's; AWESOMELINT_HYPOTHESIS=explore draws new ones (to hunt for bugs, not to gate).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("AWESOMELINT_HYPOTHESIS", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real lists; tests using it skip on a fresh clone."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def _no_proxies_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The link checker goes through the proxies the environment names: a machine's own
    (a CI runner behind one) must not route the tests' local servers, so every test starts
    without them; the proxy tests set theirs."""
    for name in list(os.environ):
        if name.lower() in _PROXY_VARIABLES:
            monkeypatch.delenv(name)
