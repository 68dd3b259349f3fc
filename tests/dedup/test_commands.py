"""Specification of the deduplication CLI: `mawgun dedup`, `mawgun events merge`, `mawgun events split`."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import delete, select
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.dedup.evaluate import gold_record, load_fixture
from mawgun.ids import make_id
from mawgun.store.db import session_scope
from mawgun.store.repository import save_document, save_records
from mawgun.store.schema import ClusterDecisionRow, EventRow

FIXTURES = Path(__file__).parent / "fixtures"


def stored(url: str, keys: list[str]) -> dict[str, str]:
    """Store fixture articles with their gold-like records; returns article key -> record id."""
    articles = {a.key: a for a in load_fixture(FIXTURES)}
    ids = {}
    with session_scope(url) as session:
        for key in keys:
            article = articles[key]
            save_document(session, article.document)
            records = [gold_record(article, e) for e in article.events]
            save_records(session, article.document.doc_id, records, "gold-fixture")
            ids[key] = records[0].record_id
    return ids


def canonical(url: str, record_id: str) -> str | None:
    with session_scope(url) as session:
        row = session.get(EventRow, record_id)
        return row.canonical_id if row else None


def test_dedup_command_reports_canonical_events(sqlite_url: str) -> None:
    stored(sqlite_url, ["c013", "c014", "c015"])
    result = CliRunner().invoke(app, ["dedup", "--db", sqlite_url, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "3 new reports clustered (3 compared); 1 canonical events in the store" in result.output


def test_dedup_command_with_a_progress_bar_runs_outside_a_terminal(sqlite_url: str) -> None:
    stored(sqlite_url, ["c013"])
    result = CliRunner().invoke(app, ["dedup", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "1 canonical events in the store" in result.output


def test_split_then_merge_from_the_cli_are_recorded_with_who_and_why(sqlite_url: str) -> None:
    ids = stored(sqlite_url, ["c013", "c014", "c015"])
    runner = CliRunner()
    runner.invoke(app, ["dedup", "--db", sqlite_url, "--no-progress"])
    original = canonical(sqlite_url, ids["c013"])
    split = runner.invoke(
        app,
        [
            "events",
            "split",
            str(original),
            "--records",
            ids["c014"],
            ids["c015"],
            "--who",
            "ana",
            "--why",
            "test",
            "--db",
            sqlite_url,
        ],
    )
    assert split.exit_code == 0, split.output
    new_id = canonical(sqlite_url, ids["c014"])
    assert new_id != original and canonical(sqlite_url, ids["c015"]) == new_id
    merge = runner.invoke(
        app, ["events", "merge", str(original), str(new_id), "--who", "bo", "--why", "same", "--db", sqlite_url]
    )
    assert merge.exit_code == 0, merge.output
    assert {canonical(sqlite_url, r) for r in ids.values()} == {original}
    with session_scope(sqlite_url) as session:
        decisions = [
            (d.action, d.who, d.why)
            for d in session.scalars(select(ClusterDecisionRow).order_by(ClusterDecisionRow.id))
        ]
    assert decisions == [("split", "ana", "test"), ("merge", "bo", "same")]


def test_unknown_canonical_id_is_a_clear_error_and_changes_nothing(sqlite_url: str) -> None:
    stored(sqlite_url, ["c013"])
    result = CliRunner().invoke(
        app, ["events", "merge", "cev-nope", "cev-nada", "--who", "x", "--why", "y", "--db", sqlite_url]
    )
    assert result.exit_code == 2 and "no canonical event cev-nope" in result.output
    with session_scope(sqlite_url) as session:
        assert list(session.scalars(select(ClusterDecisionRow))) == []


def test_explain_shows_the_reports_and_the_scored_links_of_a_canonical_event(sqlite_url: str) -> None:
    ids = stored(sqlite_url, ["c013", "c014"])
    runner = CliRunner()
    runner.invoke(app, ["dedup", "--db", sqlite_url, "--no-progress"])
    wide = {"COLUMNS": "240"}
    result = runner.invoke(
        app, ["events", "explain", str(canonical(sqlite_url, ids["c013"])), "--db", sqlite_url], env=wide
    )
    assert result.exit_code == 0, result.output
    assert "2 reports, 2 sources" in result.output
    assert re.search(r"date 1\.0 \(\+\d\.\d\d\)", result.output)  # each feature with its share of the log-odds
    assert "why:" in result.output  # the rule behind each field of each report (gold rows name only theirs)
    missing = runner.invoke(app, ["events", "explain", "cev-nope", "--db", sqlite_url])
    assert missing.exit_code == 2 and "no canonical event cev-nope" in missing.output


def test_splitting_off_the_report_the_canonical_id_derives_from_gives_it_a_new_event(sqlite_url: str) -> None:
    """The canonical id derives from the smallest member record id; splitting exactly that report off
    must still move it to a new event (it once kept the old id: nothing changed, yet a split was logged)."""
    stored(sqlite_url, ["c013", "c014", "c015"])
    runner = CliRunner()
    runner.invoke(app, ["dedup", "--db", sqlite_url, "--no-progress"])
    with session_scope(sqlite_url) as session:
        members = sorted(session.scalars(select(EventRow.id)))
    original = canonical(sqlite_url, members[0])
    assert original == make_id("cev", members[0])
    args = ["events", "split", str(original), "--records", members[0], "--who", "ana", "--why", "t", "--db", sqlite_url]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    moved = canonical(sqlite_url, members[0])
    assert moved != original
    assert {canonical(sqlite_url, m) for m in members[1:]} == {original}
    with session_scope(sqlite_url) as session:
        decision = session.scalars(select(ClusterDecisionRow)).one()
        assert decision.canonical_ids == [original, moved]
    again = runner.invoke(app, ["dedup", "--db", sqlite_url, "--no-progress", "--full"])
    assert again.exit_code == 0, again.output
    assert canonical(sqlite_url, members[0]) == moved and canonical(sqlite_url, members[1]) == original


def merged_pair(url: str) -> tuple[str, list[str]]:
    """Two stored events clustered apart, then merged by an analyst: the survivor and their reports."""
    ids = stored(url, ["c001", "c013"])
    runner = CliRunner()
    runner.invoke(app, ["dedup", "--db", url, "--no-progress"])
    events = [str(canonical(url, ids[key])) for key in ("c001", "c013")]
    assert events[0] != events[1]
    args = ["events", "merge", *events, "--who", "ana", "--why", "same", "--db", url]
    assert runner.invoke(app, args).exit_code == 0
    return events[0], list(ids.values())


def test_a_deleted_merge_decision_is_named_by_audit_verify_and_not_undone_by_dedup(sqlite_url: str) -> None:
    survivor, records = merged_pair(sqlite_url)
    runner = CliRunner()
    assert runner.invoke(app, ["audit", "verify", "--db", sqlite_url]).exit_code == 0
    with session_scope(sqlite_url) as session:  # someone removes the decision behind the application's back
        session.execute(delete(ClusterDecisionRow))
    verify = runner.invoke(app, ["audit", "verify", "--db", sqlite_url])
    assert verify.exit_code == 1
    assert "the merge it records has no row in cluster_decisions" in verify.output
    again = runner.invoke(app, ["dedup", "--db", sqlite_url, "--no-progress", "--full"])
    assert again.exit_code == 2 and "mawgun audit verify" in again.output
    assert {canonical(sqlite_url, r) for r in records} == {survivor}  # the merge still stands
    extract = runner.invoke(app, ["extract", "--db", sqlite_url, "--quiet"])  # the main job stops there too
    assert extract.exit_code == 2 and "clustering refused" in extract.output


def test_a_decision_written_behind_the_log_is_named_by_audit_verify(sqlite_url: str) -> None:
    survivor, records = merged_pair(sqlite_url)
    with session_scope(sqlite_url) as session:
        session.add(
            ClusterDecisionRow(action="split", event_ids=records[:1], canonical_ids=[survivor, "cev-x"], who="x")
        )
    verify = CliRunner().invoke(app, ["audit", "verify", "--db", sqlite_url])
    assert verify.exit_code == 1 and "is not in the log" in verify.output and "split of" in verify.output
