"""The rollup tables declared with SQLAlchemy Core alone, so a count can be built without the ORM.

`mawgun stats` at 1M events answers from `event_rollup` with one statement; importing the ORM and
declaring the whole mapped schema (`mawgun.store.schema`) before it was about 0.6 billion
instructions of a first run (issue 18). These `Table` objects are the declaration of the rollup
tables: `mawgun.store.schema` maps its row classes onto them (`__table__`) and shares their
`METADATA`, so Alembic, the ORM and the query layer's Core statements (`mawgun.query.rollup_sql`)
all read one declaration.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table

METADATA = MetaData()  # every table of the store (`mawgun.store.schema.Base.metadata`)
# event_rollup's index: a level's months, by state/region, with what a count reads (0013)
COUNTS_INDEX = ("level", "month", "admin1", "review", "events", "fatalities", "fatalities_low", "fatalities_high",
                "toll_known")  # fmt: skip


def group_columns() -> list[Column[Any]]:
    """The columns a rollup row is grouped by besides level and month (new objects for each table):
    the filters and group keys the query layer answers from the rollups."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("origin", String(20)),
        Column("event_type", String(60)),
        Column("sub_event_type", String(80)),
        Column("admin1", String(60)),
        Column("admin1_pcode", String(20)),
        Column("admin3", String(80)),
        Column("admin3_pcode", String(20)),
        Column("review", String(10), nullable=False),
    ]


def cell_columns() -> list[Column[Any]]:
    """A map rollup row's ~5 km grid cell (latitude and longitude times 20, rounded) and what the map
    draws of it: counts, toll sums, the greatest location name and event id (the point's label and link)."""
    return [
        Column("lat", Float),
        Column("lon", Float),
        Column("events", Integer, nullable=False),
        Column("fatalities", Integer, nullable=False),
        Column("toll_known", Integer, nullable=False),
        Column("location", String(200)),
        Column("event_id", String(64)),
    ]


EVENT_ROLLUP = Table(
    "event_rollup",
    METADATA,
    Column("level", String(10), nullable=False),
    Column("month", String(7)),
    Column("events", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False),
    Column("fatalities_low", Integer, nullable=False),
    Column("fatalities_high", Integer, nullable=False),
    Column("toll_known", Integer, nullable=False),
    *group_columns(),
    # a month's rows in state/region order with their review state and sums: counts by month and
    # state/region need no sort (0012) and no read of the table (0013)
    Index("ix_event_rollup_counts", *COUNTS_INDEX),
)

ROLLUP_DIRTY = Table(
    "rollup_dirty",
    METADATA,
    Column("level", String(10), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("n", Integer, nullable=False, default=1),
)

MAP_ROLLUP = Table(
    "map_rollup",
    METADATA,
    Column("level", String(10), nullable=False),
    Column("month", String(7)),
    *cell_columns(),
    *group_columns(),
    Index("ix_map_rollup_level_month", "level", "month"),
)

MAP_GRID = Table(
    "map_grid",
    METADATA,
    Column("level", String(10), nullable=False, index=True),
    *cell_columns(),
    *group_columns(),
)
