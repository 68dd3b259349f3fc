"""Helpers of the gazetteer build (`mawgun.geo.build`): source readers, geometry and deterministic writers.

Needs the `geo-build` extra (shapely, pyshp, mm-geo-coder); the runtime never imports this module.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
SIMPLIFY_DEGREES = 0.003


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV (with or without BOM), values stripped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def read_tsv_data(name: str) -> list[dict[str, str]]:
    """Rows of a packaged, '#'-commented TSV vocabulary file."""
    lines = [ln for ln in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def key_of(name: str) -> str:
    """Letters and digits only, lower case: the build's name-matching key."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def find_village_db() -> Path:
    """Path of the MIMU 9.6 village table inside the mm-geo-coder package."""
    import importlib.util

    spec = importlib.util.find_spec("mm_geo_coder")  # geo-build extra; found without importing it (needs pandas)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("mm-geo-coder==0.2.1 is not installed: pip install 'mawgun[geo-build]'")
    return Path(next(iter(spec.submodule_search_locations))) / "database" / "mimu_geo_data_public.db"


def round_point(lat: float | None, lon: float | None) -> tuple[str, str]:
    """Coordinates as strings with 5 decimals (about 1 m), or empty."""
    if lat is None or lon is None:
        return "", ""
    return f"{lat:.5f}", f"{lon:.5f}"


def load_township_polygons(shared: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """MIMU v9.4 township features and their shapely geometries keyed by township P-code."""
    from shapely.geometry import shape

    path = shared / "geo" / "mimu_adm3_v9.4_simplified_geojson" / "mm_tsps.json.json"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    geoms = {f["properties"]["TS_PCODE"]: shape(f["geometry"]).buffer(0) for f in features}
    return features, geoms


def centroid_of(geom: Any) -> tuple[float, float]:
    """(lat, lon) of a polygon's centroid, or of a point inside it when the centroid falls outside."""
    point = geom.centroid
    if not geom.contains(point):
        point = geom.representative_point()
    return point.y, point.x


def dissolve(features: list[dict[str, Any]], geoms: dict[str, Any], field: str) -> dict[str, Any]:
    """Union of township polygons grouped by a property (DT_PCODE or ST_PCODE)."""
    from shapely.ops import unary_union

    groups: dict[str, list[Any]] = defaultdict(list)
    for feature in features:
        groups[feature["properties"][field]].append(geoms[feature["properties"]["TS_PCODE"]])
    return {code: unary_union(parts) for code, parts in groups.items()}


def load_legacy_districts(shared: Path) -> dict[str, str]:
    """Township P-code -> legacy district name (MIMU 2012 layer, adjusted by legacy_districts.tsv)."""
    import shapefile  # pyshp, geo-build extra

    base = shared / "geo" / "mimu_adm3_2012_fullres_shp" / "mmr_polbnda_adm3_250k_mimu"
    reader = shapefile.Reader(str(base), encoding="latin-1")
    rules = read_tsv_data("legacy_districts.tsv")
    renames = {r["key"]: r["legacy"] for r in rules if r["kind"] == "district"}
    legacy = {rec["TS_PCODE"]: renames.get(rec["DT"], rec["DT"]) for rec in reader.records() if rec["TS_PCODE"]}
    legacy.update({r["key"]: r["legacy"] for r in rules if r["kind"] == "township"})
    return legacy


def mean_point(points: Iterable[tuple[float, float]]) -> tuple[float | None, float | None]:
    """Median latitude and longitude of points (robust to stray coordinates), or (None, None)."""
    pts = list(points)
    if not pts:
        return None, None
    return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)


def boundary_feature(code: str, geom: Any, row: dict[str, str]) -> dict[str, Any]:
    """One GeoJSON feature: simplified geometry with P-code, names and parent codes."""
    from shapely.geometry import mapping

    simple = geom.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    props = {
        "pcode": code,
        "name": row.get("name", ""),
        "name_my": row.get("name_my", ""),
        "state": row.get("state", ""),
        "district": row.get("district", ""),
    }
    return {"type": "Feature", "properties": props, "geometry": round_coords(mapping(simple))}


def round_coords(geometry: Any) -> Any:
    """A GeoJSON geometry with every coordinate rounded to 4 decimals (about 11 m)."""

    def walk(value: Any) -> Any:
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(value[0], 4), round(value[1], 4)]
        if isinstance(value, (list, tuple)):
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def clean_cell(value: str) -> str:
    """A TSV cell: tabs and line breaks become spaces, runs of spaces collapse."""
    return re.sub(r"\s+", " ", value).strip()


def write_gzip(path: Path, text: str) -> None:
    """Gzip text with a fixed mtime so rebuilding yields identical bytes."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
