"""`mawgun stats control` and `mawgun stats claims`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mawgun.analytics.cli_options import Format, emit, stats_app
from mawgun.cli.options import (
    Actors,
    Admin1,
    Alliance,
    Db,
    PerReport,
    Side,
    Since,
    Until,
    make_filter,
    parse_date,
)

CONTROL_COLUMNS = ["place", "admin1", "admin3", "holder", "side", "since", "change", "sources"]
CHANGE_COLUMNS = ["date", "place", "admin1", "previous_holder", "holder", "change", "holder_now", "side_now", "sources"]
CLAIM_COLUMNS = ["source", "metric", "claimed", "period", "area", "mawgun", "note"]


def with_source_count(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with `sources`: how many reports stand behind each answer (for tables)."""
    return [row | {"sources": len(row.get("evidence", []))} for row in rows]


@stats_app.command("control")
def stats_control(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Who holds what on this day (default today).")] = None,
    changes_since: Annotated[str | None, typer.Option("--changes-since", help="List changes of hands from.")] = None,
    changes_until: Annotated[str | None, typer.Option("--changes-until", help="List changes of hands until.")] = None,
    summary: Annotated[str | None, typer.Option("--summary", help="Count places by holder | side | alliance.")] = None,
    fmt: Format = "table",
    db: Db = None,
) -> None:
    """Territorial control from capture, retake and transfer events, each answer with its evidence.

    Example: mawgun stats control --as-of 2024-03-31
    Example: mawgun stats control --changes-since 2023-10-27 --changes-until 2024-03-31
    """
    import datetime as dt

    from mawgun.analytics.control import control_changes, control_summary, territorial_control
    from mawgun.store.db import session_scope

    day = parse_date(as_of, "--as-of") or dt.date.today()
    since = parse_date(changes_since, "--changes-since")
    until = parse_date(changes_until, "--changes-until")
    with session_scope(db) as session:
        if since or until:
            rows = control_changes(session, since or dt.date.min, until or day)
            emit(rows if fmt == "json" else with_source_count(rows), fmt, CHANGE_COLUMNS, "Changes of hands")
        elif summary:
            try:
                emit(control_summary(session, day, summary), fmt, title=f"Places held on {day}")
            except ValueError as exc:
                raise typer.BadParameter(str(exc), param_hint="--summary") from exc
        else:
            rows = territorial_control(session, day)
            emit(rows if fmt == "json" else with_source_count(rows), fmt, CONTROL_COLUMNS, f"Control on {day}")


@stats_app.command("claims")
def stats_claims(
    since: Since = None, until: Until = None, admin1: Admin1 = None, actors: Actors = None,
    alliance: Alliance = None, side: Side = None, per_report: PerReport = False, fmt: Format = "table", db: Db = None,
) -> None:  # fmt: skip
    """Every figure a source reported (airstrikes, killed, towns captured...) beside Mawgun's own count.

    Example: mawgun stats claims --since 2023-08-01 --until 2023-08-31
    """
    from mawgun.analytics.claims import claims_against_data
    from mawgun.store.db import session_scope

    flt = make_filter(since, until, None, None, admin1, None, actors, alliance, side, None, per_report)
    with session_scope(db) as session:
        rows = claims_against_data(session, flt)
    emit(rows if fmt == "json" else [claim_line(row) for row in rows], fmt, CLAIM_COLUMNS, "Claims against data")


def claim_line(row: dict[str, Any]) -> dict[str, Any]:
    """A claim as one short table/CSV line: who, what, how many, when, where, Mawgun's count."""
    period = "..".join(part or "" for part in (row["period_start"], row["period_end"])) if row["period_end"] else ""
    return {
        "source": row["source_org"] or row["outlet"],
        "metric": row["metric"],
        "claimed": " ".join(str(part) for part in (row["qualifier"], row["value"]) if part is not None),
        "period": period or row["period_start"],
        "area": row["area"],
        "mawgun": row["mawgun"],
        "note": row["note"],
    }
