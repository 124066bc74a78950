"""The command line: the only package that prints or exits.

Exit codes: 0 clean, 1 findings (or changes with ``fix --diff``), 2 usage or input error.

One module per command (``check``, ``fix``, ``rules`` with ``rule``, ``review``), with
what they share in ``runner`` (selection, per-file settings, worker settings), ``params``
(the shared click options) and ``linkpass`` (the network pre-pass).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

import click

from awesomelint import __version__
from awesomelint.errors import AwesomelintError


class _Commands(click.Group):
    """The commands, each imported when it runs (or when --help lists it): ``check`` does
    not pay for building ``fix``, ``rules`` or ``review``."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return ["check", "fix", "review", "rule", "rules"]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        # import statements, not importlib: -X importtime (the start-up metric) sees them
        if cmd_name == "check":
            from awesomelint.cli.check import check

            return check
        if cmd_name == "fix":
            from awesomelint.cli.fix import fix

            return fix
        if cmd_name == "review":
            from awesomelint.cli.review import review

            return review
        if cmd_name == "rule":
            from awesomelint.cli.rules import rule_cmd

            return rule_cmd
        if cmd_name == "rules":
            from awesomelint.cli.rules import rules_cmd

            return rules_cmd
        return None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="awesomelint")
def cli() -> None:
    """Lint and fix awesome-style Markdown lists."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI, turning every expected error into one line and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except click.exceptions.Abort:
        click.echo("awesomelint: aborted", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"awesomelint: error: {exc.format_message()}", err=True)
        return 2
    except AwesomelintError as exc:
        click.echo(f"awesomelint: error: {exc}", err=True)
        return 2
    except RecursionError:
        click.echo("awesomelint: error: document nested too deeply to parse", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a bug: still one line, never a traceback for users
        if os.environ.get("AWESOMELINT_DEBUG"):
            raise
        click.echo(
            f"awesomelint: internal error: {type(exc).__name__}: {exc} "
            "(set AWESOMELINT_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        return 2
    return 0


def run() -> None:
    """Console-script entry point."""
    # A short process that builds large acyclic Documents: the cyclic GC would only
    # rescan them (a tenth of the time on a big file); reference counting frees them.
    gc.disable()
    code = main()
    # The interpreter's exit still runs a full collection over every object left: ~40 ms
    # after a link check's thousands of tasks, frames and connections. A process about
    # to end need not free its cycles: leave them to the operating system.
    gc.freeze()
    # Its teardown then frees every object one by one (~5 ms after a big list's
    # Document): once the output is flushed, nothing is left for it to do - the pools
    # are shut down, the files written and closed, and no atexit hook is ours. A flush
    # that fails (a closed pipe) takes the interpreter's exit, which reports it as before.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        sys.exit(code)
    os._exit(code)
