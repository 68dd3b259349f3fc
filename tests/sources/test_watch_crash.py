"""Crash test of `mawgun watch` (issue 15): SIGKILL at random moments of a round (seeded), then a
rerun, must leave the store a clean round leaves: the same documents, event reports, canonical events
and evidence, nothing left unextracted, no document read twice, and a store every command opens.
CI-sized (3 kills); bench/crash_kill.py runs it among its 100 kills."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from sources.conftest import CRASH_FETCH, CRASH_SITE_TIMEOUT_S
from sources.test_watch import add_site_sources
from sources.test_watch_restart import MAWGUN, kill_when, run_once
from sources.testsite import Site

KILLS = 3


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store, its write-ahead log included (SQLite's backup API)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def snapshot(db: Path) -> dict[str, object]:
    """What a clean and a killed-then-rerun store are compared on."""
    with sqlite3.connect(db) as connection:
        one = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": sorted(r[0] for r in connection.execute("SELECT id FROM documents")),
            "events": sorted(r[0] for r in connection.execute("SELECT id FROM events")),
            "canonical_events": one("SELECT count(*) FROM canonical_events"),
            "evidence": one("SELECT count(*) FROM evidence"),
            "unprocessed": one("SELECT count(*) FROM documents WHERE processed_at IS NULL"),
            "read_twice": one(
                "SELECT count(*) FROM (SELECT document_id FROM ingest_log WHERE status = 'read' "
                "AND document_id IS NOT NULL GROUP BY document_id HAVING count(*) > 1)"
            ),
        }


def crash_env(site: Site, tmp_path: Path) -> dict[str, str]:
    """Fetch timeouts with room for a loaded machine (the clean round must be the same every time)."""
    site.state["timeout_s"] = CRASH_SITE_TIMEOUT_S
    return {**os.environ, **CRASH_FETCH, "MAWGUN_HOME": str(tmp_path / "home")}


def test_watch_killed_at_random_moments_ends_as_a_clean_round(site: Site, tmp_path: Path) -> None:
    env = crash_env(site, tmp_path)
    template = tmp_path / "template.db"
    add_site_sources(f"sqlite:///{template}", site)
    clean = tmp_path / "clean.db"
    copy_store(template, clean)
    started = time.monotonic()
    assert run_once(f"sqlite:///{clean}", env).returncode == 0
    clean_s = time.monotonic() - started
    expected = snapshot(clean)
    assert len(expected["documents"]) == 9 and expected["events"]  # type: ignore[arg-type]
    rng = random.Random(15)
    for trial in range(KILLS):
        db = tmp_path / f"killed-{trial}.db"
        copy_store(template, db)
        delay = rng.uniform(0.1, clean_s)
        process = subprocess.Popen([*MAWGUN, "watch", "--once", "--db", f"sqlite:///{db}"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        rerun = run_once(f"sqlite:///{db}", env)
        assert rerun.returncode == 0, (trial, round(delay, 2), rerun.stderr[-500:])  # the store opens and works
        assert snapshot(db) == expected, (trial, round(delay, 2))


def test_watch_killed_once_every_document_is_stored_extracts_them_on_the_rerun(site: Site, tmp_path: Path) -> None:
    """Killed after the last document is stored, during extraction: the rerun reads nothing new from
    the sources (they are not due) and must still extract what the killed round left."""
    env = crash_env(site, tmp_path)
    clean, db = tmp_path / "clean.db", tmp_path / "killed.db"
    for path in (clean, db):
        add_site_sources(f"sqlite:///{path}", site)
    assert run_once(f"sqlite:///{clean}", env).returncode == 0
    expected = snapshot(clean)
    process = subprocess.Popen([*MAWGUN, "watch", "--once", "--db", f"sqlite:///{db}"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    kill_when(process, f"sqlite:///{db}", at_least=len(expected["documents"]))  # type: ignore[arg-type]
    assert run_once(f"sqlite:///{db}", env).returncode == 0
    assert snapshot(db) == expected
