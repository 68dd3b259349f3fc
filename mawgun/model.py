"""Mawgun's core data types: the small vocabulary every stage speaks.

Ingestion produces `Document`s; extraction produces `EventRecord`, `StatisticRecord` and
`SanctionRecord`s, each carrying the `Span`s of text it rests on and the `Provenance` of the
component that produced it; the geocoder answers `Place`s and the actor registry `ActorRef`s.
The store persists them, deduplication groups events into canonical events, and every face
(CLI, API, web) shows them. `to_json()` gives the file contract of `mawgun extract --out`.

Ids derive from content (see `mawgun.ids`), so running a stage twice yields the same ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RecordKind = Literal["event", "statistic", "sanction"]
DatePrecision = Literal["day", "week", "month", "year"]

# ACLED's time_precision: 1 = day, 2 = week (or a range of up to a few days), 3 = month or coarser.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: character offsets [start, end) and the text they cover."""

    start: int
    end: int
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Provenance:
    """Which component produced a value, in which version, by which rule, and how sure it is. `fields` names, per
    field of the record (event_type, date, place, actor1, fatalities, ...), the rule that set it, later recodings
    included ("date": "dates.dmy", "fatalities": "event_details.attach_toll"), so a record can say why."""

    component: str
    version: str
    confidence: float = 1.0
    rule: str | None = None
    fields: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Document:
    """One ingested text (article, statement, report) with its metadata.

    `doc_id` derives from the text's content hash unless the source supplies one (JSONL input).
    `published_precision` is "day", "month" or "year" when the date is only partly known.
    """

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None
    language: str | None = None
    kind: str | None = None  # news | statement | report, when known
    origin: str | None = None  # the file or feed it came from
    content_hash: str | None = None
    source_encoding: str | None = None  # "zawgyi" when `text` was converted to Unicode, else "unicode"
    original_text: str | None = None  # the text as it came, kept when it was converted

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass
class Place:
    """A place resolved to Myanmar's admin hierarchy (MIMU P-codes).

    `geo_precision`: 1 = the named place itself (village, town), 2 = a township or part of a
    region, 3 = a state/region. `level` names the gazetteer level matched (state, district,
    township, town, ward, village_tract, village). `span` is the mention it was read from.
    """

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
    level: str | None = None
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = self.span.to_json() if self.span else None
        return data


@dataclass
class ActorRef:
    """An actor as named in a text, resolved to the registry.

    `actor_id` is the registry code (MIL, PDF, KIA, 3BHA, CIV, ...) or None when unresolved;
    `unit` keeps a local unit's own name ("Kawlin PDF", "KNDF Battalion 13").
    """

    name: str
    actor_id: str | None = None
    unit: str | None = None
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actor_id": self.actor_id,
            "unit": self.unit,
            "span": self.span.to_json() if self.span else None,
        }


def _date_iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class EventRecord:
    """One conflict event as one document reports it (ACLED-style coding).

    `date` is the best single day; `date_end` closes a range; `date_precision` says how
    exactly the text fixes it. `fatalities` is None when the text does not say.
    `canonical_id` is set by deduplication: the canonical event this report belongs to.
    """

    record_id: str
    doc_id: str
    event_type: str
    sub_event_type: str | None
    date: dt.date | None
    provenance: Provenance
    date_end: dt.date | None = None
    date_precision: str | None = "day"
    place: Place | None = None
    actor1: list[ActorRef] = field(default_factory=list)
    actor2: list[ActorRef] = field(default_factory=list)
    fatalities: int | None = None
    fatalities_qualifier: str | None = None
    injuries: int | None = None
    tags: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    canonical_id: str | None = None
    notes: str | None = None

    kind: RecordKind = "event"

    def to_json(self) -> dict[str, Any]:
        place = self.place or Place()
        return {
            "record_id": self.record_id,
            "doc_id": self.doc_id,
            "kind": "event",
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": _date_iso(self.date),
            "date_end": _date_iso(self.date_end),
            "date_precision": self.date_precision,
            "time_precision": TIME_PRECISION.get(self.date_precision or "day", 3),
            "admin1": place.admin1,
            "admin2": place.admin2,
            "admin3": place.admin3,
            "location": place.location,
            "pcode": place.pcode,
            "admin3_pcode": place.admin3_pcode,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "geo_precision": place.geo_precision,
            "actor1": [a.actor_id or a.name for a in self.actor1],
            "actor2": [a.actor_id or a.name for a in self.actor2],
            "actor1_names": [a.unit or a.name for a in self.actor1],
            "actor2_names": [a.unit or a.name for a in self.actor2],
            "fatalities": self.fatalities,
            "fatalities_qualifier": self.fatalities_qualifier,
            "injuries": self.injuries,
            "tags": list(self.tags),
            "evidence": [s.to_json() for s in self.evidence],
            "component": self.provenance.component,
            "version": self.provenance.version,
            "rule": self.provenance.rule,
            "confidence": self.provenance.confidence,
            "provenance_fields": dict(self.provenance.fields),
            "canonical_id": self.canonical_id,
        }


