"""PostgreSQL newest-first indexes: (date DESC NULLS LAST, id DESC) on canonical_events and events

Event lists show the newest first with undated events last. SQLite walks the (date, id) index of
0002 backwards for that order (its NULLs sort first, so they come last); PostgreSQL sorts NULLs
last in ascending order and needs an index built in the listed order. SQLite: no change.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 06:25:00
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_canonical_events_newest ON canonical_events (date DESC NULLS LAST, id DESC)")
    op.execute("CREATE INDEX ix_events_newest ON events (date DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_events_newest")
    op.execute("DROP INDEX IF EXISTS ix_canonical_events_newest")
