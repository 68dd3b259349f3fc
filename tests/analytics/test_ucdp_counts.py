"""After importing UCDP GED (../shared/bench/ucdp/ged-myanmar.csv), Mawgun's 2023 counts by month and
state/region equal those computed straight from the CSV, in the library and in `mawgun stats`."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mawgun.analytics import EventFilter, count_events
from mawgun.cli.main import app
from mawgun.geo.admin1 import normalize_admin1
from mawgun.ingest.coded import import_ucdp
from mawgun.store.db import session_scope

pytestmark = pytest.mark.shared


def expected_from_csv(path: Path) -> list[dict[str, object]]:
    """Events and best-estimate deaths of 2023 by month of date_start and normalised adm_1."""
    events: Counter[tuple[str, str | None]] = Counter()
    deaths: Counter[tuple[str, str | None]] = Counter()
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["date_start"].startswith("2023-"):
                continue
            key = (row["date_start"][:7], normalize_admin1(row["adm_1"]))
            events[key] += 1
            deaths[key] += int(float(row["best"]))
    rows = [{"month": m, "admin1": a, "events": events[(m, a)], "fatalities": deaths[(m, a)]} for m, a in events]
    return sorted(rows, key=lambda r: (r["month"], r["admin1"] is None, r["admin1"] or ""))


def test_monthly_2023_counts_by_state_equal_the_csv(store_url, shared_dir):
    ged = shared_dir / "bench" / "ucdp" / "ged-myanmar.csv"
    with session_scope(store_url) as session:
        report = import_ucdp(session, ged)
    assert report.problems == []
    expected = expected_from_csv(ged)
    assert sum(r["events"] for r in expected) == 2085  # GED's Myanmar events that start in 2023

    with session_scope(store_url) as session:
        rows = count_events(session, ["month", "admin1"], EventFilter(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    assert [{k: r[k] for k in ("month", "admin1", "events", "fatalities")} for r in rows] == expected

    args = ["stats", "--by", "month,admin1", "--since", "2023-01-01", "--until", "2023-12-31", "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--db", store_url])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert [{k: r[k] for k in ("month", "admin1", "events", "fatalities")} for r in printed] == expected
