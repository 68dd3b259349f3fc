"""Alembic environment: runs migrations on the connection Mawgun hands over (or on a URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mawgun.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    from mawgun.store.db import resolve_url

    engine = create_engine(resolve_url(config.get_main_option("sqlalchemy.url")))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
