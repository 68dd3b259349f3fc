"""Entry point of the `mawgun` command: `mawgun --help` and `--version` answer without importing Typer.

Building the Typer app imports Typer, Click and every stage's command module, and Typer renders help
with Rich: about 0.2 CPU seconds before anything is printed. The top-level help only lists the
commands, so it is printed from `mawgun.cli.help_index` (the commands' names and summaries, generated
from the app and held to it by `tests/cli/test_fast_help.py`) in plain text. Everything else, including
every command's own `--help`, goes through the app (`mawgun.cli.app`), except `mawgun stats` with
only its counting options, which `mawgun.cli.stats_fast` answers without Typer.
"""

from __future__ import annotations

import sys
from typing import Any


def run() -> None:
    """Console-script entry point."""
    args = sys.argv[1:]
    if args == ["--help"]:
        from mawgun.cli.fast_help import print_top_help

        print_top_help()
        return
    if args == ["--version"]:
        from mawgun import __version__

        print(f"mawgun {__version__}")
        return
    if args[:1] == ["stats"]:
        from mawgun.cli.stats_fast import answer

        if answer(args[1:]):
            return
    from mawgun.cli.app import app

    app()


def __getattr__(name: str) -> Any:
    """`app` (and the other names of `mawgun.cli.app`) stay importable from here."""
    if name.startswith("__"):  # the import system probes __path__ etc.: that must not build the app
        raise AttributeError(name)
    from mawgun.cli import app as module

    return getattr(module, name)
