"""CLI of the report stage: `mawgun report weekly|monthly` and `mawgun export`.

Heavy imports (SQLAlchemy, Jinja2, the store) happen inside the commands so `mawgun --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    Side,
    Since,
    SubTypes,
    Types,
    Until,
)

FORMAT_HELP = "md, html or both."


def run_report(period_text: str, kind: str, out: Path, fmt: str, db: str | None) -> None:
    """Parse the period, build the report from the store and write its files."""
    from rich.console import Console

    from mawgun.report.build import build_report
    from mawgun.report.periods import PeriodError, parse_month, parse_week
    from mawgun.report.render import FORMATS, write_report
    from mawgun.store.db import session_scope

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        period = parse_week(period_text) if kind == "week" else parse_month(period_text)
    except PeriodError as exc:
        raise typer.BadParameter(str(exc), param_hint="--week" if kind == "week" else "--month") from exc
    console = Console(stderr=True)
    with console.status(f"Building the report for {period.title()}"), session_scope(db) as session:
        data = build_report(session, period)
    for path in write_report(data, period, out, fmt):
        typer.echo(str(path))
    events = data["headline"]["current"]["events"]
    docs = data["documents"]["total"]
    console.print(
        f"{period.title()}: {events} canonical event{'s' * (events != 1)}, {docs} document{'s' * (docs != 1)}."
    )


def report_weekly(
    week: str = typer.Option(..., "--week", "-w", help="ISO week, e.g. 2023-W35."),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report files.")] = Path("reports"),
    fmt: str = typer.Option("both", "--format", "-f", help=FORMAT_HELP),
    db: Db = None,
) -> None:
    """Write the weekly report (Markdown and self-contained HTML with chart and map).

    Example: mawgun report weekly --week 2023-W35 --out reports
    """
    run_report(week, "week", out, fmt, db)


def report_monthly(
    month: str = typer.Option(..., "--month", "-m", help="Month, e.g. 2023-08."),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report files.")] = Path("reports"),
    fmt: str = typer.Option("both", "--format", "-f", help=FORMAT_HELP),
    db: Db = None,
) -> None:
    """Write the monthly report (Markdown and self-contained HTML with chart and map).

    Example: mawgun report monthly --month 2023-11 --format html
    """
    run_report(month, "month", out, fmt, db)


def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, csv, geojson, jsonl or hxl.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
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
    db: Db = None,
) -> None:
    """Export events (ACLED-compatible CSV, CSV, GeoJSON, JSON Lines or HXL CSV), each with its sources.

    Example: mawgun export --format acled-csv --out events.csv --since 2023-10-27 --admin1 Shan
    """
    from rich.console import Console

    from mawgun.cli.options import make_filter
    from mawgun.report.export import FORMATS, export_events
    from mawgun.store.db import session_scope

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    flt = make_filter(
        since, until, types, sub_types, admin1, admin3, actors, alliance, side, origin, per_report, outlets
    )
    console = Console(stderr=True)
    with console.status(f"Exporting events to {out}"), session_scope(db) as session:
        count = export_events(session, fmt, out, flt)
    console.print(f"{count} {'event reports' if per_report else 'events'} written to {out} ({fmt}).")


def register(app: typer.Typer) -> None:
    """Add `report weekly`, `report monthly` and `export`."""
    groups.report_app.command("weekly")(report_weekly)
    groups.report_app.command("monthly")(report_monthly)
    app.command("export")(export_command)
