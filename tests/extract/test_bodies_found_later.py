"""Bodies found after a killing are that killing's discovery (issue 10, dates; issue 16, one event told as two
records on adjacent days). A record told only by bodies being found, dated one to three days after a killing of the
same kind at a compatible place in the same text, is merged into the killing and keeps the killing's day, whichever
was told first; bodies found with no killing told before them stay an event of their own. Texts are our own, about
the real Christmas Eve massacre near Mo So (Hpruso Township, Kayah State, 2021)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def killings(text: str, published: str = "2021-12-28") -> list[dict[str, Any]]:
    doc = Document(doc_id="bodies", text=text, published=dt.date.fromisoformat(published))
    return [
        r.to_json() for r in extract_document(doc) if r.kind == "event" and r.to_json()["sub_event_type"] == "Attack"
    ]


def test_bodies_found_the_next_day_are_the_killing_told_before() -> None:
    text = (
        "Junta troops killed at least 35 civilians near Mo So village in Hpruso Township, Kayah State, on 24 "
        "December 2021, the KNDF said.\n"
        "\n"
        "The charred bodies of the 35 were found near Mo So village on 25 December, local people said.\n"
    )
    assert [(e["date"], e["fatalities"]) for e in killings(text)] == [("2021-12-24", 35)]


def test_the_discovery_told_first_takes_the_day_of_the_killing() -> None:
    text = (
        "The charred bodies of at least 35 people were found near Mo So village in Hpruso Township, Kayah State, "
        "on 25 December 2021.\n"
        "\n"
        "Junta troops killed the 35 villagers near Mo So village on 24 December, the KNDF said.\n"
    )
    assert [e["date"] for e in killings(text)] == ["2021-12-24"]


def test_bodies_found_a_week_later_are_told_apart() -> None:
    text = (
        "Junta troops killed five villagers near Mo So village in Hpruso Township, Kayah State, on 10 December "
        "2021.\n"
        "\n"
        "The bodies of eight men were found near Mo So village on 24 December, local people said.\n"
    )
    assert sorted(e["date"] for e in killings(text)) == ["2021-12-10", "2021-12-24"]
