"""CLI of the ingest stage: `mawgun ingest PATH...`."""

from __future__ import annotations

from typing import Annotated

import typer

from mawgun.cli.options import Db
from mawgun.store.errors import database_errors


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (walked recursively) or http(s) URLs.")],
    db: Db = None,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; print failures and totals only."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report (every file, status, reason) as JSON."),
) -> None:
    """Read documents (.txt .md .html .pdf .docx, RSS/Atom .xml, .jsonl, Telegram/WhatsApp exports, web pages).

    A URL is fetched (robots.txt respected) and its main text stored with the URL, final URL, HTTP
    status and fetch time; fetched again, an unchanged page adds nothing and a changed one is a new
    version linked to the old. Exit status 1 when any file failed (each failure is named with its reason), else 0.

    Example: mawgun ingest reports/ feeds/irrawaddy.xml https://example.org/news/article-1
    """
    from rich.console import Console

    from mawgun.ingest.runner import ingest_paths

    with database_errors():
        report = ingest_paths(paths, db, progress=not (quiet or as_json))
    if as_json:
        import json

        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print_report(report, Console(), quiet)
    if report.failed:
        raise typer.Exit(1)


def print_report(report: object, console: object, quiet: bool) -> None:
    """The failures with their reasons, then one summary line (read, skipped, failed, and the run's id)."""
    from mawgun.ingest.runner import IngestReport

    assert isinstance(report, IngestReport)
    if report.failures:
        console.print(f"[bold red]{report.failed} failed:[/bold red]")  # type: ignore[attr-defined]
        for entry in report.failures:  # one line each, never wrapped, so paths stay whole and greppable
            console.print(f"  [red]✗[/red] {entry.path}: {entry.reason}", soft_wrap=True, markup=True)  # type: ignore[attr-defined]
    if not quiet:
        skipped = [e for e in report.entries if e.status == "skipped" and e.reason != "already stored"]
        for entry in skipped:
            console.print(f"[dim]skipped {entry.path}: {entry.reason}[/dim]", soft_wrap=True)  # type: ignore[attr-defined]
    failed = f"[red]{report.failed} failed[/red]" if report.failed else "0 failed"
    line = f"{report.read} read, {report.skipped} skipped, {failed} [dim](run {report.run_id})[/dim]"
    console.print(line, soft_wrap=True)  # type: ignore[attr-defined]  # one line: no table caption to wrap


def register(app: typer.Typer) -> None:
    """Add `mawgun ingest` and the coded-data imports (`mawgun import ucdp|acled`) to the CLI."""
    from mawgun.ingest.coded import commands as coded

    app.command("ingest")(ingest_command)
    coded.register()
