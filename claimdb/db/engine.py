"""Engine and session setup for SQLite and PostgreSQL, and migration on first use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Insert, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from claimdb.db.fts_sync import INDEXED_TABLES, index_new_rows
from claimdb.db.maintenance import after_bulk_write
from claimdb.errors import DatabaseError

SQLITE_BUSY_TIMEOUT_MS = 60_000
SQLITE_CACHE_KIB = 65_536  # page cache per connection (64 MiB; 1M statements measured 12-17% faster ingest)


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" hook below issues BEGIN itself, so that writers
    # can take the write lock up front (BEGIN IMMEDIATE) instead of failing to upgrade a read lock.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    try:
        cursor.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # a read-only file keeps its journal mode; reads still work
    cursor.execute("PRAGMA synchronous = NORMAL")
    # The default 2 MB page cache makes a large archive re-read its index pages on every lookup.
    cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    write = connection.get_execution_options().get("claimdb_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


_INDEXED_KEY = "claimdb_indexed_rows"  # rows the transaction in progress added to the full-text index


def _sqlite_index_new_rows(connection: Any) -> None:
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection) and driver.in_transaction:
        indexed = index_new_rows(driver)
        if indexed:
            connection.info[_INDEXED_KEY] = connection.info.get(_INDEXED_KEY, 0) + indexed


def _sqlite_after_execute(connection: Any, statement: Any, *_args: Any) -> None:
    # Claims and statements inserted through SQLAlchemy (ORM, imports, tests) are searchable at once, as they
    # were with insert triggers; ingest's own writer indexes its rows itself (see fts_sync, migration 0005).
    if isinstance(statement, Insert) and statement.table.name in INDEXED_TABLES:  # type: ignore[attr-defined]
        _sqlite_index_new_rows(connection)


def _sqlite_on_commit(connection: Any) -> None:
    # Whatever was inserted any other way (raw SQL, the ingest writer's statements) is indexed before the
    # transaction ends, so every committed claim and statement is searchable.
    _sqlite_index_new_rows(connection)
    indexed = connection.info.pop(_INDEXED_KEY, 0)
    driver = connection.connection.driver_connection
    if indexed and isinstance(driver, sqlite3.Connection) and driver.in_transaction:
        # A bulk write (an import batch) leaves many full-text segments at once: merged in proportion now.
        after_bulk_write(driver, indexed)


def _sqlite_on_rollback(connection: Any) -> None:
    connection.info.pop(_INDEXED_KEY, None)


# GIN indexes (full text, trigrams) gather new entries in a pending list that every search of the index reads
# in full, until the list outgrows this limit and the inserting session merges it into the index. With
# PostgreSQL's default (4 MB) blocking's searches read a list of thousands of new claims during a long ingest;
# a small list is merged in small steps (1,000 articles on 10k statements, 3-4 runs each: server CPU 12.1-13.0
# -> 8.4-9.6 ms/article, wall 43-49 -> 28-32 ms/article).
PG_GIN_PENDING_LIST_KIB = 64  # the smallest value PostgreSQL accepts


def _pg_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # A session setting, outside any transaction (a rollback would undo it); any user may change it.
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"SET gin_pending_list_limit = {PG_GIN_PENDING_LIST_KIB}")
    finally:
        cursor.close()
        dbapi_connection.autocommit = autocommit


def make_engine(url: str) -> Engine:
    """Create an engine with claimdb's settings (SQLite: WAL, foreign keys, busy timeout)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database path or URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                path = Path(parsed.database)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(f"cannot create the folder for {path}: {exc.strerror}") from exc
            engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_on_connect)
            event.listen(engine, "begin", _sqlite_on_begin)
            event.listen(engine, "after_execute", _sqlite_after_execute)
            event.listen(engine, "commit", _sqlite_on_commit)
            event.listen(engine, "rollback", _sqlite_on_rollback)
            return engine
        if backend == "postgresql":
            engine = create_engine(parsed, pool_pre_ping=True)
            event.listen(engine, "connect", _pg_on_connect)
            return engine
    except NoSuchModuleError as exc:
        raise DatabaseError(f"no driver for {parsed.drivername}: {exc}") from exc
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"the PostgreSQL driver is not installed ({exc.name}); install it with: pip install 'claimdb[postgres]'"
        ) from exc
    raise DatabaseError(f"unsupported database {parsed.drivername!r}: use a SQLite path or postgresql+psycopg://")


@dataclass
class Database:
    """An open claimdb database: an engine plus session factories for reading and for writing."""

    url: str
    engine: Engine

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session in one transaction, committed on success and rolled back on any error."""
        factory = self._writer if write else self._reader
        with factory() as session, session.begin():
            yield session

    def __post_init__(self) -> None:
        # Built once: an engine with options is a new object, and per-engine caches must see one writer.
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=self.engine.execution_options(claimdb_write=True), expire_on_commit=False)

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open (and on first use create and migrate to head) the database at `url`."""
    from claimdb.db.migrate import upgrade_if_needed

    engine = make_engine(url)
    database = Database(url=url, engine=engine)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        if migrate:
            upgrade_if_needed(database)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise DatabaseError(describe_database_error(url, exc)) from exc
    return database


def describe_database_error(url: str, exc: Exception) -> str:
    """One line saying what is wrong with the database, without the driver's traceback noise."""
    shown = make_url(url).render_as_string(hide_password=True)
    orig = getattr(exc, "orig", None) or exc
    message = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered:
        hint = "the database is read-only"
    elif "locked" in lowered or "busy" in lowered:
        hint = "the database is locked by another process; try again"
    elif "disk" in lowered and "full" in lowered:
        hint = "the disk is full"
    elif "unable to open" in lowered:
        hint = "cannot open the database file"
    elif "connection" in lowered or "could not connect" in lowered or "connect" in lowered:
        hint = "cannot connect to the database server"
    else:
        hint = "database error"
    return f"{shown}: {hint} ({message})"
