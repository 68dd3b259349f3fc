"""Document search folds word forms and spellings, and shows where the hit is.

"airstrike" finds a text that writes "airstrikes" (the stemmed index of migration 0006); "Pazigyi"
finds "Pa Zi Gyi" and the other way round; each hit comes with a snippet, the hit in <mark>. The
texts are written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from web.signin import bearer

from mawgun.model import Document
from mawgun.query import documents as query_documents
from mawgun.query.search import fts5_query, snippet_html
from mawgun.store import repository
from mawgun.store.db import session_scope

DOCS = [
    ("doc-plural", "Jets over Sagaing", "Residents counted three airstrikes on villages near Kani in one night."),
    ("doc-spaced", "Memorial in Kanbalu", "Families gathered in Pa Zi Gyi village a year after the bombing there."),
    ("doc-other", "Rice prices", "Markets in Mandalay saw rice prices rise again this month."),
]


@pytest.fixture
def docs_url(store_url: str) -> str:
    with session_scope(store_url) as session:
        for doc_id, title, body in DOCS:
            repository.save_document(
                session,
                Document(doc_id=doc_id, text=body, title=title, outlet="Test Wire", published=dt.date(2024, 4, 11)),
            )
    return store_url


def found(url: str, query: str) -> dict[str, str | None]:
    with session_scope(url) as session:
        conditions = query_documents.document_conditions(session, query)
        _, docs = query_documents.list_documents(session, conditions, 10, 0)
        docs = query_documents.add_snippets(session, docs, query)
    return {doc["id"]: doc.get("snippet") for doc in docs}


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [("airstrike", "doc-plural"), ("airstrikes", "doc-plural"), ("Pazigyi", "doc-spaced"), ("pa zi gyi", "doc-spaced")],
)
def test_word_forms_and_spellings_find_the_same_document(docs_url: str, query: str, doc_id: str) -> None:
    assert list(found(docs_url, query)) == [doc_id]


def test_a_snippet_marks_the_hit(docs_url: str) -> None:
    snippet = found(docs_url, "airstrike")["doc-plural"]
    assert "<mark>airstrikes</mark>" in snippet_html(snippet)
    assert "<mark>Pa Zi Gyi</mark>" in snippet_html(found(docs_url, "Pazigyi")["doc-spaced"])


def test_search_syntax_is_text_not_syntax() -> None:
    assert fts5_query('NEAR "x" *') is not None and fts5_query('"') is None


def test_the_dashboard_and_the_api_show_snippets(docs_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(docs_url), headers=bearer(docs_url)) as client:
        page = client.get("/documents", params={"q": "airstrike"}).text
        api = client.get("/api/v1/documents", params={"q": "Pazigyi"}).json()
    assert "<mark>airstrikes</mark>" in page and "Rice prices" not in page
    assert [item["id"] for item in api["items"]] == ["doc-spaced"] and "<mark>Pa Zi Gyi</mark>" in api["items"][0][
        "snippet"
    ]
