"""An alliance that the coding scheme has no code for is coded as its members on the event's day: the Chin
Brotherhood as the Chinland defence forces (CDF), the Northern Alliance as its four groups; the Three
Brotherhood Alliance keeps its own code (3BHA). Texts are our own, about real events: the Chin Brotherhood's
taking of Falam (7 April 2025) and of Mindat (December 2024), Operation 1027 (27 October 2023)."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def sides(text: str, published: str) -> list[tuple[list[str], list[str]]]:
    doc = Document(doc_id="alliances", text=text, published=dt.date.fromisoformat(published))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    return [(e["actor1"], e["actor2"]) for e in found]


def test_chin_brotherhood_is_coded_as_cdf() -> None:
    text = "On Monday the Chin Brotherhood seized the last hilltop camp the junta held in Falam, in Chin State."
    assert sides(text, "2025-04-09") == [(["CDF"], ["MIL"])]


def test_alliance_carried_from_a_sentence_before_is_coded_as_its_members() -> None:
    text = (
        "The Chin Brotherhood said its forces were advancing in Mindat township, Chin State.\n"
        "Fighting broke out in Mindat town on 22 December."
    )
    assert [a for a, _ in sides(text, "2024-12-24")] == [["CDF"]]


def test_northern_alliance_is_coded_as_its_members() -> None:
    text = "Northern Alliance troops attacked a junta base in Namhkan township, Shan State, on Tuesday."
    assert sorted(sides(text, "2020-03-12")[0][0]) == ["AA", "KIA", "MNDAA", "TNLA"]


def test_three_brotherhood_alliance_keeps_its_code() -> None:
    text = "The Three Brotherhood Alliance attacked junta bases in Chinshwehaw, Shan State, on 27 October."
    assert [a for a, _ in sides(text, "2023-10-28")] == [["3BHA"]]
