"""Alembic environment for claimdb: SQLite (batch mode) and PostgreSQL, full-text objects excluded."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from claimdb.config import resolve_database_url
from claimdb.db.engine import make_engine
from claimdb.db.models import FTS_COLUMNS, FTS_PREFIXES, Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Skip hand-written full-text tables (and SQLite's FTS5 shadow tables) when comparing."""
    if type_ == "table" and name and name.startswith(FTS_PREFIXES):
        return False
    return True


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Skip hand-written full-text columns and indexes when comparing models with the database."""
    if type_ == "column" and name in FTS_COLUMNS:
        return False
    if type_ == "index" and name and name.startswith(FTS_PREFIXES):
        return False
    return True


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or resolve_database_url(None)
    engine = make_engine(url)
    with engine.begin() as conn:
        run_with(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("claimdb migrations run online only: pass a database URL")
run_online()
