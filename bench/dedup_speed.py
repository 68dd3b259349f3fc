"""Benchmark: how long `cluster_records` takes on 10,000 synthetic event reports (one core).

Synthetic reports: ~3,300 true events over three years in all 15 states/regions, each reported
by 1-5 documents with jittered dates (+-1 day), spellings, tolls and evidence. Also prints the
B-cubed scores against the generating events (a sanity check, not the acceptance measure).

    .venv/bin/python bench/dedup_speed.py [--records 10000] [--seed 7] [--store]

With --store the reports are also written to a temporary SQLite store and `cluster_store` is timed:
a first run over 99% of them, then an incremental run when the most recent 1% arrive.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from mawgun.dedup import cluster_records
from mawgun.dedup.evaluate import bcubed
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span

STATES = {
    "Sagaing": ["Kanbalu", "Tabayin", "Myaung", "Kawlin", "Tamu", "Monywa", "Ye-U", "Khin-U"],
    "Shan": ["Lashio", "Hseni", "Laukkaing", "Kutkai", "Namhkan", "Hsipaw", "Kyaukme", "Muse"],
    "Kayah": ["Loikaw", "Demoso", "Hpruso", "Bawlakhe"],
    "Chin": ["Mindat", "Thantlang", "Paletwa", "Hakha", "Falam"],
    "Kachin": ["Hpakant", "Momauk", "Myitkyina", "Bhamo", "Waingmaw"],
    "Rakhine": ["Maungdaw", "Buthidaung", "Kyauktaw", "Mrauk-U", "Minbya"],
    "Magway": ["Gangaw", "Pauk", "Saw", "Tilin"],
    "Mandalay": ["Madaya", "Singu", "Mogoke", "Thabeikkyin"],
    "Kayin": ["Myawaddy", "Hpapun", "Kawkareik", "Hlaingbwe"],
    "Mon": ["Bilin", "Thaton", "Ye", "Kyaikto"],
    "Bago": ["Bago", "Taungoo", "Shwegyin", "Kyaukkyi"],
    "Tanintharyi": ["Dawei", "Launglon", "Thayetchaung", "Palaw"],
    "Yangon": ["Insein", "Hlaingtharya", "Shwepyitha", "Hlegu"],
    "Ayeyarwady": ["Pathein", "Hinthada", "Myaungmya"],
    "Nay Pyi Taw": ["Pyinmana", "Lewe", "Tatkon"],
}
TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Looting/property destruction"),
]
ACTORS = ["PDF", "KIA", "MNDAA", "TNLA", "AA", "KNDF", "KNLA", "CDF"]
WORDS = [
    "troops",
    "village",
    "bombed",
    "residents",
    "fighters",
    "killed",
    "houses",
    "burned",
    "clashes",
    "army",
    "junta",
    "town",
    "base",
]
SYLLABLES = ["Kyauk", "Ywa", "Thit", "Nyaung", "Pin", "Kone", "Taw", "Gyi", "Lay", "Hla", "Myo", "Chaung", "Sin", "Inn"]
PROV = Provenance(component="bench", version="1")


def make_events(rng: random.Random, count: int) -> list[dict]:
    """True events: type, state, township, village, day, actors, toll."""
    start = dt.date(2021, 2, 1)
    events = []
    for index in range(count):
        state = rng.choice(sorted(STATES))
        kind, sub = rng.choice(TYPES)
        events.append(
            {
                "label": f"E{index}",
                "type": kind,
                "sub": sub,
                "state": state,
                "township": rng.choice(STATES[state]),
                "village": " ".join(rng.choice(SYLLABLES) for _ in range(2)),
                "day": start + dt.timedelta(days=rng.randrange(1095)),
                "actor": rng.choice(ACTORS),
                "toll": rng.choice([None, rng.randrange(1, 60)]),
                "words": " ".join(rng.choice(WORDS) for _ in range(12)),
            }
        )
    return events


def make_reports(rng: random.Random, events: list[dict], total: int) -> tuple[list[EventRecord], dict, dict]:
    """`total` reports of the events, each from its own document."""
    records, documents, labels = [], {}, {}
    while len(records) < total:
        event = rng.choice(events)
        doc_id = f"doc-{len(records):06d}"
        day = event["day"] + dt.timedelta(days=rng.choice([0, 0, 0, 1, -1]))
        published = day + dt.timedelta(days=rng.randrange(0, 5))
        text = f"{event['words']} in {event['village']} {event['township']}"
        documents[doc_id] = Document(doc_id=doc_id, text=text, outlet=f"outlet{rng.randrange(12)}", published=published)
        toll = event["toll"] if event["toll"] is None else max(0, event["toll"] + rng.choice([0, 0, -2, 3]))
        record = EventRecord(
            record_id=f"evt-{len(records):06d}",
            doc_id=doc_id,
            event_type=event["type"],
            sub_event_type=event["sub"],
            date=day,
            provenance=PROV,
            place=Place(
                admin1=event["state"],
                admin3=event["township"] if rng.random() < 0.8 else None,
                location=event["village"] if rng.random() < 0.7 else None,
            ),
            actor1=[ActorRef(name="MIL", actor_id="MIL")],
            actor2=[ActorRef(name=event["actor"], actor_id=event["actor"])],
            fatalities=toll,
            evidence=[Span(0, len(text), text)],
        )
        records.append(record)
        labels[record.record_id] = event["label"]
    return records, documents, labels


def time_store(records: list[EventRecord], documents: dict[str, Document]) -> None:
    """Time cluster_store on a temporary SQLite store: everything, then the 1% most recent reports
    arriving as a new batch (as a daily feed would)."""
    import tempfile
    from pathlib import Path

    from mawgun.dedup import cluster_store
    from mawgun.store.db import session_scope
    from mawgun.store.repository import save_document, save_records

    records = sorted(records, key=lambda r: (r.date or dt.date.min, r.record_id))
    split = len(records) - len(records) // 100
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"

        def store(batch: list[EventRecord]) -> None:
            with session_scope(url) as session:
                for record in batch:
                    save_document(session, documents[record.doc_id])
                    save_records(session, record.doc_id, [record], "bench")

        store(records[:split])
        started = time.perf_counter()
        first = cluster_store(url, progress=False)
        middle = time.perf_counter()
        store(records[split:])
        middle_stored = time.perf_counter()
        second = cluster_store(url, progress=False)
        ended = time.perf_counter()
        print(
            f"cluster_store (SQLite): {first['records']} reports -> {first['canonical_events']} events in "
            f"{middle - started:.2f} s; then {second['new_records']} new reports in {ended - middle_stored:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="Also time cluster_store on a temporary SQLite store.")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    events = make_events(rng, args.records // 3)
    records, documents, labels = make_reports(rng, events, args.records)
    started = time.perf_counter()
    assignment = cluster_records(records, documents)
    elapsed = time.perf_counter() - started
    scores = bcubed(assignment, labels)
    print(
        f"{len(records)} reports -> {len(set(assignment.values()))} canonical events "
        f"({len(set(labels.values()))} true) in {elapsed:.2f} s; synthetic B-cubed P={scores['precision']:.3f} "
        f"R={scores['recall']:.3f}"
    )
    if args.store:
        time_store(records, documents)


if __name__ == "__main__":
    main()
