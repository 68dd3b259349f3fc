"""A lead placed only in its state takes the village the next sentence names when that sentence opens by naming
the event (issue 10, places; issue 16, places not found: only the state coded). Wire leads say "a village in
central Sagaing region" and give the village one sentence later ("The morning attack on X village in Y township");
the record is placed there, with its township. Texts are our own, about the real strikes on a school in Oe Htein
Kwin (Tabayin Township, May 2025) and on Kyauk Ni Maw (Ramree Township, January 2025)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def strikes(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="lead-places", text=text, published=dt.date.fromisoformat(published))
    return [
        r.to_json() for r in extract_document(doc) if r.kind == "event" and r.to_json()["event_type"].startswith("Expl")
    ]


def test_a_lead_in_a_region_takes_the_village_told_next() -> None:
    text = (
        "A military jet bombed a school in a village of central Sagaing region on Monday, killing 20 pupils and "
        "two teachers, a resistance group said.\n"
        "The morning attack on Oe Htein Kwin village in Tabayin township also wounded dozens of children.\n"
    )
    found = strikes(text, "2025-05-13")
    assert [(e["location"], e["admin3"]) for e in found] == [("Oe Htein Kwin", "Tabayin")], found


def test_a_lead_in_a_state_takes_the_village_where_the_attack_occurred() -> None:
    text = (
        "At least 40 civilians were killed in an air strike by the army on a village in western Rakhine state, "
        "officials said on Thursday.\n"
        "\n"
        "The attack took place in Kyauk Ni Maw village on Ramree Island on Wednesday.\n"
    )
    found = strikes(text, "2025-01-10")
    assert [(e["location"], e["admin3"]) for e in found] == [("Kyauk Ni Maw", "Ramree")], found


def test_a_lead_with_its_own_village_keeps_it() -> None:
    text = (
        "A military jet bombed Let Yet Kone village in Tabayin township, Sagaing region, on Friday, killing 11.\n"
        "The strike on Kyauk Ni Maw last year was worse, residents said.\n"
    )
    assert [e["location"] for e in strikes(text, "2022-09-17")][:1] == ["Let Yet Kone"]
