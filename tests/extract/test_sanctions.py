"""Sanctions: one record per authority and target, authorities normalised, prescriptions ignored."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document, SanctionRecord


def sanctions(text: str) -> set[tuple[str, str]]:
    records = extract_document(Document(doc_id="d", text=text, published=dt.date(2024, 2, 1)))
    return {(r.authority, r.target) for r in records if isinstance(r, SanctionRecord)}


def test_a_company_and_its_chairman_are_two_targets() -> None:
    text = (
        "Britain announced new sanctions on Thursday. In the same round, Canada also chose to target "
        "International Gateways Group of Companies and its founder Zaw Min Tun."
    )
    assert sanctions(text) == {
        ("Canada", "International Gateways Group of Companies"),
        ("Canada", "Zaw Min Tun"),
    }


def test_two_authorities_on_one_target_give_two_records() -> None:
    text = "Washington and the European Union imposed sanctions on Myanma Economic Bank on 31 January."
    assert sanctions(text) == {("United States", "Myanma Economic Bank"), ("European Union", "Myanma Economic Bank")}


def test_acronyms_expand_to_the_name_the_text_gives() -> None:
    text = (
        "The Myanma Oil and Gas Enterprise (MOGE) earns billions from gas. "
        "The US Treasury imposed sanctions on MOGE officials and on MOGE itself."
    )
    assert ("United States", "Myanma Oil and Gas Enterprise") in sanctions(text)


def test_calls_for_sanctions_are_not_sanctions() -> None:
    text = "Activists said Australia must sanction Myanma Economic Bank and should freeze the assets of its directors."
    assert sanctions(text) == set()


def test_the_junta_itself_is_not_a_named_target() -> None:
    assert sanctions("Canada imposed sanctions against the Myanmar military junta on 1 February.") == set()


def test_two_people_joined_by_and_are_two_targets_dated_by_weekday() -> None:
    text = "The US Treasury Department on Tuesday designated two arms dealers, Tun Min Latt and Win Min Soe."
    records = extract_document(Document(doc_id="d", text=text, published=dt.date(2024, 3, 6)))
    found = {(r.authority, r.target, r.date) for r in records if isinstance(r, SanctionRecord)}
    assert found == {
        ("United States", "Tun Min Latt", dt.date(2024, 3, 5)),
        ("United States", "Win Min Soe", dt.date(2024, 3, 5)),
    }


def test_targets_named_before_the_sanction_word_count() -> None:
    text = "The European Union added the Myanma Economic Bank and the No.2 Mining Enterprise to its sanctions list."
    assert sanctions(text) == {("European Union", "Myanma Economic Bank"), ("European Union", "No.2 Mining Enterprise")}
