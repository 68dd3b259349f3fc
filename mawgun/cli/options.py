"""Options several commands share, declared once: the store (`--db`) and the event filter.

Every command that reads events (`mawgun stats`, `mawgun events`, `mawgun export`, reports) takes the
same filter options and turns them into the one `mawgun.query.EventFilter` with `make_filter`, so a
filter typed on any command selects the same events. Heavy imports stay inside functions so that
`mawgun --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

DB_HELP = (
    "Database URL, e.g. sqlite:///events.db or postgresql://user@host/db "
    "(default: MAWGUN_DATABASE_URL, else the embedded SQLite store)."
)
# Commands that may create a new store; every other command names a store that must already exist.
CREATING_COMMANDS = frozenset(
    {"init", "ingest", "demo", "watch", "ucdp", "acled", "restore", "upgrade", "add", "starter"}
)


def check_db(ctx: typer.Context, value: str | None) -> str | None:
    """A --db URL that can be used: PostgreSQL only with its driver installed (the `postgres` extra),
    a SQLite file only where it exists, unless the command creates stores (a mistyped path must not
    silently become a new, empty database with its folders)."""
    if not value or ctx.resilient_parsing:
        return value
    scheme = value.split("://", 1)[0].lower()
    if scheme.startswith("postgres"):
        import importlib.util

        if scheme in ("postgresql", "postgres", "postgresql+psycopg") and importlib.util.find_spec("psycopg") is None:
            raise typer.BadParameter(
                "PostgreSQL needs the psycopg driver: pip install 'mawgun[postgres]' (the postgres extra)"
            )
    elif scheme == "sqlite" and ctx.info_name not in CREATING_COMMANDS:
        from pathlib import Path

        path = value.split(":///", 1)[-1]
        if path and path != ":memory:" and not Path(path).expanduser().exists():
            raise typer.BadParameter(f"no database at {path}; create one with: mawgun init --db {value}")
    return value


Db = Annotated[str | None, typer.Option("--db", envvar="MAWGUN_DATABASE_URL", help=DB_HELP, callback=check_db)]
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
    outlets: str | None = None,
    review: str = "drafts",
    release: str | None = None,
) -> Any:
    """The `mawgun.query.EventFilter` the common options describe."""
    from mawgun.query.filter import REVIEW_SCOPES, EventFilter
    from mawgun.query.names import UnknownName, check_admin1, check_sub_type, check_township

    try:
        check_admin1(split(admin1))
    except UnknownName as exc:
        raise typer.BadParameter(str(exc), param_hint="--admin1") from exc
    try:  # spelled as MIMU and ACLED spell them, or a usage error naming near matches
        admin3, sub_types = ",".join(check_township(split(admin3))), ",".join(check_sub_type(split(sub_types)))
    except UnknownName as exc:
        raise typer.BadParameter(str(exc), param_hint="--admin3" if "township" in str(exc) else "--sub-type") from exc
    if review not in REVIEW_SCOPES:
        raise typer.BadParameter(f"choose one of {', '.join(REVIEW_SCOPES)}", param_hint="--review")
    if release and per_report:
        raise typer.BadParameter("a release holds canonical events only", param_hint="--per-report")
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
        outlets=split(outlets),
        per_report=per_report,
        review=review,
        release=release or None,
    )


def counting_scope(session: Any, flt: Any) -> str:
    """The label of what a command counts ("reviewed events only"), after checking that a --release
    names a published release (else a usage error listing the releases there are)."""
    from mawgun.query.filter import scope_label
    from mawgun.review.releases import ReleaseError, get_release

    if flt.release:
        try:
            get_release(session, flt.release)
        except ReleaseError as exc:
            raise typer.BadParameter(str(exc), param_hint="--release") from exc
    return scope_label(flt)
