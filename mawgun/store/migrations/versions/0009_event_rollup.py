"""event rollup: precomputed event counts per month, kept current through marks left by triggers

Adds `event_rollup` (events, toll sums and `toll_known` per level, month, origin, event type,
sub-event type, state/region, township and review state), `map_rollup` (the same split by ~5 km grid
cell, with the greatest location and event id: the map's groups), `map_grid` (map_rollup summed over the
months) and `rollup_dirty` (the (level, month) pairs a write touched, with a counter), the triggers
that mark them on canonical_events, events and event_reviews (row triggers on SQLite; statement
triggers with transition tables on PostgreSQL, so a bulk insert marks each month once), and fills the
three from the stored events. Adds tables only: every existing row is kept.
See mawgun/store/rollup.py and docs/scale.md.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# table -> (level, the columns a count reads: a change of any other column leaves the counts as they are)
WATCHED = {
    "canonical_events": ("canonical", "id, date, event_type, sub_event_type, admin1, admin1_pcode, admin3, "
                         "admin3_pcode, origin, fatalities_best, fatalities_low, fatalities_high"),
    "events": ("report", "canonical_id, date, event_type, sub_event_type, admin1, admin1_pcode, admin3, "
               "admin3_pcode, origin, fatalities, fatalities_low, fatalities_high"),
}  # fmt: skip
UPSERT = "ON CONFLICT (level, month) DO UPDATE SET n = rollup_dirty.n + 1"
MAP_FILL = """
INSERT INTO map_rollup (level, month, origin, event_type, sub_event_type, admin1, admin1_pcode, admin3, admin3_pcode,
                        review, lat, lon, events, fatalities, toll_known, location, event_id)
SELECT '{level}', {month}, t.origin, t.event_type, t.sub_event_type, t.admin1, t.admin1_pcode, t.admin3,
       t.admin3_pcode, COALESCE(r.state, 'draft'), round(t.latitude * 20), round(t.longitude * 20), COUNT(*),
       COALESCE(SUM(t.{best}), 0), COUNT(t.{best}), MAX(t.location), MAX(t.id)
FROM {table} t LEFT JOIN event_reviews r ON r.canonical_id = t.{canonical}
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
"""
GRID_FILL = """
INSERT INTO map_grid (level, origin, event_type, sub_event_type, admin1, admin1_pcode, admin3, admin3_pcode, review,
                      lat, lon, events, fatalities, toll_known, location, event_id)
SELECT level, origin, event_type, sub_event_type, admin1, admin1_pcode, admin3, admin3_pcode, review, lat, lon,
       SUM(events), SUM(fatalities), SUM(toll_known), MAX(location), MAX(event_id)
FROM map_rollup GROUP BY level, origin, event_type, sub_event_type, admin1, admin1_pcode, admin3, admin3_pcode,
                         review, lat, lon
"""
FILL = """
INSERT INTO event_rollup (level, month, origin, event_type, sub_event_type, admin1, admin1_pcode, admin3,
                          admin3_pcode, review, events, fatalities, fatalities_low, fatalities_high, toll_known)
SELECT '{level}', {month}, t.origin, t.event_type, t.sub_event_type, t.admin1, t.admin1_pcode, t.admin3,
       t.admin3_pcode, COALESCE(r.state, 'draft'), COUNT(*), COALESCE(SUM(t.{best}), 0),
       COALESCE(SUM(COALESCE(t.fatalities_low, t.{best})), 0), COALESCE(SUM(COALESCE(t.fatalities_high, t.{best})), 0),
       COUNT(t.{best})
FROM {table} t LEFT JOIN event_reviews r ON r.canonical_id = t.{canonical}
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10
"""


def grain_columns() -> list[sa.Column]:
    """The columns events are grouped by in the three tables (month apart)."""
    return [
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(20)),
        sa.Column("event_type", sa.String(60)),
        sa.Column("sub_event_type", sa.String(80)),
        sa.Column("admin1", sa.String(60)),
        sa.Column("admin1_pcode", sa.String(20)),
        sa.Column("admin3", sa.String(80)),
        sa.Column("admin3_pcode", sa.String(20)),
        sa.Column("review", sa.String(10), nullable=False),
    ]


def map_columns() -> list[sa.Column]:
    """The grid cell, the map's sums and its point label and link."""
    return [
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in ("events", "fatalities", "toll_known")],
        sa.Column("location", sa.String(200)),
        sa.Column("event_id", sa.String(64)),
    ]


