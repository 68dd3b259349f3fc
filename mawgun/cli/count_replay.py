"""A count's SQL statement kept between runs, so `mawgun stats` can ask it again without SQLAlchemy.

Importing SQLAlchemy, its ORM and the store's mapped schema is about 1.5 billion instructions (0.3 s)
of every `mawgun stats`; at 1M events the count itself, read from the precomputed rollup, is one
SQL statement of about 0.15 s (issue 18). So when the full path (`mawgun.cli.stats_fast`) has
answered a question from the rollup, `remember` keeps the statement it ran, and the next run of the
same question `replay`s it with the database driver alone (sqlite3 or psycopg).

Not a result cache: the statement reads the store on every run, so every write shows at once. What
makes a replay give the library's answer:
- a statement is kept only if the rows the database driver gave for it, finished as a replay
  finishes them, are exactly the rows `count_events` gave (so a count that went live, or needed
  Python after SQL, is never kept);
- it is keyed by the dialect and the options as typed, and every entry is stamped with a
  fingerprint of the installed code (size and mtime of every file of the package, vocabularies
  included, and of SQLAlchemy): changed code forgets them all;
- the store must be at the newest schema (else the full path migrates it), and the statement counts
  the rollup's marks in the same snapshot as the rows: a month waiting for a refresh sends the count
  back to the full path, which refreshes it.
Kept in `$MAWGUN_HOME/cache/count-statements.json` (the newest 64); a folder that cannot be written
keeps nothing and costs nothing but speed. A replay runs on a read-only connection (SQLite's
`query_only`, a PostgreSQL read-only transaction), so a statement written into that file by hand can
read the store but never change it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import time
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

import mawgun
from mawgun.query.tolls import finish_tolls
from mawgun.store.urls import SQLITE_PRAGMAS, data_home, head_revision, resolve_url

MAX_ENTRIES = 64
MARKS = "_marks"  # the column in which the rollup's statement counts months waiting for a refresh (rollup_sql's)


def cache_file() -> Path:
    return data_home() / "cache" / "count-statements.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Changes whenever a file of the installed package (code or vocabulary) or SQLAlchemy changes."""
    digest = hashlib.sha1()
    root = Path(mawgun.__file__).parent
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if name != "__pycache__")
        for name in sorted(files):
            stat = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    spec = importlib.util.find_spec("sqlalchemy")
    if spec and spec.origin:
        stat = os.stat(spec.origin)
        digest.update(f"sqlalchemy:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def load() -> dict[str, Any]:
    """The kept statements of this code ({} when none, unreadable, or kept by other code)."""
    try:
        data = json.loads(cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def dialect_of(url: str) -> str | None:
    """ "sqlite" or "postgresql" (psycopg 3) for a resolved URL the replay can open; else None."""
    if url.startswith("sqlite:///"):
        return "sqlite"
    if url.startswith("postgresql+psycopg://"):
        return "postgresql"
    return None


def finish(raw: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    """The statement's rows as `count_events` returns them (marks dropped, empty groups left out,
    periods labelled, tolls made honest, sorted by the keys, missing values last)."""
    rows = [{name: value for name, value in row.items() if name != MARKS} for row in raw]
    rows = [row for row in rows if row["events"] is not None or not keys]
    for row in rows:
        for key in keys:
            value = row[key]
            if key in ("day", "month", "year") and value is not None:
                row[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
        finish_tolls(row)
    return sorted(rows, key=lambda row: tuple((row[k] is None, row[k] if row[k] is not None else "") for k in keys))


def replay(db: str | None, question: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(label, rows) of a kept question, read now from the store; None when it must be counted in full."""
    url = resolve_url(db)
    dialect = dialect_of(url)
    entry = load().get(f"{dialect}|{question}") if dialect else None
    if not isinstance(entry, dict) or not {"sql", "params", "keys", "label"} <= entry.keys():
        return None
    keys, params = entry["keys"], entry["params"]
    if not isinstance(keys, list) or not isinstance(params, list if dialect == "sqlite" else list | dict):
        return None
    run = sqlite_rows if dialect == "sqlite" else postgres_rows
    raw = run(url, str(entry["sql"]), params)
    if not raw or raw[0].get(MARKS, 1) or not all(key in raw[0] for key in keys):
        return None
    try:
        return str(entry["label"]), finish(raw, keys)
    except (TypeError, ValueError):  # a kept file edited by hand: count in full
        return None


def at_head(versions: list[tuple[Any, ...]]) -> bool:
    head = head_revision()
    return head is not None and [row[0] for row in versions] == [head]


def sqlite_rows(url: str, sql: str, params: Any) -> list[dict[str, Any]] | None:
    """The statement's rows on the SQLite file, opened as `mawgun.store.db` opens it; None when the file
    is not there or not at the newest schema, or the statement fails."""
    import sqlite3

    path = url.split(":///", 1)[1]
    if "?" in path or path.startswith(("~", "file:", ":memory:")) or not os.path.isfile(path):
        return None
    try:
        connection = sqlite3.connect(path, timeout=60)
    except sqlite3.Error:
        return None
    try:
        for pragma in SQLITE_PRAGMAS:
            connection.execute(pragma)
        connection.execute("PRAGMA query_only=ON")  # a kept statement only ever reads
        if not at_head(connection.execute("SELECT version_num FROM alembic_version").fetchall()):
            return None
        cursor = connection.execute(sql, tuple(params))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def postgres_rows(url: str, sql: str, params: Any) -> list[dict[str, Any]] | None:
    """The statement's rows on PostgreSQL through psycopg 3 (the `postgres` extra, checked with --db);
    None when it cannot be asked there."""
    import psycopg

    try:
        with psycopg.connect("postgresql://" + url.split("://", 1)[1]) as connection:
            connection.read_only = True  # a kept statement only ever reads
            if not at_head(connection.execute("SELECT version_num FROM alembic_version").fetchall()):
                return None
            cursor = connection.execute(sql, params)
            names = [column.name for column in cursor.description or []]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except psycopg.Error:
        return None


def remember(dialect: str, question: str, statements: list[tuple[str, Any, Any]], rows: list[dict[str, Any]],
             label: str, keys: list[str]) -> None:  # fmt: skip
    """Keep the rollup statement `count_events` ran for `question` if the rows the database driver
    gave for it (`mawgun.cli.stats_fast.statements_run`), finished as a replay finishes them, are
    exactly `rows`, and its parameters read back from JSON unchanged; never raises (keeping is an
    optimisation). So a count that went live, or needed Python after SQL, is never kept."""
    marked = [(sql, params, raw) for sql, params, raw in statements if MARKS in sql]
    if not marked or dialect not in ("sqlite", "postgresql"):
        return
    sql, params, raw = marked[-1]
    params = list(params) if isinstance(params, tuple | list) else params
    try:
        if json.loads(json.dumps(params)) != params or not raw or raw[0].get(MARKS, 1) or finish(raw, keys) != rows:
            return
    except Exception:  # noqa: BLE001  (parameters that are not plain values, rows finish refuses: keep nothing)
        return
    entries = load()
    entries.pop(f"{dialect}|{question}", None)
    entries[f"{dialect}|{question}"] = {"sql": sql, "params": params, "keys": keys, "label": label}
    save(dict(list(entries.items())[-MAX_ENTRIES:]))


def save(entries: dict[str, Any]) -> None:
    """Write the entries atomically (a reader sees the old file or the new one); nothing if unwritable.
    The part file (mode 0600, as `tempfile` makes it) is named by process and clock and opened
    exclusively, not through `tempfile` (which imports shutil, bz2, lzma and random: 15M
    instructions of every replayed count, issue 18)."""
    target = cache_file()
    part = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as handle:
            json.dump({"fingerprint": fingerprint(), "entries": entries}, handle)
        os.replace(part, target)
    except OSError:
        with suppress(OSError):
            part.unlink(missing_ok=True)
