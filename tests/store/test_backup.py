"""`mawgun backup` / `mawgun restore`, and `mawgun demo --fresh` that will not wipe a real store
(issue 15, point 6)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.ingest import ingest_paths
from mawgun.store.db import session_scope
from mawgun.store.repository import list_documents


def fill(url: str, folder: Path, n: int, prefix: str = "Report") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}-{i:03}.txt").write_text(
            f"{prefix} {i}: soldiers burned houses in a village of Sagaing Region in March 2024.", encoding="utf-8"
        )
    ingest_paths([folder], url, progress=False)


def doc_ids(url: str) -> list[str]:
    with session_scope(url) as session:
        return sorted(d.doc_id for d in list_documents(session, limit=None))


def test_backup_while_writing_then_restore_gives_the_same_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    fill(url, tmp_path / "a", 50)
    writer = threading.Thread(target=fill, args=(url, tmp_path / "b", 50, "Late"))
    writer.start()  # the backup is taken while another ingest writes
    backup = tmp_path / "backups" / "copy.db"
    result = CliRunner().invoke(app, ["backup", str(backup), "--db", url])
    writer.join()
    assert result.exit_code == 0, result.output
    copied = doc_ids(f"sqlite:///{backup}")
    assert len(copied) in (50, 100)  # a consistent copy: the late batch entirely or not at all
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = CliRunner().invoke(app, ["restore", str(backup), "--db", target])
    assert restored.exit_code == 0, restored.output
    assert doc_ids(target) == copied


def test_restore_refuses_to_replace_a_store_with_documents_unless_confirmed(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    fill(source, tmp_path / "a", 3)
    backup = tmp_path / "copy.db"
    assert CliRunner().invoke(app, ["backup", str(backup), "--db", source]).exit_code == 0
    target = f"sqlite:///{tmp_path / 'target.db'}"
    fill(target, tmp_path / "b", 5, "Other")
    refused = CliRunner().invoke(app, ["restore", str(backup), "--db", target])
    assert refused.exit_code == 2 and "--yes" in refused.output
    assert len(doc_ids(target)) == 5
    done = CliRunner().invoke(app, ["restore", str(backup), "--db", target, "--yes"])
    assert done.exit_code == 0, done.output
    assert doc_ids(target) == doc_ids(source)


def test_restore_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(app, ["restore", str(junk), "--db", f"sqlite:///{tmp_path / 't.db'}"])
    assert result.exit_code == 2 and "not a SQLite database" in " ".join(result.output.split())


def test_demo_fresh_refuses_to_wipe_a_store_that_is_not_the_demos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "demo-article.txt").write_text("Fighting was reported in Mindat in May 2021.", encoding="utf-8")
    monkeypatch.setattr("mawgun.demo.run.corpus_dir", lambda: corpus)
    monkeypatch.setattr("mawgun.demo.run.run_pipeline", lambda url, console: None)
    url = f"sqlite:///{tmp_path / 'real.db'}"
    fill(url, tmp_path / "real", 4)
    monkeypatch.setenv("MAWGUN_DATABASE_URL", url)
    refused = CliRunner().invoke(app, ["demo", "--fresh"])
    assert refused.exit_code == 2
    assert "4 documents" in refused.output and "--yes" in refused.output
    assert len(doc_ids(url)) == 4
    confirmed = CliRunner().invoke(app, ["demo", "--fresh", "--yes"])
    assert confirmed.exit_code == 0, confirmed.output
    assert len(doc_ids(url)) == 1
    again = CliRunner().invoke(app, ["demo", "--fresh"])  # the demo's own store: no question asked
    assert again.exit_code == 0, again.output


@pytest.fixture
def scratch_postgres() -> Iterator[Callable[[], str]]:
    """Fresh PostgreSQL databases on the test server (pg_dump / pg_restore work on whole databases, so
    each test store is a database of its own, dropped afterwards); skipped without the server or tools."""
    import os
    import shutil
    import uuid

    base = os.environ.get("MAWGUN_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("MAWGUN_TEST_POSTGRES_URL is not set")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump / pg_restore are not installed")
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    made: list[str] = []

    def make() -> str:
        name = f"mawgun_backup_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return make_url(base).set(database=name).render_as_string(hide_password=False)

    yield make
    from mawgun.store.db import get_engine

    get_engine.cache_clear()  # close pooled connections before dropping their databases
    with psycopg.connect(admin, autocommit=True) as connection:
        for name in made:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgres_backup_and_restore_give_the_same_store(scratch_postgres, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source, target = scratch_postgres(), scratch_postgres()
    fill(source, tmp_path / "a", 12)
    backup = tmp_path / "store.dump"
    made = CliRunner().invoke(app, ["backup", str(backup), "--db", source])
    assert made.exit_code == 0, made.output
    assert backup.stat().st_size > 0
    fill(target, tmp_path / "b", 3, "Other")
    refused = CliRunner().invoke(app, ["restore", str(backup), "--db", target])
    assert refused.exit_code == 2 and len(doc_ids(target)) == 3  # a store with documents is not replaced unasked
    done = CliRunner().invoke(app, ["restore", str(backup), "--db", target, "--yes"])
    assert done.exit_code == 0, done.output
    assert doc_ids(target) == doc_ids(source) and len(doc_ids(target)) == 12
