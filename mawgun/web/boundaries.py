"""Map outlines for the dashboard: the shipped MIMU boundaries, simplified once and cached.

Reads the GeoJSON that `mawgun.geo.boundaries_path(level)` names, simplifies every ring with
Douglas-Peucker and rounds coordinates to 0.005 degree (about 500 m, under a pixel of the dashboard
map), so the browser draws the 330 townships from a few hundred kilobytes. Property names of MIMU
files (ST, ST_PCODE, TS, TS_PCODE) and of the geo stage's files (name, pcode, state) are both read.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from mawgun.store.urls import data_home
from mawgun.web.adapters import boundaries_file

TOLERANCE = {"admin1": 0.012, "admin3": 0.006}
CREDIT = "Boundaries and place codes: MIMU"
PCODE_KEYS = ("pcode", "TS_PCODE", "admin3_pcode", "ST_PCODE", "SR_PCODE", "admin1_pcode")
NAME_KEYS = ("name", "TS", "admin3", "ST", "SR", "admin1", "NAME_1")
NAME_MY_KEYS = ("name_my", "TS_MMR", "ST_MMR", "SR_MMR")
PARENT_KEYS = ("admin1_pcode", "state", "ST_PCODE", "SR_PCODE")


def _pick(props: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if props.get(key):
            return str(props[key])
    return None


def _perpendicular(point: list[float], start: list[float], end: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify_ring(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker simplification (iterative, so long rings cannot exhaust the stack)."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _perpendicular(points[i], points[first], points[last])
            if distance > best:
                best, index = distance, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def _compact_feature(feature: dict[str, Any], tolerance: float) -> dict[str, Any] | None:
    props = feature.get("properties") or {}
    rings = []
    for ring in _rings(feature.get("geometry") or {}):
        simple = simplify_ring([[float(x), float(y)] for x, y, *_ in ring], tolerance)
        if len(simple) >= 4:
            rings.append([[round(x * 200) / 200, round(y * 200) / 200] for x, y in simple])
    if not rings:
        return None
    return {
        "pcode": _pick(props, PCODE_KEYS),
        "name": _pick(props, NAME_KEYS),
        "name_my": _pick(props, NAME_MY_KEYS),
        "admin1_pcode": _pick(props, PARENT_KEYS),
        "label": label_point(max(rings, key=len)),
        "rings": rings,
    }


def label_point(ring: list[list[float]]) -> list[float]:
    """A point inside the ring to write its name at: the area centroid when it falls inside, else the
    middle of the widest inside stretch of the horizontal line through it (a crescent's centroid is
    outside it). Rounded like the outlines."""
    x, y = _centroid(ring)
    if not _inside(x, y, ring):
        crossings = sorted(
            x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            if (y1 > y) != (y2 > y)
        )
        spans = [(crossings[i + 1] - crossings[i], crossings[i]) for i in range(0, len(crossings) - 1, 2)]
        if spans:
            width, start = max(spans)
            x = start + width / 2
    return [round(x, 3), round(y, 3)]


def _centroid(ring: list[list[float]]) -> tuple[float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area, cx, cy = area + cross, cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
    if abs(area) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * area), cy / (3 * area)


def _inside(x: float, y: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@lru_cache(maxsize=8)
def _load(path: str, mtime: float, tolerance: float) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    features = [_compact_feature(f, tolerance) for f in data.get("features", [])]
    kept = [f for f in features if f]
    xs = [x for f in kept for ring in f["rings"] for x, _ in ring]
    ys = [y for f in kept for ring in f["rings"] for _, y in ring]
    bbox = [min(xs), min(ys), max(xs), max(ys)] if xs else None
    return {"features": kept, "bbox": bbox}


def boundaries_json(level: str) -> bytes:
    """`load_boundaries(level)` as JSON bytes, serialised once per file version (the API sends these)."""
    path = boundaries_file(level)
    return _serialised(level, str(path or ""), path.stat().st_mtime if path else 0.0)


@lru_cache(maxsize=8)
def _serialised(level: str, path: str, mtime: float) -> bytes:
    """The simplified outlines as JSON, also kept on disk (`$MAWGUN_HOME/cache`): simplifying the 330
    townships takes a second or more of CPU, which every new server process would otherwise spend on
    its first visitor. The file is named by the source file, its version, the tolerance and this
    module's code, so any change makes a new one; a cache folder that cannot be written is skipped."""
    stored = cache_file(level, path, mtime)
    if stored.is_file():
        return stored.read_bytes()
    data = {**load_boundaries(level), "credit": CREDIT}
    body = json.dumps(data, separators=(",", ":")).encode("utf-8")
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        partial = stored.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(body)
        partial.replace(stored)  # atomic: a reader sees the old file or the whole new one
    except OSError:
        pass  # read-only home: outlines are simplified again by the next process, nothing else changes
    return body


def cache_file(level: str, path: str, mtime: float) -> Path:
    """Where the simplified outlines of this source file version and code are kept."""
    code = Path(__file__).read_bytes()
    key = hashlib.sha256(repr((level, path, mtime, TOLERANCE.get(level, 0.005))).encode() + code).hexdigest()[:20]
    return data_home() / "cache" / f"boundaries-{level}-{key}.json"


def load_boundaries(level: str) -> dict[str, Any]:
    """Simplified outlines of a level ("admin1" or "admin3"); no features when none are shipped."""
    path = boundaries_file(level)
    if path is None:
        return {"level": level, "features": [], "bbox": None}
    loaded = _load(str(path), path.stat().st_mtime, TOLERANCE.get(level, 0.005))
    return {"level": level, **loaded}
