"""A capture told as background to the news is no new capture on the article's day (issue 16, the proxy's
Mawchi and Kyaukme splits): a capture in a relative clause on the town or the group ("Kyaukme, which fell to the
TNLA last year"), of a vague many ("had seized several towns") or with an earlier year or month in its phrase,
told in a sentence whose day belongs to another event. A capture with a day of its own stays the news, and one
told only with its own month keeps that month. Texts are our own, about real events: the Arakan Army's capture of
Mrauk-U (6 February 2024) and Paletwa (January 2024), the TNLA's capture of Kyaukme (August 2024), the MNDAA's
capture of Lashio (3 August 2024) and its withdrawal (April 2025), the KNDF's capture of Mese (November 2023)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document

CAPTURE = "Non-state actor overtakes territory"


def events(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="background-captures", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Junta jets bombed Mrauk-U on Tuesday, a town that the Arakan Army captured in February.", "2024-06-12"),
        (
            "Residents of Kyaukme, which fell to the TNLA last year, said on Monday that a jet bombed the market.",
            "2025-03-11",
        ),
        (
            "The TNLA had seized several towns in northern Shan before the truce, and on Monday its troops "
            "attacked a junta base near Mogoke.",
            "2024-07-02",
        ),
        ("The KNDF, which took Mese in late 2023, said on Friday that it had shot down a junta drone.", "2024-05-20"),
        (
            "The MNDAA, which seized Lashio last year, said on Wednesday that it was pulling out of the city.",
            "2025-04-18",
        ),
        (
            "Artillery shells hit Paletwa on Sunday, a town the Arakan Army has held since it seized it in January.",
            "2024-06-11",
        ),
    ],
)
def test_a_capture_told_as_background_is_no_new_capture(text: str, published: str) -> None:
    found = [e for e in events(text, published) if e["sub_event_type"] == CAPTURE]
    assert found == [], found


@pytest.mark.parametrize(
    ("text", "published", "place", "day"),
    [
        ("The Arakan Army captured Mrauk-U on Tuesday, the group said.", "2024-02-08", "Mrauk-U", "2024-02-06"),
        ("The MNDAA said on Saturday that it had taken full control of Lashio.", "2024-08-04", "Lashio", None),
        (
            "The Arakan Army, which captured Mrauk-U on Tuesday, said it would move on Minbya next.",
            "2024-02-08",
            "Mrauk-U",
            "2024-02-06",
        ),
        ("On Sunday the TNLA captured Kyaukme, weeks after it had taken Nawnghkio.", "2024-08-13", "Kyaukme", None),
    ],
)
def test_a_capture_with_a_day_of_its_own_stays_the_news(text: str, published: str, place: str, day: str | None) -> None:
    found = [e for e in events(text, published) if e["sub_event_type"] == CAPTURE]
    assert [e["location"] for e in found] == [place], found
    assert day is None or found[0]["date"] == day, found


def test_a_capture_told_only_with_its_own_month_keeps_that_month() -> None:
    text = "The Arakan Army, which seized Paletwa in January, now holds the whole of the Chin border with Bangladesh."
    found = [e for e in events(text, "2024-02-10") if e["sub_event_type"] == CAPTURE]
    assert [(e["location"], e["date"][:7], e["date_precision"]) for e in found] == [("Paletwa", "2024-01", "month")]
