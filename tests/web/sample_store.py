"""A small store of events written for the web tests.

The documents are short texts written for this suite about events of 2023-2024 (the fall of
Laukkaing and Lashio to the MNDAA, the airstrike on Pazigyi village). One document carries a
`<script>` tag, to prove that document text is always shown as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, SanctionRecord, Span, StatisticRecord
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventRow

LASHIO_TEXT = (
    "Lashio, 4 August 2024. Fighters of the MNDAA said on Saturday that they had taken the headquarters "
    "of the military's North-Eastern Command in Lashio after weeks of fighting. Residents said at least "
    "six civilians were killed by artillery during the battle. <script>alert('x')</script> The junta did "
    "not comment."
)
PAZIGYI_TEXT = (
    "A military jet bombed a crowd gathered for the opening of an administration office in Pazigyi village, "
    "Kanbalu Township, Sagaing Region, on 11 April 2023, killing about 160 people, witnesses told reporters. "
    "The United Nations said more than 1.5 million people had been displaced across the country. "
    "The United States later announced sanctions on suppliers of aviation fuel used by the air force."
)
LASHIO_SENTENCE = "they had taken the headquarters of the military's North-Eastern Command in Lashio"
PAZIGYI_SENTENCE = "A military jet bombed a crowd gathered for the opening of an administration office in Pazigyi"


def span_of(text: str, part: str) -> Span:
    """The span of `part` inside `text` (the test texts contain each part once)."""
    start = text.index(part)
    return Span(start, start + len(part), part)


def prov(rule: str) -> Provenance:
    return Provenance(component="test-fixture", version="1", confidence=0.9, rule=rule)


def lashio_records(doc_id: str) -> list[Any]:
    place = Place(admin1="Shan (North)", admin1_pcode="MMR015", admin3="Lashio", admin3_pcode="MMR015001",
                  location="Lashio", latitude=22.936, longitude=97.75, geo_precision=1)  # fmt: skip
    return [
        EventRecord(
            record_id="ev-lashio",
            doc_id=doc_id,
            event_type="Battles",
            sub_event_type="Non-state actor overtakes territory",
            date=dt.date(2024, 8, 3),
            provenance=prov("capture"),
            place=place,
            actor1=[ActorRef("MNDAA", "MNDAA")],
            actor2=[ActorRef("military", "MIL")],
            fatalities=6,
            evidence=[span_of(LASHIO_TEXT, LASHIO_SENTENCE)],
        )  # fmt: skip
    ]


def pazigyi_records(doc_id: str) -> list[Any]:
    place = Place(admin1="Sagaing", admin1_pcode="MMR005", admin3="Kanbalu", admin3_pcode="MMR005007",
                  location="Pazigyi", latitude=23.19, longitude=95.52, geo_precision=1)  # fmt: skip
    return [
        EventRecord(
            record_id="ev-pazigyi", doc_id=doc_id, event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", date=dt.date(2023, 4, 11), provenance=prov("airstrike"),
            place=place, actor1=[ActorRef("military jet", "MIL")], actor2=[ActorRef("people", "CIV")],
            fatalities=160, evidence=[span_of(PAZIGYI_TEXT, PAZIGYI_SENTENCE)],
        ),
        StatisticRecord(
            record_id="st-displaced", doc_id=doc_id, metric="displaced", value=1_500_000, provenance=prov("stat"),
            qualifier="more than", source_org="United Nations",
            evidence=[span_of(PAZIGYI_TEXT, "more than 1.5 million people had been displaced")],
        ),
        SanctionRecord(
            record_id="sa-fuel", doc_id=doc_id, authority="United States", target="aviation fuel suppliers",
            provenance=prov("sanction"), measure="sanctions",
            evidence=[span_of(PAZIGYI_TEXT, "announced sanctions on suppliers of aviation fuel")],
        ),
    ]  # fmt: skip


def canonical_row(event_id: str, report: EventRecord, n_reports: int = 1) -> CanonicalEventRow:
    place = report.place or Place()
    return CanonicalEventRow(
        id=event_id, event_type=report.event_type, sub_event_type=report.sub_event_type, date=report.date,
        date_precision="day", admin1=place.admin1, admin1_pcode=place.admin1_pcode, admin3=place.admin3,
        admin3_pcode=place.admin3_pcode, location=place.location, latitude=place.latitude,
        longitude=place.longitude, geo_precision=place.geo_precision,
        actor1=[a.actor_id for a in report.actor1], actor2=[a.actor_id for a in report.actor2],
        fatalities_best=report.fatalities, fatalities_low=report.fatalities, fatalities_high=report.fatalities,
        n_reports=n_reports, n_sources=n_reports, n_outlets=n_reports, origin="mawgun", tags=[], explanation={},
    )  # fmt: skip


def fill_store(url: str, *, deduplicated: bool = True) -> dict[str, str]:
    """Two documents, their records, and (when `deduplicated`) one canonical event per report."""
    lashio = Document(doc_id="doc-lashio", text=LASHIO_TEXT, title="MNDAA says it holds Lashio command",
                      outlet="Test Wire", published=dt.date(2024, 8, 4), language="en")  # fmt: skip
    pazigyi = Document(doc_id="doc-pazigyi", text=PAZIGYI_TEXT, title="Airstrike on Pazigyi",
                       outlet="Test Post", published=dt.date(2023, 4, 12), language="en")  # fmt: skip
    with session_scope(url) as session:
        for doc, records in ((lashio, lashio_records), (pazigyi, pazigyi_records)):
            repository.save_document(session, doc)
            repository.save_records(session, doc.doc_id, records(doc.doc_id), "test-1")
        if deduplicated:
            session.add(canonical_row("ce-lashio", lashio_records(lashio.doc_id)[0]))
            session.add(canonical_row("ce-pazigyi", pazigyi_records(pazigyi.doc_id)[0]))
            session.flush()
            session.get(EventRow, "ev-lashio").canonical_id = "ce-lashio"  # type: ignore[union-attr]
            session.get(EventRow, "ev-pazigyi").canonical_id = "ce-pazigyi"  # type: ignore[union-attr]
    return {"lashio": "ce-lashio", "pazigyi": "ce-pazigyi"}