def upgrade() -> None:
    sums = [sa.Column(name, sa.Integer(), nullable=False)
            for name in ("events", "fatalities", "fatalities_low", "fatalities_high", "toll_known")]  # fmt: skip
    op.create_table("event_rollup", *grain_columns(), sa.Column("month", sa.String(7)), *sums)
    op.create_index("ix_event_rollup_level_month", "event_rollup", ["level", "month"])
    op.create_table("map_rollup", *grain_columns(), sa.Column("month", sa.String(7)), *map_columns())
    op.create_index("ix_map_rollup_level_month", "map_rollup", ["level", "month"])
    op.create_table("map_grid", *grain_columns(), *map_columns())
    op.create_index("ix_map_grid_level", "map_grid", ["level"])
    op.create_table(
        "rollup_dirty",
        sa.Column("level", sa.String(10), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        sqlite_triggers()
    else:
        postgres_triggers()
    month = "substr(t.date, 1, 7)" if dialect == "sqlite" else "to_char(t.date, 'YYYY-MM')"
    levels = [("canonical", "canonical_events", "fatalities_best", "id"), ("report", "events", "fatalities",
                                                                           "canonical_id")]  # fmt: skip
    for fill in (FILL, MAP_FILL):
        for level, table, best, canonical in levels:
            op.execute(fill.format(level=level, month=month, table=table, best=best, canonical=canonical))
    op.execute(GRID_FILL)


def sqlite_mark(level: str, month: str) -> str:
    values = f"('{level}', COALESCE(substr({month}, 1, 7), ''), 1)"
    return f"INSERT INTO rollup_dirty (level, month, n) VALUES {values} {UPSERT};"


def sqlite_triggers() -> None:
    """Row triggers: each changed row marks its month (old and new month for an update)."""
    for table, (level, columns) in WATCHED.items():
        new, old = sqlite_mark(level, "NEW.date"), sqlite_mark(level, "OLD.date")
        op.execute(f"CREATE TRIGGER rollup_{table}_insert AFTER INSERT ON {table} BEGIN {new} END")
        op.execute(f"CREATE TRIGGER rollup_{table}_update AFTER UPDATE OF {columns} ON {table} BEGIN {old} {new} END")
        op.execute(f"CREATE TRIGGER rollup_{table}_delete AFTER DELETE ON {table} BEGIN {old} END")
    for verb, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        body = " ".join(sqlite_review_marks(row) for row in rows)
        op.execute(f"CREATE TRIGGER rollup_event_reviews_{verb.lower()} AFTER {verb} ON event_reviews BEGIN {body} END")


def sqlite_review_marks(row: str) -> str:
    """A review change marks the months of the canonical event and of its reports."""
    canonical = (f"SELECT 'canonical', COALESCE(substr(date, 1, 7), ''), 1 FROM canonical_events "
                 f"WHERE id = {row}.canonical_id")  # fmt: skip
    reports = (f"SELECT 'report', COALESCE(substr(date, 1, 7), ''), 1 FROM events "
               f"WHERE canonical_id = {row}.canonical_id")  # fmt: skip
    return (f"INSERT INTO rollup_dirty (level, month, n) {canonical} {UPSERT}; "
            f"INSERT INTO rollup_dirty (level, month, n) {reports} {UPSERT};")  # fmt: skip


PG_MARK = """
CREATE FUNCTION rollup_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO rollup_dirty (level, month, n)
    SELECT DISTINCT TG_ARGV[0], COALESCE(to_char(date, 'YYYY-MM'), ''), 1 FROM new_rows {upsert};
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_dirty (level, month, n)
    SELECT DISTINCT TG_ARGV[0], COALESCE(to_char(date, 'YYYY-MM'), ''), 1 FROM old_rows {upsert};
  END IF;
  RETURN NULL;
END $$
"""
PG_REVIEW_MARK = """
CREATE FUNCTION rollup_mark_review() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN SELECT array_agg(canonical_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(canonical_id) INTO ids FROM old_rows;
  ELSE SELECT array_agg(canonical_id) INTO ids FROM (SELECT canonical_id FROM new_rows
                                                      UNION SELECT canonical_id FROM old_rows) AS both_rows;
  END IF;
  INSERT INTO rollup_dirty (level, month, n)
  SELECT 'canonical', month, 1 FROM (SELECT DISTINCT COALESCE(to_char(date, 'YYYY-MM'), '') AS month
                                     FROM canonical_events WHERE id = ANY(ids)) AS m {upsert};
  INSERT INTO rollup_dirty (level, month, n)
  SELECT 'report', month, 1 FROM (SELECT DISTINCT COALESCE(to_char(date, 'YYYY-MM'), '') AS month
                                  FROM events WHERE canonical_id = ANY(ids)) AS m {upsert};
  RETURN NULL;
END $$
"""
PG_TRANSITIONS = {"INSERT": "NEW TABLE AS new_rows", "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                  "DELETE": "OLD TABLE AS old_rows"}  # fmt: skip


def postgres_triggers() -> None:
    """Statement triggers with transition tables: one statement marks each month it touched once."""
    op.execute(PG_MARK.format(upsert=UPSERT))
    op.execute(PG_REVIEW_MARK.format(upsert=UPSERT))
    for verb, transition in PG_TRANSITIONS.items():
        for table, (level, _) in WATCHED.items():
            op.execute(f"CREATE TRIGGER rollup_{table}_{verb.lower()} AFTER {verb} ON {table} REFERENCING "
                       f"{transition} FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark('{level}')")  # fmt: skip
        op.execute(f"CREATE TRIGGER rollup_event_reviews_{verb.lower()} AFTER {verb} ON event_reviews REFERENCING "
                   f"{transition} FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_review()")  # fmt: skip


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in (*WATCHED, "event_reviews"):
        for verb in ("insert", "update", "delete"):
            suffix = "" if dialect == "sqlite" else f" ON {table}"
            op.execute(f"DROP TRIGGER IF EXISTS rollup_{table}_{verb}{suffix}")
    if dialect != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS rollup_mark()")
        op.execute("DROP FUNCTION IF EXISTS rollup_mark_review()")
    op.drop_table("rollup_dirty")
    for table in ("map_grid", "map_rollup", "event_rollup"):
        op.drop_table(table)
