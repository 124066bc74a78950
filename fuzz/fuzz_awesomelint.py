"""Coverage-guided fuzzing of check and fix with atheris (not a project dependency).

    pip install atheris
    python fuzz/fuzz_awesomelint.py -atheris_runs=100000 fuzz/corpus/

Any exception other than FixError is a crash; a FixError, a span outside the text, a
non-idempotent fix or a lost URL is reported as a bug too (the promise of safe fixes).
"""

from __future__ import annotations

import re
import sys

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports():
    import awesomelint

URL = re.compile(r"https?://[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,:;!?*_~]")
ALL = {"select": ["ALL"]}


def test_one(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    for f in awesomelint.check(text, config=ALL):
        if not 0 <= f.start <= f.end <= len(text):
            raise AssertionError(f"span outside the text: {f}")
    fixed = awesomelint.fix(text, config=ALL)
    if awesomelint.fix(fixed, config=ALL) != fixed:
        raise AssertionError("fix is not idempotent")
    for url in URL.findall(text):
        if url not in fixed:
            raise AssertionError(f"lost URL {url!r}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
