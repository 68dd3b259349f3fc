"""Sentences of pages that lost a space when stored (issue 10, text nobody tuned to): "the group said.“At noon
..." and "surrendered.The group ..." are two sentences each, so a day told in the second never dates the event of
the first; abbreviations, domain names and decimals stay whole. Texts are our own."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.extract.sentences import split_sentences
from mawgun.model import Document


def test_a_period_with_no_space_before_a_capital_ends_a_sentence() -> None:
    assert [s.text for s in split_sentences("The KIA said.“On Monday we took the hill,” he added.")] == [
        "The KIA said.",
        "“On Monday we took the hill,” he added.",
    ]
    assert [s.text for s in split_sentences("Soldiers surrendered.The group freed them.")] == [
        "Soldiers surrendered.",
        "The group freed them.",
    ]


def test_abbreviations_domains_and_decimals_stay_whole() -> None:
    text = "Read Mizzima.com for more. U.S. officials said the blast was 2.5 km from Gen. Min Aung Hlaing's house."
    assert [s.text for s in split_sentences(text)] == [
        "Read Mizzima.com for more.",
        "U.S. officials said the blast was 2.5 km from Gen. Min Aung Hlaing's house.",
    ]


def test_a_day_told_after_a_lost_space_never_dates_the_event_before_it() -> None:
    text = (
        "Rebels stormed a large army base in western Myanmar on Friday, the group said. Arakan Army units "
        "took full control of the junta's Western Command headquarters in Ann, Rakhine State, the group said.“On "
        "Wednesday we cut the last road,” a spokesman said."
    )
    doc = Document(doc_id="lost-space", text=text, published=dt.date(2024, 12, 20))
    events = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    captures = [e for e in events if e["sub_event_type"] == "Non-state actor overtakes territory"]
    assert captures and all(e["date"] == "2024-12-20" for e in captures), events
