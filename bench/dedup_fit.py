"""Fit the pair model of `mawgun.dedup.scoring` (logistic regression) and write `weights.json`.

Labelled pairs are generated from the project's own fixture (`tests/dedup/fixtures`, texts written for
this project; nothing from ../shared): each gold-coded report is varied the ways outlets differ (the
village or township left out, a coarser or shifted date, no date, another toll, an alliance named for
its member, another outlet's sentence as evidence, a compatible re-coding of the type). Positives are
two variants of one event from different documents; negatives are reports of different events that the
hard rules let meet, and harder ones made by moving another event's report to this event's state,
township and days. Features are `compare_profiles`' agreements; the fit is Newton's method with a
small L2 penalty, classes weighted equally. Pure Python: nothing extra to install.

    .venv/bin/python bench/dedup_fit.py [--variants 12] [--seed 11] [--dry-run]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import random
from pathlib import Path

from mawgun.dedup.evaluate import fixture_records, load_fixture
from mawgun.dedup.features import expand_actor, profile_record
from mawgun.dedup.pairs import compare_profiles
from mawgun.dedup.scoring import WEIGHTS_PATH
from mawgun.model import ActorRef, Document, EventRecord, Place

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "dedup" / "fixtures"
FEATURES = ["date", "place", "actors", "text", "fatalities", "type"]
# How often an outlet's report leaves a detail out or codes it otherwise. News reports often name only
# the state (short wire copy, a township nobody can spell), most give no toll, and a capture is often
# told as a clash, a strike as shelling ("coding": another compatible type).
LEAVE_OUT = {"location": 0.3, "township": 0.45, "toll": 0.5, "coding": 0.2}
RECODE = {
    "Air/drone strike": "Shelling/artillery/missile attack",
    "Shelling/artillery/missile attack": "Air/drone strike",
    "Non-state actor overtakes territory": "Armed clash",
    "Armed clash": None,
}


def vary(record: EventRecord, rng: random.Random, wordings: list[str], number: int) -> EventRecord:
    """One outlet's version of a report: the same event told with less or other detail."""
    place = dataclasses.replace(record.place or Place())
    if rng.random() < LEAVE_OUT["location"]:
        place.location = None
    if rng.random() < LEAVE_OUT["township"]:
        place.admin3, place.location = None, None
    date, precision = record.date, record.date_precision
    roll = rng.random()
    if date is not None and roll < 0.3:
        date = date + dt.timedelta(days=rng.choice([-1, 1]))
    elif date is not None and roll < 0.42:
        precision = "month"
    elif date is not None and roll < 0.5:
        precision = "week"
    elif roll < 0.55:
        date = None
    toll = record.fatalities
    if toll is not None and rng.random() < LEAVE_OUT["toll"]:
        toll = None
    elif toll is not None and rng.random() < 0.4:
        toll = max(0, int(toll * rng.uniform(0.4, 1.8)))
    actor2 = list(record.actor2)
    if actor2 and rng.random() < 0.3:
        code = actor2[0].actor_id or actor2[0].name
        heads = sorted(expand_actor(code) - {code})
        actor2 = [ActorRef(name=heads[0], actor_id=heads[0])] if heads else actor2[:1]
    sub = record.sub_event_type
    if rng.random() < LEAVE_OUT["coding"] and sub in RECODE:
        sub = RECODE[sub]
    evidence = record.evidence
    if wordings and rng.random() < 0.5:
        text = rng.choice(wordings)
        evidence = [dataclasses.replace(record.evidence[0], text=text)] if record.evidence else evidence
    return dataclasses.replace(
        record,
        record_id=f"{record.record_id}-v{number}",
        doc_id=f"{record.doc_id}-v{number}",
        sub_event_type=sub,
        date=date,
        date_precision=precision,
        place=place,
        actor2=actor2,
        fatalities=toll,
        evidence=evidence,
    )


def move_to(record: EventRecord, target: EventRecord, rng: random.Random) -> EventRecord:
    """Another event's report placed at this event's type, state, township (often) and days."""
    place = dataclasses.replace(record.place or Place(), admin1=(target.place or Place()).admin1)
    place.admin3 = (target.place or Place()).admin3 if rng.random() < 0.7 else None
    if place.admin3 is None:
        place.location = None
    shift = dt.timedelta(days=rng.randint(-3, 3))
    return dataclasses.replace(
        record,
        record_id=record.record_id + "-moved",
        event_type=target.event_type,
        sub_event_type=target.sub_event_type,
        date=target.date + shift if target.date else None,
        date_precision="day",
        place=place,
    )


