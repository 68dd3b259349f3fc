"""The event filter and the store a command names, built and checked without importing Typer.

`mawgun.cli.options` declares the shared options for Typer and turns an `OptionError` from here into
Typer's usage error (`typer.BadParameter`); `mawgun.cli.stats_fast` answers `mawgun stats` from
here without building the Typer app (issue 18: importing Typer and building the app cost about a
third of a second of every `mawgun stats`). Both paths therefore accept and refuse the same values.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

# Commands that may create a new store; every other command names a store that must already exist.
CREATING_COMMANDS = frozenset(
    {"init", "ingest", "demo", "watch", "ucdp", "acled", "restore", "upgrade", "add", "starter"}
)
DB_ENV = "MAWGUN_DATABASE_URL"


class OptionError(ValueError):
    """A value the user typed that cannot be used; `hint` names the option (e.g. "--since")."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def check_db_url(value: str | None, command: str | None) -> str | None:
    """A --db URL that can be used: PostgreSQL only with its driver installed (the `postgres` extra),
    a SQLite file only where it exists, unless `command` creates stores (a mistyped path must not
    silently become a new, empty database with its folders)."""
    if not value:
        return value
    scheme = value.split("://", 1)[0].lower()
    if scheme.startswith("postgres"):
        import importlib.util

        if scheme in ("postgresql", "postgres", "postgresql+psycopg") and importlib.util.find_spec("psycopg") is None:
            raise OptionError(
                "PostgreSQL needs the psycopg driver: pip install 'mawgun[postgres]' (the postgres extra)"
            )
    elif scheme == "sqlite" and command not in CREATING_COMMANDS:
        path = value.split(":///", 1)[-1]
        if path and path != ":memory:" and not os.path.exists(os.path.expanduser(path)):
            raise OptionError(f"no database at {path}; create one with: mawgun init --db {value}")
    return value


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A date option, or an error naming the option."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise OptionError(f"{value!r} is not a date (YYYY-MM-DD)", option) from exc


def split(value: str | None) -> list[str]:
    """A comma-separated option as a list."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def build_filter(
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
    """The `mawgun.query.EventFilter` the common options describe (OptionError for a bad value)."""
    from mawgun.query.criteria import REVIEW_SCOPES, EventFilter
    from mawgun.query.names import UnknownName, check_admin1, check_sub_type, check_township

    try:
        check_admin1(split(admin1))
    except UnknownName as exc:
        raise OptionError(str(exc), "--admin1") from exc
    try:  # spelled as MIMU and ACLED spell them, or a usage error naming near matches; the name lists
        # (a 600 kB GeoJSON, the extraction vocabulary's YAML) are read only when there is a name to check
        admin3 = ",".join(check_township(split(admin3))) if split(admin3) else None
        sub_types = ",".join(check_sub_type(split(sub_types))) if split(sub_types) else None
    except UnknownName as exc:
        raise OptionError(str(exc), "--admin3" if "township" in str(exc) else "--sub-type") from exc
    if review not in REVIEW_SCOPES:
        raise OptionError(f"choose one of {', '.join(REVIEW_SCOPES)}", "--review")
    if release and per_report:
        raise OptionError("a release holds canonical events only", "--per-report")
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


def scope_of(session: Any, flt: Any) -> str:
    """The label of what a command counts ("reviewed events only"), after checking that a --release
    names a published release (else an OptionError listing the releases there are)."""
    from mawgun.query.criteria import scope_label

    if flt.release:
        from mawgun.review.releases import ReleaseError, get_release

        try:
            get_release(session, flt.release)
        except ReleaseError as exc:
            raise OptionError(str(exc), "--release") from exc
    return scope_label(flt)
