"""CLI of the review stage: `mawgun review list|accept|reject|edit|link`, `mawgun audit verify|log|export`
and `mawgun release publish|list`, for scripts and for people at a terminal.

`--who` names the person acting (as `mawgun events merge --who` does); on the web the logged-in user
is the person. Once the store has accounts (`mawgun users add`), `--who` must name an enabled account
holding the role the action needs (coder edits drafts; reviewer accepts, rejects, links, publishes);
a store without accounts (one analyst on a laptop) takes `--who` as given. The audit log records it.
Heavy imports stay inside the commands so that `mawgun --help` is fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mawgun.cli.options import Db, Since, Types, Until

review_app = typer.Typer(
    help="Review canonical events: list the queue, accept, reject, edit fields, link statistics.\n\n"
    "Example: mawgun review list --state draft",
    no_args_is_help=True,
)
audit_app = typer.Typer(
    help="The hash-chained audit log of every change: verify, list, export.\n\nExample: mawgun audit verify",
    no_args_is_help=True,
)
release_app = typer.Typer(
    help="Published releases: frozen snapshots of the reviewed events.\n\n"
    'Example: mawgun release publish --name 2024-q1 --who "Reviewer A"',
    no_args_is_help=True,
)
Who = Annotated[str, typer.Option("--who", help="Who acts (user name or handle); recorded in the audit log.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, csv or json.")]


def fail(message: str) -> None:
    """Exit 2 with a one-line error (bad input loses nothing: the transaction is rolled back)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def check_person(session: Any, who: str, role: str) -> None:
    """ReviewError unless `who` may act as `role`: an enabled account holding it, once accounts exist."""
    from mawgun.accounts import has_role
    from mawgun.accounts.users import find_user_row, list_users
    from mawgun.review.states import ReviewError

    if not list_users(session):
        return
    row = find_user_row(session, who)
    if row is None or row.disabled or not has_role(row, role):
        raise ReviewError(f"--who {who!r} is not an enabled account with the {role} role (see mawgun users list)")


def as_person(who: str, role: str, change: Any) -> Any:
    """`change`, run only after checking that `who` may act as `role`."""

    def checked(session: Any) -> Any:
        check_person(session, who, role)
        return change(session)

    return checked


def run_change(db: str | None, change: Any) -> Any:
    """Run `change(session)` in one transaction, turning expected errors into a clear message."""
    from mawgun.review.overrides import EditError
    from mawgun.review.releases import ReleaseError
    from mawgun.review.states import ReviewError
    from mawgun.store.db import session_scope
    from mawgun.store.errors import database_errors
    from mawgun.store.rollup import refresh_rollups

    try:
        with database_errors(), session_scope(db) as session:
            result = change(session)
            refresh_rollups(session)  # the counts the change moved, recomputed before the next reader asks
            return result
    except (EditError, ReviewError, ReleaseError) as exc:
        fail(str(exc))


@review_app.command("list")
def review_list(
    state: Annotated[str, typer.Option("--state", help="draft, reviewed, rejected or drafts (all but rejected).")] = (
        "draft"
    ),
    since: Since = None,
    until: Until = None,
    types: Types = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Events reported by this outlet.")] = None,
    max_confidence: Annotated[
        float | None, typer.Option("--max-confidence", help="Only events whose reports' mean confidence is <= this.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.")] = 50,
    output_format: FormatOpt = "table",
    db: Db = None,
) -> None:
    """The review queue: lowest confidence first, then the most-cited.

    Example: mawgun review list --state draft --since 2024-01-01 --max-confidence 0.8 --format json
    """
    from mawgun.cli.options import make_filter
    from mawgun.query.review import list_queue
    from mawgun.store.output import print_rows

    flt = make_filter(since, until, types, outlets=outlet, review=state)
    total, items = run_change(db, lambda s: list_queue(s, flt, limit=limit, max_confidence=max_confidence))
    columns = ("event_id", "review_state", "confidence", "n_sources", "date", "event_type", "location", "fatalities")
    rows = [{k: item.get(k) for k in columns} for item in items]
    print_rows(rows, output_format, title=f"{len(rows)} of {total} events ({state})")


@review_app.command("accept")
def review_accept(
    event_ids: Annotated[list[str], typer.Argument(help="Canonical event ids.")],
    who: Who,
    why: Annotated[str | None, typer.Option("--why", help="A note for the audit log.")] = None,
    db: Db = None,
) -> None:
    """Mark events reviewed (a reviewer signed them off).

    Example: mawgun review accept cev-1a2b cev-3c4d --who "Reviewer A"
    """
    from mawgun.review.states import accept_event

    def accept(session: Any) -> None:
        for event_id in event_ids:
            accept_event(session, event_id, who, why)

    run_change(db, as_person(who, "reviewer", accept))
    typer.echo(f"reviewed: {' '.join(event_ids)}")


@review_app.command("reject")
def review_reject(
    event_ids: Annotated[list[str], typer.Argument(help="Canonical event ids.")],
    who: Who,
    reason: Annotated[str, typer.Option("--reason", help="Why it is rejected (required).")],
    db: Db = None,
) -> None:
    """Mark events rejected, with the reason; rejected events are never counted.

    Example: mawgun review reject cev-1a2b --who "Reviewer A" --reason "a rumour, denied the next day"
    """
    from mawgun.review.states import reject_event

    def reject(session: Any) -> None:
        for event_id in event_ids:
            reject_event(session, event_id, who, reason)

    run_change(db, as_person(who, "reviewer", reject))
    typer.echo(f"rejected: {' '.join(event_ids)}")


