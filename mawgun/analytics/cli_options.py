"""Options and helpers shared by the `mawgun stats` and `mawgun import` commands.

The `stats` group lives here so that the command modules (counts; control, claims and imports) can
both add to it. Heavy imports stay inside functions so `mawgun --help` is fast.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

Format = Annotated[str, typer.Option("--format", "-f", help="table | csv | json.")]

stats_app = typer.Typer(
    help="Counts, peaks, comparisons, places, actor pairs, territorial control and claims against data.\n\n"
    "Example: mawgun stats --by month,admin1 --since 2023-01-01 --until 2023-12-31 --format json",
    no_args_is_help=False,
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
