"""Forces named by the people they come from ("Karenni troops", "Kachin soldiers", "Karen guerrillas",
"Arakanese troops", "Ta'ang fighters", "Kokang troops") are that people's armed group, not the junta that the
bare word "troops" names; "rebel army" is an unnamed ethnic armed group and "Arakkha Army" the Arakan Army.
Texts are our own, about real events: the KNDF's capture of Mawchi (28 January 2024), the KIA's capture of Alaw
Bum (25 March 2021), the KNLA's capture of Thaw Le Hta (27 April 2021)."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.extract.actors import find_actors
from mawgun.model import Document


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Karenni troops entered the town", "KNDF"),
        ("Kachin soldiers held the hill", "KIA"),
        ("ethnic Karen guerrillas overran the post", "KNLA"),
        ("Arakanese troops surrounded the base", "AA"),
        ("Ta'ang fighters shelled the road", "TNLA"),
        ("Kokang troops entered Laukkai", "MNDAA"),
        ("a rebel army seized the camp", "ERO"),
        ("the Arakkha Army said", "AA"),
    ],
)
def test_forces_named_by_their_people_are_their_armed_group(text: str, code: str) -> None:
    assert [a.actor_id for a in find_actors(text, 0, len(text), None)] == [code]


def test_junta_troops_stay_the_junta() -> None:
    text = "Karen troops and junta soldiers clashed"
    assert [a.actor_id for a in find_actors(text, 0, len(text), None)] == ["KNLA", "MIL"]


def test_a_handover_to_karenni_troops_is_theirs() -> None:
    text = "On Sunday Karenni troops took Mawchi, a town of Hpasawng township in Kayah State, without a fight."
    doc = Document(doc_id="ethnic-forces", text=text, published=dt.date(2024, 1, 29))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    assert [(e["sub_event_type"], e["actor1"]) for e in found] == [("Non-violent transfer of territory", ["KNDF"])]
