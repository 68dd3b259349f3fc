"""Releases: a reviewer publishes a named, dated snapshot of the reviewed events.

`publish_release` copies every reviewed canonical event into `release_events`: the canonical columns
(so the query layer counts a release exactly as it counts live events: `EventFilter.release`) and the
whole event as JSON (`data`, with its review and the fields people set). Later edits, merges and
re-extraction change the live events, never a release, so a published figure can be reproduced with
`--release NAME` (`?release=NAME` on the API). The release also keeps the audit log's head hash at
publication, so a later truncation of the log is detectable.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from mawgun.model import CANONICAL_EVENT_FIELDS, field_names
from mawgun.review.audit import head_hash, record_change
from mawgun.store.schema import CanonicalEventRow, EventOverrideRow, EventReviewRow, ReleaseEventRow, ReleaseRow

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")
NO_RELEASE = "(none published)"  # a name no release can have (see check_name): public mode before any release
COLUMNS = field_names(CANONICAL_EVENT_FIELDS)
BATCH = 1000


class ReleaseError(ValueError):
    """A release that cannot be published or found."""


def check_name(name: str) -> str:
    """Release names are short and safe in URLs and file names: letters, digits, '.', '_', '-'."""
    if not NAME.match(name or ""):
        raise ReleaseError(f"{name!r} is not a release name (letters, digits, '.', '_' or '-'; up to 120)")
    return name


def frozen_event(row: CanonicalEventRow, review: EventReviewRow, edits: dict[str, Any]) -> dict[str, Any]:
    """The JSON a release keeps of one event: its fields, review and the fields people set."""
    from mawgun.review.audit import plain

    data = {name: getattr(row, name) for name in COLUMNS}
    data["event_id"] = row.id
    data["review"] = {"state": review.state, "who": review.who, "at": review.at, "reason": review.reason}
    data["human_fields"] = edits
    return dict(plain(data))


def publish_release(session: Session, name: str, who: str, note: str | None = None) -> dict[str, Any]:
    """Snapshot the reviewed events under a new release name; returns the release's summary."""
    check_name(name)
    if session.scalar(select(ReleaseRow.id).where(ReleaseRow.name == name)) is not None:
        raise ReleaseError(f"a release named {name!r} exists already; releases are never overwritten")
    release = ReleaseRow(name=name, who=who, note=note, n_events=0, audit_head=head_hash(session))
    session.add(release)
    session.flush()
    edits: dict[str, dict[str, Any]] = {}
    for edit in session.scalars(select(EventOverrideRow)):
        edits.setdefault(edit.canonical_id, {})[edit.field] = {"value": edit.value, "who": edit.who, "why": edit.why}
    stmt = (
        select(CanonicalEventRow, EventReviewRow)
        .join(EventReviewRow, EventReviewRow.canonical_id == CanonicalEventRow.id)
        .where(EventReviewRow.state == "reviewed")
        .order_by(CanonicalEventRow.id)
    )
    count, batch = 0, []
    for row, review in session.execute(stmt):
        values = {name: getattr(row, name) for name in COLUMNS}
        data = frozen_event(row, review, edits.get(row.id, {}))
        batch.append({**values, "release_id": release.id, "id": row.id, "data": data})
        if len(batch) >= BATCH:
            session.execute(insert(ReleaseEventRow), batch)
            count, batch = count + len(batch), []
    if batch:
        session.execute(insert(ReleaseEventRow), batch)
        count += len(batch)
    release.n_events = count
    session.flush()
    summary = release_dict(release)
    after = {"events": count, "audit_head": release.audit_head}
    record_change(session, who, "publish", "release", name, None, after, note)
    return summary


def release_dict(row: ReleaseRow) -> dict[str, Any]:
    """A release as the CLI and API show it."""
    return {
        "name": row.name,
        "published_at": row.published_at.isoformat(timespec="seconds") if row.published_at else None,
        "who": row.who,
        "note": row.note,
        "events": row.n_events,
        "audit_head": row.audit_head,
    }


def list_releases(session: Session) -> list[dict[str, Any]]:
    """Every release, newest first."""
    stmt = select(ReleaseRow).order_by(ReleaseRow.published_at.desc(), ReleaseRow.id.desc())
    return [release_dict(row) for row in session.scalars(stmt)]


def latest_release(session: Session) -> str | None:
    """The name of the newest release (what public mode serves), or None when none is published."""
    stmt = select(ReleaseRow.name).order_by(ReleaseRow.published_at.desc(), ReleaseRow.id.desc()).limit(1)
    return session.scalar(stmt)


def release_exists(session: Session, name: str) -> bool:
    """Whether a release of that name is published."""
    return session.scalar(select(ReleaseRow.id).where(ReleaseRow.name == name)) is not None


def is_published(session: Session, event_id: str) -> bool:
    """Whether any release holds this event (what public mode may show of it)."""
    return session.scalar(select(ReleaseEventRow.id).where(ReleaseEventRow.id == event_id).limit(1)) is not None


def get_release(session: Session, name: str) -> ReleaseRow:
    """A release by name, or ReleaseError naming the ones there are."""
    row = session.scalar(select(ReleaseRow).where(ReleaseRow.name == name))
    if row is None:
        known = ", ".join(r["name"] for r in list_releases(session)[:10]) or "none published yet"
        raise ReleaseError(f"no release named {name!r} (releases: {known})")
    return row


def release_events(session: Session, name: str) -> list[dict[str, Any]]:
    """The frozen JSON of every event of a release, by event id."""
    release = get_release(session, name)
    stmt = select(ReleaseEventRow.data).where(ReleaseEventRow.release_id == release.id).order_by(ReleaseEventRow.id)
    return [dict(data) for data in session.scalars(stmt)]
