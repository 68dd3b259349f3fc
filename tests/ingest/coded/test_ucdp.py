"""Importing UCDP GED rows: one event and one canonical event each, mapped to Mawgun's vocabulary.

The fixture (fixtures/ged-sample.csv) is written for these tests in GED's column layout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.ingest.coded import import_ucdp
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventActorRow, EventRow

SAMPLE = Path(__file__).parent / "fixtures" / "ged-sample.csv"


def imported(url: str) -> dict[str, EventRow]:
    with session_scope(url) as session:
        return {row.origin_id: row for row in session.scalars(select(EventRow))}


def test_each_good_row_becomes_one_event_and_one_canonical_event(store_url):
    with session_scope(store_url) as session:
        report = import_ucdp(session, SAMPLE)
    assert (report.read, report.imported) == (7, 5)
    with session_scope(store_url) as session:
        events = session.scalars(select(EventRow)).all()
        canonical = session.scalars(select(CanonicalEventRow)).all()
    assert sorted(e.origin_id for e in events) == ["900001", "900002", "900003", "900004", "900007"]
    assert {e.origin for e in events} == {"ucdp"} == {c.origin for c in canonical}
    assert sorted(e.canonical_id for e in events) == sorted(c.id for c in canonical)


def test_bad_rows_are_reported_with_their_line_and_reason(store_url):
    with session_scope(store_url) as session:
        report = import_ucdp(session, SAMPLE)
    assert [line for line, _ in report.problems] == [7, 8]
    assert "not-a-date" in report.problems[0][1]
    assert "type_of_violence" in report.problems[1][1]


def test_violence_types_map_to_acled_like_types(store_url):
    with session_scope(store_url) as session:
        import_ucdp(session, SAMPLE)
    rows = imported(store_url)
    assert (rows["900001"].event_type, rows["900001"].sub_event_type) == ("Battles", "Armed clash")
    assert (rows["900002"].event_type, rows["900002"].sub_event_type) == ("Violence against civilians", "Attack")
    assert rows["900004"].event_type == "Battles"  # non-state conflict: two armed groups


def test_fatalities_dates_and_places_are_kept(store_url):
    with session_scope(store_url) as session:
        import_ucdp(session, SAMPLE)
    rows = imported(store_url)
    first = rows["900001"]
    assert (first.fatalities, first.fatalities_low, first.fatalities_high) == (3, 2, 5)
    assert first.admin1 == "Sagaing" and first.admin2 == "Monywa district"
    assert rows["900002"].admin1 == "Magway"  # "Magway  region" with its double space
    ranged = rows["900003"]
    assert (ranged.date, ranged.date_end, ranged.date_precision) == (
        dt.date(2023, 10, 28),
        dt.date(2023, 10, 30),
        "week",
    )
    assert rows["900004"].date_precision == "month"
    assert rows["900007"].admin1 is None
    assert "Lashio" in rows["900003"].extra["source_headline"]


def test_sides_resolve_to_actor_codes_and_keep_ucdp_names(store_url):
    with session_scope(store_url) as session:
        import_ucdp(session, SAMPLE)
        canonical = {
            e.origin_id: session.get(CanonicalEventRow, e.canonical_id) for e in session.scalars(select(EventRow))
        }
        actors = session.execute(
            select(EventRow.origin_id, EventActorRow.role, EventActorRow.actor_id, EventActorRow.name).join(
                EventActorRow, EventActorRow.event_id == EventRow.id
            )
        ).all()
    assert canonical["900002"].actor1 == ["MIL"] and canonical["900002"].actor2 == ["CIV"]
    assert canonical["900003"].actor2 == ["TNLA"]  # UCDP names the TNLA's political wing, PSLF
    assert canonical["900007"].actor2 == ["AA"]
    assert ("900003", 2, "TNLA", "PSLF") in actors


def test_importing_twice_changes_nothing(store_url):
    for _ in range(2):
        with session_scope(store_url) as session:
            import_ucdp(session, SAMPLE)
    with session_scope(store_url) as session:
        counts = [session.scalar(select(func.count()).select_from(t)) for t in (EventRow, CanonicalEventRow)]
        n_actors = session.scalar(select(func.count()).select_from(EventActorRow))
    assert counts == [5, 5]
    assert n_actors == 10


def test_the_import_command_reports_what_it_did(sqlite_url):
    result = CliRunner().invoke(app, ["import", "ucdp", str(SAMPLE), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "7 rows read, 5 events imported, 2 rejected" in " ".join(result.output.split())


def test_the_import_command_refuses_a_missing_file(sqlite_url, tmp_path):
    result = CliRunner(env={"COLUMNS": "400"}).invoke(
        app, ["import", "ucdp", str(tmp_path / "no.csv"), "--db", sqlite_url]
    )
    assert result.exit_code != 0
    assert "is not a file" in result.output


def test_a_file_of_another_dataset_is_refused_before_anything_is_written(sqlite_url):
    acled = Path(__file__).parent / "fixtures" / "acled-sample.csv"
    result = CliRunner(env={"COLUMNS": "400"}).invoke(app, ["import", "ucdp", str(acled), "--db", sqlite_url])
    assert result.exit_code == 2
    assert "not a UCDP file" in result.output and "lacks the column(s) id, type_of_violence" in result.output
    with session_scope(sqlite_url) as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == 0