@review_app.command("edit")
def review_edit(
    event_id: Annotated[str, typer.Argument(help="The canonical event id.")],
    sets: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="FIELD=VALUE, repeatable: event_type, sub_event_type, date (YYYY-MM-DD), date_precision, place "
            "(a P-code), actor1/actor2 (registry codes, comma-separated), fatalities_best/low/high (or unknown).",
        ),
    ],
    who: Who,
    why: Annotated[str | None, typer.Option("--why", help="Why (kept with the edit and in the audit log).")] = None,
    reviewer: Annotated[bool, typer.Option("--reviewer", help="Act as a reviewer (may edit reviewed events).")] = False,
    db: Db = None,
) -> None:
    """Set fields of an event; a person's value wins over every later re-extraction and re-clustering.

    Example: mawgun review edit cev-1a2b --set fatalities_best=12 --set place=MMR015001 --who "Coder B" --why "toll"
    """
    from mawgun.review.states import edit_event

    changes: dict[str, str] = {}
    for item in sets:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{item!r} is not FIELD=VALUE", param_hint="--set")
        changes[name.strip()] = value.strip()
    role = "reviewer" if reviewer else "coder"
    edited = run_change(db, as_person(who, role, lambda s: edit_event(s, event_id, changes, who, why, reviewer)))
    for name, value in edited.items():
        typer.echo(f"{event_id} {name} = {value}")


@review_app.command("link")
def review_link(
    statistic_id: Annotated[str, typer.Argument(help="The statistic's id.")],
    event_ids: Annotated[list[str], typer.Argument(help="Canonical event ids it counts.")],
    who: Who,
    why: Annotated[str | None, typer.Option("--why", help="A note for the audit log.")] = None,
    db: Db = None,
) -> None:
    """Link a statistic to the canonical events it counts.

    Example: mawgun review link st-9f8e cev-1a2b cev-3c4d --who "Reviewer A"
    """
    from mawgun.review.states import link_statistic

    added = run_change(db, as_person(who, "reviewer", lambda s: link_statistic(s, statistic_id, event_ids, who, why)))
    typer.echo(f"{statistic_id} linked to {len(added)} more event(s)")


@audit_app.command("verify")
def audit_verify(db: Db = None) -> None:
    """Check the hash chain: exit 0 when intact, 1 naming the first broken row.

    Example: mawgun audit verify --db sqlite:///events.db
    """
    from mawgun.review.audit import verify_chain

    verdict = run_change(db, verify_chain)
    if verdict.ok:
        typer.echo(verdict.describe())
        return
    typer.echo(verdict.describe(), err=True)
    raise typer.Exit(1)


@audit_app.command("log")
def audit_log(
    event: Annotated[str | None, typer.Option("--event", help="Only changes touching this event.")] = None,
    user: Annotated[str | None, typer.Option("--user", help="Only changes by this person.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="The newest this many rows.")] = 100,
    output_format: FormatOpt = "table",
    db: Db = None,
) -> None:
    """List changes, oldest first: who, when, action, object, before, after, why.

    Example: mawgun audit log --event cev-1a2b --format json
    """
    from mawgun.review.audit import list_changes
    from mawgun.store.output import print_rows

    rows = run_change(db, lambda s: list_changes(s, event, user, limit))
    if output_format != "json":
        keys = ("id", "at", "who", "action", "object_kind", "object_id", "before", "after", "why")
        rows = [{k: row[k] for k in keys} for row in rows]
    print_rows(rows, output_format, title="audit log")


@audit_app.command("export")
def audit_export(
    out: Annotated[Path, typer.Option("--out", "-o", help="JSON Lines file to write.")],
    db: Db = None,
) -> None:
    """Write the whole audit log as JSON Lines (one row a line, with its hashes), for safekeeping.

    Example: mawgun audit export --out audit.jsonl
    """
    import json

    from mawgun.review.audit import iter_rows, log_query, row_dict

    def write(session: Any) -> int:
        count = 0
        with out.open("w", encoding="utf-8") as handle:
            for row in iter_rows(session, log_query()):
                handle.write(json.dumps(row_dict(row), ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        return count

    try:
        count = run_change(db, write)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"{count} audit rows written to {out}")


@release_app.command("publish")
def release_publish(
    name: Annotated[str, typer.Option("--name", help="Release name: letters, digits, '.', '_', '-'.")],
    who: Who,
    note: Annotated[str | None, typer.Option("--note", help="What this release is.")] = None,
    db: Db = None,
) -> None:
    """Publish a release: freeze every reviewed event as it is now (a reviewer's act).

    Example: mawgun release publish --name 2024-q1 --who "Reviewer A" --note "first quarter, reviewed"
    """
    from mawgun.review.releases import publish_release

    summary = run_change(db, as_person(who, "reviewer", lambda s: publish_release(s, name, who, note)))
    typer.echo(f"published {summary['name']}: {summary['events']} reviewed events")


@release_app.command("list")
def release_list(output_format: FormatOpt = "table", db: Db = None) -> None:
    """List published releases, newest first.

    Example: mawgun release list --format json
    """
    from mawgun.review.releases import list_releases
    from mawgun.store.output import print_rows

    print_rows(run_change(db, list_releases), output_format, title="releases")


def register(app: typer.Typer) -> None:
    """Add the `review`, `audit` and `release` groups."""
    app.add_typer(review_app, name="review")
    app.add_typer(audit_app, name="audit")
    app.add_typer(release_app, name="release")
