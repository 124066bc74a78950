"""Check or fix several files in worker processes, when there is enough text to pay for
starting them (pre-commit passes every changed file at once; ``check docs/`` walks many).

Results come back in the order of the files, so the reports and messages are those of a
sequential run. Workers send back findings and text, not Documents (pickling one costs
about as much as parsing it): the report gets a Document that can only place findings,
which is all a report uses of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from awesomelint.document import Document, split_lines

if TYPE_CHECKING:
    from concurrent.futures import Future

# Below this much text a sequential run is done before workers would have started.
MIN_BYTES = 256 * 1024

J = TypeVar("J")
R = TypeVar("R")


def cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def worker_count(paths: Sequence[str], min_bytes: int | None = None) -> int:
    """How many processes to use for ``paths``: 1 (no workers) for a single file, stdin,
    a single CPU, or too little text in all; at most $AWESOMELINT_JOBS when set."""
    if len(paths) < 2 or "-" in paths:
        return 1
    n = cpus()
    limit = os.environ.get("AWESOMELINT_JOBS", "")
    if limit.isdigit():
        n = min(n, int(limit))
    if n < 2:
        return 1
    min_bytes = MIN_BYTES if min_bytes is None else min_bytes
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            return 1  # the sequential run reports it
    return 1 if total < min_bytes else min(n, len(paths))


def run(fn: Callable[[J], R], jobs: Sequence[J], workers: int) -> Iterator[R]:
    """``fn`` over ``jobs``, results in order; in ``workers`` processes when more than
    one. An exception in a job is raised when its result is reached (the later jobs are
    cancelled), as a sequential run would raise it."""
    if workers <= 1 or len(jobs) < 2:
        yield from map(fn, jobs)
        return
    # imported here: multiprocessing and concurrent.futures take longer to import than
    # a small file takes to check
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with every module already imported (no second start-up)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context)
    try:
        futures: list[Future[R]] = [pool.submit(fn, job) for job in jobs]
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def placing_document(text: str) -> Document:
    """A Document of ``text``'s lines only (no headings, items, links...): enough to turn
    a finding's offsets into lines and columns, which is what a report needs."""
    starts, ends = split_lines(text)
    return Document(text, starts, ends, (), (), (), (), (), ())
