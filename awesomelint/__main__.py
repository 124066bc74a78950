"""``python -m awesomelint``."""

import gc

# what run() does first, done before the command line's imports: click's alone set off
# over a dozen collections of a heap that only grows (see run)
gc.disable()

from awesomelint.cli import run  # noqa: E402

run()
