"""Specifications of the geocoder's public API on texts written for these tests."""

from __future__ import annotations

import pytest

from mawgun.geo import boundaries_path, get_geocoder, normalize_admin1

TOWNSHIPS = [
    ("Clashes were reported in Kawlin Township, Sagaing Region.", "Kawlin", "Sagaing"),
    ("The MNDAA took Laukkai in January.", "Laukkaing", "Shan"),
    ("Shelling hit Chin Shwe Haw on the border.", "Laukkaing", "Shan"),
    ("Residents fled Phruso as fighting spread.", "Hpruso", "Kayah"),
    ("Airstrikes struck Dimawso on Monday.", "Demoso", "Kayah"),
    ("Troops shelled Loikaw town.", "Loikaw", "Kayah"),
    ("A village in Nyaunglebin Township was burned.", "Nyaunglebin", "Bago"),
    ("The KNLA attacked a camp in Kawkareik Township.", "Kawkareik", "Kayin"),
    ("Explosions were heard in Lashio.", "Lashio", "Shan"),
    ("Fighting continued in Hsenwi.", "Hseni", "Shan"),
    ("The bridge at Kunlong was destroyed.", "Kunlong", "Shan"),
    ("The TNLA entered Namhsan.", "Namhsan", "Shan"),
    ("Soldiers raided villages in Pauk Township.", "Pauk", "Magway"),
    ("An airstrike hit Mindat.", "Mindat", "Chin"),
    ("Resistance forces attacked Falam.", "Falam", "Chin"),
    ("Shelling continued near Sittwe.", "Sittwe", "Rakhine"),
    ("The Arakan Army captured Paletwa.", "Paletwa", "Chin"),
    ("Trade through Myawaddy stopped.", "Myawaddy", "Kayin"),
    ("The junta bombed Kyaukme.", "Kyaukme", "Shan"),
    ("Jade mines in Hpakant were shut.", "Hpakant", "Kachin"),
]


@pytest.fixture(scope="module")
def gc():
    return get_geocoder()


@pytest.mark.parametrize(("text", "township", "admin1"), TOWNSHIPS)
def test_named_town_or_township_resolves_to_its_township(gc, text, township, admin1):
    places = gc.find_places(text)
    assert places, text
    assert places[0].admin3 == township
    assert places[0].admin1 == admin1


def test_village_with_its_township_resolves_to_the_village_with_coordinates(gc):
    text = "Soldiers burned Pyin Ye Gyi Village in Nyaunglebin Township, Bago Region."
    village = next(p for p in gc.find_places(text) if p.level == "village")
    assert village.location == "Pyin Yae Gyi"
    assert village.admin3 == "Nyaunglebin"
    assert village.geo_precision == 1
    assert village.latitude == pytest.approx(18.02, abs=0.05)
    assert text[village.span.start : village.span.end] == "Pyin Ye Gyi"


def test_list_of_townships_gives_one_place_per_township(gc):
    text = "Fighting spread in Hpruso, Loikaw, Demoso and Shadaw townships last week."
    places = gc.find_places(text)
    assert [p.admin3 for p in places] == ["Hpruso", "Loikaw", "Demoso", "Shadaw"]
    assert all(p.level == "township" and p.geo_precision == 2 for p in places)
    assert [text[p.span.start : p.span.end] for p in places] == ["Hpruso", "Loikaw", "Demoso", "Shadaw"]


def test_state_mentions_resolve_to_the_state(gc):
    (place,) = gc.find_places("Thousands were displaced in Karenni State.")
    assert (place.admin1, place.level, place.geo_precision) == ("Kayah", "state", 3)


def test_northern_shan_resolves_to_the_shan_north_sub_unit(gc):
    (place,) = gc.find_places("Clashes erupted in northern Shan State.")
    assert place.admin1 == "Shan"
    assert place.admin1_pcode == "MMR015"


def test_east_demoso_resolves_to_demoso(gc):
    place = gc.resolve("East Demoso")
    assert place is not None and place.admin3 == "Demoso"


def test_camp_named_after_a_place_resolves_to_the_place(gc):
    place = gc.resolve("Hpakant camp")
    assert place is not None and place.admin3 == "Hpakant"


def test_village_name_without_township_is_not_guessed(gc):
    # "Ywar Thit" names villages all over the country: no township, no village.
    place = gc.resolve("Ywar Thit village")
    assert place is None or place.level != "village"


def test_fuzzy_matching_does_not_confuse_close_names(gc):
    assert gc.resolve("Pauktaw Township").admin3 == "Pauktaw"
    assert gc.resolve("Pauk Township").admin3 == "Pauk"
    assert gc.resolve("Kyaukse Township").admin3 == "Kyaukse"
    assert gc.resolve("Namhsan Township").admin3 == "Namhsan"


def test_ethnic_group_names_are_not_places(gc):
    assert gc.find_places("the Karen National Union and the Arakan Army said") == []


def test_lookup_search_and_containment_follow_the_pcode_hierarchy(gc):
    kawlin = gc.lookup("MMR005024")
    assert kawlin.admin3 == "Kawlin" and kawlin.admin1 == "Sagaing"
    assert gc.contains("MMR005", "MMR005024")
    assert gc.contains("MMR222", "MMR015022702")  # Chinshwehaw town is in Shan
    assert not gc.contains("MMR002", "MMR005024")
    assert any(p.pcode == "MMR002003" for p in gc.search("Hpruso"))


@pytest.mark.parametrize(
    ("name", "admin1"),
    [
        ("Magwe Region", "Magway"),
        ("Naypyidaw Union territory", "Nay Pyi Taw"),
        ("Shan (North)", "Shan"),
        ("Karen State", "Kayin"),
        ("Pegu", "Bago"),
        ("Tenasserim Division", "Tanintharyi"),
        ("Irrawaddy", "Ayeyarwady"),
        ("Rangoon", "Yangon"),
        ("northern Shan State", "Shan"),
        ("Atlantis", None),
    ],
)
def test_normalize_admin1_maps_any_spelling_to_the_fifteen_names(name, admin1):
    assert normalize_admin1(name) == admin1


def test_boundary_layers_are_packaged_geojson():
    for level in ("admin1", "admin2", "admin3"):
        path = boundaries_path(level)
        assert path.is_file() and path.read_text(encoding="utf-8").startswith('{"type":"FeatureCollection"')
    with pytest.raises(ValueError):
        boundaries_path("admin9")
