"""Specification of `mawgun.dedup.blocks`: clustering profiles spilled to disk, in date order, gives the
mapping `cluster_records` gives over the same reports held in memory, while holding only the reports
that share a few days.

The batch is generated (seeded) to reach every rule of blocking: resolved and misspelt townships, reports
without a township or a state, types with and without a sub-type, day, week, month and year dates,
spans, undated reports (dated by publication, or by nothing), documents that report two events of one
kind (siblings) or one event twice a day apart with one toll (`tellings.py`), and documents given twice
(the same record ids twice).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from dedup_helpers import make_doc, make_event

from mawgun.dedup import cluster_records
from mawgun.dedup.blocks import Report, SpilledProfiles, Sweep
from mawgun.dedup.features import profile_record
from mawgun.model import Document, EventRecord

PLACES = [
    ("Sagaing", "Kanbalu", ["Pazigyi", "Let Yet Kone"]),
    ("Sagaing", "Tamu", ["Kanan", "Mintha"]),
    ("Sagaing", "Depayin", ["Chaung Yoe"]),
    ("Shan", "Hsenwi", ["Mong Yaw"]),
    ("Shan", "Lashio", ["Mansam"]),
    ("Kayah", "Loikaw", ["Daw Ta Ma Gyi"]),
    ("Kayah", "Demoso", ["Dawei Ku"]),
    ("Mandalay", "Madaya", ["Sin Ku"]),
]
SPELLINGS = {"Hsenwi": "Hseni", "Kanbalu": "Kan Balu", "Demoso": "Dee Maw Soe"}
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Strategic developments", "Non-violent transfer of territory"),
    ("Violence against civilians", "Attack"),
]
OUTLETS = ["RFA", "DVB", "Myanmar Now", "The Irrawaddy", "Mizzima"]
START = dt.date(2023, 1, 1)


def report_of(rng: random.Random, doc: Document, event: dict, tag: str = "", undated: int = 9) -> EventRecord:
    """One outlet's report of a true event, with the variations outlets show."""
    state, township, villages = event["place"]
    kind = rng.random()
    township_name: str | None = SPELLINGS.get(township, township) if kind < 0.15 else township
    location: str | None = event["village"]
    state_name: str | None = state
    if kind > 0.85:
        township_name = location = None
    elif kind > 0.75:
        location = None
    if rng.random() < 0.05:
        state_name = None
    sub = None if rng.random() < 0.1 else event["type"][1]
    date: dt.date | None = event["day"] + dt.timedelta(days=rng.choice([0, 0, 0, 1, -1]))
    precisions = ["day", "week", "month", "year", "span", "none"]
    precision, date_end = rng.choices(precisions, [70, 6, 8, 3, 4, undated])[0], None
    if precision == "span":
        precision, date_end = "day", date + dt.timedelta(days=rng.randint(2, 9))  # type: ignore[operator]
    if precision == "none":
        precision, date = "day", None
    return make_event(
        doc,
        event_type=event["type"][0],
        sub=sub,
        date=date,
        admin1=state_name,
        admin3=township_name,
        location=location,
        actors=(event["actor"],),
        fatalities=event["toll"] + rng.choice([0, 0, 2]) if event["toll"] is not None else None,
        precision=precision,
        tag=tag,
        date_end=date_end,
    )


def generated_batch(
    seed: int = 11, events: int = 220, days: int = 400, undated: int = 9
) -> tuple[list[EventRecord], dict[str, Document]]:
    """Reports of `events` true events over `days` days (1-4 outlets each), plus siblings and repeats;
    `undated` in 100 reports give no date (dated by their publication, or by nothing)."""
    rng = random.Random(seed)
    reports: list[EventRecord] = []
    documents: dict[str, Document] = {}
    for number in range(events):
        place = rng.choice(PLACES)
        event = {
            "place": place,
            "village": rng.choice(place[2]),
            "day": START + dt.timedelta(days=rng.randrange(days)),
            "type": rng.choice(TYPES),
            "actor": rng.choice(["MIL", "PDF", "KIA", "TNLA", "KNDF"]),
            "toll": rng.choice([None, rng.randrange(1, 40)]),
        }
        for outlet in rng.sample(OUTLETS, rng.randint(1, 4)):
            text = f"{outlet} reported an attack on {event['village']} village in {place[1]} on that day."
            published = None if rng.random() < undated / 300 else event["day"] + dt.timedelta(days=rng.randint(0, 3))
            doc = make_doc(f"{number}-{outlet}", text, outlet, published or START)
            if published is None:
                doc.published = None
            documents[doc.doc_id] = doc
            reports.append(report_of(rng, doc, event, undated=undated))
            if rng.random() < 0.08:  # the same document reports an event of that kind a day later: at times
                toll = event["toll"] if rng.random() < 0.5 else None  # the same toll (one event told twice)
                later = dict(event, day=event["day"] + dt.timedelta(days=1), toll=toll)
                reports.append(report_of(rng, doc, later, tag="second", undated=undated))
    repeated = [r for r in reports if rng.random() < 0.04]  # documents given twice: the same records again
    rng.shuffle(reports)
    return reports + repeated, documents


