"""An international body or a foreign government named beside a violent event ("as ASEAN called for restraint",
"the Thai authorities said") is no side of it: such bodies comment on, mediate or react to Myanmar's fighting and
never fight in it (issue 16, the proxy's Thai-border clashes coded with ASEAN as actor1). The armed sides the
sentence names stay. Texts are our own, about real events: the KNU's fighting around Myawaddy and Thaw Le Hta in
April 2024, the junta's air strikes near the Thai border in Karen State in March and April 2021, and the air
strike on a displaced people's camp near Laiza (October 2023)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document

ONLOOKERS = {"ASEAN", "UN", "UNSC", "THA", "CHN", "US", "UK", "IND"}


def events(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="onlookers", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


@pytest.mark.parametrize(
    ("text", "published", "actor1"),
    [
        (
            "Fighting broke out around Myawaddy township on Monday as ASEAN envoys met in Bangkok, the KNU said.",
            "2024-04-25",
            "KNU",
        ),
        (
            "Junta troops shelled villages in Kani township on Tuesday as the UN special envoy arrived in Naypyitaw.",
            "2024-04-25",
            "MIL",
        ),
        (
            "The Thai authorities said the KNLA and junta troops clashed near Myawaddy on Saturday.",
            "2024-04-22",
            "KNLA",
        ),
        (
            "China's foreign ministry said on Wednesday that junta jets bombed a camp for displaced people near "
            "Laiza on Monday, killing 29 people.",
            "2023-10-12",
            "MIL",
        ),
    ],
)
def test_a_body_named_beside_a_violent_event_is_no_side(text: str, published: str, actor1: str) -> None:
    found = [e for e in events(text, published) if e["event_type"] != "Strategic developments"]
    assert found, text
    for event in found:
        assert not ONLOOKERS & {*event["actor1"], *event["actor2"]}, event
        assert event["actor1"][:1] == [actor1], event