@dataclass
class StatisticRecord:
    """An aggregate figure a source reports ("at least 60 air attacks over the month")."""

    record_id: str
    doc_id: str
    metric: str
    value: float
    provenance: Provenance
    qualifier: str | None = None
    area: list[str] = field(default_factory=list)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    source_org: str | None = None
    evidence: list[Span] = field(default_factory=list)

    kind: RecordKind = "statistic"

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "doc_id": self.doc_id,
            "kind": "statistic",
            "metric": self.metric,
            "value": self.value,
            "qualifier": self.qualifier,
            "area": list(self.area),
            "period_start": _date_iso(self.period_start),
            "period_end": _date_iso(self.period_end),
            "source_org": self.source_org,
            "evidence": [s.to_json() for s in self.evidence],
            "component": self.provenance.component,
            "version": self.provenance.version,
            "rule": self.provenance.rule,
            "confidence": self.provenance.confidence,
        }


@dataclass
class SanctionRecord:
    """A sanction announced or reported: who imposes it, on whom, when, and what it does."""

    record_id: str
    doc_id: str
    authority: str
    target: str
    provenance: Provenance
    date: dt.date | None = None
    measure: str | None = None
    evidence: list[Span] = field(default_factory=list)

    kind: RecordKind = "sanction"

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "doc_id": self.doc_id,
            "kind": "sanction",
            "authority": self.authority,
            "target": self.target,
            "date": _date_iso(self.date),
            "measure": self.measure,
            "evidence": [s.to_json() for s in self.evidence],
            "component": self.provenance.component,
            "version": self.provenance.version,
            "rule": self.provenance.rule,
            "confidence": self.provenance.confidence,
        }


Record = EventRecord | StatisticRecord | SanctionRecord


# --- The one declaration of each record type's stored and served fields --------------------------
# The store's columns (`mawgun.store.schema`, held to these by tests/store/test_fields.py), the API's
# response models (`mawgun.web.schemas`), the lists the query layer reads and the export columns
# derive from these tuples; `to_json()` above is the file contract of `mawgun extract --out`.


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record type: its name, value type (`list` for JSON lists), and whether every
    record has it (required fields are NOT NULL in the store)."""

    name: str
    type: type
    required: bool = False


def _fields(spec: str) -> tuple[FieldSpec, ...]:
    """FieldSpecs from "name:type" words; a trailing "!" marks a required field."""
    types = {"str": str, "int": int, "float": float, "date": dt.date, "list": list}
    found = []
    for word in spec.split():
        name, kind = word.split(":")
        found.append(FieldSpec(name, types[kind.rstrip("!")], kind.endswith("!")))
    return tuple(found)


PLACE_FIELD_SPECS = _fields(
    "admin1:str admin1_pcode:str admin2:str admin2_pcode:str admin3:str admin3_pcode:str location:str "
    "pcode:str latitude:float longitude:float geo_precision:int"
)
PLACE_FIELDS = tuple(f.name for f in PLACE_FIELD_SPECS)  # the Place fields kept as event columns
PROVENANCE_FIELD_SPECS = _fields("component:str component_version:str rule:str confidence:float")
WHEN_FIELD_SPECS = _fields("event_type:str! sub_event_type:str date:date date_end:date date_precision:str")
# One document's report of an event, or an imported coded event (origin ucdp/acled). Its actors are
# rows of their own (`event_actors`), served as actor1/actor2.
EVENT_FIELDS = (
    *_fields("document_id:str origin:str! origin_id:str"),
    *WHEN_FIELD_SPECS,
    *PLACE_FIELD_SPECS,
    *_fields("fatalities:int fatalities_low:int fatalities_high:int fatalities_qualifier:str injuries:int tags:list!"),
    *PROVENANCE_FIELD_SPECS,
    *_fields("canonical_id:str"),
)
# A deduplicated event, its fields derived from its reports (`fatalities_best` is served as fatalities).
CANONICAL_EVENT_FIELDS = (
    *WHEN_FIELD_SPECS,
    *PLACE_FIELD_SPECS,
    *_fields(
        "actor1:list! actor2:list! fatalities_best:int fatalities_low:int fatalities_high:int n_reports:int! "
        "n_sources:int! n_outlets:int! first_reported:date last_reported:date origin:str! tags:list!"
    ),
)
STATISTIC_FIELDS = (
    *_fields("document_id:str metric:str! value:float! qualifier:str area:list! period_start:date period_end:date "
             "source_org:str"),
    *PROVENANCE_FIELD_SPECS,
)  # fmt: skip
SANCTION_FIELDS = (
    *_fields("document_id:str authority:str! target:str! date:date measure:str"),
    *PROVENANCE_FIELD_SPECS,
)


def field_names(fields: tuple[FieldSpec, ...]) -> list[str]:
    """The names of declared fields, in order."""
    return [f.name for f in fields]
