"""Specification of `cluster_store` and analysts' decisions, on SQLite and PostgreSQL (`store_url`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from mawgun.dedup import cluster_store
from mawgun.dedup.evaluate import Article, gold_record, load_fixture
from mawgun.dedup.store import merge_events, split_event
from mawgun.store.db import session_scope
from mawgun.store.repository import save_document, save_records
from mawgun.store.schema import CanonicalEventRow, ClusterDecisionRow, DocumentLinkRow, EventRow

FIXTURES = Path(__file__).parent / "fixtures"
PAZIGYI = ["b001", "b002", "b003", "b004", "b020"]  # b020 is a syndicated copy of b002
SHAN = ["b008", "b010", "b011", "b012"]  # Hsenwi and Lashio clashes of 27 October 2023


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {a.key: a for a in load_fixture(FIXTURES)}


def store_articles(url: str, articles: dict[str, Article], keys: Sequence[str]) -> None:
    """Save the articles and their gold-like event records, as ingestion and extraction would."""
    with session_scope(url) as session:
        for key in keys:
            article = articles[key]
            save_document(session, article.document)
            records = [gold_record(article, event) for event in article.events]
            save_records(session, article.document.doc_id, records, "gold-fixture")


def canonical_of(url: str) -> dict[str, str | None]:
    with session_scope(url) as session:
        return {row.id: row.canonical_id for row in session.scalars(select(EventRow))}


def canonical_rows(url: str) -> dict[str, CanonicalEventRow]:
    with session_scope(url) as session:
        return {row.id: row for row in session.scalars(select(CanonicalEventRow))}


def test_one_canonical_event_per_real_event_with_fields_derived_from_all_reports(
    store_url: str, articles: dict[str, Article]
) -> None:
    store_articles(store_url, articles, PAZIGYI)
    summary = cluster_store(store_url, progress=False)
    assert summary["canonical_events"] == 1
    (row,) = canonical_rows(store_url).values()
    assert (row.n_reports, row.n_sources, row.n_outlets) == (5, 4, 4)
    assert (row.fatalities_low, row.fatalities_best, row.fatalities_high) == (100, 165, 168)
    assert str(row.date) == "2023-04-11" and row.location == "Pazigyi" and row.admin3 == "Kanbalu"
    assert (str(row.first_reported), str(row.last_reported)) == ("2023-04-11", "2023-04-19")
    assert "MIL" in row.actor1 and {"CIV", "NUG", "PDF"} <= set(row.actor2)
    assert row.origin == "mawgun" and row.explanation["links"] and row.explanation["links"][0]["features"]


def test_syndicated_copy_is_linked_to_its_original_and_not_counted_as_a_source(
    store_url: str, articles: dict[str, Article]
) -> None:
    store_articles(store_url, articles, PAZIGYI)
    cluster_store(store_url, progress=False)
    with session_scope(store_url) as session:
        links = {(r.document_id, r.duplicate_of) for r in session.scalars(select(DocumentLinkRow))}
    assert links == {(articles["b020"].document.doc_id, articles["b002"].document.doc_id)}
    (row,) = canonical_rows(store_url).values()
    assert row.n_sources == row.n_reports - 1


def test_rerunning_gives_the_same_clusters_and_ids(store_url: str, articles: dict[str, Article]) -> None:
    store_articles(store_url, articles, PAZIGYI + SHAN)
    cluster_store(store_url, progress=False)
    first = canonical_of(store_url)
    again = cluster_store(store_url, progress=False)
    assert canonical_of(store_url) == first and again["moved"] == 0 and again["new_records"] == 0
    cluster_store(store_url, progress=False, full=True)
    assert canonical_of(store_url) == first


def test_new_documents_join_existing_clusters_and_keep_their_ids(store_url: str, articles: dict[str, Article]) -> None:
    store_articles(store_url, articles, ["b001", "b003"])
    cluster_store(store_url, progress=False)
    (canonical_id,) = set(canonical_of(store_url).values())
    store_articles(store_url, articles, ["b002", "b004", *SHAN])
    summary = cluster_store(store_url, progress=False)
    assert summary["new_records"] == sum(len(articles[k].events) for k in ["b002", "b004", *SHAN])
    pazigyi_docs = {articles[k].document.doc_id for k in ["b001", "b002", "b003", "b004"]}
    with session_scope(store_url) as session:
        ids = {r.canonical_id for r in session.scalars(select(EventRow).where(EventRow.document_id.in_(pazigyi_docs)))}
    assert ids == {canonical_id}
    assert canonical_rows(store_url)[canonical_id].n_reports == 4


def test_analyst_merge_is_kept_when_clustering_runs_again(store_url: str, articles: dict[str, Article]) -> None:
    store_articles(store_url, articles, SHAN)
    cluster_store(store_url, progress=False)
    hsenwi = gold_record(articles["b012"], articles["b012"].events[0]).record_id
    lashio = gold_record(articles["b011"], articles["b011"].events[0]).record_id
    before = canonical_of(store_url)
    assert before[hsenwi] != before[lashio]
    target = merge_events(store_url, [before[hsenwi], before[lashio]], "tester", "one front line")
    cluster_store(store_url, progress=False, full=True)
    after = canonical_of(store_url)
    assert after[hsenwi] == after[lashio] == target
    assert len(set(after.values())) == 2
    with session_scope(store_url) as session:
        (decision,) = session.scalars(select(ClusterDecisionRow))
        assert (decision.action, decision.who, decision.why) == ("merge", "tester", "one front line")
    assert canonical_rows(store_url)[target].n_reports == 6


def test_analyst_split_is_kept_when_clustering_runs_again(store_url: str, articles: dict[str, Article]) -> None:
    store_articles(store_url, articles, PAZIGYI)
    cluster_store(store_url, progress=False)
    (canonical_id,) = set(canonical_of(store_url).values())
    moved = gold_record(articles["b004"], articles["b004"].events[0]).record_id
    new_id = split_event(store_url, canonical_id, [moved], "tester", "a later raid")
    for full in (False, True):
        cluster_store(store_url, progress=False, full=full)
        assignment = canonical_of(store_url)
        assert assignment[moved] == new_id
        assert sum(1 for c in assignment.values() if c == canonical_id) == 4
    rows = canonical_rows(store_url)
    assert rows[new_id].n_reports == 1 and rows[canonical_id].n_reports == 4


def test_imported_events_are_never_clustered(store_url: str, articles: dict[str, Article]) -> None:
    store_articles(store_url, articles, ["b001"])
    with session_scope(store_url) as session:
        session.add(EventRow(id="ucdp-1", origin="ucdp", event_type="Explosions/Remote violence", admin1="Sagaing"))
    cluster_store(store_url, progress=False)
    assert canonical_of(store_url)["ucdp-1"] is None


def test_a_copy_arriving_later_is_linked_and_adds_a_report_but_no_source(
    store_url: str, articles: dict[str, Article]
) -> None:
    store_articles(store_url, articles, ["b001", "b002", "b003"])
    cluster_store(store_url, progress=False)
    (before,) = canonical_rows(store_url).values()
    store_articles(store_url, articles, ["b020"])
    summary = cluster_store(store_url, progress=False)
    assert summary["near_duplicates"] == 1 and summary["new_records"] == 1
    (after,) = canonical_rows(store_url).values()
    assert after.id == before.id
    assert (after.n_reports, after.n_sources) == (before.n_reports + 1, before.n_sources)
    assert after.explanation["copies"] == [articles["b020"].document.doc_id]


def test_an_incremental_run_loads_only_reports_near_the_new_ones_in_time(
    store_url: str, articles: dict[str, Article]
) -> None:
    store_articles(store_url, articles, ["a016", "a017", "b001", "b003"])
    cluster_store(store_url, progress=False)
    store_articles(store_url, articles, ["b004"])
    summary = cluster_store(store_url, progress=False)
    assert summary["records"] == 3 and summary["new_records"] == 1  # the 2021 Mo So reports stay unloaded
    assert len(set(canonical_of(store_url).values())) == 2
    assert summary["removed"] == 0
