"""Run the hot statements of ingest through SQLite's own cursor, with SQL that SQLAlchemy compiled once.

Each call through SQLAlchemy Core costs about 40 us of Python before SQLite sees it, and ingest makes dozens
per article. On SQLite the same Core statement is compiled once per (dialect, statement, columns); its SQL text,
parameter order, bind processors (dates as ISO text, timestamps, JSON) and Python-side column defaults all come
from that compilation, so what is stored is what Core would have stored. The driver connection is the
session's own, so the work stays in the session's transaction.

PostgreSQL (psycopg) gets the same treatment: Core's compiled SQL (named `%(name)s` parameters), bind
processors and Python-side defaults, run on the session's psycopg connection. Core's execution and result
machinery cost about 0.15 ms of Python per statement there, as much as a small query's round trip.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Executable, Insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

from claimdb.db.fts_sync import INDEX_CLAIM

_Processor = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class _Prepared:
    sql: str
    names: tuple[str, ...]  # bind names in positional order (a name repeats when the SQL uses it twice)
    processors: tuple[_Processor | None, ...]
    fixed: Mapping[str, Any]  # binds whose value is part of the statement ("appearance_count + 1")
    defaults: tuple[tuple[str, Callable[[], Any]], ...]  # Python-side column defaults for absent columns

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        if self.fixed or self.defaults:
            values = {**self.fixed, **values}
            for name, make in self.defaults:
                values[name] = make()
        return tuple(
            [
                value if process is None else process(value)
                for value, process in zip(map(values.__getitem__, self.names), self.processors, strict=True)
            ]
        )


def _prefetched_defaults(compiled: SQLCompiler) -> list[tuple[str, Callable[[], Any]]] | None:
    """(column, maker) for each Python-side default the INSERT needs; None when one cannot be made here."""
    defaults: list[tuple[str, Callable[[], Any]]] = []
    for column in getattr(compiled, "insert_prefetch", ()):
        make = _default_maker(column)
        if make is None:
            return None
        defaults.append((column.key, make))
    return defaults


def _default_maker(column: Any) -> Callable[[], Any] | None:
    default = column.default
    if default is None:
        return None
    if getattr(default, "is_callable", False):
        wrapped = default.arg  # SQLAlchemy wraps a plain callable into one taking the execution context
        return lambda: wrapped(None)
    if getattr(default, "is_scalar", False):
        value = default.arg
        return lambda: value
    return None  # a SQL expression or sequence: not supported here


@lru_cache(maxsize=256)
def _prepare(dialect: Dialect, statement: ClauseElement, keys: tuple[str, ...]) -> _Prepared | None:
    """The compiled form of `statement` for parameters named `keys`, or None if it needs Core's machinery."""
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return None
    if dialect.paramstyle != "qmark":
        return None
    if getattr(compiled, "postfetch", None) and not compiled.isupdate:
        # A server-side default to fetch back after the insert: Core knows how. An UPDATE's SQL-expression
        # values ("appearance_count + 1") are postfetch columns too, but Core fetches nothing back for them.
        return None
    if getattr(compiled, "literal_execute_params", None):
        return None
    defaults = _prefetched_defaults(compiled)
    if defaults is None:
        return None
    if getattr(compiled, "update_prefetch", None):
        return None
    names = tuple(compiled.positiontup)
    processors: list[_Processor | None] = []
    fixed: dict[str, Any] = {}
    default_names = {name for name, _ in defaults}
    for name in names:
        bind = compiled.binds[name]
        if bind.expanding:
            return None
        processors.append(bind.type.dialect_impl(dialect).bind_processor(dialect))
        if name not in keys and name not in default_names:
            if bind.callable is not None or bind.value is None and bind.required:
                return None
            fixed[name] = bind.value
    return _Prepared(compiled.string, names, tuple(processors), fixed, tuple(defaults))


@dataclass(frozen=True, slots=True)
class _PgPrepared:
    sql: str
    processors: tuple[tuple[str, _Processor], ...]  # bind processors of the named parameters that have one
    fixed: Mapping[str, Any]
    defaults: tuple[tuple[str, Callable[[], Any]], ...]

    def parameters(self, values: Mapping[str, Any]) -> dict[str, Any]:
        found = {**self.fixed, **values}
        for name, make in self.defaults:
            found[name] = make()
        for name, process in self.processors:
            found[name] = process(found[name])
        return found


@lru_cache(maxsize=256)
def _prepare_pg(dialect: Dialect, statement: ClauseElement, keys: tuple[str, ...]) -> _PgPrepared | None:
    """As `_prepare`, for psycopg's named parameters; None if the statement needs Core's machinery."""
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    if not isinstance(compiled, SQLCompiler) or dialect.paramstyle != "pyformat":
        return None
    if getattr(compiled, "postfetch", None) or getattr(compiled, "literal_execute_params", None):
        return None
    if getattr(compiled, "update_prefetch", None) or getattr(compiled, "escaped_bind_names", None):
        return None
    defaults = _prefetched_defaults(compiled)
    if defaults is None:
        return None
    default_names = {name for name, _ in defaults}
    processors: list[tuple[str, _Processor]] = []
    fixed: dict[str, Any] = {}
    for name, bind in compiled.binds.items():
        if bind.expanding:
            return None
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((name, process))
        if name not in keys and name not in default_names:
            if bind.callable is not None or bind.value is None and bind.required:
                return None
            fixed[name] = bind.value
    return _PgPrepared(compiled.string, tuple(processors), fixed, tuple(defaults))


