"""Time the dashboard map in headless Chromium on a large store: page load to the clustered map
drawn, and one move of the time slider (re-clustering, township shading).

Run `bench/web_api.py` first (it fills the store), then:

    .venv/bin/python bench/web_map_browser.py --db /tmp/mawgun-web-bench.db --repeats 5

Needs Chromium (/usr/bin/chromium or MAWGUN_CHROMIUM) and Playwright (the test extra).
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("MAWGUN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SLIDE = """() => {
  const slider = document.getElementById('map-period');
  const started = performance.now();
  slider.value = String(Math.floor(Number(slider.max) / 2));
  slider.dispatchEvent(new Event('input'));
  return [performance.now() - started, Number(document.getElementById('event-map').dataset.shown)];
}"""


def session_cookie(app: Any, url: str) -> str:
    """A signed session cookie of a viewer (the app is private)."""
    from mawgun.accounts.sessions import start_session
    from mawgun.accounts.users import create_user, find_user_row
    from mawgun.store.db import session_scope
    from mawgun.web.auth import serializer

    with session_scope(url) as session:
        user = find_user_row(session, "bench-map") or create_user(session, "bench-map", "viewer", None)
        key = start_session(session, user)
    return str(serializer(app).dumps(key))


def serve(url: str, port: int) -> tuple[Any, str]:
    """The app over the store on a local port, and a viewer's session cookie."""
    import uvicorn

    from mawgun.web.app import create_app

    app = create_app(url)
    cookie = session_cookie(app, url)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, cookie


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/mawgun-web-bench.db"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--port", type=int, default=8797)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server, cookie = serve(f"sqlite:///{args.db}", args.port)
    base = f"http://127.0.0.1:{args.port}"
    loads, slides = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_cookies([{"name": "mawgun_session", "value": cookie, "url": base}])
        page = context.new_page()
        for _ in range(args.repeats):
            started = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("#event-map.ready", timeout=120_000)
            loads.append((time.perf_counter() - started) * 1000)
            shown = page.locator("#event-map").get_attribute("data-shown")
            slide_ms, in_period = page.evaluate(SLIDE)
            slides.append(slide_ms)
        browser.close()
    server.should_exit = True
    print(f"events on the map: {shown}; in the slider's middle period: {in_period}")
    print(f"page load to map drawn: first {loads[0]:.0f} ms, median {statistics.median(loads):.0f} ms")
    print(f"one slider move: first {slides[0]:.0f} ms, median {statistics.median(slides):.0f} ms")


if __name__ == "__main__":
    main()
