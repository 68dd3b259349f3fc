"""Which values of a canonical event a person set, and which rules set the others.

A person's values are the overrides (who, when, why). Every other value was derived from the
event's reports, and each report's `Provenance.fields` names the rule that set that field in it
("date": "event_dates.event_date/dmy"); the event page lists those rules, so a reader sees how
each value came about.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.review.overrides import EDITABLE, RULE_KEYS, current_value, override_rows
from mawgun.store.schema import CanonicalEventRow, EventRow

LABELS = {
    "event_type": "Event type", "sub_event_type": "Sub-event type", "date": "Date", "date_precision": "Date precision",
    "place": "Place", "actor1": "Actor 1", "actor2": "Actor 2", "fatalities_best": "Fatalities (best)",
    "fatalities_low": "Fatalities (low)", "fatalities_high": "Fatalities (high)",
}  # fmt: skip


def report_rules(session: Session, canonical_id: str) -> dict[str, list[str]]:
    """Provenance key -> the distinct rules that set it in the event's reports (component rule as fallback)."""
    found: dict[str, list[str]] = {}
    stmt = select(EventRow.extra, EventRow.component, EventRow.rule).where(EventRow.canonical_id == canonical_id)
    for extra, component, rule in session.execute(stmt.order_by(EventRow.id)):
        fields = dict((extra or {}).get("provenance_fields") or {})
        for key in ("event_type", "sub_event_type", "date", "place", "actor1", "actor2", "fatalities"):
            named = fields.get(key) or (f"{component}: {rule}" if rule else component)
            if named and named not in found.setdefault(key, []):
                found[key].append(named)
    return found


def shown(name: str, value: Any) -> str:
    """A field's value as text for the page (place as its most precise name with P-code)."""
    if value is None or value == []:
        return "unknown" if name.startswith("fatalities") else "–"
    if name == "place":
        where = [value.get("location"), value.get("admin3"), value.get("admin1")]
        name_text = ", ".join(dict.fromkeys(w for w in where if w)) or "–"
        return f"{name_text} ({value.get('pcode')})" if value.get("pcode") else name_text
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_origins(session: Session, canonical_id: str) -> list[dict[str, Any]]:
    """For each editable field: its value, and either the person who set it (who, at, why) or the rules
    that set it in the reports. Empty for an unknown event."""
    row = session.get(CanonicalEventRow, canonical_id)
    if row is None:
        return []
    people = {o.field: o for o in override_rows(session, canonical_id)}
    rules = report_rules(session, canonical_id)
    origins = []
    for name in EDITABLE:
        entry: dict[str, Any] = {"field": name, "label": LABELS[name], "value": shown(name, current_value(row, name))}
        person = people.get(name)
        if person is not None:
            entry.update(by="person", who=person.who, at=person.at, why=person.why)
        else:
            entry.update(
                by="rule",
                rules=rules.get(RULE_KEYS.get(name, name), []) or ["imported" if row.origin != "mawgun" else "derived"],
            )
        origins.append(entry)
    return origins