@lru_cache(maxsize=64)
def _returning_id(statement: Insert) -> Insert:
    return statement.returning(statement.table.c.id)  # type: ignore[union-attr]


class Writer:
    """Executes statements of one session's transaction: SQLite's cursor directly, else SQLAlchemy Core."""

    def __init__(self, session: Session) -> None:
        self.connection: Connection = session.connection()
        self.dialect = self.connection.dialect
        driver: Any = None
        if self.dialect.name == "sqlite":
            driver = self.connection.connection.driver_connection
        self.driver: sqlite3.Connection | None = driver if isinstance(driver, sqlite3.Connection) else None
        self.pg_driver: Any = None  # the psycopg connection, when the statements can go straight to it
        if self.dialect.name == "postgresql" and self.dialect.driver == "psycopg":
            self.pg_driver = self.connection.connection.driver_connection

    def _pg(self, statement: Executable, keys: Sequence[str]) -> _PgPrepared | None:
        if self.pg_driver is None or not isinstance(statement, ClauseElement):
            return None
        return _prepare_pg(self.dialect, statement, tuple(keys))

    def _prepared(self, statement: Executable, keys: Sequence[str]) -> _Prepared | None:
        if self.driver is None or not isinstance(statement, ClauseElement):
            return None
        return _prepare(self.dialect, statement, tuple(keys))

    def rows(self, statement: Executable, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """All rows the statement returns (a SELECT, or an INSERT ... RETURNING)."""
        pg = self._pg(statement, list(values))
        if pg is not None:
            with self.pg_driver.cursor() as cursor:
                cursor.execute(pg.sql, pg.parameters(values))
                return cursor.fetchall() if cursor.description is not None else []
        prepared = self._prepared(statement, list(values))
        if prepared is None or self.driver is None:
            return [tuple(row) for row in self.connection.execute(statement, dict(values)).all()]
        return self.driver.execute(prepared.sql, prepared.parameters(values)).fetchall()

    def insert(self, statement: Insert, values: Mapping[str, Any]) -> int | None:
        """Run a single-row INSERT (without RETURNING) and give the new row's id, or None if none was inserted.

        On SQLite the id comes from the cursor, not from RETURNING: RETURNING opens a statement journal, and
        each one makes FTS5 write its pending terms out as a new segment (see `fts_sync`). An insert that
        did nothing (ON CONFLICT DO NOTHING) changes no row and gives None.
        """
        prepared = self._prepared(statement, list(values))
        if prepared is None or self.driver is None:
            return self.scalar(_returning_id(statement), values)
        cursor = self.driver.execute(prepared.sql, prepared.parameters(values))
        return cursor.lastrowid if cursor.rowcount == 1 else None

    def index_claim(self, claim_id: int, canonical_text: str, title: str | None) -> None:
        """Add a claim just inserted to the full-text index now (SQLite; PostgreSQL indexes it by itself).

        Other new rows are indexed at commit (`fts_sync.index_new_rows`); this is for a claim that must be
        found by blocking before then.
        """
        if self.dialect.name != "sqlite":
            return
        values = (claim_id, canonical_text, title)
        if self.driver is not None:
            self.driver.execute(INDEX_CLAIM, values)
        else:
            self.connection.exec_driver_sql(INDEX_CLAIM, values)

    def scalar(self, statement: Executable, values: Mapping[str, Any]) -> Any:
        """The first column of the first row returned, or None when no row comes back."""
        found = self.rows(statement, values)
        return found[0][0] if found else None

    def rowcount(self, statement: Executable, values: Mapping[str, Any]) -> int:
        """Run an UPDATE (or a statement returning nothing) and give the number of rows it changed."""
        pg = self._pg(statement, list(values))
        if pg is not None:
            with self.pg_driver.cursor() as cursor:
                cursor.execute(pg.sql, pg.parameters(values))
                return int(cursor.rowcount)
        prepared = self._prepared(statement, list(values))
        if prepared is None or self.driver is None:
            return int(self.connection.execute(statement, dict(values)).rowcount)  # type: ignore[attr-defined]
        return self.driver.execute(prepared.sql, prepared.parameters(values)).rowcount

    def many(self, statement: Executable, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run a statement returning nothing once per row (all rows have the same keys)."""
        if not rows:
            return
        pg = self._pg(statement, list(rows[0]))
        if pg is not None:
            with self.pg_driver.cursor() as cursor:
                cursor.executemany(pg.sql, [pg.parameters(row) for row in rows])
            return
        prepared = self._prepared(statement, list(rows[0]))
        if prepared is None or self.driver is None:
            self.connection.execute(statement, [dict(row) for row in rows])
            return
        self.driver.executemany(prepared.sql, [prepared.parameters(row) for row in rows])
