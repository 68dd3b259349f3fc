"""documents.source_encoding and documents.original_text: Zawgyi converted to Unicode on ingest

Burmese text typed in the legacy Zawgyi encoding is stored converted to Unicode (so search, extraction and
evidence offsets work on what a reader sees); the text as it came is kept in original_text and the
conversion recorded in source_encoding ("zawgyi", "unicode", or "unknown" when the burmese extra is missing).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 03:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ... ADD COLUMN on both databases: no table copy, so SQLite's FTS triggers stay
    op.add_column("documents", sa.Column("source_encoding", sa.String(10), nullable=True))
    op.add_column("documents", sa.Column("original_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("original_text")
        batch.drop_column("source_encoding")
