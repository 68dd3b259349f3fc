"""Command groups shared between stages.

Each stage adds its commands in `mawgun/<stage>/commands.py` through `register(app)`; groups that
several stages extend (e.g. `events`, which lists events and also has `merge`/`split` from
deduplication) live here so that no stage imports another's CLI.
"""

from __future__ import annotations

import typer

events_app = typer.Typer(
    help="List canonical events and review clusters (merge, split).\n\nExample: mawgun events --since 2023-10-01",
    no_args_is_help=False,
)
places_app = typer.Typer(
    help="Search Myanmar's gazetteer (MIMU P-codes).\n\nExample: mawgun places search Laukkai", no_args_is_help=True
)
actors_app = typer.Typer(
    help='Resolve names to the actor registry.\n\nExample: mawgun actors resolve "Kawlin PDF"', no_args_is_help=True
)
report_app = typer.Typer(
    help="Weekly and monthly reports (Markdown and HTML).\n\nExample: mawgun report monthly --month 2023-11",
    no_args_is_help=True,
)
import_app = typer.Typer(
    help="Import coded event data (UCDP GED, ACLED).\n\nExample: mawgun import ucdp ged.csv", no_args_is_help=True
)
db_app = typer.Typer(help="Database maintenance (migrations).\n\nExample: mawgun db upgrade", no_args_is_help=True)
