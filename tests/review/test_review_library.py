"""Review states, overrides that survive re-extraction, the audit chain and frozen releases, on
SQLite and PostgreSQL (`store_url`), over a store the real pipeline built."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from mawgun.dedup.store import merge_events
from mawgun.pipeline import process_store
from mawgun.query.counts import count_events
from mawgun.query.events import list_events
from mawgun.query.filter import EventFilter, scope_label
from mawgun.review.audit import list_changes, verify_chain
from mawgun.review.overrides import EditError
from mawgun.review.releases import ReleaseError, publish_release, release_events
from mawgun.review.states import ReviewError, accept_event, edit_event, link_statistic, reject_event, state_of
from mawgun.store.db import session_scope
from mawgun.store.schema import AuditLogRow, CanonicalEventRow
from review.review_store import build_store


def canonical_ids(url: str) -> dict[str, str]:
    """location -> canonical id."""
    with session_scope(url) as session:
        return {row.location: row.id for row in session.scalars(select(CanonicalEventRow))}


@pytest.fixture
def built(store_url: str) -> str:
    build_store(store_url)
    return store_url


def events_counted(url: str, review: str = "drafts", release: str | None = None) -> int:
    with session_scope(url) as session:
        rows = count_events(session, [], EventFilter(review=review, release=release))
    return sum(row["events"] for row in rows)


def test_events_start_as_drafts_and_counts_follow_their_review_state(built: str) -> None:
    ids = canonical_ids(built)
    assert events_counted(built) == 2 and events_counted(built, "reviewed") == 0
    with session_scope(built) as session:
        assert {state_of(session, i) for i in ids.values()} == {"draft"}
        accept_event(session, ids["Pazigyi"], "rev")
        with pytest.raises(ReviewError, match="reason"):
            reject_event(session, ids["Laukkaing"], "rev", "  ")
    assert events_counted(built, "reviewed") == 1 and events_counted(built, "draft") == 1
    with session_scope(built) as session:
        reject_event(session, ids["Laukkaing"], "rev", "not an event: <i>a rumour</i>")
    assert events_counted(built) == 1  # drafts too, but never the rejected
    assert events_counted(built, "rejected") == 1
    with session_scope(built) as session:  # per report: a report has its canonical event's state
        total, reports = list_events(session, EventFilter(per_report=True, review="reviewed"))
    assert total == 2 and {r["canonical_id"] for r in reports} == {ids["Pazigyi"]}
    assert scope_label(EventFilter(review="reviewed")) == "reviewed events only"
    assert "draft" in scope_label(EventFilter())


def test_a_field_a_person_set_survives_reprocessing_and_dedup(built: str) -> None:
    ids = canonical_ids(built)
    pazigyi = ids["Pazigyi"]
    with session_scope(built) as session:
        edit_event(session, pazigyi, {"fatalities_best": "170", "fatalities_high": "175", "actor1": "MIL",
                                      "place": "MMR005007"}, "coder1", "toll from the later count")  # fmt: skip
    process_store(built, reprocess=True, progress=False)  # extract --reprocess, then dedup
    from mawgun.dedup import cluster_store

    cluster_store(built, progress=False, full=True)
    with session_scope(built) as session:
        row = session.get(CanonicalEventRow, pazigyi)
        assert row is not None
        assert (row.fatalities_best, row.fatalities_high) == (170, 175)
        assert row.admin3_pcode == "MMR005007" and row.admin3 == "Kanbalu"
        assert row.n_reports == 2  # still derived from the reports where no person set it
        untouched = session.get(CanonicalEventRow, ids["Laukkaing"])
        assert untouched is not None and untouched.fatalities_best == 0


def test_edits_are_checked_against_their_homes(built: str) -> None:
    pazigyi = canonical_ids(built)["Pazigyi"]
    with session_scope(built) as session:
        for changes, message in [
            ({"event_type": "Skirmish"}, "not an ACLED event type"),
            ({"sub_event_type": "Armed clash"}, "not a sub-type"),
            ({"place": "MMR999999"}, "not a P-code"),
            ({"actor2": "Nobody's Brigade"}, "not in the actor registry"),
            ({"fatalities_low": "200"}, "low <= best <= high"),
            ({"fatalities_best": "many"}, "not a whole number"),
            ({"colour": "red"}, "cannot be edited"),
        ]:
            with pytest.raises(EditError, match=message):
                edit_event(session, pazigyi, changes, "coder1")
        edited = edit_event(session, pazigyi, {"event_type": "Battles"}, "coder1")
        assert edited == {"event_type": "Battles", "sub_event_type": None}  # the old sub-type went with its type
        edit_event(session, pazigyi, {"fatalities_best": "unknown"}, "coder1")  # unknown is not zero
        assert session.get(CanonicalEventRow, pazigyi).fatalities_best is None  # type: ignore[union-attr]
        accept_event(session, pazigyi, "rev")
        with pytest.raises(ReviewError, match="only a reviewer"):
            edit_event(session, pazigyi, {"date": "2023-04-10"}, "coder1", may_review=False)


def test_the_audit_chain_verifies_then_breaks_where_a_row_was_altered(built: str) -> None:
    ids = canonical_ids(built)
    with session_scope(built) as session:
        edit_event(session, ids["Pazigyi"], {"fatalities_best": "165"}, "coder1", "as the later report says")
        accept_event(session, ids["Pazigyi"], "rev")
        link_statistic(session, "st-pazigyi-toll", [ids["Pazigyi"]], "rev")
    merged = merge_events(built, [ids["Pazigyi"], ids["Laukkaing"]], "rev", "test merge")
    with session_scope(built) as session:
        log = list_changes(session)
        assert [row["action"] for row in log] == ["edit", "accept", "link", "merge"]
        assert [row["action"] for row in list_changes(session, event_id=ids["Laukkaing"])] == ["merge"]
        assert [row["who"] for row in list_changes(session, who="coder1")] == ["coder1"]
        assert log[0]["before"] == {"fatalities_best": 165} and log[0]["why"] == "as the later report says"
        assert merged == ids["Pazigyi"]
        verdict = verify_chain(session)
        assert verdict.ok and verdict.rows == 4
    with session_scope(built) as session:  # someone edits the log behind the application's back
        session.execute(update(AuditLogRow).where(AuditLogRow.id == 2).values(who="someone-else"))
    with session_scope(built) as session:
        verdict = verify_chain(session)
        assert not verdict.ok and verdict.broken_id == 2 and "altered" in (verdict.problem or "")
    with session_scope(built) as session:  # a deleted row breaks the link of the next one
        session.execute(update(AuditLogRow).where(AuditLogRow.id == 2).values(who="rev"))
        assert verify_chain(session).ok
        session.execute(text("DELETE FROM audit_log WHERE id = 3"))
        verdict = verify_chain(session)
        assert verdict.broken_id == 4 and "removed" in (verdict.problem or "")


def test_a_release_stays_as_published_after_later_edits(built: str) -> None:
    ids = canonical_ids(built)
    pazigyi = ids["Pazigyi"]
    with session_scope(built) as session:
        accept_event(session, pazigyi, "rev")
        summary = publish_release(session, "2023-q2", "rev", "first release")
        assert summary["events"] == 1
        with pytest.raises(ReleaseError, match="exists already"):
            publish_release(session, "2023-q2", "rev")
        with pytest.raises(ReleaseError, match="not a release name"):
            publish_release(session, "../etc", "rev")
    with session_scope(built) as session:
        edit_event(session, pazigyi, {"fatalities_best": "150", "fatalities_low": "100"}, "rev", "recount")
        accept_event(session, ids["Laukkaing"], "rev")
    with session_scope(built) as session:
        frozen = count_events(session, ["event_type"], EventFilter(release="2023-q2"))
        live = count_events(session, ["event_type"], EventFilter(review="reviewed"))
        (event,) = release_events(session, "2023-q2")
    assert [(r["event_type"], r["events"], r["fatalities"]) for r in frozen] == [("Explosions/Remote violence", 1, 165)]
    assert sum(r["events"] for r in live) == 2
    assert event["fatalities_best"] == 165 and event["review"]["state"] == "reviewed"
    with session_scope(built) as session:
        total, items = list_events(session, EventFilter(release="2023-q2"))
    assert total == 1 and items[0]["fatalities"] == 165 and items[0]["event_id"] == pazigyi


def test_a_rejected_event_leaves_territorial_control(built: str) -> None:
    import datetime as dt

    from mawgun.analytics.control import territorial_control

    laukkaing = canonical_ids(built)["Laukkaing"]
    with session_scope(built) as session:
        before = [row["place"] for row in territorial_control(session, dt.date(2024, 2, 1))]
        reject_event(session, laukkaing, "rev", "the town changed hands later")
        after = [row["place"] for row in territorial_control(session, dt.date(2024, 2, 1))]
    assert "Laukkaing" in before and "Laukkaing" not in after
