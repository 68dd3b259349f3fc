"""`mawgun --help` answers from a generated index without importing Typer or Rich (issue 18), and the
index says what the app says: regenerate it with `python -m mawgun.cli.fast_help` when this fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.main import get_command

from mawgun import __version__
from mawgun.cli.app import app
from mawgun.cli.fast_help import collect_index, render
from mawgun.cli.help_index import INDEX

MAWGUN = str(Path(sys.executable).parent / "mawgun")


def test_the_index_matches_the_app() -> None:
    assert collect_index(get_command(app)) == INDEX, "regenerate: python -m mawgun.cli.fast_help"


def test_top_level_help_lists_every_command_without_importing_typer_or_rich() -> None:
    code = (
        "import sys; sys.argv = ['mawgun', '--help']; from mawgun.cli.main import run; run(); "
        "heavy = sorted(m for m in ('typer', 'click', 'rich', 'sqlalchemy') if m in sys.modules); "
        "print('HEAVY', heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("HEAVY []")
    for name, _summary in INDEX["commands"]:
        assert f"\n  {name} " in result.stdout
    assert "Example: mawgun demo" in result.stdout


def test_the_console_script_answers_help_and_version() -> None:
    result = subprocess.run([MAWGUN, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("Usage: mawgun [OPTIONS] COMMAND")
    version = subprocess.run([MAWGUN, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"mawgun {__version__}"


def test_long_summaries_wrap_to_the_width() -> None:
    page = render(INDEX, 60)
    assert all(len(line) <= 60 for line in page.splitlines())
    assert "--per-report" in page  # an option name is never broken at its hyphen
