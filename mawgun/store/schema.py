"""The relational schema of Mawgun's store (SQLAlchemy 2 declarative models).

One schema serves the embedded SQLite default and PostgreSQL. Alembic migrations in
`mawgun/store/migrations` create it; this module is their single source of truth.

- `documents`: ingested texts, id from the content hash; `processed_at` is set once extracted.
- `events`: event *reports* (one document's account of one event) and imported coded events
  (`origin` = "ucdp" / "acled"); `canonical_id` links a report to its canonical event.
- `event_actors`: actor references of an event (role 1 acts, role 2 is the target/other side).
- `canonical_events`: deduplicated events, fields derived from their reports.
- `statistics`, `sanctions`: aggregate figures and sanctions that sources report.
- `evidence`: the text spans (document, start, end) each record rests on.
- `cluster_decisions`: analysts' merge/split decisions, which clustering respects.
- `document_links`: near-duplicate (syndicated/republished) documents.
- `ingest_log`: every file read, skipped or failed, with the reason.
- `sources`, `source_items`: watched feeds/sitemaps/pages, their polling state and the items they listed.
- `fetched_pages`: how a document fetched over HTTP was got, and the older version it replaces.
- `event_reviews`, `event_overrides`: a person's review state of a canonical event and the fields a
  person set on it (which win over re-derivation); `statistic_links`: a statistic tied to the events it
  counts; `audit_log`: every change, hash-chained; `releases`, `release_events`: published snapshots
  (see mawgun/review and docs/review.md).
"""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mawgun.store.tables import EVENT_ROLLUP, MAP_GRID, MAP_ROLLUP, METADATA, ROLLUP_DIRTY


class Base(DeclarativeBase):
    """Declarative base of all Mawgun tables (the rollup tables are declared in Core,
    `mawgun.store.tables`, and mapped here)."""

    metadata = METADATA
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_precision: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    source_encoding: Mapped[str | None] = mapped_column(String(10))
    original_text: Mapped[str | None] = mapped_column(Text)


class CanonicalEventRow(Base):
    __tablename__ = "canonical_events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(60), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    admin1: Mapped[str | None] = mapped_column(String(60), index=True)
    admin1_pcode: Mapped[str | None] = mapped_column(String(20))
    admin2: Mapped[str | None] = mapped_column(String(80))
    admin2_pcode: Mapped[str | None] = mapped_column(String(20))
    admin3: Mapped[str | None] = mapped_column(String(80), index=True)
    admin3_pcode: Mapped[str | None] = mapped_column(String(20), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    pcode: Mapped[str | None] = mapped_column(String(30))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    actor1: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actor2: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    n_reports: Mapped[int] = mapped_column(Integer, default=1)
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    n_outlets: Mapped[int] = mapped_column(Integer, default=1)
    first_reported: Mapped[dt.date | None] = mapped_column(Date)
    last_reported: Mapped[dt.date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(20), default="mawgun", index=True)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    # PostgreSQL also has ix_canonical_events_newest (date DESC NULLS LAST, id DESC), migration 0003; both have
    # ix_canonical_events_map (date order with the map's columns: the newest events from the index alone), 0011.
    __table_args__ = (
        Index("ix_canonical_events_date_id", "date", "id"),
        Index("ix_canonical_events_admin1_date", "admin1", "date", "id"),  # a state's newest first (0011)
        Index(  # territorial control ranks its events per place from this index alone (migration 0010)
            "ix_canonical_events_control", "sub_event_type", "date", "id", "pcode", "admin1", "location", "admin3"
        ),
    )


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(String(20), default="mawgun", index=True)  # mawgun | ucdp | acled
    origin_id: Mapped[str | None] = mapped_column(String(80))
    event_type: Mapped[str] = mapped_column(String(60), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    admin1: Mapped[str | None] = mapped_column(String(60), index=True)
    admin1_pcode: Mapped[str | None] = mapped_column(String(20))
    admin2: Mapped[str | None] = mapped_column(String(80))
    admin2_pcode: Mapped[str | None] = mapped_column(String(20))
    admin3: Mapped[str | None] = mapped_column(String(80))
    admin3_pcode: Mapped[str | None] = mapped_column(String(20))
    location: Mapped[str | None] = mapped_column(String(200))
    pcode: Mapped[str | None] = mapped_column(String(30))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    fatalities_qualifier: Mapped[str | None] = mapped_column(String(20))
    injuries: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    component: Mapped[str | None] = mapped_column(String(60))
    component_version: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str | None] = mapped_column(String(80))
    confidence: Mapped[float | None] = mapped_column(Float)
    canonical_id: Mapped[str | None] = mapped_column(ForeignKey("canonical_events.id", ondelete="SET NULL"), index=True)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    # PostgreSQL also has ix_events_newest (date DESC NULLS LAST, id DESC), migration 0003.
    __table_args__ = (Index("ix_events_origin_date", "origin", "date"), Index("ix_events_date_id", "date", "id"))


class EventActorRow(Base):
    __tablename__ = "event_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[int] = mapped_column(Integer)  # 1 acts, 2 target / other side
    position: Mapped[int] = mapped_column(Integer, default=0)
    actor_id: Mapped[str | None] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(300))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (  # reports filtered by actor start from the actor's rows (migration 0010)
        Index("ix_event_actors_actor_id_event_id", "actor_id", "event_id"),
        Index("ix_event_actors_name_event_id", "name", "event_id"),
    )


