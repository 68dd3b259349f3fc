"""Charts drawn as plain SVG by Mawgun's own code (no plotting library, nothing fetched).

`render_timeline_svg` draws events over time as stacked bars, one colour per ACLED event type,
with labelled axes, a legend, a title and a tooltip (`<title>`) on every bar segment. The SVG is
a string that works inline in HTML reports, in the web dashboard and as a standalone file.

Colours are the Okabe-Ito palette, chosen because it stays distinguishable for the common forms
of colour blindness; each event type keeps the same colour in every chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

# Okabe & Ito (2008) colour-blind-safe palette, one colour per ACLED event type.
EVENT_TYPE_COLOURS: dict[str, str] = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#0072B2",
    "Violence against civilians": "#CC79A7",
    "Protests": "#009E73",
    "Riots": "#E69F00",
    "Strategic developments": "#56B4E9",
}
FALLBACK_COLOURS = ("#999999", "#F0E442", "#000000", "#882255", "#44AA99")
FONT = "font-family='system-ui, -apple-system, Segoe UI, Roboto, sans-serif'"


def colour_for(event_type: str, index: int = 0) -> str:
    """The fixed colour of an event type (a neutral fallback for unknown types)."""
    return EVENT_TYPE_COLOURS.get(event_type, FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)])


def normalise_rows(rows: Iterable[Any]) -> list[tuple[str, str, float]]:
    """Accept (bucket, event_type, count) tuples or mappings with period/bucket, event_type, count."""
    out = []
    for row in rows:
        if isinstance(row, Mapping):
            bucket = row.get("bucket", row.get("period"))
            out.append((str(bucket), str(row.get("event_type") or "Unknown"), float(row.get("count") or 0)))
        else:
            bucket, event_type, count = row
            out.append((str(bucket), str(event_type or "Unknown"), float(count or 0)))
    return out


def nice_ticks(maximum: float, target: int = 5) -> list[float]:
    """Round axis ticks from 0 up to at least `maximum` (1, 2, 5 x 10^n steps)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0)
    count = math.ceil(maximum / step)
    return [i * step for i in range(count + 1)]


def order_types(types: Iterable[str]) -> list[str]:
    """Event types in ACLED's order, unknown ones after, alphabetically."""
    known = [t for t in EVENT_TYPE_COLOURS if t in set(types)]
    return known + sorted(set(types) - set(known))


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def render_timeline_svg(
    rows: Iterable[Any],
    *,
    buckets: Sequence[str] | None = None,
    bucket_labels: Mapping[str, str] | None = None,
    title: str = "Events over time by event type",
    x_label: str = "Date",
    y_label: str = "Events",
    width: int = 760,
    height: int = 340,
) -> str:
    """Stacked bar chart of event counts per time bucket and event type, as an SVG string.

    `rows`: (bucket, event_type, count) tuples or mappings; `buckets` fixes the x axis (so empty
    days still show), otherwise buckets appear in sorted order. `bucket_labels` maps a bucket to
    its tick text. With no events the chart says so instead of drawing an empty frame silently.
    """
    data = normalise_rows(rows)
    order = list(buckets) if buckets is not None else sorted({b for b, _, _ in data})
    types = order_types({t for _, t, _ in data})
    table: dict[str, dict[str, float]] = {b: {} for b in order}
    for bucket, event_type, count in data:
        if bucket in table:
            table[bucket][event_type] = table[bucket].get(event_type, 0) + count
    totals = [sum(table[b].values()) for b in order]
    legend_rows = max(1, math.ceil(len(types) / 3))
    frame = ChartFrame(width, height, 56, 18, 44, 70 + 20 * legend_rows)
    ticks = nice_ticks(max(totals, default=0))
    parts = [svg_open(width, height, title, describe_totals(order, totals))]
    parts.append(
        f"<text x='{width / 2:.0f}' y='24' text-anchor='middle' font-size='16' font-weight='600'>{escape(title)}</text>"
    )
    parts.extend(draw_y_axis(frame, ticks, y_label))
    parts.extend(draw_bars(frame, order, table, types, ticks[-1]))
    parts.extend(draw_x_axis(frame, order, bucket_labels or {}, x_label))
    parts.extend(draw_legend(frame, types))
    if not any(totals):
        parts.append(
            f"<text x='{frame.left + frame.plot_w / 2:.0f}' y='{frame.top + frame.plot_h / 2:.0f}' "
            "text-anchor='middle' font-size='14' fill='#555'>No events recorded in this period</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


class ChartFrame:
    """The plot area inside an SVG canvas: margins and derived plot size."""

    def __init__(self, width: int, height: int, left: int, right: int, top: int, bottom: int) -> None:
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.plot_w = width - left - right
        self.plot_h = height - top - bottom

    def y_of(self, value: float, maximum: float) -> float:
        return self.top + self.plot_h - (value / maximum) * self.plot_h if maximum else self.top + self.plot_h


def svg_open(width: int, height: int, title: str, desc: str) -> str:
    """The root element with accessible title and description."""
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='{width}' "
        f"height='{height}' role='img' aria-labelledby='chart-title chart-desc' {FONT} font-size='12' "
        f"class='mawgun-chart'><title id='chart-title'>{escape(title)}</title>"
        f"<desc id='chart-desc'>{escape(desc)}</desc>"
        f"<rect width='{width}' height='{height}' fill='#ffffff'/>"
    )


