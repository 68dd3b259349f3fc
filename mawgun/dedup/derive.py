"""Deriving a canonical event's fields from its reports.

- date: the most precise date a report gives (day before week before month before year); among
  equally precise reports, the date most of them give (ties: the earliest).
- place: the most precise place a report gives (lowest geo_precision), the one most reports name.
- fatalities: best = the figure most reports agree on, each report weighing more the later it was
  published (tolls rise as bodies are found) and when its figure is exact rather than "at least";
  low/high = the range reported; every source's claim is kept for the explanation.
- sources: documents, counting a syndicated copy and its original once; outlets likewise.
- first/last reported: publication dates of the member documents.
- actors and tags: the union of the codes reports give (actors most-cited first, then in text order).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mawgun.dedup.places import normalise_name
from mawgun.model import PLACE_FIELDS, EventRecord, Place

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class SourceInfo:
    """What derivation needs of a document: its outlet and publication date."""

    outlet: str | None
    published: dt.date | None


def derive_date(records: Sequence[EventRecord]) -> dict[str, Any]:
    """The most precise date the reports support, with its precision and range end."""
    dated = [r for r in records if r.date is not None]
    if not dated:
        return {"date": None, "date_end": None, "date_precision": None}
    best_rank = min(PRECISION_RANK.get(r.date_precision or "day", 3) for r in dated)
    precise = [r for r in dated if PRECISION_RANK.get(r.date_precision or "day", 3) == best_rank]
    counts = Counter(r.date for r in precise)
    date = min(counts, key=lambda d: (-counts[d], d))
    ends = [r.date_end for r in precise if r.date == date and r.date_end]
    return {"date": date, "date_end": max(ends) if ends else None, "date_precision": precise[0].date_precision or "day"}


def derive_place(records: Sequence[EventRecord]) -> dict[str, Any]:
    """The most precise place a report gives; among equals, the location most reports name."""
    placed = [r for r in records if r.place is not None]
    if not placed:
        return {name: None for name in PLACE_FIELDS}
    support = Counter(normalise_name(r.place.location or r.place.admin3 or r.place.admin1) for r in placed if r.place)

    def rank(record: EventRecord) -> tuple[int, int, int, str]:
        place = record.place or Place()
        key = normalise_name(place.location or place.admin3 or place.admin1)
        filled = sum(getattr(place, name) is not None for name in PLACE_FIELDS)
        return (place.geo_precision or 4, -support[key], -filled, record.record_id)

    chosen = min(placed, key=rank).place or Place()
    fields = {name: getattr(chosen, name) for name in PLACE_FIELDS}
    for name in ("admin1", "admin1_pcode", "admin2", "admin2_pcode", "admin3", "admin3_pcode"):
        if fields[name] is None:
            fields[name] = _agreed_value(placed, name, fields)
    return fields


def _agreed_value(records: Sequence[EventRecord], name: str, fields: Mapping[str, Any]) -> Any:
    """A higher admin level the chosen place lacks, taken from reports in the same state."""
    values = Counter(
        getattr(r.place, name)
        for r in records
        if r.place and getattr(r.place, name) and (not fields["admin1"] or r.place.admin1 == fields["admin1"])
    )
    return min(values, key=lambda v: (-values[v], str(v))) if values else None


VAGUE_QUALIFIERS = ("at least", "more than", "over", "about", "around", "nearly", "up to", "as many as", "dozens")


def specificity(record: EventRecord) -> float:
    """How specific a report's toll is: an exact figure (no qualifier) counts three quarters of a vote more than
    'at least 30' or 'about 50', which are floors and rounded guesses."""
    qualifier = (record.fatalities_qualifier or "").lower()
    return 0.0 if any(word in qualifier for word in VAGUE_QUALIFIERS) else 0.75


def derive_fatalities(
    records: Sequence[EventRecord], sources: Mapping[str, SourceInfo], originals: Mapping[str, str]
) -> dict[str, Any]:
    """best/low/high fatalities by a weighted vote, one vote per independent source: each report
    weighs 1 + its rank in publication order / n (tolls rise as bodies are found) + 0.75 when its
    figure is exact rather than qualified. Every source's claim is kept for the explanation."""
    votes: dict[str, tuple[dt.date, str, int, EventRecord]] = {}
    for record in records:
        if record.fatalities is None:
            continue
        source = originals.get(record.doc_id, record.doc_id)
        published = sources.get(record.doc_id, SourceInfo(None, None)).published or record.date or dt.date.min
        current = votes.get(source)
        if current is None or (published, record.record_id) > current[:2]:
            votes[source] = (published, record.record_id, record.fatalities, record)
    if not votes:
        return {"fatalities_best": None, "fatalities_low": None, "fatalities_high": None, "votes": {}, "claims": []}
    ordered = sorted(votes.values(), key=lambda vote: vote[:2])
    weights: dict[int, float] = {}
    latest: dict[int, int] = {}
    for position, (_, _, value, record) in enumerate(ordered):
        weights[value] = weights.get(value, 0.0) + 1.0 + position / len(ordered) + specificity(record)
        latest[value] = position
    best = max(weights, key=lambda v: (round(weights[v], 6), latest[v]))
    values = [vote[2] for vote in ordered]
    return {
        "fatalities_best": best,
        "fatalities_low": min(values),
        "fatalities_high": max(values),
        "votes": {str(v): round(w, 3) for v, w in sorted(weights.items())},
        "claims": [claim_of(record, sources) for _, _, _, record in ordered],
    }


