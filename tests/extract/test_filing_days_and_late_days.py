"""Days that are not the event's, and a lead's day told late (issue 10, dates; issue 16, one event told as two
records on adjacent days). A dateline in title case ("Aizawl, 12 Jan : ...") and a page's stamp ("Published 9 January
2025 Updated 9 January 2025") give the day the story was filed, a report day used only when nothing else dates the
event, so the day the sentence itself tells wins and a lead told under the stamp merges with its dated retelling. A
lead without a day takes the day of a later sentence, up to twelve on, that names its village. Texts are our own,
about the real strikes on Camp Victoria (Chin State, January 2023) and Kyauk Ni Maw (Rakhine State, January 2025)
and the Byaing Phyu killings (Sittwe, May 2024)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str | None) -> list[dict[str, Any]]:
    day = dt.date.fromisoformat(published) if published else None
    doc = Document(doc_id="filing-days", text=text, published=day)
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_title_case_dateline_day_does_not_date_the_strike() -> None:
    text = (
        "Aizawl, 12 Jan : Junta jets that bombed Camp Victoria in Chin State on January 10, 2023, also hit a "
        "field across the border, villagers said.\n"
    )
    strikes = [e for e in events_of(text, "2023-01-12") if e["sub_event_type"] == "Air/drone strike"]
    assert [e["date"] for e in strikes] == ["2023-01-10"], strikes


def test_an_updated_stamp_does_not_date_the_lead() -> None:
    text = (
        "Jet strike kills dozens in Rakhine village\n"
        "\n"
        "Published January 9, 2025 Updated January 9, 2025 07:10pm\n"
        "At least 40 people died when a junta jet struck a village on Ramree island, a rescue worker told "
        "reporters on Thursday.\n"
        "Junta aircraft bombed Kyauk Ni Maw village in Ramree Township on Wednesday afternoon, setting hundreds "
        "of houses alight, the Arakan Army said.\n"
    )
    strikes = [e for e in events_of(text, "2025-01-09") if e["sub_event_type"] == "Air/drone strike"]
    assert [e["date"] for e in strikes] == ["2025-01-08"], strikes


def test_a_lead_takes_the_day_of_its_village_told_paragraphs_later() -> None:
    text = (
        "Soldiers killed at least 40 men during a raid on Byaing Phyu village near Sittwe, villagers said.\n"
        "\n"
        "The victims were named by relatives.\n"
        "\n"
        "Troops separated the men from the women.\n"
        "\n"
        "Men with tattoos were singled out.\n"
        "\n"
        "Several houses were burned.\n"
        "\n"
        "Residents fled to the town.\n"
        "\n"
        "The soldiers had entered Byaing Phyu village on 29 May, residents said.\n"
    )
    killings = [e for e in events_of(text, "2024-06-01") if e["sub_event_type"] == "Attack"]
    assert [(e["date"], e["fatalities"]) for e in killings][:1] == [("2024-05-29", 40)], killings
