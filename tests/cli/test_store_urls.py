"""A --db URL that cannot work says why, before anything is created or a traceback is printed.

A mistyped SQLite path is refused by every command that only reads (no empty database and folders
appear); `mawgun init` (and ingest, demo, import) create the store. A PostgreSQL URL without the
psycopg driver names the extra to install.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mawgun.cli.main import app


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, list(args))
    return result.exit_code, re.sub(r"[\s│╭╮╰╯─]+", " ", result.output)


def test_a_mistyped_sqlite_path_is_not_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'evnts.db'}"
    for command in (["stats"], ["events"], ["export", "--format", "csv", "--out", str(tmp_path / "x.csv")]):
        code, output = run(*command, "--db", url)
        assert code == 2 and "no database at" in output and "mawgun init" in output
    assert not (tmp_path / "typo").exists()


def test_init_creates_the_store_that_other_commands_then_read(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store' / 'events.db'}"
    assert run("init", "--db", url)[0] == 0
    assert (tmp_path / "store" / "events.db").exists()
    assert run("stats", "--db", url)[0] == 0


def test_postgresql_without_its_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a))
    code, output = run("stats", "--db", "postgresql://monitor@localhost/mawgun")
    assert code == 2 and "mawgun[postgres]" in output and "Traceback" not in output
