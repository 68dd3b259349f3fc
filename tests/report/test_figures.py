"""The SVG chart and map, drawn by Mawgun's own code from data and the packaged MIMU boundaries."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mawgun.report.charts import nice_ticks, render_timeline_svg
from mawgun.report.maps import class_breaks, render_map_svg, shade_for

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_stacks_types_with_axes_legend_and_title() -> None:
    rows = [("2023-11-01", "Battles", 2), ("2023-11-01", "Riots", 1), ("2023-11-02", "Battles", 4)]
    svg = render_timeline_svg(rows, buckets=["2023-11-01", "2023-11-02"], title="Test <chart>", y_label="Events")
    root = ET.fromstring(svg)  # well-formed XML
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Test <chart>" in texts and "Events" in texts
    assert {"Battles", "Riots"} <= set(texts)  # legend
    assert len([r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]) == 3


def test_empty_chart_says_no_events() -> None:
    svg = render_timeline_svg([], buckets=["2023-11-01"])
    assert "No events recorded in this period" in svg


def test_axis_ticks_are_round_and_cover_the_maximum() -> None:
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(0) == [0.0, 1.0]


def test_map_shades_townships_by_count_and_credits_mimu() -> None:
    svg = render_map_svg({"MMR002001": 12}, [{"longitude": 96.1, "latitude": 19.7, "label": "A & B"}])
    root = ET.fromstring(svg)
    paths = list(root.iter(f"{SVG}path"))
    assert len(paths) > 300  # every township of the packaged layer
    breaks = class_breaks(12)
    filled = [p for p in paths if p.get("fill") == shade_for(12, breaks)]
    assert len(filled) == 1 and "12 events" in (filled[0].find(f"{SVG}title").text or "")
    assert "Boundaries: MIMU" in svg and "Kachin" in svg  # credit and state names
    assert len(list(root.iter(f"{SVG}circle"))) >= 1


def test_count_classes_stay_few_and_open_ended() -> None:
    assert class_breaks(1) == [(1, None)]
    breaks = class_breaks(300)
    assert len(breaks) <= 5 and breaks[0][0] == 1 and breaks[-1][1] is None
    assert shade_for(0, breaks) != shade_for(1, breaks)
