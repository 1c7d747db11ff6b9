"""Insert-if-absent that is safe under concurrent writers, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from claimdb.db.models import Base


def insert_ignore(session: Session, model: type[Base], values: dict[str, Any], conflict: list[str]) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING; returns the new row id, or None when the row already existed."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(**values).on_conflict_do_nothing(index_elements=conflict)
    statement = statement.returning(model.__table__.c.id)  # type: ignore[attr-defined]
    return session.execute(statement).scalar_one_or_none()


def get_or_create(session: Session, model: type[Base], values: dict[str, Any], conflict: list[str]) -> int:
    """The id of the row whose `conflict` columns equal `values`, inserting it first if needed."""
    new_id = insert_ignore(session, model, values, conflict)
    if new_id is not None:
        return new_id
    table = model.__table__  # type: ignore[attr-defined]
    query = select(table.c.id).where(*(table.c[name] == values[name] for name in conflict))
    return session.execute(query).scalar_one()
