"""HTTP API for events: lists, one event with its evidence, aggregates, map layers, control, exports.

Resources have stable content-derived ids (`/api/v1/events/{event_id}`), so analyst editing can
later add PATCH/POST on the same URLs. Lists take the shared filters, `limit`/`offset` (with the
total) and `sort`; `format=csv` answers the same page as CSV.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import pydantic_core
from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import TypeAdapter
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from mawgun.query import events as query_events
from mawgun.query import map as query_map
from mawgun.query.cache import cached
from mawgun.query.counts import count_cached
from mawgun.query.filter import GROUP_KEYS, EventFilter, scope_label
from mawgun.report.export import export_events as write_export
from mawgun.store.db import session_scope
from mawgun.web import control
from mawgun.web.deps import FiltersDep, Limit, Offset, SessionDep, clean_text, invalid
from mawgun.web.formats import csv_lines, geojson_chunks, in_blocks, jsonl_lines, to_csv
from mawgun.web.responses import json_bytes
from mawgun.web.schemas import (
    ControlRow,
    ErrorOut,
    EventDetail,
    EventOut,
    MapEvents,
    MapLayer,
    Page,
    StatsOut,
    StatsRow,
)

router = APIRouter(prefix="/api/v1", tags=["events"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "No such resource."}}
EVENT_COLUMNS = [name for name in EventOut.model_fields if not name.endswith("_refs")]  # the CSV columns

Sort = Literal["-date", "date", "-fatalities", "fatalities", "-reports", "reports", "admin1", "event_type"]
PerReport = Annotated[
    bool | None, Query(description="true: one row per report; false: canonical events (default when deduplicated).")
]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


@router.get("/events", response_model=Page[EventOut], responses=CSV_RESPONSE)
def list_events(
    session: SessionDep,
    filters: FiltersDep,
    per_report: PerReport = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[Sort, Query(description="Order: a field, descending with a leading minus.")] = "-date",
    format: Format = "json",
) -> Any:
    """Canonical events (or reports with `per_report=true`) matching the filters, one page."""
    flt = query_events.with_level(session, filters, per_report)
    total, items = query_events.list_events(session, flt, limit, offset, sort)
    if format == "csv":
        return Response(to_csv(items, EVENT_COLUMNS), media_type="text/csv")
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND)
def get_event(
    request: Request,
    session: SessionDep,
    event_id: Annotated[str, Path(description="A canonical event id (or a report id).", max_length=100)],
) -> Any:
    """One event with its reports, the documents they come from and every evidence span (in public mode
    an anonymous visitor gets published events only)."""
    from mawgun.web.pages import visible_event

    clean_text(event_id, "event_id", "path")
    detail = query_events.get_event(session, event_id)
    if detail is not None and not visible_event(request, session, detail["event"]["event_id"]):
        detail = None
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id}")
    return detail


Dimensions = Annotated[
    str,
    Query(
        description="Comma-separated group keys: " + ", ".join(GROUP_KEYS),
        max_length=200,
        examples=["month,admin1"],
    ),
]


def parse_dimensions(by: str) -> list[str]:
    """Validated group keys (at most three, no repeats)."""
    names = [name.strip() for name in by.split(",") if name.strip()]
    unknown = [name for name in names if name not in GROUP_KEYS]
    if unknown or not names or len(names) > 3 or len(set(names)) != len(names):
        raise invalid("by", f"one to three distinct keys of {', '.join(GROUP_KEYS)}")
    return names


@router.get("/stats", response_model=StatsOut, responses=CSV_RESPONSE)
def get_stats(
    session: SessionDep,
    filters: FiltersDep,
    by: Dimensions = "month",
    per_report: PerReport = None,
    format: Format = "json",
) -> Any:
    """Event and fatality counts grouped by period, type, place or actor (server-side aggregation).

    Counted by `mawgun.query.count_events`, the numbers `mawgun stats` prints; weeks are named by
    their Monday, as everywhere in the web API."""
    names = parse_dimensions(by)
    flt = query_events.with_level(session, filters, per_report)
    level = flt.level
    rows = [shape_count(row, names) for row in count_cached(session, names, flt)]
    if format == "csv":
        return Response(to_csv(rows, [*names, *TOLL_COLUMNS]), media_type="text/csv")
    out = [StatsRow(keys={n: _key(r[n]) for n in names}, **{c: r[c] for c in TOLL_COLUMNS}) for r in rows]
    return StatsOut(level=level, by=names, rows=out, counting=scope_label(flt))  # type: ignore[arg-type]


TOLL_COLUMNS = ("events", "fatalities", "toll_known", "toll_unknown")


def _key(value: Any) -> str | None:
    return None if value is None else str(value)


def monday_of(label: Any) -> Any:
    """An ISO week label ("2024-W31") as the date of its Monday ("2024-07-29"); other values unchanged."""
    if isinstance(label, str) and len(label) == 8 and label[4:6] == "-W":
        return dt.date.fromisocalendar(int(label[:4]), int(label[6:]), 1).isoformat()
    return label


def shape_count(row: dict[str, Any], by: list[str]) -> dict[str, Any]:
    """A count row as the API answers it: its keys (weeks by their Monday), events and fatalities."""
    keys = {k: monday_of(row.get(k)) if k == "week" else row.get(k) for k in by}
    return {**keys, **{name: row[name] for name in TOLL_COLUMNS}}


@router.get("/map", response_model=MapLayer)
def get_map(
    request: Request,
    session: SessionDep,
    filters: FiltersDep,
    per_report: PerReport = None,
    points: Annotated[int, Query(ge=0, le=5000, description="Most point groups to return.")] = 2000,
) -> Any:
    """The map's layers: events per township (choropleth) and event points grouped at ~1 km (~5 km
    above 20,000 events)."""
    flt = query_events.with_level(session, filters, per_report)
    body = cached(session, "map-json", (flt, points), lambda: map_json(session, flt, points))
    return json_bytes(request, body)


MAP_EVENTS_LIMIT = 10_000  # the dashboard map's default: the newest 10,000 matching events


@router.get("/map/events", response_model=MapEvents)
def get_map_events(
    request: Request,
    session: SessionDep,
    filters: FiltersDep,
    per_report: PerReport = None,
    limit: Annotated[
        int, Query(ge=1, le=50_000, description="Most events to return (newest first).")
    ] = MAP_EVENTS_LIMIT,
) -> Any:
    """The newest matching events one by one, for the clustered map and its time slider: date span
    (month-precision dates span their month), place, whether it is known only to the state/region,
    and the toll (null when unknown)."""
    flt = query_events.with_level(session, filters, per_report)
    body = cached(session, "map-events", (flt, limit), lambda: map_events_json(session, flt, limit))
    return json_bytes(request, body)


def map_events_json(session: Session, flt: EventFilter, limit: int) -> bytes:
    """The map's events serialised once, reused while the data is unchanged: plain JSON of the rows the
    query layer built in `MapEvents`' shape (tests/web hold it equal to the model's own output), since
    validating 10,000 rows through the model cost more than reading them (pydantic-core's serialiser,
    which the model would use, without the validation)."""
    data = {"level": flt.level, **query_map.map_events(session, flt, limit)}
    return pydantic_core.to_json(data)


def map_json(session: Session, flt: EventFilter, points: int) -> bytes:
    """The map layer serialised once (validated by `MapLayer`), reused while the data is unchanged."""
    total = query_events.count_matching(session, flt)
    cells = 100 if total <= 20_000 else 20  # ~1 km cells, or ~5 km when there are many events
    layer = query_map.map_layer(session, flt, points, cells)
    return MapLayer.model_validate({"level": flt.level, **layer}).model_dump_json().encode("utf-8")


@router.get("/control", response_model=list[ControlRow], responses=CSV_RESPONSE)
def get_control(
    request: Request,
    session: SessionDep,
    filters: FiltersDep,
    as_of: Annotated[dt.date | None, Query(description="Control on this day (default: latest event).")] = None,
    format: Format = "json",
) -> Any:
    """Territorial control (`mawgun.analytics`, from canonical events): who holds each place after
    the latest recorded change of hands."""
    rows = control.territorial_control(session, filters, as_of)
    if format == "csv":
        return Response(to_csv(rows, list(ControlRow.model_fields)), media_type="text/csv")
    key = (filters, as_of)  # the rows validated and serialised once, reused while the data is unchanged
    body = cached(session, "control-json", key, lambda: CONTROL_ROWS.dump_json(CONTROL_ROWS.validate_python(rows)))
    return json_bytes(request, body)


CONTROL_ROWS: TypeAdapter[list[ControlRow]] = TypeAdapter(list[ControlRow])


@router.get(
    "/exports/events.{fmt}",
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}, "application/geo+json": {}}}},
    response_class=StreamingResponse,
)
def export_events(
    request: Request,
    session: SessionDep,
    filters: FiltersDep,
    fmt: Literal["csv", "jsonl", "geojson", "acled.csv", "hxl.csv"],
    per_report: PerReport = None,
) -> Response:
    """Every event matching the filters as a download: CSV, JSON Lines or GeoJSON points.

    Streamed: rows are read in batches from a session that lives as long as the download.
    `acled.csv` (ACLED's columns) and `hxl.csv` (HXL hashtags) are written by `mawgun.report.export`,
    the same files `mawgun export` writes."""
    flt = query_events.with_level(session, filters, per_report)
    if fmt in ("acled.csv", "hxl.csv"):
        return report_stage_export(session, fmt, flt)
    rows = stream_events(request.app.state.db_url, flt)
    media = {"csv": "text/csv", "jsonl": "application/x-ndjson", "geojson": "application/geo+json"}[fmt]
    if fmt == "csv":
        body = csv_lines(rows, EVENT_COLUMNS)
    elif fmt == "jsonl":
        body = jsonl_lines(rows)
    else:
        body = geojson_chunks(rows)
    headers = {"Content-Disposition": f'attachment; filename="mawgun-events.{fmt}"'}
    return StreamingResponse(in_blocks(body), media_type=media, headers=headers)


def stream_events(db_url: str, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """The matching events, read in batches inside their own session."""
    with session_scope(db_url) as session:
        yield from query_events.iter_events(session, flt)


def report_stage_export(session: Session, fmt: str, flt: EventFilter) -> Response:
    """An export written by `mawgun.report.export` into a temporary file, sent, then deleted."""
    handle = tempfile.NamedTemporaryFile(prefix="mawgun-export-", suffix=".csv", delete=False)  # noqa: SIM115
    handle.close()
    path = pathlib.Path(handle.name)
    write_export(session, fmt.removesuffix(".csv").replace("acled", "acled-csv"), path, flt)
    name = f"mawgun-events.{fmt}"
    return FileResponse(path, media_type="text/csv", filename=name, background=BackgroundTask(path.unlink))
