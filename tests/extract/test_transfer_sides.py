"""A town handed over without a fight has the side that gains it as actor1 (issue 10, actors; issue 16, actor sides
that split one event's reports): the force it was surrendered or handed to ("surrendered to the AA", "handed back to
the junta"), else the armed group when the state side withdrew or gave it up. Texts are our own, about the real
handovers of Mawchi (Kayah State, January 2024) and Lashio (Shan State, April 2025)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def transfers(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="transfers", text=text, published=dt.date.fromisoformat(published))
    return [
        r.to_json()
        for r in extract_document(doc)
        if r.kind == "event" and r.to_json()["sub_event_type"] == "Non-violent transfer of territory"
    ]


def test_troops_who_leave_a_town_to_a_group_are_the_losing_side() -> None:
    text = "Junta troops withdrew from Mawchi town in Hpasawng Township without a fight on Sunday, the KNDF said."
    assert [(e["actor1"], e["actor2"]) for e in transfers(text, "2024-01-29")] == [(["KNDF"], ["MIL"])]


def test_a_town_handed_back_to_the_junta_has_the_junta_as_actor1() -> None:
    text = "MNDAA fighters withdrew from Lashio on Tuesday, handing the town over to the junta under a deal."
    found = transfers(text, "2025-04-23")
    assert [(e["actor1"], e["actor2"]) for e in found] == [(["MIL"], ["MNDAA"])], found
