"""``python -m awesomelint``."""

from awesomelint.cli import run

run()
