"""CLI of the web stage: `mawgun serve` starts the dashboard and HTTP API on the local store."""

from __future__ import annotations

import typer

from mawgun.cli.options import Db


def serve(
    db: Db = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
) -> None:
    """Serve the dashboard and the HTTP API (read-only) on the local store.

    Example: mawgun serve --port 8765   (then open http://127.0.0.1:8765/ ; API reference at /api)
    """
    import uvicorn
    from rich.console import Console

    from mawgun.web.app import create_app

    app = create_app(db, warm=True)
    Console(stderr=True).print(
        f"Mawgun dashboard on [bold]http://{host}:{port}/[/bold]  (API: /api/v1, reference: /api)"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add `mawgun serve` to the CLI."""
    app.command("serve")(serve)
