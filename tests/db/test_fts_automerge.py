"""Migration 0006: SQLite's FTS5 indexes merge 16 segments of a level at a time, not FTS5's default 4."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from feeds import write_feed

from claimdb.db import maintenance, migrate
from claimdb.db.engine import open_database
from claimdb.ingest import ingest
from claimdb.readers import read_inputs

FTS_TABLES = maintenance.FTS_TABLES


def _automerge(path: Path) -> dict[str, int | None]:
    with sqlite3.connect(path) as connection:
        found = {}
        for table in FTS_TABLES:
            row = connection.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
            found[table] = None if row is None else int(row[0])
    return found


def _feed(folder: Path, count: int) -> Path:
    return write_feed(
        folder,
        count,
        lambda number: f'"The army has liberated {number + 3} villages near Kupiansk," minister Oleksiy Reznikov said.',
    )


def test_a_new_database_merges_sixteen_segments_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_database(f"sqlite:///{path}").dispose()
    assert _automerge(path) == dict.fromkeys(FTS_TABLES, 16)


def test_small_segments_wait_for_sixteen_and_every_document_is_found(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    try:
        summary = ingest(database, read_inputs([str(_feed(tmp_path, 12))]))
        # One transaction, one segment per document and table; FTS5's default (4) would have merged them.
        assert summary.documents_new == 12
        assert {table: maintenance.fts_segments(database, table) for table in FTS_TABLES} == dict.fromkeys(
            FTS_TABLES, 12
        )
        with sqlite3.connect(path) as connection:
            found = connection.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'kupiansk'")
            assert found.fetchone()[0] == 12
            for table in FTS_TABLES:
                connection.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    finally:
        database.dispose()


def test_downgrade_restores_fts5s_default_and_upgrade_sets_it_again(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    try:
        migrate.downgrade(database, "0005")
        assert _automerge(path) == dict.fromkeys(FTS_TABLES, 4)
        migrate.upgrade(database)
        assert migrate.current_revision(database) == "0006"
        assert _automerge(path) == dict.fromkeys(FTS_TABLES, 16)
    finally:
        database.dispose()
