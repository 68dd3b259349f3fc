"""`mawgun actors resolve` and `mawgun actors list`: the actor registry from the command line."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mawgun.cli import groups

if TYPE_CHECKING:
    from mawgun.actors.registry import ActorRegistry
    from mawgun.model import ActorRef

COLUMNS = ("name", "code", "type", "side", "parent", "alliances", "unit", "span")

DateOption = Annotated[
    str | None, typer.Option("--date", help="Resolve as of this day (ISO), for names and alliances over time.")
]


def parse_day(value: str | None) -> dt.date | None:
    """An ISO date from the command line, or a clear error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint="--date") from exc


def resolve_command(
    text: Annotated[str, typer.Argument(help="A name or a whole sentence to scan for actors.")],
    date: DateOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Find every actor named in TEXT: code, type, side, parent, alliances and local unit.

    Example: mawgun actors resolve "Kawlin PDF and the Arakan Army attacked junta troops"
    """
    import json

    from rich.console import Console

    from mawgun.actors import get_registry
    from mawgun.cli.tables import make_table

    reg = get_registry()
    on_date = parse_day(date)
    refs = reg.find_actors(text, on_date=on_date)
    rows = [describe_ref(reg, ref, on_date) for ref in refs]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        Console(stderr=True).print("[yellow]No actor found.[/yellow]")
        raise typer.Exit(1)
    cells = [[str(row[c]) if row[c] else "" for c in COLUMNS] for row in rows]
    Console().print(make_table(COLUMNS, cells, title=f"Actors (registry {reg.version})"))


def describe_ref(reg: ActorRegistry, ref: ActorRef, on_date: dt.date | None) -> dict[str, Any]:
    """One found mention with what the registry knows of its actor."""
    actor = reg.get(ref.actor_id) if ref.actor_id else None
    return {
        "name": ref.name,
        "code": ref.actor_id,
        "type": actor.type if actor else None,
        "side": reg.side(ref.actor_id) if ref.actor_id else None,
        "parent": reg.parent(ref.actor_id) if ref.actor_id else None,
        "alliances": ", ".join(reg.alliances_of(ref.actor_id, on_date)) if ref.actor_id else "",
        "unit": ref.unit,
        "span": f"{ref.span.start}-{ref.span.end}" if ref.span else None,
    }


def list_command(
    side: Annotated[str | None, typer.Option("--side", help="Only actors on this side (junta, resistance...).")] = None,
    actor_type: Annotated[str | None, typer.Option("--type", help="Only actors of this type.")] = None,
) -> None:
    """List the registry's actors with type, side, parent and main aliases.

    Example: mawgun actors list --side resistance
    """
    from rich.console import Console

    from mawgun.actors import get_registry
    from mawgun.cli.tables import make_table

    reg = get_registry()
    actors = [a for a in reg.all() if (side is None or a.side == side) and (actor_type is None or a.type == actor_type)]
    rows = []
    for actor in actors:
        aliases = ", ".join(actor.aliases[:6]) + (" ..." if len(actor.aliases) > 6 else "")
        alliances = ", ".join(reg.alliances_of(actor.id))
        rows.append([actor.id, actor.name, actor.type, actor.side, actor.parent or "", alliances, aliases])
    columns = ("code", "name", "type", "side", "parent", "alliances", "aliases")
    Console().print(make_table(columns, rows, title=f"Actor registry {reg.version} ({len(actors)} actors)"))


def register(app: typer.Typer) -> None:
    """Add `actors resolve` and `actors list` to the shared `actors` group."""
    groups.actors_app.command("resolve")(resolve_command)
    groups.actors_app.command("list")(list_command)
