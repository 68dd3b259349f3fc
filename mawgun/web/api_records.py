"""HTTP API for documents, statistics, sanctions, places, actors and map boundaries."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response

from mawgun.query import documents as query_documents
from mawgun.query.search import snippet_html
from mawgun.web import adapters
from mawgun.web.api_events import CSV_RESPONSE, NOT_FOUND, Format
from mawgun.web.boundaries import boundaries_json
from mawgun.web.deps import Limit, Offset, SessionDep, check_dates, clean_text
from mawgun.web.formats import to_csv
from mawgun.web.places import lookup_place, search_places
from mawgun.web.responses import json_bytes
from mawgun.web.schemas import (
    ActorOut,
    Boundaries,
    DocumentDetail,
    DocumentSummary,
    Page,
    PlaceOut,
    SanctionOut,
    StatisticOut,
)

router = APIRouter(prefix="/api/v1")
Since = Annotated[dt.date | None, Query(description="First day (ISO date), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Last day (ISO date), inclusive.")]
ShortText = Annotated[str | None, Query(max_length=200)]


def _page(total: int, limit: int, offset: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/documents", response_model=Page[DocumentSummary], responses=CSV_RESPONSE, tags=["documents"])
def list_documents(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search words (all must occur).")] = None,
    outlet: ShortText = None,
    language: Annotated[str | None, Query(max_length=10)] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[
        Literal["-published", "published", "-ingested", "ingested"], Query(description="Order; minus = newest first.")
    ] = "-published",
    format: Format = "json",
) -> Any:
    """Documents matching a full-text search and filters, newest first (text omitted)."""
    for name, value in {"q": q, "outlet": outlet, "language": language}.items():
        clean_text(value, name)
    check_dates(since, until)
    conditions = query_documents.document_conditions(session, q, outlet, since, until, language)
    total, items = query_documents.list_documents(session, conditions, limit, offset, sort)
    items = [item | {"snippet": str(snippet_html(item.pop("snippet", None))) or None}
             for item in query_documents.add_snippets(session, items, q)]  # fmt: skip
    if format == "csv":
        return Response(to_csv(items, list(query_documents.SUMMARY_COLUMNS)), media_type="text/csv")
    return _page(total, limit, offset, items)


@router.get("/documents/{doc_id:path}", response_model=DocumentDetail, responses=NOT_FOUND, tags=["documents"])
def get_document(
    session: SessionDep, doc_id: Annotated[str, Path(description="A document id (doc-...).", max_length=100)]
) -> Any:
    """One document: its text, metadata, the records read from it and their evidence spans."""
    clean_text(doc_id, "doc_id", "path")
    document = query_documents.get_document(session, doc_id)
    if document is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id}")
    return document


@router.get("/statistics", response_model=Page[StatisticOut], responses=CSV_RESPONSE, tags=["records"])
def list_statistics(
    session: SessionDep,
    metric: ShortText = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Aggregate figures sources report (displaced people, airstrikes...), by reporting period."""
    clean_text(metric, "metric")
    check_dates(since, until)
    table = query_documents.STATISTICS
    conditions = query_documents.statistic_conditions(metric, since, until)
    order = table.c.period_start.desc().nulls_last()
    total, items = query_documents.list_records(session, table, conditions, limit, offset, order)
    if format == "csv":
        return Response(to_csv(items, list(StatisticOut.model_fields)), media_type="text/csv")
    return _page(total, limit, offset, items)


@router.get("/sanctions", response_model=Page[SanctionOut], responses=CSV_RESPONSE, tags=["records"])
def list_sanctions(
    session: SessionDep,
    authority: ShortText = None,
    target: ShortText = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    """Sanctions announced or reported: who imposed them, on whom, when."""
    clean_text(authority, "authority")
    clean_text(target, "target")
    check_dates(since, until)
    table = query_documents.SANCTIONS
    conditions = query_documents.sanction_conditions(authority, target, since, until)
    total, items = query_documents.list_records(session, table, conditions, limit, offset, table.c.date.desc())
    if format == "csv":
        return Response(to_csv(items, list(SanctionOut.model_fields)), media_type="text/csv")
    return _page(total, limit, offset, items)


@router.get("/places", response_model=list[PlaceOut], tags=["places"])
def find_places(
    q: Annotated[str, Query(min_length=1, max_length=100, description="A place name.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    """Gazetteer search (MIMU P-codes): the best-matching places for a name."""
    clean_text(q, "q")
    return search_places(q, limit)


@router.get("/places/{pcode}", response_model=PlaceOut, responses=NOT_FOUND, tags=["places"])
def get_place(pcode: Annotated[str, Path(description="A MIMU P-code (MMR015001).", max_length=30)]) -> Any:
    """One place by its MIMU P-code."""
    clean_text(pcode, "pcode", "path")
    place = lookup_place(pcode)
    if place is None:
        raise HTTPException(status_code=404, detail=f"no place {pcode}")
    return place


@router.get("/actors", response_model=list[ActorOut], tags=["actors"])
def list_actors(alliance: ShortText = None) -> Any:
    """The actor registry (optionally one alliance's members)."""
    clean_text(alliance, "alliance")
    actors = [a for a in adapters.list_actors() if a["actor_id"]]
    if alliance:
        actors = [a for a in actors if alliance in a["alliances"] or a["actor_id"] == alliance]
    return actors


@router.get("/actors/resolve", response_model=ActorOut, responses=NOT_FOUND, tags=["actors"])
def resolve_actor(name: Annotated[str, Query(min_length=1, max_length=200)]) -> Any:
    """The registry actor a name as written in the news stands for."""
    clean_text(name, "name")
    actor = adapters.resolve_actor(name)
    if actor is None or not actor["actor_id"]:
        raise HTTPException(status_code=404, detail=f"no actor for {name!r}")
    return actor


@router.get("/boundaries/{level}", response_model=Boundaries, tags=["map"])
def get_boundaries(level: Literal["admin1", "admin3"], request: Request) -> Any:
    """Simplified state/region or township outlines (MIMU) for drawing the map."""
    return json_bytes(request, boundaries_json(level), cache_control="public, max-age=86400")
