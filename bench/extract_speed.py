"""Extraction speed on one core: generates varied articles from templates (real place and actor names) and
reports articles per second through `extract_document` (the geocoder and actor registry included).

    .venv/bin/python bench/extract_speed.py [--articles 1000] [--seed 7] [--json]

The gazetteer and registry are loaded before timing starts (a one-off cost per process, reported apart).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time

from mawgun.extract import extract_document
from mawgun.model import Document

PLACES = [  # (state/region, township, village or town) - names from MIMU place lists
    ("Sagaing Region", "Depayin", "Let Yet Kone"),
    ("Sagaing Region", "Kanbalu", "Pa Zi Gyi"),
    ("Sagaing Region", "Tamu", "Kanan"),
    ("Magway Region", "Gangaw", "Kyin"),
    ("Karenni State", "Demoso", "Daw Ngan Kha"),
    ("Karenni State", "Hpruso", "Mo So"),
    ("Karen State", "Kawkareik", "Kedong"),
    ("Bago Region", "Nyaunglebin", "Pyin Ye Gyi"),
    ("Kachin State", "Waingmaw", "Laiza"),
    ("northern Shan State", "Lashio", "Mansam"),
    ("Chin State", "Falam", "Lungler"),
    ("Rakhine State", "Minbya", "Kyauk Ta Lone"),
    ("Mandalay Region", "Madaya", "Sin Ku"),
    ("Mon State", "Bilin", "Taung Zun"),
]
RESISTANCE = [
    "the Kachin Independence Army",
    "the Arakan Army",
    "the Karenni Nationalities Defence Force",
    "a local People's Defence Force",
    "the Ta'ang National Liberation Army",
    "the Karen National Liberation Army",
    "the Chin National Army",
    "the Bamar People's Liberation Army",
]
NUMBERS = ["two", "three", "five", "seven", "12", "at least 15", "more than 20", "one"]
EVENT_TEMPLATES = [
    "Junta fighter jets bombed {village} village in {township} Township, {state}, on {date}, killing {n} civilians.",
    "Regime troops fired artillery shells into {village} in {township} Township on {weekday}, killing {n} villagers "
    "and injuring four others, residents said.",
    "{actor} said its fighters captured a junta outpost near {village} in {township} Township on {date}.",
    "Fighting broke out between {actor} and junta troops in {township} Township, {state}, on {weekday}.",
    "Soldiers burned down about 40 houses in {village} village, {township} Township, on {date}, locals said.",
    "Troops arrested {n} young men in {village} village in {state}'s {township} Township on {weekday}.",
    "A landmine explosion near {village} in {township} Township wounded a farmer on {date}.",
    "Two days later, a drone attack hit a monastery in {village}, {township} Township, killing {n} people.",
]
FILLER = [
    "The junta has increasingly relied on air power as it loses ground across the country.",
    "Residents said many families had fled to nearby forests and were short of food and medicine.",
    "The military council could not be reached for comment.",
    "Analysts say the regime must negotiate if it is to survive, but talks appear unlikely.",
    "Local aid groups appealed for help for the displaced, who lack shelter as the rainy season begins.",
]
EXTRA = [
    "According to the Assistance Association for Political Prisoners, security forces have killed at least {big} "
    "civilians since the coup.",
    "The UN estimated that more than {big},000 people have been displaced in {state} since the fighting began.",
    "On {date}, the United States and the United Kingdom sanctioned Asia Sun Group and Myanmar Chemical Company.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, number: int) -> Document:
    """One synthetic article of 4-9 sentences in two or three paragraphs."""
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(900))
    sentences = []
    for _ in range(rng.randint(2, 4)):
        state, township, village = rng.choice(PLACES)
        day = published - dt.timedelta(days=rng.randint(1, 20))
        slots = {
            "state": state,
            "township": township,
            "village": village,
            "actor": rng.choice(RESISTANCE),
            "n": rng.choice(NUMBERS),
            "weekday": rng.choice(WEEKDAYS),
            "date": f"{day.day} {day:%B}",
            "big": rng.randint(2, 9),
        }
        sentence = rng.choice(EVENT_TEMPLATES).format(**slots)
        sentences.append(sentence[0].upper() + sentence[1:])
        sentences.append(rng.choice(FILLER))
        if rng.random() < 0.4:
            sentences.append(rng.choice(EXTRA).format(**slots))
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    text = "\n\n".join(paragraphs)
    return Document(doc_id=f"bench-{number}", text=text, published=published, outlet="bench")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    docs = [make_article(rng, i) for i in range(args.articles)]
    started = time.perf_counter()
    extract_document(make_article(random.Random(0), -1))  # loads gazetteer, registry and vocabularies
    warmup = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    records = sum(len(extract_document(doc)) for doc in docs)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    result = {
        "articles": len(docs),
        "records": records,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(len(docs) / elapsed, 1),
        "articles_per_cpu_second": round(len(docs) / cpu, 1),
        "warmup_seconds": round(warmup, 2),
        "characters": sum(len(d.text) for d in docs),
    }
    print(
        json.dumps(result)
        if args.json
        else f"{result['articles']} articles ({result['characters']:,} characters), {records} records in "
        f"{result['seconds']} s: {result['articles_per_second']} articles/s on one core "
        f"({result['articles_per_cpu_second']} per CPU-second) "
        f"(one-off load {result['warmup_seconds']} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
