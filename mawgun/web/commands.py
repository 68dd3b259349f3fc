"""CLI of the web stage: `mawgun serve` starts the dashboard and HTTP API on the local store."""

from __future__ import annotations

import typer

from mawgun.cli.options import Db


def serve(
    db: Db = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    allow_host: list[str] = typer.Option(  # noqa: B008
        [], "--allow-host", help="A further name the server answers to (e.g. mawgun.lan); repeatable."
    ),
) -> None:
    """Serve the dashboard and the HTTP API (read-only) on the local store.

    Example: mawgun serve --port 8765   (then open http://127.0.0.1:8765/ ; API reference at /api)
    """
    import uvicorn
    from rich.console import Console

    from mawgun.web.app import create_app

    console = Console(stderr=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        console.print(
            f"[bold red]warning:[/bold red] listening on {host}: every document, event and source in the store is "
            "served, without a login, to anyone who can reach this machine. Use --host 127.0.0.1 unless that is "
            "what you want; add the name others will use with --allow-host."
        )
    app = create_app(db, warm=True, allowed_hosts=allow_host)
    console.print(f"Mawgun dashboard on [bold]http://{host}:{port}/[/bold]  (API: /api/v1, reference: /api)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add `mawgun serve` to the CLI."""
    app.command("serve")(serve)
