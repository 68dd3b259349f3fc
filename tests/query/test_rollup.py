"""Counts from the precomputed rollup equal the live counts, over many filters and group keys, on SQLite
and PostgreSQL; after edits, review changes, deletions, merges and splits they are current at once;
unknown tolls stay unknown (issue 18: an API fast without its cache)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from mawgun.query import counts, events, map, rollup
from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter
from mawgun.review.states import accept_event, reject_event, set_state
from mawgun.store.db import get_engine, session_scope
from mawgun.store.rollup import CELLS, marks_of, refresh_rollups
from mawgun.store.schema import CanonicalEventRow, EventReviewRow, EventRollupRow, EventRow

PLACES = [("Sagaing", "MMR005", "Kanbalu", "MMR005012"), ("Shan", "MMR015", "Lashio", "MMR015001"),
          ("Kayah", "MMR002", "Loikaw", "MMR002001"), ("Shan", "MMR015", None, None),
          (None, None, None, None)]  # fmt: skip
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Protests", None)]  # fmt: skip
TOLLS = [(None, None, None), (0, 0, 0), (3, 2, 5), (None, 1, 4), (7, None, None), (12, 10, None)]
KEYS = [[], ["month"], ["year"], ["event_type"], ["month", "admin1"], ["township"], ["admin3", "origin"],
        ["sub_event_type", "year"]]  # fmt: skip
FILTERS = [
    {}, {"since": dt.date(2024, 1, 1)}, {"until": dt.date(2023, 6, 30)},
    {"since": dt.date(2023, 2, 1), "until": dt.date(2024, 2, 29)}, {"event_types": ["Battles"]},
    {"sub_event_types": ["Air/drone strike", "Attack"]}, {"admin1": ["Sagaing"]}, {"admin1": ["Karenni State"]},
    {"admin1": ["MMR015"]}, {"admin3": ["lashio"]}, {"admin3": ["MMR005012", "Loikaw"]}, {"origin": "ucdp"},
    {"review": "reviewed"}, {"review": "draft"}, {"review": "rejected"},
    {"review": "reviewed", "since": dt.date(2023, 3, 1), "event_types": ["Battles", "Protests"]},
]  # fmt: skip


def event_columns(rng: random.Random) -> dict[str, Any]:
    """The counted columns of one synthetic event (some without date, place or toll)."""
    admin1, admin1_pcode, admin3, admin3_pcode = rng.choice(PLACES)
    event_type, sub_type = rng.choice(TYPES)
    day = None if rng.random() < 0.05 else dt.date(2022, 11, 1) + dt.timedelta(days=rng.randrange(600))
    placed = admin3 is not None and rng.random() < 0.9
    lat, lon = (19.0 + rng.random() / 3, 96.0 + rng.random() / 3) if placed else (None, None)
    return {"event_type": event_type, "sub_event_type": sub_type, "date": day, "admin1": admin1,
            "latitude": lat, "longitude": lon, "location": rng.choice([None, "Village A", "Village B"]),
            "admin1_pcode": admin1_pcode, "admin3": admin3, "admin3_pcode": admin3_pcode,
            "origin": rng.choice(["mawgun", "mawgun", "ucdp"])}  # fmt: skip


def fill(url: str, n: int = 160, seed: int = 3) -> list[str]:
    """Canonical events, their reports (some unclustered) and review states; returns the canonical ids."""
    rng = random.Random(seed)
    ids = []
    with session_scope(url) as session:
        for i in range(n):
            best, low, high = rng.choice(TOLLS)
            common = event_columns(rng)
            cid = f"ce-{i:04d}"
            ids.append(cid)
            session.add(CanonicalEventRow(id=cid, actor1=[], actor2=[], tags=[], explanation={}, fatalities_best=best,
                                          fatalities_low=low, fatalities_high=high, **common))  # fmt: skip
            for r in range(rng.choice([1, 2])):
                moved = common | (event_columns(rng) if rng.random() < 0.2 else {})
                session.add(EventRow(id=f"ev-{i:04d}-{r}", canonical_id=cid if rng.random() < 0.9 else None,
                                     fatalities=best, fatalities_low=low, fatalities_high=high, **moved))  # fmt: skip
        session.flush()
        for cid in rng.sample(ids, n // 3):
            session.add(EventReviewRow(canonical_id=cid, state=rng.choice(["reviewed", "rejected", "draft"]), who="t"))
    return ids


def live_counts(session: Session, keys: list[str], flt: EventFilter, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`count_events`, township counts and the total with the rollup switched off."""
    with monkeypatch.context() as patch:
        patch.setattr(counts, "rollup_counts", lambda *_: None)
        patch.setattr(map, "rollup_townships", lambda *_: None)
        patch.setattr(events, "rollup_total", lambda *_: None)
        patch.setattr(map, "rollup_map_groups", lambda *_: None)
        patch.setattr(map, "rollup_distinct", lambda *_: None)
        return answers(session, keys, flt)


