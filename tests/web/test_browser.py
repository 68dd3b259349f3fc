"""End to end in headless Chromium: the dashboard loads, filters, and shows highlighted evidence."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web.sample_store import LASHIO_SENTENCE, fill_store
from web.signin import add_reader, browser_log_in

CHROMIUM = Path(os.environ.get("MAWGUN_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(sqlite_url: str) -> Iterator[str]:
    """The web app on a filled store, served by uvicorn on a free local port in a thread."""
    import uvicorn

    from mawgun.web.app import create_app

    fill_store(sqlite_url)
    add_reader(sqlite_url)
    port = free_port()
    config = uvicorn.Config(create_app(sqlite_url), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        browser_log_in(pg, server)
        pg.errors = []  # type: ignore[attr-defined]
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
        yield pg
        browser.close()


def test_dashboard_filter_and_event_evidence_without_console_errors(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.wait_for_selector("#event-map.ready", timeout=15000)
    page.wait_for_selector("#timeline.ready svg rect", timeout=15000)
    assert page.locator("#event-map").get_attribute("data-shown") == "2"
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

    page.select_option("select[name=type]", "Battles")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#event-map.ready", timeout=15000)
    assert "type=Battles" in page.url
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1
    assert page.locator("#event-map").get_attribute("data-shown") == "1"

    page.click("table.events tbody tr a")
    page.wait_for_selector("mark")
    assert LASHIO_SENTENCE in page.locator("mark").first.inner_text()
    assert "<script>alert('x')</script>" in page.locator(".doc-text").first.inner_text()
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]


def test_control_reports_and_documents_pages_render_without_errors(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/control")
    page.wait_for_selector("#map.ready svg", timeout=15000)
    assert "MNDAA" in page.locator("table.events").inner_text()
    page.goto(server + "/reports?period=monthly&date=2024-08-10")
    assert "Lashio" in page.content()
    page.goto(server + "/documents?q=Pazigyi")
    assert page.locator("table.events tbody tr").count() == 1
    page.goto(server + "/api")
    assert "/api/v1/events" in page.content()
    assert page.errors == []  # type: ignore[attr-defined]
