"""`mawgun serve` shows each watched source's health: the JSON route and the dashboard panel."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from mawgun.sources.catalog import SourceSpec, add_source
from mawgun.store.db import session_scope
from mawgun.store.schema import SourceItemRow, SourceRow, utcnow
from web.signin import bearer


def fill_sources(url: str) -> None:
    """One healthy source with two items read today (one yesterday), one failing, one disabled."""
    now = utcnow()
    with session_scope(url) as session:
        good = add_source(session, SourceSpec("wire", "feed", "https://example.org/feed.xml", outlet="Test Wire"))
        good.last_success_at = now
        bad = add_source(session, SourceSpec("broken", "feed", "https://example.org/broken.xml"))
        bad.failures, bad.last_error, bad.last_error_at = 2, "HTTP 500 (server trouble; will try again)", now
        add_source(session, SourceSpec("off", "page", "https://example.org/page", enabled=False))
        for n, at in enumerate((now, now, now - dt.timedelta(days=2))):
            session.add(SourceItemRow(source_id=good.id, url=f"https://example.org/a{n}", status="read", attempts=1,
                                      at=at))  # fmt: skip


def test_the_api_lists_each_source_with_its_health(sqlite_url: str) -> None:
    from mawgun.web.app import create_app

    fill_sources(sqlite_url)
    with TestClient(create_app(sqlite_url), headers=bearer(sqlite_url)) as client:
        response = client.get("/api/v1/sources")
    assert response.status_code == 200
    health = {row["name"]: row for row in response.json()}
    assert health["wire"]["state"] == "ok" and health["wire"]["items_today"] == 2
    assert health["wire"]["last_success_at"].endswith("Z")
    assert health["broken"]["state"] == "failing" and health["broken"]["last_error"].startswith("HTTP 500")
    assert health["off"]["state"] == "disabled"


def test_the_sources_panel_shows_failing_sources_first(sqlite_url: str) -> None:
    from mawgun.web.app import create_app

    fill_sources(sqlite_url)
    with TestClient(create_app(sqlite_url), headers=bearer(sqlite_url)) as client:
        page = client.get("/sources", headers={"accept": "text/html"})
    assert page.status_code == 200
    html = page.text
    assert html.index("broken") < html.index("wire") and "HTTP 500" in html
    assert 'href="/sources"' in html


def test_the_panel_says_how_to_add_sources_when_there_are_none(sqlite_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(sqlite_url), headers=bearer(sqlite_url)) as client:
        assert "mawgun sources add" in client.get("/sources").text
    with session_scope(sqlite_url) as session:
        assert session.query(SourceRow).count() == 0
