"""Reports and exports give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from pathlib import Path

from mawgun.report.build import build_report
from mawgun.report.export import export_events
from mawgun.report.periods import parse_month
from mawgun.report.render import render_html


def test_report_and_export_on_each_database(store_url: str, article_files: list[Path], tmp_path: Path) -> None:
    from mawgun.ingest import ingest_paths
    from mawgun.pipeline import process_store
    from mawgun.store.db import session_scope

    ingest_paths(article_files, store_url, progress=False)
    process_store(store_url, progress=False)
    period = parse_month("2023-11")
    with session_scope(store_url) as session:
        data = build_report(session, period)
        count = export_events(session, "acled-csv", tmp_path / "events.csv")
    assert data["headline"]["current"]["events"] == 2
    assert data["townships"] and "Boundaries: MIMU" in render_html(data, period)
    assert count == 2
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 2
