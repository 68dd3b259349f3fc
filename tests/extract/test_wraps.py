"""Hard-wrapped text (single newlines inside sentences) is read like running text; evidence keeps the
original characters at exact offsets."""

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document, EventRecord

WRAPPED = (
    "HPAKANT — Kachin Independence Army fighters and junta troops clashed near Seng\n"
    "Taung village in Hpakant Township, Kachin State, on Tuesday, 5 March 2024, for\n"
    "most of the afternoon, residents told this outlet by telephone.\n\n"
    "Two days later, soldiers arrested 12 villagers in Hpakant town, accusing them of\n"
    "supporting the KIA, relatives said.\n"
)


def extract_wrapped() -> list:
    doc = Document(doc_id="wrapped-1", text=WRAPPED, published=dt.date(2024, 3, 8), outlet="own fixture")
    return extract_document(doc)


def test_a_hard_wrapped_article_yields_its_events() -> None:
    events = [r for r in extract_wrapped() if isinstance(r, EventRecord)]
    kinds = {(e.sub_event_type, e.date) for e in events}
    assert ("Armed clash", dt.date(2024, 3, 5)) in kinds
    assert ("Arrests", dt.date(2024, 3, 7)) in kinds


def test_evidence_of_wrapped_sentences_keeps_the_newlines_at_exact_offsets() -> None:
    records = extract_wrapped()
    spans = [span for r in records for span in r.evidence]
    assert any("\n" in span.text for span in spans)
    for span in spans:
        assert WRAPPED[span.start : span.end] == span.text


def test_the_dateline_does_not_replace_the_place_of_the_event() -> None:
    events = [r for r in extract_wrapped() if isinstance(r, EventRecord)]
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.place is not None and clash.place.admin1 == "Kachin"
    assert clash.place.admin3 == "Hpakant"
