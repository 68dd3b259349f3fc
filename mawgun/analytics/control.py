"""Territorial control: who holds which place at any date, and which places changed hands.

Control is read from events that transfer a place (data/control.yaml): a non-state group
overtaking a town or base, the military regaining one, a handover without fighting. The holder
of a place on a date is actor1 of its latest such canonical event on or before that date. Every
answer carries its evidence (canonical event, reports, documents, quotes).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from mawgun.actors import facts as registry
from mawgun.analytics.evidence import evidence_for
from mawgun.query.filter import EventFilter, Source, dialect_of, range_date, release_or_review
from mawgun.store.schema import CanonicalEventRow

CONTROL_PATH = Path(__file__).parent / "data" / "control.yaml"
SUMMARY_KEYS = ("holder", "side", "alliance")


@lru_cache(maxsize=1)
def control_data() -> dict[str, Any]:
    """The control vocabulary (data/control.yaml)."""
    return dict(yaml.safe_load(CONTROL_PATH.read_text(encoding="utf-8")))


def control_types() -> dict[str, str]:
    """Sub-event type -> kind of change (captured, retaken, transferred)."""
    return dict(control_data()["sub_event_types"])


def place_key(dialect: str) -> ColumnElement[str]:
    """SQL: what identifies a place: its P-code, else its state/region and name (lower case)."""
    name = func.lower(func.trim(func.coalesce(CanonicalEventRow.location, CanonicalEventRow.admin3, "")))
    by_name = func.lower(func.coalesce(CanonicalEventRow.admin1, "")).op("||")("/").op("||")(name)
    return func.coalesce(CanonicalEventRow.pcode, by_name)


COLUMNS = ("id", "date", "sub_event_type", "actor1", "actor2", "location", "admin3", "admin1", "pcode")


def control_conditions(dialect: str, until: dt.date | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of control events (up to `until`) that name a place and are not rejected."""
    named = func.coalesce(CanonicalEventRow.pcode, CanonicalEventRow.location, CanonicalEventRow.admin3)
    date = range_date(CanonicalEventRow.date, dialect, None, until)  # one scan beats the date index here
    not_rejected = release_or_review(Source(CanonicalEventRow, False), EventFilter())  # rejected ones never count
    conds = [
        CanonicalEventRow.sub_event_type.in_(list(control_types())),
        date.is_not(None),
        named.is_not(None),  # a capture "in Sagaing Region" names no place that could be held
        *not_rejected,
    ]
    return conds + [date <= until] if until else conds


def control_select(dialect: str, until: dt.date | None) -> Select[Any]:
    """Control events (up to `until`) with their place key, as plain rows."""
    cols = [getattr(CanonicalEventRow, name) for name in COLUMNS]
    return select(*cols, place_key(dialect).label("place_key")).where(*control_conditions(dialect, until))


def load_control_events(session: Session, until: dt.date | None = None) -> list[Row[Any]]:
    """Control events, oldest first (up to `until` when given)."""
    stmt = control_select(dialect_of(session), until)
    return list(session.execute(stmt.order_by(CanonicalEventRow.date, CanonicalEventRow.id)))


def load_latest_per_place(session: Session, until: dt.date) -> list[Row[Any]]:
    """The latest control event of each place up to `until` (a window function, in the database).

    The ranking reads only the columns of the index on (sub_event_type, date, id and the place's
    columns; migration 0010), so it never visits the events' rows; the winners are then read by id."""
    dialect = dialect_of(session)
    order = (CanonicalEventRow.date.desc(), CanonicalEventRow.id.desc())
    rank = func.row_number().over(partition_by=place_key(dialect), order_by=order).label("rank")
    ranked = select(CanonicalEventRow.id.label("winner"), rank).where(*control_conditions(dialect, until))
    inner = ranked.subquery("ranked")
    cols = [getattr(CanonicalEventRow, name) for name in COLUMNS]
    stmt = (
        select(*cols, place_key(dialect).label("place_key"))
        .join(inner, inner.c.winner == CanonicalEventRow.id)
        .where(inner.c.rank == 1)
    )
    return list(session.execute(stmt))


