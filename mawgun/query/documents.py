"""Reading documents, statistics and sanctions: search, pages, one document with its records.

Document search uses the store's full-text index: FTS5 on SQLite (`documents_fts`, porter-stemmed), a
GIN `to_tsvector('english', ...)` index on PostgreSQL; the queries (word forms, spellings, quoting) are
written by `mawgun.query.search`. A search answers each document with a snippet around its hit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, Table, and_, bindparam, column, false, func, literal_column, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from mawgun.query.cache import cached
from mawgun.query.events import DOCUMENTS, EVIDENCE, REPORTS, report_dicts
from mawgun.query.search import CONFIG, HIT_END, HIT_START, fts5_query, pg_tsquery
from mawgun.store.schema import SanctionRow, StatisticRow

STATISTICS: Table = StatisticRow.__table__  # type: ignore[assignment]
SANCTIONS: Table = SanctionRow.__table__  # type: ignore[assignment]

SUMMARY_COLUMNS = ("id", "title", "outlet", "url", "published", "published_precision", "language", "kind", "origin")


def search_condition(session: Session, query: str) -> ColumnElement[bool]:
    """Documents matching every word of `query`: Burmese words (written without spaces between words) as
    substrings, other words through the full-text index; a query naming a place in English also finds the
    place's Burmese name."""
    from mawgun.store.place_forms import BURMESE_RE, burmese_forms

    burmese = [w for w in query.split() if BURMESE_RE.search(w)]
    others = " ".join(w for w in query.split() if not BURMESE_RE.search(w))
    parts = [_contains(w) for w in burmese] + ([_fulltext_condition(session, others)] if others else [])
    condition = and_(*parts)
    forms = burmese_forms(query)
    return or_(condition, *(_contains(form) for form in forms)) if forms else condition


def _contains(word: str) -> ColumnElement[bool]:
    like = f"%{word.replace('%', '').replace('_', '')}%"
    return or_(DOCUMENTS.c.text.like(like), DOCUMENTS.c.title.like(like))


def _fulltext_condition(session: Session, query: str) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "postgresql":
        # written as the GIN index expression of migration 0006, so PostgreSQL can use the index
        tsquery = pg_tsquery(query)
        if tsquery is None:  # only punctuation or syntax characters: nothing to find, not a syntax error
            return false()
        vector = func.to_tsvector(CONFIG, func.coalesce(DOCUMENTS.c.title, "") + " " + DOCUMENTS.c.text)
        return vector.op("@@")(func.to_tsquery(CONFIG, tsquery))
    match = fts5_query(query) or '""'
    matches = text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts").bindparams(fts=match)
    return literal_column("documents.rowid").in_(matches.columns(column("rowid", Integer)))


def document_conditions(
    session: Session,
    q: str | None = None,
    outlet: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    language: str | None = None,
) -> list[ColumnElement[bool]]:
    """SQL conditions for a document search."""
    conditions: list[ColumnElement[bool]] = []
    if q and q.strip():
        conditions.append(search_condition(session, q.strip()))
    if outlet:
        conditions.append(DOCUMENTS.c.outlet.ilike(outlet))
    if since:
        conditions.append(DOCUMENTS.c.published >= since)
    if until:
        conditions.append(DOCUMENTS.c.published <= until)
    if language:
        conditions.append(DOCUMENTS.c.language == language)
    return conditions


def list_documents(
    session: Session, conditions: list[ColumnElement[bool]], limit: int, offset: int, sort: str = "-published"
) -> tuple[int, list[dict[str, Any]]]:
    """A page of document summaries (no text) matching the conditions, with the total."""
    where = and_(True, *conditions)
    total = int(session.execute(select(func.count()).select_from(DOCUMENTS).where(where)).scalar_one())
    column = DOCUMENTS.c.published if sort.lstrip("-") == "published" else DOCUMENTS.c.ingested_at
    order = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
    stmt = select(*[DOCUMENTS.c[c] for c in SUMMARY_COLUMNS]).where(where)
    stmt = stmt.order_by(order, DOCUMENTS.c.id).limit(limit).offset(offset)
    return total, [dict(row._mapping) for row in session.execute(stmt)]


