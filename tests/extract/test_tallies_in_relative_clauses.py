"""An event told beside a tally that sits in a relative clause on another noun ("captured Alaw Bum on 25 March,
... the army, which has since killed over 700 civilians throughout the country") is still an event: the relative
clause is a clause of its own, so the tally's wording no longer hides the capture, and the tally's count is not
its toll. Texts are our own, about a real event: the KIA's capture of Alaw Bum (25 March 2021)."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def events(text: str) -> list[dict]:
    doc = Document(doc_id="tallies", text=text, published=dt.date(2021, 4, 14))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_event_beside_a_tally_in_a_relative_clause_is_told_without_its_count() -> None:
    text = (
        "On 25 March KIA fighters took the base at Alaw Bum, a heavy blow to the army, which seized power in "
        "February and has since killed over 700 civilians throughout the country."
    )
    found = [(e["sub_event_type"], e["date"], e["fatalities"]) for e in events(text)]
    assert found == [("Non-state actor overtakes territory", "2021-03-25", None)]


def test_a_tally_alone_is_still_no_event() -> None:
    text = "The army, which seized power in February, has since killed over 700 civilians throughout the country."
    assert [e for e in events(text) if e["event_type"] != "Strategic developments"] == []
