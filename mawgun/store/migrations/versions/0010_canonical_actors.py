"""canonical actors and actor rollup: each canonical event's actor codes one a row, kept by triggers;
events counted by actor set; indexes for actor, alliance and territorial-control reads

Adds `canonical_actors` (canonical_id, role, position, code, date: the elements of `actor1` (role 1)
and `actor2` (role 2) of each canonical event, with its date), indexed by (code, date, canonical_id),
so an actor or alliance filter starts from the actor's rows instead of reading the JSON of every
event; triggers on canonical_events keep it equal to the JSON columns (row triggers on SQLite;
statement triggers with transition tables on PostgreSQL).

Adds `actor_rollup` (events per level, month, review state and set of actor codes, as JSON text),
filled here and kept by `refresh_rollups` like the 0009 rollups: a change of a canonical event's
actor lists (SQLite; PostgreSQL's statement trigger already marks any update) or of a report's
`event_actors` rows now marks its month too.

Adds indexes on event_actors (actor_id, event_id) and (name, event_id) for reports filtered by actor,
and on canonical_events (sub_event_type, date, id, pcode, admin1, location, admin3) for territorial
control (a few control types among a million events, ranked per place from the index alone).
Adds tables and indexes only: every existing row is kept. See docs/scale.md.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_canonical_actors_code_date": ("canonical_actors", ["code", "date", "canonical_id"]),
    "ix_event_actors_actor_id_event_id": ("event_actors", ["actor_id", "event_id"]),
    "ix_event_actors_name_event_id": ("event_actors", ["name", "event_id"]),
    "ix_canonical_events_control": (
        "canonical_events",
        ["sub_event_type", "date", "id", "pcode", "admin1", "location", "admin3"],
    ),  # territorial control reads only these
}
COLUMNS = "canonical_id, role, position, code, date"
# SQLite: the elements of one row's two JSON lists (a list only: anything else names no actor).
SQLITE_ELEMENTS = """
SELECT {row}.id, {role}, CAST(key AS INTEGER), CAST(value AS TEXT), {row}.date
FROM {source}json_each({row}.actor{role})
WHERE json_type({row}.actor{role}) = 'array'
"""
PG_ELEMENTS = """
SELECT c.id, v.role, e.ord - 1, e.code, c.date FROM {rows} c
CROSS JOIN LATERAL (VALUES (1, c.actor1), (2, c.actor2)) AS v(role, codes)
CROSS JOIN LATERAL json_array_elements_text(CASE WHEN json_typeof(v.codes) = 'array' THEN v.codes
                                                 ELSE '[]'::json END) WITH ORDINALITY AS e(code, ord)
"""
PG_FUNCTION = """
CREATE FUNCTION canonical_actors_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM canonical_actors WHERE canonical_id IN (SELECT id FROM old_rows);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO canonical_actors ({columns}) {elements};
  END IF;
  RETURN NULL;
END $$
"""
PG_TRANSITIONS = {"INSERT": "NEW TABLE AS new_rows", "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                  "DELETE": "OLD TABLE AS old_rows"}  # fmt: skip


UPSERT = "ON CONFLICT (level, month) DO UPDATE SET n = rollup_dirty.n + 1"
CANONICAL_SET = " FROM canonical_actors a WHERE a.canonical_id = t.id"
REPORT_SET = " FROM event_actors x WHERE x.event_id = t.id"
ACTOR_SETS = {  # (dialect, level) -> SQL: the set of codes of event `t` (see mawgun.store.rollup.actor_set)
    ("sqlite", "canonical"): "SELECT json_group_array(DISTINCT a.code)" + CANONICAL_SET,
    ("sqlite", "report"): "SELECT json_array(json_group_array(DISTINCT x.actor_id), "
                          "json_group_array(DISTINCT x.name))" + REPORT_SET,
    ("postgresql", "canonical"): "SELECT CAST(array_to_json(array_agg(DISTINCT a.code)) AS TEXT)" + CANONICAL_SET,
    ("postgresql", "report"): "SELECT CAST(json_build_array(array_agg(DISTINCT x.actor_id), "
                              "array_agg(DISTINCT x.name)) AS TEXT)" + REPORT_SET,
}  # fmt: skip
ACTOR_FILL = """
INSERT INTO actor_rollup (level, month, review, actors, events)
SELECT '{level}', month, review, actors, COUNT(*) FROM (
  SELECT {month} AS month, COALESCE(r.state, 'draft') AS review, ({actors}) AS actors
  FROM {table} t LEFT JOIN event_reviews r ON r.canonical_id = t.{canonical}) AS per_event