class StatisticRow(Base):
    __tablename__ = "statistics"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(60), index=True)
    value: Mapped[float] = mapped_column(Float)
    qualifier: Mapped[str | None] = mapped_column(String(30))
    area: Mapped[list[Any]] = mapped_column(JSON, default=list)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    source_org: Mapped[str | None] = mapped_column(String(300))
    component: Mapped[str | None] = mapped_column(String(60))
    component_version: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str | None] = mapped_column(String(80))
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SanctionRow(Base):
    __tablename__ = "sanctions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    authority: Mapped[str] = mapped_column(String(200), index=True)
    target: Mapped[str] = mapped_column(String(300), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    measure: Mapped[str | None] = mapped_column(Text)
    component: Mapped[str | None] = mapped_column(String(60))
    component_version: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str | None] = mapped_column(String(80))
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(12))  # event | statistic | sanction
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)


class ClusterDecisionRow(Base):
    __tablename__ = "cluster_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(10))  # merge | split
    event_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    canonical_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    who: Mapped[str] = mapped_column(String(120))
    why: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DocumentLinkRow(Base):
    __tablename__ = "document_links"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    duplicate_of: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(40), default="shingles")


class IngestLogRow(Base):
    __tablename__ = "ingest_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(40), index=True)
    path: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))  # read | skipped | failed
    reason: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SourceRow(Base):
    """A watched source (feed, sitemap or page) and its polling state; see mawgun/sources."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # feed | sitemap | page
    url: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(10))
    timezone: Mapped[str | None] = mapped_column(String(60))
    interval_minutes: Mapped[int] = mapped_column(Integer, default=60)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed polls (drives back-off)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SourceItemRow(Base):
    """One item (article URL) a source listed, and what became of it, so a restart repeats nothing."""

    __tablename__ = "source_items"

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    version: Mapped[str | None] = mapped_column(String(200))  # the listing's updated/lastmod stamp
    status: Mapped[str] = mapped_column(String(10))  # read | skipped | failed
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    document_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class FetchedPageRow(Base):
    """How a document fetched over HTTP was got: URL, final URL, time, status; `previous_id` is the older version."""

    __tablename__ = "fetched_pages"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), index=True)
    final_url: Mapped[str] = mapped_column(String(2000), index=True)
    http_status: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)


class EventReviewRow(Base):
    """A person's review of a canonical event: reviewed or rejected (with the reason). No row = draft."""

    __tablename__ = "event_reviews"

    canonical_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(10), index=True)  # draft | reviewed | rejected
    reason: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(120))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EventOverrideRow(Base):
    """A field of a canonical event that a person set; it wins over the value derived from reports."""

    __tablename__ = "event_overrides"

    canonical_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[Any | None] = mapped_column(JSON)
    who: Mapped[str] = mapped_column(String(120))
    why: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StatisticLinkRow(Base):
    """A statistic tied to a canonical event it counts (an analyst's link)."""

    __tablename__ = "statistic_links"

    statistic_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    canonical_id: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    who: Mapped[str] = mapped_column(String(120))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditLogRow(Base):
    """One change (who, when, action, object, before, after, why); `hash` chains it to the row before."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(120), index=True)
    action: Mapped[str] = mapped_column(String(40))
    object_kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[str] = mapped_column(String(200), index=True)
    subjects: Mapped[str] = mapped_column(Text, default="")  # " id1 id2 ": every event the change touches
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    why: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("prev_hash", name="uq_audit_log_prev_hash"),)


class ReleaseRow(Base):
    """A published release: a dated snapshot of the reviewed events."""

    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    audit_head: Mapped[str | None] = mapped_column(String(64))  # the audit log's last hash at publication


class ReleaseEventRow(Base):
    """One canonical event as a release froze it: the canonical columns (so the query layer counts a
    release as it counts live events) and the whole event as JSON (`data`)."""

    __tablename__ = "release_events"

    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(60))
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    admin1: Mapped[str | None] = mapped_column(String(60))
    admin1_pcode: Mapped[str | None] = mapped_column(String(20))
    admin2: Mapped[str | None] = mapped_column(String(80))
    admin2_pcode: Mapped[str | None] = mapped_column(String(20))
    admin3: Mapped[str | None] = mapped_column(String(80))
    admin3_pcode: Mapped[str | None] = mapped_column(String(20))
    location: Mapped[str | None] = mapped_column(String(200))
    pcode: Mapped[str | None] = mapped_column(String(30))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    actor1: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actor2: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    n_reports: Mapped[int] = mapped_column(Integer, default=1)
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    n_outlets: Mapped[int] = mapped_column(Integer, default=1)
    first_reported: Mapped[dt.date | None] = mapped_column(Date)
    last_reported: Mapped[dt.date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(20), default="mawgun")
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class RollupGroup:
    """The columns a rollup row is grouped by (besides level and month): the filters and group keys
    the query layer answers from the rollups (declared by `mawgun.store.tables.group_columns`)."""

    id: Mapped[int]
    origin: Mapped[str | None]
    event_type: Mapped[str | None]
    sub_event_type: Mapped[str | None]
    admin1: Mapped[str | None]
    admin1_pcode: Mapped[str | None]
    admin3: Mapped[str | None]
    admin3_pcode: Mapped[str | None]
    review: Mapped[str]


class MapCell(RollupGroup):
    """A map rollup row's ~5 km grid cell and what the map draws of it (`mawgun.store.tables.cell_columns`)."""

    lat: Mapped[float | None]
    lon: Mapped[float | None]
    events: Mapped[int]
    fatalities: Mapped[int]
    toll_known: Mapped[int]
    location: Mapped[str | None]
    event_id: Mapped[str | None]


