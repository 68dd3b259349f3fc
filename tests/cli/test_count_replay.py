"""A question `mawgun stats` answered from the rollup is asked again with its kept statement and the
database driver alone (`mawgun.cli.count_replay`, issue 18): the same rows as the library, every
write seen at once, nothing kept that the rollup did not answer, and nothing replayed on other code,
another schema or a month waiting for a refresh."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text

from mawgun.cli import count_replay
from mawgun.cli.filters import build_filter
from mawgun.cli.stats_fast import answer, ask
from mawgun.query.counts import count_events
from mawgun.store.db import ensure_schema, session_scope
from mawgun.store.rollup import refresh_rollups
from tests.cli.conftest import CLASH, EVENTS, add_events

MONTHLY = ["--by", "month,admin1", "--format", "json"]


def counted(db: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:  # type: ignore[type-arg]
    assert answer([*args, "--db", db])
    return json.loads(capsys.readouterr().out)


def kept_questions() -> list[str]:
    return list(count_replay.load())


def question(by: str = "month,admin1", **values: object) -> str:
    return ask(by, dict(values))


def count_in_new_process(db: str, module_test: str) -> tuple[list[dict], str]:  # type: ignore[type-arg]
    """The monthly count printed by `mawgun stats` in a fresh interpreter, and the sorted names of the
    modules it had loaded that meet `module_test` (a Python expression over `m`)."""
    code = (
        "import sys; from mawgun.cli.main import run; "
        f"sys.argv = ['mawgun', 'stats', *{MONTHLY!r}, '--db', {db!r}]; run(); "
        f"print('LOADED', sorted(m for m in sys.modules if {module_test}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out, loaded = result.stdout.rsplit("LOADED", 1)
    return json.loads(out), loaded.strip()


def test_a_rollup_answer_is_kept_and_replayed_with_the_same_rows(db, capsys) -> None:
    first = counted(db, MONTHLY, capsys)
    assert len(kept_questions()) == 1
    assert count_replay.replay(db, question()) == ("reviewed and draft events (not yet reviewed ones included)", first)
    assert counted(db, MONTHLY, capsys) == first


def test_a_replayed_count_imports_no_sqlalchemy(db, capsys) -> None:
    first = counted(db, MONTHLY, capsys)
    rows, loaded = count_in_new_process(db, "m.startswith(('sqlalchemy', 'mawgun.store.schema'))")
    assert rows == first
    assert loaded == "[]"


def test_keeping_a_statement_runs_it_once_and_counts_as_the_library_does(db, capsys) -> None:
    """The rows the driver gave the count itself are the ones checked against the library's rows: the
    statement is not run a second time, and the library still reads every row of it."""
    runs: list[str] = []

    def note(_conn, _cursor, statement: str, *_rest) -> None:  # type: ignore[no-untyped-def]
        runs.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        first = counted(db, MONTHLY, capsys)
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    assert len([sql for sql in runs if count_replay.MARKS in sql]) == 1
    assert len(kept_questions()) == 1
    with session_scope(db) as session:
        assert first == json.loads(json.dumps(count_events(session, ["month", "admin1"], build_filter())))


def test_a_replay_on_sqlite_imports_no_tempfile(tmp_path: Path, capsys) -> None:
    """The kept file is written without `tempfile` (and the shutil, bz2, lzma it imports; the full
    path has them anyway, through SQLAlchemy's importlib.metadata), so a replay on SQLite imports
    none (on PostgreSQL psycopg imports them itself: not asked there)."""
    db = f"sqlite:///{tmp_path / 'replay.db'}"
    ensure_schema(db)
    add_events(db, EVENTS)
    first = counted(db, MONTHLY, capsys)
    rows, loaded = count_in_new_process(db, "m in ('tempfile', 'shutil', 'bz2', 'lzma')")
    assert rows == first
    assert loaded == "[]"


def test_the_kept_file_is_readable_by_its_owner_only(db, capsys) -> None:
    counted(db, MONTHLY, capsys)
    assert count_replay.cache_file().stat().st_mode & 0o777 == 0o600
    assert [path.name for path in count_replay.cache_file().parent.iterdir()] == ["count-statements.json"]


def test_a_write_shows_at_once(db, capsys) -> None:
    counted(db, MONTHLY, capsys)
    add_events(db, [("2023-11-20", *CLASH, ["PDF"], ["MIL"], 4, "Magway", "Pauk")], prefix="ce-later", refresh=False)
    assert count_replay.replay(db, question()) is None  # its month waits for a refresh: counted in full
    rows = counted(db, MONTHLY, capsys)  # the full path refreshes the month (or counts live meanwhile)
    assert {(r["month"], r["admin1"]): r["events"] for r in rows}[("2023-11", "Magway")] == 2
    with session_scope(db) as session:
        refresh_rollups(session)  # done already, unless another refresh held the lock (shared PostgreSQL)
    assert count_replay.replay(db, question())[1] == rows  # type: ignore[index]


@pytest.mark.parametrize(
    "args",
    [
        ["--by", "actor", "-f", "json"],  # actors: counted live, then credited in Python
        ["--by", "month", "--since", "2023-08-05", "-f", "json"],  # a day range: the rollup holds months
        ["--by", "week", "-f", "json"],
    ],
)
def test_only_what_the_rollup_answered_is_kept(db, args, capsys) -> None:
    counted(db, args, capsys)
    assert kept_questions() == []


def test_other_code_forgets_every_kept_statement(db, capsys, monkeypatch) -> None:
    counted(db, MONTHLY, capsys)
    monkeypatch.setattr(count_replay, "fingerprint", lambda: "another version")
    assert kept_questions() == []
    assert count_replay.replay(db, question()) is None


def test_a_store_not_at_the_newest_schema_is_counted_in_full(db, capsys) -> None:
    counted(db, MONTHLY, capsys)
    with session_scope(db) as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    assert count_replay.replay(db, question()) is None


def test_an_unwritable_cache_keeps_nothing_and_the_count_still_answers(db, capsys, monkeypatch, tmp_path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MAWGUN_HOME", str(blocked))
    assert len(counted(db, MONTHLY, capsys)) == 3
    assert kept_questions() == []


def test_a_damaged_cache_file_is_ignored_and_replaced(db, capsys, own_home: Path) -> None:
    count_replay.cache_file().parent.mkdir(parents=True)
    count_replay.cache_file().write_text("{not json")
    assert len(counted(db, MONTHLY, capsys)) == 3
    assert len(kept_questions()) == 1


def test_each_question_is_kept_under_its_own_options(db, capsys) -> None:
    counted(db, MONTHLY, capsys)
    counted(db, [*MONTHLY, "--type", "Battles"], capsys)
    assert count_replay.replay(db, question(types="Battles"))[1] == [  # type: ignore[index]
        {"month": "2023-11", "admin1": "Magway", "events": 1, "fatalities": 3, "fatalities_low": 3,
         "fatalities_high": 3, "toll_known": 1, "toll_unknown": 0},
        {"month": "2024-01", "admin1": "Kachin", "events": 1, "fatalities": 0, "fatalities_low": 0,
         "fatalities_high": 0, "toll_known": 1, "toll_unknown": 0},
    ]  # fmt: skip
    assert len(kept_questions()) == 2


def test_a_statement_whose_rows_differ_from_the_librarys_is_not_kept(db, capsys, monkeypatch) -> None:
    monkeypatch.setattr(count_replay, "finish", lambda raw, keys: [])
    assert len(counted(db, MONTHLY, capsys)) == 3
    assert kept_questions() == []


def test_a_kept_entry_that_is_not_a_rollup_statement_is_not_replayed(db, capsys) -> None:
    counted(db, MONTHLY, capsys)
    entries = count_replay.load()
    for entry in entries.values():
        entry["sql"] = "SELECT 1 AS events"  # counts no marks: nothing says the rollup is current
    count_replay.save(entries)
    assert count_replay.replay(db, question()) is None
    count_replay.save({key: {"sql": "SELECT 1"} for key in entries})  # not even an entry
    assert count_replay.replay(db, question()) is None


def test_a_kept_file_edited_by_hand_is_counted_in_full(db, capsys) -> None:
    first = counted(db, MONTHLY, capsys)
    entries = count_replay.load()
    not_a_count = {"keys": ["events"], "sql": "SELECT 0 AS _marks, 'x' AS events"}
    for broken in ({"keys": "month,admin1"}, {"params": 7}, not_a_count):
        count_replay.save({key: entry | broken for key, entry in entries.items()})
        assert count_replay.replay(db, question()) is None
        assert counted(db, MONTHLY, capsys) == first


def test_a_kept_statement_that_writes_changes_nothing_in_the_store(db, capsys) -> None:
    first = counted(db, MONTHLY, capsys)
    entries = count_replay.load()
    writing = {"sql": "DELETE FROM canonical_events RETURNING 0 AS _marks, 1 AS events", "params": []}
    count_replay.save({key: entry | writing for key, entry in entries.items()})
    assert count_replay.replay(db, question()) is None  # refused by the read-only connection
    assert counted(db, MONTHLY, capsys) == first
