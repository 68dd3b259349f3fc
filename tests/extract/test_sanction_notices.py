"""Sanctions in government and law-firm notices: lists of designated persons and entities, authorities named
once or only as "the Council"/"we", targets before the sanction word, and the words that look like a sanction
but are not one (a law's title, "sanctioned entities", a speaker). Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document, SanctionRecord


def sanctions(text: str, published: dt.date = dt.date(2024, 3, 1)) -> set[tuple[str, str]]:
    records = extract_document(Document(doc_id="n", text=text, published=published))
    return {(r.authority, r.target) for r in records if isinstance(r, SanctionRecord)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU renewed its measures on Myanmar today.\n\nThe Council also approved restrictive measures "
            "against three persons. The firms Sky Aviator Company Limited and Golden Harvest Group of Companies, "
            "which supply the air force, are also covered by the new restrictive measures.",
            {
                ("European Union", "Sky Aviator Company Limited"),
                ("European Union", "Golden Harvest Group of Companies"),
            },
        ),
        (
            "The European Union listed two more entities on Monday.\n\nAmong the new designees is the Shwe Pyi "
            "Trading Group (“SPT”), which sells fuel to the army.",
            {("European Union", "Shwe Pyi Trading Group")},
        ),
    ],
)
def test_targets_that_open_a_sentence_without_an_authority_take_the_notice_s_authority(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert sanctions(text) == expected


def test_a_pronoun_we_takes_the_authority_named_just_before() -> None:
    text = (
        "The United States acted against the gem trade with sanctions on 2 March. We have also designated the "
        "Myanmar Gems Enterprise, which funds the army."
    )
    assert sanctions(text) == {("United States", "Myanmar Gems Enterprise")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "New Zealand imposed sanctions on the junta's suppliers on 1 February.\n\n"
            "In its second round New Zealand has targeted the Myanma Economic Bank and the Myanma Agricultural "
            "Development Bank.",
            {
                ("New Zealand", "Myanma Economic Bank"),
                ("New Zealand", "Myanma Agricultural Development Bank"),
            },
        ),
        (
            "Japan announced sanctions on 20 February.\n\nIn a second step, Japan targeted the Dragon Fuel "
            "Company and its owner Kyaw Lin Htet.",
            {("Japan", "Dragon Fuel Company"), ("Japan", "Kyaw Lin Htet")},
        ),
    ],
)
def test_an_authority_that_targets_in_a_later_paragraph_sanctions(text: str, expected: set[tuple[str, str]]) -> None:
    assert sanctions(text) == expected


def test_one_word_names_after_an_entity_noun_and_numbered_enterprises() -> None:
    text = (
        "The EU imposed new sanctions on Monday. Its sanctions list now also covers Mining Enterprise 2 (ME 2), "
        "a state miner, and the conglomerate Zayar."
    )
    found = sanctions(text)
    assert ("European Union", "Zayar") in found
    assert any(target.startswith("Mining Enterprise 2") for _, target in found)


def test_an_acronym_expands_to_the_words_its_letters_spell() -> None:
    text = (
        "Australia sanctioned the Myanma Timber Enterprise and the Mandalay Gems Company (MGC) on 1 February. "
        "MGC had traded with the army since 2010."
    )
    assert sanctions(text) == {("Australia", "Myanma Timber Enterprise"), ("Australia", "Mandalay Gems Company")}


def test_acronyms_joined_by_and_are_two_targets_with_quoted_definitions() -> None:
    text = (
        "On 21 June the US Treasury designated Myanma Economic Bank (“MEB”) and Myanma Agricultural "
        "Development Bank (“MADB”). The Treasury also designated MEB and MADB affiliates."
    )
    assert sanctions(text) == {
        ("United States", "Myanma Economic Bank"),
        ("United States", "Myanma Agricultural Development Bank"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Payments to blocked accounts remain allowed under a licence issued under the Burma Sanctions Regulations.",
        "The transactions are permitted under the Myanmar (Sanctions) Regulations 2021 until August.",
        "The air force has bought spare parts through brokers from sanctioned firms in Belarus since 2022.",
        "Australia had so far held back from further sanctions, fearing harm to its ties with regional partners.",
    ],
)
def test_laws_adjectives_and_hesitations_are_no_sanctions(text: str) -> None:
    assert sanctions(text) == set()


def test_places_and_legal_instruments_are_never_targets() -> None:
    text = (
        "By Council Decision (CFSP) 2024/1234 and Council Implementing Regulation (EU) 2024/1235, taken on "
        "29 October, the Council of the EU imposed sanctions on the Northern Star Group over airstrikes in "
        "Sagaing Region."
    )
    assert sanctions(text) == {("European Union", "Northern Star Group")}


def test_a_company_named_as_a_persons_post_and_a_quoted_speaker_are_no_targets() -> None:
    text = (
        "Britain on 31 January listed Aung Kyaw Moe, the owner of Sun Rise Trading, and Tin Tin Myint, who runs "
        "its fuel depots, for sanctions. “More revenue has yet to be sanctioned,” said Jane Doe."
    )
    assert sanctions(text) == {("United Kingdom", "Aung Kyaw Moe"), ("United Kingdom", "Tin Tin Myint")}


def test_a_transitive_sanctioned_before_a_count_stays_a_sanction() -> None:
    text = "The UK sanctioned two companies, Star Jet Trading and Blue Ocean Logistics, on 12 March."
    assert sanctions(text) == {("United Kingdom", "Star Jet Trading"), ("United Kingdom", "Blue Ocean Logistics")}


def test_targets_listed_line_by_line_after_a_colon_with_aliases_left_out() -> None:
    text = (
        "Today the Treasury's Office of Foreign Assets Control (OFAC) sanctioned two entities and two people.\n\n"
        "OFAC designated the following entities pursuant to E.O. 14014:\n\n"
        "GOLDEN LOTUS TRADING COMPANY LIMITED (a.k.a. GOLDEN LOTUS CO LTD), Yangon, Burma.\n"
        'Blue Sky Aviation Pte. Ltd. (a.k.a. "BSA"), Singapore.\n\n'
        "The following individuals were also designated:\n"
        "1. Thida Win (a.k.a. Daisy), born 1970, a director of Blue Sky Aviation.\n"
        "2. Kyaw Zin Oo, also known as Ko Zin, a broker.\n\n"
        "All property of these persons in the United States is blocked."
    )
    assert sanctions(text) == {
        ("United States", "GOLDEN LOTUS TRADING COMPANY LIMITED"),
        ("United States", "Blue Sky Aviation Pte. Ltd"),
        ("United States", "Thida Win"),
        ("United States", "Kyaw Zin Oo"),
    }


def test_a_bulleted_list_takes_the_authority_of_its_introduction() -> None:
    text = (
        "The UK has today sanctioned the following entities for supplying aviation fuel:\n"
        "- Sea Breeze Logistics Company Limited\n"
        "- Northern Fuel Group (NFG)\n"
        "The measures freeze their assets."
    )
    assert sanctions(text) == {
        ("United Kingdom", "Sea Breeze Logistics Company Limited"),
        ("United Kingdom", "Northern Fuel Group"),
    }


def test_the_designated_individuals_named_in_a_sanctions_paragraph() -> None:
    text = (
        "Canada is imposing sanctions on three individuals under the Special Economic Measures (Burma) Regulations. "
        "The designated individuals are Aung Lin Tun, Hla Moe Kyaw and Win Naing Oo."
    )
    assert sanctions(text) == {
        ("Canada", "Aung Lin Tun"),
        ("Canada", "Hla Moe Kyaw"),
        ("Canada", "Win Naing Oo"),
    }


def test_an_alias_is_not_a_second_target() -> None:
    text = "The European Union today imposed sanctions on Golden Star Holdings Public Company Ltd, also known as GSH."
    assert sanctions(text) == {("European Union", "Golden Star Holdings Public Company Ltd")}


def test_an_authority_that_added_targets_to_its_list_is_no_speaker() -> None:
    text = "Canada added Dynasty International Company and its owner Zaw Zaw Aung to its sanctions list on Monday."
    assert sanctions(text) == {("Canada", "Dynasty International Company"), ("Canada", "Zaw Zaw Aung")}
