"""The HTML report in a real browser: it loads offline with no console errors and draws its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from mawgun.report.build import build_report
from mawgun.report.periods import parse_month
from mawgun.report.render import write_report
from mawgun.store.db import session_scope

CHROMIUM = Path("/usr/bin/chromium")
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
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
]


def test_report_opens_without_errors_or_requests(report_store: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    period = parse_month("2023-11")
    with session_scope(report_store) as session:
        data = build_report(session, period)
    html_path = write_report(data, period, tmp_path, "html")[0]
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: requests.append(req.url))
        page.goto(html_path.as_uri())
        assert page.locator("svg.mawgun-chart rect[fill='#D55E00']").count() >= 1  # a Battles bar
        assert page.locator("svg.mawgun-map path").count() > 300  # townships drawn
        assert page.locator("svg.mawgun-map circle").count() >= 2  # located events
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert requests == [html_path.as_uri()]
    assert (tmp_path / "report.png").stat().st_size > 10_000
