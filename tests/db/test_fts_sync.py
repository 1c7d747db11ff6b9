"""SQLite full-text tables without insert triggers (migration 0005): every row indexed, once, in few segments."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import insert, text

from claimdb.db import maintenance, migrate
from claimdb.db.engine import open_database
from claimdb.db.models import Claim
from claimdb.db.rank_index import _varints
from claimdb.ingest import ingest
from claimdb.readers import read_inputs

FTS_TABLES = maintenance.FTS_TABLES


def _leaves_written(path: Path, table: str) -> int:
    """FTS5's count of leaf pages written by flushes (the structure record: cookie, levels, segments, count)."""
    with sqlite3.connect(path) as connection:
        blob = connection.execute(f"SELECT block FROM {table}_data WHERE id = 10").fetchone()[0]
    _levels, _segments, written, *_ = _varints(blob[4:])
    return written


def _integrity_check(path: Path) -> None:
    # For an external-content table FTS5 compares the index with the content table: a row missing from the
    # index, indexed twice, or indexed with other words fails here.
    with sqlite3.connect(path) as connection:
        for table in FTS_TABLES:
            connection.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def _articles(tmp_path: Path, count: int) -> Path:
    feed = tmp_path / "feed.jsonl"
    records = []
    for number in range(count):
        text_ = " ".join(
            f'"The army has liberated {10 * number + k} villages near Kupiansk {k}," minister Oleksiy '
            f"Reznikov{number} said on Monday."
            for k in range(4)
        )
        records.append({"id": f"a{number}", "title": f"Article {number}", "published_at": "2022-10-04", "text": text_})
    feed.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    return feed


def test_ingest_writes_one_segment_per_table_per_document(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    try:
        before = {table: _leaves_written(path, table) for table in FTS_TABLES}
        summary = ingest(database, read_inputs([str(_articles(tmp_path, 5))]))
    finally:
        database.dispose()
    assert summary.documents_new == 5 and summary.statements >= 15
    # With insert triggers every row became a segment of its own (one leaf each): 15+ leaves, not 5.
    for table in FTS_TABLES:
        assert _leaves_written(path, table) - before[table] == summary.documents_new
    _integrity_check(path)


def test_a_claim_is_found_by_the_next_statement_of_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    feed = tmp_path / "repeat.jsonl"
    quote = "We guarantee life, safety and justice for all who refuse to fight immediately and lay down arms"
    record = {
        "id": "r1",
        "title": "Twice",
        "published_at": "2022-10-04",
        "text": f'"{quote}," Oleksiy Reznikov said on Monday.\n\n"{quote}," Reznikov said again on Tuesday.',
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    database = open_database(f"sqlite:///{path}")
    try:
        summary = ingest(database, read_inputs([str(feed)]))
    finally:
        database.dispose()
    assert summary.statements == 2
    assert summary.claims_new == 1 and summary.claims_joined == 1
    _integrity_check(path)


def test_rows_inserted_through_sqlalchemy_are_searchable_at_once(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'claims.db'}")
    try:
        with database.session(write=True) as session:
            session.execute(insert(Claim), [{"canonical_text": "Russia annexed Crimea", "appearance_count": 1}])
            session.add(Claim(canonical_text="Finland annexed nothing", appearance_count=1))
            session.flush()
            found = session.execute(text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'annexed'")).scalar()
        assert found == 2  # in the same transaction, as the insert triggers did
    finally:
        database.dispose()


def test_raw_inserts_updates_and_deletes_before_commit_keep_the_index_whole(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    try:
        with database.session(write=True) as session:
            for words in ("Russia annexed Crimea", "Sweden annexed Gotland", "Latvia annexed Riga"):
                session.execute(
                    text(
                        "INSERT INTO claims (canonical_text, appearance_count, created_at) "
                        "VALUES (:words, 1, CURRENT_TIMESTAMP)"
                    ),
                    {"words": words},
                )
            # Not indexed yet: the guarded triggers must not send FTS5 a 'delete' for words it never stored.
            session.execute(text("UPDATE claims SET canonical_text = 'Sweden bought Gotland' WHERE id = 2"))
            session.execute(text("DELETE FROM claims WHERE id = 3"))
        with database.session() as session:
            annexed = session.execute(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'annexed'")).all()
            bought = session.execute(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'bought'")).all()
        assert [row[0] for row in annexed] == [1]
        assert [row[0] for row in bought] == [2]
        # Once indexed, the update and delete triggers keep the index in step.
        with database.session(write=True) as session:
            session.execute(text("UPDATE claims SET canonical_text = 'Russia denied annexing Crimea' WHERE id = 1"))
            session.execute(text("DELETE FROM claims WHERE id = 2"))
        with database.session() as session:
            denied = session.execute(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'denied'")).all()
            bought = session.execute(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'bought'")).all()
        assert [row[0] for row in denied] == [1] and bought == []
    finally:
        database.dispose()
    _integrity_check(path)


def test_downgrade_indexes_what_is_missing_and_restores_the_triggers(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    try:
        with database.session(write=True) as session:
            session.execute(insert(Claim), [{"canonical_text": "Russia annexed Crimea", "appearance_count": 1}])
        migrate.downgrade(database, "0004")
        with database.session(write=True) as session:
            # The 0002 insert trigger is back: a raw insert is indexed by it.
            session.execute(
                text(
                    "INSERT INTO claims (canonical_text, appearance_count, created_at) "
                    "VALUES ('Sweden annexed Gotland', 1, CURRENT_TIMESTAMP)"
                )
            )
        _integrity_check(path)
        migrate.upgrade(database)
        assert migrate.current_revision(database) == migrate.head_revision()
        with database.session() as session:
            found = session.execute(text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'annexed'")).scalar()
        assert found == 2
    finally:
        database.dispose()
    _integrity_check(path)


def test_a_read_only_session_commits_without_looking_for_rows_to_index(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    database = open_database(f"sqlite:///{path}")
    statements: list[str] = []
    try:
        with database.session(write=True) as session:
            session.execute(insert(Claim), [{"canonical_text": "The harbour budget doubled", "appearance_count": 1}])
        with database.session() as session:
            session.execute(text("SELECT count(*) FROM claims")).scalar_one()
            driver = session.connection().connection.driver_connection
            driver.set_trace_callback(statements.append)
        driver.set_trace_callback(None)
        # A write after that still indexes its rows before the commit.
        with database.session(write=True) as session:
            session.connection().exec_driver_sql(
                "INSERT INTO claims(canonical_text, appearance_count, created_at) "
                "VALUES ('x', 1, '2024-01-01 00:00:00')"
            )
    finally:
        database.dispose()
    assert any(s.startswith("COMMIT") for s in statements)
    assert not [s for s in statements if "_docsize" in s]  # the read session's commit asked nothing
    _integrity_check(path)
