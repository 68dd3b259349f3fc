"""`mawgun stats` (the counts) answered without importing Typer or building the app (issue 18).

Building the Typer app imports Typer, Click, pydantic and every stage's command module, and Typer
converts each option through pydantic: about 0.3 CPU seconds before the count starts, more than half
of `mawgun stats --by month,admin1 --format json` on an empty store. `mawgun.cli.main.run` hands the
arguments after `stats` to `answer`, which reads the command's options as Click would
(`--name value`, `--name=value`, `-f value`, the flag `--per-report`, `--db` else MAWGUN_DATABASE_URL)
and counts through the same functions as the Typer command (`count_answer`, `mawgun.cli.filters`).
Anything else - a subcommand, `--help`, an option given twice, a value that starts with "-", an
unknown option or a value the filter refuses - returns False and the Typer app runs as before, so
usage errors read exactly as they always did. `tests/cli/test_stats_fast.py` holds `OPTIONS` to the
Typer command's options and compares both paths' output.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# option -> (parameter of `mawgun.cli.filters.build_filter`, or by/fmt/db; whether it takes a value)
OPTIONS: dict[str, tuple[str, bool]] = {
    "--by": ("by", True), "--since": ("since", True), "--until": ("until", True), "--type": ("types", True),
    "--sub-type": ("sub_types", True), "--admin1": ("admin1", True), "--admin3": ("admin3", True),
    "--actor": ("actors", True), "--alliance": ("alliance", True), "--side": ("side", True),
    "--origin": ("origin", True), "--per-report": ("per_report", False), "--review": ("review", True),
    "--release": ("release", True), "--format": ("fmt", True), "-f": ("fmt", True), "--db": ("db", True),
}  # fmt: skip
# The filter's values when an option is absent (`mawgun.cli.filters.build_filter`'s defaults).
DEFAULTS: dict[str, Any] = {param: None for param, _ in OPTIONS.values() if param not in ("by", "fmt", "db")}
DEFAULTS |= {"per_report": False, "review": "drafts"}


def parse(args: list[str]) -> dict[str, Any] | None:
    """The options as {parameter: value}; None for anything the fast path leaves to Typer."""
    values: dict[str, Any] = {}
    rest = list(args)
    while rest:
        word = rest.pop(0)
        name, given = (word.split("=", 1) + [None])[:2] if word.startswith("--") else (word, None)
        if name not in OPTIONS:
            return None
        param, takes_value = OPTIONS[name]
        if param in values:
            return None
        if not takes_value:
            if given is not None:
                return None
            values[param] = True
            continue
        if given is None:
            if not rest or rest[0].startswith("-"):
                return None
            given = rest.pop(0)
        values[param] = given
    return values


def count_answer(db: str | None, by: str, flt: Any, question: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """What is counted (its label) and the count rows of `mawgun stats`; `OptionError` for a --release
    that is not published, ValueError for a bad --by. With `question` (the options as typed), the
    statement that answered from the rollup is kept for the next run (`mawgun.cli.count_replay`)."""
    from mawgun.cli.filters import scope_of, split
    from mawgun.query.counts import check_keys, count_events
    from mawgun.store.db import session_scope

    with session_scope(db) as session:
        label = scope_of(session, flt)
        engine = session.get_bind().engine
        with statements_run(engine) as statements:
            rows = count_events(session, split(by), flt)
        if question is not None:
            from mawgun.cli.count_replay import remember

            remember(engine.dialect.name, question, statements, rows, label, check_keys(split(by)))
    return label, rows


def count_from_rollup(db: str | None, by: str, flt: Any, question: str | None) -> tuple[str, list[Any]] | None:
    """(label, rows) of `count_answer`, read from the rollup on a Core connection: the query layer's own
    statement (`mawgun.query.rollup_sql.count_rollup`) without the ORM, the mapped schema or a session
    (about a third of a first run's instructions, issue 18). None when the rollup cannot answer now,
    the store is not at the newest schema or cannot be read: `count_answer` then counts (and migrates,
    refreshes, reports) as before. ValueError for a bad --by."""
    from sqlalchemy.exc import DBAPIError

    from mawgun.cli.filters import split
    from mawgun.query.criteria import check_keys, scope_label
    from mawgun.query.rollup_sql import answerable, count_rollup
    from mawgun.store.db import at_head, get_engine

    keys = check_keys(split(by))
    if not answerable(flt, keys):
        return None
    engine = get_engine(db)
    try:
        if not at_head(engine):
            return None
        with statements_run(engine) as statements, engine.connect() as connection:
            rows = count_rollup(connection, keys, flt)
    except DBAPIError:  # no schema yet, a store that cannot be read: the full path says why
        return None
    if rows is None:
        return None
    label = scope_label(flt)
    if question is not None:
        from mawgun.cli.count_replay import remember

        remember(engine.dialect.name, question, statements, rows, label, keys)
    return label, rows


@contextmanager
def statements_run(engine: Any) -> Iterator[list[tuple[str, Any, Any]]]:
    """The (SQL, parameters, driver rows) of each statement the engine runs inside the
    block; the rows (as the database driver gave them, before SQLAlchemy reads them) only for a
    rollup statement (`mawgun.cli.count_replay.MARKS` in its SQL), else None.

    Those rows are what the kept statement, replayed with the driver alone, would have given in the
    same snapshot: `count_replay.remember` compares them with the library's rows instead of running
    the statement a second time (one rollup read, 0.04-0.05 s at 1M events, issue 18). SQLAlchemy
    then reads the same rows from a buffer (`FullyBufferedCursorFetchStrategy`, as it does for rows it
    must read before the conversation goes on)."""
    from sqlalchemy import event
    from sqlalchemy.engine.cursor import FullyBufferedCursorFetchStrategy

    from mawgun.cli.count_replay import MARKS

    seen: list[tuple[str, Any, Any]] = []

    def note(_conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, _many: bool) -> None:
        rows = None
        if MARKS in statement and cursor.description and not (context.is_crud or context.is_text):
            description = cursor.description
            rows = cursor.fetchall()
            context.cursor_fetch_strategy = FullyBufferedCursorFetchStrategy(cursor, description, rows)
            rows = [dict(zip([column[0] for column in description], row, strict=True)) for row in rows]
        seen.append((statement, parameters, rows))

    event.listen(engine, "after_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "after_cursor_execute", note)


def ask(by: str, values: dict[str, Any]) -> str:
    """The question the options ask, as the key its kept statement is found by (absent = default)."""
    return json.dumps({"by": by, **DEFAULTS, **values}, sort_keys=True)


def answer(args: list[str]) -> bool:
    """Print `mawgun stats ARGS`'s counts and return True, or return False (nothing printed) when the
    Typer command must answer: arguments it does not read, or a usage error for Typer to report.
    A question answered before is asked again with its kept statement (`mawgun.cli.count_replay`)."""
    from mawgun.analytics.output import FORMATS, print_rows
    from mawgun.cli.count_replay import replay
    from mawgun.cli.filters import DB_ENV, OptionError, check_db_url

    values = parse(args)
    if values is None:
        return False
    by, fmt = values.pop("by", "month"), values.pop("fmt", "table")
    db = values.pop("db", None) or os.environ.get(DB_ENV) or None
    if fmt not in FORMATS:
        return False
    try:
        check_db_url(db, "stats")
    except OptionError:
        return False
    question = ask(by, values)
    kept = replay(db, question)
    if kept is None:
        kept = count_in_full(db, by, values, question)
        if kept is None:
            return False
    label, rows = kept
    print_rows(rows, fmt, title=f"Events: {label}")
    return True


def count_in_full(db: str | None, by: str, values: dict[str, Any], question: str) -> tuple[str, list[Any]] | None:
    """The count through SQLAlchemy and the query layer (from the rollup on a Core connection when it
    can answer, else through a session); None on a usage error (Typer reports it)."""
    from mawgun.cli.filters import build_filter

    try:
        flt = build_filter(**values)
        return count_from_rollup(db, by, flt, question) or count_answer(db, by, flt, question)
    except ValueError:  # OptionError, an unknown name or group key: Typer reports it as a usage error
        return None
