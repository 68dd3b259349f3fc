"""CLI of the report stage: `mawgun report weekly|monthly` and `mawgun export`.

Heavy imports (SQLAlchemy, Jinja2, the store) happen inside the commands so `mawgun --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
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
)
from mawgun.cli.progress import Quiet, show_progress

FORMAT_HELP = "md, html or both."


def run_report(
    period_text: str,
    kind: str,
    out: Path,
    fmt: str,
    db: str | None,
    quiet: bool = False,
    review: str = "drafts",
    release: str | None = None,
) -> None:
    """Parse the period, build the report from the store and write its files (a bar on a terminal); it
    counts the review states `review` names, or the events of `release`, and says which."""
    from rich.console import Console

    from mawgun.cli.options import counting_scope, make_filter
    from mawgun.cli.progress import progress_bar
    from mawgun.report.build import REPORT_STEPS, build_report
    from mawgun.report.periods import PeriodError, parse_month, parse_week
    from mawgun.report.render import FORMATS, write_report
    from mawgun.store.db import session_scope

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        period = parse_week(period_text) if kind == "week" else parse_month(period_text)
    except PeriodError as exc:
        raise typer.BadParameter(str(exc), param_hint="--week" if kind == "week" else "--month") from exc
    scope = make_filter(review=review, release=release)
    console = Console(stderr=True)
    with progress_bar(f"Report for {period.title()}", REPORT_STEPS + 1, show_progress(quiet)) as advance:
        with session_scope(db) as session:
            counting_scope(session, scope)
            data = build_report(session, period, advance, scope)
        paths = write_report(data, period, out, fmt)
        advance(description="written")
    for path in paths:
        typer.echo(str(path))
    events = data["headline"]["current"]["events"]
    docs = data["documents"]["total"]
    console.print(
        f"{period.title()}: {events} canonical event{'s' * (events != 1)} ({data['counting']}), "
        f"{docs} document{'s' * (docs != 1)}."
    )


def report_weekly(
    week: str = typer.Option(..., "--week", "-w", help="ISO week, e.g. 2023-W35."),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report files.")] = Path("reports"),
    fmt: str = typer.Option("both", "--format", "-f", help=FORMAT_HELP),
    review: Review = "drafts",
    release: Release = None,
    db: Db = None,
    quiet: Quiet = False,
) -> None:
    """Write the weekly report (Markdown and self-contained HTML with chart and map).

    Example: mawgun report weekly --week 2023-W35 --out reports --review reviewed
    """
    run_report(week, "week", out, fmt, db, quiet, review, release)


def report_monthly(
    month: str = typer.Option(..., "--month", "-m", help="Month, e.g. 2023-08."),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report files.")] = Path("reports"),
    fmt: str = typer.Option("both", "--format", "-f", help=FORMAT_HELP),
    review: Review = "drafts",
    release: Release = None,
    db: Db = None,
    quiet: Quiet = False,
) -> None:
    """Write the monthly report (Markdown and self-contained HTML with chart and map).

    Example: mawgun report monthly --month 2023-11 --format html --release 2023-q4
    """
    run_report(month, "month", out, fmt, db, quiet, review, release)


def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled-csv, csv, geojson, jsonl, hxl (events) or ftm (sanctions).")
    ],
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
    review: Review = "drafts",
    release: Release = None,
    db: Db = None,
    quiet: Quiet = False,
) -> None:
    """Export events (ACLED's CSV format, CSV, GeoJSON, JSON Lines or HXL), each with its sources, or the
    sanctions as FollowTheMoney entities (ftm; --since/--until select them by date).

    Example: mawgun export --format acled-csv --out events.csv --since 2023-10-27 --admin1 Shan

    Example: mawgun export --format jsonl --out release.jsonl --release 2024-q1
    """
    from mawgun.cli.options import make_filter
    from mawgun.report.export import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    event_only = [types, sub_types, admin1, admin3, actors, alliance, side, origin, outlets, per_report]
    if fmt == "ftm" and any(event_only):
        raise typer.BadParameter("sanctions (ftm) are selected by --since/--until only", param_hint="--format")
    flt = make_filter(
        since, until, types, sub_types, admin1, admin3, actors, alliance, side, origin, per_report, outlets, review,
        release,
    )  # fmt: skip
    run_export(fmt, out, flt, db, quiet)


def run_export(fmt: str, out: Path, flt: Any, db: str | None, quiet: bool) -> None:
    """Write the export and say how many rows or entities it holds, and what it counts (reviewed only,
    drafts too, or a release); a missing extra is a clear error."""
    from rich.console import Console

    from mawgun.cli.options import counting_scope
    from mawgun.report.export import export_events
    from mawgun.report.ftm import MissingExtra
    from mawgun.store.db import session_scope

    console = Console(stderr=True)
    try:
        with session_scope(db) as session:
            label = counting_scope(session, flt)
            count = export_events(session, fmt, out, flt, show_progress(quiet))
    except MissingExtra as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from exc
    what = "entities" if fmt == "ftm" else "event reports" if flt.per_report else "events"
    scope = "" if fmt == "ftm" else f"; counting: {label}"
    console.print(f"{count} {what} written to {out} ({fmt}){scope}.")


def register(app: typer.Typer) -> None:
    """Add `report weekly`, `report monthly` and `export`."""
    groups.report_app.command("weekly")(report_weekly)
    groups.report_app.command("monthly")(report_monthly)
    app.command("export")(export_command)