def spilled_mapping(
    reports: list[EventRecord], documents: dict[str, Document], folder: Path
) -> tuple[dict[str, str], list[tuple[str, str]], int]:
    """The mapping through `SpilledProfiles`, the (record id, canonical id) rows in order, and the most
    reports held at once (open in the sweep, or waiting to be linked)."""
    held: list[int] = []
    enter = Sweep.enter

    def counting(self: Sweep, report: Report, has_siblings: bool) -> None:
        held.append(len(self.open) + len(self.linker.held))
        enter(self, report, has_siblings)

    Sweep.enter = counting  # type: ignore[method-assign]
    try:
        with SpilledProfiles(folder) as spill:
            for report in reports:
                spill.add(profile_record(report, documents.get(report.doc_id)))
            spill.cluster()
            rows = list(spill.canonical_ids())
    finally:
        Sweep.enter = enter  # type: ignore[method-assign]
    return dict(rows), rows, max(held, default=0)


def test_spilled_clustering_gives_the_mapping_of_cluster_records(tmp_path: Path) -> None:
    reports, documents = generated_batch()
    expected = cluster_records(reports, documents)
    mapping, rows, _ = spilled_mapping(reports, documents, tmp_path)
    assert mapping == expected
    assert [rid for rid, _ in rows] == [r.record_id for r in reports]  # in the order of adding, repeats too
    assert len(set(expected.values())) < len(set(expected)) * 0.8  # reports were joined into events
    assert not list(tmp_path.iterdir())  # the spill file is removed


def test_what_is_held_follows_the_reports_a_few_days_share_not_the_batch(tmp_path: Path) -> None:
    reports, documents = generated_batch(seed=7, events=400, days=2000, undated=0)
    mapping, _, held = spilled_mapping(reports, documents, tmp_path)
    assert mapping == cluster_records(reports, documents)
    longer, longer_documents = generated_batch(seed=7, events=1600, days=8000, undated=0)  # 4x, as dense
    _, _, held_longer = spilled_mapping(longer, longer_documents, tmp_path)
    assert held_longer < 2 * held  # a year's date holds its block for a year; a day's date a few days
    assert held_longer < len(longer) / 5


def test_the_mapping_holds_for_other_batches_and_input_orders(tmp_path: Path) -> None:
    for seed in (3, 5):
        reports, documents = generated_batch(seed=seed, events=120, days=90)
        expected = cluster_records(reports, documents)
        assert spilled_mapping(list(reversed(reports)), documents, tmp_path)[0] == expected


def test_a_record_given_twice_takes_the_canonical_id_cluster_records_gives_it(tmp_path: Path) -> None:
    one = make_doc("one", "A jet bombed Pazigyi village in Kanbalu township.", "RFA", dt.date(2023, 4, 11))
    two = make_doc("two", "An air strike hit Pazigyi village, Kanbalu, killing many.", "DVB", dt.date(2023, 4, 11))
    first, second = make_event(one), make_event(two)
    reports = [first, second, make_event(one)]  # document "one" given twice: its record id twice
    documents = {one.doc_id: one, two.doc_id: two}
    expected = cluster_records(reports, documents)
    mapping, rows, _ = spilled_mapping(reports, documents, tmp_path)
    assert mapping == expected
    assert rows[0] == rows[2]  # each line of the repeated record gets the one id the mapping gives it


def test_reports_without_any_date_stay_alone(tmp_path: Path) -> None:
    doc = make_doc("undated", "Troops burned houses in Kanan village, Tamu.", "RFA", dt.date(2023, 4, 11))
    doc.published = None
    reports = [make_event(doc, date=None, tag=str(n)) for n in range(3)]
    mapping, _, _ = spilled_mapping(reports, {doc.doc_id: doc}, tmp_path)
    assert mapping == cluster_records(reports, {doc.doc_id: doc})
    assert len(set(mapping.values())) == 3
