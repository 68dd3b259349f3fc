"""event_rollup read by month and state/region from its index

The commonest count (`mawgun stats --by month,admin1`, the dashboard's and the API's counts by
state/region) groups `event_rollup` by month and state/region. With the index on (level, month) alone
SQLite sorted the ~100,000 rows of a level at 1M events for the GROUP BY (most of the statement's
~0.15 s); an index on (level, month, admin1) gives them in group order. It replaces the (level, month)
index, whose lookups (a month's refresh) it serves as well. Adds and drops an index only: every row is
kept. See docs/scale.md.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 16:50:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_rollup_level_month_admin1", "event_rollup", ["level", "month", "admin1"])
    op.drop_index("ix_event_rollup_level_month", table_name="event_rollup")


def downgrade() -> None:
    op.create_index("ix_event_rollup_level_month", "event_rollup", ["level", "month"])
    op.drop_index("ix_event_rollup_level_month_admin1", table_name="event_rollup")
