"""The dashboard and the reports colour each event type alike, and the README points at the API reference."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from mawgun.report.charts import EVENT_TYPE_COLOURS
from mawgun.web.app import create_app
from web.signin import bearer

ROOT = Path(__file__).resolve().parents[2]


def test_one_palette_for_event_types(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    with TestClient(create_app(url), headers=bearer(url)) as client:
        css = client.get("/palette.css").text
        page = client.get("/").text
    for name, colour in EVENT_TYPE_COLOURS.items():
        assert f'.type-dot[data-type="{name}"] {{ background: {colour}; }}' in css
        assert colour in page  # the body's data-palette, read by dashboard.js
    script = (ROOT / "mawgun" / "web" / "static" / "dashboard.js").read_text(encoding="utf-8")
    sheet = (ROOT / "mawgun" / "web" / "static" / "app.css").read_text(encoding="utf-8")
    assert '"Battles": "#' not in script and 'data-type="Battles"' not in sheet  # no second palette


def test_the_readme_names_the_api_reference_that_exists(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"API docs at /docs\b", readme) and "API reference at /api" in readme
    url = f"sqlite:///{tmp_path / 'r.db'}"
    with TestClient(create_app(url), headers=bearer(url)) as client:
        assert client.get("/api").status_code == 200