def labelled_pairs(variants: int, seed: int) -> list[tuple[list[float], int]]:
    """(features, 1 = one event) for generated pairs that the hard rules let meet."""
    rng = random.Random(seed)
    articles = load_fixture(FIXTURES)
    records, labels = fixture_records(articles)
    documents: dict[str, Document] = {a.document.doc_id: a.document for a in articles}
    wordings: dict[str, list[str]] = {}
    for record in records:
        wordings.setdefault(labels[record.record_id], []).extend(s.text for s in record.evidence)
    pool: list[tuple[EventRecord, str]] = []
    for record in records:
        label = labels[record.record_id]
        for number in range(variants):
            pool.append((vary(record, rng, wordings[label], number), label))
    for record in records:
        other = rng.choice([r for r in records if labels[r.record_id] != labels[record.record_id]])
        pool.append((move_to(other, record, rng), "moved:" + other.record_id))

    def profile(rec: EventRecord) -> object:
        base = documents.get(rec.doc_id.split("-v")[0])
        doc = dataclasses.replace(base, doc_id=rec.doc_id) if base else None
        return profile_record(rec, doc)

    profiles = [(profile(rec), label) for rec, label in pool]
    pairs: list[tuple[list[float], int]] = []
    for i, (a, label_a) in enumerate(profiles):
        for b, label_b in profiles[i + 1 :]:
            if a.doc_id == b.doc_id:  # type: ignore[attr-defined]
                continue
            result = compare_profiles(a, b)  # type: ignore[arg-type]
            if result is not None:
                pairs.append(([result[1][name] for name in FEATURES], int(label_a == label_b)))
    return pairs


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Newton step of a 7-parameter model)."""
    size = len(vector)
    rows = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(size):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [x - factor * y for x, y in zip(rows[r], rows[col], strict=True)]
    return [rows[i][size] / rows[i][i] for i in range(size)]


def fit(pairs: list[tuple[list[float], int]], l2: float = 0.01, rounds: int = 25) -> list[float]:
    """Logistic regression (intercept first) by Newton's method, classes weighted equally."""
    positives = sum(y for _, y in pairs)
    weight = {1: len(pairs) / (2 * positives), 0: len(pairs) / (2 * (len(pairs) - positives))}
    beta = [0.0] * (len(FEATURES) + 1)
    for _ in range(rounds):
        grad = [0.0] * len(beta)
        hess = [[0.0] * len(beta) for _ in beta]
        for features, y in pairs:
            x = [1.0, *features]
            p = 1.0 / (1.0 + math.exp(-sum(b * v for b, v in zip(beta, x, strict=True))))
            w = weight[y]
            for i, xi in enumerate(x):
                grad[i] += w * (y - p) * xi
                for j, xj in enumerate(x):
                    hess[i][j] += w * p * (1 - p) * xi * xj
        for i in range(1, len(beta)):
            grad[i] -= l2 * len(pairs) * beta[i]
            hess[i][i] += l2 * len(pairs)
        step = solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return beta


def accuracy(beta: list[float], pairs: list[tuple[list[float], int]]) -> dict[str, float]:
    """Recall of positives and of negatives at probability 0.5."""
    hits = {0: 0, 1: 0}
    totals = {0: 0, 1: 0}
    for features, y in pairs:
        z = beta[0] + sum(b * v for b, v in zip(beta[1:], features, strict=True))
        hits[y] += int((z >= 0) == bool(y))
        totals[y] += 1
    return {"positives": round(hits[1] / max(totals[1], 1), 4), "negatives": round(hits[0] / max(totals[0], 1), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=12)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write weights.json")
    args = parser.parse_args()
    pairs = labelled_pairs(args.variants, args.seed)
    rng = random.Random(args.seed)
    rng.shuffle(pairs)
    held = len(pairs) // 5
    beta = fit(pairs[held:])
    model = {
        "intercept": round(beta[0], 4),
        "coefficients": {name: round(b, 4) for name, b in zip(FEATURES, beta[1:], strict=True)},
        "threshold": 0.5,
        "fitted": {
            "script": "bench/dedup_fit.py",
            "seed": args.seed,
            "variants": args.variants,
            "pairs": len(pairs) - held,
            "positives": sum(y for _, y in pairs[held:]),
            "held_out": held,
            "held_out_recall": accuracy(beta, pairs[:held]),
        },
    }
    print(json.dumps(model, indent=1))
    if not args.dry_run:
        WEIGHTS_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
