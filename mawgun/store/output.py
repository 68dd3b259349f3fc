"""Printing rows for the store's commands: a Rich table, CSV or JSON on standard output."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import Any


def plain(value: Any) -> Any:
    """A JSON/CSV-friendly value: dates as ISO strings, lists joined for CSV by the caller."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def cell(value: Any) -> str:
    """A value as table/CSV text (lists joined with ';')."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return str(plain(value))


def print_rows(rows: list[dict[str, Any]], output_format: str, title: str = "") -> None:
    """Write rows as a Rich table (default), CSV with a header, or a JSON array."""
    if output_format == "json":
        sys.stdout.write(json.dumps(rows, default=plain, ensure_ascii=False, indent=2) + "\n")
        return
    if output_format == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: cell(v) for k, v in row.items()} for row in rows)
        return
    from rich import box
    from rich.console import Console

    from mawgun.cli.tables import make_table

    if not rows:
        Console().print(f"[dim]{title or 'nothing'} (no rows match)[/dim]")
        return
    cells = [[cell(v) for v in row.values()] for row in rows]
    Console().print(make_table(list(rows[0]), cells, title=title, box=box.SIMPLE_HEAD, pad_edge=False))
