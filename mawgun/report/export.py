"""Export events in formats other tools read: ACLED's CSV, plain CSV, GeoJSON, JSON Lines, HXL.

`export_events(session, fmt, out, flt)` writes canonical events (or event reports with
`flt.per_report`) that match an analytics `EventFilter` and returns how many rows it wrote. Every row
links back to its sources: the document ids, urls and outlets of the reports behind the event.

- `acled-csv`: exactly ACLED's columns and conventions (`mawgun.report.acled`), so tools written for
  ACLED data read Mawgun's events unchanged and `mawgun import acled` reads them back.
- `csv`: Mawgun's own columns (registry codes, P-codes, fatality ranges, source ids and urls).
- `geojson`: a FeatureCollection of points (events without coordinates have a null geometry).
- `jsonl`: one JSON object per line with every field.
- `hxl`: CSV with a second row of HXL hashtags (#event+id, #date, ...) for humanitarian tools.
- `ftm`: the sanctions (not events) as FollowTheMoney entities (`mawgun.report.ftm`), dated by
  `flt.since`/`flt.until`.

Events known only to a unit (township, district, state/region) get the unit's centroid, as ACLED does."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from mawgun.analytics.evidence import evidence_for, quotes_for
from mawgun.cli.progress import counted, progress_bar
from mawgun.geo.units import admin1_pcode, sub_unit_name, unit_point
from mawgun.model import TIME_PRECISION
from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter, dialect_of, filter_conditions, source_for
from mawgun.report.acled import acled_columns, acled_row
from mawgun.safety import finite_or_none, spreadsheet_cell
from mawgun.store.schema import DocumentRow

FORMATS = ("acled-csv", "csv", "geojson", "jsonl", "hxl", "ftm")
CSV_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "civilian_targeting",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "tags",
]
MAWGUN_COLUMNS = [
    "mawgun_id",
    "origin",
    "admin1_pcode",
    "admin2_pcode",
    "admin3_pcode",
    "fatalities_low",
    "fatalities_high",
    "n_reports",
    "n_sources",
    "document_ids",
    "urls",
    "outlets",
]
HXL_TAGS = {
    "event_id_cnty": "#event+id",
    "event_date": "#date",
    "event_type": "#event+type",
    "sub_event_type": "#event+type+sub",
    "admin1": "#adm1+name",
    "admin1_pcode": "#adm1+code",
    "admin2": "#adm2+name",
    "admin3": "#adm3+name",
    "admin3_pcode": "#adm3+code",
    "location": "#loc+name",
    "latitude": "#geo+lat",
    "longitude": "#geo+lon",
    "fatalities": "#affected+killed",
    "actor1": "#org+name",
    "source": "#meta+source",
    "urls": "#meta+url",
}
HXL_COLUMNS = list(HXL_TAGS)
CIVILIAN_TYPES = {"Violence against civilians"}
BATCH = 500


class ExportError(ValueError):
    """An unknown export format or an unwritable destination."""


def iter_events(session: Session, flt: EventFilter) -> Iterator[list[Any]]:
    """Matching events (canonical or reports) in batches, oldest first."""
    src = source_for(flt)
    conds = filter_conditions(src, flt, dialect_of(session))
    stmt = select(src.table).where(and_(*conds)) if conds else select(src.table)
    stmt = stmt.order_by(src.col("date").nulls_last(), src.col("id"))
    batch: list[Any] = []
    for row in session.scalars(stmt):
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def report_sources(session: Session, rows: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its sources (document id, outlet, url, title, quotes), for reports or canonical events."""
    if rows and hasattr(rows[0], "canonical_id"):
        doc_ids = sorted({r.document_id for r in rows if r.document_id})
        docs = {d.id: d for d in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids)))}
        quotes = quotes_for(session, [r.id for r in rows])
        out: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            doc = docs.get(r.document_id or "")
            out[r.id] = (
                [
                    {
                        "document_id": r.document_id,
                        "outlet": doc.outlet if doc else None,
                        "url": doc.url if doc else None,
                        "quotes": [q["quote"] for q in quotes.get(r.id, []) if q["quote"]],
                    }
                ]
                if r.document_id
                else []
            )
        return out
    return evidence_for(session, [r.id for r in rows])


