"""`mawgun stats` and its subcommands print the library's answers as table, CSV or JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.store.db import session_scope

AIR = ("Explosions/Remote violence", "Air/drone strike")
CAPTURE = ("Battles", "Non-state actor overtakes territory")


@pytest.fixture
def db(sqlite_url, build):
    with session_scope(sqlite_url) as session:
        b = build(session)
        b.canonical("2023-08-03", *AIR, ["MIL"], ["CIV"], 5, admin1="Sagaing", admin3="Kanbalu")
        b.canonical("2023-08-09", *AIR, ["MIL"], ["CIV"], 2, admin1="Sagaing", admin3="Kanbalu")
        b.canonical("2023-11-06", *CAPTURE, ["PDF"], ["MIL"], 3, admin1="Sagaing", location="Kawlin")
    return sqlite_url


def run(db: str, *args: str) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def test_stats_prints_counts_by_month_and_state_as_json(db):
    rows = json.loads(run(db, "stats", "--by", "month,admin1", "--format", "json"))
    assert [(r["month"], r["admin1"], r["events"], r["fatalities"]) for r in rows] == [
        ("2023-08", "Sagaing", 2, 7),
        ("2023-11", "Sagaing", 1, 3),
    ]


def test_stats_prints_csv_with_a_header(db):
    lines = run(db, "stats", "--by", "sub_event_type", "--format", "csv").splitlines()
    assert lines[0] == "sub_event_type,events,fatalities,fatalities_low,fatalities_high,toll_known,toll_unknown"
    assert "Air/drone strike,2,7,7,7,2,0" in lines


def test_stats_prints_a_table_by_default(db):
    assert "2023-08" in run(db, "stats", "--by", "month")


def test_stats_peak_compare_places_and_pairs(db):
    peak = json.loads(run(db, "stats", "peak", "--unit", "month", "-f", "json"))
    compare = json.loads(run(db, "stats", "compare", "--pivot", "2023-10-27", "--before-days", "150", "-f", "json"))
    places = json.loads(run(db, "stats", "places", "--level", "admin3", "-f", "json"))
    pairs = json.loads(run(db, "stats", "pairs", "-f", "json"))
    assert (peak["period"], peak["events"]) == ("2023-08", 2)
    assert compare["events"] == {"before": 2, "after": 1, "change": -1, "change_pct": -50.0}
    assert places[0]["place"] == "Kanbalu"
    assert (pairs[0]["actor1"], pairs[0]["actor2"], pairs[0]["events"]) == ("MIL", "CIV", 2)
    assert "events before" in run(db, "stats", "compare", "--pivot", "2023-10-27")


def test_stats_control_answers_who_holds_what_and_what_changed(db):
    held = json.loads(run(db, "stats", "control", "--as-of", "2024-03-31", "-f", "json"))
    changed = json.loads(
        run(db, "stats", "control", "--changes-since", "2023-10-27", "--changes-until", "2024-03-31", "-f", "json")
    )
    assert [(r["place"], r["holder"]) for r in held] == [("Kawlin", "PDF")]
    assert [(r["place"], r["holder_now"]) for r in changed] == [("Kawlin", "PDF")]
    assert "Kawlin" in run(db, "stats", "control", "--as-of", "2024-03-31")


def test_stats_claims_prints_an_empty_list_when_no_source_reported_figures(db):
    assert json.loads(run(db, "stats", "claims", "-f", "json")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--since", "August"], "not a date"),
        (["stats", "--format", "xml"], "choose one of"),
        (["stats", "--by", "province"], "cannot group by"),
        (["stats", "peak", "--unit", "decade"], "unit must be one of"),
    ],
)
def test_bad_options_are_clear_errors(db, args, message):
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, [*args, "--db", db])
    assert result.exit_code == 2
    assert message in result.output


def test_stats_claims_sets_a_reported_figure_beside_mawguns_count(db, build):
    text = "Monitors counted at least 149 airstrikes in August 2023."
    with session_scope(db) as session:
        b = build(session)
        doc = b.document(text, outlet="Monitor Desk")
        b.statistic(
            doc, "airstrikes", 149, "at least 149 airstrikes in August 2023", qualifier="at least",
            area=["Myanmar"], period_start="2023-08-01", period_end="2023-08-31", source_org="Test Monitor",
        )  # fmt: skip
    lines = run(db, "stats", "claims", "-f", "csv").splitlines()
    assert lines[0] == "source,metric,claimed,period,area,mawgun,note"
    assert lines[1] == "Test Monitor,airstrikes,at least 149,2023-08-01..2023-08-31,Myanmar,2,"
