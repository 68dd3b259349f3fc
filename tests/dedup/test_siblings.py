"""Specification of `mawgun.dedup.siblings` for a town's capture and the clash a document tells beside it.

One document reports that the army retook a town and, in other words, the fighting in and around it
on those days; another does the same; a third codes the retaking only as fighting. The retakings are
one event with the third outlet's report; each document's own clash stays its own. One sentence that
the extractor codes as both a clash and a capture tells nothing apart. Texts are synthetic, written
for these tests; the spilled clustering of `mawgun extract` gives the same mapping.
"""

from __future__ import annotations

import datetime as dt
import tempfile

from dedup_helpers import make_doc, make_event

from mawgun.dedup import cluster_records
from mawgun.dedup.blocks import SpilledProfiles
from mawgun.dedup.features import profile_record
from mawgun.model import Document, EventRecord

TOWN = {"admin1": "Shan", "admin3": "Hsipaw", "location": "Hsipaw"}
DAY = dt.date(2026, 3, 4)
RETAKE = {"event_type": "Battles", "sub": "Government regains territory", "actors": ("MIL",), "targets": ("TNLA",)}
CLASH = {"event_type": "Battles", "sub": "Armed clash", "actors": ("MIL",), "targets": ("TNLA",)}


def spilled(reports: list[EventRecord], documents: dict[str, Document]) -> dict[str, str]:
    """The mapping `mawgun extract` writes: the reports clustered through `SpilledProfiles`."""
    with tempfile.TemporaryDirectory() as folder, SpilledProfiles(folder) as spill:
        for report in reports:
            spill.add(profile_record(report, documents.get(report.doc_id)))
        spill.cluster()
        return dict(spill.canonical_ids())


def retaking_told_three_ways() -> tuple[list[EventRecord], dict[str, Document]]:
    """Two outlets tell the retaking and, beside it, the fighting; a third tells only fighting."""
    first = make_doc(
        "rt1",
        "Synthetic report: the army said it retook Hsipaw from the TNLA on Wednesday. "
        "Columns fought street by street in Hsipaw before the town fell.",
        "A",
        DAY + dt.timedelta(days=1),
    )
    second = make_doc(
        "rt2",
        "Synthetic report: Hsipaw is back under army control since Wednesday, the military said. "
        "Skirmishes with TNLA fighters went on at the edge of Hsipaw.",
        "B",
        DAY + dt.timedelta(days=1),
    )
    third = make_doc(
        "rt3",
        "Synthetic report: the TNLA said it fought the army at Hsipaw on Wednesday and pulled out.",
        "C",
        DAY + dt.timedelta(days=3),
    )
    halves = [text.split(". ", 1) for text in (first.text, second.text)]
    reports = [
        make_event(first, date=DAY, evidence=halves[0][0], tag="retake", **RETAKE, **TOWN),  # type: ignore[arg-type]
        make_event(first, date=DAY, evidence=halves[0][1], tag="clash", **CLASH, **TOWN),  # type: ignore[arg-type]
        make_event(second, date=DAY, evidence=halves[1][0], tag="retake", **RETAKE, **TOWN),  # type: ignore[arg-type]
        make_event(second, date=DAY, evidence=halves[1][1], tag="clash", **CLASH, **TOWN),  # type: ignore[arg-type]
        make_event(third, date=DAY, tag="clash", **CLASH, **TOWN),  # type: ignore[arg-type]
    ]
    return reports, {d.doc_id: d for d in (first, second, third)}


def test_a_report_fitting_a_capture_and_the_clash_beside_it_goes_with_the_capture() -> None:
    reports, documents = retaking_told_three_ways()
    retake_a, clash_a, retake_b, clash_b, clash_c = (r.record_id for r in reports)
    assignment = cluster_records(reports, documents)
    assert assignment[retake_a] == assignment[retake_b] == assignment[clash_c]
    assert assignment[clash_a] != assignment[retake_a]
    assert assignment[clash_b] != assignment[retake_a]
    assert assignment[clash_a] != assignment[clash_b]  # each document's fighting beside its capture
    assert spilled(reports, documents) == assignment


