"""The review queue: canonical events in a review state, lowest confidence and most-cited first.

An event's confidence is the mean confidence of its reports (the extractor's own estimate); an
imported event has none and comes last. Events are selected by the one `EventFilter` (its `review`
field chooses the state), so the queue lists exactly what `mawgun stats --review draft` counts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mawgun.query.events import CANONICAL, REPORTS, canonical_dict, where
from mawgun.query.filter import EventFilter, release_or_review, source_for
from mawgun.store.schema import EventReviewRow


def confidence_table() -> Any:
    """Subquery (canonical_id, confidence, n_members): the mean confidence of each event's reports."""
    return (
        select(
            REPORTS.c.canonical_id.label("canonical_id"),
            func.avg(REPORTS.c.confidence).label("confidence"),
        )
        .where(REPORTS.c.canonical_id.is_not(None))
        .group_by(REPORTS.c.canonical_id)
        .subquery("conf")
    )


def list_queue(
    session: Session, flt: EventFilter, limit: int = 50, offset: int = 0, max_confidence: float | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page) of canonical events matching the filter, each with its `confidence` and
    `review_state`; lowest confidence first, then most sources, then id."""
    conf = confidence_table()
    condition = where(session, flt.__class__(**{**flt.__dict__, "per_report": False, "release": None}))
    base = select(CANONICAL, conf.c.confidence).join(conf, conf.c.canonical_id == CANONICAL.c.id, isouter=True)
    base = base.where(condition)
    if max_confidence is not None:
        base = base.where(conf.c.confidence <= max_confidence)
    total = int(session.execute(select(func.count()).select_from(base.subquery())).scalar_one())
    order = [conf.c.confidence.asc().nulls_last(), CANONICAL.c.n_sources.desc(), CANONICAL.c.id]
    rows = [dict(row._mapping) for row in session.execute(base.order_by(*order).limit(limit).offset(offset))]
    states = review_states(session, [row["id"] for row in rows])
    items = []
    for row in rows:
        item = canonical_dict(row)
        item["confidence"] = round(float(row["confidence"]), 3) if row["confidence"] is not None else None
        item["review_state"] = states.get(row["id"], "draft")
        items.append(item)
    return total, items


def review_states(session: Session, canonical_ids: list[str]) -> dict[str, str]:
    """canonical id -> its review state (draft when no person has reviewed it)."""
    if not canonical_ids:
        return {}
    chosen = EventReviewRow.canonical_id.in_(canonical_ids)
    stmt = select(EventReviewRow.canonical_id, EventReviewRow.state).where(chosen)
    found = {canonical_id: state for canonical_id, state in session.execute(stmt)}
    return {i: found.get(i, "draft") for i in canonical_ids}


def ids_in_scope(session: Session, flt: EventFilter) -> set[str] | None:
    """The canonical event ids a filter's release or review state admits, for results computed from
    live events elsewhere (territorial control); None when it admits every event that is not rejected."""
    if not flt.release and flt.review == "drafts":
        return None
    src = source_for(EventFilter(review=flt.review, release=flt.release))
    return set(session.scalars(select(src.col("id")).where(*release_or_review(src, flt))))
