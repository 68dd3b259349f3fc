"""Pydantic response models of the HTTP API, so /openapi.json describes every field precisely."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from mawgun.model import CANONICAL_EVENT_FIELDS, EVENT_FIELDS, SANCTION_FIELDS, STATISTIC_FIELDS, FieldSpec

T = TypeVar("T")


def as_utc(value: dt.datetime) -> dt.datetime:
    """The store keeps UTC times without a zone; the API states it (RFC 3339 `date-time` needs one)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


UtcDatetime = Annotated[dt.datetime, AfterValidator(as_utc)]


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


def served_fields(*groups: tuple[FieldSpec, ...]) -> dict[str, Any]:
    """Pydantic field definitions of declared record fields (`mawgun.model`): every one optional
    except those required in each group, lists of strings defaulting to empty; a canonical event's
    `fatalities_best` is served as `fatalities`, as reports name it."""
    required = set.intersection(*({f.name for f in group if f.required} for group in groups))
    fields: dict[str, Any] = {}
    for spec in (f for group in groups for f in group):
        name = "fatalities" if spec.name == "fatalities_best" else spec.name
        if spec.type is list:
            fields.setdefault(name, (list[str], Field(default_factory=list)))
        elif name in required:
            fields.setdefault(name, (spec.type, ...))
        else:
            fields.setdefault(name, (spec.type | None, None))
    return fields


class EventBase(BaseModel):
    """A canonical event (level "canonical") or one document's report of it (level "report")."""

    model_config = ConfigDict(extra="ignore")

    event_id: str
    level: Literal["canonical", "report"]
    actor1_refs: list[ActorRefOut] | None = None
    actor2_refs: list[ActorRefOut] | None = None


if TYPE_CHECKING:
    EventOut = EventBase
else:  # the fields of both levels, from their one declaration in mawgun.model
    EventOut = create_model(
        "EventOut", __base__=EventBase, __doc__=EventBase.__doc__, **served_fields(CANONICAL_EVENT_FIELDS, EVENT_FIELDS)
    )


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
    snippet: str | None = Field(None, description="With q: the text around the hit, escaped HTML, hits in <mark>.")


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


RECORD_BASE = {"document_id", "component", "component_version", "rule", "confidence"}  # in RecordOut

if TYPE_CHECKING:
    StatisticOut = RecordOut
    SanctionOut = RecordOut
else:  # from the one declaration of each record type in mawgun.model
    StatisticOut = create_model(
        "StatisticOut", __base__=RecordOut,
        **{k: v for k, v in served_fields(STATISTIC_FIELDS).items() if k not in RECORD_BASE},
    )  # fmt: skip
    SanctionOut = create_model(
        "SanctionOut", __base__=RecordOut,
        **{k: v for k, v in served_fields(SANCTION_FIELDS).items() if k not in RECORD_BASE},
    )  # fmt: skip


class DocumentDetail(DocumentSummary):
    text: str
    ingested_at: UtcDatetime | None = None
    processed_at: UtcDatetime | None = None
    extractor_version: str | None = None
    events: list[EventOut] = Field(default_factory=list)
    statistics: list[StatisticOut] = Field(default_factory=list)
    sanctions: list[SanctionOut] = Field(default_factory=list)
    evidence: list[EvidenceOut] = Field(default_factory=list)


class StatsRow(BaseModel):
    """One group: its keys (named by `by`), the number of events, how many of them have a known toll
    and how many not, and the fatalities summed over the known tolls (null when none is known)."""

    keys: dict[str, str | None]
    events: int
    fatalities: int | None
    toll_known: int
    toll_unknown: int


class StatsOut(BaseModel):
    level: Literal["canonical", "report"]
    by: list[str]
    rows: list[StatsRow]
    counting: str = Field(
        "", description='What is counted: "reviewed events only", reviewed and draft events, or a release.'
    )


TOLL_NOTE = "Sum of the known tolls; null when no event's toll is known (unknown is not zero)."


class TownshipCount(BaseModel):
    pcode: str
    name: str | None = None
    admin1: str | None = None
    events: int
    fatalities: int | None = Field(description=TOLL_NOTE)
    toll_known: int = 0
    toll_unknown: int = 0


class MapPoint(BaseModel):
    lat: float
    lon: float
    events: int
    fatalities: int | None = Field(description=TOLL_NOTE)
    toll_known: int = 0
    toll_unknown: int = 0
    location: str | None = None
    township: str | None = None
    event_id: str


class StateCount(BaseModel):
    admin1: str
    events: int
    fatalities: int | None = Field(description=TOLL_NOTE)
    toll_known: int = 0
    toll_unknown: int = 0


class MapEvent(BaseModel):
    """One event as the clustered map draws it."""

    id: str
    date: str | None = None
    first: str | None = Field(None, description="First day the date may be (a month-precision date: the 1st).")
    last: str | None = Field(None, description="Last day the date may be.")
    date_precision: str | None = None
    event_type: str
    sub_event_type: str | None = None
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    state_only: bool = Field(description="The place is known only to its state/region.")
    fatalities: int | None = Field(None, description="Best-estimate toll; null when no source gave one.")


class MapTolls(BaseModel):
    events: int
    toll_known: int
    toll_unknown: int
    fatalities: int | None = Field(description=TOLL_NOTE)


class MapEvents(BaseModel):
    """The newest matching events one by one (at most `limit`), for clustering and the time slider."""

    level: Literal["canonical", "report"]
    total: int = Field(description="Every matching event; more than len(events) when the limit cut the list.")
    events: list[MapEvent]
    tolls: MapTolls


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
    name_my: str | None = Field(None, description="The name in Burmese (MIMU).")
    admin1_pcode: str | None = None
    label: list[float] | None = Field(None, description="[lon, lat] inside the outline, where its name is written.")
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
