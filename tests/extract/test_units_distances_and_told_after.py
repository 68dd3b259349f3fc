"""Four small classes. "Artillery" naming a unit ("two artillery battalions") is no shelling; "from where the clashes
are" measures a distance and tells no clash; a post "was taken by" a group is a capture; and an event
told inside "came N days after ..." of a dated sentence is dated that many days before the sentence's day.
Texts are our own, about real events: the Arakan Army's capture of an artillery battalion near Kyauktaw (14
January 2024), the KIA's capture of Alaw Bum (25 March 2021), the KNDF's capture of Mawchi (January 2024)."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def events(text: str, published: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="units", text=text, published=dt.date.fromisoformat(published))
    return [(e["sub_event_type"], e["date"]) for e in (r.to_json() for r in extract_document(doc) if r.kind == "event")]


def test_an_artillery_unit_is_no_shelling() -> None:
    text = "Mawchi, in Hpasawng township, is a long drive from Taungoo, where the army keeps two artillery battalions."
    assert events(text, "2024-01-29") == []


def test_artillery_fire_is_still_shelling() -> None:
    text = "Junta troops fired artillery at villages in Hpasawng township on Saturday."
    assert events(text, "2024-01-29") == [("Shelling/artillery/missile attack", "2024-01-27")]


def test_a_distance_from_where_fighting_happens_is_no_clash() -> None:
    text = "Myo Thit village in Momauk township is a two-hour walk from the place where the fighting goes on."
    assert events(text, "2021-04-27") == []


def test_a_post_taken_by_a_group_is_a_capture() -> None:
    text = "After a night of fighting, the army post on Alaw Bum was taken by the KIA on Thursday."
    assert events(text, "2021-03-27") == [("Non-state actor overtakes territory", "2021-03-25")]


def test_a_capture_told_after_came_days_after_is_dated_before_the_day() -> None:
    text = "The AA's gain on Tuesday in Kyauktaw township came three days after it seized a border post."
    assert events(text, "2024-01-18") == [("Non-state actor overtakes territory", "2024-01-13")]


def test_people_taken_by_soldiers_near_a_base_are_no_capture() -> None:
    text = "Villagers near the base said two men were taken by soldiers on Thursday in Waingmaw township."
    assert all(kind != "Non-state actor overtakes territory" for kind, _ in events(text, "2021-03-27"))
    assert all(kind != "Government regains territory" for kind, _ in events(text, "2021-03-27"))


def test_the_place_of_an_attack_retaliated_for_is_not_the_events() -> None:
    text = (
        "The KIA overran the Alaw Bum post on Thursday. "
        "A KIA officer called the raid a reply, in retaliation for an army assault on a KIA outpost near Laiza."
    )
    doc = Document(doc_id="units", text=text, published=dt.date(2021, 3, 27))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    assert [(e["admin3"], e["location"]) for e in found] == [("Momauk", "Alaw Bum")]
