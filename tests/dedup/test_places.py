"""Specification of place-name handling in deduplication."""

from __future__ import annotations

from mawgun.dedup.places import names_match, normalise_admin1, normalise_name


def test_spellings_of_one_name_match() -> None:
    for a, b in [
        ("Hsenwi", "Hseni"),
        ("Laukkaing", "Laukkai"),
        ("Hpruso Township", "Phruso"),
        ("Pazigyi", "Pa Zi Gyi"),
    ]:
        assert names_match(normalise_name(a), normalise_name(b)), (a, b)


def test_different_names_do_not_match() -> None:
    for a, b in [("Lashio", "Hsenwi"), ("North Okkalapa", "South Okkalapa"), ("Kanbalu", "Kawlin")]:
        assert not names_match(normalise_name(a), normalise_name(b)), (a, b)


def test_state_names_and_their_old_or_partial_forms_share_one_key() -> None:
    assert normalise_admin1("Shan (North)") == normalise_admin1("Shan State") == "shan"
    assert normalise_admin1("Karenni") == normalise_admin1("Kayah State") == "kayah"
    assert normalise_admin1("Bago East") == normalise_admin1("Bago Region") == "bago"
    assert normalise_admin1("Naypyidaw") == normalise_admin1("Nay Pyi Taw") == "naypyitaw"
