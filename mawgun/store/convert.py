"""Conversions between Mawgun's dataclasses and the store's rows, and small helpers for queries.

`save_records` writes rows built here; `load_event_records` rebuilds EventRecords with
`record_from_row`, its inverse (place span and level travel in `events.extra`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from mawgun.model import (
    PLACE_FIELDS,
    ActorRef,
    EventRecord,
    Place,
    Provenance,
    SanctionRecord,
    Span,
    StatisticRecord,
)
from mawgun.store.schema import EventActorRow, EventRow, EvidenceRow, SanctionRow, StatisticRow

DateLike = dt.date | str | None


def to_date(value: DateLike) -> dt.date | None:
    """A date from a date, datetime or ISO string (YYYY, YYYY-MM or YYYY-MM-DD); None passes through."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parts = [int(p) for p in str(value).strip()[:10].split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def clip(value: str | None, length: int) -> str | None:
    """Cut a string to a column's length (PostgreSQL refuses longer values; SQLite would keep them)."""
    return value[:length] if value is not None else None


def chunked(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    """Slices of at most `size` items (keeps IN lists within database limits)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def evidence_rows(kind: str, record_id: str, doc_id: str, spans: Iterable[Span]) -> list[EvidenceRow]:
    """Evidence rows for a record's spans."""
    return [
        EvidenceRow(record_kind=kind, record_id=record_id, document_id=doc_id, start=s.start, end=s.end, quote=s.text)
        for s in spans
    ]


def event_row(record: EventRecord, doc_id: str) -> EventRow:
    """The events row of an extracted event report."""
    place = record.place or Place()
    extra: dict[str, Any] = {"date_end_known": record.date_end is not None}
    if record.notes:
        extra["notes"] = record.notes
    if place.level:
        extra["place_level"] = place.level
    if place.span is not None:
        extra["place_span"] = place.span.to_json()
    if record.provenance.fields:
        extra["provenance_fields"] = dict(record.provenance.fields)
    return EventRow(
        id=record.record_id,
        document_id=doc_id,
        origin="mawgun",
        event_type=record.event_type,
        sub_event_type=record.sub_event_type,
        date=record.date,
        date_end=record.date_end,
        date_precision=record.date_precision,
        **{name: getattr(place, name) for name in PLACE_FIELDS},
        fatalities=record.fatalities,
        fatalities_qualifier=record.fatalities_qualifier,
        injuries=record.injuries,
        tags=list(record.tags),
        component=record.provenance.component,
        component_version=record.provenance.version,
        rule=record.provenance.rule,
        confidence=record.provenance.confidence,
        canonical_id=record.canonical_id,
        extra=extra,
    )


def actor_rows(record: EventRecord) -> list[EventActorRow]:
    """event_actors rows: role 1 for actor1, role 2 for actor2, in the order the record lists them."""
    rows = []
    for role, actors in ((1, record.actor1), (2, record.actor2)):
        for position, actor in enumerate(actors):
            rows.append(
                EventActorRow(
                    event_id=record.record_id,
                    role=role,
                    position=position,
                    actor_id=actor.actor_id,
                    name=actor.name[:300],
                    unit=clip(actor.unit, 300),
                    span_start=actor.span.start if actor.span else None,
                    span_end=actor.span.end if actor.span else None,
                )
            )
    return rows


def statistic_row(record: StatisticRecord, doc_id: str) -> StatisticRow:
    """The statistics row of an extracted figure."""
    return StatisticRow(
        id=record.record_id,
        document_id=doc_id,
        metric=record.metric,
        value=record.value,
        qualifier=record.qualifier,
        area=list(record.area),
        period_start=record.period_start,
        period_end=record.period_end,
        source_org=clip(record.source_org, 300),
        component=record.provenance.component,
        component_version=record.provenance.version,
        rule=record.provenance.rule,
        confidence=record.provenance.confidence,
    )


def sanction_row(record: SanctionRecord, doc_id: str) -> SanctionRow:
    """The sanctions row of an extracted sanction."""
    return SanctionRow(
        id=record.record_id,
        document_id=doc_id,
        authority=record.authority[:200],
        target=record.target[:300],
        date=record.date,
        measure=record.measure,
        component=record.provenance.component,
        component_version=record.provenance.version,
        rule=record.provenance.rule,
        confidence=record.provenance.confidence,
    )


def record_from_row(row: EventRow, actors: list[EventActorRow], spans: list[EvidenceRow]) -> EventRecord:
    """Rebuild an EventRecord from its rows (the inverse of `save_records` for events)."""
    extra = row.extra or {}
    place_span = extra.get("place_span")
    place = Place(
        **{name: getattr(row, name) for name in PLACE_FIELDS},
        level=extra.get("place_level"),
        span=Span(**place_span) if place_span else None,
    )
    has_place = any(getattr(place, name) is not None for name in PLACE_FIELDS) or place.span is not None

    def refs(role: int) -> list[ActorRef]:
        chosen = sorted((a for a in actors if a.role == role), key=lambda a: a.position)
        return [
            ActorRef(
                name=a.name,
                actor_id=a.actor_id,
                unit=a.unit,
                span=Span(a.span_start, a.span_end) if a.span_start is not None and a.span_end is not None else None,
            )
            for a in chosen
        ]

    return EventRecord(
        record_id=row.id,
        doc_id=row.document_id or "",
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        date=row.date,
        provenance=Provenance(
            component=row.component or row.origin,
            version=row.component_version or "",
            confidence=row.confidence if row.confidence is not None else 1.0,
            rule=row.rule,
            fields=dict(extra.get("provenance_fields") or {}),
        ),
        date_end=row.date_end,
        date_precision=row.date_precision,
        place=place if has_place else None,
        actor1=refs(1),
        actor2=refs(2),
        fatalities=row.fatalities,
        fatalities_qualifier=row.fatalities_qualifier,
        injuries=row.injuries,
        tags=list(row.tags or []),
        evidence=[Span(s.start, s.end, s.quote or "") for s in sorted(spans, key=lambda s: s.id)],
        canonical_id=row.canonical_id,
        notes=extra.get("notes"),
    )
