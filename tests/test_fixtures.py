"""The database fixtures give each test a working, empty database on both backends."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa


def _table_names(url: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        return sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_database_is_empty_and_writable(database_url: str) -> None:
    assert _table_names(database_url) == []
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE probe (id INTEGER PRIMARY KEY, word TEXT NOT NULL)"))
            connection.execute(sa.text("INSERT INTO probe (id, word) VALUES (1, 'annexed'), (2, 'Київ')"))
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT word FROM probe ORDER BY id")).scalars().all()
    finally:
        engine.dispose()
    assert rows == ["annexed", "Київ"]
    assert _table_names(database_url) == ["probe"]


def test_each_test_gets_a_new_database(database_url: str) -> None:
    # Runs after the test above created `probe`: a shared database would still have it.
    assert "probe" not in _table_names(database_url)


def test_sqlite_url_is_a_file_in_tmp_path(sqlite_url: str, tmp_path: Path) -> None:
    assert sqlite_url == f"sqlite:///{tmp_path}/claimdb.db"
    engine = sa.create_engine(sqlite_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    finally:
        engine.dispose()
    assert (tmp_path / "claimdb.db").is_file()


@pytest.mark.postgresql
def test_pg_trgm_and_full_text_work(postgresql_url: str) -> None:
    engine = sa.create_engine(postgresql_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            similarity = connection.execute(sa.text("SELECT similarity('annexed', 'anexed')")).scalar_one()
            lowered = connection.execute(sa.text("SELECT lower('ОЛЕКСІЙ Résumé')")).scalar_one()
            matched = connection.execute(
                sa.text("SELECT to_tsvector('english', 'Russia annexed land') @@ plainto_tsquery('english', 'annex')")
            ).scalar_one()
    finally:
        engine.dispose()
    assert similarity > 0.3
    assert lowered == "олексій résumé"  # the server's ctype understands non-ASCII letters
    assert matched is True


@pytest.mark.postgresql
def test_pg_server_is_the_admin_database(pg_server: str) -> None:
    assert pg_server.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    assert pg_server.endswith("/postgres")
    engine = sa.create_engine(pg_server)
    try:
        with engine.connect() as connection:
            version = connection.execute(sa.text("SHOW server_version_num")).scalar_one()
            fsync = connection.execute(sa.text("SHOW fsync")).scalar_one()
    finally:
        engine.dispose()
    assert int(version) >= 150000
    assert fsync == "off"


def test_missing_postgresql_fails_in_ci_and_skips_otherwise(tmp_path: Path) -> None:
    """With no PostgreSQL on PATH (nor anywhere), CI=true turns the skip into a failure."""
    (tmp_path / "test_probe.py").write_text(
        textwrap.dedent(
            """
            def test_uses_postgres(database_url):
                assert database_url
            """
        )
    )
    conftest = Path(__file__).parent / "conftest.py"
    (tmp_path / "conftest.py").write_text(conftest.read_text())
    (tmp_path / "pgserver.py").write_text(
        (Path(__file__).parent / "pgserver.py")
        .read_text()
        # Point every lookup at an empty folder: as if PostgreSQL were not installed.
        .replace('shutil.which("initdb")', "None")
        .replace('shutil.which("pg_config")', "None")
        .replace('glob.glob("/usr/lib/postgresql/*/bin")', "[]")
    )

    def run(ci: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "CI": ci}
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(tmp_path)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )

    local = run("")
    assert local.returncode == 0, local.stdout
    assert "1 passed, 1 skipped" in local.stdout
    ci = run("true")
    assert ci.returncode == 1, ci.stdout
    assert "PostgreSQL is required in CI" in ci.stdout
