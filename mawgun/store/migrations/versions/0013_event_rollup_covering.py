"""event_rollup's counts by month and state/region read from its index alone

`mawgun stats --by month,admin1` (and the dashboard's and the API's counts by state/region) sums
`event_rollup`'s counts of a level by month and state/region. The index on (level, month, admin1)
(0012) gives the rows in group order, but each of a level's ~100,000 rows at 1M events was still read
from the table for its review state and sums. This index adds those columns (review, events and the
toll sums) after the same three, so SQLite answers from the index alone (a covering index) and
PostgreSQL can (an index-only scan); it replaces 0012's, whose lookups (a month's refresh) it serves
as well. Adds and drops an index only: every row is kept. See docs/scale.md (issue 18).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 19:00:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = ["level", "month", "admin1", "review", "events", "fatalities", "fatalities_low", "fatalities_high",
           "toll_known"]  # fmt: skip


def upgrade() -> None:
    op.create_index("ix_event_rollup_counts", "event_rollup", COLUMNS)
    op.drop_index("ix_event_rollup_level_month_admin1", table_name="event_rollup")


def downgrade() -> None:
    op.create_index("ix_event_rollup_level_month_admin1", "event_rollup", ["level", "month", "admin1"])
    op.drop_index("ix_event_rollup_counts", table_name="event_rollup")
