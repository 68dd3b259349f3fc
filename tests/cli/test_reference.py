"""The CLI reference page (docs/cli.md) is generated from `--help` and must match the commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "cli.md"


def cog_check(page: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", str(page)], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_the_cli_reference_page_matches_every_commands_help() -> None:
    result = cog_check(PAGE)
    assert result.returncode == 0, "docs/cli.md drifted from the commands: run `.venv/bin/cog -r docs/cli.md`"


def test_a_page_that_drifted_fails_the_check(tmp_path: Path) -> None:
    stale = tmp_path / "cli.md"
    stale.write_text(PAGE.read_text(encoding="utf-8").replace("Show the version.", "Show it."), encoding="utf-8")
    assert cog_check(stale).returncode != 0


def test_every_command_has_a_section() -> None:
    from typer.main import get_command

    from mawgun.cli.main import app
    from mawgun.cli.reference import command_paths

    text = PAGE.read_text(encoding="utf-8")
    missing = [p for p in command_paths(get_command(app)) if f"## `{' '.join(('mawgun', *p))}`" not in text]
    assert missing == []


READERS = ("cli/options.py", "cli/filters.py", "cli/stats_fast.py")


def test_shared_options_are_declared_once() -> None:
    """`--db` and the event filter's options are declared in mawgun/cli/options.py and nowhere else
    (`mawgun documents` has its own --since/--until: publication dates of documents). Their checks
    (`filters.py`) name them in messages, and `mawgun stats`'s Typer-free reader (`stats_fast.py`)
    reads them: tests/cli/test_stats_fast.py holds it to the declaration."""
    declared = [
        f"{path.relative_to(ROOT)}"
        for path in sorted((ROOT / "mawgun").rglob("*.py"))
        for option in ('"--db"', '"--alliance"', '"--admin1"', '"--actor"', '"--per-report"')
        if option in path.read_text(encoding="utf-8") and path.relative_to(ROOT / "mawgun").as_posix() not in READERS
    ]
    assert declared == []
