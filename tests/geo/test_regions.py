"""Specifications of region phrases ("upper Myanmar", "the Thai border") and their use by the geocoder."""

from __future__ import annotations

import pytest

from mawgun.geo import get_geocoder
from mawgun.geo.regions import region_codes


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("Troops burned homes in Upper Myanmar", "MMR005", "MMR013"),
        ("raids in Myanmar’s northwest", "MMR004", "MMR012"),
        ("attacks on southeastern Myanmar villages", "MMR006", "MMR005"),
        ("shelling near the Thai-Myanmar border", "MMR003", "MMR004"),
        ("fighting in northern Burma", "MMR001", "MMR006"),
    ],
)
def test_region_phrases_cover_their_states_only(text, inside, outside):
    codes = region_codes(text)
    assert inside in codes
    assert outside not in codes


def test_text_without_a_region_phrase_covers_no_state():
    assert region_codes("Soldiers raided a village on Tuesday") == set()
    assert region_codes("") == set()


def test_region_in_the_headline_chooses_among_a_village_names_namesakes():
    gc = get_geocoder()
    # Ta Ku villages lie in Tanintharyi, Shan and Sagaing: only the southeast points to Tanintharyi
    assert gc.geocode_description("Taku village") is None
    place = gc.geocode_description("Taku village", context="Villagers flee junta raids in southeastern Myanmar")
    assert place.admin1 == "Tanintharyi"


def test_region_alone_is_not_an_answer():
    assert get_geocoder().geocode_description("somewhere in upper Myanmar") is None
