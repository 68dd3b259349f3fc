"""`mawgun export --format acled-csv` is a drop-in ACLED file: ACLED's columns and value conventions, read by
pandas like a file written to ACLED's codebook, and read back by `mawgun import acled` as the same events.

`fixtures/acled-codebook.csv` is written by hand for these tests to ACLED's codebook (its 31 columns, its
date format, inter codes and precision codes), about real events described in our own words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.ingest.coded.common import CodedEvent, write_events
from mawgun.model import ActorRef
from mawgun.report.acled import acled_columns
from mawgun.report.export import export_events
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventRow

CODEBOOK = Path(__file__).parent / "fixtures" / "acled-codebook.csv"
pd = pytest.importorskip("pandas")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def exported(url: str, path: Path) -> Path:
    run("export", "--format", "acled-csv", "--out", str(path), "--db", url)
    return path


def canonical_events(url: str) -> dict[str, dict[str, Any]]:
    """Canonical events by the id an ACLED export gives them (their ACLED id when imported)."""
    with session_scope(url) as session:
        origin_ids = {e.canonical_id: e.origin_id for e in session.scalars(select(EventRow))}
        rows = list(session.scalars(select(CanonicalEventRow)))
        return {
            (origin_ids.get(r.id) if r.origin == "acled" else None) or r.id: {
                "event_type": r.event_type,
                "sub_event_type": r.sub_event_type,
                "date": r.date,
                "date_precision": r.date_precision,
                "admin1": r.admin1,
                "admin2": r.admin2,
                "admin3": r.admin3,
                "location": r.location,
                "latitude": r.latitude,
                "longitude": r.longitude,
                "geo_precision": r.geo_precision,
                "actor1": r.actor1,
                "actor2": r.actor2,
                "fatalities": r.fatalities_best,
                "tags": sorted(t for t in r.tags if t != "civilian-targeting"),
            }
            for r in rows
        }


def test_the_header_is_acleds_codebook_header() -> None:
    assert acled_columns() == CODEBOOK.read_text(encoding="utf-8").splitlines()[0].split(",")


def test_pandas_reads_the_export_like_a_file_written_to_the_codebook(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    run("import", "acled", str(CODEBOOK), "--db", url)
    ours = pd.read_csv(exported(url, tmp_path / "ours.csv"))
    theirs = pd.read_csv(CODEBOOK)
    assert list(ours.columns) == list(theirs.columns)
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities"):
        assert ours[column].dtype == theirs[column].dtype == "int64", column
    for column in ("latitude", "longitude"):
        assert ours[column].dtype == theirs[column].dtype == "float64", column
    dates = pd.to_datetime(ours["event_date"], format="%d %B %Y")
    assert sorted(dates.dt.date) == sorted(pd.to_datetime(theirs["event_date"], format="%d %B %Y").dt.date)
    for column in ("event_id_cnty", "event_type", "actor1", "actor2", "inter1", "interaction", "admin1"):
        assert sorted(ours[column].fillna("").astype(str)) == sorted(theirs[column].fillna("").astype(str)), column
    assert (ours.set_index("event_id_cnty")["civilian_targeting"].fillna("")["MMRX0002"]) == "Civilian targeting"


def test_acled_rows_round_trip_through_mawgun(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    run("import", "acled", str(CODEBOOK), "--db", first)
    run("import", "acled", str(exported(first, tmp_path / "out.csv")), "--db", second)
    before, after = canonical_events(first), canonical_events(second)
    assert len(before) == 5 and before == after
    assert before["MMRX0005"]["date_precision"] == "month" and before["MMRX0004"]["date_precision"] == "week"
    assert before["MMRX0003"]["actor1"] == ["MNDAA", "TNLA", "AA"]


def mawgun_events() -> list[CodedEvent]:
    """Events as Mawgun codes them: unknown tolls, a state-only place, names outside ACLED's list."""
    day = dt.date(2023, 11, 20)
    return [
        CodedEvent(
            origin="mawgun",
            origin_id="state-only",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            date=day,
            date_precision="month",
            admin1="Chin",
            actor1=[ActorRef("MIL", "MIL")],
            actor2=[ActorRef("CDF", "CDF"), ActorRef("CNA", "CNA")],
        ),
        CodedEvent(
            origin="mawgun",
            origin_id="township",
            event_type="Battles",
            sub_event_type="Armed clash",
            date=day,
            admin1="Kayin",
            admin2="Myawaddy",
            admin3="Myawaddy",
            location="Thingannyinaung",
            latitude=16.77,
            longitude=98.54,
            geo_precision=1,
            fatalities_best=0,
            fatalities_low=0,
            fatalities_high=0,
            actor1=[ActorRef("KNLA", "KNLA"), ActorRef("Cobra Column", None)],
            actor2=[ActorRef("BGF", "BGF")],
            tags=["drone"],
        ),
    ]


def test_mawgun_events_round_trip_and_unknown_tolls_stay_unknown(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    with session_scope(first) as session:
        write_events(session, mawgun_events(), "test")
    out = tmp_path / "out.csv"
    with session_scope(first) as session:
        assert export_events(session, "acled-csv", out) == 2
    rows = pd.read_csv(out, keep_default_na=False).set_index("sub_event_type")
    strike = rows.loc["Air/drone strike"]
    assert strike["fatalities"] == 0 and strike["tags"] == "fatalities unknown"
    assert (strike["geo_precision"], strike["time_precision"], strike["location"]) == (3, 3, "Chin")
    assert 21 < strike["latitude"] < 24 and 93 < strike["longitude"] < 94.5  # Chin State's centroid
    assert strike["actor2"] == "CDF: Chinland Defence Force" and strike["civilian_targeting"] == ""
    clash = rows.loc["Armed clash"]
    assert clash["fatalities"] == 0 and clash["tags"] == "drone"
    assert clash["assoc_actor_1"] == "Cobra Column" and clash["interaction"] == 23
    run("import", "acled", str(out), "--db", second)
    before, after = canonical_events(first), canonical_events(second)
    assert sorted(before) == sorted(after)
    for key, event in before.items():
        event_after = after[key]
        assert event_after["fatalities"] == event["fatalities"]  # None stays None, 0 stays 0
        if event["latitude"] is None:  # a state-only event comes back placed at the state's centroid
            assert event_after["geo_precision"] == 3 and event_after["latitude"] is not None
            event_after = event_after | {k: event[k] for k in ("latitude", "longitude", "geo_precision", "location")}
        assert event_after == event


def test_every_export_places_a_state_only_event_at_its_state(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with session_scope(url) as session:
        write_events(session, mawgun_events()[:1], "test")
        export_events(session, "csv", tmp_path / "out.csv")
    [row] = pd.read_csv(tmp_path / "out.csv", keep_default_na=False).to_dict("records")
    assert (row["admin1"], row["admin1_pcode"], row["geo_precision"]) == ("Chin", "MMR004", 3)
    assert 21 < row["latitude"] < 24 and row["fatalities"] == ""  # unknown stays empty in Mawgun's CSV
