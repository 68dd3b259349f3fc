"""CLI of the coded-data importers: `mawgun import ucdp FILE` and `mawgun import acled FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mawgun.cli import groups
from mawgun.cli.options import Db
from mawgun.cli.progress import Quiet, show_progress


def report_import(report: Any) -> None:
    """Print what an import did; bad rows (line and reason) on stderr."""
    from rich.console import Console

    err = Console(stderr=True)
    Console().print(
        f"[bold]{report.origin}[/bold] {report.path}: {report.read} rows read, {report.imported} events imported, "
        f"{len(report.problems)} rejected"
    )
    for line, reason in report.problems[:50]:
        err.print(f"  line {line}: {reason}")
    if len(report.problems) > 50:
        err.print(f"  ... and {len(report.problems) - 50} more")


def run_import(kind: str, path: Path, db: str | None, quiet: bool = False) -> None:
    """Import a coded-data file, with a progress bar on a terminal; a missing file is a clear error."""
    from mawgun.ingest.coded import import_acled, import_ucdp
    from mawgun.ingest.coded.common import NotThisFormat
    from mawgun.store.db import session_scope

    if not path.is_file():
        raise typer.BadParameter(f"{path} is not a file", param_hint="FILE")
    importer = import_ucdp if kind == "ucdp" else import_acled
    try:
        with session_scope(db) as session:
            report = importer(session, path, show_progress=show_progress(quiet))
    except UnicodeDecodeError as exc:
        raise typer.BadParameter(f"{path} is not UTF-8 CSV ({exc.reason})", param_hint="FILE") from exc
    except NotThisFormat as exc:
        raise typer.BadParameter(f"not a {kind.upper()} file: {exc}", param_hint="FILE") from exc
    report_import(report)


def import_ucdp_command(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="UCDP GED CSV file.")],
    db: Db = None,
    quiet: Quiet = False,
) -> None:
    """Import UCDP GED events (one canonical event each; re-importing replaces, never duplicates).

    Example: mawgun import ucdp ged-myanmar.csv
    """
    run_import("ucdp", path, db, quiet)


def import_acled_command(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="ACLED export CSV file.")],
    db: Db = None,
    quiet: Quiet = False,
) -> None:
    """Import ACLED events (one canonical event each; re-importing replaces, never duplicates).

    Example: mawgun import acled acled-myanmar-2023.csv
    """
    run_import("acled", path, db, quiet)


def register() -> None:
    """Add `mawgun import ucdp` and `mawgun import acled`."""
    groups.import_app.command("ucdp")(import_ucdp_command)
    groups.import_app.command("acled")(import_acled_command)
