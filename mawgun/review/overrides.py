"""A person's edits of a canonical event's fields, kept as overrides that win over re-derivation.

Deduplication derives a canonical event's fields from its reports every time its membership
changes (`mawgun.dedup.store.write_canonical`); that function then applies the overrides, so a field
a person set stays set however often `mawgun extract --reprocess` and `mawgun dedup` run again.
Values come as text (CLI options, form fields) and are checked against their one home: types against
the ACLED taxonomy, places against the gazetteer (a P-code), actors against the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.model import PLACE_FIELDS
from mawgun.store.schema import CanonicalEventRow, EventOverrideRow, utcnow

EDITABLE = (
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "place",
    "actor1",
    "actor2",
    "fatalities_best",
    "fatalities_low",
    "fatalities_high",
)
PRECISIONS = ("day", "week", "month", "year")
UNKNOWN = ("", "unknown", "none", "null")
MAX_COUNT = 10_000_000
# Which key of a report's Provenance.fields names the rule behind each editable field.
RULE_KEYS = {"date_precision": "date", "fatalities_best": "fatalities", "fatalities_low": "fatalities",
             "fatalities_high": "fatalities"}  # fmt: skip


class EditError(ValueError):
    """An edit that cannot be applied (unknown field, a value its home does not know)."""


def taxonomy() -> dict[str, str]:
    """ACLED sub-event type -> event type (the extractor's vocabulary file)."""
    from mawgun.extract.vocab import event_subtypes

    return event_subtypes()


def parse_count(text: str, name: str) -> int | None:
    """A fatality count; empty or "unknown" is unknown (None), never zero."""
    if text.strip().lower() in UNKNOWN:
        return None
    try:
        value = int(text.strip())
    except ValueError as exc:
        raise EditError(f"{name}: {text!r} is not a whole number (or 'unknown')") from exc
    if not 0 <= value <= MAX_COUNT:
        raise EditError(f"{name}: {value} is out of range (0 to {MAX_COUNT:,})")
    return value


def parse_place(text: str) -> dict[str, Any]:
    """A place from the gazetteer by its P-code, as the canonical event's place columns."""
    from mawgun.geo import get_geocoder

    place = get_geocoder().lookup(text.strip().upper()) if text.strip() else None
    if place is None:
        raise EditError(f"place: {text!r} is not a P-code of the gazetteer (find one: mawgun places search NAME)")
    return {name: getattr(place, name) for name in PLACE_FIELDS}


def parse_actors(text: str, name: str) -> list[str]:
    """Registry codes from comma-separated codes or names; an unknown actor is an error."""
    from mawgun.actors.facts import load_registry, resolve_code

    codes = []
    for part in [p.strip() for p in text.split(",") if p.strip()]:
        code = resolve_code(part)
        if load_registry().get(code) is None:
            raise EditError(f"{name}: {part!r} is not in the actor registry (find one: mawgun actors resolve NAME)")
        codes.append(code)
    return list(dict.fromkeys(codes))


def parse_value(name: str, text: str) -> Any:
    """The stored (JSON) value of one edited field, from its text."""
    if name not in EDITABLE:
        raise EditError(f"{name!r} cannot be edited; choose from {', '.join(EDITABLE)}")
    if name == "event_type":
        if text not in set(taxonomy().values()):
            raise EditError(f"event_type: {text!r} is not an ACLED event type")
        return text
    if name == "sub_event_type":
        if text.strip().lower() in UNKNOWN:
            return None
        if text not in taxonomy():
            raise EditError(f"sub_event_type: {text!r} is not an ACLED sub-event type")
        return text
    if name == "date":
        try:
            return dt.date.fromisoformat(text.strip()).isoformat()
        except ValueError as exc:
            raise EditError(f"date: {text!r} is not a date (YYYY-MM-DD)") from exc
    if name == "date_precision":
        if text not in PRECISIONS:
            raise EditError(f"date_precision: choose from {', '.join(PRECISIONS)}")
        return text
    if name == "place":
        return parse_place(text)
    if name in ("actor1", "actor2"):
        return parse_actors(text, name)
    return parse_count(text, name)


def parse_changes(changes: Mapping[str, str], current: CanonicalEventRow) -> dict[str, Any]:
    """Every changed field's stored value; a sub-type must belong to the (new or kept) type, and the
    fatality range must hold low <= best <= high where all are known."""
    parsed = {name: parse_value(name, text) for name, text in changes.items()}
    event_type = parsed.get("event_type", current.event_type)
    sub = parsed.get("sub_event_type", current.sub_event_type if "event_type" not in parsed else None)
    if sub is not None and taxonomy().get(sub) != event_type:
        raise EditError(f"sub_event_type {sub!r} is not a sub-type of {event_type!r}")
    if "event_type" in parsed and "sub_event_type" not in parsed and current.sub_event_type != sub:
        parsed["sub_event_type"] = sub  # a new type drops a sub-type of the old one
    tolls = [parsed.get(n, getattr(current, n)) for n in ("fatalities_low", "fatalities_best", "fatalities_high")]
    known = [t for t in tolls if t is not None]
    if any(name.startswith("fatalities") for name in parsed) and known != sorted(known):
        raise EditError("fatalities must hold low <= best <= high")
    return parsed


def current_value(row: CanonicalEventRow, name: str) -> Any:
    """A canonical field's value as stored in an override (place as its columns, dates as ISO)."""
    if name == "place":
        return {field: getattr(row, field) for field in PLACE_FIELDS}
    value = getattr(row, name)
    return value.isoformat() if isinstance(value, dt.date) else value


def apply_value(row: CanonicalEventRow, name: str, value: Any) -> None:
    """Set one overridden field on a canonical row."""
    if name == "place":
        for field in PLACE_FIELDS:
            setattr(row, field, (value or {}).get(field))
    elif name == "date":
        row.date = dt.date.fromisoformat(value) if value else None
    else:
        setattr(row, name, value)


def apply_overrides(row: CanonicalEventRow, overrides: Mapping[str, Any]) -> None:
    """Set every field a person set on this canonical row (called after each re-derivation)."""
    for name in EDITABLE:  # in order, so a sub-type follows its type
        if name in overrides:
            apply_value(row, name, overrides[name])


def load_overrides(session: Session, canonical_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """canonical id -> {field: value} of every override (of the given events): human edits are few."""
    stmt = select(EventOverrideRow.canonical_id, EventOverrideRow.field, EventOverrideRow.value)
    if canonical_ids is not None:
        if not canonical_ids:
            return {}
        stmt = stmt.where(EventOverrideRow.canonical_id.in_(canonical_ids))
    found: dict[str, dict[str, Any]] = {}
    for canonical_id, name, value in session.execute(stmt):
        found.setdefault(canonical_id, {})[name] = value
    return found


def override_rows(session: Session, canonical_id: str) -> list[EventOverrideRow]:
    """The overrides of one event (who set which field, when and why)."""
    stmt = select(EventOverrideRow).where(EventOverrideRow.canonical_id == canonical_id)
    return list(session.scalars(stmt.order_by(EventOverrideRow.field)))


def store_override(session: Session, canonical_id: str, name: str, value: Any, who: str, why: str | None) -> None:
    """Insert or replace the override of one field."""
    row = session.get(EventOverrideRow, (canonical_id, name))
    if row is None:
        session.add(EventOverrideRow(canonical_id=canonical_id, field=name, value=value, who=who, why=why))
    else:
        row.value, row.who, row.why, row.at = value, who, why, utcnow()
