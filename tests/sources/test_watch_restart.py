"""A watcher killed with SIGKILL mid-round and restarted ends with the same documents as one never stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from mawgun.store.db import session_scope
from mawgun.store.schema import DocumentRow, IngestLogRow
from sources.conftest import FAST_FETCH
from sources.test_watch import add_site_sources
from sources.testsite import Site

MAWGUN = [str(Path(sys.executable).parent / "mawgun")]  # the console script of this environment


def watch_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, **FAST_FETCH, "MAWGUN_HOME": str(tmp_path / "home")}


def run_once(url: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*MAWGUN, "watch", "--once", "--db", url], env=env, capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip


def documents(url: str) -> set[tuple[str, str | None]]:
    with session_scope(url) as session:
        return set(session.execute(select(DocumentRow.id, DocumentRow.origin)).tuples())


def count_documents(url: str) -> int:
    with session_scope(url) as session:
        return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)


def kill_when(process: subprocess.Popen[str], url: str, at_least: int, limit_s: float = 120) -> int:
    """SIGKILL the watcher as soon as the store holds `at_least` documents; the count at that moment."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and process.poll() is None:
        count = count_documents(url)
        if count >= at_least:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(30)
            return count
        time.sleep(0.05)
    process.kill()
    raise AssertionError(f"the watcher stored fewer than {at_least} documents in {limit_s} s")


def test_kill_9_and_restart_ends_with_the_same_documents_as_an_uninterrupted_run(site: Site, tmp_path: Path) -> None:
    env = watch_env(tmp_path)
    straight = f"sqlite:///{tmp_path / 'straight.db'}"
    killed = f"sqlite:///{tmp_path / 'killed.db'}"
    for url in (straight, killed):
        add_site_sources(url, site)

    done = run_once(straight, env)
    assert done.returncode == 0, done.stderr
    expected = documents(straight)
    assert len(expected) == 9

    process = subprocess.Popen([*MAWGUN, "watch", "--db", killed], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    at_kill = kill_when(process, killed, at_least=5)
    assert process.returncode == -signal.SIGKILL
    assert 5 <= at_kill < len(expected)  # killed mid-round, with articles still to fetch

    restarted = run_once(killed, env)
    assert restarted.returncode == 0, restarted.stderr
    assert documents(killed) == expected
    with session_scope(killed) as session:  # no document was read twice across the two runs
        reads = session.execute(
            select(IngestLogRow.document_id, func.count()).where(IngestLogRow.status == "read")
            .group_by(IngestLogRow.document_id)
        ).all()  # fmt: skip
        pending = select(func.count()).select_from(DocumentRow).where(DocumentRow.processed_at.is_(None))
        unprocessed = session.scalar(pending)
    assert len(reads) == len(expected) and all(n == 1 for _doc, n in reads)
    assert unprocessed == 0  # the restart also extracted what the killed run left