def holder_of(row: Any) -> str:
    """The code that holds the place after the event: the first named actor1 (UNK when none)."""
    codes = [str(code) for code in row.actor1 or []]
    generic = set(control_data().get("generic_holders", []))
    named = [code for code in codes if code not in generic]
    return (named or codes or ["UNK"])[0]


def describe(row: Any) -> dict[str, Any]:
    """The place and change one control event records."""
    holder = holder_of(row)
    return {
        "place": row.location or row.admin3,
        "pcode": row.pcode,
        "admin1": row.admin1,
        "admin3": row.admin3,
        "holder": holder,
        "holders": [str(code) for code in row.actor1 or []] or [holder],
        "side": registry.side_of(holder),
        "alliances": registry.alliances_on(holder, row.date),
        "since": row.date.isoformat() if row.date else None,
        "change": control_types()[row.sub_event_type or ""],
        "canonical_id": row.id,
        "from": [str(code) for code in row.actor2 or []],
    }


def timelines(rows: list[Row[Any]]) -> dict[str, list[Row[Any]]]:
    """Place -> its control events in date order."""
    places: dict[str, list[Row[Any]]] = {}
    for row in rows:
        places.setdefault(row.place_key, []).append(row)
    return places


def territorial_control(session: Session, as_of: dt.date, evidence: bool = True) -> list[dict[str, Any]]:
    """Every place whose control events say who holds it on `as_of`, with the event that decided it.

    Rows: place, pcode, admin1, admin3, holder (code), holders, side, alliances, since (date of
    the deciding event), change (captured/retaken/transferred), evidence (reports, documents, quotes;
    an empty list with `evidence=False`, for faces that link the deciding event instead of quoting it).
    """
    latest = load_latest_per_place(session, as_of)
    proofs = evidence_for(session, [row.id for row in latest]) if evidence else {}
    answers = [describe(row) | {"evidence": proofs.get(row.id, [])} for row in latest]
    return sorted(answers, key=lambda row: (row["admin1"] or "", row["place"] or ""))


def control_summary(session: Session, as_of: dt.date, by: str = "holder") -> list[dict[str, Any]]:
    """How many places each holder (or side, or alliance) holds on `as_of`, most first."""
    if by not in SUMMARY_KEYS:
        raise ValueError(f"by must be one of {', '.join(SUMMARY_KEYS)}")
    counts: Counter[str] = Counter()
    for row in territorial_control(session, as_of):
        labels = row["alliances"] if by == "alliance" else [row[by]]
        counts.update(set(labels))
    return [{by: label, "places": n} for label, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def control_changes(
    session: Session, since: dt.date, until: dt.date, now: dt.date | None = None
) -> list[dict[str, Any]]:
    """Each change of hands dated in [since, until], with the previous and the new holder, its
    evidence, and who holds the place `now` (default: by the latest data) and since when.

    A control event that names the same holder as the one before it (a repeated report) is no change.
    """
    places = timelines(load_control_events(session, now))
    changes: list[tuple[Any, str | None, Any]] = []
    for events in places.values():
        previous: str | None = None
        for row in events:
            holder = holder_of(row)
            if row.date and since <= row.date <= until and holder != previous:
                changes.append((row, previous, events[-1]))
            previous = holder
    proofs = evidence_for(session, [row.id for row, _, _ in changes])
    answers = []
    for row, previous, current in changes:
        answers.append(
            describe(row)
            | {
                "date": row.date.isoformat() if row.date else None,
                "previous_holder": previous or (str(row.actor2[0]) if row.actor2 else None),
                "holder_now": holder_of(current),
                "holder_now_since": current.date.isoformat() if current.date else None,
                "side_now": registry.side_of(holder_of(current)),
                "evidence": proofs.get(row.id, []),
            }
        )
    return sorted(answers, key=lambda row: (row["date"] or "", row["place"] or ""))
