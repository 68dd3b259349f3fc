"""What the UCDP and ACLED importers share: the coded-event record, actor resolution, writing rows.

Writing is idempotent: rows whose ids (derived from the dataset's own ids) already exist are
replaced, so re-importing a file, or a newer release of it, leaves one row per dataset event.
Bad rows are reported (line and reason) and skipped; the rest of the file is imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from mawgun.cli.progress import track
from mawgun.ids import make_id
from mawgun.model import ActorRef
from mawgun.store.schema import CanonicalEventRow, EventActorRow, EventRow

IMPORTER_VERSION = "0.1.0"
BATCH = 500


@dataclass
class CodedEvent:
    """One event of a coded dataset, in Mawgun's vocabulary, before it is written."""

    origin: str
    origin_id: str
    event_type: str
    sub_event_type: str | None
    date: dt.date
    date_end: dt.date | None = None
    date_precision: str = "day"
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities_best: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    actor1: list[ActorRef] = field(default_factory=list)
    actor2: list[ActorRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    n_sources: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def event_id(self) -> str:
        return make_id("ev", self.origin, self.origin_id)

    @property
    def canonical_id(self) -> str:
        return make_id("ce", self.origin, self.origin_id)


@dataclass
class ImportReport:
    """What an import did: rows read, events written, and each bad row with its line and reason."""

    path: str
    origin: str
    read: int = 0
    imported: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


def _registry() -> Any:
    """The actor registry (a hard dependency: a registry that cannot load is an error)."""
    from mawgun.actors import get_registry

    return get_registry()


def resolve_actor(name: str, known: dict[str, str], on_date: dt.date | None = None) -> ActorRef:
    """An ActorRef for a dataset's actor name: the dataset's own table first, then the registry."""
    code = known.get(name)
    if code is None:
        ref = _registry().resolve(name, on_date)
        code = ref.actor_id if ref is not None else None
    return ActorRef(name=name, actor_id=code)


MAX_COUNT = 10_000_000  # no single event has more fatalities; larger numbers are errors in the file
MAX_CELL_DIGITS = 40


def parse_float(value: str | None) -> float | None:
    """A finite float from a CSV cell, None when empty; ValueError for inf, nan and overlong numbers."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) > MAX_CELL_DIGITS:
        raise ValueError(f"number too long ({len(value)} characters)")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def parse_int(value: str | None) -> int | None:
    """An integer from a CSV cell written as "34" or "34.0", None when empty; ValueError past ±10 million."""
    number = parse_float(value)
    if number is None:
        return None
    if abs(number) > MAX_COUNT:
        raise ValueError(f"{value!r} is out of range (over {MAX_COUNT:,})")
    return int(round(number))


def check_event(ev: CodedEvent) -> None:
    """ValueError naming the first value the store cannot hold or that cannot be true."""
    for name in ("fatalities_best", "fatalities_low", "fatalities_high"):
        count = getattr(ev, name)
        if count is not None and not 0 <= count <= MAX_COUNT:
            raise ValueError(f"{name} {count} is out of range (0 to {MAX_COUNT:,})")
    for name, bound in (("latitude", 90.0), ("longitude", 180.0)):
        value = getattr(ev, name)
        if value is not None and not -bound <= value <= bound:
            raise ValueError(f"{name} {value} is out of range (-{bound:.0f} to {bound:.0f})")
    for name, limit in string_limits().items():
        value = getattr(ev, name, None)
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"{name} longer than {limit} characters ({len(value)})")


@lru_cache(maxsize=1)
def string_limits() -> dict[str, int]:
    """Column name -> maximum length, for the canonical event's bounded text columns."""
    limits = {}
    for column in CanonicalEventRow.__table__.columns:
        length = getattr(column.type, "length", None)
        if length:
            limits[column.name] = int(length)
    return limits


class NotThisFormat(ValueError):
    """The file lacks columns the dataset always has (e.g. an ACLED file given to the UCDP importer)."""


def read_csv(path: Path, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str] | Exception]]:
    """(line number, row) for each data row of a CSV file (UTF-8, with or without BOM); a row the
    CSV reader refuses (a field over 128 KB, bad quoting) comes as (line, the error), and reading goes on.

    Raises NotThisFormat before reading rows when the header lacks a `required` column.
    """
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise NotThisFormat(f"{path.name} lacks the column(s) {', '.join(missing)}")
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reader.line_num, exc
                continue
            yield reader.line_num, row


