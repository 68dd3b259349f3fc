"""An offline map of Myanmar drawn as SVG: township choropleth, event points, state outlines.

`render_map_svg(counts_by_pcode, points)` shades every township (MIMU admin3 P-code) by its event
count, draws event points coloured by event type, outlines and names the states/regions, and adds
a legend, a scale bar, a north arrow and the credit "Boundaries: MIMU". It reads the simplified
boundaries Mawgun packages (`mawgun.geo.boundaries_path("admin3")`) or a GeoJSON file given to it,
and fetches nothing, so reports stay self-contained and work without a network.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from mawgun.geo import boundaries_path
from mawgun.report.charts import FONT, colour_for, format_number
from mawgun.report.geometry import (
    Projection,
    Unit,
    bbox_of,
    label_point,
    load_units,
    outline_lines,
    path_data,
)

SHADES = ("#fdd9b5", "#fdb077", "#f4793b", "#d4461b", "#99220b")
NO_EVENTS = "#f3f3f0"
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
HEADER = 34


def find_boundaries(path: str | Path | None = None) -> Path | None:
    """The township layer: an explicit path, else the packaged one, else MAWGUN_BOUNDARIES."""
    if path:
        return Path(path)
    packaged = boundaries_path("admin3")
    if packaged.exists():
        return packaged
    env = os.environ.get("MAWGUN_BOUNDARIES")
    return Path(env) if env and Path(env).exists() else None


def class_breaks(maximum: int) -> list[tuple[int, int | None]]:
    """Up to five count classes as (low, high) pairs; the last is open-ended (high None)."""
    lows = [s for s in STEPS if s <= max(maximum, 1)][-len(SHADES) :]
    if lows[0] != 1:
        lows[0] = 1
    return [(low, (lows[i + 1] - 1) if i + 1 < len(lows) else None) for i, low in enumerate(lows)]


def shade_for(count: int, breaks: Sequence[tuple[int, int | None]]) -> str:
    """The fill of a township with `count` events."""
    if count <= 0:
        return NO_EVENTS
    for i, (low, high) in enumerate(breaks):
        if count >= low and (high is None or count <= high):
            return SHADES[i]
    return SHADES[len(breaks) - 1]


def point_fields(point: Any) -> tuple[float, float, str, str, int]:
    """(lon, lat, label, event_type, fatalities) from a mapping or a (lon, lat[, label, type]) tuple."""
    if isinstance(point, Mapping):
        lon = point.get("longitude", point.get("lon"))
        lat = point.get("latitude", point.get("lat"))
        return (
            float(lon),
            float(lat),
            str(point.get("label") or ""),
            str(point.get("event_type") or ""),
            int(point.get("fatalities") or 0),
        )
    lon, lat, *rest = point
    label = str(rest[0]) if rest else ""
    event_type = str(rest[1]) if len(rest) > 1 else ""
    return float(lon), float(lat), label, event_type, 0


def render_map_svg(
    counts_by_pcode: Mapping[str, int],
    points: Iterable[Any] = (),
    *,
    boundaries: str | Path | None = None,
    title: str = "Events by township",
    width: int = 460,
) -> str:
    """The map as an SVG string: townships shaded by count, points on top, legend and credits.

    `counts_by_pcode` maps admin3 P-codes (e.g. "MMR013008") to event counts; `points` are
    mappings with longitude/latitude (label, event_type, fatalities optional) or (lon, lat) tuples.
    Without a boundary file the map still renders its points on a plain frame and says so.
    """
    source = find_boundaries(boundaries)
    units = load_units(str(source)) if source else ()
    points = [point_fields(p) for p in points]
    bbox = bbox_of(units) if units else (92.1, 9.5, 101.2, 28.6)
    proj = Projection(bbox, width, 14)
    height = int(proj.height) + HEADER
    parts = [map_open(width, height, title, counts_by_pcode, points)]
    parts.append(f"<g transform='translate(0 {HEADER})'>")
    if units:
        parts.extend(draw_townships(units, counts_by_pcode, proj))
        parts.extend(draw_states(units, proj))
    else:
        parts.append(f"<text x='{width / 2}' y='60' text-anchor='middle' fill='#555'>Boundaries unavailable</text>")
    parts.extend(draw_points(points, proj))
    parts.extend(draw_legend(counts_by_pcode, bool(points), proj))
    parts.extend(draw_north_and_credit(proj, width))
    parts.append("</g></svg>")
    return "\n".join(parts)


def map_open(width: int, height: int, title: str, counts: Mapping[str, int], points: Sequence[Any]) -> str:
    """Root element, accessible title/description, white background and the visible title."""
    n_town = sum(1 for v in counts.values() if v)
    desc = f"{sum(counts.values())} events in {n_town} townships; {len(points)} located events shown as points."
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='{width}' "
        f"height='{height}' role='img' aria-labelledby='map-title map-desc' {FONT} font-size='11' "
        f"class='mawgun-map'><title id='map-title'>{escape(title)}</title><desc id='map-desc'>{escape(desc)}</desc>"
        f"<rect width='{width}' height='{height}' fill='#eef3f7'/>"
        f"<text x='12' y='22' font-size='15' font-weight='600'>{escape(title)}</text>"
    )


def draw_townships(units: Sequence[Unit], counts: Mapping[str, int], proj: Projection) -> list[str]:
    """Each township filled by its count class, with a tooltip naming it."""
    breaks = class_breaks(max(counts.values(), default=0))
    states = {group[0].pcode: name for name, group in load_states(units)}
    parts = ["<g stroke='#c8c8c0' stroke-width='0.4' fill-rule='evenodd'>"]
    for unit in units:
        count = int(counts.get(unit.pcode, 0))
        state = states.get(unit.admin1_pcode) or unit.admin1
        where = f"{unit.name} ({state})" if state else unit.name
        label = f"{where}: {count} event{'s' if count != 1 else ''}"
        parts.append(
            f"<path d='{path_data(unit.rings, proj)}' fill='{shade_for(count, breaks)}'>"
            f"<title>{escape(label)}</title></path>"
        )
    parts.append("</g>")
    return parts


def load_states(units: Sequence[Unit]) -> list[tuple[str, list[Unit]]]:
    """States/regions as (name, units): the packaged admin1 layer, else townships grouped by state."""
    path = boundaries_path("admin1")
    if path.exists():
        return [(unit.name, [unit]) for unit in load_units(str(path))]
    groups: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        groups[unit.admin1_pcode or unit.admin1].append(unit)
    return [(group[0].admin1, outline_units(group)) for group in groups.values()]


def outline_units(group: list[Unit]) -> list[Unit]:
    """A group of townships as one pseudo-unit whose rings are the group's outer border."""
    first = group[0]
    return [Unit(first.admin1_pcode, first.admin1, first.admin1_pcode, first.admin1, outline_lines(group))]


