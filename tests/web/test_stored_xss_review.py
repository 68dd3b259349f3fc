"""Stored XSS in what people write (issue 13): edit reasons, rejection reasons, link and acceptance
notes, release notes and the names of people are shown as text on every page that shows them, and in
both written reports.

`test_stored_xss.py` stores a payload in every field a source can set; this file adds, over the same
hostile store, every field the review loop lets a person set: the `why` of an edit, an acceptance
and a statistic link, the reason of a rejection, the note of a release, and the names under which
each change is recorded (an account name and the `--who` of a command-line change). Each page is
requested as an admin, which sees every page; a page must carry no live markup (script body, event
handler, `javascript:` link) and must show the payload escaped where it shows the field at all.
On SQLite and, with MAWGUN_TEST_POSTGRES_URL, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from mawgun.accounts.users import create_user
from mawgun.review.releases import publish_release
from mawgun.review.states import accept_event, edit_event, link_statistic, reject_event
from mawgun.store.db import session_scope
from mawgun.web.auth import SESSION_COOKIE
from web.signin import session_cookie
from web.test_stored_xss import BREAKOUT, SCRIPT, fill_hostile_store, live_markup, tagged

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ACCOUNT = f"{SCRIPT}{BREAKOUT}"  # an account name (64 characters at most) with markup
RELEASE = "r-xss"


def fill_hostile_review(url: str) -> None:
    """The hostile store, then an edit, an acceptance, a link, a rejection and a release whose
    reasons and authors carry the payload, and an account whose name carries it."""
    fill_hostile_store(url)
    with session_scope(url) as session:
        edit_event(session, "ce-xss-0", {"fatalities_best": "5", "fatalities_high": "6"}, tagged("editor"),
                   tagged("why-edit"))  # fmt: skip
        link_statistic(session, "st-xss-0", ["ce-xss-0"], tagged("linker"), tagged("why-link"))
        accept_event(session, "ce-xss-0", tagged("acceptor"), tagged("why-accept"))
        reject_event(session, "ce-formula", tagged("rejecter"), tagged("reason"))
        publish_release(session, RELEASE, tagged("publisher"), tagged("note"))
        create_user(session, "placeholder", "coder", None)
        session.execute(text("UPDATE users SET username = :name WHERE username = 'placeholder'"), {"name": ACCOUNT})


@pytest.fixture
def admin_client(store_url: str) -> Iterator[TestClient]:
    from mawgun.web.app import create_app

    fill_hostile_review(store_url)
    app = create_app(store_url)
    with TestClient(app) as client:
        client.cookies.set(SESSION_COOKIE, session_cookie(app, store_url, "xss-admin", "admin"))
        yield client


MONTH = "period=monthly&date=2024-08-10"
PAGES = {  # page -> the people's fields it shows (the payload must be there, escaped)
    "/review": [],
    "/review?event=ce-xss-0": ["why-edit", "editor"],
    "/review?event=ce-formula&state=rejected": ["reason", "rejecter"],
    "/events/ce-xss-0": ["why-edit", "editor"],
    "/events/ce-formula": ["reason"],
    "/audit": ["why-edit", "editor", "why-link", "linker", "why-accept", "acceptor", "reason", "publisher"],
    "/audit?event=ce-xss-0": ["why-edit", "why-accept"],
    f"/audit?user={quote(tagged('editor'))}": ["why-edit", "editor"],
    "/releases": ["note", "publisher"],
    f"/events?release={RELEASE}": [],
    "/admin/users": [],
    f"/reports?{MONTH}": [],
    f"/reports?{MONTH}&release={RELEASE}": [],
    f"/reports/full.html?{MONTH}": [],
    f"/reports/full.html?{MONTH}&release={RELEASE}": [],
}


@pytest.mark.parametrize("path", list(PAGES))
def test_what_people_write_is_shown_as_text(admin_client: TestClient, path: str) -> None:
    response = admin_client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
    html = response.text
    assert SCRIPT not in html and "<img src=x" not in html
    assert live_markup(html) == []
    for label in PAGES[path]:
        assert f"{label} {ESCAPED}" in html, label  # shown, escaped, not dropped


def test_an_account_name_with_markup_is_shown_as_text_where_accounts_are_listed(admin_client: TestClient) -> None:
    html = admin_client.get("/admin/users").text
    assert ESCAPED in html and live_markup(html) == []


@pytest.mark.parametrize("query", [MONTH, f"{MONTH}&release={RELEASE}"])
def test_the_markdown_report_stays_inert(admin_client: TestClient, query: str) -> None:
    markdown = admin_client.get(f"/reports/full.md?{query}").text
    assert "<script" not in markdown and "<img" not in markdown
    markdown_it = pytest.importorskip("markdown_it")
    assert live_markup(markdown_it.MarkdownIt("commonmark", {"html": True}).render(markdown)) == []
