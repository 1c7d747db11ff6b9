"""Bulk writes end with a bounded merge of SQLite's full-text segments; one-document writes do not.

An import batch, a bulk load or a long ingest run leaves many FTS5 segments at once, and every blocking look-up
reads each of them; `claimdb.db.maintenance.after_bulk_write` merges them in proportion to the rows written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from feeds import write_feed
from sqlalchemy import text

from claimdb.db import maintenance
from claimdb.db.engine import open_database
from claimdb.imports import ImportedClaim, import_claims
from claimdb.ingest import ingest
from claimdb.matching import NewStatement, match_statement
from claimdb.query import StatementFilter, search
from claimdb.readers import read_inputs

WORDS = "harbour ferry pier toll bridge tunnel levy fare route quay dock canal lock wharf berth".split()


def _claim_text(number: int) -> str:
    # Distinct words per claim, so that each claim can be found on its own.
    return f"The {WORDS[number % len(WORDS)]} plan number{number} costs kronor{number} says councillor{number}"


def _segments(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {
            table: connection.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]
            for table in maintenance.FTS_TABLES
        }


def _insert_claims(url: str, first: int, count: int) -> None:
    database = open_database(url)
    try:
        with database.session(write=True) as session:
            session.execute(
                text("INSERT INTO claims (canonical_text, appearance_count, created_at) VALUES (:t, 1, '2024-01-01')"),
                [{"t": _claim_text(n)} for n in range(first, first + count)],
            )
    finally:
        database.dispose()


def _small_writes(url: str, count: int) -> None:
    # One claim per transaction, as one ingested document writes: one small segment each.
    for number in range(count):
        _insert_claims(url, number, 1)


def test_merge_budget_is_zero_below_a_bulk_write_and_grows_with_the_rows() -> None:
    assert maintenance.merge_budget(maintenance.BULK_ROWS - 1) == 0
    assert maintenance.merge_budget(maintenance.BULK_ROWS) == maintenance.MERGE_PAGES_MIN
    assert maintenance.merge_budget(80_000) == 80_000 // maintenance.MERGE_ROWS_PER_PAGE


def test_a_one_document_write_leaves_its_segment_for_later(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    url = f"sqlite:///{path}"
    _small_writes(url, 6)
    assert _segments(path)["claims_fts"] == 6
    _insert_claims(url, 6, maintenance.BULK_ROWS - 1)  # not a bulk write
    assert _segments(path)["claims_fts"] == 7


def test_a_bulk_transaction_merges_the_segments_and_every_claim_is_still_found(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    url = f"sqlite:///{path}"
    _small_writes(url, 6)
    _insert_claims(url, 6, maintenance.BULK_ROWS)
    # Seven segments on one level, four or more: merged (FTS5 would have waited for sixteen).
    assert _segments(path)["claims_fts"] == 1
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        for number in (0, 5, 6, maintenance.BULK_ROWS + 5):
            found = connection.execute(
                "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", (f"kronor{number}",)
            ).fetchall()
            assert found == [(number + 1,)]


def test_a_rolled_back_bulk_transaction_does_not_count_towards_the_next_one(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    url = f"sqlite:///{path}"
    _small_writes(url, 6)
    database = open_database(url)
    try:
        try:
            with database.session(write=True) as session:
                session.execute(
                    text("INSERT INTO claims (canonical_text, appearance_count, created_at) VALUES (:t, 1, '2024')"),
                    [{"t": _claim_text(n)} for n in range(100, 100 + maintenance.BULK_ROWS)],
                )
                raise RuntimeError("stop")
        except RuntimeError:
            pass
        with database.session(write=True) as session:
            session.execute(
                text("INSERT INTO claims (canonical_text, appearance_count, created_at) VALUES ('One more', 1, '2024')")
            )
    finally:
        database.dispose()
    assert _segments(path)["claims_fts"] == 7


def test_an_import_in_batches_keeps_few_segments(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    try:
        _small_writes(database.url, 6)
        claims = [ImportedClaim(f"fc-{n}", _claim_text(1000 + n), "test") for n in range(600)]
        summary = import_claims(database, claims, batch_size=300)
        assert summary.claims_new == 600
        assert _segments(path)["claims_fts"] <= 3
        with database.session() as session:
            decision = match_statement(session, NewStatement(_claim_text(1450)))
        assert decision.links or decision.join_claim_id is not None
    finally:
        database.dispose()


def _feed(folder: Path, count: int) -> Path:
    return write_feed(
        folder,
        count,
        lambda number: (
            f'"The ferry{number} toll will rise by {number + 3} percent at pier{number}," mayor Ada Roy said.'
        ),
    )


def test_a_long_ingest_run_ends_merged_and_short_runs_do_not(database_url: str, tmp_path: Path) -> None:
    database = open_database(database_url)
    try:
        short = ingest(database, read_inputs([str(_feed(tmp_path, 12))]))
        assert short.documents_new == 12 and short.fatal is None
        sqlite_path = Path(database.engine.url.database or "") if database.backend == "sqlite" else None
        if sqlite_path is not None:
            assert _segments(sqlite_path)["statements_fts"] == 12
        (tmp_path / "long").mkdir()
        long = ingest(database, read_inputs([str(_feed(tmp_path / "long", 140))]))
        # 128 new documents (12 were stored already), a statement and a claim each: 256 rows, a bulk write.
        assert long.documents_new == 128 and long.fatal is None
        assert long.statements + long.claims_new >= maintenance.BULK_ROWS
        if sqlite_path is not None:
            assert max(_segments(sqlite_path).values()) <= 3
        for number in (0, 11, 12, 139):
            found = search(database, f"pier{number}", StatementFilter())
            assert found.mode == "fulltext" and len(found.rows) == 1, number
    finally:
        database.dispose()
