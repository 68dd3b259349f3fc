"""Two ingests of the same files at once both succeed and store each document once (issue 15, point 10).

Both processes also start on a store that does not exist yet, so their migrations race too. Whether
two real processes collide depends on timing, so the collision is also made to happen every time:
another connection stores the document between this ingest's check and its insert.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import event

from mawgun.ingest import ingest_paths
from mawgun.store.db import get_engine, migrate

from .conftest import stored_documents

MAWGUN = str(Path(sys.executable).parent / "mawgun")


def test_two_ingests_of_the_same_files_at_once_both_succeed(tmp_path: Path) -> None:
    files = tmp_path / "in"
    files.mkdir()
    for n in range(60):
        (files / f"{n:03}.txt").write_text(
            f"Report {n}: fighting was reported near township number {n} in Sagaing Region in May 2024.",
            encoding="utf-8",
        )
    url = f"sqlite:///{tmp_path / 'store.db'}"
    command = [MAWGUN, "ingest", str(files), "--db", url, "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert code == 0, (err + out)[-1500:]
        assert "IntegrityError" not in out + err
    reports = [json.loads(out) for _, out, _ in results]
    assert sum(r["read"] for r in reports) == 60
    assert all(r["read"] + r["skipped"] == 60 for r in reports)
    assert len(stored_documents(url)) == 60


def test_a_document_another_process_stores_between_check_and_insert_is_skipped_not_failed(tmp_path: Path) -> None:
    """The race of two ingests, made certain: the same row is committed by another connection just
    before this ingest's INSERT of it (after its check found nothing)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(
        "Fighting was reported near Kawlin in Sagaing Region on 6 November 2023, residents said.", encoding="utf-8"
    )
    db = tmp_path / "store.db"
    url = f"sqlite:///{db}"
    migrate(url)
    raced: list[str] = []

    def store_it_first(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if raced or not statement.lstrip().upper().startswith("INSERT INTO DOCUMENTS"):
            return
        plain = re.sub(r"\s+RETURNING\s.*$", "", statement, flags=re.S | re.I)  # the same row, as another writer
        with closing(sqlite3.connect(db, timeout=10)) as other:
            other.execute(plain, parameters)
            other.commit()
        raced.append(statement)

    engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", store_it_first)
    try:
        report = ingest_paths([tmp_path / "in"], url, progress=False)
    finally:
        event.remove(engine, "before_cursor_execute", store_it_first)
    assert raced, "the ingest never inserted a document"
    assert [(e.status, e.reason) for e in report.entries] == [("skipped", "already stored")]
    assert len(stored_documents(url)) == 1
