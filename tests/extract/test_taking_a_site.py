""" "Took" with words between it and the site taken ("took the strategic town of Mogoke", "took the junta's Western
Command headquarters", "took a key junta outpost") is a capture, as "took Mogoke" and "took the town" were;
"took" of people, of refuge or of a trip, and a site after a preposition ("took the wounded to the town"), is
not. Texts are our own, about real events: the TNLA's capture of Mogoke (24 July 2024), the Arakan Army's
capture of the Western Command in Ann (20 December 2024), the MNDAA's attacks in Kutkai township (November
2023)."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document

CAPTURE = "Non-state actor overtakes territory"


def captures(text: str, published: str) -> list[tuple[str | None, str]]:
    doc = Document(doc_id="taking-a-site", text=text, published=dt.date.fromisoformat(published))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    return [(e["location"], e["date"]) for e in found if e["sub_event_type"] == CAPTURE]


@pytest.mark.parametrize(
    ("text", "published", "place", "day"),
    [
        ("The TNLA took the strategic town of Mogoke on Wednesday.", "2024-07-26", "Mogoke", "2024-07-24"),
        (
            "The Arakan Army took the junta's Western Command headquarters in Ann on Friday.",
            "2024-12-22",
            "Ann",
            "2024-12-20",
        ),
        ("The MNDAA took a key junta outpost in Kutkai township on Sunday.", "2023-11-07", "Kutkai", "2023-11-05"),
    ],
)
def test_took_with_words_before_the_site_is_a_capture(text: str, published: str, place: str, day: str) -> None:
    assert captures(text, published) == [(place, day)]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of villagers took refuge in the town of Mogoke on Wednesday.",
        "Residents took the wounded to the town of Mogoke on Wednesday.",
        "Troops took three men from the village to their base near Mogoke on Wednesday.",
        "The drive from Mandalay took six hours on Wednesday, a resident of Mogoke town said.",
    ],
)
def test_took_of_people_refuge_or_time_is_no_capture(text: str) -> None:
    assert captures(text, "2024-07-26") == []