class EventRollupRow(RollupGroup, Base):
    """Precomputed counts of events (level "canonical" or "report") per month and the columns filters
    and group keys use most, with the toll sums over known tolls and `toll_known` (unknown is not zero).

    Rebuilt a month at a time by `mawgun.store.rollup.refresh_rollups` from the months marked in
    `rollup_dirty`; the query layer answers counts from it when a filter allows (see docs/scale.md).
    `month` is "YYYY-MM", NULL for events without a date; `review` the canonical event's review state
    ("draft" when it has none). Declared in Core (`mawgun.store.tables.EVENT_ROLLUP`).
    """

    __table__ = EVENT_ROLLUP

    level: Mapped[str]
    month: Mapped[str | None]
    events: Mapped[int]
    fatalities: Mapped[int]
    fatalities_low: Mapped[int]
    fatalities_high: Mapped[int]
    toll_known: Mapped[int]


class RollupDirtyRow(Base):
    """A (level, month) whose rollup rows may be out of date: written by triggers on canonical_events,
    events and event_reviews in the writing transaction itself; `n` counts the marks, so a refresh
    clears a mark only if no write came after it read it. `month` is "" for events without a date.
    Declared in Core (`mawgun.store.tables.ROLLUP_DIRTY`)."""

    __table__ = ROLLUP_DIRTY

    level: Mapped[str]
    month: Mapped[str]
    n: Mapped[int]


class MapRollupRow(MapCell, Base):
    """The map layer's groups precomputed per month: events of `event_rollup`'s grain also split by
    their ~5 km grid cell (`lat`, `lon`: latitude and longitude times 20, rounded), with the toll sums,
    the greatest location name and event id of the group (the map's point label and link).
    Declared in Core (`mawgun.store.tables.MAP_ROLLUP`)."""

    __table__ = MAP_ROLLUP

    level: Mapped[str]
    month: Mapped[str | None]


class MapGridRow(MapCell, Base):
    """`map_rollup` summed over all months (a few thousand rows): the undated map in one small read
    (`mawgun.store.tables.MAP_GRID`)."""

    __table__ = MAP_GRID

    level: Mapped[str]


class CanonicalActorRow(Base):
    """One actor code of a canonical event (an element of `actor1`, role 1, or `actor2`, role 2), with
    the event's date: kept equal to the JSON lists by triggers on canonical_events (migration 0010), so
    an actor or alliance filter starts from the (code, date) index instead of reading every event."""

    __tablename__ = "canonical_actors"

    canonical_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_canonical_actors_code_date", "code", "date", "canonical_id"),)


class ActorRollupRow(Base):
    """Events counted per level, month, review state and the set of actor codes they name (`actors`, a
    JSON list: a canonical event's codes; a report's actor ids and names), so an actor, alliance or side
    filter over whole months is a sum over the sets it meets, exact however many of the codes an event
    names (migration 0010; kept by `mawgun.store.rollup.refresh_rollups` with the other rollups)."""

    __tablename__ = "actor_rollup"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    level: Mapped[str] = mapped_column(String(10))
    month: Mapped[str | None] = mapped_column(String(7))
    review: Mapped[str] = mapped_column(String(10))
    actors: Mapped[str | None] = mapped_column(Text)
    events: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_actor_rollup_level_month", "level", "month"),)
