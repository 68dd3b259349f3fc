"""`mawgun stats`: counts (the group's own callback), peak, compare, places and pairs.

Control, claims and the `mawgun import ucdp|acled` commands are in `commands_control.py`.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mawgun.analytics.cli_options import Format, emit, stats_app
from mawgun.cli.options import (
    Actors,
    Admin1,
    Admin3,
    Alliance,
    Db,
    Origin,
    PerReport,
    Release,
    Review,
    Side,
    Since,
    SubTypes,
    Types,
    Until,
    make_filter,
    parse_date,
    split,
)


@stats_app.callback(invoke_without_command=True)
def stats_counts(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="Group keys, comma-separated: day, week, month, year, event_type, "
                                    "sub_event_type, admin1, admin3, township, origin, actor, alliance, "
                                    "side.")] = "month",
    since: Since = None, until: Until = None, types: Types = None, sub_types: SubTypes = None,
    admin1: Admin1 = None, admin3: Admin3 = None, actors: Actors = None, alliance: Alliance = None,
    side: Side = None, origin: Origin = None, per_report: PerReport = False, review: Review = "drafts",
    release: Release = None, fmt: Format = "table", db: Db = None,
) -> None:  # fmt: skip
    """Count events (and fatalities) grouped by period, type, place, actor, alliance or side.

    What is counted (reviewed only, drafts too, or a release) is printed in the table's title.

    Example: mawgun stats --by month,admin1 --since 2023-01-01 --until 2023-12-31 --format json

    Example: mawgun stats --by event_type --release 2024-q1
    """
    if ctx.invoked_subcommand is not None:
        return
    from mawgun.cli.filters import OptionError
    from mawgun.cli.options import usage_error
    from mawgun.cli.stats_fast import count_answer  # the same count `mawgun stats` answers without Typer

    flt = make_filter(
        since, until, types, sub_types, admin1, admin3, actors, alliance, side, origin, per_report, None, review,
        release,
    )  # fmt: skip
    try:
        label, rows = count_answer(db, by, flt)
    except OptionError as exc:
        raise usage_error(exc) from exc
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by") from exc
    emit(rows, fmt, title=f"Events: {label}")


@stats_app.command("peak")
def stats_peak(
    unit: Annotated[str, typer.Option("--unit", help="day | week | month | year.")] = "week",
    since: Since = None, until: Until = None, types: Types = None, sub_types: SubTypes = None,
    admin1: Admin1 = None, actors: Actors = None, alliance: Alliance = None, side: Side = None,
    per_report: PerReport = False, review: Review = "drafts", release: Release = None,
    fmt: Format = "table", db: Db = None,
) -> None:  # fmt: skip
    """The period with most events ("a peak of 84 airstrikes in a single week").

    Example: mawgun stats peak --unit week --sub-type "Air/drone strike" --since 2023-08-01 --until 2023-08-31
    """
    from mawgun.query.counts import peak_period
    from mawgun.store.db import session_scope

    flt = make_filter(
        since,
        until,
        types,
        sub_types,
        admin1,
        None,
        actors,
        alliance,
        side,
        None,
        per_report,
        review=review,
        release=release,
    )
    try:
        with session_scope(db) as session:
            peak = peak_period(session, unit, flt)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--unit") from exc
    emit(peak or {"unit": unit, "period": None, "events": 0, "fatalities": None}, fmt, title="Peak")


@stats_app.command("compare")
def stats_compare(
    pivot: Annotated[str, typer.Option("--pivot", help="The day the 'after' window starts (YYYY-MM-DD).")],
    before_days: Annotated[int, typer.Option("--before-days", min=1, help="Days before the pivot.")] = 150,
    after_days: Annotated[int, typer.Option("--after-days", min=1, help="Days from the pivot on.")] = 150,
    by: Annotated[str | None, typer.Option("--by", help="Also compare per group (e.g. admin1).")] = None,
    types: Types = None, sub_types: SubTypes = None, admin1: Admin1 = None, actors: Actors = None,
    alliance: Alliance = None, side: Side = None, per_report: PerReport = False, review: Review = "drafts",
    release: Release = None, fmt: Format = "table", db: Db = None,
) -> None:  # fmt: skip
    """Events and fatalities before a date against after it, with absolute and relative change.

    Example: mawgun stats compare --pivot 2023-10-27 --before-days 150 --after-days 150 --by admin1
    """
    from mawgun.query.counts import compare_periods
    from mawgun.store.db import session_scope

    day = parse_date(pivot, "--pivot")
    assert day is not None
    flt = make_filter(
        None,
        None,
        types,
        sub_types,
        admin1,
        None,
        actors,
        alliance,
        side,
        None,
        per_report,
        review=review,
        release=release,
    )
    try:
        with session_scope(db) as session:
            result = compare_periods(session, day, before_days, after_days, flt, split(by))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by") from exc
    if fmt == "json":
        emit(result, fmt)
        return
    keys = split(by)
    rows = [compare_row("all", result)]
    rows += [compare_row(" / ".join(str(group[key]) for key in keys), group) for group in result.get("groups", [])]
    emit(rows, fmt, title=f"{result['before']['since']}..{result['before']['until']} against "
         f"{result['after']['since']}..{result['after']['until']}")  # fmt: skip


def compare_row(label: str, entry: dict[str, Any]) -> dict[str, Any]:
    """One line of the comparison table: events and fatalities before, after, change."""
    ev, fa = entry["events"], entry["fatalities"]
    return {
        "group": label,
        "events before": ev["before"],
        "events after": ev["after"],
        "events change": ev["change"],
        "events %": ev["change_pct"],
        "fatalities before": fa["before"],
        "fatalities after": fa["after"],
        "fatalities change": fa["change"],
        "fatalities %": fa["change_pct"],
    }


@stats_app.command("places")
def stats_places(
    level: Annotated[str, typer.Option("--level", help="admin1 | admin3 | location.")] = "admin3",
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many places.")] = 10,
    since: Since = None, until: Until = None, types: Types = None, sub_types: SubTypes = None,
    admin1: Admin1 = None, actors: Actors = None, alliance: Alliance = None, side: Side = None,
    per_report: PerReport = False, review: Review = "drafts", release: Release = None,
    fmt: Format = "table", db: Db = None,
) -> None:  # fmt: skip
    """The places with most events.

    Example: mawgun stats places --level admin3 --since 2023-01-01 --limit 10
    """
    from mawgun.query.counts import top_places
    from mawgun.store.db import session_scope

    flt = make_filter(
        since,
        until,
        types,
        sub_types,
        admin1,
        None,
        actors,
        alliance,
        side,
        None,
        per_report,
        review=review,
        release=release,
    )
    try:
        with session_scope(db) as session:
            rows = top_places(session, flt, level, limit)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--level") from exc
    emit(rows, fmt, title="Places")


@stats_app.command("pairs")
def stats_pairs(
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many pairs.")] = 10,
    since: Since = None, until: Until = None, types: Types = None, sub_types: SubTypes = None,
    admin1: Admin1 = None, actors: Actors = None, per_report: PerReport = False, review: Review = "drafts",
    release: Release = None, fmt: Format = "table", db: Db = None,
) -> None:  # fmt: skip
    """Who fights whom: the (actor1, actor2) pairs with most events.

    Example: mawgun stats pairs --since 2023-10-27 --admin1 Shan
    """
    from mawgun.query.counts import actor_pairs
    from mawgun.store.db import session_scope

    flt = make_filter(
        since,
        until,
        types,
        sub_types,
        admin1,
        None,
        actors,
        None,
        None,
        None,
        per_report,
        review=review,
        release=release,
    )
    with session_scope(db) as session:
        rows = actor_pairs(session, flt, limit)
    emit(rows, fmt, title="Actor pairs")


def register(app: typer.Typer) -> None:
    """Add `mawgun stats` (with control and claims)."""
    from mawgun.analytics import commands_control  # noqa: F401  (adds `stats control` and `stats claims`)

    app.add_typer(stats_app, name="stats")
