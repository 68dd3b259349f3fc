"""The review pages and their write routes, over a store the pipeline built (SQLite and PostgreSQL).

Every write route is tried as an anonymous visitor, a viewer and a coder; the allowed role's change
shows on the event page (human and automatic values), in the audit log, and in a release that
public mode then serves.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from review.review_store import build_store
from review.test_review_library import canonical_ids

from mawgun.review.audit import list_changes
from mawgun.store.db import session_scope
from web.signin import add_reader, bearer, csrf_of, log_in

XSS = "<script>alert('reason')</script>"


@pytest.fixture
def built(store_url: str) -> str:
    build_store(store_url)
    return store_url


@pytest.fixture
def app(built: str) -> Iterator[TestClient]:
    from mawgun.web.app import create_app

    with TestClient(create_app(built)) as client:
        yield client


def write_routes(ids: dict[str, str]) -> list[tuple[str, dict[str, str], str]]:
    """(path, form, the lowest role allowed) of every write route of the review pages."""
    one, two = ids["Pazigyi"], ids["Laukkaing"]
    return [
        (f"/review/{one}/accept", {}, "reviewer"),
        (f"/review/{one}/reject", {"reason": "duplicate"}, "reviewer"),
        (f"/review/{one}/edit", {"fatalities_best": "150", "why": "x"}, "coder"),
        ("/review/merge", {"target": one, "others": two}, "reviewer"),
        (f"/review/{one}/split", {"records": "x"}, "reviewer"),
        (f"/review/{one}/link", {"statistic_id": "st-pazigyi-toll"}, "reviewer"),
        ("/releases", {"name": "r1"}, "reviewer"),
    ]


def test_no_write_without_login_and_role(app: TestClient, built: str) -> None:
    ids = canonical_ids(built)
    for path, form, role in write_routes(ids):
        assert app.post(path, data=form, follow_redirects=False).status_code == 401, path
        assert app.post(path, data=form, headers=bearer(built, "viewer"), follow_redirects=False).status_code == 403
        coder = app.post(path, data=form, headers=bearer(built, "coder"), follow_redirects=False)
        assert coder.status_code == (303 if role == "coder" else 403), path
    with session_scope(built) as session:  # only the coder's edit went through
        assert [c["action"] for c in list_changes(session)] == ["edit"]
    assert app.get("/review", headers=bearer(built, "viewer")).status_code == 403


def test_a_form_post_with_a_session_cookie_needs_the_csrf_token(app: TestClient, built: str) -> None:
    add_reader(built, "reviewer")
    log_in(app, "reader", "a long test passphrase")
    pazigyi = canonical_ids(built)["Pazigyi"]
    refused = app.post(f"/review/{pazigyi}/accept", data={}, follow_redirects=False)
    assert refused.status_code == 403
    token = csrf_of(app.get(f"/review?event={pazigyi}").text)
    done = app.post(f"/review/{pazigyi}/accept", data={"csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303 and "done=accepted" in done.headers["location"]


def test_coder_edits_reviewer_sees_it_with_evidence_then_accepts_rejects_merges_publishes(
    app: TestClient, built: str
) -> None:
    ids = canonical_ids(built)
    pazigyi, laukkaing = ids["Pazigyi"], ids["Laukkaing"]
    coder, reviewer = bearer(built, "coder"), bearer(built, "reviewer")
    edited = app.post(f"/review/{pazigyi}/edit", headers=coder, follow_redirects=False,
                      data={"fatalities_best": "170", "fatalities_high": "170", "why": "count " + XSS})  # fmt: skip
    assert edited.status_code == 303 and "done=edited" in edited.headers["location"]
    bad = app.post(f"/review/{pazigyi}/edit", headers=coder, data={"place": "nowhere"}, follow_redirects=False)
    assert "error=" in bad.headers["location"]

    page = app.get(f"/review?event={pazigyi}", headers=reviewer).text
    assert 'id="review-queue"' in page and "<mark" in page  # the event beside its highlighted evidence
    assert 'data-field="fatalities_best" data-origin="person"' in page
    assert 'data-field="date" data-origin="rule"' in page and "event_dates.event_date" in page
    assert XSS not in page and "&lt;script&gt;alert(" in page

    rejected = app.post(f"/review/{laukkaing}/reject", headers=reviewer, data={"reason": XSS}, follow_redirects=False)
    assert rejected.status_code == 303
    event_page = app.get(f"/events/{laukkaing}", headers=reviewer).text
    assert 'id="event-review-state">rejected' in event_page and XSS not in event_page
    assert app.post(f"/review/{pazigyi}/accept", headers=reviewer, follow_redirects=False).status_code == 303
    linked = app.post(f"/review/{pazigyi}/link", headers=reviewer, data={"statistic_id": "st-pazigyi-toll"},
                      follow_redirects=False)  # fmt: skip
    assert "done=linked" in linked.headers["location"]
    published = app.post("/releases", headers=reviewer, data={"name": "2023-web"}, follow_redirects=False)
    assert "1+reviewed+events" in published.headers["location"]
    stats = app.get("/api/v1/stats?by=event_type&release=2023-web", headers=reviewer).json()
    assert stats["counting"].startswith("release 2023-web") and stats["rows"][0]["fatalities"] == 170
    merged = app.post("/review/merge", headers=reviewer, data={"target": pazigyi, "others": laukkaing, "why": "test"},
                      follow_redirects=False)  # fmt: skip
    assert "done=merged" in merged.headers["location"]
    with session_scope(built) as session:
        from sqlalchemy import select

        from mawgun.store.schema import EventRow

        moved = session.scalars(select(EventRow.id).where(EventRow.document_id == "doc-laukkaing")).one()
    split = app.post(f"/review/{pazigyi}/split", headers=reviewer, data={"records": moved, "why": "not the same"},
                     follow_redirects=False)  # fmt: skip
    assert "split+from" in split.headers["location"]
    audit = app.get("/audit?user=test-reviewer", headers=reviewer).text
    for action in ("reject", "accept", "link", "publish", "merge", "split"):
        assert f'data-action="{action}"' in audit
    assert "Hash chain intact" in audit
    assert 'data-action="edit"' in app.get("/audit?user=test-coder", headers=reviewer).text


def test_public_mode_serves_only_released_events(built: str) -> None:
    from mawgun.review.releases import publish_release
    from mawgun.review.states import accept_event
    from mawgun.web.app import create_app

    ids = canonical_ids(built)
    with TestClient(create_app(built, mode="public")) as public:
        assert public.get("/api/v1/events").json()["total"] == 0  # nothing published yet
        with session_scope(built) as session:
            accept_event(session, ids["Pazigyi"], "rev")
            publish_release(session, "2023-pub", "rev")
            accept_event(session, ids["Laukkaing"], "rev")  # reviewed after the release: not public
        listed = public.get("/api/v1/events").json()
        assert [item["event_id"] for item in listed["items"]] == [ids["Pazigyi"]]
        assert public.get(f"/api/v1/events/{ids['Laukkaing']}").status_code == 404
        assert public.get(f"/api/v1/events/{ids['Pazigyi']}").status_code == 200
        assert public.get("/api/v1/stats?by=event_type&review=drafts").json()["counting"].startswith("release 2023-pub")
        assert public.get("/review").status_code == 401
        assert 'data-release="2023-pub"' in public.get("/releases").text
        report = public.get("/reports?period=monthly&date=2024-01-10").text  # Laukkaing's month: not released
        assert 'id="counting">release 2023-pub' in report and "Laukkaing" not in report
        assert public.get("/api/v1/control?as_of=2024-02-01").json() == []  # Laukkaing's capture is not released
        assert public.get("/api/v1/control?as_of=2024-02-01", headers=bearer(built, "viewer")).json()
        assert public.get("/api/v1/events", headers=bearer(built, "viewer")).json()["total"] == 2
