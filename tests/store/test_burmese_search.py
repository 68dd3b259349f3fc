"""Searching Burmese text in both databases (SQLite and, with MAWGUN_TEST_POSTGRES_URL, PostgreSQL): a
Burmese word inside unspaced text, and an English place name that finds the place's Burmese form. Texts
written for these tests."""

from __future__ import annotations

import datetime as dt

from mawgun.ids import document_id
from mawgun.model import Document
from mawgun.query import documents as query_documents
from mawgun.store.db import session_scope
from mawgun.store.repository import list_documents, save_document

KANBALU = "စစ်ကိုင်းတိုင်း ကန့်ဘလူမြို့နယ် ပဇီကြီးကျေးရွာကို ဧပြီ ၁၁ ရက်နေ့က လေကြောင်းတိုက်ခိုက်ခဲ့သည်။"
LOIKAW = "ကယားပြည်နယ် လွိုင်ကော်မြို့ကို လက်နက်ကြီးဖြင့် ပစ်ခတ်ခဲ့သည်။"
ENGLISH = "Junta troops shelled villages in Kanbalu Township on Monday."


def store(url: str) -> None:
    with session_scope(url) as session:
        for text in (KANBALU, LOIKAW, ENGLISH):
            save_document(session, Document(doc_id=document_id(text), text=text, published=dt.date(2023, 4, 12)))


def web_search(url: str, query: str) -> set[str]:
    with session_scope(url) as session:
        conditions = query_documents.document_conditions(session, q=query)
        _total, rows = query_documents.list_documents(session, conditions, 50, 0)
    return {row["id"] for row in rows}


def test_a_burmese_word_is_found_inside_unspaced_text(store_url: str) -> None:
    store(store_url)
    assert web_search(store_url, "ပဇီကြီး") == {document_id(KANBALU)}
    assert web_search(store_url, "လက်နက်ကြီး") == {document_id(LOIKAW)}


def test_an_english_place_name_finds_its_burmese_form(store_url: str) -> None:
    store(store_url)
    assert web_search(store_url, "Kanbalu") == {document_id(KANBALU), document_id(ENGLISH)}
    assert web_search(store_url, "Loikaw") == {document_id(LOIKAW)}
    with session_scope(store_url) as session:
        found = {d.doc_id for d in list_documents(session, query="Kanbalu")}
    assert found == {document_id(KANBALU), document_id(ENGLISH)}


def test_other_english_words_do_not_pull_in_burmese_text(store_url: str) -> None:
    store(store_url)
    assert web_search(store_url, "shelled") == {document_id(ENGLISH)}
