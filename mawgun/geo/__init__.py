"""Stage geo: Myanmar's gazetteer (MIMU P-codes) and the geocoder.

Public API (other stages code against exactly this):

    from mawgun.geo import get_geocoder, normalize_admin1, boundaries_path
    gc = get_geocoder()                       # cached; loads the packaged gazetteer once
    gc.resolve(mention, context="")           # -> Place | None
    gc.find_places(text, start=0, end=None, context="")   # -> list[Place], spans in `text`
    gc.geocode_description(text)              # -> Place | None (UCDP-style descriptions)
    gc.search(name, limit=10); gc.lookup(pcode); gc.contains(parent_pcode, child_pcode)
    normalize_admin1(name)                    # -> one of the 15 state/region names, or None
    boundaries_path("admin1" | "admin2" | "admin3")       # -> packaged GeoJSON path

Data: MIMU (Myanmar Information Management Unit) place names, P-codes and boundaries; GeoNames
(CC BY 4.0) alternate names; the MIMU 9.6 village table from mm-geo-coder (MIT).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mawgun.geo.geocoder import Geocoder

__all__ = ["get_geocoder", "normalize_admin1", "boundaries_path", "COMPONENT", "VERSION"]

COMPONENT = "mawgun.geo"
VERSION = "0.1.0"
BOUNDARY_LEVELS = ("admin1", "admin2", "admin3")


@lru_cache(maxsize=1)
def get_geocoder() -> Geocoder:
    """The shared geocoder over the packaged gazetteer (loaded on first use, then cached)."""
    from mawgun.geo.gazetteer import Gazetteer
    from mawgun.geo.geocoder import Geocoder

    return Geocoder(Gazetteer())


def normalize_admin1(name: str | None) -> str | None:
    """Any spelling of a state/region -> Kachin, Kayah, Kayin, Chin, Sagaing, Tanintharyi, Bago, Magway,
    Mandalay, Mon, Rakhine, Yangon, Shan, Ayeyarwady or Nay Pyi Taw; None when it names none of them."""
    if not name or not name.strip():
        return None
    return get_geocoder().gaz.normalize_admin1(name)


def boundaries_path(level: str) -> Path:
    """Path of the packaged simplified GeoJSON boundaries: 'admin1', 'admin2' or 'admin3'."""
    if level not in BOUNDARY_LEVELS:
        raise ValueError(f"unknown boundary level {level!r}; expected one of {', '.join(BOUNDARY_LEVELS)}")
    return Path(__file__).parent / "data" / f"{level}.geojson"
