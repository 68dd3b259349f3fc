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
    assert place.span.text == "northern Shan"


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


def test_township_answer_carries_its_seat_towns_point(gc):
    township = gc.geocode_description("Dawei Township")
    town = gc.lookup("MMR006001701")
    assert township.level == "township" and township.geo_precision == 2
    assert (township.latitude, township.longitude) == (town.latitude, town.longitude)


def test_road_between_two_towns_answers_their_midpoint(gc):
    place = gc.geocode_description("on the Hakha-Falam road")
    hakha, falam = gc.lookup("MMR004002701"), gc.lookup("MMR004001701")
    assert place.geo_precision == 2
    assert place.latitude == pytest.approx((hakha.latitude + falam.latitude) / 2, abs=1e-4)


def test_between_two_villages_answers_their_midpoint(gc):
    place = gc.geocode_description("between War Yaung and War Tan villages Ayadaw Township")
    assert place.admin3 == "Ayadaw" and place.level == "village"
    assert 22.19 < place.latitude < 22.21


def test_state_named_like_a_township_does_not_anchor_villages(gc):
    place = gc.geocode_description("Kone Thar village", context="Troops burned homes in Sagaing Region.")
    assert place is None or place.level in ("state", "township") and place.admin1 == "Sagaing"


def test_description_naming_nothing_known_falls_back_to_its_context(gc):
    place = gc.geocode_description("a monastery near the river", context="Troops raided Kawlin Township on Monday")
    assert place.admin3 == "Kawlin" and place.span is None


def test_misspelt_designated_township_is_matched_strictly(gc):
    assert gc.resolve("Tharyarwaddy Township").admin3 == "Thayarwady"
    assert gc.resolve("Qwertyuiop Township") is None


def test_same_name_townships_follow_the_state_in_context(gc):
    assert gc.resolve("Minhla Township", context="in Magway Region").admin1 == "Magway"
    assert gc.resolve("Minhla Township", context="in Bago Region").admin1 == "Bago"


def test_burmese_names_are_found(gc):
    (place,) = gc.find_places("လွိုင်ကော် မြို့တွင် တိုက်ပွဲ")
    assert place.admin3 == "Loikaw"
    assert gc.search("ဖရူဆို")[0].pcode == "MMR002003"


def test_find_places_respects_start_and_end_offsets(gc):
    text = "Fighting in Loikaw. Later, shelling in Hpakant Township."
    start = text.index("Later")
    (place,) = gc.find_places(text, start=start)
    assert place.admin3 == "Hpakant"
    assert text[place.span.start : place.span.end] == "Hpakant"


def test_village_in_context_township_resolves(gc):
    place = gc.resolve("Pyin Ye Gyi village", context="Troops shelled villages in Nyaunglebin Township.")
    assert place.level == "village" and place.location == "Pyin Yae Gyi"


def test_township_elsewhere_in_an_article_does_not_block_a_village_in_its_own_sentence(gc):
    text = (
        "Resistance forces took Kawlin Township in November. "
        "An airstrike on Pa Zi Gyi Village in Sagaing Region in April killed more than 150 people."
    )
    village = next(p for p in gc.find_places(text) if p.span.text == "Pa Zi Gyi")
    assert village.admin3 == "Kanbalu" and village.level == "village"


def test_ethnic_names_in_a_list_before_states_are_places(gc):
    places = gc.find_places("In Kachin, Chin, and Karen states, fighting grew.")
    assert [p.admin1 for p in places] == ["Kachin", "Chin", "Kayin"]
    assert gc.find_places("A Karenni armed group rejected the offer.") == []


def test_organisations_and_outlets_named_after_states_are_not_places(gc):
    text = (
        "The Irrawaddy reported that the Shan State Progress Party and the New Mon State Party met "
        "leaders of the Chin National Front. The Mon State government did not comment."
    )
    places = gc.find_places(text)
    assert [(p.span.text, p.admin1) for p in places] == [("Mon", "Mon")]
    assert places[0].span.start == text.index("Mon State government")


def test_headline_capitals_do_not_hide_a_state(gc):
    (place,) = gc.find_places("Fighting Resumes in Chin State After Talks With Myanmar Military Fail")
    assert place.admin1 == "Chin"


def test_village_tells_which_same_name_township_is_meant(gc):
    place = gc.geocode_description("a checkpoint in Minhla Township near Let Khoke Pin village tract")
    assert (place.admin1, place.admin3, place.level) == ("Magway", "Minhla", "village_tract")


def test_town_listed_only_as_a_village_does_not_outrank_the_townships_beside_it(gc):
    place = gc.geocode_description("airstrikes on Demoso, Loikaw, Moebye")
    assert place.admin1 == "Kayah"


def test_places_in_several_states_follow_the_state_the_context_names(gc):
    place = gc.geocode_description("an ambush on the Kale-Falam road", context="Troops move into Chin State")
    assert place.admin1 == "Chin"
    text = "raids in Thanbyuzayat Township and Kyainseikgyi Township"
    place = gc.geocode_description(text, context="Fighting spreads in Karen State")
    assert place.admin1 == "Kayin"