def test_one_sentence_coded_as_a_capture_and_a_clash_tells_nothing_apart() -> None:
    """An offensive's launch read as a clash and, from the same sentence, a capture: other outlets'
    reports of the launch go with the clash, as before."""
    launch = "Synthetic report: the alliance opened its offensive to seize Hsipaw on Wednesday."
    first = make_doc("ln1", launch, "A", DAY + dt.timedelta(days=1))
    second = make_doc("ln2", "Synthetic report: fighting began at Hsipaw on Wednesday.", "B", DAY)
    capture = {"event_type": "Battles", "sub": "Non-state actor overtakes territory"}
    sides = {"actors": ("TNLA",), "targets": ("MIL",)}
    reports = [
        make_event(first, date=DAY, tag="capture", **capture, **sides, **TOWN),  # type: ignore[arg-type]
        make_event(first, date=DAY, tag="clash", event_type="Battles", sub="Armed clash", **sides, **TOWN),  # type: ignore[arg-type]
        make_event(second, date=DAY, tag="clash", event_type="Battles", sub="Armed clash", **sides, **TOWN),  # type: ignore[arg-type]
    ]
    documents = {d.doc_id: d for d in (first, second)}
    assignment = cluster_records(reports, documents)
    assert assignment[reports[2].record_id] == assignment[reports[1].record_id] != assignment[reports[0].record_id]
    assert spilled(reports, documents) == assignment


def test_a_capture_elsewhere_does_not_take_a_clash_from_its_document() -> None:
    """A document tells an offensive across the state and, the same month, the capture of one town; an
    outlet's state-wide report of the offensive still goes with the offensive, not the town."""
    month = {"date": dt.date(2026, 5, 1), "precision": "month"}
    first = make_doc("of1", "Synthetic report: the offensive across Kayah began in May; Pruso fell.", "A", DAY)
    second = make_doc("of2", "Synthetic report: the offensive across Kayah began in May.", "B", DAY)
    sides = {"actors": ("KNDF",), "targets": ("MIL",)}
    state = {"admin1": "Kayah", "admin3": None, "location": None}
    town = {"admin1": "Kayah", "admin3": "Hpruso", "location": "Hpruso"}
    capture = {"event_type": "Battles", "sub": "Non-state actor overtakes territory"}
    evidence = "the offensive across Kayah began in May"
    reports = [
        make_event(first, tag="clash", evidence=evidence, **CLASH | sides, **state, **month),  # type: ignore[arg-type]
        make_event(first, tag="capture", evidence="Pruso fell", **capture, **sides, **town, **month),  # type: ignore[arg-type]
        make_event(second, tag="clash", **CLASH | sides, **state, **month),  # type: ignore[arg-type]
    ]
    documents = {d.doc_id: d for d in (first, second)}
    assignment = cluster_records(reports, documents)
    assert assignment[reports[2].record_id] == assignment[reports[0].record_id]
    assert spilled(reports, documents) == assignment


def test_a_city_only_report_goes_with_the_sibling_of_its_own_coding() -> None:
    """A document tells a drone strike in one township of a city and shelling in another on one day
    (both *Explosions/Remote violence*, so siblings); an outlet naming only the city and a drone
    strike goes with the strike: the city-only rule keeps a report from either only when both
    codings fit it alike."""
    day = dt.date(2025, 6, 3)
    first = make_doc("dy1", "Synthetic report: drones hit North Dagon; shells fell on South Dagon.", "A", day)
    second = make_doc("dy2", "Synthetic report: a drone strike in Yangon, North Dagon or South Dagon.", "B", day)
    shelling = {"event_type": "Explosions/Remote violence", "sub": "Shelling/artillery/missile attack"}
    north = {"admin1": "Yangon", "admin3": "North Dagon", "location": "North Dagon"}
    south = {"admin1": "Yangon", "admin3": "South Dagon", "location": "South Dagon"}
    reports = [
        make_event(first, date=day, evidence="drones hit North Dagon", **north),  # type: ignore[arg-type]
        make_event(first, date=day, evidence="shells fell on South Dagon", **shelling, **south),  # type: ignore[arg-type]
        make_event(second, date=day, admin1="Yangon", admin3=None, location="Yangon"),
    ]
    documents = {d.doc_id: d for d in (first, second)}
    assignment = cluster_records(reports, documents)
    assert assignment[reports[2].record_id] == assignment[reports[0].record_id] != assignment[reports[1].record_id]
    assert spilled(reports, documents) == assignment
