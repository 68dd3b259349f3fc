"""Benchmark: how `cluster_records` scales, 10,000 to 1,000,000 synthetic event reports on one core.

The synthetic world: 15 states/regions of 20 townships with 40 villages each (P-coded as a geocoded
extraction gives them), events at a constant density of 10 a day across the country (three times the
density of this bench's first version; about a third of ACLED's count for Myanmar since 2021, of which
English-language outlets report a part; --density sets it), so more reports mean a longer period, not
a more crowded one. Each event is reported by 1-5 documents that date it a day apart (now and then
only to the week or month), name the village (70%), the township (80%; one in ten of those a spelling
the gazetteer does not resolve) or only the state, and give other tolls. Precision and recall are
B-cubed against the generating events.

Each size runs in its own process (peak memory is that process's maximum resident size; it includes
the gazetteer and the synthetic world). Time is CPU time of `cluster_records` on one core, less the
cost of building the synthetic EventRecords and Documents from compact arrays (timed in a separate
pass; the total with it is printed beside), with wall time and the load average since the machine may
be shared. The exponent is the slope of log(CPU time) on log(size).

    .venv/bin/python bench/dedup_speed.py [--sizes 10000,30000,100000] [--seed 7]
    .venv/bin/python bench/dedup_speed.py --sizes 10000,100000,1000000     # the acceptance run
    .venv/bin/python bench/dedup_speed.py --store                          # also time cluster_store
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from mawgun.dedup import cluster_records
from mawgun.dedup.evaluate import bcubed
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span

STATES = [
    "Sagaing", "Shan", "Kayah", "Chin", "Kachin", "Rakhine", "Magway", "Mandalay",
    "Kayin", "Mon", "Bago", "Tanintharyi", "Yangon", "Ayeyarwady", "Nay Pyi Taw",
]  # fmt: skip
TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Looting/property destruction"),
]
ACTORS = ["PDF", "KIA", "MNDAA", "TNLA", "AA", "KNDF", "KNLA", "CDF", "CNA", "KA"]
WORDS = str.split(
    "troops village bombed residents fighters killed houses burned clashes army junta town "
    "base jets drone school monastery market bridge camp outpost road convoy column artillery "
    "shells wounded fled displaced rescue bodies funeral hospital clinic fire smoke morning "
    "night dawn evening raid attack seized retreated captured surrounded ambush landmine "
    "checkpoint river hill forest farm "
)
SYLLABLES = str.split("Kyauk Ywa Thit Nyaung Pin Kone Taw Gyi Lay Hla Myo Chaung Sin Inn Zin Bo Man Pa Let Mya Thar Ye")
DENSITY = 10  # true events a day across the country (--density)
TOWNSHIPS, VILLAGES = 20, 40
PROV = Provenance(component="bench", version="1")
START = dt.date(2021, 2, 1).toordinal()


@dataclass
class World:
    """Compact arrays describing every true event and every report (a million fit in memory)."""

    townships: list[list[str]]
    villages: list[list[list[str]]]
    ev_state: array
    ev_township: array
    ev_village: array
    ev_day: array
    ev_type: array
    ev_actor: array
    ev_toll: array
    ev_words: list[str]
    rep_event: array
    rep_shift: array
    rep_flags: array
    rep_toll: array


def place_name(rng: random.Random, parts: int) -> str:
    """A synthetic place name of a few syllables."""
    return " ".join(rng.choice(SYLLABLES) for _ in range(parts))


def make_world(rng: random.Random, reports: int, density: int = DENSITY) -> World:
    """True events at constant density and `reports` reports of them (1-5 per event)."""
    townships = [[place_name(rng, 2) for _ in range(TOWNSHIPS)] for _ in STATES]
    villages = [[[place_name(rng, 3) for _ in range(VILLAGES)] for _ in range(TOWNSHIPS)] for _ in STATES]
    events = max(1, reports // 3)
    days = max(1, events // density)
    world = World(townships, villages, *(array("i") for _ in range(7)), [], *(array("i") for _ in range(4)))
    for _ in range(events):
        world.ev_state.append(rng.randrange(len(STATES)))
        world.ev_township.append(rng.randrange(TOWNSHIPS))
        world.ev_village.append(rng.randrange(VILLAGES))
        world.ev_day.append(START + rng.randrange(days))
        world.ev_type.append(rng.randrange(len(TYPES)))
        world.ev_actor.append(rng.randrange(len(ACTORS)))
        world.ev_toll.append(rng.choice([-1, rng.randrange(1, 60)]))
        world.ev_words.append(" ".join(rng.choice(WORDS) for _ in range(12)))
    while len(world.rep_event) < reports:
        event = rng.randrange(events)
        for _ in range(min(rng.randint(1, 5), reports - len(world.rep_event))):
            world.rep_event.append(event)
            world.rep_shift.append(rng.choice([0, 0, 0, 1, -1]))
            world.rep_flags.append(rng.randrange(1 << 16))
            toll = world.ev_toll[event]
            world.rep_toll.append(toll if toll < 0 else max(0, toll + rng.choice([0, 0, -2, 3])))
    return world


def document_of(world: World, index: int) -> Document:
    """The document of report `index` (made on demand: documents are not all held)."""
    event = world.rep_event[index]
    state, township = world.ev_state[event], world.ev_township[event]
    village = world.villages[state][township][world.ev_village[event]]
    text = f"{world.ev_words[event]} in {village} {world.townships[state][township]}"
    published = dt.date.fromordinal(world.ev_day[event] + world.rep_shift[index] + (world.rep_flags[index] >> 13))
    return Document(doc_id=f"doc-{index:07d}", text=text, outlet=f"outlet{index % 12}", published=published)


class Documents(Mapping[str, Document]):
    """doc_id -> Document, built when asked for."""

    def __init__(self, world: World) -> None:
        self.world = world

    def __getitem__(self, doc_id: str) -> Document:
        return document_of(self.world, int(doc_id[4:]))

    def __iter__(self) -> Iterator[str]:
        return (f"doc-{i:07d}" for i in range(len(self.world.rep_event)))

    def __len__(self) -> int:
        return len(self.world.rep_event)


def record_of(world: World, index: int) -> EventRecord:
    """Report `index` as an EventRecord (flags pick which details this outlet gives)."""
    event, flags = world.rep_event[index], world.rep_flags[index]
    state, township = world.ev_state[event], world.ev_township[event]
    kind, sub = TYPES[world.ev_type[event]]
    tsp_code = f"MMR{state + 1:03d}{township + 1:03d}"
    named_tsp = flags % 10 < 8
    misspelt = named_tsp and (flags >> 4) % 10 == 0
    township_name = world.townships[state][township]
    village = world.villages[state][township][world.ev_village[event]] if (flags >> 8) % 10 < 7 else None
    precision = ("day",) * 18 + ("week", "month")
    toll = world.rep_toll[index]
    text = f"{world.ev_words[event]} in {world.villages[state][township][world.ev_village[event]]} {township_name}"
    return EventRecord(
        record_id=f"evt-{index:07d}",
        doc_id=f"doc-{index:07d}",
        event_type=kind,
        sub_event_type=sub,
        date=dt.date.fromordinal(world.ev_day[event] + world.rep_shift[index]),
        date_precision=precision[(flags >> 11) % 20],
        provenance=PROV,
        place=Place(
            admin1=STATES[state],
            admin3=(township_name.replace(" ", "")[:-1] if misspelt else township_name) if named_tsp else None,
            admin3_pcode=tsp_code if named_tsp and not misspelt else None,
            location=village,
            pcode=f"{tsp_code}{world.ev_village[event] + 1:03d}" if village and named_tsp and not misspelt else None,
            geo_precision=1 if village else (2 if named_tsp else 3),
        ),
        actor1=[ActorRef(name="MIL", actor_id="MIL")],
        actor2=[ActorRef(name=ACTORS[world.ev_actor[event]], actor_id=ACTORS[world.ev_actor[event]])],
        fatalities=None if toll < 0 else toll,
        evidence=[Span(0, len(text), text)],
    )


def run_size(records: int, seed: int, density: int) -> dict[str, float]:
    """Cluster `records` synthetic reports in this process; time, memory and B-cubed. The stream's
    own cost (building each EventRecord and Document from the arrays) is timed in a separate pass
    and reported apart: `cpu_s` is clustering alone, `total_cpu_s` includes it."""
    world = make_world(random.Random(seed), records, density)
    documents = Documents(world)
    load = os.getloadavg()[0]
    cpu = time.process_time()
    for i in range(records):
        documents[f"doc-{i:07d}"]
        record_of(world, i)
    stream = time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    assignment = cluster_records((record_of(world, i) for i in range(records)), documents)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    labels = {f"evt-{i:07d}": str(world.rep_event[i]) for i in range(records)}
    scores = bcubed(assignment, labels)
    return {
        "records": records,
        "events": len(set(world.rep_event)),
        "canonical": len(set(assignment.values())),
        "cpu_s": round(cpu - stream, 2),
        "total_cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "load": round(load, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "precision": scores["precision"],
        "recall": scores["recall"],
    }


def exponent(rows: list[dict[str, float]]) -> float | None:
    """Least-squares slope of log(cpu time) on log(size)."""
    points = [(math.log(r["records"]), math.log(max(r["cpu_s"], 1e-3))) for r in rows]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return round(sum((x - mx) * (y - my) for x, y in points) / den, 3) if den else None


def time_store(seed: int, records: int = 10_000) -> None:
    """Time cluster_store on a temporary SQLite store: 99% of the reports, then the newest 1%."""
    import tempfile
    from pathlib import Path

    from mawgun.dedup import cluster_store
    from mawgun.store.db import session_scope
    from mawgun.store.repository import save_document, save_records

    world = make_world(random.Random(seed), records)
    order = sorted(range(records), key=lambda i: (world.ev_day[world.rep_event[i]], i))
    split = records - records // 100
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"

        def store(batch: list[int]) -> None:
            with session_scope(url) as session:
                for index in batch:
                    record = record_of(world, index)
                    save_document(session, document_of(world, index))
                    save_records(session, record.doc_id, [record], "bench")

        store(order[:split])
        started = time.perf_counter()
        first = cluster_store(url, progress=False)
        middle = time.perf_counter()
        store(order[split:])
        middle_stored = time.perf_counter()
        second = cluster_store(url, progress=False)
        ended = time.perf_counter()
        print(
            f"cluster_store (SQLite): {first['records']} reports -> {first['canonical_events']} events in "
            f"{middle - started:.2f} s; then {second['new_records']} new reports in {ended - middle_stored:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000", help="comma-separated report counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--density", type=int, default=DENSITY, help="true events a day across the country")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size, JSON out
    parser.add_argument("--store", action="store_true", help="Also time cluster_store on a temporary SQLite store.")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.seed, args.density)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)]
        command += ["--density", str(args.density)]
        row = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        rows.append(row)
        print(
            f"{row['records']:>9,} reports -> {row['canonical']:>8,} canonical ({row['events']:,} true): "
            f"{row['cpu_s']:.2f} s CPU ({row['total_cpu_s']:.2f} s with the stream), "
            f"{row['wall_s']:.2f} s wall (load {row['load']}), peak {row['peak_mb']} MB, "
            f"B-cubed P={row['precision']:.4f} R={row['recall']:.4f}",
            flush=True,
        )
    print(f"fitted exponent (CPU time): {exponent(rows)}")
    if args.store:
        time_store(args.seed)


if __name__ == "__main__":
    main()
