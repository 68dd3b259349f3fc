"""The store's repository functions, on SQLite and (when configured) PostgreSQL.

Fixture texts are short reports written for these tests about real events of the war.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.ids import document_id
from mawgun.model import (
    ActorRef,
    Document,
    EventRecord,
    Place,
    Provenance,
    SanctionRecord,
    Span,
    StatisticRecord,
)
from mawgun.query.events import list_events as list_page
from mawgun.query.filter import EventFilter
from mawgun.store.db import session_scope
from mawgun.store.repository import (
    get_document,
    list_documents,
    load_event_records,
    log_ingest,
    save_document,
    save_records,
    unprocessed_documents,
)
from mawgun.store.schema import CanonicalEventRow, EventActorRow, EventRow, EvidenceRow, IngestLogRow

LAUKKAI = (
    "Laukkai fell to the MNDAA on 5 January 2024 after weeks of fighting, and the regional "
    "command of the junta surrendered in northern Shan State."
)
SAGAING = (
    "A junta airstrike hit Pazigyi village in Kanbalu Township, Sagaing Region, on 11 April 2023, "
    "killing more than 160 people gathered for the opening of a local office."
)
SANCTIONS = "The United States sanctioned Myanma Oil and Gas Enterprise on 31 October 2023."


def make_doc(text: str, **meta: object) -> Document:
    return Document(doc_id=document_id(text), text=text, **meta)  # type: ignore[arg-type]


def airstrike_event(doc: Document) -> EventRecord:
    start = doc.text.index("A junta airstrike")
    return EventRecord(
        record_id="ev-pazigyi",
        doc_id=doc.doc_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=dt.date(2023, 4, 11),
        provenance=Provenance("extract.rules", "0.1.0", 0.9, "airstrike-killing"),
        place=Place(
            admin1="Sagaing",
            admin1_pcode="MMR005",
            admin3="Kanbalu",
            location="Pazigyi",
            latitude=23.2,
            longitude=95.5,
            geo_precision=1,
            level="village",
            span=Span(doc.text.index("Pazigyi"), doc.text.index("Pazigyi") + 7, "Pazigyi"),
        ),
        actor1=[ActorRef("junta", "MIL", None, Span(2, 7))],
        actor2=[ActorRef("people", "CIV")],
        fatalities=160,
        fatalities_qualifier="more than",
        tags=["airstrike", "mass-casualty"],
        evidence=[Span(start, len(doc.text), doc.text[start:])],
    )


def test_saving_a_document_twice_stores_it_once(store_url: str) -> None:
    doc = make_doc(LAUKKAI, title="Laukkai falls", outlet="Test Wire", published=dt.date(2024, 1, 5))
    with session_scope(store_url) as session:
        assert save_document(session, doc) is True
        assert save_document(session, doc) is False
    with session_scope(store_url) as session:
        stored = get_document(session, doc.doc_id)
        assert stored is not None
        assert stored.text == LAUKKAI and stored.title == "Laukkai falls"
        assert stored.published == dt.date(2024, 1, 5)
        assert stored.content_hash
        assert get_document(session, "doc-missing") is None


def test_list_documents_filters_by_date_outlet_kind_and_full_text(store_url: str) -> None:
    with session_scope(store_url) as session:
        save_document(session, make_doc(LAUKKAI, outlet="Test Wire", published=dt.date(2024, 1, 5), kind="news"))
        save_document(session, make_doc(SAGAING, outlet="Other Desk", published=dt.date(2023, 4, 12), kind="news"))
        save_document(session, make_doc(SANCTIONS, outlet="Test Wire", kind="statement"))
    with session_scope(store_url) as session:
        assert [d.text for d in list_documents(session)][:2] == [LAUKKAI, SAGAING]  # newest first
        assert [d.text for d in list_documents(session, since="2024-01-01")] == [LAUKKAI]
        assert [d.text for d in list_documents(session, until=dt.date(2023, 12, 31))] == [SAGAING]
        assert {d.text for d in list_documents(session, outlet="test wire")} == {LAUKKAI, SANCTIONS}
        assert [d.text for d in list_documents(session, kind="statement")] == [SANCTIONS]
        assert [d.text for d in list_documents(session, query="airstrike Kanbalu")] == [SAGAING]
        assert list_documents(session, query='"unbalanced (quote') == []
        assert len(list_documents(session, limit=1, offset=1)) == 1


def test_unprocessed_documents_are_those_without_records_saved(store_url: str) -> None:
    first, second = make_doc(LAUKKAI), make_doc(SAGAING)
    with session_scope(store_url) as session:
        save_document(session, first)
        save_document(session, second)
        assert {d.doc_id for d in unprocessed_documents(session)} == {first.doc_id, second.doc_id}
        save_records(session, first.doc_id, [], "0.1.0")
    with session_scope(store_url) as session:
        assert [d.doc_id for d in unprocessed_documents(session)] == [second.doc_id]
        assert len(unprocessed_documents(session, limit=0)) == 0


def test_saved_event_records_load_back_equal(store_url: str) -> None:
    doc = make_doc(SAGAING, title="Pazigyi", outlet="Test Wire")
    event = airstrike_event(doc)
    with session_scope(store_url) as session:
        save_document(session, doc)
        save_records(session, doc.doc_id, [event], "extract-0.1.0")
    with session_scope(store_url) as session:
        loaded = load_event_records(session, doc_ids=[doc.doc_id])
    assert loaded == [event]


def test_saving_records_again_replaces_the_previous_ones(store_url: str) -> None:
    doc = make_doc(SAGAING)
    event = airstrike_event(doc)
    stat = StatisticRecord(
        "st-1", doc.doc_id, "fatalities", 160.0, Provenance("extract.rules", "0.1.0"), qualifier="more than"
    )
    with session_scope(store_url) as session:
        save_document(session, doc)
        save_records(session, doc.doc_id, [event, stat, event], "v1")
        save_records(session, doc.doc_id, [event, stat], "v1")
    with session_scope(store_url) as session:
        assert session.query(EventRow).count() == 1
        assert session.query(EventActorRow).count() == 2
        assert session.query(EvidenceRow).count() == 1
        stored = get_document(session, doc.doc_id)
        assert stored is not None
        save_records(session, doc.doc_id, [], "v2")
    with session_scope(store_url) as session:
        assert session.query(EventRow).count() == 0
        assert session.query(EvidenceRow).count() == 0


def test_statistics_and_sanctions_are_stored_with_evidence(store_url: str) -> None:
    doc = make_doc(SANCTIONS)
    sanction = SanctionRecord(
        "sa-1",
        doc.doc_id,
        "United States",
        "Myanma Oil and Gas Enterprise",
        Provenance("extract.sanctions", "0.1.0", 0.8, "sanctioned-x"),
        date=dt.date(2023, 10, 31),
        evidence=[Span(0, len(SANCTIONS), SANCTIONS)],
    )
    with session_scope(store_url) as session:
        save_document(session, doc)
        save_records(session, doc.doc_id, [sanction], "v1")
    with session_scope(store_url) as session:
        from mawgun.store.schema import SanctionRow

        row = session.get(SanctionRow, "sa-1")
        assert row is not None and row.target == "Myanma Oil and Gas Enterprise" and row.rule == "sanctioned-x"
        assert session.query(EvidenceRow).filter_by(record_kind="sanction").one().quote == SANCTIONS


def test_saving_records_for_an_unknown_document_is_an_error(store_url: str) -> None:
    with pytest.raises(KeyError), session_scope(store_url) as session:
        save_records(session, "doc-nope", [], "v1")


def list_events(session: Any, **filters: Any) -> list[dict[str, Any]]:
    """Events through the query layer (what `mawgun events` lists)."""
    return list_page(session, EventFilter(**filters), limit=1000)[1]


def test_list_events_reads_reports_with_filters(store_url: str) -> None:
    doc = make_doc(SAGAING, title="Pazigyi", outlet="Test Wire")
    with session_scope(store_url) as session:
        save_document(session, doc)
        save_records(session, doc.doc_id, [airstrike_event(doc)], "v1")
    with session_scope(store_url) as session:
        rows = list_events(session, per_report=True)
        assert len(rows) == 1 and rows[0]["actor1"] == ["MIL"] and rows[0]["outlet"] == "Test Wire"
        assert list_events(
            session,
            per_report=True,
            actors=["Tatmadaw"],
            admin1=["sagaing"],
            event_types=["Explosions/Remote violence"],
        )
        assert list_events(session, per_report=True, admin1=["MMR005"], outlets=["test wire"])
        assert not list_events(session, per_report=True, outlets=["Other Wire"])
        assert not list_events(session, per_report=True, actors=["KIA"])
        assert not list_events(session, per_report=True, since=dt.date(2024, 1, 1))
        assert list_events(session) == []  # nothing deduplicated yet


def test_list_events_reads_canonical_events_by_default(store_url: str) -> None:
    doc = make_doc(SAGAING)
    event = airstrike_event(doc)
    with session_scope(store_url) as session:
        save_document(session, doc)
        session.add(
            CanonicalEventRow(
                id="ce-1",
                event_type="Explosions/Remote violence",
                date=dt.date(2023, 4, 11),
                admin1="Sagaing",
                actor1=["MIL"],
                actor2=["CIV"],
            )
        )
        session.flush()
        event.canonical_id = "ce-1"
        save_records(session, doc.doc_id, [event], "v1")
        event.canonical_id = None
        save_records(session, doc.doc_id, [event], "v1")  # re-extraction keeps the cluster link
    with session_scope(store_url) as session:
        assert [r.canonical_id for r in load_event_records(session)] == ["ce-1"]
        assert [e["event_id"] for e in list_events(session)] == ["ce-1"]
        assert [e["event_id"] for e in list_events(session, actors=["CIV"], until=dt.date(2023, 4, 30))] == ["ce-1"]
        assert list_events(session, actors=["KIA"]) == []
        assert list_events(session, admin1=["Kachin"]) == []


def test_log_ingest_records_each_outcome(store_url: str) -> None:
    with session_scope(store_url) as session:
        log_ingest(session, "run-1", "a.txt", "read", document_id="doc-1")
        log_ingest(session, "run-1", "b.pdf", "failed", reason="truncated PDF")
    with session_scope(store_url) as session:
        rows = session.query(IngestLogRow).order_by(IngestLogRow.id).all()
        assert [(r.path, r.status, r.reason) for r in rows] == [
            ("a.txt", "read", None),
            ("b.pdf", "failed", "truncated PDF"),
        ]


def test_burmese_words_are_found_inside_unspaced_burmese_text(store_url: str) -> None:
    text = "ကန့်ဘလူမြို့နယ် ပဇီကြီးကျေးရွာကို စစ်ကောင်စီ လေကြောင်းတိုက်ခိုက်မှု ပြုလုပ်ခဲ့သည်။"
    with session_scope(store_url) as session:
        save_document(session, make_doc(text))
        save_document(session, make_doc(LAUKKAI))
    with session_scope(store_url) as session:
        assert [d.text for d in list_documents(session, query="ပဇီကြီး")] == [text]
        assert [d.text for d in list_documents(session, query="လေကြောင်း")] == [text]
        assert list_documents(session, query="ရန်ကုန်") == []
