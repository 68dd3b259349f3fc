"""map events and state/region indexes: the newest canonical events read from an index

The dashboard's first request reads the newest 10,000 canonical events' date, place, type and toll
(`mawgun.query.map.map_events`). Through the date index each of them is a visit to its row, scattered
over the whole store (a few hundred milliseconds at 1M events, seconds while the pages are not yet
in memory). This index holds those columns in date order, so the newest 10,000 are one contiguous
read: on SQLite (date, id, the columns); on PostgreSQL (date DESC NULLS LAST, id DESC) INCLUDE the
columns, the order the query asks.

Also (admin1, date, id) on canonical_events: a newest-first page of one state/region reads its
newest entries in order instead of every event of the state/region, sorted (SQLite chose the admin1
index, then sorted ~60,000 rows at 1M events). Adds indexes only: every row is kept. See docs/scale.md.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 16:00:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NAME = "ix_canonical_events_map"
COLUMNS = ("date_precision, event_type, sub_event_type, admin1, admin1_pcode, admin3, admin3_pcode, location, "
           "latitude, longitude, geo_precision, fatalities_best")  # fmt: skip


def upgrade() -> None:
    op.create_index("ix_canonical_events_admin1_date", "canonical_events", ["admin1", "date", "id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE INDEX {NAME} ON canonical_events (date, id, {COLUMNS})")
    else:
        op.execute(f"CREATE INDEX {NAME} ON canonical_events (date DESC NULLS LAST, id DESC) INCLUDE ({COLUMNS})")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {NAME}")
    op.drop_index("ix_canonical_events_admin1_date", table_name="canonical_events")
