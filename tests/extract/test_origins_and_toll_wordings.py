"""Where an aircraft came from is not where it struck, and two more ways of telling the dead (issue 10, text
nobody tuned to). A place named as the origin of a jet ("from the neighbouring Magway region's airfield")
neither places the strike nor gives its state to the sentences after it; "fatally shot more than 30" and "the
death toll rising to 38" are counts of the dead. Texts are our own, about the real strike on a school in Oe
Htein Kwin (Tabayin, Sagaing Region, May 2025) and the killings in Mo So (Hpruso, Kayah State, December 2021)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.extract.fatalities import read_casualties
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="origins", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_the_base_a_jet_came_from_gives_no_state() -> None:
    text = (
        "A junta jet bombed a school in Oe Htein Kwin village, Tabayin Township, Sagaing Region, on 12 May 2025, "
        "residents said.\n\n"
        "They said the jet, flying from the neighbouring Mandalay region's Meiktila airfield, circled the "
        "village twice.\n\n"
        "The jet bombed the school again around noon, a teacher said."
    )
    strikes = [e for e in events_of(text, "2025-05-13") if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and {e["admin1"] for e in strikes} == {"Sagaing"}, strikes


def test_fatally_shot_and_a_rising_toll_are_counts_of_the_dead() -> None:
    assert read_casualties("Soldiers rounded up villagers and fatally shot more than 30 people.").fatalities == 30
    assert read_casualties("More bodies were found, with the death toll rising to 38, locals said.").fatalities == 38
