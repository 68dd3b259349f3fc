"""Sources as data: the `sources` table (feeds, sitemaps and pages to watch) and the starter list.

A source has a unique name, a kind (feed, sitemap or page), a URL, the outlet its documents are
credited to, a language, a time zone (to read feed dates as the outlet's local day), a polling
interval and an enabled flag. Polling state (validators, next poll, failures) lives in the same row
and belongs to the watcher (`mawgun.sources.watch`).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mawgun.sources.fetch import is_url
from mawgun.store.schema import SourceItemRow, SourceRow

KINDS = ("feed", "sitemap", "page")
DEFAULT_INTERVAL = 60
DEFAULT_TIMEZONE = "Asia/Yangon"
STARTER_FILE = Path(__file__).parent / "data" / "starter_sources.yaml"


class SourceError(ValueError):
    """A source that cannot be added or found; the message says why."""


@dataclass
class SourceSpec:
    """What a user says about a source (the table adds its polling state)."""

    name: str
    kind: str
    url: str
    outlet: str | None = None
    language: str | None = None
    timezone: str | None = DEFAULT_TIMEZONE
    interval_minutes: int = DEFAULT_INTERVAL
    enabled: bool = True


def check_spec(spec: SourceSpec) -> None:
    """SourceError for a bad kind, URL, time zone or interval."""
    if not spec.name.strip():
        raise SourceError("a source needs a name")
    if spec.kind not in KINDS:
        raise SourceError(f"unknown kind '{spec.kind}' (one of {', '.join(KINDS)})")
    if not is_url(spec.url):
        raise SourceError(f"not an http(s) URL: {spec.url}")
    if spec.interval_minutes < 1:
        raise SourceError("the polling interval is at least 1 minute")
    if spec.timezone:
        try:
            zoneinfo.ZoneInfo(spec.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise SourceError(f"unknown time zone '{spec.timezone}' (e.g. Asia/Yangon, UTC)") from exc


def add_source(session: Session, spec: SourceSpec) -> SourceRow:
    """Store a new source; SourceError when the name is taken or a field is bad."""
    check_spec(spec)
    if find_source(session, spec.name) is not None:
        raise SourceError(f"a source named '{spec.name}' exists already (remove it first, or choose another name)")
    row = SourceRow(
        name=spec.name,
        kind=spec.kind,
        url=spec.url,
        outlet=spec.outlet,
        language=spec.language,
        timezone=spec.timezone,
        interval_minutes=spec.interval_minutes,
        enabled=spec.enabled,
        failures=0,
    )
    session.add(row)
    session.flush()
    return row


def find_source(session: Session, name: str) -> SourceRow | None:
    """The source of that name, or None."""
    return session.scalars(select(SourceRow).where(SourceRow.name == name)).first()


def get_source(session: Session, name: str) -> SourceRow:
    """The source of that name; SourceError naming the known ones when there is none."""
    row = find_source(session, name)
    if row is None:
        known = ", ".join(r.name for r in list_sources(session)) or "none yet"
        raise SourceError(f"no source named '{name}' (known: {known})")
    return row


def list_sources(session: Session, enabled_only: bool = False) -> list[SourceRow]:
    """Sources by name."""
    stmt = select(SourceRow).order_by(SourceRow.name)
    if enabled_only:
        stmt = stmt.where(SourceRow.enabled.is_(True))
    return list(session.scalars(stmt))


def set_enabled(session: Session, name: str, enabled: bool) -> SourceRow:
    """Enable or disable a source; enabling makes it due at once and forgets its back-off."""
    row = get_source(session, name)
    row.enabled = enabled
    if enabled:
        row.next_poll_at = None
        row.failures = 0
    session.flush()
    return row


def remove_source(session: Session, name: str) -> None:
    """Delete a source and its item history (documents it brought stay in the store)."""
    row = get_source(session, name)
    session.execute(delete(SourceItemRow).where(SourceItemRow.source_id == row.id))
    session.delete(row)
    session.flush()


def starter_specs(path: Path = STARTER_FILE) -> list[SourceSpec]:
    """The shipped starter list, every source disabled."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        SourceSpec(
            name=entry["name"],
            kind=entry.get("kind", "feed"),
            url=entry["url"],
            outlet=entry.get("outlet"),
            language=entry.get("language"),
            timezone=entry.get("timezone", DEFAULT_TIMEZONE),
            interval_minutes=int(entry.get("interval", DEFAULT_INTERVAL)),
            enabled=False,
        )
        for entry in data.get("sources", [])
    ]


def add_starter(session: Session) -> list[str]:
    """Add the starter sources not yet present (all disabled); the names added."""
    added = []
    for spec in starter_specs():
        if find_source(session, spec.name) is None:
            add_source(session, spec)
            added.append(spec.name)
    return added


def today_start() -> dt.datetime:
    """Midnight UTC today (naive, as the store keeps UTC times)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def source_health(session: Session) -> list[dict[str, Any]]:
    """Each source with its health: last success, last error, failures, next poll and items read today."""
    stmt = (
        select(SourceItemRow.source_id, func.count())
        .where(SourceItemRow.status == "read", SourceItemRow.at >= today_start())
        .group_by(SourceItemRow.source_id)
    )
    counts: dict[int, int] = {int(source_id): int(n) for source_id, n in session.execute(stmt).all()}
    return [health_of(row, int(counts.get(row.id, 0))) for row in list_sources(session)]


def health_of(row: SourceRow, items_today: int) -> dict[str, Any]:
    """One source's health as plain data (for the CLI, the API and the dashboard)."""

    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat(timespec="seconds") + "Z" if value else None

    if not row.enabled:
        state = "disabled"
    elif row.failures:
        state = "failing"
    elif row.last_success_at:
        state = "ok"
    else:
        state = "not polled yet"
    return {
        "name": row.name,
        "kind": row.kind,
        "url": row.url,
        "outlet": row.outlet,
        "language": row.language,
        "timezone": row.timezone,
        "interval_minutes": row.interval_minutes,
        "enabled": bool(row.enabled),
        "state": state,
        "last_success_at": iso(row.last_success_at),
        "last_error": row.last_error,
        "last_error_at": iso(row.last_error_at),
        "failures": row.failures,
        "next_poll_at": iso(row.next_poll_at),
        "items_today": items_today,
    }
