"""`mawgun demo`: ingest the bundled corpus, run the pipeline, and show what came out.

The demo writes to the default embedded store (so `mawgun serve` shows it next) unless `--db`
names another; `--fresh` deletes that SQLite file first so the demo starts from nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from mawgun.cli.tables import make_table
from mawgun.demo import corpus_dir


def db_is_sqlite(url: str) -> bool:
    from mawgun.store import db

    return db.is_sqlite(url)


def remove_sqlite_file(url: str) -> Path | None:
    """Delete a SQLite store's file (and its WAL/SHM companions); the path removed, or None."""
    from mawgun.store import db

    if not db.is_sqlite(url):
        raise ValueError("--fresh only deletes SQLite files; drop a PostgreSQL database yourself")
    path = Path(url.split(":///", 1)[-1]).expanduser()
    db.get_engine.cache_clear()
    db._ensured.cache_clear()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def foreign_documents(url: str) -> int:
    """How many documents of the SQLite store at `url` did not come from the demo corpus (0 if none)."""
    import sqlite3

    path = Path(url.split(":///", 1)[-1]).expanduser()
    if not path.is_file():
        return 0
    names = {p.name for p in corpus_files()}
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            origins = [row[0] or "" for row in connection.execute("SELECT origin FROM documents")]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return 0  # no documents table: nothing of value
    return sum(1 for origin in origins if Path(origin.split("#", 1)[0]).name not in names)


def run_pipeline(url: str, console: Console) -> dict[str, Any]:
    """Extraction then deduplication through `mawgun.pipeline`."""
    from mawgun.pipeline import process_store

    return process_store(url)


def corpus_files() -> list[Path]:
    """The corpus documents, sorted; the corpus's README (which describes it) is not a document."""
    corpus = corpus_dir()
    if not corpus.is_dir():
        raise FileNotFoundError(f"demo corpus missing at {corpus}")
    return sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.upper().startswith("README"))


def run_demo(
    url: str | None = None, fresh: bool = False, console: Console | None = None, confirm: bool = False
) -> dict[str, Any]:
    """Ingest the bundled corpus into `url` (default store), process it and print a summary; returns it.

    `fresh` deletes the store first, but only a store holding nothing but the demo's own documents,
    unless `confirm`: MAWGUN_DATABASE_URL may point at a real store."""
    from mawgun.ingest import ingest_paths
    from mawgun.store.db import resolve_url, session_scope
    from mawgun.store.summary import summarise_store

    console = console or Console()
    resolved = resolve_url(url)
    if fresh:
        foreign = foreign_documents(resolved) if db_is_sqlite(resolved) else 0
        if foreign and not confirm:
            raise ValueError(
                f"--fresh would delete {resolved.split(':///', 1)[-1]}, which holds {foreign} documents that are not "
                "the demo's. Add --yes to delete them, or give the demo its own store (--db sqlite:///demo.db); "
                "`mawgun backup` keeps a copy first."
            )
        removed = remove_sqlite_file(resolved)
        console.print(f"[dim]fresh start: removed {removed}[/dim]")
    corpus = corpus_dir()
    if not corpus.is_dir():
        raise FileNotFoundError(f"demo corpus missing at {corpus}")
    report = ingest_paths(corpus_files(), resolved)
    console.print(f"ingested [bold]{report.read}[/bold] new documents ({report.skipped} already stored)")
    for failure in report.failures:
        console.print(f"[red]not ingested[/red] {failure.path}: {failure.reason}")
    run_pipeline(resolved, console)
    with session_scope(resolved) as session:
        summary = summarise_store(session)
    print_summary(summary, console)
    return summary


def counts_table(label: str, counts: dict[str, int], limit: int = 12) -> Table:
    """A two-column table of the largest counts, headed by what is counted."""
    rows = [[str(key), str(n)] for key, n in list(counts.items())[:limit]]
    return make_table([label, "n"], rows, box=box.SQUARE, pad_edge=True)


def print_summary(summary: dict[str, Any], console: Console) -> None:
    """The demo's closing overview and next steps."""
    counted = summary["events_counted"]
    console.print(
        f"\n[bold]{summary['documents']}[/bold] documents, [bold]{summary['event_reports']}[/bold] event reports, "
        f"[bold]{summary['canonical_events']}[/bold] canonical events, "
        f"{sum(summary['statistics_by_metric'].values())} statistics, {summary['sanctions']} sanctions"
    )
    console.print(counts_table("document form (file type)", summary["documents_by_format"]))
    if any(kind != "(unknown)" for kind in summary["documents_by_kind"]):
        console.print(counts_table("document kind", summary["documents_by_kind"]))
    console.print(counts_table(f"event type ({counted})", summary["events_by_type"]))
    console.print(counts_table(f"state/region ({counted})", summary["events_by_admin1"]))
    if summary["statistics_by_metric"]:
        console.print(counts_table("statistic", summary["statistics_by_metric"]))
    print_top_events(summary["top_events"], console)
    month = summary["latest_published"].strftime("%Y-%m") if summary["latest_published"] else "2024-01"
    console.print(
        "\n[bold]Next steps[/bold]\n"
        "  mawgun users add you --role admin     # an account to log in with (once)\n"
        "  mawgun serve                          # dashboard and API on this store\n"
        f"  mawgun report monthly --month {month} # a monthly report\n"
        "  mawgun events --per-report            # every report with its source"
    )


def print_top_events(events: list[dict[str, Any]], console: Console) -> None:
    """The best-sourced canonical events with the outlets that reported them."""
    if not events:
        return
    rows = []
    for event in events:
        outlets = sorted({s["outlet"] or s["title"] or s["doc_id"] for s in event["sources"]})
        rows.append(
            [
                str(event["date"] or ""),
                event["sub_event_type"] or event["event_type"],
                event["place"],
                "" if event["fatalities"] is None else str(event["fatalities"]),
                f"{event['n_sources']}: " + "; ".join(outlets),
            ]
        )
    columns = ("date", "event", "place", "fatalities", "sources")
    console.print(make_table(columns, rows, title="Best-sourced canonical events", title_justify="left"))
