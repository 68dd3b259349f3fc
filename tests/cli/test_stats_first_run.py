"""The first run of a `mawgun stats` question the rollup answers counts on a Core connection
(`mawgun.cli.stats_fast.count_from_rollup`: the query layer's own rollup statement, no ORM, no mapped
schema, no session; issue 18); anything else - a month waiting for a refresh, a store not at the newest
schema, a filter the rollup does not hold - is counted through a session as before, with the same rows."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text

from mawgun.cli import count_replay, stats_fast
from mawgun.cli.filters import build_filter
from mawgun.cli.stats_fast import answer
from mawgun.query import rollup_sql
from mawgun.query.counts import count_events
from mawgun.store.db import session_scope
from tests.cli.conftest import CLASH, add_events
from tests.cli.test_count_replay import MONTHLY, count_in_new_process, counted, kept_questions


@pytest.fixture
def paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which path answered each count: "core" (count_from_rollup) or "session" (count_answer)."""
    taken: list[str] = []
    core, full = stats_fast.count_from_rollup, stats_fast.count_answer

    def on_core(*args: Any) -> Any:
        found = core(*args)
        taken.append("core" if found else "declined")
        return found

    def on_session(*args: Any) -> Any:
        taken.append("session")
        return full(*args)

    monkeypatch.setattr(stats_fast, "count_from_rollup", on_core)
    monkeypatch.setattr(stats_fast, "count_answer", on_session)
    return taken


def library(db: str, by: list[str], **options: str) -> list[dict]:  # type: ignore[type-arg]
    with session_scope(db) as session:
        return json.loads(json.dumps(count_events(session, by, build_filter(**options))))


def test_a_first_run_imports_no_orm_and_no_mapped_schema(db) -> None:
    rows, loaded = count_in_new_process(db, "m.startswith(('sqlalchemy.orm', 'mawgun.store.schema'))")
    assert rows == library(db, ["month", "admin1"])
    assert loaded == "[]"
    assert len(kept_questions()) == 1  # kept, and replayed next time (test_count_replay)


@pytest.mark.parametrize(
    ("args", "options"),
    [
        (MONTHLY, {}),
        (["--by", "year,event_type", "--review", "reviewed", "-f", "json"], {"review": "reviewed"}),
        (["--by", "admin1", "--admin1", "sagaing region,Magway", "-f", "json"], {"admin1": "sagaing region,Magway"}),
        (["--by", "month", "--since", "2023-08-01", "--until", "2023-11-30", "-f", "json"],
         {"since": "2023-08-01", "until": "2023-11-30"}),
    ],
)  # fmt: skip
def test_the_core_path_answers_what_the_library_counts(db, args, options, capsys, paths) -> None:
    by = args[args.index("--by") + 1].split(",")
    assert counted(db, args, capsys) == library(db, by, **options)
    assert paths == ["core"]


def test_a_month_waiting_for_a_refresh_is_counted_through_a_session(db, capsys, paths) -> None:
    add_events(db, [("2023-11-20", *CLASH, ["PDF"], ["MIL"], 4, "Magway", "Pauk")], prefix="ce-later", refresh=False)
    rows = counted(db, MONTHLY, capsys)
    assert paths == ["declined", "session"]
    assert {(r["month"], r["admin1"]): r["events"] for r in rows}[("2023-11", "Magway")] == 2


def test_a_store_not_at_the_newest_schema_is_counted_through_a_session(db, capsys, paths) -> None:
    first = library(db, ["month", "admin1"])
    with session_scope(db) as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    assert counted(db, MONTHLY, capsys) == first  # the session's path migrates the store first
    assert paths == ["declined", "session"]


def test_a_filter_the_rollup_does_not_hold_goes_through_a_session(db, capsys, paths) -> None:
    counted(db, ["--by", "actor", "-f", "json"], capsys)
    assert paths == ["declined", "session"]


def test_the_replay_reads_the_marks_the_query_layer_counts() -> None:
    assert count_replay.MARKS == rollup_sql.MARKS


def test_a_bad_group_key_is_still_typers_usage_error(db, capsys) -> None:
    assert answer(["--by", "colour", "--db", db]) is False
    assert capsys.readouterr().out == ""
