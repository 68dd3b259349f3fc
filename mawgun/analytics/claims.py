"""Claims against data: each statistic a source reported, beside Mawgun's own count of the same thing.

"At least 60 air attacks over the month" is set beside the Air/drone strike events Mawgun holds for
August nationwide; "182 killed" beside the fatalities of its events in the same area and period.
The metric -> measure mapping is data (data/claims.yaml).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from mawgun.geo.admin1 import normalize_admin1
from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter, dialect_of, filtered, source_for
from mawgun.store.schema import DocumentRow, EvidenceRow, StatisticRow

CLAIMS_PATH = Path(__file__).parent / "data" / "claims.yaml"
NATIONWIDE = {"myanmar", "burma", "nationwide", "national", "country"}


@lru_cache(maxsize=1)
def metric_table() -> dict[str, dict[str, Any]]:
    """Metric name or alias (lower case) -> its measure definition."""
    table: dict[str, dict[str, Any]] = {}
    for name, spec in yaml.safe_load(CLAIMS_PATH.read_text(encoding="utf-8"))["metrics"].items():
        for key in [name, *spec.get("aliases", [])]:
            table[key.lower()] = spec | {"metric": name}
    return table


def measure_for(metric: str) -> dict[str, Any] | None:
    """The measure of a metric name, or None when Mawgun has none."""
    spec = metric_table().get(" ".join(metric.lower().split()))
    return spec if spec and spec["measure"] != "none" else None


def claim_area(area: list[Any]) -> list[str]:
    """A statistic's area as state/region names ([] = nationwide)."""
    names = [str(item) for item in area or []]
    if not names or any(name.lower() in NATIONWIDE for name in names):
        return []
    return sorted({normalize_admin1(name) or name for name in names})


def claim_filter(stat: StatisticRow, spec: dict[str, Any], flt: EventFilter) -> EventFilter:
    """The event filter that measures one statistic: its period and area, the measure's types."""
    return EventFilter(
        since=stat.period_start,
        until=stat.period_end,
        event_types=list(spec.get("event_types", [])),
        sub_event_types=list(spec.get("sub_event_types", [])),
        admin1=claim_area(stat.area),
        actors=list(flt.actors),
        alliance=flt.alliance,
        side=flt.side,
        origin=flt.origin,
        per_report=flt.per_report,
    )


def count_places(session: Session, flt: EventFilter) -> int:
    """Distinct places (P-code, else state/region + name) among the filtered events."""
    src = source_for(flt)
    name = func.coalesce(src.col("location"), src.col("admin3"), "")
    key = func.coalesce(src.col("pcode"), func.coalesce(src.col("admin1"), "").op("||")("/").op("||")(name))
    stmt = select(func.count(func.distinct(key)))
    return int(session.scalar(filtered(stmt, src, flt, dialect_of(session))) or 0)


def measure(session: Session, spec: dict[str, Any], flt: EventFilter) -> int:
    """Mawgun's value for one measure under one filter."""
    if spec["measure"] == "places":
        return count_places(session, flt)
    rows = count_events(session, [], flt)
    total = rows[0] if rows else {"events": 0, "fatalities": 0}
    return int(total["fatalities"] if spec["measure"] == "fatalities" else total["events"])


def statistics_in(session: Session, flt: EventFilter) -> list[tuple[StatisticRow, str | None]]:
    """Statistics whose period overlaps the filter's dates, with their document's outlet."""
    stmt = select(StatisticRow, DocumentRow.outlet).outerjoin(DocumentRow, DocumentRow.id == StatisticRow.document_id)
    if flt.since:
        stmt = stmt.where(or_(StatisticRow.period_end.is_(None), StatisticRow.period_end >= flt.since))
    if flt.until:
        stmt = stmt.where(or_(StatisticRow.period_start.is_(None), StatisticRow.period_start <= flt.until))
    stmt = stmt.order_by(StatisticRow.period_start, StatisticRow.metric, StatisticRow.id)
    return [(row, outlet) for row, outlet in session.execute(stmt)]


def quotes_of(session: Session, stat_ids: list[str]) -> dict[str, list[str]]:
    """Statistic id -> the quoted spans it was read from."""
    found: dict[str, list[str]] = {}
    stmt = select(EvidenceRow).where(and_(EvidenceRow.record_kind == "statistic", EvidenceRow.record_id.in_(stat_ids)))
    for row in session.scalars(stmt.order_by(EvidenceRow.start)):
        if row.quote:
            found.setdefault(row.record_id, []).append(row.quote)
    return found


def in_area(stat: StatisticRow, flt: EventFilter) -> bool:
    """Whether a statistic's area meets the filter's states/regions (nationwide figures always do)."""
    if not flt.admin1:
        return True
    area = claim_area(stat.area)
    wanted = {normalize_admin1(name) or name for name in flt.admin1}
    return not area or bool(wanted & set(area))


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def claims_against_data(session: Session, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Every statistic a source reported (in the filter's dates and area), beside Mawgun's count.

    Rows: statistic id, document, outlet, source_org, metric, value, qualifier, area, period,
    quotes; `measure` (events/fatalities/places or None), `mawgun` (Mawgun's value or None),
    `difference` (mawgun - value) and `note` (why no comparison, or that the period has no start).
    """
    flt = flt or EventFilter()
    stats = [(stat, outlet) for stat, outlet in statistics_in(session, flt) if in_area(stat, flt)]
    quotes = quotes_of(session, [stat.id for stat, _ in stats])
    rows = []
    for stat, outlet in stats:
        spec = measure_for(stat.metric)
        row = {
            "statistic_id": stat.id,
            "document_id": stat.document_id,
            "outlet": outlet,
            "source_org": stat.source_org,
            "metric": stat.metric,
            "value": int(stat.value) if float(stat.value).is_integer() else stat.value,
            "qualifier": stat.qualifier,
            "area": list(stat.area or []),
            "period_start": iso(stat.period_start),
            "period_end": iso(stat.period_end),
            "quotes": quotes.get(stat.id, []),
            "measure": spec["measure"] if spec else None,
            "mawgun": None,
            "difference": None,
            "note": None,
        }
        if spec is None:
            row["note"] = f"Mawgun has no measure for {stat.metric!r}"
        elif stat.period_start is None and stat.period_end is None:
            row["note"] = "the statistic states no period"
        else:
            value = measure(session, spec, claim_filter(stat, spec, flt))
            row |= {"mawgun": value, "difference": value - stat.value, "note": spec.get("note")}
            if stat.period_start is None:
                row["note"] = "no period start stated: Mawgun counts everything up to the period end"
        rows.append(row)
    return rows
