"""Options several commands share, declared once: the store (`--db`) and the event filter.

Every command that reads events (`mawgun stats`, `mawgun events`, `mawgun export`, reports) takes the
same filter options and turns them into the one `mawgun.query.EventFilter` with `make_filter`, so a
filter typed on any command selects the same events. The values are checked in `mawgun.cli.filters`
(no Typer there, so `mawgun stats` can answer without building the app: `mawgun.cli.stats_fast`);
here its `OptionError` becomes Typer's usage error. Heavy imports stay inside functions so that
`mawgun --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from mawgun.cli import filters
from mawgun.cli.filters import OptionError
from mawgun.cli.filters import split as split  # noqa: F401  (re-exported: commands import it from here)

DB_HELP = (
    "Database URL, e.g. sqlite:///events.db or postgresql://user@host/db "
    "(default: MAWGUN_DATABASE_URL, else the embedded SQLite store)."
)


def check_db(ctx: typer.Context, value: str | None) -> str | None:
    """A --db URL that can be used (`mawgun.cli.filters.check_db_url`), else a usage error."""
    if not value or ctx.resilient_parsing:
        return value
    try:
        return filters.check_db_url(value, ctx.info_name)
    except OptionError as exc:
        raise usage_error(exc) from exc


def usage_error(exc: OptionError) -> typer.BadParameter:
    """Typer's usage error for an `OptionError` (the option named when it says which)."""
    return typer.BadParameter(exc.message, param_hint=exc.hint)


Db = Annotated[str | None, typer.Option("--db", envvar=filters.DB_ENV, help=DB_HELP, callback=check_db)]
Since = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD), inclusive.")]
Until = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD), inclusive.")]
Types = Annotated[str | None, typer.Option("--type", help="Event types, comma-separated (e.g. Battles).")]
SubTypes = Annotated[str | None, typer.Option("--sub-type", help="Sub-event types, comma-separated.")]
Admin1 = Annotated[
    str | None, typer.Option("--admin1", help="States/regions (any spelling, or P-codes), comma-separated.")
]
Admin3 = Annotated[str | None, typer.Option("--admin3", help="Townships (names or P-codes), comma-separated.")]
Actors = Annotated[str | None, typer.Option("--actor", help="Actor codes or names, comma-separated (e.g. MIL,AA).")]
Alliance = Annotated[
    str | None, typer.Option("--alliance", help="Alliance code (e.g. 3BHA): events of its members on their date.")
]
Side = Annotated[
    str | None, typer.Option("--side", help="junta | resistance | civilian | ...: events with an actor on it.")
]
Origin = Annotated[str | None, typer.Option("--origin", help="Only events of this origin: mawgun, ucdp or acled.")]
Outlets = Annotated[str | None, typer.Option("--outlet", help="Events reported by these outlets, comma-separated.")]
PerReport = Annotated[bool, typer.Option("--per-report", help="Event reports (one a document), not canonical events.")]
Review = Annotated[
    str,
    typer.Option(
        "--review",
        help="Which review states count: drafts (reviewed and draft events, the default), reviewed (reviewed "
        "only), draft or rejected.",
    ),
]
Release = Annotated[
    str | None,
    typer.Option("--release", help="Read the events of this published release, as frozen (e.g. 2024-q1)."),
]


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A date option, or a usage error naming the option."""
    try:
        return filters.parse_date(value, option)
    except OptionError as exc:
        raise usage_error(exc) from exc


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
    outlets: str | None = None,
    review: str = "drafts",
    release: str | None = None,
) -> Any:
    """The `mawgun.query.EventFilter` the common options describe (`mawgun.cli.filters.build_filter`)."""
    try:
        return filters.build_filter(
            since, until, types, sub_types, admin1, admin3, actors, alliance, side, origin, per_report, outlets,
            review, release,
        )  # fmt: skip
    except OptionError as exc:
        raise usage_error(exc) from exc


def counting_scope(session: Any, flt: Any) -> str:
    """The label of what a command counts ("reviewed events only"), after checking that a --release
    names a published release (else a usage error listing the releases there are)."""
    try:
        return filters.scope_of(session, flt)
    except OptionError as exc:
        raise usage_error(exc) from exc