def add_snippets(session: Session, documents: list[dict[str, Any]], query: str | None) -> list[dict[str, Any]]:
    """Each document of a search page with `snippet`: the text around its hit, hits between
    HIT_START/HIT_END (`mawgun.query.search.snippet_html` turns them into <mark>)."""
    ids = [doc["id"] for doc in documents]
    if not query or not query.strip() or not ids:
        return documents
    if session.get_bind().dialect.name == "postgresql":
        tsquery = pg_tsquery(query)
        if tsquery is None:
            return documents
        options = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2"
        tsq = func.to_tsquery(CONFIG, tsquery)
        stmt = select(DOCUMENTS.c.id, func.ts_headline(CONFIG, DOCUMENTS.c.text, tsq, options))
        found = dict(session.execute(stmt.where(DOCUMENTS.c.id.in_(ids))).tuples().all())
    else:
        sql = text(
            "SELECT d.id, snippet(documents_fts, -1, :start, :end, '…', 24) FROM documents_fts "
            "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH :fts AND d.id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        params = {"start": HIT_START, "end": HIT_END, "fts": fts5_query(query) or '""', "ids": ids}
        found = dict(session.execute(sql, params).tuples().all())
    return [doc | {"snippet": found.get(doc["id"])} for doc in documents]


def get_document(session: Session, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, the records read from it and their evidence spans."""
    row = session.execute(select(DOCUMENTS).where(DOCUMENTS.c.id == doc_id)).first()
    if row is None:
        return None
    document = dict(row._mapping)
    reports = session.execute(select(REPORTS).where(REPORTS.c.document_id == doc_id).order_by(REPORTS.c.date))
    document["events"] = report_dicts(session, [dict(r._mapping) for r in reports])
    document["statistics"] = _rows(session, select(STATISTICS).where(STATISTICS.c.document_id == doc_id))
    document["sanctions"] = _rows(session, select(SANCTIONS).where(SANCTIONS.c.document_id == doc_id))
    evidence = select(EVIDENCE).where(EVIDENCE.c.document_id == doc_id).order_by(EVIDENCE.c.start)
    document["evidence"] = _rows(session, evidence)
    return document


def _rows(session: Session, stmt: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in session.execute(stmt)]


def list_records(
    session: Session, table: Table, conditions: list[ColumnElement[bool]], limit: int, offset: int, order: Any
) -> tuple[int, list[dict[str, Any]]]:
    """A page of statistics or sanctions with the total count."""
    where = and_(True, *conditions)
    total = int(session.execute(select(func.count()).select_from(table).where(where)).scalar_one())
    stmt = select(table).where(where).order_by(order, table.c.id).limit(limit).offset(offset)
    return total, _rows(session, stmt)


def statistic_conditions(metric: str | None, since: dt.date | None, until: dt.date | None) -> list[ColumnElement[bool]]:
    """Conditions on statistics: metric, and a reporting period overlapping [since, until]."""
    conditions: list[ColumnElement[bool]] = []
    if metric:
        conditions.append(STATISTICS.c.metric == metric)
    if since:
        conditions.append(func.coalesce(STATISTICS.c.period_end, STATISTICS.c.period_start) >= since)
    if until:
        conditions.append(func.coalesce(STATISTICS.c.period_start, STATISTICS.c.period_end) <= until)
    return conditions


def sanction_conditions(
    authority: str | None, target: str | None, since: dt.date | None, until: dt.date | None
) -> list[ColumnElement[bool]]:
    """Conditions on sanctions: authority, target (substring), date range."""
    conditions: list[ColumnElement[bool]] = []
    if authority:
        conditions.append(SANCTIONS.c.authority.ilike(f"%{authority}%"))
    if target:
        conditions.append(SANCTIONS.c.target.ilike(f"%{target}%"))
    if since:
        conditions.append(SANCTIONS.c.date >= since)
    if until:
        conditions.append(SANCTIONS.c.date <= until)
    return conditions


def distinct_outlets(session: Session) -> list[str]:
    """The outlets documents came from, sorted (the documents page's choices; cached)."""
    return cached(session, "outlets", (), lambda: _distinct_outlets(session))


def _distinct_outlets(session: Session) -> list[str]:
    stmt = select(DOCUMENTS.c.outlet).where(DOCUMENTS.c.outlet.is_not(None)).group_by(DOCUMENTS.c.outlet)
    return sorted(str(v) for (v,) in session.execute(stmt) if v)
