"""Analysts' merge and split decisions, and the constraints they put on clustering.

A decision is applied to the store at once (reports move, canonical rows are re-derived) and
recorded in `cluster_decisions` with who, when and why. Clustering then respects every decision
in the order they were taken:
- merge: all reports of the merged canonical events must stay together (must-link);
- split: the reports split off must stay together and apart from the rest of the event they
  were split from (cannot-link); a later merge of the same reports lifts that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mawgun.dedup.cluster import Constraints
from mawgun.ids import make_id
from mawgun.store.schema import CanonicalEventRow, ClusterDecisionRow, EventRow


class DecisionError(ValueError):
    """A merge or split that cannot be applied (unknown ids, records of another event, ...)."""


def members_of(session: Session, canonical_id: str) -> list[str]:
    """Record ids of the reports grouped under a canonical event."""
    rows = session.scalars(select(EventRow.id).where(EventRow.canonical_id == canonical_id).order_by(EventRow.id))
    return list(rows)


def check_canonical(session: Session, canonical_id: str) -> list[str]:
    """The members of a Mawgun canonical event; DecisionError when it does not exist or is imported."""
    row = session.get(CanonicalEventRow, canonical_id)
    if row is None:
        raise DecisionError(f"no canonical event {canonical_id}")
    if row.origin != "mawgun":
        raise DecisionError(f"{canonical_id} is an imported {row.origin} event; only Mawgun events can be edited")
    members = members_of(session, canonical_id)
    if not members:
        raise DecisionError(f"canonical event {canonical_id} has no reports")
    return members


def merge_canonical(session: Session, canonical_ids: Sequence[str], who: str, why: str | None) -> str:
    """Merge canonical events into the first one given; returns the surviving id."""
    unique = list(dict.fromkeys(canonical_ids))
    if len(unique) < 2:
        raise DecisionError("merge needs at least two different canonical event ids")
    members = [record for canonical_id in unique for record in check_canonical(session, canonical_id)]
    target = unique[0]
    session.execute(update(EventRow).where(EventRow.id.in_(members)).values(canonical_id=target))
    session.add(ClusterDecisionRow(action="merge", event_ids=sorted(members), canonical_ids=unique, who=who, why=why))
    session.flush()
    return target


def split_canonical(session: Session, canonical_id: str, record_ids: Sequence[str], who: str, why: str | None) -> str:
    """Record a split of `record_ids` out of a canonical event; returns the id their new event gets
    (the caller creates that row and moves the reports)."""
    members = check_canonical(session, canonical_id)
    chosen = sorted(set(record_ids))
    strangers = [r for r in chosen if r not in members]
    if not chosen or strangers:
        raise DecisionError(f"records not in {canonical_id}: {', '.join(strangers) or '(none given)'}")
    if len(chosen) == len(members):
        raise DecisionError("a split must leave at least one report in the original event")
    new_id = split_id(session, canonical_id, chosen)
    session.add(
        ClusterDecisionRow(action="split", event_ids=chosen, canonical_ids=[canonical_id, new_id], who=who, why=why)
    )
    session.flush()
    return new_id


def split_id(session: Session, canonical_id: str, chosen: Sequence[str]) -> str:
    """A fresh id for reports split off `canonical_id`: derived from their smallest record id, as
    clustering derives ids, unless that is the event they leave (they include the report its id
    derives from) or already taken; then derived from the split itself, which no other event has."""
    candidates = [make_id("cev", min(chosen)), make_id("cev", *chosen), make_id("cev", "split", canonical_id, *chosen)]
    for candidate in candidates:
        if candidate != canonical_id and session.get(CanonicalEventRow, candidate) is None:
            return candidate
    raise DecisionError(f"no free id for a split of {canonical_id}")


def load_decisions(session: Session) -> list[ClusterDecisionRow]:
    """All decisions in the order they were taken."""
    return list(session.scalars(select(ClusterDecisionRow).order_by(ClusterDecisionRow.at, ClusterDecisionRow.id)))


def build_constraints(decisions: Sequence[ClusterDecisionRow], current: Mapping[str, str | None]) -> Constraints:
    """Must-link and cannot-link constraints from decisions; `current` maps record -> canonical id
    (a split's "rest" are the records still under the event it was split from)."""
    must: list[frozenset[str]] = []
    cannot: list[tuple[frozenset[str], frozenset[str]]] = []
    for decision in decisions:
        ids = frozenset(str(r) for r in decision.event_ids or [])
        if decision.action == "merge":
            cannot = [(a, b) for a, b in cannot if not (a & ids and b & ids)]
            must.append(ids)
        elif decision.action == "split" and decision.canonical_ids:
            source = str(decision.canonical_ids[0])
            rest = frozenset(r for r, c in current.items() if c == source and r not in ids)
            must = [part for group in must for part in ((group & ids, group - ids) if group & ids else (group,))]
            must.append(ids)
            cannot.append((ids, rest))
    return Constraints(must_link=[g for g in must if len(g) > 1], cannot_link=[(a, b) for a, b in cannot if a and b])
