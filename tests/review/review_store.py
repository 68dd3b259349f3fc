"""A small store for the review tests, built by the real pipeline (ingest, extraction, dedup).

The texts are written for this suite, in our own words, about documented events: the military's
airstrike on Pazigyi village (Kanbalu Township, 11 April 2023), reported by two outlets, and the
MNDAA's capture of Laukkaing (Kokang, 5 January 2024). One title carries markup, to prove pages
show it as text.
"""

from __future__ import annotations

import datetime as dt

from mawgun.model import Document, Provenance, Span, StatisticRecord
from mawgun.pipeline import process_store
from mawgun.store import repository
from mawgun.store.db import session_scope

TEXTS = {
    "doc-pazigyi-a": (
        "Test Wire",
        dt.date(2023, 4, 12),
        "Jet strikes village gathering <b>Kanbalu</b>",
        "A military jet bombed a crowd in Pazigyi village, Kanbalu Township, Sagaing Region, on 11 April 2023, "
        "killing at least 100 people, residents said. The crowd had gathered for the opening of a local office.",
    ),
    "doc-pazigyi-b": (
        "Test Post",
        dt.date(2023, 4, 13),
        "Death toll from Pazigyi strike rises",
        "The death toll from the military airstrike on Pazigyi village in Kanbalu Township on 11 April 2023 "
        "rose to 165 people, according to local volunteers who recovered the bodies.",
    ),
    "doc-laukkaing": (
        "Test Wire",
        dt.date(2024, 1, 6),
        "MNDAA takes Laukkaing",
        "The MNDAA captured Laukkaing, the capital of the Kokang region in northern Shan State, on 5 January "
        "2024, after the military's regional command surrendered.",
    ),
}


def documents() -> list[Document]:
    """The suite's documents."""
    return [
        Document(doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, language="en")
        for doc_id, (outlet, published, title, text) in TEXTS.items()
    ]


def build_store(url: str) -> None:
    """Store the documents, extract and deduplicate them, and add one statistic to link."""
    with session_scope(url) as session:
        for doc in documents():
            repository.save_document(session, doc)
    process_store(url, progress=False)
    text = TEXTS["doc-pazigyi-b"][3]
    part = "rose to 165 people"
    start = text.index(part)
    statistic = StatisticRecord(
        record_id="st-pazigyi-toll", doc_id="doc-pazigyi-b", metric="killed", value=165,
        provenance=Provenance("test-fixture", "1"), evidence=[Span(start, start + len(part), part)],
    )  # fmt: skip
    with session_scope(url) as session:
        from mawgun.store.schema import StatisticRow

        if session.get(StatisticRow, statistic.record_id) is None:
            session.add(repository.statistic_row(statistic, "doc-pazigyi-b"))
