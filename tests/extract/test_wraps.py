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


def test_windows_line_ends_in_a_wrapped_briefing_give_the_same_sanctions() -> None:
    text = (
        "On 31 January 2022 the United Kingdom announced new measures against the military.\r\n"
        "The same day Britain imposed an asset freeze on the chair of the\r\n"
        "Union Election Commission, Thein Soe.\r\n"
    )
    doc = Document(doc_id="crlf-1", text=text, published=dt.date(2022, 2, 1))
    targets = {(r.authority, r.target, r.date) for r in extract_document(doc) if r.kind == "sanction"}
    assert targets == {("United Kingdom", "Thein Soe", dt.date(2022, 1, 31))}