def claim_of(record: EventRecord, sources: Mapping[str, SourceInfo]) -> dict[str, Any]:
    """One source's claim as the explanation keeps it: who said what, when."""
    info = sources.get(record.doc_id, SourceInfo(None, None))
    return {
        "record": record.record_id,
        "doc": record.doc_id,
        "outlet": info.outlet,
        "published": info.published.isoformat() if info.published else None,
        "fatalities": record.fatalities,
        "qualifier": record.fatalities_qualifier,
    }


def union_codes(records: Sequence[EventRecord], role: int) -> list[str]:
    """Union of actor codes (or names when unresolved) in role 1 or 2, in a stable, meaningful order.

    Most-cited first, then in the order the texts name them (the lead actor of "a joint force of PDF
    battalions and KIA fighters" stays first), then by code; territorial control takes the first as
    the holder, so alphabetical order would be wrong.
    """
    positions: dict[str, list[int]] = {}
    for record in records:
        for position, actor in enumerate(record.actor1 if role == 1 else record.actor2):
            positions.setdefault(actor.actor_id or actor.name, []).append(position)
    return sorted(
        positions, key=lambda code: (-len(positions[code]), sum(positions[code]) / len(positions[code]), code)
    )


def derive_sources(
    records: Sequence[EventRecord], sources: Mapping[str, SourceInfo], originals: Mapping[str, str]
) -> dict[str, Any]:
    """Counts of reports, independent documents and outlets; first and last publication dates."""
    doc_ids = {r.doc_id for r in records}
    independent = {originals.get(d, d) for d in doc_ids}
    outlets = {
        (sources[d].outlet or d).strip().lower() for d in doc_ids if d in sources and originals.get(d, d) == d
    } or {originals.get(d, d) for d in doc_ids}
    dates = [day for d in doc_ids if d in sources and (day := sources[d].published) is not None]
    return {
        "n_reports": len(records),
        "n_sources": len(independent),
        "n_outlets": max(len(outlets), 1),
        "first_reported": min(dates) if dates else None,
        "last_reported": max(dates) if dates else None,
    }


def derive_canonical(
    records: Sequence[EventRecord],
    sources: Mapping[str, SourceInfo] | None = None,
    originals: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """All derived fields of one canonical event (the keys are canonical_events columns, plus
    `fatality_votes` and `copies` for the explanation)."""
    sources = sources or {}
    originals = originals or {}
    types = Counter(r.event_type for r in records)
    subs = Counter(r.sub_event_type for r in records if r.sub_event_type)
    fatalities = derive_fatalities(records, sources, originals)
    fields: dict[str, Any] = {
        "event_type": min(types, key=lambda t: (-types[t], t)),
        "sub_event_type": min(subs, key=lambda s: (-subs[s], s)) if subs else None,
        **derive_date(records),
        **derive_place(records),
        "actor1": union_codes(records, 1),
        "actor2": union_codes(records, 2),
        "tags": sorted({t for r in records for t in r.tags}),
        **{k: v for k, v in fatalities.items() if k not in ("votes", "claims")},
        **derive_sources(records, sources, originals),
    }
    fields["fatality_votes"] = fatalities["votes"]
    fields["fatality_claims"] = fatalities["claims"]
    fields["copies"] = sorted({r.doc_id for r in records if r.doc_id in originals})
    return fields
