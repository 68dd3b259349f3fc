"""Photo captions and the day news was told (issue 10, events on text nobody tuned to). A caption ("A photo
released by the group on 9 January shows ...") repeats an event the text tells: it is no event
of its own and its day (the photo's release) dates nothing. "told Reuters on Thursday" is the day the news was
told, like "said on Thursday": a week's precision when nothing else dates the event, and it dates the details
told after it in its paragraph. Texts are our own, about real events of 2023-2025."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.extract.dates import find_dates
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="captions", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_photo_caption_tells_no_event_and_dates_nothing() -> None:
    text = (
        "A photo released by a rescue team on 9 January shows smoke over Kyauk Ni Maw village in Rakhine "
        "State, where soldiers set homes alight after a junta air strike.\n"
        "A junta jet bombed Kyauk Ni Maw village on Ramree island on Wednesday, killing dozens of residents, the "
        "rescue team said."
    )
    events = events_of(text, "2025-01-10")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Air/drone strike", "2025-01-08")], events


def test_told_a_news_agency_on_a_day_is_the_day_it_was_told() -> None:
    text = "The fighting killed five soldiers, a KIA officer told Reuters on Thursday."
    (mention,) = find_dates(text, 0, len(text), dt.date(2024, 3, 9))
    assert mention.report, mention


def test_a_day_told_to_a_news_agency_dates_the_details_after_it() -> None:
    text = (
        "A military aircraft struck a village school in Sagaing Region, leaving at least 17 pupils dead, the "
        "National Unity Government told Radio Free Asia on Monday.\n"
        "Residents said the plane targeted Oe Htein Kwin village in Tabayin Township during lessons."
    )
    events = events_of(text, "2025-05-13")
    assert ("Air/drone strike", "2025-05-12", "Tabayin") in {
        (e["sub_event_type"], e["date"], e["admin3"]) for e in events
    }, events
