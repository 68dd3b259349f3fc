"""Import the UCDP Georeferenced Event Dataset (GED) CSV.

Mapping (data/ucdp.yaml, documented in docs/analytics.md): type_of_violence 1 and 2 -> Battles /
Armed clash, 3 -> Violence against civilians / Attack; best/low/high deaths -> fatalities;
date_start/date_end with date_prec -> date, date_end, precision; adm_1 folded to one of the 15
states/regions; side_a/side_b -> actor codes (UCDP's names kept in event_actors).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from mawgun.geo.admin1 import normalize_admin1
from mawgun.ingest.coded.common import CodedEvent, ImportReport, import_file, parse_float, parse_int, resolve_actor

MAPPING_PATH = Path(__file__).parent / "data" / "ucdp.yaml"
REQUIRED = ("id", "type_of_violence", "date_start", "best")
EXTRA_FIELDS = (
    "relid", "conflict_name", "dyad_name", "side_a", "side_b", "where_description", "where_coordinates",
    "source_headline", "source_article", "source_original", "event_clarity", "where_prec", "date_prec",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
)  # fmt: skip


@lru_cache(maxsize=1)
def load_mapping() -> dict[str, Any]:
    """The UCDP -> Mawgun mapping (types, precisions, actor names)."""
    return yaml.safe_load(MAPPING_PATH.read_text(encoding="utf-8"))


def code_key(value: str) -> str:
    """A UCDP code cell ("3.0", "3") as the mapping's key ("3")."""
    number = parse_int(value)
    return str(number) if number is not None else ""


def origin_key(value: str) -> str:
    """UCDP's event id as text without a float tail ("48528.0" -> "48528")."""
    value = value.strip()
    return value[:-2] if value.endswith(".0") else value


def parse_ucdp_row(row: dict[str, str]) -> CodedEvent:
    """One GED row as a CodedEvent; ValueError names what is wrong with a bad row."""
    missing = [name for name in REQUIRED if not (row.get(name) or "").strip()]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    mapping = load_mapping()
    kind = mapping["type_of_violence"].get(code_key(row["type_of_violence"]))
    if kind is None:
        raise ValueError(f"unknown type_of_violence {row['type_of_violence']!r}")
    start = dt.date.fromisoformat(row["date_start"].strip()[:10])
    end_text = (row.get("date_end") or "").strip()[:10]
    end = dt.date.fromisoformat(end_text) if end_text else None
    best = parse_int(row["best"])
    return CodedEvent(
        origin="ucdp",
        origin_id=origin_key(row["id"]),
        event_type=kind[0],
        sub_event_type=kind[1],
        date=start,
        date_end=end if end and end != start else None,
        date_precision=mapping["date_prec"].get(code_key(row.get("date_prec", "")), "day"),
        admin1=normalize_admin1(row.get("adm_1")),
        admin2=(row.get("adm_2") or "").strip() or None,
        location=(row.get("where_coordinates") or "").strip() or None,
        latitude=parse_float(row.get("latitude")),
        longitude=parse_float(row.get("longitude")),
        geo_precision=mapping["where_prec"].get(code_key(row.get("where_prec", ""))),
        fatalities_best=best,
        fatalities_low=parse_int(row.get("low")) if (row.get("low") or "").strip() else best,
        fatalities_high=parse_int(row.get("high")) if (row.get("high") or "").strip() else best,
        actor1=ucdp_actors(row.get("side_a"), start),
        actor2=ucdp_actors(row.get("side_b"), start),
        n_sources=max(parse_int(row.get("number_of_sources")) or 1, 1),
        extra={name: row[name] for name in EXTRA_FIELDS if (row.get(name) or "").strip()},
    )


def ucdp_actors(name: str | None, on_date: dt.date) -> list[Any]:
    """The actor refs of one UCDP side (one name; UCDP lists a side's several groups with commas rarely)."""
    name = (name or "").strip()
    return [resolve_actor(name, load_mapping()["actors"], on_date)] if name else []


def import_ucdp(session: Session, path: str | Path, show_progress: bool = False) -> ImportReport:
    """Import a UCDP GED CSV into the store; returns what was read, imported and rejected."""
    return import_file(session, Path(path), "ucdp", parse_ucdp_row, show_progress, REQUIRED)
