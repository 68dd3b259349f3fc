"""The dashboard map in headless Chromium: Leaflet pans and zooms over the offline MIMU outlines with
place names, clusters spiderfy or zoom, events open on click, the time slider changes the points
shown, state-only places and unknown tolls are shown as such, and filter URLs reproduce the view.

Over `map_store`'s nine events (five on one spot at Lashio). Skips when Chromium or Playwright is
absent, as the other browser tests do.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web.map_store import MONTHS, POINTS, fill_map_store
from web.signin import add_reader, browser_log_in
from web.test_browser import ARGS, CHROMIUM, free_port

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent"),
]
READY = "#event-map.ready"
# Events the map shows right now: the counts written on clusters plus the single event points.
ON_SCREEN = """() => {
  const clusters = [...document.querySelectorAll('#event-map .marker-cluster span')];
  const inClusters = clusters.reduce((sum, span) => sum + parseInt(span.textContent, 10), 0);
  return inClusters + document.querySelectorAll('#event-map path.event-point').length;
}"""
# The place names a reader can see ([text, box] of each visible label) and the pairs written over each other.
SHOWN_NAMES = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => getComputedStyle(el.querySelector('span')).visibility === 'visible')
  .map((el) => {
    const r = el.querySelector('span').getBoundingClientRect();
    return [el.innerText, [r.left, r.top, r.right, r.bottom]];
  })"""


def shown_names(page, selector: str = "#event-map .place-label") -> list[str]:  # type: ignore[no-untyped-def]
    return [name for name, _ in page.evaluate(SHOWN_NAMES, selector)]