GROUP BY month, review, actors
"""
SQLITE_ACTOR_MARK = """
INSERT INTO rollup_dirty (level, month, n) SELECT 'report', COALESCE(substr(date, 1, 7), ''), 1 FROM events
WHERE id = {row}.event_id {upsert};
"""
PG_ACTOR_MARK = """
CREATE FUNCTION rollup_mark_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO rollup_dirty (level, month, n) SELECT 'report', month, 1 FROM (SELECT DISTINCT
      COALESCE(to_char(date, 'YYYY-MM'), '') AS month FROM events WHERE id IN (SELECT event_id FROM new_rows))
      AS m {upsert};
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_dirty (level, month, n) SELECT 'report', month, 1 FROM (SELECT DISTINCT
      COALESCE(to_char(date, 'YYYY-MM'), '') AS month FROM events WHERE id IN (SELECT event_id FROM old_rows))
      AS m {upsert};
  END IF;
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "canonical_actors",
        sa.Column("canonical_id", sa.String(64), primary_key=True),
        sa.Column("role", sa.Integer(), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(300), nullable=False),
        sa.Column("date", sa.Date()),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for role in (1, 2):
            elements = SQLITE_ELEMENTS.format(row="c", role=role, source="canonical_events c, ")
            op.execute(f"INSERT INTO canonical_actors ({COLUMNS}) {elements}")
        sqlite_triggers()
    else:
        op.execute(f"INSERT INTO canonical_actors ({COLUMNS}) {PG_ELEMENTS.format(rows='canonical_events')}")
        postgres_triggers()
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    create_actor_rollup(dialect)


def create_actor_rollup(dialect: str) -> None:
    """The actor rollup, filled from the stored events, and the triggers that mark actor changes."""
    op.create_table(
        "actor_rollup",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("month", sa.String(7)),
        sa.Column("review", sa.String(10), nullable=False),
        sa.Column("actors", sa.Text()),
        sa.Column("events", sa.Integer(), nullable=False),
    )
    op.create_index("ix_actor_rollup_level_month", "actor_rollup", ["level", "month"])
    month = "substr(t.date, 1, 7)" if dialect == "sqlite" else "to_char(t.date, 'YYYY-MM')"
    for level, table, canonical in (("canonical", "canonical_events", "id"), ("report", "events", "canonical_id")):
        actors = ACTOR_SETS[(dialect, level)]
        op.execute(ACTOR_FILL.format(level=level, month=month, actors=actors, table=table, canonical=canonical))
    if dialect == "sqlite":
        mark = " ".join(f"INSERT INTO rollup_dirty (level, month, n) VALUES ('canonical', "
                        f"COALESCE(substr({row}.date, 1, 7), ''), 1) {UPSERT};" for row in ("OLD", "NEW"))  # fmt: skip
        op.execute(f"CREATE TRIGGER rollup_canonical_events_actors AFTER UPDATE OF actor1, actor2 ON canonical_events "
                   f"BEGIN {mark} END")  # fmt: skip
        for verb, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            body = " ".join(SQLITE_ACTOR_MARK.format(row=row, upsert=UPSERT) for row in rows)
            name = f"rollup_event_actors_{verb.lower()}"
            op.execute(f"CREATE TRIGGER {name} AFTER {verb} ON event_actors BEGIN {body} END")
        return
    op.execute(PG_ACTOR_MARK.format(upsert=UPSERT))
    for verb, transition in PG_TRANSITIONS.items():
        op.execute(f"CREATE TRIGGER rollup_event_actors_{verb.lower()} AFTER {verb} ON event_actors REFERENCING "
                   f"{transition} FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_actors()")  # fmt: skip


def sqlite_triggers() -> None:
    """Row triggers: an inserted event's codes added, an updated one's replaced, a deleted one's removed."""
    new = " UNION ALL ".join(SQLITE_ELEMENTS.format(row="NEW", role=role, source="") for role in (1, 2))
    insert = f"INSERT INTO canonical_actors ({COLUMNS}) {new};"
    delete = "DELETE FROM canonical_actors WHERE canonical_id = OLD.id;"
    op.execute(f"CREATE TRIGGER canonical_actors_insert AFTER INSERT ON canonical_events BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER canonical_actors_update AFTER UPDATE OF id, date, actor1, actor2 ON canonical_events "
               f"BEGIN {delete} {insert} END")  # fmt: skip
    op.execute(f"CREATE TRIGGER canonical_actors_delete AFTER DELETE ON canonical_events BEGIN {delete} END")


def postgres_triggers() -> None:
    """Statement triggers with transition tables: a bulk write rewrites its events' codes in two statements."""
    op.execute(PG_FUNCTION.format(columns=COLUMNS, elements=PG_ELEMENTS.format(rows="new_rows")))
    for verb, transition in PG_TRANSITIONS.items():
        op.execute(f"CREATE TRIGGER canonical_actors_{verb.lower()} AFTER {verb} ON canonical_events REFERENCING "
                   f"{transition} FOR EACH STATEMENT EXECUTE FUNCTION canonical_actors_sync()")  # fmt: skip


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for verb in ("insert", "update", "delete"):
        suffix = "" if dialect == "sqlite" else " ON event_actors"
        op.execute(f"DROP TRIGGER IF EXISTS rollup_event_actors_{verb}{suffix}")
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS rollup_canonical_events_actors")
    else:
        op.execute("DROP FUNCTION IF EXISTS rollup_mark_actors()")
    op.drop_table("actor_rollup")
    for verb in ("insert", "update", "delete"):
        suffix = "" if dialect == "sqlite" else " ON canonical_events"
        op.execute(f"DROP TRIGGER IF EXISTS canonical_actors_{verb}{suffix}")
    if dialect != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS canonical_actors_sync()")
    for name, (table, _) in INDEXES.items():
        if table != "canonical_actors":
            op.drop_index(name, table_name=table)
    op.drop_table("canonical_actors")
