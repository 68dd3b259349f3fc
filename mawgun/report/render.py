"""Render a report (from `build_report`) as Markdown and as one self-contained HTML file.

Templates are package data (`mawgun/report/templates/`), rendered by Jinja2 with autoescaping on for
HTML, so text from articles (titles, quotes, outlets) always appears as text, never as markup. The
HTML carries its CSS and its SVG chart and map inline and fetches nothing: it can be mailed, archived
or opened offline. `write_report` writes `<label>.md` and/or `<label>.html` into a folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from mawgun.report.charts import render_timeline_svg
from mawgun.report.maps import render_map_svg
from mawgun.report.periods import Period, bucket_days
from mawgun.safety import safe_link

FORMATS = ("md", "html", "both")


@lru_cache(maxsize=2)
def environment(html: bool) -> Any:
    """A Jinja2 environment over the packaged templates (autoescape for HTML only)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mawgun.report", "templates"),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["link"] = safe_link  # only http(s) URLs become links, whatever a document's url says
    env.globals.update(deaths=deaths, toll_range=toll_range, toll_note=toll_note)
    return env


def deaths(row: dict[str, Any]) -> str:
    """The best-estimate toll of a count row, "unknown" when no event in it has a known toll."""
    value = row.get("fatalities")
    return "unknown" if value is None else f"{value:,}"


def toll_range(row: dict[str, Any]) -> str:
    """ "3–7" over the known tolls, "unknown" when none is known."""
    low, high = row.get("fatalities_low"), row.get("fatalities_high")
    return "unknown" if low is None or high is None else f"{low:,}–{high:,}"


def toll_note(row: dict[str, Any]) -> str:
    """ "; toll unknown for 4 events" beside a sum, or nothing when every toll is known."""
    unknown = int(row.get("toll_unknown") or 0)
    return f"; toll unknown for {unknown} event{'' if unknown == 1 else 's'}" if unknown else ""


def signed(value: int | float | None) -> str:
    """ "+3", "-2", "0" for changes."""
    if value is None:
        return "n/a"
    return f"{value:+,}" if value else "0"


def percent(value: float | None) -> str:
    """ " (+12.5%)", or nothing when the earlier figure was 0 (no percentage of nothing)."""
    return "" if value is None else f" ({value:+.1f}%)"


def md_cell(value: Any) -> str:
    """Text safe in Markdown: one line, pipes escaped, angle brackets as entities so that markup
    quoted from an article (`<script>`, `<javascript:...>` autolinks) shows as text when the Markdown
    is rendered, and square brackets and backslashes escaped so that no text can open a link."""
    text = " ".join(str(value if value is not None else "").split())
    text = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def chart_svg(data: dict[str, Any], period: Period) -> str:
    """The events-over-time chart for the period, one bar per day."""
    buckets = bucket_days(period)
    labels = {key: (day.strftime("%a %d") if period.kind == "week" else str(day.day)) for key, day, _ in buckets}
    return render_timeline_svg(
        data["timeline"],
        buckets=[key for key, _, _ in buckets],
        bucket_labels=labels,
        title=f"Events per day by event type, {period.title()}",
        x_label="Day" if period.kind == "week" else f"Day of {period.start.strftime('%B %Y')}",
        y_label="Canonical events",
        width=1000,
    )


def map_svg(data: dict[str, Any], period: Period) -> str:
    """The township choropleth with event points."""
    return render_map_svg(data["townships"], data["points"], title=f"Events by township, {period.label}", width=500)


def render_markdown(data: dict[str, Any]) -> str:
    """The report as Markdown (tables and lists; charts are left to the HTML)."""
    template = environment(False).get_template("report.md")
    return template.render(r=data, signed=signed, percent=percent, cell=md_cell)


def render_html(data: dict[str, Any], period: Period) -> str:
    """The report as one self-contained HTML page with inline CSS, chart and map."""
    from markupsafe import Markup

    template = environment(True).get_template("report.html")
    css = (Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    return template.render(
        r=data,
        signed=signed,
        percent=percent,
        css=Markup(css),
        chart=Markup(chart_svg(data, period)),
        map=Markup(map_svg(data, period)),
    )


def write_report(data: dict[str, Any], period: Period, out_dir: Path, fmt: str = "both") -> list[Path]:
    """Write the report as `<kind>-<label>.md` and/or `.html` into `out_dir`; return the paths."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{'weekly' if period.kind == 'week' else 'monthly'}-{period.label}"
    written = []
    if fmt in ("md", "both"):
        path = out_dir / f"{stem}.md"
        path.write_text(render_markdown(data), encoding="utf-8")
        written.append(path)
    if fmt in ("html", "both"):
        path = out_dir / f"{stem}.html"
        path.write_text(render_html(data, period), encoding="utf-8")
        written.append(path)
    return written
