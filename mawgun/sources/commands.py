"""CLI of the sources stage: `mawgun sources add/list/enable/disable/remove/starter` and `mawgun watch`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from mawgun.cli.options import Db
from mawgun.store.errors import database_errors

sources_app = typer.Typer(
    help="Feeds, sitemaps and pages to watch (sources as data).\n\n"
    "Example: mawgun sources add irrawaddy --feed https://www.irrawaddy.com/feed --outlet 'The Irrawaddy'",
    no_args_is_help=True,
)


@contextmanager
def catalog_session(db: str | None) -> Iterator[Any]:
    """A session on the store; a SourceError becomes one line and exit status 2."""
    from mawgun.sources.catalog import SourceError
    from mawgun.store.db import session_scope

    with database_errors():
        try:
            with session_scope(db) as session:
                yield session
        except SourceError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc


@sources_app.command("add")
def add_command(
    name: str = typer.Argument(..., help="A short unique name, e.g. irrawaddy-en."),
    feed: str | None = typer.Option(None, "--feed", help="URL of an RSS/Atom feed."),
    sitemap: str | None = typer.Option(None, "--sitemap", help="URL of a sitemap (or sitemap index)."),
    page: str | None = typer.Option(None, "--page", help="URL of one page to watch for changes."),
    outlet: str | None = typer.Option(None, "--outlet", help="Outlet credited for its documents."),
    language: str | None = typer.Option(None, "--language", help="Language code, e.g. en or my."),
    timezone: str = typer.Option("Asia/Yangon", "--timezone", help="The outlet's time zone (dates of feed items)."),
    interval: int = typer.Option(60, "--interval", help="Minutes between polls."),
    disabled: bool = typer.Option(False, "--disabled", help="Add it switched off (enable it later)."),
    db: Db = None,
) -> None:
    """Add a source: exactly one of --feed, --sitemap or --page.

    Example: mawgun sources add irrawaddy --feed https://www.irrawaddy.com/feed --outlet 'The Irrawaddy' --language en
    """
    from mawgun.sources.catalog import SourceSpec, add_source

    given = [(kind, url) for kind, url in (("feed", feed), ("sitemap", sitemap), ("page", page)) if url]
    if len(given) != 1:
        typer.echo("error: give exactly one of --feed URL, --sitemap URL or --page URL", err=True)
        raise typer.Exit(2)
    kind, url = given[0]
    spec = SourceSpec(name, kind, url, outlet, language, timezone, interval, not disabled)
    with catalog_session(db) as session:
        add_source(session, spec)
    typer.echo(f"added {kind} source '{name}'{' (disabled)' if disabled else ''}: {url}")


@sources_app.command("list")
def list_command(
    as_json: bool = typer.Option(False, "--json", help="Print every field as JSON."),
    db: Db = None,
) -> None:
    """List sources with their health: state, last success, last error, items read today.

    Example: mawgun sources list --json
    """
    from mawgun.sources.catalog import source_health

    with catalog_session(db) as session:
        rows = source_health(session)
    if as_json:
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print_health(rows)


def print_health(rows: list[dict[str, Any]]) -> None:
    """A Rich table of sources and their health."""
    from rich.console import Console

    from mawgun.cli.tables import make_table

    if not rows:
        typer.echo("no sources yet (mawgun sources add NAME --feed URL, or mawgun sources starter --add)")
        return
    cells = [
        [row["name"], row["kind"], row["state"], f"{row['interval_minutes']} min", row["last_success_at"] or "-",
         str(row["items_today"]), row["last_error"] or "-", row["url"]]
        for row in rows
    ]  # fmt: skip
    columns = ("name", "kind", "state", "every", "last success", "items today", "last error", "url")
    Console().print(make_table(columns, cells))


@sources_app.command("enable")
def enable_command(name: str = typer.Argument(..., help="The source's name."), db: Db = None) -> None:
    """Switch a source on (it is polled at the next round).

    Example: mawgun sources enable irrawaddy-en
    """
    from mawgun.sources.catalog import set_enabled

    with catalog_session(db) as session:
        set_enabled(session, name, True)
    typer.echo(f"enabled '{name}'")


@sources_app.command("disable")
def disable_command(name: str = typer.Argument(..., help="The source's name."), db: Db = None) -> None:
    """Switch a source off (kept, with its history; not polled).

    Example: mawgun sources disable irrawaddy-en
    """
    from mawgun.sources.catalog import set_enabled

    with catalog_session(db) as session:
        set_enabled(session, name, False)
    typer.echo(f"disabled '{name}'")


@sources_app.command("remove")
def remove_command(name: str = typer.Argument(..., help="The source's name."), db: Db = None) -> None:
    """Delete a source and its item history (the documents it brought stay).

    Example: mawgun sources remove irrawaddy-en
    """
    from mawgun.sources.catalog import remove_source

    with catalog_session(db) as session:
        remove_source(session, name)
    typer.echo(f"removed '{name}'")


@sources_app.command("starter")
def starter_command(
    add: bool = typer.Option(False, "--add", help="Add the starter sources to the store, all disabled."),
    db: Db = None,
) -> None:
    """Show the shipped starter list of Myanmar outlets' public feeds (or add it, disabled).

    Example: mawgun sources starter --add   (then: mawgun sources enable irrawaddy-en)
    """
    from mawgun.sources.catalog import add_starter, starter_specs

    if not add:
        for spec in starter_specs():
            typer.echo(f"{spec.name:22} {spec.language or '':3} {spec.outlet or '':32} {spec.url}")
        return
    with catalog_session(db) as session:
        added = add_starter(session)
    typer.echo(f"added {len(added)} starter sources, all disabled; enable the ones you want to follow")


def watch_command(
    once: bool = typer.Option(False, "--once", help="Run one round and exit (for cron or a systemd timer)."),
    force: bool = typer.Option(False, "--force", help="Poll every enabled source now, ignoring schedules."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Log only failures and round summaries."),
    db: Db = None,
) -> None:
    """Poll due sources, ingest new items, extract and deduplicate them; repeat until stopped.

    Logs each item and a summary per round on stderr. A failing source is reported and backs off;
    the others go on. Stop with Ctrl-C or SIGTERM (the item in hand is finished); a hard kill loses
    nothing committed, and a restart repeats nothing.

    Example: mawgun watch --once
    """
    import logging
    import signal
    import threading

    from mawgun.sources.watch import watch

    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s", datefmt="%Y-%m-%dT%H:%M:%S"
    )
    logging.getLogger("mawgun.watch").setLevel(logging.WARNING if quiet else logging.INFO)
    if quiet:
        logging.getLogger("mawgun.watch.summary").setLevel(logging.INFO)
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():  # SIGINT/SIGTERM: finish the item in hand, then stop
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, lambda *_args: stop.set())
    try:
        with database_errors():
            watch(db, once=once, force=force, stop=stop)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def register(app: typer.Typer) -> None:
    """Add `mawgun sources ...` and `mawgun watch` to the CLI."""
    app.add_typer(sources_app, name="sources")
    app.command("watch")(watch_command)
