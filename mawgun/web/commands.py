"""CLI of the web stage: `mawgun serve` starts the dashboard and HTTP API on the local store."""

from __future__ import annotations

from typing import Any

import typer

from mawgun.cli.options import Db


def serve(
    db: Db = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    allow_host: list[str] = typer.Option(  # noqa: B008
        [], "--allow-host", help="A further name the server answers to (e.g. mawgun.lan); repeatable."
    ),
    mode: str = typer.Option(
        "private", "--mode", help="private: every page and endpoint needs a login; public: anonymous visitors may read."
    ),
    secure_cookies: bool = typer.Option(
        False, "--secure-cookies", help="Mark cookies Secure (behind an https proxy that sends no X-Forwarded-Proto)."
    ),
) -> None:
    """Serve the dashboard and the HTTP API on the local store (log in with an account from `mawgun users add`).

    Example: mawgun serve --port 8765   (then open http://127.0.0.1:8765/ ; API reference at /api)
    """
    import uvicorn
    from rich.console import Console

    from mawgun.web.app import create_app

    console = Console(stderr=True)
    if mode not in ("private", "public"):
        raise typer.BadParameter("choose private or public", param_hint="--mode")
    if host not in ("127.0.0.1", "localhost", "::1") and mode == "public":
        console.print(
            f"[bold red]warning:[/bold red] listening on {host} in public mode: what the store publishes is "
            "served, without a login, to anyone who can reach this machine. Use --mode private or --host 127.0.0.1 "
            "unless that is what you want; add the name others will use with --allow-host."
        )
    if host not in ("127.0.0.1", "localhost", "::1") and not secure_cookies:
        console.print(
            f"[yellow]note:[/yellow] listening on {host}: serve it behind https (a proxy sending X-Forwarded-Proto, "
            "or --secure-cookies) so that passwords and session cookies never cross the network in clear."
        )
    from mawgun.web.vendor import MissingExtra

    try:
        app = create_app(db, warm=True, allowed_hosts=allow_host, mode=mode, secure_cookies=secure_cookies)
    except MissingExtra as exc:
        console.print(f"[bold red]error:[/bold red] {exc}")
        raise typer.Exit(1) from exc
    warn_without_admin(app.state.db_url, console)
    console.print(f"Mawgun dashboard ({mode}) on [bold]http://{host}:{port}/[/bold]  (API: /api/v1, reference: /api)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def warn_without_admin(db_url: str, console: Any) -> None:
    """Say how to create the first admin when the store has none (nobody could log in or change anything)."""
    from mawgun.accounts.users import count_admins
    from mawgun.store.db import session_scope

    with session_scope(db_url) as session:
        if count_admins(session) == 0:
            console.print(
                "[yellow]note:[/yellow] this store has no admin yet, so nobody can log in or change anything: "
                "create one with  mawgun users add NAME --role admin"
            )


def register(app: typer.Typer) -> None:
    """Add `mawgun serve` to the CLI."""
    app.command("serve")(serve)
