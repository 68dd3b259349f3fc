"""stemmed full-text search: "airstrike" finds "airstrikes"

The documents index of 0001 matched words exactly, so a search for "airstrike" missed articles that
wrote "airstrikes". SQLite's FTS5 table is rebuilt with the porter stemmer in front of unicode61
(diacritics still folded); PostgreSQL's GIN index uses the `english` text search configuration, which
stems the same way. `mawgun.query.search` writes its queries for these two indexes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 04:05:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TRIGGERS = ("documents_fts_ai", "documents_fts_ad", "documents_fts_au")


def create_fts(tokenize: str) -> None:
    """The FTS5 table over documents (title, text), its triggers, and its content rebuilt from the table."""
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS documents_fts")
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        f"title, text, content='documents', content_rowid='rowid', tokenize='{tokenize}')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
    )
    op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")


def create_gin(config: str) -> None:
    """PostgreSQL's GIN index over title and text in the given text search configuration."""
    op.execute("DROP INDEX IF EXISTS ix_documents_fulltext")
    op.execute(
        "CREATE INDEX ix_documents_fulltext ON documents USING GIN "
        f"(to_tsvector('{config}', coalesce(title, '') || ' ' || text))"
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        create_fts("porter unicode61 remove_diacritics 2")
    elif dialect == "postgresql":
        create_gin("english")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        create_fts("unicode61 remove_diacritics 2")
    elif dialect == "postgresql":
        create_gin("simple")
