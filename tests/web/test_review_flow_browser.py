"""The whole analyst flow in headless Chromium, on a private server started like `mawgun serve`.

The first admin is created on the command line (`mawgun users add --role admin --password-stdin`), as a
new installation does. In the browser: the admin adds a coder, a reviewer and a viewer on /admin/users;
the coder corrects a draft's death toll; the reviewer finds the change beside its evidence, merges the
two reports of one airstrike that deduplication left apart, accepts the merged event and publishes a
release; the viewer sees the release and its event; the audit log lists every step. Then `mawgun audit
verify` passes, and fails once a row of the log is altered in the database. On SQLite and, with
MAWGUN_TEST_POSTGRES_URL, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import EventRow
from web.sample_store import canonical_row

CHROMIUM = Path(os.environ.get("MAWGUN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent")]

# Two outlets' accounts of the airstrike on Pazigyi village (11 April 2023), written for this test.
WIRE_TEXT = (
    "Witnesses said a military jet bombed a crowd at the opening of a local administration office in "
    "Pazigyi village, Kanbalu Township, on Tuesday 11 April 2023, and that about 100 bodies had been found."
)
POST_TEXT = (
    "Residents of Pazigyi in Sagaing Region buried victims of the air attack of 11 April 2023 on a village "
    "ceremony; volunteers counted 165 dead, among them children."
)
WIRE_SENTENCE = "a military jet bombed a crowd at the opening of a local administration office in Pazigyi village"
POST_SENTENCE = "buried victims of the air attack of 11 April 2023 on a village ceremony"
PASSWORDS = {"admin": "the admin's passphrase", "kyaw": "the coder's passphrase",
             "thida": "the reviewer's passphrase", "mya": "the viewer's passphrase"}  # fmt: skip


def report(record_id: str, doc_id: str, text_: str, sentence: str, deaths: int) -> EventRecord:
    start = text_.index(sentence)
    place = Place(admin1="Sagaing", admin1_pcode="MMR005", admin3="Kanbalu", admin3_pcode="MMR005007",
                  location="Pazigyi", latitude=23.19, longitude=95.52, geo_precision=1)  # fmt: skip
    return EventRecord(
        record_id=record_id, doc_id=doc_id, event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", date=dt.date(2023, 4, 11),
        provenance=Provenance(component="test-fixture", version="1", confidence=0.6, rule="airstrike"),
        place=place, actor1=[ActorRef("military jet", "MIL")], actor2=[ActorRef("villagers", "CIV")],
        fatalities=deaths, evidence=[Span(start, start + len(sentence), sentence)],
    )  # fmt: skip


def fill_two_reports(url: str) -> None:
    """Two documents, one report each, left as two canonical draft events."""
    with session_scope(url) as session:
        for doc_id, outlet, text_, sentence, deaths, event_id in (
            ("doc-wire", "Test Wire", WIRE_TEXT, WIRE_SENTENCE, 100, "ce-wire"),
            ("doc-post", "Test Post", POST_TEXT, POST_SENTENCE, 165, "ce-post"),
        ):
            document = Document(doc_id=doc_id, text=text_, title=f"Pazigyi ({outlet})", outlet=outlet,
                                published=dt.date(2023, 4, 12), language="en")  # fmt: skip
            repository.save_document(session, document)
            record = report(f"ev-{doc_id}", doc_id, text_, sentence, deaths)
            repository.save_records(session, doc_id, [record], "test-1")
            session.add(canonical_row(event_id, record))
            session.flush()
            session.get(EventRow, record.record_id).canonical_id = event_id  # type: ignore[union-attr]


def cli(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    from mawgun.cli.main import app

    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture
def server(store_url: str) -> Iterator[str]:
    import uvicorn

    from mawgun.web.app import create_app

    fill_two_reports(store_url)
    made = cli("users", "add", "admin", "--role", "admin", "--password-stdin", "--who", "setup", "--db", store_url,
               input=PASSWORDS["admin"] + "\n")  # fmt: skip
    assert made.exit_code == 0, made.output
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    uv = uvicorn.Server(uvicorn.Config(create_app(store_url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


def log_in(page, server: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    assert "/login" in page.url  # private: the dashboard sends anonymous visitors to the login page
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORDS[username])
    page.click("form.login-form button[type=submit]")
    page.wait_for_selector("#signed-in")
    assert page.inner_text("#signed-in").startswith(username)


def outcome(page) -> str:  # type: ignore[no-untyped-def]
    """What the review or release page says about the last action (its message, or its error)."""
    page.wait_for_selector(".notice")
    return str(page.locator(".notice").first.inner_text())


def log_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("#logout")
    page.wait_for_url("**/login")


def test_admin_coder_reviewer_viewer_flow_with_audit(server: str, store_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        # The admin adds a coder, a reviewer and a viewer.
        log_in(page, server, "admin")
        page.click("a[href='/admin/users']")
        for username, role in (("kyaw", "coder"), ("thida", "reviewer"), ("mya", "viewer")):
            page.fill("#add-user input[name=username]", username)
            page.select_option("#add-user select[name=role]", role)
            page.fill("#add-user input[name=password]", PASSWORDS[username])
            page.click("#add-user button[type=submit]")
            assert page.inner_text("#admin-message") == f"added {username} ({role})"
        roles = {row.get_attribute("data-username"): row.inner_text() for row in page.locator("#users tbody tr").all()}
        assert set(roles) == {"admin", "kyaw", "thida", "mya"}
        page.screenshot(path=str(tmp_path / "1-admin-users.png"), full_page=True)
        log_out(page)

        # The coder corrects the wire's death toll on its draft.
        log_in(page, server, "kyaw")
        page.goto(server + "/review?event=ce-wire")
        assert page.inner_text("#review-state") == "draft"
        assert page.locator("#accept-form").count() == 0  # a coder edits; only a reviewer accepts
        page.click("#edit-panel summary")
        page.fill("#edit-fatalities_best", "165")
        page.fill("#edit-fatalities_high", "165")  # the wire's 100 stays the low end
        page.fill("#edit-why", "the volunteers' count reported by Test Post")
        page.click("#edit-button")
        assert outcome(page) == "edited"
        log_out(page)

        # The reviewer sees the change beside its evidence, merges the two reports, accepts, publishes.
        log_in(page, server, "thida")
        page.goto(server + "/review?event=ce-wire")
        toll = page.locator("#field-origins tr[data-origin='person']")
        assert toll.count() >= 1 and "165" in toll.first.inner_text() and "kyaw" in toll.first.inner_text()
        assert WIRE_SENTENCE in page.locator("#review-event mark").first.inner_text()
        page.screenshot(path=str(tmp_path / "2-review.png"), full_page=True)
        page.click("#merge-panel summary")
        page.fill("#merge-others", "ce-post")
        page.click("#merge-button")
        assert outcome(page) == "merged"
        merged = page.inner_text("#review-event-link")
        marks = " ".join(page.locator("#review-event mark").all_inner_texts())
        assert WIRE_SENTENCE in marks and POST_SENTENCE in marks  # both sources' evidence on one event
        page.click("#accept-button")
        assert outcome(page) == "accepted"
        assert page.inner_text("#review-state") == "reviewed"
        page.goto(server + "/releases")
        page.fill("#release-name", "2023-04-pazigyi")
        page.click("#publish-button")
        assert "published 2023-04-pazigyi: 1 reviewed events" in outcome(page)
        log_out(page)

        # The viewer sees the release and its event.
        log_in(page, server, "mya")
        page.goto(server + "/releases")
        row = page.locator("#releases tr[data-release='2023-04-pazigyi']")
        assert "thida" in row.inner_text()
        row.locator("a", has_text="events").click()
        page.wait_for_load_state()
        assert page.locator(f"a[href='/events/{merged}']").count() >= 1
        assert page.locator("#publish-form").count() == 0  # a viewer cannot publish

        # The audit log lists every step, by the person who took it.
        page.goto(server + "/audit")
        assert "Hash chain intact" in page.inner_text("#audit-verdict")
        steps = [
            (r.locator("td").nth(2).inner_text(), r.get_attribute("data-action"))
            for r in page.locator("#audit-log tr.audit-row").all()
        ]
        page.screenshot(path=str(tmp_path / "3-audit.png"), full_page=True)
        browser.close()
    expected = [("setup", "user.add"), ("admin", "user.add"), ("admin", "user.add"), ("admin", "user.add"),
                ("kyaw", "edit"), ("thida", "merge"), ("thida", "accept"), ("thida", "publish")]  # fmt: skip
    assert steps == expected
    assert errors == []

    verified = cli("audit", "verify", "--db", store_url)
    assert verified.exit_code == 0 and "intact: 8 rows" in verified.output, verified.output
    with session_scope(store_url) as session:
        session.execute(text("UPDATE audit_log SET why = 'nothing changed' WHERE action = 'edit'"))
    tampered = cli("audit", "verify", "--db", store_url)
    assert tampered.exit_code == 1 and "broken at row 5" in tampered.output, tampered.output
