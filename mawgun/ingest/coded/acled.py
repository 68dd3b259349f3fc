"""Import an ACLED export CSV (the standard columns: event_id_cnty, event_date, ..., fatalities, tags).

ACLED already codes events in the taxonomy Mawgun uses, so types carry over as they are; event_date
(ISO or "27 October 2023") with time_precision gives the date; admin1 is folded to one of the 15
states/regions; fatalities tagged `fatalities unknown` (as `mawgun export --format acled-csv` writes an
unknown toll) stay unknown; actor1/assoc_actor_1 and actor2/assoc_actor_2 (";"-separated) become actor refs.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from mawgun.geo.admin1 import normalize_admin1
from mawgun.geo.units import sub_unit_pcode
from mawgun.ingest.coded.common import CodedEvent, ImportReport, import_file, parse_float, parse_int, resolve_actor
from mawgun.model import ActorRef

MAPPING_PATH = Path(__file__).parent / "data" / "acled.yaml"
REQUIRED = ("event_id_cnty", "event_date", "event_type")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%B %d, %Y")
EXTRA_FIELDS = (
    "disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "source", "source_scale",
    "notes", "timestamp",
)  # fmt: skip


@lru_cache(maxsize=1)
def load_mapping() -> dict[str, Any]:
    """The ACLED -> Mawgun mapping (precisions, actor names)."""
    return yaml.safe_load(MAPPING_PATH.read_text(encoding="utf-8"))


def parse_acled_date(text: str) -> dt.date:
    """An ACLED event_date in any of the formats its exports use."""
    text = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {text!r}")


def acled_actor(name: str, on_date: dt.date) -> ActorRef:
    """An ActorRef for an ACLED actor name: exact or prefix match in the mapping, else the registry."""
    known: dict[str, str] = load_mapping()["actors"]
    for key, code in known.items():
        if name.startswith(key):
            return ActorRef(name=name, actor_id=code)
    return resolve_actor(name, known, on_date)


def acled_actors(main: str | None, associated: str | None, on_date: dt.date) -> list[ActorRef]:
    """The main actor and its associated actors (ACLED separates them with ";")."""
    names = [(main or "").strip(), *((associated or "").split(";"))]
    return [acled_actor(name.strip(), on_date) for name in names if name.strip()]


def parse_acled_row(row: dict[str, str]) -> CodedEvent:
    """One ACLED row as a CodedEvent; ValueError names what is wrong with a bad row."""
    missing = [name for name in REQUIRED if not (row.get(name) or "").strip()]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    date = parse_acled_date(row["event_date"])
    fatalities = parse_int(row.get("fatalities"))
    precision = load_mapping()["time_precision"].get(str(parse_int(row.get("time_precision")) or 1), "day")
    tags = [tag.strip() for tag in (row.get("tags") or "").split(";") if tag.strip()]
    if load_mapping()["unknown_fatalities_tag"] in tags:  # written by `mawgun export`: the toll is unknown
        tags.remove(load_mapping()["unknown_fatalities_tag"])
        fatalities = None
    if (row.get("civilian_targeting") or "").strip():
        tags.append("civilian-targeting")
    return CodedEvent(
        origin="acled",
        origin_id=row["event_id_cnty"].strip(),
        event_type=row["event_type"].strip(),
        sub_event_type=(row.get("sub_event_type") or "").strip() or None,
        date=date,
        date_precision=precision,
        admin1=normalize_admin1(row.get("admin1")),
        admin1_pcode=sub_unit_pcode(row.get("admin1")),  # Shan-North keeps its part of Shan
        admin2=(row.get("admin2") or "").strip() or None,
        admin3=(row.get("admin3") or "").strip() or None,
        location=(row.get("location") or "").strip() or None,
        latitude=parse_float(row.get("latitude")),
        longitude=parse_float(row.get("longitude")),
        geo_precision=parse_int(row.get("geo_precision")),
        fatalities_best=fatalities,
        fatalities_low=fatalities,
        fatalities_high=fatalities,
        actor1=acled_actors(row.get("actor1"), row.get("assoc_actor_1"), date),
        actor2=acled_actors(row.get("actor2"), row.get("assoc_actor_2"), date),
        tags=tags,
        extra={name: row[name] for name in EXTRA_FIELDS if (row.get(name) or "").strip()},
    )


def import_acled(session: Session, path: str | Path, show_progress: bool = False) -> ImportReport:
    """Import an ACLED export CSV into the store; returns what was read, imported and rejected."""
    return import_file(session, Path(path), "acled", parse_acled_row, show_progress, REQUIRED)
