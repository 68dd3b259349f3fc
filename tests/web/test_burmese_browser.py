"""In headless Chromium: the dashboard switched to Burmese, and an event page with its Burmese evidence
highlighted beside the English codes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web.burmese_store import fill_burmese_store
from web.signin import add_reader, browser_log_in
from web.test_browser import ARGS, CHROMIUM, free_port

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent"),
]


@pytest.fixture
def server(sqlite_url: str) -> Iterator[str]:
    import uvicorn

    from mawgun.web.app import create_app

    fill_burmese_store(sqlite_url)
    add_reader(sqlite_url)
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(sqlite_url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


def test_dashboard_in_burmese_and_event_with_burmese_evidence(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        browser_log_in(page, server)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server + "/")
        page.wait_for_selector("#event-map.ready", timeout=15000)
        assert page.locator("html").get_attribute("lang") == "en"
        page.click("#lang-my")
        page.wait_for_selector("#event-map.ready", timeout=15000)
        assert "ကချင်ပြည်နယ်" in page.locator("#event-map .state-label").all_inner_texts()  # MIMU's Burmese names
        assert page.locator("#map-period-label").inner_text().startswith(("လအားလုံး", "အပတ်အားလုံး"))  # all months/weeks
        assert page.locator("html").get_attribute("lang") == "my"
        assert page.locator("nav a").first.inner_text() == "ဒက်ရှ်ဘုတ်"
        assert page.locator("#total-events").inner_text() == "၁"
        page.screenshot(path=str(tmp_path / "dashboard-my.png"), full_page=True)

        page.click("table.events tbody tr a")
        page.wait_for_selector("mark")
        evidence = page.locator("mark").first.inner_text()
        assert "ပဇီကြီးကျေးရွာ" in evidence and "ဗုံးကြဲ" in evidence
        fields = page.locator("dl.fields").inner_text()
        assert "Kanbalu" in fields and "MIL" in fields and "မြို့နယ်" in fields
        page.screenshot(path=str(tmp_path / "event-my.png"), full_page=True)
        browser.close()
        assert errors == []
