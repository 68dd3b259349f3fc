"""The event filter (`EventFilter`) and what needs no ORM to read it: its constants, its label, the
place condition and period labels, so a count from the rollup (`mawgun.query.rollup_sql`) is built
from SQLAlchemy Core alone (issue 18: the ORM and the mapped schema were ~0.6 billion instructions of
`mawgun stats`' first run). `mawgun.query.filter` re-exports every name here and holds the conditions
on the event tables; see it for what the filter means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Table, or_

from mawgun.query.tolls import RAW, finish_tolls

PERIOD_KEYS = ("day", "week", "month", "year")
DATE_PRECISIONS = ("day", "week", "month", "year")
# Place precision by name -> ACLED geo_precision (1 the named place, 2 its township, 3 the state/region).
PLACE_PRECISIONS = {"place": 1, "township": 2, "state": 3}
ACTOR_KEYS = ("actor", "alliance", "side")
COLUMN_KEYS = ("event_type", "sub_event_type", "admin1", "admin3", "township", "origin")
KEY_COLUMNS = {"township": "admin3_pcode"}  # group keys named otherwise than their column
GROUP_KEYS = PERIOD_KEYS + COLUMN_KEYS + ACTOR_KEYS
# drafts: reviewed and draft events (rejected ones never count); reviewed: reviewed only; or one state.
REVIEW_SCOPES = ("drafts", "reviewed", "draft", "rejected")


@dataclass
class EventFilter:
    """Which events to read or count. Lists match any of their values; empty lists and None match all.

    `admin1` takes any spelling of a state/region or its P-code; `admin3` township names (usual
    capitalisations) or P-codes. `actors` are registry codes or names ("Arakan Army" -> AA); an event
    matches when any of its actors (either side) does. `alliance` matches events of an actor that was a
    member on the event's date (members' units through their parents: KNLA via KNU); `side` (junta,
    resistance, civilian, ...) events with any actor on that side. Actor, alliance and side conditions
    must all hold, possibly through different actors (actors=["MIL"], side="resistance": the junta
    against any resistance force). `outlets` matches events reported by a document of those outlets
    (case-insensitive). `date_precisions` (day, week, month, year) and `place_precisions` (place,
    township, state: how exactly the date and the place are known) keep events known that precisely.
    `per_report` reads reports, not canonical events. `review` is one of
    REVIEW_SCOPES (a report has its canonical event's state; an unclustered one is a draft).
    `release` reads the events that release froze (all reviewed) instead of the live ones.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    event_types: list[str] = field(default_factory=list)
    sub_event_types: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin3: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    alliance: str | None = None
    side: str | None = None
    origin: str | None = None
    outlets: list[str] = field(default_factory=list)
    date_precisions: list[str] = field(default_factory=list)
    place_precisions: list[str] = field(default_factory=list)
    per_report: bool = False
    review: str = "drafts"
    release: str | None = None

    def __post_init__(self) -> None:
        if self.review not in REVIEW_SCOPES:
            raise ValueError(f"review must be one of {', '.join(REVIEW_SCOPES)}, not {self.review!r}")
        if self.release and self.per_report:
            raise ValueError("a release holds canonical events only; it cannot be read per report")

    @property
    def level(self) -> str:
        """ "report" or "canonical": the table this filter reads."""
        return "report" if self.per_report else "canonical"


def scope_label(flt: EventFilter) -> str:
    """What a count of this filter counts, in words printed beside it ("reviewed events only")."""
    if flt.release:
        return f"release {flt.release} (reviewed events as published)"
    return {
        "drafts": "reviewed and draft events (not yet reviewed ones included)",
        "reviewed": "reviewed events only",
        "draft": "draft events only",
        "rejected": "rejected events only",
    }[flt.review]


@dataclass(frozen=True)
class Source:
    """The table analytics reads (a mapped class or a Core `Table`), with its columns under common names."""

    table: Any
    per_report: bool

    def col(self, name: str) -> Any:
        """A column by its common name (fatalities_best is `fatalities` on reports)."""
        if name == "fatalities_best" and self.per_report:
            name = "fatalities"
        return self.table.c[name] if isinstance(self.table, Table) else getattr(self.table, name)


def label_period(unit: str, value: Any) -> str | None:
    """The public label of a period key: weeks as ISO "YYYY-Www", the others as SQL gave them."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if unit != "week":
        return text
    year, week, _ = dt.date.fromisoformat(text[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def is_pcode(value: str) -> bool:
    """MIMU P-codes look like MMR015 (a state/region) or MMR015001 (a township)."""
    return value.upper().startswith("MMR") and value[3:4].isdigit()


def spellings(value: str) -> list[str]:
    """A name as typed and in its usual capitalisations ("sagaing" -> "Sagaing"), so that the
    comparison stays an indexed equality instead of a case-insensitive scan."""
    return list(dict.fromkeys([value, value.title(), value.upper(), value.lower(), value.capitalize()]))


def place_condition(src: Source, level: str, values: list[str]) -> ColumnElement[bool]:
    """Events in any of the places: P-codes match `<level>_pcode`; names match in their usual
    capitalisations, state/region names in any spelling ("Karenni State" -> Kayah)."""
    from mawgun.geo.admin1 import normalize_admin1

    codes = sorted({value.upper() for value in values if is_pcode(value)})
    names: set[str] = set()
    for value in values:
        if not is_pcode(value):
            folded = normalize_admin1(value) if level == "admin1" else None
            names.update([folded] if folded else spellings(value))
    tests = [src.col(level).in_(sorted(names))] if names else []
    if codes:
        tests.append(src.col(f"{level}_pcode").in_(codes))
    return or_(*tests)


def check_keys(by: Sequence[str]) -> list[str]:
    """The grouping keys, validated (a clear error names the allowed ones)."""
    keys = [key.strip() for key in by if key and key.strip()]
    unknown = [key for key in keys if key not in GROUP_KEYS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(GROUP_KEYS)}")
    return keys


def finish_counts(rows: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    """Raw count rows (keys, events and toll sums as SQL gave them) as `count_events` returns them:
    periods labelled, sums as integers, weeks merged by label, tolls made honest, sorted by the keys."""
    for row in rows:
        for key in keys:
            if key in PERIOD_KEYS:
                row[key] = label_period(key, row[key])
        for name in RAW:
            row[name] = int(row[name] or 0)
    if "week" in keys:  # weeks were grouped by their Monday; labels are unique per Monday
        rows = merge_rows(rows, keys)
    return sorted((finish_tolls(row) for row in rows), key=lambda row: sort_key(row, keys))


def sort_key(row: dict[str, Any], keys: list[str]) -> tuple[Any, ...]:
    """Rows sort by their keys, missing values last."""
    return tuple((row[key] is None, row[key] if row[key] is not None else "") for key in keys)


def merge_rows(rows: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    """Sum rows whose keys became equal after labelling."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        ident = tuple(row[key] for key in keys)
        if ident in merged:
            for name in RAW:
                merged[ident][name] += row[name]
        else:
            merged[ident] = dict(row)
    return list(merged.values())
