"""Command groups shared between stages.

Each stage adds its commands in `mawgun/<stage>/commands.py` through `register(app)`; groups that
several stages extend (e.g. `events`, which lists events and also has `merge`/`split` from
deduplication) live here so that no stage imports another's CLI.
"""

from __future__ import annotations

import typer

events_app = typer.Typer(
    help="List canonical events and review clusters (merge, split).", no_args_is_help=False
)
places_app = typer.Typer(help="Search Myanmar's gazetteer (MIMU P-codes).", no_args_is_help=True)
actors_app = typer.Typer(help="Resolve names to the actor registry.", no_args_is_help=True)
report_app = typer.Typer(help="Weekly and monthly reports (Markdown and HTML).", no_args_is_help=True)
import_app = typer.Typer(help="Import coded event data (UCDP GED, ACLED).", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance (migrations).", no_args_is_help=True)
