"""Shared fixtures: real databases for every test that needs one.

- `database_url`: a fresh, empty database per test, once on SQLite and once on PostgreSQL (ids `sqlite`,
  `postgresql`). Tests taking it run on both backends. `-m "not postgresql"` runs the SQLite half only.
- `sqlite_url`: a fresh SQLite file, for SQLite-only tests.
- `pg_server`: the session's own PostgreSQL server (started on first use, stopped at the end); its value is
  the admin URL. If PostgreSQL is not installed the PostgreSQL tests are skipped, except with CI=true, where
  that is a failure.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# tests/ is not a package; make its helper modules importable whatever pytest's import mode is.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from pgserver import PostgresServer, PostgresUnavailable, wait_until_accepting  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against the suite's own PostgreSQL server")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI (CI=true) but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The running server object (port, urls, log) for tests that need more than the admin URL."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        server = PostgresServer()
    except PostgresUnavailable as error:
        _unavailable(str(error))
        raise  # unreachable: _unavailable skips or fails
    try:
        server.start()
        wait_until_accepting(server.conninfo)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_server(postgres_server: PostgresServer) -> str:
    """Admin URL of the session's PostgreSQL server: `postgresql+psycopg://postgres@127.0.0.1:PORT/postgres`."""
    return postgres_server.admin_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a new, empty SQLite database file in the test's temporary directory."""
    return f"sqlite:///{tmp_path}/claimdb.db"


@pytest.fixture
def postgresql_url(postgres_server: PostgresServer) -> Iterator[str]:
    """URL of a new, empty PostgreSQL database, dropped (connections and all) after the test."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_server.conninfo, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield postgres_server.url_for(name)
    finally:
        with psycopg.connect(postgres_server.conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]
)
def database_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on each backend in turn: the same test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgresql_url"))