def answers(session: Session, keys: list[str], flt: EventFilter) -> Any:
    townships = sorted(map._township_counts(session, flt), key=lambda row: row["pcode"])
    layer, choices = None, None
    if keys == ["month"]:  # once per filter
        layer = map.map_layer(session, flt, 40, CELLS)
        choices = [map._distinct_values(session, flt, name) for name in ("event_type", "admin1", "origin")]
    return count_events(session, keys, flt), townships, events._count_matching(session, flt), layer, choices


SOME_FILTERS = [FILTERS[i] for i in (0, 3, 6, 12, 13, 14)]
SOME_KEYS = [["month"], ["month", "admin1"], ["township"]]


def assert_same_everywhere(
    url: str, monkeypatch: pytest.MonkeyPatch, filters: list[dict[str, Any]] = FILTERS, keys_list: Any = KEYS
) -> int:
    """Every filter x key combination, both levels: the rollup answers, and as the live query does."""
    compared = 0
    with session_scope(url) as session:
        for spec in filters:
            for per_report in (False, True):
                flt = EventFilter(**spec, per_report=per_report)
                for keys in keys_list:
                    assert rollup.rollup_counts(session, keys, flt) is not None, (spec, keys)
                    assert rollup.rollup_map_groups(session, flt, CELLS) is not None, spec
                    assert answers(session, keys, flt) == live_counts(session, keys, flt, monkeypatch), (spec, keys)
                    compared += 1
    return compared


