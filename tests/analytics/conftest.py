"""Builders for analytics tests: canonical events, their reports, documents, evidence and statistics,
written straight into a fresh store (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session

from mawgun.ids import document_id, make_id
from mawgun.store.schema import (
    CanonicalEventRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    EvidenceRow,
    StatisticRow,
)


class StoreBuilder:
    """Writes rows the way ingest, extraction and deduplication would, with content-derived ids."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def document(self, text: str, outlet: str = "Test Desk", published: str = "2024-01-06") -> str:
        doc_id = document_id(text)
        self.session.add(
            DocumentRow(
                id=doc_id,
                content_hash=doc_id,
                outlet=outlet,
                text=text,
                title=text[:40],
                published=dt.date.fromisoformat(published),
            )
        )
        self.session.flush()
        return doc_id

    def canonical(
        self,
        date: str,
        event_type: str = "Battles",
        sub_event_type: str | None = "Armed clash",
        actor1: list[str] | None = None,
        actor2: list[str] | None = None,
        fatalities: int | None = None,
        origin: str = "mawgun",
        **place: Any,
    ) -> str:
        """A canonical event; `place` takes admin1, admin3, admin3_pcode, location, pcode."""
        cid = make_id("ce", date, event_type, sub_event_type, actor1, actor2, place, fatalities)
        self.session.add(
            CanonicalEventRow(
                id=cid,
                event_type=event_type,
                sub_event_type=sub_event_type,
                date=dt.date.fromisoformat(date),
                actor1=actor1 or [],
                actor2=actor2 or [],
                fatalities_best=fatalities,
                origin=origin,
                **place,
            )
        )
        self.session.flush()
        return cid

    def report(self, canonical_id: str, doc_id: str | None, quote: str | None = None, **fields: Any) -> str:
        """An event report of a canonical event, copying its coding; the quote is found in the document."""
        ce = self.session.get(CanonicalEventRow, canonical_id)
        assert ce is not None
        eid = make_id("ev", canonical_id, doc_id, quote)
        values = {
            "event_type": ce.event_type,
            "sub_event_type": ce.sub_event_type,
            "date": ce.date,
            "admin1": ce.admin1,
            "admin3": ce.admin3,
            "location": ce.location,
            "pcode": ce.pcode,
            "fatalities": ce.fatalities_best,
            "origin": ce.origin,
        } | fields
        self.session.add(EventRow(id=eid, document_id=doc_id, canonical_id=canonical_id, **values))
        self.session.flush()
        for role, codes in ((1, ce.actor1), (2, ce.actor2)):
            for position, code in enumerate(codes):
                self.session.add(EventActorRow(event_id=eid, role=role, position=position, actor_id=code, name=code))
        self.session.flush()
        if quote and doc_id:
            self.evidence("event", eid, doc_id, quote)
        return eid

    def evidence(self, kind: str, record_id: str, doc_id: str, quote: str) -> None:
        text = self.session.get(DocumentRow, doc_id).text  # type: ignore[union-attr]
        start = text.index(quote)
        self.session.add(
            EvidenceRow(
                record_kind=kind,
                record_id=record_id,
                document_id=doc_id,
                start=start,
                end=start + len(quote),
                quote=quote,
            )
        )
        self.session.flush()

    def statistic(self, doc_id: str, metric: str, value: float, quote: str, **fields: Any) -> str:
        sid = make_id("st", doc_id, metric, value)
        for name in ("period_start", "period_end"):
            if isinstance(fields.get(name), str):
                fields[name] = dt.date.fromisoformat(fields[name])
        self.session.add(StatisticRow(id=sid, document_id=doc_id, metric=metric, value=value, **fields))
        self.session.flush()
        self.evidence("statistic", sid, doc_id, quote)
        return sid


@pytest.fixture
def build() -> Callable[[Session], StoreBuilder]:
    """`build(session)` -> a StoreBuilder writing into that session."""
    return StoreBuilder
