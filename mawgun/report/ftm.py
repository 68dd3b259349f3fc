"""Sanctions as FollowTheMoney entities (`mawgun export --format ftm`), the form sanctions data is shared in
(OpenSanctions, Aleph): JSON lines, one entity each, built and checked with the `followthemoney` library.

Each sanction record becomes a `Sanction` entity linked (`entity`) to its target, written once however
many sanctions name it: a `Company`, `Organization` or `Person` when the name says which (company
suffixes, armed units and state bodies, titles and Burmese personal names: `data/ftm.yaml`), else a
`LegalEntity` (FollowTheMoney's "person or organisation": Mawgun does not guess). The Sanction holds the
`authority`, `startDate` (the date reported for the measure), `provisions` (the measure), `sourceUrl` and
`publisher` (the document's url and outlet), `summary` (the evidence sentences, quoted) and `recordId`
(Mawgun's sanction id). The library comes with the `ftm` extra.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.store.schema import DocumentRow, EvidenceRow, SanctionRow

DATA = Path(__file__).parent / "data" / "ftm.yaml"
EXTRA = "pip install 'mawgun[ftm]' (the ftm extra)"
DATASET = "mawgun"


class MissingExtra(RuntimeError):
    """The followthemoney library (the `ftm` extra) is not installed."""


def ftm_model() -> Any:
    """FollowTheMoney's model, or MissingExtra naming the extra to install."""
    try:
        from followthemoney import model
    except ImportError as exc:
        raise MissingExtra(f"the FollowTheMoney export needs the followthemoney library: {EXTRA}") from exc
    return model


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The word lists that choose a target's schema."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def words_of(name: str) -> list[str]:
    """The name's words, lower-cased, dots dropped ("Co. Ltd" -> ["co", "ltd"])."""
    return re.findall(r"[\w'-]+", name.replace(".", "").lower())


def has_word(name: str, words: list[str]) -> bool:
    """Whether one of `words` (each one or more words) occurs whole in `name`."""
    text = " " + " ".join(words_of(name)) + " "
    return any(f" {' '.join(words_of(word))} " in text for word in words)


def is_person(name: str) -> bool:
    """A title or honorific first ("U Tay Za"), or a Burmese personal name ("Min Aung Hlaing")."""
    vocab = vocabulary()
    words = words_of(name)
    titles = [words_of(title) for title in vocab["person_titles"]]
    if any(words[: len(title)] == title and len(words) > len(title) for title in titles):
        return True
    syllables = {s.lower() for s in vocab["burmese_name_syllables"]}
    return 2 <= len(words) <= 5 and all(word in syllables for word in words)


def registry_body(name: str) -> bool:
    """Whether the name is, exactly, a registry actor's name or alias (an organised body)."""
    from mawgun.actors import get_registry

    registry = get_registry()
    alias = registry.lookup(name)
    actor = registry.get(alias.actor_id) if alias is not None else None
    return actor is not None and actor.type not in ("civilians", "protesters")


def target_schema(name: str) -> str:
    """Company, Person, Organization or (when the name does not say) LegalEntity."""
    vocab = vocabulary()
    if has_word(name, vocab["company_words"]):
        return "Company"
    if is_person(name):
        return "Person"
    if has_word(name, vocab["organization_words"]) or registry_body(name):
        return "Organization"
    return "LegalEntity"


def target_entity(model: Any, name: str) -> Any:
    """The target's entity; its id depends on the name alone, so every sanction of it links to one entity."""
    entity = model.make_entity(target_schema(name))
    entity.make_id(DATASET, "target", " ".join(words_of(name)))
    entity.add("name", name)
    entity.add("topics", "sanction")
    return entity


def sanction_entity(model: Any, row: SanctionRow, target: Any, source: dict[str, Any]) -> Any:
    """One sanction record as a FollowTheMoney Sanction linked to its target."""
    sanction = model.make_entity("Sanction")
    sanction.make_id(DATASET, "sanction", row.id)
    sanction.add("entity", target)
    sanction.add("authority", row.authority)
    sanction.add("startDate", row.date.isoformat() if row.date else None)
    sanction.add("provisions", row.measure)
    sanction.add("sourceUrl", source.get("url"))
    sanction.add("publisher", source.get("outlet"))
    sanction.add("summary", " | ".join(source.get("quotes", [])) or None)
    sanction.add("recordId", row.id)
    return sanction


def sanction_sources(session: Session, rows: list[SanctionRow]) -> dict[str, dict[str, Any]]:
    """Sanction id -> the url and outlet of its document and its evidence sentences."""
    doc_ids = sorted({r.document_id for r in rows if r.document_id})
    docs = {d.id: d for d in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids)))}
    stmt = select(EvidenceRow).where(
        EvidenceRow.record_kind == "sanction", EvidenceRow.record_id.in_([r.id for r in rows])
    )
    quotes: dict[str, list[str]] = {}
    for ev in sorted(session.scalars(stmt), key=lambda e: (e.record_id, e.start)):
        if ev.quote:
            quotes.setdefault(ev.record_id, []).append(ev.quote)
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        doc = docs.get(row.document_id or "")
        out[row.id] = {
            "url": doc.url if doc else None,
            "outlet": doc.outlet if doc else None,
            "quotes": quotes.get(row.id, []),
        }
    return out


def iter_entities(session: Session, since: dt.date | None = None, until: dt.date | None = None) -> Iterator[Any]:
    """Targets (each once, before its first sanction) and sanctions, oldest sanction first."""
    model = ftm_model()
    stmt = select(SanctionRow).order_by(SanctionRow.date.nulls_last(), SanctionRow.id)
    if since:
        stmt = stmt.where(SanctionRow.date >= since)
    if until:
        stmt = stmt.where(SanctionRow.date <= until)
    rows = list(session.scalars(stmt))
    sources = sanction_sources(session, rows)
    written: set[str] = set()
    for row in rows:
        target = target_entity(model, row.target)
        if target.id not in written:
            written.add(target.id)
            yield target
        yield sanction_entity(model, row, target, sources[row.id])


def write_ftm(session: Session, handle: Any, since: dt.date | None = None, until: dt.date | None = None) -> int:
    """Write the entities as JSON lines; return how many."""
    count = 0
    for entity in iter_entities(session, since, until):
        handle.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
