"""A bad row of an ACLED or UCDP file is rejected with its line number and reason; the rest goes in
(issue 15, point 8). No infinite number reaches the store or a JSON export."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from sqlalchemy import select

from mawgun.ingest.coded import import_acled, import_ucdp
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow

ACLED_HEADER = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,fatalities\n"
)


def acled_row(
    event_id: str, *, fatalities: str = "2", lat: str = "22.1", lon: str = "95.1", location: str = "Town"
) -> str:
    actor = "Military Forces of Myanmar (2021-)"
    return f'{event_id},2023-11-05,Battles,Armed clash,{actor},Sagaing,"{location}",{lat},{lon},{fatalities}\n'


BAD_ROWS = {
    "inf": acled_row("MMRB1", fatalities="inf"),
    "1e30": acled_row("MMRB2", fatalities="1e30"),
    "20 digits": acled_row("MMRB3", fatalities="12345678901234567890"),
    "nan": acled_row("MMRB4", fatalities="nan"),
    "negative": acled_row("MMRB5", fatalities="-4"),
    "128 KB field": acled_row("MMRB6", location="x" * 131_072),
    "long location": acled_row("MMRB7", location="y" * 250),
    "infinite latitude": acled_row("MMRB8", lat="inf"),
    "latitude out of range": acled_row("MMRB9", lat="123.4"),
    "longitude nan": acled_row("MMRB10", lon="nan"),
}


@pytest.mark.parametrize("shape", list(BAD_ROWS))
def test_one_bad_acled_row_is_rejected_with_its_line_and_the_rest_imported(
    store_url: str, tmp_path: Path, shape: str
) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + acled_row("MMRG1") + BAD_ROWS[shape] + acled_row("MMRG2"), encoding="utf-8")
    with session_scope(store_url) as session:
        report = import_acled(session, path)
    assert report.imported == 2, report.problems
    assert [line for line, _ in report.problems] == [3]
    assert report.problems[0][1]
    with session_scope(store_url) as session:
        rows = list(session.scalars(select(CanonicalEventRow)))
    assert len(rows) == 2
    assert all(r.latitude is None or math.isfinite(r.latitude) for r in rows)


def test_ucdp_row_with_infinite_deaths_is_rejected(store_url: str, tmp_path: Path) -> None:
    header = "id,type_of_violence,date_start,date_end,best,low,high,latitude,longitude,adm_1\n"
    good = "1,1,2023-11-05,2023-11-05,3,2,4,22.1,95.1,Sagaing Region\n"
    bad = "2,1,2023-11-05,2023-11-05,inf,2,4,22.1,95.1,Sagaing Region\n"
    far = "3,1,2023-11-05,2023-11-05,3,2,4,22.1,-inf,Sagaing Region\n"
    path = tmp_path / "ged.csv"
    path.write_text(header + good + bad + far, encoding="utf-8")
    with session_scope(store_url) as session:
        report = import_ucdp(session, path)
    assert report.imported == 1
    assert [line for line, _ in report.problems] == [3, 4]


def test_json_exports_never_write_infinity(store_url: str, tmp_path: Path) -> None:
    """Even a value already stored as infinite (by an older version) is written as null."""
    from mawgun.report.export import export_events

    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + acled_row("MMRG1"), encoding="utf-8")
    with session_scope(store_url) as session:
        import_acled(session, path)
        for row in session.scalars(select(CanonicalEventRow)):
            row.longitude = float("inf")
    for fmt in ("geojson", "jsonl"):
        out = tmp_path / f"e.{fmt}"
        with session_scope(store_url) as session:
            export_events(session, fmt, out)
        text = out.read_text(encoding="utf-8")
        assert "Infinity" not in text and "NaN" not in text
        json.loads(text.splitlines()[0] if fmt == "jsonl" else text)