def describe_totals(order: Sequence[str], totals: Sequence[float]) -> str:
    total = sum(totals)
    if not total:
        return "No events in this period."
    peak = max(range(len(order)), key=lambda i: totals[i])
    return f"{format_number(total)} events in all; most on {order[peak]} ({format_number(totals[peak])})."


def draw_y_axis(frame: ChartFrame, ticks: Sequence[float], label: str) -> list[str]:
    """Horizontal grid lines, tick labels and the rotated axis title."""
    parts = []
    for tick in ticks:
        y = frame.y_of(tick, ticks[-1])
        parts.append(
            f"<line x1='{frame.left}' x2='{frame.left + frame.plot_w}' y1='{y:.1f}' y2='{y:.1f}' "
            f"stroke='{'#444' if tick == 0 else '#e2e2e2'}' stroke-width='1'/>"
        )
        parts.append(
            f"<text x='{frame.left - 6}' y='{y + 4:.1f}' text-anchor='end' fill='#333'>{format_number(tick)}</text>"
        )
    mid = frame.top + frame.plot_h / 2
    parts.append(
        f"<text x='14' y='{mid:.0f}' transform='rotate(-90 14 {mid:.0f})' text-anchor='middle' "
        f"fill='#333'>{escape(label)}</text>"
    )
    return parts


def draw_bars(
    frame: ChartFrame,
    order: Sequence[str],
    table: Mapping[str, Mapping[str, float]],
    types: Sequence[str],
    maximum: float,
) -> list[str]:
    """One stacked bar per bucket, segments in legend order, each with a tooltip."""
    if not order:
        return []
    slot = frame.plot_w / len(order)
    bar_w = max(1.0, slot * 0.72)
    parts = []
    for i, bucket in enumerate(order):
        x = frame.left + i * slot + (slot - bar_w) / 2
        base = 0.0
        for k, event_type in enumerate(types):
            value = table[bucket].get(event_type, 0)
            if not value:
                continue
            y_top, y_bottom = frame.y_of(base + value, maximum), frame.y_of(base, maximum)
            parts.append(
                f"<rect x='{x:.1f}' y='{y_top:.1f}' width='{bar_w:.1f}' height='{y_bottom - y_top:.1f}' "
                f"fill='{colour_for(event_type, k)}'><title>{escape(bucket)}: {escape(event_type)} "
                f"{format_number(value)}</title></rect>"
            )
            base += value
    return parts


def draw_x_axis(frame: ChartFrame, order: Sequence[str], labels: Mapping[str, str], label: str) -> list[str]:
    """Tick labels under the bars, thinned so they never overlap, and the axis title."""
    if not order:
        return []
    slot = frame.plot_w / len(order)
    every = max(1, math.ceil(len(order) / max(1, frame.plot_w // 64)))
    y = frame.top + frame.plot_h + 16
    parts = []
    for i, bucket in enumerate(order):
        if i % every:
            continue
        x = frame.left + i * slot + slot / 2
        parts.append(
            f"<text x='{x:.1f}' y='{y}' text-anchor='middle' fill='#333'>{escape(labels.get(bucket, bucket))}</text>"
        )
    parts.append(
        f"<text x='{frame.left + frame.plot_w / 2:.0f}' y='{y + 20}' text-anchor='middle' "
        f"fill='#333'>{escape(label)}</text>"
    )
    return parts


def draw_legend(frame: ChartFrame, types: Sequence[str]) -> list[str]:
    """Colour keys under the x axis, three per row."""
    parts = []
    top = frame.top + frame.plot_h + 62
    col_w = frame.plot_w / 3
    for k, event_type in enumerate(types):
        x = frame.left + (k % 3) * col_w
        y = top + (k // 3) * 20
        parts.append(f"<rect x='{x:.1f}' y='{y - 10}' width='12' height='12' fill='{colour_for(event_type, k)}'/>")
        parts.append(f"<text x='{x + 18:.1f}' y='{y}' fill='#222'>{escape(event_type)}</text>")
    return parts
