"""Options and helpers shared by the `mawgun stats` and `mawgun import` commands.

The `stats` group lives here so that the command modules (counts; control, claims and imports) can
both add to it. Heavy imports stay inside functions so `mawgun --help` is fast.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

Db = Annotated[str | None, typer.Option("--db", help="Database URL (default: MAWGUN_DATABASE_URL or the local file).")]
Since = Annotated[str | None, typer.Option("--since", help="First day counted (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option("--until", help="Last day counted (YYYY-MM-DD).")]
Types = Annotated[str | None, typer.Option("--type", help="Event types, comma-separated (e.g. Battles).")]
SubTypes = Annotated[str | None, typer.Option("--sub-type", help="Sub-event types, comma-separated.")]
Admin1 = Annotated[str | None, typer.Option("--admin1", help="States/regions, comma-separated (any spelling).")]
Admin3 = Annotated[str | None, typer.Option("--admin3", help="Townships (names or P-codes), comma-separated.")]
Actors = Annotated[str | None, typer.Option("--actor", help="Actor codes or names, comma-separated (e.g. MIL,AA).")]
Alliance = Annotated[str | None, typer.Option("--alliance", help="Alliance code (e.g. 3BHA): events of its members.")]
Side = Annotated[
    str | None, typer.Option("--side", help="junta | resistance | civilian | ...: events with an actor on it.")
]
Origin = Annotated[str | None, typer.Option("--origin", help="Only events of this origin: mawgun, ucdp or acled.")]
PerReport = Annotated[bool, typer.Option("--per-report", help="Count event reports, not canonical events.")]
Format = Annotated[str, typer.Option("--format", "-f", help="table | csv | json.")]

stats_app = typer.Typer(
    help="Counts, peaks, comparisons, places, actor pairs, territorial control and claims against data.\n\n"
    "Example: mawgun stats --by month,admin1 --since 2023-01-01 --until 2023-12-31 --format json",
    no_args_is_help=False,
)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A date option, or a clear error naming the option."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from exc


def split(value: str | None) -> list[str]:
    """A comma-separated option as a list."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def make_filter(
    since: str | None = None,
    until: str | None = None,
    types: str | None = None,
    sub_types: str | None = None,
    admin1: str | None = None,
    admin3: str | None = None,
    actors: str | None = None,
    alliance: str | None = None,
    side: str | None = None,
    origin: str | None = None,
    per_report: bool = False,
) -> Any:
    """The EventFilter the common options describe."""
    from mawgun.analytics.query import EventFilter

    return EventFilter(
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        event_types=split(types),
        sub_event_types=split(sub_types),
        admin1=split(admin1),
        admin3=split(admin3),
        actors=split(actors),
        alliance=alliance,
        side=side,
        origin=origin,
        per_report=per_report,
    )


def emit(rows: Any, fmt: str, columns: list[str] | None = None, title: str | None = None) -> None:
    """Print an answer, turning a bad --format into a clear usage error."""
    from mawgun.analytics.output import FORMATS, print_json, print_rows

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if isinstance(rows, dict):
        print_json(rows) if fmt == "json" else print_rows([flatten(rows)], fmt, title=title)
    else:
        print_rows(rows, fmt, columns, title)


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested dict as one flat row ("events.before", ...), lists kept whole."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat |= flatten(value, name + ".")
        else:
            flat[name] = value
    return flat