def event_values(ev: CodedEvent, component: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The canonical_events row and the events row of one coded event."""
    place = {
        "admin1": ev.admin1,
        "admin1_pcode": ev.admin1_pcode,
        "admin2": ev.admin2,
        "admin3": ev.admin3,
        "location": ev.location,
        "latitude": ev.latitude,
        "longitude": ev.longitude,
        "geo_precision": ev.geo_precision,
    }
    common = {
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "date": ev.date,
        "date_end": ev.date_end,
        "date_precision": ev.date_precision,
        "origin": ev.origin,
        "tags": ev.tags,
        **place,
    }
    canonical = common | {
        "id": ev.canonical_id,
        "actor1": [a.actor_id or a.name for a in ev.actor1],
        "actor2": [a.actor_id or a.name for a in ev.actor2],
        "fatalities_best": ev.fatalities_best,
        "fatalities_low": ev.fatalities_low,
        "fatalities_high": ev.fatalities_high,
        "n_reports": 1,
        "n_sources": ev.n_sources,
        "n_outlets": ev.n_sources,
        "first_reported": ev.date,
        "last_reported": ev.date_end or ev.date,
        "explanation": {"imported": ev.origin, "origin_id": ev.origin_id},
    }
    report = common | {
        "id": ev.event_id,
        "document_id": None,
        "origin_id": ev.origin_id,
        "fatalities": ev.fatalities_best,
        "fatalities_low": ev.fatalities_low,
        "fatalities_high": ev.fatalities_high,
        "component": component,
        "component_version": IMPORTER_VERSION,
        "rule": f"{ev.origin}-import",
        "confidence": 1.0,
        "canonical_id": ev.canonical_id,
        "extra": ev.extra,
    }
    return canonical, report


def actor_values(ev: CodedEvent) -> list[dict[str, Any]]:
    """event_actors rows of one coded event (names kept as the dataset wrote them)."""
    rows = []
    for role, refs in ((1, ev.actor1), (2, ev.actor2)):
        for position, ref in enumerate(refs):
            rows.append(
                {
                    "event_id": ev.event_id,
                    "role": role,
                    "position": position,
                    "actor_id": ref.actor_id,
                    "name": ref.name,
                }
            )
    return rows


def write_events(session: Session, events: list[CodedEvent], component: str) -> None:
    """Replace-or-insert a batch of coded events (one event and one canonical event each)."""
    if not events:
        return
    unique = list({ev.event_id: ev for ev in events}.values())
    pairs = [event_values(ev, component) for ev in unique]
    event_ids = [ev.event_id for ev in unique]
    canonical_ids = [ev.canonical_id for ev in unique]
    session.execute(delete(EventActorRow).where(EventActorRow.event_id.in_(event_ids)))
    session.execute(delete(EventRow).where(EventRow.id.in_(event_ids)))
    session.execute(delete(CanonicalEventRow).where(CanonicalEventRow.id.in_(canonical_ids)))
    session.execute(insert(CanonicalEventRow), [canonical for canonical, _ in pairs])
    session.execute(insert(EventRow), [report for _, report in pairs])
    actors = [row for ev in unique for row in actor_values(ev)]
    if actors:
        session.execute(insert(EventActorRow), actors)


def import_file(
    session: Session,
    path: Path,
    origin: str,
    parse_row: Callable[[dict[str, str]], CodedEvent],
    show_progress: bool = False,
    required: tuple[str, ...] = (),
) -> ImportReport:
    """Read a CSV, parse each row (bad rows reported, not fatal) and write events in batches.

    A file without the dataset's `required` columns raises NotThisFormat and writes nothing.
    """
    report = ImportReport(path=str(path), origin=origin)
    rows = list(read_csv(path, required))
    batch: list[CodedEvent] = []
    for line, row in track(rows, f"Importing {origin}", len(rows), show_progress):
        report.read += 1
        try:
            if isinstance(row, Exception):
                raise ValueError(f"unreadable CSV row: {row}")
            event = parse_row(row)
            check_event(event)
            batch.append(event)
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            report.problems.append((line, f"{type(exc).__name__}: {exc}"))
            continue
        if len(batch) >= BATCH:
            write_events(session, batch, f"mawgun.ingest.coded.{origin}")
            report.imported += len(batch)
            batch = []
    write_events(session, batch, f"mawgun.ingest.coded.{origin}")
    report.imported += len(batch)
    return report
