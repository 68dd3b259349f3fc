"""Event filters shared by the API, the dashboard and the exports.

One `EventFilters` value holds what a user narrowed the view to (dates, event type, state/region,
township, actor or alliance, origin); `apply_filters` turns it into SQL conditions on either the
canonical-event table or the report table, so every face counts the same events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, Table, and_, cast, or_, select
from sqlalchemy.sql.elements import ColumnElement

from mawgun.store.schema import CanonicalEventRow, EventActorRow, EventRow

CANONICAL: Table = CanonicalEventRow.__table__  # type: ignore[assignment]
REPORTS: Table = EventRow.__table__  # type: ignore[assignment]
EVENT_ACTORS: Table = EventActorRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class EventFilters:
    """What the user narrowed events to; empty fields do not filter."""

    since: dt.date | None = None
    until: dt.date | None = None
    event_types: tuple[str, ...] = ()
    admin1: str | None = None
    township: str | None = None
    actor_ids: tuple[str, ...] = ()
    origin: str | None = None
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # raw actor/alliance


def split_values(raw: str | None) -> tuple[str, ...]:
    """Comma-separated query values, trimmed, empty ones dropped."""
    if not raw:
        return ()
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def build_filters(
    since: dt.date | None = None,
    until: dt.date | None = None,
    event_type: str | None = None,
    admin1: str | None = None,
    township: str | None = None,
    actor: str | None = None,
    alliance: str | None = None,
    origin: str | None = None,
) -> EventFilters:
    """Normalise raw request values into `EventFilters`; an alliance expands to its members."""
    from mawgun.web.adapters import alliance_members

    actor_ids = list(split_values(actor))
    for code in split_values(alliance):
        actor_ids.extend(alliance_members(code))
    labels = {k: v for k, v in {"actor": actor, "alliance": alliance}.items() if v}
    return EventFilters(
        since=since,
        until=until,
        event_types=split_values(event_type),
        admin1=(admin1 or "").strip() or None,
        township=(township or "").strip() or None,
        actor_ids=tuple(dict.fromkeys(actor_ids)),
        origin=(origin or "").strip() or None,
        labels=labels,
    )


def spellings(value: str) -> list[str]:
    """A name as typed and in its usual capitalisations ("sagaing" -> "Sagaing"), so that the
    comparison stays an indexed equality instead of a case-insensitive scan."""
    return list(dict.fromkeys([value, value.title(), value.upper(), value.lower(), value.capitalize()]))


def is_pcode(value: str) -> bool:
    """MIMU P-codes look like MMR015 or MMR015001."""
    return value.upper().startswith("MMR") and value[3:4].isdigit()


def _admin1_condition(table: Table, value: str) -> ColumnElement[bool]:
    """Match a state/region by name (usual capitalisations) or by P-code (MMR015)."""
    if is_pcode(value):
        return table.c.admin1_pcode == value.upper()
    return table.c.admin1.in_(spellings(value))


def _township_condition(table: Table, value: str) -> ColumnElement[bool]:
    """Match a township by P-code (MMR015001) or by name (usual capitalisations)."""
    if is_pcode(value):
        return table.c.admin3_pcode == value.upper()
    return table.c.admin3.in_(spellings(value))


def _actor_condition(table: Table, actor_ids: tuple[str, ...]) -> ColumnElement[bool]:
    """Events whose actors include any of the ids (canonical: JSON lists; reports: event_actors)."""
    if table is REPORTS:
        # IN (ids of reports naming the actor) walks the actor_id index once (a semi-join),
        # instead of probing event_actors for every report as a correlated EXISTS would.
        named = select(EVENT_ACTORS.c.event_id).where(EVENT_ACTORS.c.actor_id.in_(actor_ids))
        return REPORTS.c.id.in_(named)
    text1, text2 = cast(table.c.actor1, String), cast(table.c.actor2, String)
    clauses = []
    for actor_id in actor_ids:
        pattern = f'%"{actor_id}"%'
        clauses.extend([text1.like(pattern), text2.like(pattern)])
    return or_(*clauses)


def apply_filters(table: Table, filters: EventFilters) -> list[ColumnElement[bool]]:
    """SQL conditions for `filters` on the canonical or report table."""
    conditions: list[ColumnElement[bool]] = []
    if filters.since:
        conditions.append(table.c.date >= filters.since)
    if filters.until:
        conditions.append(table.c.date <= filters.until)
    if filters.event_types:
        conditions.append(table.c.event_type.in_(filters.event_types))
    if filters.admin1:
        conditions.append(_admin1_condition(table, filters.admin1))
    if filters.township:
        conditions.append(_township_condition(table, filters.township))
    if filters.actor_ids:
        conditions.append(_actor_condition(table, filters.actor_ids))
    if filters.origin:
        conditions.append(table.c.origin == filters.origin)
    return conditions


def where_clause(table: Table, filters: EventFilters) -> ColumnElement[bool] | Any:
    """All conditions joined with AND (true when there are none)."""
    conditions = apply_filters(table, filters)
    return and_(True, *conditions)