def overlapping_names(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Pairs of visible place names whose boxes overlap (text written over text)."""
    labels = page.evaluate(SHOWN_NAMES, "#event-map .place-label")
    return [
        (a, b)
        for i, (a, (l1, t1, r1, b1)) in enumerate(labels)
        for b, (l2, t2, r2, b2) in labels[i + 1 :]
        if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1
    ]


@pytest.fixture
def map_server(sqlite_url: str) -> Iterator[str]:
    """The web app over the map store, served by uvicorn on a free local port in a thread."""
    uvicorn = pytest.importorskip("uvicorn")
    from mawgun.web.app import create_app

    fill_map_store(sqlite_url)
    add_reader(sqlite_url)
    config = uvicorn.Config(create_app(sqlite_url), host="127.0.0.1", port=free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(map_server: str) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        blocked: list[str] = []
        context.route(  # nothing may come from outside the app: no tile server, no CDN
            lambda url: not url.startswith(map_server),
            lambda route: (blocked.append(route.request.url), route.abort()),
        )
        pg = context.new_page()
        browser_log_in(pg, map_server)
        pg.errors = []  # type: ignore[attr-defined]
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
        yield pg
        assert blocked == []
        browser.close()


def zoom(page) -> float:  # type: ignore[no-untyped-def]
    return float(page.evaluate("() => document.getElementById('event-map').mawgunMap.map.getZoom()"))


def center(page) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    found = page.evaluate("() => document.getElementById('event-map').mawgunMap.map.getCenter()")
    return found["lat"], found["lng"]


def test_the_map_pans_zooms_and_names_places_offline(page, map_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(map_server + "/")
    page.wait_for_selector(READY, timeout=20000)
    assert {"Kachin", "Sagaing", "Shan (North)", "Mandalay"} <= set(shown_names(page, "#event-map .state-label"))
    assert page.locator("#event-map .township-label").count() == 0  # townships are named when zoomed in
    assert overlapping_names(page) == []  # a name that would cover another waits for a closer zoom
    assert page.evaluate(ON_SCREEN) == POINTS
    page.screenshot(path=str(tmp_path / "map-dashboard.png"), full_page=True)

    before = center(page)
    box = page.locator("#event-map .leaflet-host").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 150, y + 80, steps=8)
    page.mouse.up()
    after = center(page)
    assert after[1] < before[1] - 0.5 and after[0] > before[0] + 0.3  # dragged right and down: centre moved west, north

    start = zoom(page)
    page.click("#event-map .leaflet-control-zoom-in")
    page.wait_for_function(f"() => Number(document.getElementById('event-map').dataset.zoom) > {start}")  # zoom ended
    page.evaluate("() => document.getElementById('event-map').mawgunMap.map.setView([22.95, 97.75], 9, {animate: 0})")
    page.wait_for_function("() => Number(document.getElementById('event-map').dataset.zoom) == 9")  # names placed
    assert "Lashio" in shown_names(page, "#event-map .township-label")
    assert overlapping_names(page) == []
    page.screenshot(path=str(tmp_path / "map-townships.png"), full_page=True)
    page.evaluate("() => document.getElementById('event-map').mawgunMap.map.setView([16.9, 96.1], 7, {animate: 0})")
    page.wait_for_function("() => Number(document.getElementById('event-map').dataset.zoom) == 7")
    assert "Yangon" in shown_names(page, "#event-map .state-label") and overlapping_names(page) == []
    page.mouse.move(x, y)
    page.mouse.wheel(0, 600)  # scroll out
    page.wait_for_function("() => Number(document.getElementById('event-map').dataset.zoom) < 7")
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_cluster_spiderfies_or_zooms_and_an_event_opens_on_click(page, map_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(map_server + "/")
    page.wait_for_selector(READY, timeout=20000)
    assert page.locator("#event-map path.event-point").count() == 1  # Hlaing alone; the rest are in clusters
    start = zoom(page)
    page.locator("#event-map .marker-cluster", has_text="2").click()  # Pazigyi and Kanbalu, 1 km apart: zooms
    page.wait_for_function(f"() => Number(document.getElementById('event-map').dataset.zoom) > {start + 2}")

    page.evaluate("() => document.getElementById('event-map').mawgunMap.map.setView([22.9, 97.7], 7, {animate: false})")
    lashio = page.locator("#event-map .marker-cluster", has_text="5")
    lashio.click()  # five events on one spot: the cluster opens into a spider
    page.wait_for_function("() => document.querySelectorAll('#event-map path.event-point').length >= 5")
    assert zoom(page) == 7
    page.locator("#event-map path.event-point:not(.coarse-date)").first.click()
    page.wait_for_url("**/events/ce-lashio-*", timeout=10000)
    assert "Lashio" in page.locator("main").inner_text()
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_time_slider_shows_the_events_of_a_period(page, map_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(map_server + "/")
    page.wait_for_selector(READY, timeout=20000)
    slider = page.locator("#map-period")
    assert slider.get_attribute("max") == str(MONTHS)
    label = page.locator("#map-period-label")
    assert label.inner_text() == "all months: 9 events"

    slider.focus()
    page.keyboard.press("ArrowLeft")  # August 2024: three of the Lashio events
    assert label.inner_text() == "Aug 2024: 3 events"
    assert page.evaluate(ON_SCREEN) == 3
    page.keyboard.press("ArrowLeft")  # July 2024: the other two
    assert page.evaluate(ON_SCREEN) == 2
    page.keyboard.press("Home")  # April 2023: Pazigyi and Kanbalu
    assert label.inner_text() == "Apr 2023: 2 events"
    assert page.evaluate(ON_SCREEN) == 2

    slider.fill("7")  # November 2023: Hlaing (a point) and Kachin (known only to the state)
    assert label.inner_text() == "Nov 2023: 2 events"
    assert page.evaluate(ON_SCREEN) == 1
    assert page.locator("#event-map path.state-only").count() == 1
    summary = page.locator("#map-summary").inner_text()
    assert "toll unknown for 2 events" in summary and "deaths reported" not in summary  # unknown is not 0
    assert "2 dated only to the week, month or year" in summary
    page.locator("#event-map path.event-point").hover()
    assert "date known to the month only" in page.locator(".leaflet-tooltip").inner_text()
    page.locator("#event-map path.state-only").hover()
    tip = page.locator(".leaflet-tooltip").last.inner_text()
    assert "Kachin: 1 event\n" in tip and "place known to the state/region only" in tip
    assert "toll unknown for 1 event" in tip and "0 death" not in tip
    page.screenshot(path=str(tmp_path / "map-november-2023.png"), full_page=True)

    page.keyboard.press("End")
    assert page.evaluate(ON_SCREEN) == POINTS
    assert "deaths reported in 5 events: 169; toll unknown for 4 events" in page.locator("#map-summary").inner_text()
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_filter_url_round_trips_through_the_form(page, map_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(map_server + "/?sub_type=Armed+clash&township=lashio&date_precision=day")
    page.wait_for_selector(READY, timeout=20000)
    assert page.evaluate(ON_SCREEN) == 2
    assert page.locator("select[name=sub_type]").input_value() == "Armed clash"
    page.select_option("select[name=place_precision]", "place")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector(READY, timeout=20000)
    shared = page.url
    for part in ("sub_type=Armed+clash", "township=lashio", "date_precision=day", "place_precision=place"):
        assert part in shared
    assert page.evaluate(ON_SCREEN) == 2

    page.goto(map_server + "/?place_precision=state")
    page.wait_for_selector(READY, timeout=20000)
    assert page.evaluate(ON_SCREEN) == 0 and page.locator("#event-map path.state-only").count() == 1
    page.locator("#event-map path.state-only").click(force=True)
    page.wait_for_url("**/events?*", timeout=10000)
    assert "place_precision=state" in page.url and "admin1=Kachin" in page.url
    assert page.locator("table.events tbody tr").count() == 1
    assert "Kachin (state/region only)" in page.locator("table.events").inner_text()

    page.goto(shared)
    page.wait_for_selector(READY, timeout=20000)
    assert page.evaluate(ON_SCREEN) == 2
    page.goto(map_server + "/?township=Lashoi")
    page.wait_for_selector(READY, timeout=20000)
    assert "did you mean Lashio" in page.locator(".notice").inner_text()
    assert page.errors == []  # type: ignore[attr-defined]


# Each timeline bar's total (from its segments' titles) and top; each axis label's value and height.
TIMELINE = """() => {
  const bars = [...document.querySelectorAll('#timeline svg g.bar')].filter((g) => g.querySelector('rect')).map((g) => {
    const rects = [...g.querySelectorAll('rect')];
    const total = rects.reduce((sum, r) => sum + Number(r.querySelector('title').textContent.split(': ').pop()), 0);
    return [total, Math.min(...rects.map((r) => Number(r.getAttribute('y'))))];
  });
  const ticks = [...document.querySelectorAll('#timeline svg text.axis[text-anchor=end]')]
    .map((t) => [Number(t.textContent.replace(/,/g, '')), Number(t.getAttribute('y')) - 4]);
  return { bars, ticks };
}"""


def test_the_timeline_axis_labels_stand_where_their_counts_reach(page, map_server: str) -> None:  # type: ignore[no-untyped-def]
    """A label "2" on the axis is at the height a bar of 2 events reaches (it used to stand at 1.5)."""
    page.goto(map_server + "/")
    page.wait_for_selector("#timeline.ready svg rect", timeout=20000)
    drawn = page.evaluate(TIMELINE)
    ticks = sorted(drawn["ticks"])
    (low, y_low), (high, y_high) = ticks[0], ticks[-1]

    def height_of(count: float) -> float:
        return y_low + (y_high - y_low) * (count - low) / (high - low)

    assert all(abs(y - height_of(value)) < 0.6 for value, y in ticks)
    assert drawn["bars"] and all(abs(y - height_of(total)) < 0.6 for total, y in drawn["bars"])
    assert max(total for total, _ in drawn["bars"]) <= high
    assert len({value for value, _ in ticks}) == len(ticks)  # no label twice (a lone event gave "0, 1, 1")
    assert page.errors == []  # type: ignore[attr-defined]