def draw_states(units: Sequence[Unit], proj: Projection) -> list[str]:
    """State/region outlines and their names with a white halo."""
    states = load_states(units)
    outline = "".join(path_data(u.rings, proj, closed=False, tolerance=0.9) for _, group in states for u in group)
    parts = [f"<path d='{outline}' fill='none' stroke='#4a4a4a' stroke-width='0.9' stroke-linejoin='round'/>"]
    parts.append(
        "<g font-size='9.5' fill='#222' text-anchor='middle' stroke='#ffffff' stroke-width='2.5' "
        "paint-order='stroke' stroke-linejoin='round'>"
    )
    for name, group in states:
        x, y = proj.project(*label_point(group))
        parts.append(f"<text x='{x:.1f}' y='{y:.1f}'>{escape(name)}</text>")
    parts.append("</g>")
    return parts


def draw_points(points: Sequence[tuple[float, float, str, str, int]], proj: Projection) -> list[str]:
    """Event points coloured by event type, larger with more fatalities."""
    parts = ["<g stroke='#ffffff' stroke-width='0.8' fill-opacity='0.9'>"]
    for lon, lat, label, event_type, fatalities in points:
        x, y = proj.project(lon, lat)
        radius = min(9.0, 3.2 + fatalities**0.5)
        tip = f"{label} ({event_type})" if event_type else label
        parts.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{radius:.1f}' fill='{colour_for(event_type)}'>"
            f"<title>{escape(tip)}</title></circle>"
        )
    parts.append("</g>")
    return parts


def draw_legend(counts: Mapping[str, int], has_points: bool, proj: Projection) -> list[str]:
    """Count classes, the point symbol and a 100 km scale bar, in the empty sea to the south-west."""
    breaks = class_breaks(max(counts.values(), default=0))
    x, y = 16.0, proj.height * 0.70
    parts = [
        f"<g font-size='10.5' fill='#222'><rect x='{x - 6}' y='{y - 14}' width='150' "
        f"height='{(len(breaks) + 4) * 16 + 22}' "
        "fill='#eef3f7' fill-opacity='0.92' rx='3'/>"
        f"<text x='{x}' y='{y}' font-weight='600'>Events per township</text>"
    ]
    rows = [(NO_EVENTS, "0")] + [
        (SHADES[i], f"{low}" if high == low else (f"{low}–{high}" if high else f"{format_number(low)} or more"))
        for i, (low, high) in enumerate(breaks)
    ]
    for i, (fill, text) in enumerate(rows):
        yy = y + 8 + i * 16
        parts.append(f"<rect x='{x}' y='{yy}' width='14' height='11' fill='{fill}' stroke='#999' stroke-width='0.5'/>")
        parts.append(f"<text x='{x + 20}' y='{yy + 9.5}'>{text}</text>")
    yy = y + 8 + len(rows) * 16
    if has_points:
        parts.append(
            f"<circle cx='{x + 7}' cy='{yy + 6}' r='4' fill='#555' stroke='#fff'/>"
            f"<text x='{x + 20}' y='{yy + 9.5}'>Event (size: fatalities)</text>"
        )
        yy += 16
    parts.extend(draw_scale_bar(x, yy + 18, proj))
    parts.append("</g>")
    return parts


def draw_scale_bar(x: float, y: float, proj: Projection) -> list[str]:
    """A 100 km bar at the map's middle latitude."""
    length = 100 * proj.pixels_per_km()
    return [
        f"<path d='M{x} {y - 4}V{y}H{x + length:.1f}V{y - 4}' fill='none' stroke='#222' stroke-width='1.2'/>",
        f"<text x='{x}' y='{y + 12}'>0</text>"
        f"<text x='{x + length:.1f}' y='{y + 12}' text-anchor='middle'>100 km</text>",
    ]


def draw_north_and_credit(proj: Projection, width: int) -> list[str]:
    """North arrow in the top-right corner and the boundary credit at the bottom-right."""
    nx = width - 26
    return [
        f"<g fill='#222'><path d='M{nx} 8 L{nx + 7} 28 L{nx} 23 L{nx - 7} 28 Z'/>"
        f"<text x='{nx}' y='42' text-anchor='middle' font-size='12' font-weight='600'>N</text></g>",
        f"<text x='{width - 8}' y='{proj.height - 8:.0f}' text-anchor='end' font-size='10' fill='#333'>"
        "Boundaries: MIMU</text>",
    ]
