"""Rows in ACLED's own export format, so tools written for ACLED data read Mawgun's events unchanged.

The columns, the actor names, the inter codes and the country columns come from ACLED's codebook, kept in
the one file that also reads ACLED exports (`mawgun/ingest/coded/data/acled.yaml`), so what
`mawgun export --format acled-csv` writes, `mawgun import acled` reads back as the same events.

- actors: ACLED's names ("Military Forces of Myanmar (2021-)", "AA: Arakan Army"), never registry codes;
  inter1/inter2 are ACLED's numeric codes (1-8, inter2 0 without a second actor), interaction the two
  codes lower first (inter1 x 10 for a one-sided event);
- event_date as ACLED writes it ("14 November 2023"); time_precision 1 day, 2 week, 3 month or coarser;
- geo_precision 1 the named place, 2 a township, 3 a district or state/region; events known only to a unit
  are placed at its centroid, as ACLED places them;
- fatalities: a known toll as it is; an unknown toll as 0 (ACLED's column is always a number) with the tag
  `fatalities unknown`, which the importer reads back as unknown (Mawgun never turns unknown into zero).
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Any

from mawgun.model import TIME_PRECISION

CIVILIAN_TAG = "civilian-targeting"  # the importer's tag for ACLED's civilian_targeting column


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    """ACLED's vocabulary (the importer's mapping file)."""
    from mawgun.ingest.coded.acled import load_mapping

    return load_mapping()


def acled_columns() -> list[str]:
    """ACLED's export columns, in ACLED's order."""
    return list(mapping()["columns"])


def registry() -> Any:
    """The actor registry."""
    from mawgun.actors import get_registry

    return get_registry()


@lru_cache(maxsize=4096)
def actor_name(code_or_name: str) -> str:
    """The name ACLED writes for a registry code; a name that is not a code stays as it is."""
    names: dict[str, str] = mapping()["names"]
    if code_or_name in names:
        return names[code_or_name]
    actor = registry().get(code_or_name)
    if actor is None:
        return code_or_name
    if actor.type in mapping()["armed_types"] and actor.id.replace("-", "").isalnum() and actor.id.isupper():
        return f"{actor.id}: {actor.name}"
    return str(actor.name)


@lru_cache(maxsize=4096)
def inter_code(code_or_name: str) -> int | None:
    """ACLED's inter code (1-8) of an actor, from its registry type; None when the actor is unknown."""
    reg = registry()
    actor = reg.get(code_or_name)
    if actor is None:
        ref = reg.resolve(code_or_name)
        actor = reg.get(ref.actor_id) if ref is not None and ref.actor_id else None
    if actor is None:
        return None
    code = mapping()["inter"].get(actor.type)
    return int(code) if code is not None else None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, lower first; inter1 x 10 when there is no actor2."""
    if inter1 is None or inter2 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def actor_columns(actor1: list[str], actor2: list[str]) -> dict[str, Any]:
    """actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2 and interaction."""
    inter1 = inter_code(actor1[0]) if actor1 else None
    inter2 = inter_code(actor2[0]) if actor2 else 0
    return {
        "actor1": actor_name(actor1[0]) if actor1 else "",
        "assoc_actor_1": "; ".join(actor_name(a) for a in actor1[1:]),
        "inter1": inter1,
        "actor2": actor_name(actor2[0]) if actor2 else "",
        "assoc_actor_2": "; ".join(actor_name(a) for a in actor2[1:]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
    }


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder_type of an event type (and sub-event type)."""
    by_sub: dict[str, str] = mapping()["disorder_by_sub_type"]
    if sub_event_type and sub_event_type in by_sub:
        return by_sub[sub_event_type]
    return str(mapping()["disorder"].get(event_type, ""))


def targets_civilians(record: dict[str, Any], actor2: list[str]) -> bool:
    """ACLED's civilian_targeting: violence against civilians, and explosions or remote violence whose
    target is civilians (tagged so on import, or civilians the second actor)."""
    if record["event_type"] == "Violence against civilians":
        return True
    if record["event_type"] != "Explosions/Remote violence":
        return False
    return CIVILIAN_TAG in record["tag_list"] or any(registry().side(a) == "civilian" for a in actor2[:1])


def acled_date(day: dt.date | None) -> str:
    """An event_date as ACLED writes it ("14 November 2023")."""
    return day.strftime(mapping()["date_format"]) if day else ""


def unix_time(moment: dt.datetime | None) -> int | None:
    """ACLED's timestamp (seconds since 1970, UTC) of when the row last changed."""
    return calendar.timegm(moment.utctimetuple()) if moment else None


def fatality_columns(best: int | None, tags: list[str]) -> tuple[int, list[str]]:
    """ACLED's fatalities (0 when unknown) and the tags, with `fatalities unknown` for an unknown toll."""
    if best is not None:
        return best, tags
    return 0, [*tags, mapping()["unknown_fatalities_tag"]]


def acled_row(
    record: dict[str, Any], actor1: list[str], actor2: list[str], changed: dt.datetime | None
) -> dict[str, Any]:
    """One event record (see `mawgun.report.export.event_record`) as ACLED's columns."""
    tags = [t for t in record["tag_list"] if t != CIVILIAN_TAG]
    fatalities, tags = fatality_columns(record["fatalities_best"], tags)
    return {
        "event_id_cnty": record["event_id_cnty"],
        "event_date": acled_date(record["date"]),
        "year": record["date"].year if record["date"] else None,
        "time_precision": TIME_PRECISION.get(record["date_precision"] or "day", 3),
        "disorder_type": disorder_type(record["event_type"], record["sub_event_type"]),
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        **actor_columns(actor1, actor2),
        "civilian_targeting": "Civilian targeting" if targets_civilians(record, actor2) else "",
        **mapping()["country"],
        "admin1": record["admin1"],
        "admin2": record["admin2"],
        "admin3": record["admin3"],
        "location": record["location"] or record["admin3"] or record["admin2"] or record["admin1"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": record["geo_precision"],
        "source": record["source"],
        "source_scale": "",
        "notes": record["notes"],
        "fatalities": fatalities,
        "tags": "; ".join(tags),
        "timestamp": unix_time(changed),
    }
