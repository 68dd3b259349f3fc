"""Geometry helpers for the offline map: reading boundary GeoJSON, projecting, outlining states.

Everything here is plain Python so the map needs no GIS library at run time. The projection is
equirectangular with a cos(latitude) correction at the map's middle latitude, which is faithful
enough for a country spanning 19 degrees of latitude. State outlines are derived from the
township layer by keeping the edges that only one township of a state uses (shared inner edges
cancel out), which works because MIMU's simplified layer keeps shared borders identical.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Ring = list[Point]

# Property names used by MIMU's layer and by Mawgun's packaged boundaries, tried in order.
ADMIN3_PCODE_KEYS = ("TS_PCODE", "admin3_pcode", "ADM3_PCODE", "pcode")
ADMIN3_NAME_KEYS = ("TS", "admin3", "ADM3_EN", "name")
ADMIN1_PCODE_KEYS = ("ST_PCODE", "admin1_pcode", "ADM1_PCODE", "state")
ADMIN1_NAME_KEYS = ("ST", "admin1", "ADM1_EN")
KM_PER_DEGREE = 111.32


def first_property(props: dict[str, Any], keys: Sequence[str]) -> str | None:
    """The first of `keys` present in a feature's properties."""
    for key in keys:
        if props.get(key):
            return str(props[key])
    return None


@dataclass
class Unit:
    """One admin unit of the layer: its codes, names and outer/inner rings (lon, lat)."""

    pcode: str
    name: str
    admin1_pcode: str
    admin1: str
    rings: list[Ring]


def iter_rings(geometry: dict[str, Any]) -> Iterator[Ring]:
    """All rings of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        return
    for polygon in polygons:
        for ring in polygon:
            yield [(float(x), float(y)) for x, y, *_ in ring]


@lru_cache(maxsize=4)
def load_units(path: str) -> tuple[Unit, ...]:
    """Read a township GeoJSON file into units (cached: reports draw the same map many times)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    units = []
    for feature in data.get("features", []):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        if not geometry:
            continue
        units.append(
            Unit(
                pcode=first_property(props, ADMIN3_PCODE_KEYS) or "",
                name=first_property(props, ADMIN3_NAME_KEYS) or "",
                admin1_pcode=first_property(props, ADMIN1_PCODE_KEYS) or "",
                admin1=first_property(props, ADMIN1_NAME_KEYS) or "",
                rings=list(iter_rings(geometry)),
            )
        )
    return tuple(units)


class Projection:
    """Equirectangular projection with cos(mid-latitude) correction, fitted to a box in pixels."""

    def __init__(self, bbox: tuple[float, float, float, float], width: float, margin: float) -> None:
        lon0, lat0, lon1, lat1 = bbox
        self.lon0, self.lat1 = lon0, lat1
        self.kx = math.cos(math.radians((lat0 + lat1) / 2))
        self.scale = (width - 2 * margin) / ((lon1 - lon0) * self.kx)
        self.margin = margin
        self.height = (lat1 - lat0) * self.scale + 2 * margin

    def project(self, lon: float, lat: float) -> Point:
        return ((lon - self.lon0) * self.kx * self.scale + self.margin, (self.lat1 - lat) * self.scale + self.margin)

    def pixels_per_km(self) -> float:
        return self.scale / KM_PER_DEGREE


def bbox_of(units: Iterable[Unit]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for unit in units:
        for ring in unit.rings:
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
    return min(xs), min(ys), max(xs), max(ys)


def path_data(rings: Iterable[Sequence[Point]], proj: Projection, closed: bool = True, tolerance: float = 0.7) -> str:
    """SVG path data for rings or lines, dropping points closer than `tolerance` pixels."""
    out = []
    for ring in rings:
        points = thin_points([proj.project(x, y) for x, y in ring], tolerance)
        if len(points) < 2:
            continue
        head = f"M{points[0][0]:.1f} {points[0][1]:.1f}"
        body = "".join(f"L{x:.1f} {y:.1f}" for x, y in points[1:])
        out.append(head + body + ("Z" if closed else ""))
    return "".join(out)


def thin_points(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Keep the first and last point and every point at least `tolerance` from the last kept."""
    if len(points) <= 2:
        return list(points)
    kept = [points[0]]
    for point in points[1:-1]:
        if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= tolerance:
            kept.append(point)
    kept.append(points[-1])
    return kept


def edge_key(a: Point, b: Point) -> tuple[Point, Point]:
    ka, kb = (round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6))
    return (ka, kb) if ka <= kb else (kb, ka)


def outline_lines(units: Iterable[Unit]) -> list[list[Point]]:
    """The outer border of a group of units as polylines: edges used once, chained end to end."""
    counts: dict[tuple[Point, Point], int] = defaultdict(int)
    for unit in units:
        for ring in unit.rings:
            for a, b in zip(ring, ring[1:], strict=False):
                counts[edge_key(a, b)] += 1
    return chain_edges([edge for edge, n in counts.items() if n == 1])


def chain_edges(edges: Sequence[tuple[Point, Point]]) -> list[list[Point]]:
    """Join loose segments into as few polylines as possible (greedy walk over the graph)."""
    neighbours: dict[Point, list[Point]] = defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    lines = []
    for start in list(neighbours):
        while neighbours[start]:
            line = [start]
            current = start
            while neighbours[current]:
                nxt = neighbours[current].pop()
                neighbours[nxt].remove(current)
                line.append(nxt)
                current = nxt
            lines.append(line)
    return lines


def ring_area_centroid(ring: Sequence[Point]) -> tuple[float, float, float]:
    """Signed-area-free (absolute) area and centroid of one ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def label_point(units: Iterable[Unit]) -> Point:
    """Area-weighted centroid of the units' largest rings: where a group's name goes."""
    total = sx = sy = 0.0
    for unit in units:
        if not unit.rings:
            continue
        area, cx, cy = max((ring_area_centroid(r) for r in unit.rings), key=lambda t: t[0])
        total += area
        sx += cx * area
        sy += cy * area
    return (sx / total, sy / total) if total else (0.0, 0.0)
