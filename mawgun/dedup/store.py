"""Deduplication over the store: incremental clustering, canonical rows, document links, decisions.

`cluster_store` loads the Mawgun event reports (imported UCDP/ACLED events are never clustered),
links near-duplicate documents, and clusters: reports without a canonical event join existing
clusters or form new ones; the reports they can meet (dated within WINDOW_DAYS of them) and the
clusters those belong to are re-clustered with them, so that a later report may regroup earlier ones
as one full run over all of them would (with `full=True` everything is re-clustered). Ids are kept
by vote, and analysts' decisions hold. Canonical rows whose membership
changed are re-derived; each keeps an explanation of the links that formed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from mawgun.dedup.cluster import METHOD, VERSION, Clustering, cluster_profiles
from mawgun.dedup.config import load_settings
from mawgun.dedup.decisions import (
    DecisionError,
    build_constraints,
    load_decisions,
    members_of,
    merge_canonical,
    split_canonical,
)
from mawgun.dedup.derive import SourceInfo, derive_canonical
from mawgun.dedup.features import profile_record
from mawgun.dedup.neardup import DocumentLink, find_near_duplicates
from mawgun.model import Document, EventRecord
from mawgun.review.audit import record_change, verify_decisions
from mawgun.review.overrides import apply_overrides, load_overrides
from mawgun.store.db import session_scope
from mawgun.store.repository import document_from_row, load_event_records
from mawgun.store.rollup import refresh_rollups
from mawgun.store.schema import (
    CanonicalEventRow,
    ClusterDecisionRow,
    DocumentLinkRow,
    DocumentRow,
    EventRow,
    utcnow,
)

CHUNK = 500
T = TypeVar("T")
MAX_CLOSURE_ROUNDS = 10
WINDOW_DAYS = 62  # a month-precision date plus tolerance; year-precision reports farther away are not reloaded


@contextmanager
def stage_progress(enabled: bool, total: int) -> Iterator[Any]:
    """A Rich progress bar over the stages of a run (a no-op when disabled)."""
    if not enabled:
        yield lambda description: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("deduplicating", total=total)

        def advance(description: str) -> None:
            # the label stays in every frame: a fast run may draw only its last stage
            bar.update(task, advance=1, description=f"deduplicating: {description}")

        yield advance


def chunks(values: Sequence[T]) -> Iterator[list[T]]:
    """The values in slices of CHUNK, so that IN (...) lists and bulk updates stay within database limits."""
    for start in range(0, len(values), CHUNK):
        yield list(values[start : start + CHUNK])


def load_documents(session: Session, doc_ids: Sequence[str]) -> dict[str, Document]:
    """The documents (with text) that the given reports come from."""
    documents: dict[str, Document] = {}
    for chunk in chunks(doc_ids):
        for row in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk))):
            documents[row.id] = document_from_row(row)
    return documents


def stored_originals(session: Session, doc_ids: Sequence[str]) -> dict[str, str]:
    """Copy -> original links already stored for these documents."""
    links: dict[str, str] = {}
    for chunk in chunks(doc_ids):
        for row in session.scalars(select(DocumentLinkRow).where(DocumentLinkRow.document_id.in_(chunk))):
            links[row.document_id] = row.duplicate_of
    return links


def save_links(session: Session, links: Sequence[DocumentLink], changed: set[str]) -> None:
    """Rewrite the document links of the `changed` documents (the others are already right)."""
    doc_ids = sorted(changed)
    for chunk in chunks(doc_ids):
        session.execute(delete(DocumentLinkRow).where(DocumentLinkRow.document_id.in_(chunk)))
    session.flush()
    for link in links:
        if link.document_id in changed:
            session.add(
                DocumentLinkRow(
                    document_id=link.document_id,
                    duplicate_of=link.duplicate_of,
                    similarity=link.similarity,
                    method=link.method,
                )
            )
    session.flush()


def source_infos(documents: Mapping[str, Document]) -> dict[str, SourceInfo]:
    """Outlet and publication date of each document."""
    return {doc_id: SourceInfo(doc.outlet, doc.published) for doc_id, doc in documents.items()}


def merged_explanation(previous: Mapping[str, Any] | None, fresh: Mapping[str, Any]) -> dict[str, Any]:
    """The new explanation keeps the links recorded before and adds this run's (not 'kept' ones)."""
    links = list((previous or {}).get("links", []))
    seen = {(link.get("a"), link.get("b")) for link in links}
    for link in fresh.get("links", []):
        if link.get("forced") != "kept" and (link.get("a"), link.get("b")) not in seen:
            links.append(link)
            seen.add((link.get("a"), link.get("b")))
    return {**fresh, "links": links}


