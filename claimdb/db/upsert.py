"""Insert-if-absent that is safe under concurrent writers, on SQLite and PostgreSQL alike.

Statements are built once per (dialect, table, columns) and reused, so the hot ingest path pays for
SQLAlchemy's compilation once, not per row; on SQLite they run through the driver's cursor (`fastpath`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Executable, Table, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from claimdb.db.fastpath import Writer
from claimdb.db.models import Base


def _table(model: type[Base] | Table) -> Table:
    return model if isinstance(model, Table) else model.__table__  # type: ignore[return-value]


@lru_cache(maxsize=256)
def insert_ignore_statement(dialect: str, table: Table, conflict: tuple[str, ...], returning: bool) -> Executable:
    """INSERT ... ON CONFLICT (`conflict`) DO NOTHING for `table`, built once per arguments."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table).on_conflict_do_nothing(index_elements=list(conflict))
    return statement.returning(table.c.id) if returning else statement


@lru_cache(maxsize=256)
def _lookup_statement(table: Table, conflict: tuple[str, ...]) -> Executable:
    return select(table.c.id).where(*(table.c[name] == bindparam(f"key_{name}") for name in conflict))


def insert_ignore(
    session: Session, model: type[Base] | Table, values: dict[str, Any], conflict: list[str]
) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING; returns the new row id, or None when the row already existed."""
    writer = Writer(session)
    statement = insert_ignore_statement(writer.dialect.name, _table(model), tuple(conflict), False)
    new_id = writer.insert(statement, values)  # type: ignore[arg-type]
    return None if new_id is None else int(new_id)


def insert_many_ignore(
    session: Session, model: type[Base] | Table, rows: list[dict[str, Any]], conflict: list[str]
) -> None:
    """Insert many rows in one round trip, skipping those that already exist."""
    if rows:
        writer = Writer(session)
        statement = insert_ignore_statement(writer.dialect.name, _table(model), tuple(conflict), False)
        writer.many(statement, rows)


def get_or_create(session: Session, model: type[Base] | Table, values: dict[str, Any], conflict: list[str]) -> int:
    """The id of the row whose `conflict` columns equal `values`, inserting it first if needed."""
    new_id = insert_ignore(session, model, values, conflict)
    if new_id is not None:
        return new_id
    statement = _lookup_statement(_table(model), tuple(conflict))
    found = Writer(session).rows(statement, {f"key_{name}": values[name] for name in conflict})
    if not found:
        raise NoResultFound(f"no {_table(model).name} row with {conflict} = {[values[n] for n in conflict]}")
    return int(found[0][0])
