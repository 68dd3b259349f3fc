"""Small builders for deduplication tests: documents and event reports written in a line."""

from __future__ import annotations

import datetime as dt

from mawgun.ids import make_id
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span

PROV = Provenance(component="test", version="1", confidence=0.9, rule="hand")


def make_doc(key: str, text: str, outlet: str, published: dt.date) -> Document:
    """A document whose id is `doc-<key>` (tests name documents, ingestion would hash them)."""
    return Document(doc_id=f"doc-{key}", text=text, title=text[:40], outlet=outlet, published=published)


def make_event(
    doc: Document,
    event_type: str = "Explosions/Remote violence",
    sub: str | None = "Air/drone strike",
    date: dt.date | None = dt.date(2023, 4, 11),
    admin1: str | None = "Sagaing",
    admin3: str | None = "Kanbalu",
    location: str | None = "Pazigyi",
    actors: tuple[str, ...] = ("MIL",),
    targets: tuple[str, ...] = ("CIV",),
    fatalities: int | None = None,
    evidence: str | None = None,
    precision: str = "day",
    tag: str = "",
    date_end: dt.date | None = None,
) -> EventRecord:
    """An event report of `doc`; the evidence is the document's text unless given."""
    quote = evidence or doc.text
    start = max(doc.text.find(quote), 0)
    return EventRecord(
        record_id=make_id("evt", doc.doc_id, event_type, str(date), location, tag),
        doc_id=doc.doc_id,
        event_type=event_type,
        sub_event_type=sub,
        date=date,
        date_end=date_end,
        date_precision=precision,
        provenance=PROV,
        place=Place(admin1=admin1, admin3=admin3, location=location, geo_precision=1 if location else 2),
        actor1=[ActorRef(name=c, actor_id=c) for c in actors],
        actor2=[ActorRef(name=c, actor_id=c) for c in targets],
        fatalities=fatalities,
        evidence=[Span(start, start + len(quote), quote)],
    )
