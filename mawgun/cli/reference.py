"""The CLI reference page (docs/cli.md), generated from the commands' own `--help`.

`docs/cli.md` holds a cog block that calls `cli_reference()`; `cog -r docs/cli.md` rewrites it and
`cog --check docs/cli.md` (run by tests/cli/test_reference.py) fails when the page and the commands
disagree, so the page cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner

WIDTH = "100"


def command_paths(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command, as the words that call it, in the order `--help` lists them."""
    paths = [prefix]
    if hasattr(command, "list_commands"):  # a group (Typer's own click)
        ctx = command.context_class(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                paths.extend(command_paths(sub, (*prefix, name)))
    return paths


def help_text(app: typer.Typer, path: tuple[str, ...]) -> str:
    """`mawgun <path> --help` as plain text at a fixed width (no colour)."""
    env = {"COLUMNS": WIDTH, "TERM": "dumb", "NO_COLOR": "1", "MAWGUN_DATABASE_URL": ""}
    result = CliRunner(env=env).invoke(app, [*path, "--help"], prog_name="mawgun")
    return "\n".join(line.rstrip() for line in result.output.strip().splitlines())


def cli_reference() -> str:
    """Markdown: one section per command with its `--help` output."""
    from mawgun.cli.main import app

    sections = []
    for path in command_paths(typer.main.get_command(app)):
        title = " ".join(("mawgun", *path))
        sections.append(f"## `{title}`\n\n```\n{help_text(app, path)}\n```\n")
    return "\n".join(sections)
