"""CLI of the query layer: `mawgun events`, the event listing.

It takes the same filter options as `mawgun stats` and `mawgun export` (`mawgun.cli.options`) and
lists through `mawgun.query.events`, so it shows the events the counts count.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mawgun.cli import groups
from mawgun.cli.options import (
    Actors,
    Admin1,
    Admin3,
    Alliance,
    Db,
    Origin,
    Outlets,
    PerReport,
    Release,
    Review,
    Side,
    Since,
    SubTypes,
    Types,
    Until,
    make_filter,
)
from mawgun.query.precision import show_date, show_place

FORMATS = ("table", "csv", "json")
COLUMNS = ("event_id", "date", "event_type", "sub_event_type", "admin1", "admin3", "location", "actor1", "actor2")


def check_format(value: str) -> str:
    """Validate --format."""
    if value not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}")
    return value


def event_columns(event: dict[str, Any], per_report: bool) -> dict[str, Any]:
    """The columns shown for an event in CSV."""
    row = {key: event.get(key) for key in COLUMNS}
    row["fatalities"] = event.get("fatalities")
    if per_report:
        row["outlet"] = event.get("outlet")
    else:
        row["sources"] = event.get("n_sources")
    return row


def compact_event(event: dict[str, Any], per_report: bool) -> dict[str, Any]:
    """The few columns an 80-column terminal can show: date, type, place, actors, deaths, sources."""
    from mawgun.store.output import cell

    place = show_place(event)
    sides = [" ".join(cell(event.get(k)).split(";")) for k in ("actor1", "actor2")]
    return {
        "id": event.get("event_id"),
        "date": show_date(event.get("date"), event.get("date_precision")),
        "event": event.get("sub_event_type") or event.get("event_type"),
        "place": place,
        "actors": " vs ".join(s for s in sides if s),
        "deaths": event.get("fatalities"),
        "outlet" if per_report else "sources": event.get("outlet") if per_report else event.get("n_sources"),
    }


def events_command(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    types: Types = None,
    sub_types: SubTypes = None,
    admin1: Admin1 = None,
    admin3: Admin3 = None,
    actors: Actors = None,
    alliance: Alliance = None,
    side: Side = None,
    origin: Origin = None,
    outlets: Outlets = None,
    per_report: PerReport = False,
    review: Review = "drafts",
    release: Release = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.")] = 50,
    output_format: Annotated[
        str, typer.Option("--format", callback=check_format, help="table, csv or json.")
    ] = "table",
    db: Db = None,
) -> None:
    """List events, newest first: canonical (deduplicated) events, or each report with --per-report.

    Example: mawgun events --type Battles --admin1 Sagaing --since 2024-01-01 --format csv

    Example: mawgun events --review reviewed --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    from mawgun.cli.options import counting_scope
    from mawgun.query.events import list_events
    from mawgun.store.db import session_scope
    from mawgun.store.errors import database_errors
    from mawgun.store.output import print_rows

    flt = make_filter(
        since, until, types, sub_types, admin1, admin3, actors, alliance, side, origin, per_report, outlets, review,
        release,
    )  # fmt: skip
    with database_errors(), session_scope(db) as session:
        label = counting_scope(session, flt)
        _, events = list_events(session, flt, limit=limit)
    if output_format == "json":
        rows = events
    elif output_format == "csv":
        rows = [event_columns(e, per_report) for e in events]
    else:
        rows = [compact_event(e, per_report) for e in events]
    kind = "event reports" if per_report else "canonical events"
    print_rows(rows, output_format, title=f"{len(rows)} {kind}: {label}")


def register(app: typer.Typer) -> None:
    """Make `mawgun events` (the group's own callback) list events."""
    help_text = (events_command.__doc__ or "").replace("\n    ", "\n")
    groups.events_app.callback(invoke_without_command=True, help=help_text)(events_command)
