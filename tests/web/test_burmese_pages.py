"""The dashboard in Burmese: labels, digits and dates by ?lang=my or the cookie /lang/my sets; event pages
keep the coded fields in English beside the Burmese evidence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from web.burmese_store import PAZIGYI_MY, fill_burmese_store
from web.signin import bearer


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    from mawgun.web.app import create_app

    fill_burmese_store(store_url)
    with TestClient(create_app(store_url), headers=bearer(store_url)) as test_client:
        yield test_client


def test_the_dashboard_speaks_burmese_when_asked(client: TestClient) -> None:
    english = client.get("/").text
    assert "Latest events" in english and 'lang="en"' in english
    burmese = client.get("/?lang=my").text
    assert 'lang="my"' in burmese
    assert "နောက်ဆုံး ဖြစ်ရပ်များ" in burmese and "Latest events" not in burmese
    assert "၂၀၂၃ ခုနှစ် ဧပြီ ၁၁ ရက်" in burmese  # the event's date in Burmese digits and month


def test_the_language_switch_is_remembered(client: TestClient) -> None:
    switched = client.get("/lang/my?next=/events", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/events"
    assert "ဖြစ်ရပ်များ" in client.get("/events").text  # the cookie now chooses Burmese
    assert client.get("/lang/xx").status_code == 404
    assert client.get("/lang/my?next=//evil.example", follow_redirects=False).headers["location"] == "/"


def test_an_event_page_shows_the_burmese_evidence_with_english_codes(client: TestClient) -> None:
    events = client.get("/api/v1/events").json()
    (item,) = events["items"]
    page = client.get(f"/events/{item['event_id']}?lang=my").text
    assert "<mark" in page and "ပဇီကြီးကျေးရွာ" in page
    assert "Air/drone strike" in page and "Kanbalu" in page  # the coded fields, an English gloss
    assert "ရင်းမြစ်များနှင့် အထောက်အထား" in page
    assert PAZIGYI_MY[:20] in page


def test_a_converted_zawgyi_document_keeps_its_original_one_click_away(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    icu = pytest.importorskip("icu")
    pytest.importorskip("myanmartools")
    from mawgun.ingest import ingest_paths
    from mawgun.web.app import create_app

    zawgyi = icu.Transliterator.createInstance("my-Zawgyi").transliterate(PAZIGYI_MY)
    source = tmp_path / "statement.txt"
    source.write_text(zawgyi, encoding="utf-8")
    (doc_id,) = ingest_paths([source], url=store_url, progress=False).document_ids
    with TestClient(create_app(store_url), headers=bearer(store_url)) as client:
        page = client.get(f"/documents/{doc_id}").text
    assert PAZIGYI_MY[:30] in page  # the Unicode text is the one shown and highlighted
    assert "Original text (zawgyi" in page and zawgyi[:30] in page


def test_the_events_and_documents_pages_and_their_filters_in_burmese(client: TestClient) -> None:
    events = client.get("/events?lang=my").text
    assert "ဖြစ်ရပ် အမျိုးအစား" in events and "စစ်ထုတ်ရန်" in events and "Event type" not in events
    documents = client.get("/documents?lang=my&q=ပဇီကြီး").text
    assert "စာရွက်စာတမ်း ရှာရန်" in documents and "၂၀၂၃ ခုနှစ် ဧပြီ ၁၂ ရက်" in documents
    assert "ပဇီကြီး" in documents
