"""review: review states, human overrides, statistic links, the hash-chained audit log, releases

Adds tables only, so an existing store keeps every row: its canonical events read as drafts (no
`event_reviews` row), and the merge/split decisions already taken stay in `cluster_decisions` (new
ones also write `audit_log` rows). See mawgun/review and docs/review.md.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 05:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WHEN = sa.DateTime()


def place_columns() -> list[sa.Column]:
    """The frozen canonical columns of a release event (as in canonical_events)."""
    return [
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(80)),
        sa.Column("date", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.String(10)),
        sa.Column("admin1", sa.String(60)),
        sa.Column("admin1_pcode", sa.String(20)),
        sa.Column("admin2", sa.String(80)),
        sa.Column("admin2_pcode", sa.String(20)),
        sa.Column("admin3", sa.String(80)),
        sa.Column("admin3_pcode", sa.String(20)),
        sa.Column("location", sa.String(200)),
        sa.Column("pcode", sa.String(30)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("actor1", sa.JSON(), nullable=False),
        sa.Column("actor2", sa.JSON(), nullable=False),
        sa.Column("fatalities_best", sa.Integer()),
        sa.Column("fatalities_low", sa.Integer()),
        sa.Column("fatalities_high", sa.Integer()),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("n_outlets", sa.Integer(), nullable=False),
        sa.Column("first_reported", sa.Date()),
        sa.Column("last_reported", sa.Date()),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "event_reviews",
        sa.Column("canonical_id", sa.String(64), primary_key=True),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_index("ix_event_reviews_state", "event_reviews", ["state"])
    op.create_table(
        "event_overrides",
        sa.Column("canonical_id", sa.String(64), primary_key=True),
        sa.Column("field", sa.String(40), primary_key=True),
        sa.Column("value", sa.JSON()),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("why", sa.Text()),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_table(
        "statistic_links",
        sa.Column("statistic_id", sa.String(64), primary_key=True),
        sa.Column("canonical_id", sa.String(64), primary_key=True),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_index("ix_statistic_links_canonical_id", "statistic_links", ["canonical_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("object_kind", sa.String(20), nullable=False),
        sa.Column("object_id", sa.String(200), nullable=False),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON()),
        sa.Column("after", sa.JSON()),
        sa.Column("why", sa.Text()),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("prev_hash", name="uq_audit_log_prev_hash"),
    )
    op.create_index("ix_audit_log_who", "audit_log", ["who"])
    op.create_index("ix_audit_log_object_id", "audit_log", ["object_id"])
    op.create_table(
        "releases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("published_at", WHEN, nullable=False),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("audit_head", sa.String(64)),
    )
    op.create_table(
        "release_events",
        sa.Column("release_id", sa.Integer(), sa.ForeignKey("releases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        *place_columns(),
        sa.Column("data", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    for table in ("release_events", "releases", "audit_log", "statistic_links", "event_overrides", "event_reviews"):
        op.drop_table(table)
