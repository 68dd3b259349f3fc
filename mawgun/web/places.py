"""Gazetteer look-ups for the API, through the project geocoder (`mawgun.geo`).

Answers plain dicts in the shape of `schemas.PlaceOut`, whatever the geocoder returns (a `Place`,
a dict, or a list of candidates with scores).
"""

from __future__ import annotations

from typing import Any

from mawgun.web.adapters import geocoder

PLACE_FIELDS = [
    "pcode",
    "name",
    "level",
    "admin1",
    "admin1_pcode",
    "admin2",
    "admin2_pcode",
    "admin3",
    "admin3_pcode",
    "latitude",
    "longitude",
]


def _value(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def place_dict(found: Any) -> dict[str, Any]:
    """A geocoder answer as a PlaceOut-shaped dict."""
    inner = _value(found, "place") or found
    data = {name: _value(inner, name) for name in PLACE_FIELDS}
    data["name"] = data["name"] or _value(inner, "location") or data["admin3"] or data["admin1"]
    data["pcode"] = data["pcode"] or data["admin3_pcode"] or data["admin1_pcode"]
    for key in ("latitude", "longitude"):
        data[key] = float(data[key]) if data[key] is not None else None
    for key in PLACE_FIELDS[:-2]:
        data[key] = None if data[key] is None else str(data[key])
    return data


def search_places(query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Places whose names match the query, best first."""
    return [place_dict(item) for item in geocoder().search(query, limit=limit)[:limit]]


def lookup_place(pcode: str) -> dict[str, Any] | None:
    """The place with this P-code, or None."""
    found = geocoder().lookup(pcode)
    return place_dict(found) if found else None
