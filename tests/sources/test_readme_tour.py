"""The README tour's web commands work, offline: its URLs are swapped for the local test site's."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.store.db import session_scope
from mawgun.store.schema import DocumentRow
from sources.testsite import Site

README = Path(__file__).resolve().parents[2] / "README.md"


def tour_commands(prefix: str) -> list[str]:
    """The commands in the README's tour table that start with `prefix`."""
    text = README.read_text(encoding="utf-8")
    return [c for c in re.findall(r"`(mawgun [^`]+)`", text) if c.startswith(prefix)]


def run_offline(command: str, site: Site, replacement: str, db: str) -> None:
    args = [replacement if a.startswith("https://") else a for a in shlex.split(command)[1:]]
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, f"{command}: {result.output}"


def test_the_tour_names_ingest_url_and_watch_once() -> None:
    assert tour_commands("mawgun ingest https://")
    assert tour_commands("mawgun sources add") and "mawgun watch --once" in tour_commands("mawgun watch")


def test_the_tour_commands_run_against_a_local_site(site: Site, sqlite_url: str) -> None:
    [ingest] = tour_commands("mawgun ingest https://")
    run_offline(ingest, site, site.url("/news/paletwa"), sqlite_url)
    [add] = tour_commands("mawgun sources add")
    run_offline(add, site, site.url("/feed.xml"), sqlite_url)
    run_offline("mawgun watch --once", site, "", sqlite_url)
    with session_scope(sqlite_url) as session:
        assert (session.scalar(select(func.count()).select_from(DocumentRow)) or 0) >= 6
