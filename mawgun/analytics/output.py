"""Printing analytics answers as a Rich table, CSV or JSON (the `--format` of `mawgun stats`)."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

FORMATS = ("table", "csv", "json")


def cell(value: Any) -> str:
    """A value as one table/CSV cell (lists joined with "; ")."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def columns_of(rows: list[dict[str, Any]]) -> list[str]:
    """Column names in first-seen order."""
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


def print_json(data: Any) -> None:
    """JSON on stdout (UTF-8, Burmese script kept readable)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """CSV with a header row on stdout."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(name)) for name in columns])


def print_table(rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> None:
    """A Rich table on stdout; numbers right-aligned, text wrapped at words (`mawgun.cli.tables`)."""
    from rich.console import Console

    from mawgun.cli.tables import make_table

    cells = [[cell(row.get(name)) for name in columns] for row in rows]
    Console().print(make_table(columns, cells, title=title))


def print_rows(
    rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None, title: str | None = None
) -> None:
    """Rows in the chosen format; JSON keeps every field, table/CSV the given columns."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if fmt == "json":
        print_json(rows)
        return
    cols = columns or columns_of(rows)
    if fmt == "csv":
        print_csv(rows, cols)
    else:
        print_table(rows, cols, title)
