"""sources: watched feeds/sitemaps/pages, the items they listed, and how fetched pages were got

`sources` holds each watched source and its polling state (conditional-GET validators, next poll,
last success and error, consecutive failures); `source_items` the article URLs a source listed and
their outcome (so a stopped and restarted watcher repeats nothing); `fetched_pages` the URL, final
URL, HTTP status and time of each document fetched over HTTP, with the older version it replaces.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 02:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("language", sa.String(length=10), nullable=True),
        sa.Column("timezone", sa.String(length=60), nullable=True),
        sa.Column("interval_minutes", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("next_poll_at", sa.DateTime(), nullable=True),
        sa.Column("last_poll_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "source_items",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("version", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("source_id", "url"),
    )
    op.create_index("ix_source_items_at", "source_items", ["at"])
    op.create_table(
        "fetched_pages",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("final_url", sa.String(length=2000), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("previous_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["previous_id"], ["documents.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_index("ix_fetched_pages_url", "fetched_pages", ["url"])
    op.create_index("ix_fetched_pages_final_url", "fetched_pages", ["final_url"])
    op.create_index("ix_fetched_pages_previous_id", "fetched_pages", ["previous_id"])


def downgrade() -> None:
    op.drop_index("ix_fetched_pages_previous_id", table_name="fetched_pages")
    op.drop_index("ix_fetched_pages_final_url", table_name="fetched_pages")
    op.drop_index("ix_fetched_pages_url", table_name="fetched_pages")
    op.drop_table("fetched_pages")
    op.drop_index("ix_source_items_at", table_name="source_items")
    op.drop_table("source_items")
    op.drop_table("sources")