def test_places_in_several_states_follow_the_state_most_of_them_share(gc):
    place = gc.geocode_description("a convoy on the road from Tagaung through Tigyaing to Indaw")
    assert place.admin1 == "Sagaing"


def test_capitalised_daw_and_to_are_syllables_of_village_names(gc):
    place = gc.geocode_description("Soldiers burned Daw Poe Si village.")
    assert (place.location, place.admin3, place.admin1) == ("Daw Poe Si", "Demoso", "Kayah")
    place = gc.geocode_description("Troops raided Nyaung To village.", context="Fighting in Mandalay Region")
    assert place.admin1 == "Mandalay"


def test_daw_before_a_person_and_to_before_a_name_are_not_place_names(gc):
    assert gc.find_places("Daw Khin Mya spoke to reporters.") == []
    places = gc.find_places("Residents Flee To Loikaw Town")
    assert [p.admin3 for p in places] == ["Loikaw"]


def test_state_name_before_villages_names_the_state(gc):
    place = gc.geocode_description("houses burned in Sagaing villages of Ah Lel Pyin and Nwe Kan Gyi Lay")
    assert (place.admin1, place.level) == ("Sagaing", "state")


def test_headline_state_before_village_is_context_for_an_unknown_village(gc):
    place = gc.geocode_description("a raid on Natchaung", context="Troops Torch Homes in Three Sagaing Villages")
    assert place.admin1 == "Sagaing"


def test_village_spelling_variants_match_through_the_transliteration_key(gc):
    # Hp/Ph and K/G spell the same sounds: MIMU's "Shaw Hpyu Kone" is found as news spells it
    place = gc.geocode_description("near Shaw Phyu Gone village")
    assert (place.location, place.admin3) == ("Shaw Hpyu Kone", "Kanbalu")
    place = gc.geocode_description("Ziphyugone village, Wetlet Township")
    assert (place.location, place.admin3, place.level) == ("Zee Hpyu Kone", "Wetlet", "village")


def test_transliteration_key_keeps_close_township_names_apart():
    from mawgun.geo.text import translit_key

    for first, second in [("Pauk", "Pauktaw"), ("Kyaukme", "Kyaukse"), ("Namhsan", "Nansang")]:
        assert translit_key(first) != translit_key(second)


def test_loose_spelling_is_not_trusted_outside_a_township_the_text_names(gc):
    place = gc.geocode_description("near Shaw Phyu Gone village", context="Raids in Kawlin Township")
    assert place.admin3 == "Kawlin"


def test_hamlet_far_from_the_state_in_context_reads_as_a_village_of_that_state(gc):
    place = gc.geocode_description("upper Nyaung Kone", context="Offensive in Mandalay Region")
    assert place.admin1 == "Mandalay"


def test_village_named_like_a_town_of_another_state_is_not_that_town(gc):
    place = gc.geocode_description("a meditation centre in Oak Pho village", context="Raids across Sagaing Region")
    assert place.admin1 == "Sagaing"


def test_village_named_like_a_town_does_not_anchor_the_villages_beside_it(gc):
    place = gc.geocode_description("Tae Lu and Taung U villages", context="In Shan State")
    assert (place.admin1, place.admin3) == ("Shan", "Ywangan")


def test_bare_town_name_far_from_the_state_in_context_reads_as_a_village_there(gc):
    place = gc.geocode_description("a forest near Inn Ma", context="Sagaing Region fighters ambush a convoy")
    assert place.admin1 == "Sagaing"


def test_village_outside_of_a_town_does_not_make_the_town_a_village(gc):
    place = gc.geocode_description("a house in Shin Kyaint village outside of Mongko")
    assert (place.admin1, place.admin3) == ("Shan", "Muse")


def test_township_before_villages_in_a_headline_is_context(gc):
    place = gc.geocode_description("between Yone Pin and Ka Bwat", context="Attacks on Khin-U villages")
    assert place.admin3 == "Khin-U"


def test_search_finds_villages_by_transliteration_variant(gc):
    assert "Shaw Hpyu Kone" in [p.location for p in gc.search("Shaw Phyu Gone")]


def test_possessive_marks_a_short_name_as_a_place(gc):
    # "Ye" alone is too short to trust; "Ye's" (straight or curly apostrophe) names the township
    for text in ("a checkpoint in Ye’s Kyonlaung village", "a checkpoint in Ye's Kyonlaung village"):
        place = gc.geocode_description(text)
        assert (place.admin1, place.admin3, place.level) == ("Mon", "Ye", "village"), text


def test_possessive_s_is_not_part_of_the_name_or_its_span(gc):
    text = "Troops raided villages in Sagaing's Kawlin Township."
    first = gc.find_places(text)[0]
    assert first.admin1 == "Sagaing"
    assert first.span.text == "Sagaing"
