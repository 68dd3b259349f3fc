"""Every command is documented: `--help` works and shows an example (docs kept true by tests)."""

from __future__ import annotations

from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from mawgun.cli.main import app


def walk_commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """All command paths below the root, groups included (Typer bundles its own click: duck-type)."""
    found = [path] if path else []
    subcommands = getattr(command, "commands", None)
    if isinstance(subcommands, dict):
        for name, sub in sorted(subcommands.items()):
            found.extend(walk_commands(sub, (*path, name)))
    return found


ROOT = get_command(app)
COMMANDS = walk_commands(ROOT)


def test_the_cli_has_the_main_commands() -> None:
    names = {p[0] for p in COMMANDS}
    assert {"ingest", "extract", "events", "demo", "stats", "serve", "report", "geocode", "places"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "example" in result.output.lower(), f"`mawgun {' '.join(path)} --help` shows no example"
