"""Multi-row INSERTs handed straight to the database driver: ingest's bulk path.

SQLAlchemy's Core insert of a batch of documents (200 rows of 14 columns) spent more CPU building and
processing its 2,800 parameters (per-parameter bookkeeping, its "insertmanyvalues" batching) than
SQLite spent storing and indexing the rows. Here the statement text is built once per table, columns,
row count and dialect; values are converted by the same bind processors SQLAlchemy would apply (so
SQLite stores the same date and time strings as before); and each chunk of rows goes to the driver as
one `INSERT ... VALUES (...), (...)` through the session's connection, in the session's transaction
(connection events still fire). The same rows, for a fraction of the CPU.

On PostgreSQL, rows can go in by `COPY` instead (`copy_rows`, psycopg's copy): psycopg parses the
text of every statement longer than 4 kB for its placeholders, in Python, which for a 200-row
INSERT cost more than the rest of the writing; COPY sends the rows as a stream, formatted in C.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy import Dialect, Table
from sqlalchemy.orm import Session

ROWS_PER_STATEMENT = 500  # 500 rows x 14 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters

Processor = Callable[[Any], Any]


@lru_cache(maxsize=64)
def insert_sql(
    dialect: Dialect, table: Table, columns: tuple[str, ...], rows: int, conflict: str | None, returning: str | None
) -> str:
    """`INSERT INTO table (columns) VALUES (...) x rows [ON CONFLICT (conflict) DO NOTHING] [RETURNING ...]`
    in the dialect's quoting and parameter style."""
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    row = "(" + ", ".join([mark] * len(columns)) + ")"
    sql = f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) VALUES " + ", ".join([row] * rows)
    if conflict:
        sql += f" ON CONFLICT ({quote(conflict)}) DO NOTHING"
    if returning:
        sql += f" RETURNING {quote(returning)}"
    return sql


@lru_cache(maxsize=64)
def processors(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> tuple[tuple[int, Processor], ...]:
    """(position, bind processor) of the columns whose values the dialect converts (SQLite: dates and
    times to ISO strings); PostgreSQL's driver adapts them itself, so there it is usually none."""
    found = []
    for position, name in enumerate(columns):
        column_type = table.c[name].type
        processor = column_type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            found.append((position, processor))
    return tuple(found)


def converted(rows: Sequence[Sequence[Any]], convert: tuple[tuple[int, Processor], ...]) -> list[Sequence[Any]]:
    """The rows with the processed columns' values converted."""
    if not convert:
        return list(rows)
    out: list[Sequence[Any]] = []
    for row in rows:
        values = list(row)
        for position, processor in convert:
            values[position] = processor(values[position])
        out.append(values)
    return out


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    ignore_conflict_on: str | None = None,
    returning: str | None = None,
) -> list[Any]:
    """Insert `rows` (value sequences in `columns` order) in statements of up to 500 rows, in the
    session's transaction; with `ignore_conflict_on`, rows whose key is taken are left out
    (`ON CONFLICT DO NOTHING`); with `returning`, that column of the rows actually inserted comes back."""
    if not rows:
        return []
    connection = session.connection()
    dialect = connection.dialect
    names = tuple(columns)
    ready = converted(rows, processors(dialect, table, names))
    returned: list[Any] = []
    for start in range(0, len(ready), ROWS_PER_STATEMENT):
        part = ready[start : start + ROWS_PER_STATEMENT]
        sql = insert_sql(dialect, table, names, len(part), ignore_conflict_on, returning)
        result = connection.exec_driver_sql(sql, tuple(chain.from_iterable(part)))
        if returning:
            returned.extend(row[0] for row in result)
    return returned


def existing_keys(session: Session, table: Table, key: str, values: Sequence[Any]) -> set[Any]:
    """Which of `values` the table's `key` column holds already (one `IN` query per 500 values)."""
    connection = session.connection()
    dialect = connection.dialect
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    found: set[Any] = set()
    for start in range(0, len(values), ROWS_PER_STATEMENT):
        part = tuple(values[start : start + ROWS_PER_STATEMENT])
        sql = f"SELECT {quote(key)} FROM {quote(table.name)} WHERE {quote(key)} IN ({', '.join([mark] * len(part))})"
        found.update(row[0] for row in connection.exec_driver_sql(sql, part))
    return found


def copy_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert `rows` with PostgreSQL's `COPY ... FROM STDIN` (psycopg 3), in the session's transaction.
    All or nothing: a row that breaks a constraint (a key stored meanwhile) fails the whole COPY."""
    if not rows:
        return
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    raw: Any = connection.connection.dbapi_connection  # a psycopg Connection
    statement = f"COPY {quote(table.name)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
