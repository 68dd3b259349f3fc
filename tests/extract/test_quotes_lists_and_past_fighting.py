"""Three classes of extra or missing clashes and strikes. A quotation that runs over several sentences is
speech in every one of them ("“We learned a lot. Our fighters fought hard there, ...,” she said"), not only in
the sentence that opens it. A town listed beside a township ("Namtu and Mantung towns", one read as a town, the
other as a township) is one more place of the list, and the "and" of such a list is no boundary between two
clauses. A clash told in the pluperfect with no day of its own ("had launched offensives on five towns") is
fighting before the news. Texts are our own, about real events: the TNLA leaving Kyaukme (1 October
2025), airstrikes on Namtu and Mantung (2 October 2025), Operation 1027 (from 27 October 2023)."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def events(text: str, published: str = "2025-10-05") -> list[dict]:
    doc = Document(doc_id="quotes-lists", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_quotation_over_several_sentences_tells_no_clash() -> None:
    text = (
        "The TNLA left Kyaukme township, Shan State, this week.\n"
        "“We will learn from our mistakes. Our fighters fought hard in Kyaukme for many months,” "
        "the group's spokeswoman told reporters."
    )
    assert [e for e in events(text) if e["sub_event_type"] == "Armed clash"] == []


def test_a_clash_after_a_closed_quotation_is_still_told() -> None:
    text = (
        "“We will learn from our mistakes,” the spokeswoman said. "
        "The TNLA clashed with junta troops in Hsipaw township, Shan State, on 3 October."
    )
    assert [(e["sub_event_type"], e["admin3"]) for e in events(text)] == [("Armed clash", "Hsipaw")]


def test_a_town_listed_beside_a_township_gets_its_own_strike() -> None:
    text = "Junta jets bombed Namtu and Mantung towns in Shan State on 2 October, killing three civilians."
    found = [(e["sub_event_type"], e["location"]) for e in events(text)]
    assert found == [("Air/drone strike", "Namtu"), ("Air/drone strike", "Mantung")]


def test_the_and_of_a_list_of_places_splits_no_clause() -> None:
    text = "Junta jets bombed Namtu and Kutkai townships on 2 October, killing three civilians."
    assert {e["sub_event_type"] for e in events(text)} == {"Air/drone strike"}


def test_fighting_told_in_the_pluperfect_without_a_day_is_history() -> None:
    text = (
        "The military retook Kyaukme in Shan State on 1 October.\n"
        "In Operation 1027, the TNLA had launched offensives on Namhkan, Muse and Hsipaw."
    )
    assert [(e["sub_event_type"], e["admin3"]) for e in events(text)] == [("Government regains territory", "Kyaukme")]


def test_fighting_told_in_the_pluperfect_with_its_day_is_news() -> None:
    text = "The KNDF said its fighters had clashed with junta troops in Demoso township, Kayah State, on 3 October."
    assert [(e["sub_event_type"], e["date"]) for e in events(text)] == [("Armed clash", "2025-10-03")]
