"""Scoring deduplication against gold event labels: B-cubed precision, recall and F1.

B-cubed (Bagga & Baldwin 1998) scores each item: precision = the share of its predicted cluster
that shares its gold label, recall = the share of its gold label's items that share its
predicted cluster; both are averaged over items. It punishes both over-merging and splitting.

The fixture format (`tests/dedup/fixtures/articles_*.yaml`) holds short articles, each with the
event(s) it reports: a gold `label` plus the values an extractor should code from that text.
`fixture_records` turns them into gold-like `EventRecord`s (measure (a): clustering alone);
`label_extracted` maps records an extractor produced to gold labels by document, event type and
place (measure (b): end to end).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mawgun.dedup.places import names_match, normalise_admin1, normalise_name
from mawgun.ids import document_id, make_id
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span

FIXTURE_PROVENANCE = Provenance(component="gold-fixture", version="1", confidence=1.0, rule="hand-coded")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Article:
    """One fixture article: its document, gold events, and the article it copies (if syndicated)."""

    key: str
    document: Document
    events: list[dict[str, Any]]
    copy_of: str | None = None


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of `predicted` (item -> cluster) against `gold` (item -> label),
    over the items both mappings contain."""
    items = sorted(set(predicted) & set(gold))
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    pred_groups: dict[str, set[str]] = {}
    gold_groups: dict[str, set[str]] = {}
    for item in items:
        pred_groups.setdefault(predicted[item], set()).add(item)
        gold_groups.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_pred = pred_groups[predicted[item]]
        same_gold = gold_groups[gold[item]]
        overlap = len(same_pred & same_gold)
        precision += overlap / len(same_pred)
        recall += overlap / len(same_gold)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "items": len(items)}


def load_fixture(folder: Path) -> list[Article]:
    """Read every articles_*.yaml in `folder` (sorted) into `Article`s; ids derive from the text."""
    articles: list[Article] = []
    for path in sorted(folder.glob("articles_*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["articles"]:
            articles.append(parse_article(entry))
    return articles


def parse_article(entry: Mapping[str, Any]) -> Article:
    """One YAML entry -> Article (the document id derives from the text, as ingestion does)."""
    text = str(entry["text"]).strip()
    published = entry.get("published")
    document = Document(
        doc_id=document_id(text),
        text=text,
        title=entry.get("title"),
        outlet=entry.get("outlet"),
        published=published if isinstance(published, dt.date) else None,
        published_precision="day" if published else None,
        language="en",
        kind="news",
        origin=f"fixture:{entry['id']}",
    )
    return Article(str(entry["id"]), document, list(entry.get("events") or []), entry.get("copy_of"))


def find_evidence(text: str, *names: str | None) -> Span:
    """The first sentence naming one of `names` (else the first sentence), with its offsets."""
    start = 0
    sentences: list[tuple[int, str]] = []
    for piece in SENTENCE_END.split(text):
        position = text.find(piece, start)
        sentences.append((position, piece))
        start = position + len(piece)
    for name in names:
        for position, sentence in sentences:
            if name and name.lower() in sentence.lower():
                return Span(position, position + len(sentence), sentence)
    position, sentence = sentences[0]
    return Span(position, position + len(sentence), sentence)


def gold_record(article: Article, event: Mapping[str, Any]) -> EventRecord:
    """A gold-like EventRecord: what a good extractor would code for one event of one article."""
    doc = article.document
    place = Place(
        admin1=event.get("admin1"),
        admin3=event.get("admin3"),
        location=event.get("location"),
        geo_precision=1 if event.get("location") else (2 if event.get("admin3") else 3),
    )
    return EventRecord(
        record_id=make_id("evt", doc.doc_id, event["label"]),
        doc_id=doc.doc_id,
        event_type=event["event_type"],
        sub_event_type=event.get("sub_event_type"),
        date=event.get("date"),
        date_end=event.get("date_end"),
        date_precision=event.get("date_precision", "day"),
        provenance=FIXTURE_PROVENANCE,
        place=place,
        actor1=[ActorRef(name=code, actor_id=code) for code in event.get("actor1") or []],
        actor2=[ActorRef(name=code, actor_id=code) for code in event.get("actor2") or []],
        fatalities=event.get("fatalities"),
        evidence=[find_evidence(doc.text, event.get("location"), event.get("admin3"))],
    )


def fixture_records(articles: Sequence[Article]) -> tuple[list[EventRecord], dict[str, str]]:
    """Gold-like records of all articles and their gold labels (record id -> label)."""
    records: list[EventRecord] = []
    labels: dict[str, str] = {}
    for article in articles:
        for event in article.events:
            record = gold_record(article, event)
            records.append(record)
            labels[record.record_id] = event["label"]
    return records, labels


def place_match(record: EventRecord, event: Mapping[str, Any]) -> int | None:
    """How well the record's place fits a gold event: None = other state/region, 2 = a township or
    location name agrees, 1 = nothing to compare, 0 = the names differ."""
    place = record.place or Place()
    if place.admin1 and event.get("admin1") and normalise_admin1(place.admin1) != normalise_admin1(event["admin1"]):
        return None
    mine = [normalise_name(n) for n in (place.admin3, place.location) if n]
    theirs = [normalise_name(n) for n in (event.get("admin3"), event.get("location")) if n]
    if not mine or not theirs:
        return 1
    return 2 if any(names_match(a, b) for a in mine for b in theirs) else 0


PRECISION_TOLERANCE = {"day": 0, "week": 3, "month": 15, "year": 183}


def date_match(record: EventRecord, event: Mapping[str, Any]) -> bool:
    """The record's date is within the gold date's tolerance plus one day (as the project's extraction
    benchmark scores dates); the coarser of the two precisions sets the tolerance."""
    gold_date = event.get("date")
    if record.date is None or not isinstance(gold_date, dt.date):
        return True
    tolerance = max(
        PRECISION_TOLERANCE.get(record.date_precision or "day", 15),
        PRECISION_TOLERANCE.get(event.get("date_precision") or "day", 15),
    )
    if event.get("date_end"):
        tolerance = max(tolerance, (event["date_end"] - gold_date).days)
    return abs((record.date - gold_date).days) <= tolerance + 1


def label_extracted(records: Iterable[EventRecord], articles: Sequence[Article]) -> dict[str, str]:
    """Gold label for each extracted record: among its document's gold events of the same event
    type, a compatible date and the same state/region, the only one, or the one whose place names
    agree best. Records that match none are extraction errors and are left out."""
    by_doc = {a.document.doc_id: a for a in articles}
    labels: dict[str, str] = {}
    for record in records:
        article = by_doc.get(record.doc_id)
        if article is None:
            continue
        matches = [
            (place_match(record, e), e["label"])
            for e in article.events
            if e["event_type"] == record.event_type and date_match(record, e)
        ]
        scored = [(score, label) for score, label in matches if score is not None]
        if len(scored) == 1:
            labels[record.record_id] = scored[0][1]
            continue
        best = max((score for score, _ in scored), default=0)
        chosen = {label for score, label in scored if score == best}
        if best > 0 and len(chosen) == 1:
            labels[record.record_id] = chosen.pop()
    return labels


def summarise_labels(labels: Mapping[str, str]) -> dict[str, int]:
    """How many items and distinct gold events a labelling covers."""
    return {
        "records": len(labels),
        "events": len(set(labels.values())),
        "largest": max(Counter(labels.values()).values(), default=0),
    }
