"""Pydantic response models of the HTTP API, so /openapi.json describes every field precisely."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` matching items, this page's `items` from `offset`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ActorRefOut(BaseModel):
    name: str
    actor_id: str | None = None
    unit: str | None = None
    start: int | None = None
    end: int | None = None


class EventOut(BaseModel):
    """A canonical event (level "canonical") or one document's report of it (level "report")."""

    model_config = ConfigDict(extra="ignore")

    event_id: str
    level: Literal["canonical", "report"]
    event_type: str
    sub_event_type: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    location: str | None = None
    pcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor1: list[str] = Field(default_factory=list)
    actor2: list[str] = Field(default_factory=list)
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    tags: list[str] = Field(default_factory=list)
    origin: str | None = None
    n_reports: int | None = None
    n_sources: int | None = None
    n_outlets: int | None = None
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    document_id: str | None = None
    canonical_id: str | None = None
    fatalities_qualifier: str | None = None
    injuries: int | None = None
    component: str | None = None
    component_version: str | None = None
    rule: str | None = None
    confidence: float | None = None
    actor1_refs: list[ActorRefOut] | None = None
    actor2_refs: list[ActorRefOut] | None = None


class EvidenceOut(BaseModel):
    record_id: str
    document_id: str
    start: int
    end: int
    quote: str | None = None


class DocumentSummary(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None
    language: str | None = None
    kind: str | None = None
    origin: str | None = None


class SourceOut(BaseModel):
    """A document an event was read from, with its full text (evidence offsets index into it)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    text: str


class EventDetail(BaseModel):
    event: EventOut
    reports: list[EventOut]
    sources: list[SourceOut]
    evidence: list[EvidenceOut]


class RecordOut(BaseModel):
    """What every extracted record carries: its id, its document and the provenance of the value."""

    model_config = ConfigDict(extra="ignore")

    id: str
    document_id: str | None = None
    component: str | None = None
    component_version: str | None = None
    rule: str | None = None
    confidence: float | None = None


class StatisticOut(RecordOut):
    metric: str
    value: float
    qualifier: str | None = None
    area: list[str] = Field(default_factory=list)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    source_org: str | None = None


class SanctionOut(RecordOut):
    authority: str
    target: str
    date: dt.date | None = None
    measure: str | None = None


class DocumentDetail(DocumentSummary):
    text: str
    ingested_at: dt.datetime | None = None
    processed_at: dt.datetime | None = None
    extractor_version: str | None = None
    events: list[EventOut] = Field(default_factory=list)
    statistics: list[StatisticOut] = Field(default_factory=list)
    sanctions: list[SanctionOut] = Field(default_factory=list)
    evidence: list[EvidenceOut] = Field(default_factory=list)


class StatsRow(BaseModel):
    """One group: its keys (named by `by`), the number of events and the fatalities they report."""

    keys: dict[str, str | None]
    events: int
    fatalities: int


class StatsOut(BaseModel):
    level: Literal["canonical", "report"]
    by: list[str]
    rows: list[StatsRow]


class TownshipCount(BaseModel):
    pcode: str
    name: str | None = None
    admin1: str | None = None
    events: int
    fatalities: int


class MapPoint(BaseModel):
    lat: float
    lon: float
    events: int
    fatalities: int
    location: str | None = None
    township: str | None = None
    event_id: str


class StateCount(BaseModel):
    admin1: str
    events: int
    fatalities: int


class MapLayer(BaseModel):
    """What the map draws: a township choropleth, event points grouped on a grid, and counts of the
    events placed only at state/region level."""

    level: Literal["canonical", "report"]
    total: int
    unmapped: int = Field(0, description="Matching events with no township, coordinates or state/region.")
    townships: list[TownshipCount]
    points: list[MapPoint]
    states: list[StateCount] = Field(default_factory=list, description="Events placed only at state/region level.")


class BoundaryFeature(BaseModel):
    pcode: str | None = None
    name: str | None = None
    admin1_pcode: str | None = None
    rings: list[list[list[float]]]


class Boundaries(BaseModel):
    level: str
    bbox: list[float] | None = None
    features: list[BoundaryFeature]
    credit: str = "Boundaries and place codes: MIMU"


class ControlRow(BaseModel):
    township_pcode: str | None = None
    township: str | None = None
    admin1: str | None = None
    location: str | None = None
    controller: str
    side: str | None = None
    alliances: list[str] = Field(default_factory=list)
    since: dt.date | None = None
    sub_event_type: str | None = None
    event_id: str


class PlaceOut(BaseModel):
    model_config = ConfigDict(extra="ignore")

    pcode: str | None = None
    name: str | None = None
    level: str | None = None
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class ActorOut(BaseModel):
    actor_id: str
    name: str
    kind: str | None = None
    alliances: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)


class ErrorOut(BaseModel):
    detail: str
