"""The dashboard pages: rendered server-side, escaped, with evidence highlighted."""

from __future__ import annotations

from fastapi.testclient import TestClient

from web.sample_store import LASHIO_SENTENCE, PAZIGYI_SENTENCE


def test_dashboard_shows_figures_filters_map_and_latest_events(client: TestClient) -> None:
    html = client.get("/").text
    assert 'id="event-map"' in html and 'id="timeline"' in html
    assert "Boundaries and place codes: MIMU" in html
    assert "/events/ce-lashio" in html and "/events/ce-pazigyi" in html
    assert '<option value="Battles"' in html
    assert "166" in html  # reported deaths: 160 + 6


def test_dashboard_filters_the_event_list(client: TestClient) -> None:
    html = client.get("/", params={"type": "Battles", "since": "", "admin1": ""}).text
    assert "/events/ce-lashio" in html and "/events/ce-pazigyi" not in html


def test_a_bad_date_on_a_page_is_reported_and_ignored(client: TestClient) -> None:
    response = client.get("/events", params={"since": "last-week"})
    assert response.status_code == 200
    assert "is not a date" in response.text and "/events/ce-pazigyi" in response.text


def test_event_page_highlights_evidence_and_escapes_markup(client: TestClient) -> None:
    html = client.get("/events/ce-lashio").text
    assert f">{LASHIO_SENTENCE}</mark>" in html.replace("&#39;", "'")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    assert "Non-state actor overtakes territory" in html and "MNDAA" in html


def test_document_page_shows_text_escaped_with_its_records(client: TestClient) -> None:
    html = client.get("/documents/doc-lashio").text
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    pazigyi = client.get("/documents/doc-pazigyi").text
    assert f">{PAZIGYI_SENTENCE}</mark>" in pazigyi
    assert "United States" in pazigyi and "displaced" in pazigyi


def test_documents_page_searches_full_text(client: TestClient) -> None:
    html = client.get("/documents", params={"q": "aviation fuel"}).text
    assert "/documents/doc-pazigyi" in html and "/documents/doc-lashio" not in html


def test_control_and_report_pages_render(client: TestClient) -> None:
    assert "MNDAA" in client.get("/control").text
    weekly = client.get("/reports").text
    assert "2024-07-29" in weekly and "Lashio" in weekly
    monthly = client.get("/reports", params={"period": "monthly", "date": "2023-04-20"}).text
    assert "2023-04-01" in monthly and "Kanbalu" in monthly


def test_unknown_event_page_is_a_404_page_for_browsers(client: TestClient) -> None:
    response = client.get("/events/ce-missing", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "<h1>404</h1>" in response.text


def test_static_files_are_served_locally(client: TestClient) -> None:
    assert client.get("/static/dashboard.js").status_code == 200
    assert "mark" in client.get("/static/app.css").text


def test_control_page_answers_for_a_chosen_day(client: TestClient) -> None:
    assert "MNDAA" in client.get("/control", params={"as_of": "2024-08-10"}).text
    assert "MNDAA</b>" not in client.get("/control", params={"as_of": "2024-08-01"}).text


def test_events_page_switches_to_one_row_per_report(client: TestClient) -> None:
    html = client.get("/events", params={"per_report": "true"}).text
    assert "2 event reports" in html and "/events/ev-lashio" in html


def test_figures_page_lists_statistics_and_sanctions_with_their_documents(client: TestClient) -> None:
    html = client.get("/figures").text
    assert "displaced" in html and "1,500,000" in html
    assert "United States" in html and "/documents/doc-pazigyi" in html


def test_only_http_urls_of_documents_are_linked(filled_url: str, client: TestClient) -> None:
    from mawgun.store.db import session_scope
    from mawgun.store.schema import DocumentRow

    with session_scope(filled_url) as session:
        session.get(DocumentRow, "doc-lashio").url = "javascript:alert(1)"  # type: ignore[union-attr]
        session.get(DocumentRow, "doc-pazigyi").url = "https://example.org/pazigyi"  # type: ignore[union-attr]
    assert "javascript:" not in client.get("/documents/doc-lashio").text
    assert "javascript:" not in client.get("/events/ce-lashio").text
    assert 'href="https://example.org/pazigyi"' in client.get("/documents/doc-pazigyi").text


def test_actor_codes_carry_their_registry_names(client: TestClient) -> None:
    from mawgun.web import adapters

    name = adapters.actor_names()["MIL"]
    assert name in client.get("/events/ce-pazigyi").text
    assert f'<abbr title="{name}">MIL</abbr>' in client.get("/events").text.replace("&#39;", "'")


def test_source_filter_appears_when_imports_sit_beside_extracted_events(filled_url: str, client: TestClient) -> None:
    from mawgun.store.db import session_scope
    from mawgun.store.schema import CanonicalEventRow

    assert 'name="origin"' not in client.get("/").text
    with session_scope(filled_url) as session:
        session.add(CanonicalEventRow(id="ce-ucdp", event_type="Battles", origin="ucdp", actor1=[], actor2=[],
                                      tags=[], explanation={}))  # fmt: skip
    html = client.get("/", params={"origin": "ucdp"}).text
    assert 'name="origin"' in html and "UCDP GED" in html
    assert "/events/ce-ucdp" in html and "/events/ce-lashio" not in html


def test_documents_page_filters_by_outlet_and_publication_date(client: TestClient) -> None:
    html = client.get("/documents", params={"outlet": "Test Wire"}).text
    assert "/documents/doc-lashio" in html and "/documents/doc-pazigyi" not in html
    html = client.get("/documents", params={"until": "2023-12-31", "since": ""}).text
    assert "/documents/doc-pazigyi" in html and "/documents/doc-lashio" not in html
    assert '<option value="Test Post"' in html


def test_printable_report_of_the_report_stage_is_served_without_scripts(client: TestClient) -> None:
    assert "/reports/full.html?period=monthly" in client.get("/reports", params={"period": "monthly"}).text
    response = client.get("/reports/full.html", params={"period": "monthly", "date": "2024-08-10"})
    assert response.status_code == 200 and "<svg" in response.text
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    markdown = client.get("/reports/full.md", params={"period": "weekly", "date": "2024-08-03"})
    assert markdown.headers["content-type"].startswith("text/markdown") and "2024" in markdown.text
    assert client.get("/reports/full.pdf").status_code == 404
