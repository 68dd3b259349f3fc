"""web list indexes: (date, id) on canonical_events and events

Event lists are ordered by date with the id as tie-breaker; with this index SQLite and PostgreSQL
walk the index for deep pages (offset 90,000 of 100,000) instead of sorting the table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 06:10:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_canonical_events_date_id", "canonical_events", ["date", "id"])
    op.create_index("ix_events_date_id", "events", ["date", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_date_id", table_name="events")
    op.drop_index("ix_canonical_events_date_id", table_name="canonical_events")