def test_rollup_counts_equal_the_live_counts(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(store_url)
    with session_scope(store_url) as session:
        refresh_rollups(session)
    assert assert_same_everywhere(store_url, monkeypatch) == len(FILTERS) * 2 * len(KEYS)
    with session_scope(store_url) as session:
        assert session.scalar(select(func.count()).select_from(EventRollupRow)) > 20


def test_filters_the_rollup_cannot_hold_are_counted_live(store_url: str) -> None:
    fill(store_url, n=10)
    with session_scope(store_url) as session:
        for flt, keys in [
            (EventFilter(since=dt.date(2024, 1, 2)), ["month"]),
            (EventFilter(until=dt.date(2024, 2, 28)), []),
            (EventFilter(actors=["MIL"]), []),
            (EventFilter(outlets=["Test Wire"]), []),
            (EventFilter(date_precisions=["day"]), []),
            (EventFilter(), ["day"]),
            (EventFilter(), ["week"]),
            (EventFilter(), ["actor"]),
        ]:
            assert rollup.rollup_counts(session, keys, flt) is None, (flt, keys)


def test_every_write_is_counted_at_once(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Edits, review changes, deletions and re-clustering leave marks; the next read is current."""
    ids = fill(store_url, n=60)
    with session_scope(store_url) as session:
        refresh_rollups(session)
        clustered = sorted(
            set(session.scalars(select(EventRow.canonical_id).where(EventRow.canonical_id.is_not(None))))
        )
    writes = [
        lambda s: s.execute(update(CanonicalEventRow).where(CanonicalEventRow.id == ids[0]).values(
            event_type="Riots", date=dt.date(2021, 5, 3))),
        lambda s: s.execute(update(CanonicalEventRow).where(CanonicalEventRow.id == ids[1]).values(
            fatalities_best=None)),
        lambda s: accept_event(s, ids[2], "rev"),
        lambda s: reject_event(s, ids[3], "rev", "not an event"),
        lambda s: set_state(s, ids[2], "draft", "rev", None),
        lambda s: s.execute(update(EventRow).where(EventRow.canonical_id == clustered[4]).values(
            canonical_id=ids[3])),
        lambda s: s.execute(delete(CanonicalEventRow).where(CanonicalEventRow.id == ids[5])),
        lambda s: s.execute(delete(EventReviewRow)),
        lambda s: s.execute(delete(EventRow).where(EventRow.canonical_id == clustered[6])),
        lambda s: s.execute(update(EventRow).values(admin1="Sagaing", admin3_pcode="MMR005012")),
    ]  # fmt: skip
    for number, write in enumerate(writes):
        with session_scope(store_url) as session:  # a writer that does not refresh: marks are left
            write(session)
        with session_scope(store_url) as session:
            assert marks_of(session), number
        assert assert_same_everywhere(store_url, monkeypatch, SOME_FILTERS, SOME_KEYS)
        with session_scope(store_url) as session:
            assert not marks_of(session)  # the reader refreshed them


def test_a_session_counts_its_own_uncommitted_writes(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = fill(store_url, n=30)
    with session_scope(store_url) as session:
        refresh_rollups(session)
    with session_scope(store_url) as session:
        before = count_events(session, ["event_type"], EventFilter())
        session.execute(update(CanonicalEventRow).where(CanonicalEventRow.id == ids[0]).values(event_type="Riots"))
        after = count_events(session, ["event_type"], EventFilter())
        assert after != before and any(row["event_type"] == "Riots" for row in after)
        assert after == live_counts(session, ["event_type"], EventFilter(), monkeypatch)[0]


def test_unknown_tolls_stay_unknown_in_the_rollup(store_url: str) -> None:
    with session_scope(store_url) as session:
        for i, best in enumerate([None, None, 4]):
            day = dt.date(2024, 3, 1) if i < 2 else dt.date(2024, 4, 1)
            session.add(CanonicalEventRow(id=f"ce-{i}", event_type="Battles", date=day, actor1=[], actor2=[], tags=[],
                                          explanation={}, fatalities_best=best))  # fmt: skip
    with session_scope(store_url) as session:
        refresh_rollups(session)
        assert rollup.rollup_counts(session, ["month"], EventFilter()) is not None
        rows = {row["month"]: row for row in count_events(session, ["month"], EventFilter())}
    assert rows["2024-03"]["fatalities"] is None and rows["2024-03"]["toll_unknown"] == 2
    assert rows["2024-03"]["toll_known"] == 0
    assert rows["2024-04"]["fatalities"] == 4 and rows["2024-04"]["toll_known"] == 1


def test_merge_split_and_review_through_the_pipeline_keep_counts_current(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from review.review_store import build_store

    from mawgun.dedup.store import merge_events, split_event

    build_store(store_url)  # ingest, extraction and dedup: dedup refreshes the rollup at its end
    with session_scope(store_url) as session:
        assert not marks_of(session)
        ids = list(session.scalars(select(CanonicalEventRow.id).order_by(CanonicalEventRow.id)))
    assert assert_same_everywhere(store_url, monkeypatch, SOME_FILTERS, SOME_KEYS)
    target = merge_events(store_url, ids[:2], "analyst", "same strike")
    with session_scope(store_url) as session:
        assert not marks_of(session)  # the merge refreshed what it moved
        reports = list(session.scalars(select(EventRow.id).where(EventRow.canonical_id == target)))
    assert assert_same_everywhere(store_url, monkeypatch, SOME_FILTERS, SOME_KEYS)
    if len(reports) > 1:
        split_event(store_url, target, reports[:1], "analyst", "two strikes")
        assert assert_same_everywhere(store_url, monkeypatch, SOME_FILTERS, SOME_KEYS)


def test_a_reader_that_cannot_refresh_counts_live(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holds the write lock: the reader does not wait, and its numbers are current."""
    ids = fill(sqlite_url, n=20)
    with session_scope(sqlite_url) as session:
        refresh_rollups(session)
    with session_scope(sqlite_url) as session:
        session.execute(update(CanonicalEventRow).where(CanonicalEventRow.id == ids[0]).values(event_type="Riots"))
    blocker = get_engine(sqlite_url).raw_connection()
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with session_scope(sqlite_url) as session:
            assert rollup.rollup_counts(session, ["event_type"], EventFilter()) is None  # marks left: live
            rows = count_events(session, ["event_type"], EventFilter())
            assert any(row["event_type"] == "Riots" for row in rows)
            assert marks_of(session)
    finally:
        blocker.rollback()
        blocker.close()
