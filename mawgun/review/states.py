"""Review states of canonical events and the changes people make, each written to the audit log.

A canonical event without an `event_reviews` row is a `draft` (every automatic event starts so);
`accept_event` marks it `reviewed`, `reject_event` `rejected` with a reason. `edit_event` stores
overrides (`mawgun.review.overrides`) and applies them at once. A coder may edit drafts only; a
reviewer (or admin) anything: the faces pass `may_review` from the person's role. Merges and splits
reuse deduplication's decisions (`mawgun.dedup.store`), which write their own audit rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.review.audit import record_change
from mawgun.review.overrides import EditError, apply_value, current_value, parse_changes, store_override
from mawgun.store.schema import CanonicalEventRow, EventReviewRow, StatisticLinkRow, StatisticRow, utcnow

STATES = ("draft", "reviewed", "rejected")


class ReviewError(ValueError):
    """A review action that cannot be taken (unknown event, missing reason, not allowed)."""


def get_canonical(session: Session, canonical_id: str) -> CanonicalEventRow:
    """A stored canonical event, or ReviewError naming the id."""
    row = session.get(CanonicalEventRow, canonical_id)
    if row is None:
        raise ReviewError(f"no canonical event {canonical_id}")
    return row


def state_of(session: Session, canonical_id: str) -> str:
    """draft, reviewed or rejected."""
    row = session.get(EventReviewRow, canonical_id)
    return row.state if row is not None else "draft"


def review_of(session: Session, canonical_id: str) -> dict[str, Any]:
    """The review state with its reason, who set it and when (a draft has no who)."""
    row = session.get(EventReviewRow, canonical_id)
    if row is None:
        return {"state": "draft", "reason": None, "who": None, "at": None}
    return {"state": row.state, "reason": row.reason, "who": row.who, "at": row.at}


def set_state(session: Session, canonical_id: str, state: str, who: str, reason: str | None) -> None:
    """Move an event to a state, writing the audit row (before and after states, the reason)."""
    if state not in STATES:
        raise ReviewError(f"unknown state {state!r}; choose from {', '.join(STATES)}")
    get_canonical(session, canonical_id)
    before = review_of(session, canonical_id)
    row = session.get(EventReviewRow, canonical_id)
    if row is None:
        row = EventReviewRow(canonical_id=canonical_id, state=state, reason=reason, who=who, at=utcnow())
        session.add(row)
    else:
        row.state, row.reason, row.who, row.at = state, reason, who, utcnow()
    after = {"state": state, "reason": reason}
    action = {"reviewed": "accept", "rejected": "reject", "draft": "reopen"}[state]
    record_change(session, who, action, "event", canonical_id, {"state": before["state"]}, after, reason)


def accept_event(session: Session, canonical_id: str, who: str, why: str | None = None) -> None:
    """Mark an event reviewed (a reviewer signed it off)."""
    set_state(session, canonical_id, "reviewed", who, why)


def reject_event(session: Session, canonical_id: str, who: str, reason: str) -> None:
    """Mark an event rejected; the reason is required (it tells the next reader why)."""
    if not (reason or "").strip():
        raise ReviewError("a rejection needs a reason")
    set_state(session, canonical_id, "rejected", who, reason.strip())


def edit_event(
    session: Session,
    canonical_id: str,
    changes: Mapping[str, str],
    who: str,
    why: str | None = None,
    may_review: bool = True,
) -> dict[str, Any]:
    """Set fields of an event (text values, checked against their homes); returns {field: new value}.

    Each field becomes an override that re-extraction and re-clustering keep. Only someone who may
    review (`may_review`) edits an event that is no longer a draft. One audit row holds every field's
    before and after values.
    """
    row = get_canonical(session, canonical_id)
    if not changes:
        raise EditError("nothing to change")
    if not may_review and state_of(session, canonical_id) != "draft":
        raise ReviewError(f"{canonical_id} is {state_of(session, canonical_id)}: only a reviewer may edit it")
    parsed = parse_changes(changes, row)
    before = {name: current_value(row, name) for name in parsed}
    for name, value in parsed.items():
        store_override(session, canonical_id, name, value, who, why)
        apply_value(row, name, value)
    row.updated_at = utcnow()
    session.flush()
    record_change(session, who, "edit", "event", canonical_id, before, parsed, why)
    return parsed


def link_statistic(
    session: Session, statistic_id: str, canonical_ids: Sequence[str], who: str, why: str | None = None
) -> list[str]:
    """Tie a statistic to the canonical events it counts; returns the ids newly linked."""
    if session.get(StatisticRow, statistic_id) is None:
        raise ReviewError(f"no statistic {statistic_id}")
    added = []
    for canonical_id in dict.fromkeys(canonical_ids):
        get_canonical(session, canonical_id)
        if session.get(StatisticLinkRow, (statistic_id, canonical_id)) is None:
            session.add(StatisticLinkRow(statistic_id=statistic_id, canonical_id=canonical_id, who=who, at=utcnow()))
            added.append(canonical_id)
    if added:
        session.flush()
        record_change(session, who, "link", "statistic", statistic_id, None, {"events": added}, why, subjects=added)
    return added


def linked_statistics(session: Session, canonical_id: str) -> list[str]:
    """Ids of the statistics linked to an event."""
    stmt = select(StatisticLinkRow.statistic_id).where(StatisticLinkRow.canonical_id == canonical_id)
    return list(session.scalars(stmt.order_by(StatisticLinkRow.statistic_id)))
