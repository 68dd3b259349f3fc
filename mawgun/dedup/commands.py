"""CLI of deduplication: `mawgun dedup`, `mawgun events merge` and `mawgun events split`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mawgun.cli import groups
from mawgun.cli.options import Db
from mawgun.cli.progress import Quiet, show_progress


def dedup_command(
    db: Db = None,
    full: bool = typer.Option(False, "--full", help="Re-cluster every report, not only new ones (ids are kept)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar (on a terminal)."),
    quiet: Quiet = False,
) -> None:
    """Group event reports from many documents into canonical events (incremental).

    Example: mawgun dedup --db sqlite:///events.db
    """
    from rich.console import Console

    from mawgun.dedup import cluster_store
    from mawgun.dedup.decisions import DecisionError

    try:
        summary = cluster_store(db, progress=progress and show_progress(quiet), full=full)
    except DecisionError as exc:  # a decision the audit log does not vouch for: nothing is re-clustered
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    done = (
        f"{summary['records']} reports re-clustered"
        if full
        else f"{summary['new_records']} new reports clustered ({summary['records']} compared)"
    )
    Console(soft_wrap=True).print(
        f"{done}; "
        f"[bold]{summary['canonical_events']}[/bold] canonical events in the store; {summary['updated']} updated, "
        f"{summary['removed']} removed; {summary['near_duplicates']} near-duplicate documents"
    )


def merge_command(
    canonical_ids: Annotated[list[str], typer.Argument(help="Canonical event ids; the first one survives.")],
    who: str = typer.Option(..., "--who", help="Who decides (name or handle)."),
    why: str = typer.Option(..., "--why", help="Why these are one event."),
    db: Db = None,
) -> None:
    """Merge canonical events that are the same event; clustering respects it afterwards.

    Example: mawgun events merge cev-1a2b cev-3c4d --who "Analyst A" --why "same airstrike, two spellings"
    """
    from mawgun.dedup.decisions import DecisionError
    from mawgun.dedup.store import merge_events

    try:
        target = merge_events(db, canonical_ids, who, why)
    except DecisionError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"merged into {target}")


def split_command(
    canonical_id: Annotated[str, typer.Argument(help="The canonical event to split.")],
    records: Annotated[list[str], typer.Option("--records", help="Report (record) ids to move to a new event.")],
    more: Annotated[list[str] | None, typer.Argument(help="More record ids (after --records).")] = None,
    who: str = typer.Option(..., "--who", help="Who decides (name or handle)."),
    why: str = typer.Option(..., "--why", help="Why these reports are a different event."),
    db: Db = None,
) -> None:
    """Split reports out of a canonical event into a new one; clustering keeps them apart afterwards.

    Example: mawgun events split cev-1a2b --records evt-9f8e evt-7d6c --who "Analyst A" --why "a later raid"
    """
    from mawgun.dedup.decisions import DecisionError
    from mawgun.dedup.store import split_event

    try:
        chosen = [part for value in [*records, *(more or [])] for part in value.split(",") if part.strip()]
        new_id = split_event(db, canonical_id, [c.strip() for c in chosen], who, why)
    except DecisionError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"split into {new_id}")


def explain_command(
    canonical_id: Annotated[str, typer.Argument(help="The canonical event to explain.")],
    db: Db = None,
) -> None:
    """Show why reports were grouped into one canonical event: its reports and the scored links.

    Example: mawgun events explain cev-1a2b
    """
    from rich.console import Console
    from rich.table import Table

    from mawgun.dedup.explain import explain_canonical
    from mawgun.store.db import session_scope

    with session_scope(db) as session:
        info = explain_canonical(session, canonical_id)
    if info is None:
        typer.echo(f"error: no canonical event {canonical_id}", err=True)
        raise typer.Exit(2)
    console = Console()
    console.print(
        f"[bold]{info['id']}[/bold] {info['event_type']} / {info['sub_event_type']} on {info['date']} at "
        f"{info['place'] or '?'}; {toll_text(info['fatalities'])}; {info['n_reports']} reports, "
        f"{info['n_sources']} sources"
    )
    reports = Table("record", "outlet", "published", "date", "place", "toll", "evidence")
    for report in info["reports"]:
        reports.add_row(
            report["record_id"],
            report["outlet"] or "",
            report["published"] or "",
            report["date"] or "",
            report["place"],
            "" if report["fatalities"] is None else str(report["fatalities"]),
            report["quote"][:80],
        )
    console.print(reports)
    for report in info["reports"]:  # which rule set each field of each report
        why = ", ".join(f"{name}: {rule}" for name, rule in sorted(report.get("why", {}).items()) if rule)
        console.print(f"  {report['record_id']} why: {why}")
    links = Table("a", "b", "score", "features / decision")
    for link in info["links"]:
        links.add_row(str(link.get("a", "")), str(link.get("b", "")), str(link.get("score", "")), link_detail(link))
    console.print(links)


def register(app: typer.Typer) -> None:
    """Add `dedup` to the CLI and `merge`/`split`/`explain` to the `events` group."""
    app.command("dedup")(dedup_command)
    groups.events_app.command("merge")(merge_command)
    groups.events_app.command("split")(split_command)
    groups.events_app.command("explain")(explain_command)


def toll_text(fatalities: Any) -> str:
    """ "fatalities 5 (3-7)", or "toll unknown" when no report gave one (unknown is not zero)."""
    low, best, high = fatalities
    if best is None:
        return "toll unknown"
    return f"fatalities {best}" + (f" ({low}-{high})" if low is not None and high is not None else "")


def link_detail(link: dict[str, Any]) -> str:
    """A link's reasons: each feature's agreement with its contribution to the log-odds
    ('place 0.85 (+1.52)'), or the analyst decision / forced link that made it."""
    features = link.get("features")
    if not features:  # an analyst decision or a forced link: its fields as words, not a Python dict
        return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in link.items() if k not in ("a", "b", "score"))
    contributions = link.get("contributions") or {}
    parts = []
    for name, value in features.items():
        share = contributions.get(name)
        parts.append(f"{name} {value}" + (f" ({share:+.2f})" if isinstance(share, (int, float)) else ""))
    return ", ".join(parts)