def write_canonical(
    session: Session,
    canonical_id: str,
    records: Sequence[EventRecord],
    sources: Mapping[str, SourceInfo],
    originals: Mapping[str, str],
    explanation: Mapping[str, Any] | None = None,
    row: CanonicalEventRow | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> CanonicalEventRow:
    """Create or update one canonical_events row from its reports (`row`: the stored row, if loaded),
    then apply the fields a person set (`overrides`, loaded when not given): human edits win."""
    fields = derive_canonical(records, sources, originals)
    votes, copies, claims = fields.pop("fatality_votes"), fields.pop("copies"), fields.pop("fatality_claims")
    row = row if row is not None else session.get(CanonicalEventRow, canonical_id)
    if row is None:
        row = CanonicalEventRow(id=canonical_id, origin="mawgun")
        session.add(row)
    base = merged_explanation(row.explanation, explanation or {"method": METHOD, "version": VERSION})
    members = sorted(r.record_id for r in records)
    base.update({"members": members, "fatality_votes": votes, "fatality_claims": claims, "copies": copies})
    for name, value in fields.items():
        setattr(row, name, value)
    if overrides is None:
        overrides = load_overrides(session, [canonical_id]).get(canonical_id, {})
    apply_overrides(row, overrides)
    row.explanation = base
    row.updated_at = utcnow()
    return row


def load_canonical_rows(session: Session, canonical_ids: Sequence[str]) -> dict[str, CanonicalEventRow]:
    """Stored canonical rows by id, loaded in chunks."""
    rows: dict[str, CanonicalEventRow] = {}
    for chunk in chunks(canonical_ids):
        for row in session.scalars(select(CanonicalEventRow).where(CanonicalEventRow.id.in_(chunk))):
            rows[row.id] = row
    return rows


def move_records(session: Session, assignment: Mapping[str, str], previous: Mapping[str, str | None]) -> int:
    """Point each report whose canonical event changed at its new one; returns how many moved."""
    changes = [
        {"id": record_id, "canonical_id": canonical_id}
        for record_id, canonical_id in sorted(assignment.items())
        if previous.get(record_id) != canonical_id
    ]
    for chunk in chunks(changes):
        session.execute(update(EventRow), chunk)
    return len(changes)


def remove_orphans(session: Session) -> int:
    """Delete Mawgun canonical events no report points to any more; returns how many."""
    referenced = exists().where(EventRow.canonical_id == CanonicalEventRow.id)
    result = session.execute(
        delete(CanonicalEventRow)
        .where(CanonicalEventRow.origin == "mawgun", ~referenced)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def changed_clusters(result: Clustering, previous: Mapping[str, str | None], existing: set[str]) -> set[str]:
    """Canonical ids whose members differ from before, or whose row is missing."""
    before: dict[str, set[str]] = {}
    for record_id, canonical_id in previous.items():
        if canonical_id:
            before.setdefault(canonical_id, set()).add(record_id)
    return {c for c, members in result.members.items() if c not in existing or before.get(c) != set(members)}


def chunked_ids(session: Session, column: Any, where: Any, values: Sequence[Any]) -> set[str]:
    """Distinct values of `column` for rows where `where(chunk)` holds, over chunks of `values`."""
    found: set[str] = set()
    for chunk in chunks(values):
        found.update(v for v in session.scalars(select(column).where(where(chunk))) if v)
    return found


def load_scope(session: Session, full: bool) -> list[EventRecord]:
    """The reports a run needs: all of them with `full`; otherwise the new reports, every report
    whose date lies within WINDOW_DAYS of theirs (or whose document was published then), and all
    members of the clusters those belong to (so derived fields stay complete)."""
    if full:
        return load_event_records(session, origin="mawgun")
    mawgun = EventRow.origin == "mawgun"
    fresh = session.execute(
        select(EventRow.date, DocumentRow.published)
        .join(DocumentRow, DocumentRow.id == EventRow.document_id)
        .where(mawgun, EventRow.canonical_id.is_(None))
    ).all()
    if not fresh:
        return []
    condition = EventRow.canonical_id.is_(None)
    days = sorted({day for row in fresh for day in row if day is not None})
    if days:
        lookback = dt.timedelta(days=int(load_settings()["undated_lookback_days"]))
        recalled = [row.published - lookback for row in fresh if row.date is None and row.published]
        lo = min([days[0] - dt.timedelta(days=WINDOW_DAYS), *recalled])
        hi = days[-1] + dt.timedelta(days=WINDOW_DAYS)
        in_window = (EventRow.date >= lo) & (EventRow.date <= hi)
        # an undated report may recall an event up to `lookback` before its publication
        undated = EventRow.date.is_(None) & (DocumentRow.published >= lo) & (DocumentRow.published <= hi + lookback)
        condition = condition | in_window | undated
    doc_ids = {
        d
        for d in session.scalars(
            select(EventRow.document_id)
            .join(DocumentRow, DocumentRow.id == EventRow.document_id)
            .where(mawgun, condition)
            .distinct()
        )
        if d
    }
    records = load_event_records(session, doc_ids=sorted(doc_ids), origin="mawgun")
    for _ in range(MAX_CLOSURE_ROUNDS):  # whole clusters: load the documents of every member
        clusters = sorted({r.canonical_id for r in records if r.canonical_id})
        more = chunked_ids(session, EventRow.document_id, lambda chunk: EventRow.canonical_id.in_(chunk), clusters)
        if not more - doc_ids:
            break
        records += load_event_records(session, doc_ids=sorted(more - doc_ids), origin="mawgun")
        doc_ids |= more
    return records


def relink_documents(session: Session, documents: Mapping[str, Document]) -> tuple[dict[str, str], set[str]]:
    """Find near-duplicates among `documents`, store changed links; returns (copy -> original, the
    documents whose link changed)."""
    links = find_near_duplicates(
        {d: doc.text for d, doc in documents.items()}, {d: doc.published for d, doc in documents.items()}
    )
    originals = {link.document_id: link.duplicate_of for link in links}
    before = stored_originals(session, sorted(documents))
    relinked = {d for d in set(before) | set(originals) if before.get(d) != originals.get(d)}
    save_links(session, links, relinked)
    return originals, relinked


def write_clusters(
    session: Session,
    result: Clustering,
    records: Sequence[EventRecord],
    documents: Mapping[str, Document],
    originals: Mapping[str, str],
    touched: set[str],
) -> None:
    """Create or update the canonical rows of the `touched` clusters."""
    by_id = {r.record_id: r for r in records}
    sources = source_infos(documents)
    stored = load_canonical_rows(session, sorted(touched))
    edits = load_overrides(session)  # few (people's edits): one query for the whole run
    for canonical_id in sorted(touched):
        members = [by_id[r] for r in result.members[canonical_id]]
        row = stored.get(canonical_id)
        if row is None:
            row = CanonicalEventRow(id=canonical_id, origin="mawgun")
            session.add(row)
        explanation, edited = result.explanations[canonical_id], edits.get(canonical_id, {})
        write_canonical(session, canonical_id, members, sources, originals, explanation, row, edited)
    session.flush()


def load_checked_decisions(session: Session) -> list[ClusterDecisionRow]:
    """The analysts' decisions, once the audit log vouches for them: a merge or split it records whose
    row is gone (or a row it never recorded) is a DecisionError, not a decision silently undone."""
    verdict = verify_decisions(session)
    if not verdict.ok:
        raise DecisionError(f"{verdict.describe()}; see `mawgun audit verify`")
    return load_decisions(session)


def cluster_session(session: Session, progress: bool = False, full: bool = False) -> dict[str, Any]:
    """`cluster_store` inside an open session."""
    with stage_progress(progress, 4) as advance:
        records = load_scope(session, full)
        documents = load_documents(session, sorted({r.doc_id for r in records}))
        advance("near-duplicate documents")
        originals, relinked = relink_documents(session, documents)
        advance("clustering")
        previous = {r.record_id: r.canonical_id for r in records}
        existing = set(session.scalars(select(CanonicalEventRow.id).where(CanonicalEventRow.origin == "mawgun")))
        known = {r: c for r, c in previous.items() if c and c in existing}
        new_ids = None if full else {r for r in previous if r not in known}
        constraints = build_constraints(load_checked_decisions(session), known)
        profiles = [profile_record(r, documents.get(r.doc_id)) for r in sorted(records, key=lambda r: r.record_id)]
        # the scope is re-clustered as a whole (ids kept by vote): a new report may regroup earlier
        # ones, as one full run over all of them would
        result = cluster_profiles(profiles, constraints, known)
        advance("writing canonical events")
        touched = set(result.members) if full else changed_clusters(result, known, existing)
        touched |= {result.assignment[r.record_id] for r in records if r.doc_id in relinked}
        write_clusters(session, result, records, documents, originals, touched)
        moved = move_records(session, result.assignment, previous)
        session.flush()
        removed = remove_orphans(session)
        total = session.scalar(select(func.count()).where(CanonicalEventRow.origin == "mawgun"))
        refresh_rollups(session)  # the months this run touched, recounted before any reader asks
        advance("done")
    return {
        "records": len(records),
        "new_records": len(records) if new_ids is None else len(new_ids),
        "canonical_events": int(total or 0),
        "updated": len(touched),
        "moved": moved,
        "removed": removed,
        "near_duplicates": len(originals),
    }


def cluster_store(url: str | None = None, progress: bool = True, full: bool = False) -> dict[str, Any]:
    """Deduplicate the store's event reports (incremental unless `full`); returns a summary:
    records (reports compared), new_records (reports clustered for the first time), canonical_events
    (Mawgun canonical events in the store afterwards), updated (rows written), moved (reports whose
    canonical event changed), removed (empty canonical events deleted), near_duplicates (copies among
    the compared documents)."""
    with session_scope(url) as session:
        return cluster_session(session, progress=progress, full=full)


def refresh_canonical(session: Session, canonical_ids: Sequence[str], explanation: Mapping[str, Any]) -> None:
    """Re-derive canonical rows from their current reports (after a merge or split)."""
    for canonical_id in canonical_ids:
        member_ids = set(members_of(session, canonical_id))
        doc_ids = session.scalars(select(EventRow.document_id).where(EventRow.id.in_(sorted(member_ids))))
        records = load_event_records(session, doc_ids=sorted({d for d in doc_ids if d}), origin="mawgun")
        members = [r for r in records if r.record_id in member_ids]
        if members:
            documents, originals = context_of(session, members)
            write_canonical(session, canonical_id, members, source_infos(documents), originals, explanation)
    session.flush()


def context_of(session: Session, records: Sequence[EventRecord]) -> tuple[dict[str, Document], dict[str, str]]:
    """Documents of the records and the stored copy -> original links among them."""
    doc_ids = sorted({r.doc_id for r in records})
    documents = load_documents(session, doc_ids)
    rows = session.scalars(select(DocumentLinkRow).where(DocumentLinkRow.document_id.in_(doc_ids)))
    return documents, {row.document_id: row.duplicate_of for row in rows}


def merge_events(url: str | None, canonical_ids: Sequence[str], who: str, why: str | None) -> str:
    """Merge canonical events (analyst decision); returns the surviving canonical id."""
    with session_scope(url) as session:
        target = merge_canonical(session, canonical_ids, who, why)
        decision = {"method": METHOD, "version": VERSION, "links": [{"merged": list(canonical_ids), "who": who}]}
        refresh_canonical(session, [target], decision)
        remove_orphans(session)
        merged = list(dict.fromkeys(canonical_ids))
        record_change(session, who, "merge", "event", target, {"events": merged}, {"event": target}, why, merged)
        refresh_rollups(session)
        return target


def split_event(url: str | None, canonical_id: str, record_ids: Sequence[str], who: str, why: str | None) -> str:
    """Split reports out of a canonical event into a new one (analyst decision); returns its id."""
    with session_scope(url) as session:
        new_id = split_canonical(session, canonical_id, record_ids, who, why)
        chosen = sorted(set(record_ids))
        doc_ids = session.scalars(select(EventRow.document_id).where(EventRow.id.in_(chosen)))
        loaded = load_event_records(session, doc_ids=sorted({d for d in doc_ids if d}), origin="mawgun")
        records = [r for r in loaded if r.record_id in set(chosen)]
        documents, originals = context_of(session, records)
        note = {"method": METHOD, "version": VERSION, "links": [{"split_from": canonical_id, "who": who}]}
        write_canonical(session, new_id, records, source_infos(documents), originals, note)
        session.flush()
        session.execute(update(EventRow).where(EventRow.id.in_(chosen)).values(canonical_id=new_id))
        session.flush()
        refresh_canonical(session, [canonical_id], {"method": METHOD, "version": VERSION})
        after = {"events": [canonical_id, new_id], "moved": chosen}
        record_change(session, who, "split", "event", canonical_id, {"event": canonical_id}, after, why, [new_id])
        refresh_rollups(session)
        return new_id
