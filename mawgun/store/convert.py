"""Conversions between Mawgun's dataclasses and the store's rows, and small helpers for queries.

`save_records` writes rows built here; `load_event_records` rebuilds EventRecords with
`record_from_row`, its inverse (place span and level travel in `events.extra`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from mawgun.model import (
    EVENT_FIELDS,
    PLACE_FIELDS,
    PROVENANCE_FIELD_SPECS,
    SANCTION_FIELDS,
    STATISTIC_FIELDS,
    ActorRef,
    EventRecord,
    FieldSpec,
    Place,
    Provenance,
    Record,
    SanctionRecord,
    Span,
    StatisticRecord,
    field_names,
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


# Record attributes named differently from their declared field (`mawgun.model`), and the declared
# fields a record of extraction does not carry (imports fill them: `mawgun.ingest.coded`).
ATTRIBUTE_OF = {"document_id": "doc_id", "component_version": "version"}
IMPORT_ONLY = {"origin_id", "fatalities_low", "fatalities_high"}
PROVENANCE_NAMES = set(field_names(PROVENANCE_FIELD_SPECS))


def declared_values(record: Record, fields: tuple[FieldSpec, ...], row: type, doc_id: str) -> dict[str, Any]:
    """The row values of a record's declared fields, read from the record, its place and its
    provenance by name; lists copied, text cut to its column's length."""
    place = getattr(record, "place", None) or Place()
    values: dict[str, Any] = {}
    for spec in fields:
        if spec.name in IMPORT_ONLY or spec.name == "origin":
            continue
        holder: Any = record.provenance if spec.name in PROVENANCE_NAMES else record
        holder = place if spec.name in PLACE_FIELDS else holder
        value = doc_id if spec.name == "document_id" else getattr(holder, ATTRIBUTE_OF.get(spec.name, spec.name))
        values[spec.name] = list(value) if spec.type is list else fit_column(row, spec.name, value)
    return values


def fit_column(row: type, name: str, value: Any) -> Any:
    """A text value cut to its column's declared length (PostgreSQL refuses longer values; SQLite would
    keep them, so both stores hold the same); other values unchanged."""
    length = getattr(row.__table__.columns[name].type, "length", None)  # type: ignore[attr-defined]
    return clip(value, length) if isinstance(value, str) and length else value


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
        id=record.record_id, origin="mawgun", extra=extra, **declared_values(record, EVENT_FIELDS, EventRow, doc_id)
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
                    actor_id=fit_column(EventActorRow, "actor_id", actor.actor_id),
                    name=fit_column(EventActorRow, "name", actor.name),
                    unit=fit_column(EventActorRow, "unit", actor.unit),
                    span_start=actor.span.start if actor.span else None,
                    span_end=actor.span.end if actor.span else None,
                )
            )
    return rows


def statistic_row(record: StatisticRecord, doc_id: str) -> StatisticRow:
    """The statistics row of an extracted figure."""
    return StatisticRow(id=record.record_id, **declared_values(record, STATISTIC_FIELDS, StatisticRow, doc_id))


def sanction_row(record: SanctionRecord, doc_id: str) -> SanctionRow:
    """The sanctions row of an extracted sanction."""
    return SanctionRow(id=record.record_id, **declared_values(record, SANCTION_FIELDS, SanctionRow, doc_id))


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

    own: dict[str, Any] = {
        name: list(getattr(row, name) or []) if name == "tags" else getattr(row, name)
        for name in field_names(EVENT_FIELDS)
        if name not in IMPORT_ONLY | PROVENANCE_NAMES | set(PLACE_FIELDS) | {"origin", "document_id"}
    }
    return EventRecord(
        record_id=row.id,
        doc_id=row.document_id or "",
        provenance=Provenance(
            component=row.component or row.origin,
            version=row.component_version or "",
            confidence=row.confidence if row.confidence is not None else 1.0,
            rule=row.rule,
            fields=dict(extra.get("provenance_fields") or {}),
        ),
        place=place if has_place else None,
        actor1=refs(1),
        actor2=refs(2),
        evidence=[Span(s.start, s.end, s.quote or "") for s in sorted(spans, key=lambda s: s.id)],
        notes=extra.get("notes"),
        **own,
    )
