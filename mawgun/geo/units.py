"""State/region P-codes and the points of admin units, for records that know a unit but no coordinates.

An event known only to its state/region (or township) is placed, as ACLED places such events, at the
unit's point with the matching geo_precision; the point is the unit's centroid from the packaged MIMU
gazetteer. The state table is read without the gazetteer; the gazetteer loads only when a point is asked.
"""

from __future__ import annotations

from functools import lru_cache

from mawgun.geo.gazetteer import read_vocabulary

WHOLE_UNITS = ("state", "region", "union_territory", "merged")


@lru_cache(maxsize=1)
def admin1_pcodes() -> dict[str, str]:
    """State/region name -> the P-code of the whole unit (Shan -> MMR222, MIMU's merged code)."""
    return {row["admin1"]: row["pcode"] for row in read_vocabulary("states.tsv") if row["kind"] in WHOLE_UNITS}


def admin1_pcode(name: str | None) -> str | None:
    """The P-code of one of the 15 states/regions, or None."""
    return admin1_pcodes().get(name or "")


@lru_cache(maxsize=1)
def sub_units() -> dict[str, tuple[str, str]]:
    """P-code -> (state, part) for Bago's and Shan's sub-units (MMR015 -> (Shan, North))."""
    parts = {}
    for row in read_vocabulary("states.tsv"):
        if row["kind"] == "sub_unit":
            parts[row["pcode"]] = (row["admin1"], row["name"].split("(", 1)[1].rstrip(")").strip())
    return parts


def sub_unit_name(admin1: str | None, pcode: str | None) -> str | None:
    """The state/region as ACLED names Bago's and Shan's parts ("Shan-North"); the name itself otherwise."""
    state, part = sub_units().get(pcode or "", (None, None))
    return f"{state}-{part}" if state and state == admin1 else admin1


def sub_unit_pcode(name: str | None) -> str | None:
    """The P-code of a state/region written with its part ("Shan-North", "Bago (East)"), or None."""
    key = " ".join((name or "").replace("-", " ").replace("(", " ").replace(")", " ").split()).lower()
    for pcode, (state, part) in sub_units().items():
        if key == f"{state} {part}".lower():
            return pcode
    return None


@lru_cache(maxsize=4096)
def unit_point(pcode: str) -> tuple[float, float] | None:
    """(latitude, longitude) of an admin unit's centroid, or None for an unknown P-code."""
    from mawgun.geo import get_geocoder

    entry = get_geocoder().gaz.get(pcode)
    if entry is None or entry.lat is None or entry.lon is None:
        return None
    return entry.lat, entry.lon