def names(actors: Any) -> list[str]:
    """Actor codes/names of a canonical event's JSON list, or []."""
    return [str(a) for a in (actors or []) if a]


def unique(values: list[Any]) -> list[str]:
    """Non-empty values in first-seen order, once each."""
    seen: list[str] = []
    for value in values:
        if value and str(value) not in seen:
            seen.append(str(value))
    return seen


def place_columns(row: Any) -> dict[str, Any]:
    """The event's place, with a point for events known only to a unit: the township's centroid
    (geo_precision 2), else the district's or state/region's (3), as ACLED places such events."""
    pcode1 = row.admin1_pcode or admin1_pcode(row.admin1)
    place = {"admin1_pcode": pcode1, "latitude": row.latitude, "longitude": row.longitude}
    place["geo_precision"] = row.geo_precision
    if row.latitude is None or row.longitude is None:
        for pcode, precision in ((row.admin3_pcode, 2), (row.admin2_pcode, 3), (pcode1, 3)):
            point = unit_point(pcode) if pcode else None
            if point is not None:
                place["latitude"], place["longitude"] = point
                place["geo_precision"] = max(row.geo_precision or precision, precision)
                break
    return place


def event_record(row: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """One event as a flat dict with ACLED's columns and Mawgun's own."""
    actor1, actor2 = names(getattr(row, "actor1", None)), names(getattr(row, "actor2", None))
    best = row.fatalities_best if hasattr(row, "fatalities_best") else row.fatalities
    quotes = unique([q for s in sources for q in s.get("quotes", [])])
    place = place_columns(row)
    return {
        "event_id_cnty": row.id,
        "event_date": row.date.isoformat() if row.date else "",
        "year": row.date.year if row.date else "",
        "time_precision": TIME_PRECISION.get(row.date_precision or "day", 1),
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type or "",
        "actor1": actor1[0] if actor1 else "",
        "assoc_actor_1": "; ".join(actor1[1:]),
        "actor2": actor2[0] if actor2 else "",
        "assoc_actor_2": "; ".join(actor2[1:]),
        "civilian_targeting": "Civilian targeting" if row.event_type in CIVILIAN_TYPES else "",
        "admin1": row.admin1 or "",
        "admin2": row.admin2 or "",
        "admin3": row.admin3 or "",
        "location": row.location or row.admin3 or "",
        "latitude": place["latitude"],
        "longitude": place["longitude"],
        "geo_precision": place["geo_precision"] or "",
        "source": "; ".join(unique([s.get("outlet") or s.get("origin") for s in sources])),
        "notes": " | ".join(quotes),
        "fatalities": best,
        "tags": "; ".join(str(t) for t in (row.tags or [])),
        "mawgun_id": row.id,
        "origin": row.origin,
        "admin1_pcode": place["admin1_pcode"] or "",
        "admin2_pcode": row.admin2_pcode or "",
        "admin3_pcode": row.admin3_pcode or "",
        "fatalities_low": row.fatalities_low,
        "fatalities_high": row.fatalities_high,
        "n_reports": getattr(row, "n_reports", 1),
        "n_sources": getattr(row, "n_sources", 1),
        "document_ids": unique([s.get("document_id") for s in sources]),
        "urls": unique([s.get("url") for s in sources]),
        "outlets": unique([s.get("outlet") for s in sources]),
    }


def acled_record(row: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """One event in ACLED's columns; an imported ACLED event keeps its ACLED id."""
    record = event_record(row, sources)
    explanation = getattr(row, "explanation", None) or {}
    origin_id = getattr(row, "origin_id", None) or explanation.get("origin_id")
    raw = {
        "event_id_cnty": origin_id if row.origin == "acled" and origin_id else row.id,
        "date": row.date,
        "date_precision": row.date_precision,
        "tag_list": [str(t) for t in (row.tags or [])],
        "fatalities_best": record["fatalities"],
        "admin1": sub_unit_name(row.admin1, row.admin1_pcode) or "",
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": record["geo_precision"],
    }
    changed = getattr(row, "updated_at", None) or getattr(row, "created_at", None)
    return acled_row(record | raw, record_actors(row, 1), record_actors(row, 2), changed)


def record_actors(row: Any, role: int) -> list[str]:
    """The codes (or names) of one side of an event."""
    return names(getattr(row, f"actor{role}", None))


def iter_records(session: Session, flt: EventFilter, acled: bool = False) -> Iterator[dict[str, Any]]:
    """Every matching event as a record (in ACLED's columns when `acled`), with its sources."""
    make = acled_record if acled else event_record
    for batch in iter_events(session, flt):
        sources = report_sources(session, batch)
        for row in batch:
            yield make(row, sources.get(row.id, []))


def csv_value(value: Any) -> str:
    """A CSV cell: lists joined with '; ', None (and NaN, infinities) empty, formulas defused."""
    value = finite_or_none(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return spreadsheet_cell("; ".join(str(v) for v in value))
    return spreadsheet_cell(str(value))


def json_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record with NaN and infinite numbers as null (JSON has no Infinity)."""
    return {key: finite_or_none(value) for key, value in record.items()}


def write_csv(records: Iterator[dict[str, Any]], handle: Any, columns: list[str], tags: list[str] | None) -> int:
    """CSV with a header row (and an HXL hashtag row when `tags` is given)."""
    writer = csv.writer(handle)
    writer.writerow(columns)
    if tags:
        writer.writerow(tags)
    count = 0
    for record in records:
        writer.writerow([csv_value(record.get(c)) for c in columns])
        count += 1
    return count


def write_geojson(records: Iterator[dict[str, Any]], handle: Any) -> int:
    """A FeatureCollection written feature by feature (memory stays flat on large stores)."""
    handle.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for record in records:
        record = json_record(record)
        lon, lat = record["longitude"], record["latitude"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lon is not None and lat is not None else None
        feature = {"type": "Feature", "id": record["event_id_cnty"], "geometry": geometry, "properties": record}
        line = json.dumps(feature, ensure_ascii=False, default=str, allow_nan=False)
        handle.write(("," if count else "") + line + "\n")
        count += 1
    handle.write("]}\n")
    return count


def write_jsonl(records: Iterator[dict[str, Any]], handle: Any) -> int:
    """One JSON object per line."""
    count = 0
    for record in records:
        handle.write(json.dumps(json_record(record), ensure_ascii=False, default=str, allow_nan=False) + "\n")
        count += 1
    return count


def events_to_write(session: Session, flt: EventFilter) -> int:
    """How many events (or reports) match `flt` (the query layer's count): the progress bar's length."""
    return sum(int(row["events"]) for row in count_events(session, [], flt))


def export_events(
    session: Session, fmt: str, out: Path | str, flt: EventFilter | None = None, show_progress: bool = False
) -> int:
    """Write the events matching `flt` to `out` in format `fmt` (see FORMATS); return the row count.
    `show_progress` draws a bar (`mawgun.cli.progress`) over the rows."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    flt = flt or EventFilter()
    path = Path(out)
    if fmt == "ftm":
        return export_sanctions(session, path, flt)
    path.parent.mkdir(parents=True, exist_ok=True)
    total = events_to_write(session, flt) if show_progress else None
    with progress_bar(f"Exporting {fmt}", total, show_progress) as advance:
        records = counted(iter_records(session, flt, acled=fmt == "acled-csv"), advance)
        return write_records(fmt, records, path)


def write_records(fmt: str, records: Iterator[dict[str, Any]], path: Path) -> int:
    """Write event records to `path` in an event format; return how many."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        if fmt == "acled-csv":
            return write_csv(records, handle, acled_columns(), None)
        if fmt == "csv":
            return write_csv(records, handle, CSV_COLUMNS + MAWGUN_COLUMNS, None)
        if fmt == "hxl":
            return write_csv(records, handle, HXL_COLUMNS, [HXL_TAGS[c] for c in HXL_COLUMNS])
        if fmt == "geojson":
            return write_geojson(records, handle)
        return write_jsonl(records, handle)


def export_sanctions(session: Session, path: Path, flt: EventFilter) -> int:
    """Write the sanctions dated within the filter's dates as FollowTheMoney entities; return how many.

    Raises `mawgun.report.ftm.MissingExtra` (naming the extra) before any file is written when the
    followthemoney library is not installed."""
    from mawgun.report.ftm import ftm_model, write_ftm

    ftm_model()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        return write_ftm(session, handle, flt.since, flt.until)
