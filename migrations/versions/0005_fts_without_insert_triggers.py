"""SQLite: index new claims and statements without insert triggers (hand-written; autogenerate skips it)

A trigger (or a RETURNING clause) makes SQLite open a statement journal, and FTS5 (up to SQLite 3.44) writes
its pending terms to a new segment at each one: every row inserted during an ingest transaction became a
one-row segment, and merging those into the large segments is work that grows with the archive. Without insert
triggers, the writer indexes rows itself and `claimdb.db.fts_sync.index_new_rows` indexes the rest before each
commit (the engine runs it), so each table gets one segment per transaction.

The update and delete triggers stay, guarded so that they skip a row the index does not hold yet (inserted in
the current transaction and not indexed until it commits): the full-text index never receives a 'delete' for
values it never stored. PostgreSQL: nothing to do (generated tsvector columns).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _guarded(fts: str) -> str:
    return f"WHEN EXISTS (SELECT 1 FROM {fts}_docsize WHERE id = old.id)"


SQLITE_UP = [
    "DROP TRIGGER IF EXISTS statements_fts_ai",
    "DROP TRIGGER IF EXISTS claims_fts_ai",
    "DROP TRIGGER IF EXISTS statements_fts_ad",
    "DROP TRIGGER IF EXISTS statements_fts_au",
    "DROP TRIGGER IF EXISTS claims_fts_ad",
    "DROP TRIGGER IF EXISTS claims_fts_au",
    f"""CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements {_guarded("statements_fts")} BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    f"""CREATE TRIGGER statements_fts_au AFTER UPDATE OF text ON statements {_guarded("statements_fts")} BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    f"""CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims {_guarded("claims_fts")} BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, canonical_text, title)
        VALUES ('delete', old.id, old.canonical_text, old.title);
    END""",
    f"""CREATE TRIGGER claims_fts_au AFTER UPDATE OF canonical_text, title ON claims {_guarded("claims_fts")} BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, canonical_text, title)
        VALUES ('delete', old.id, old.canonical_text, old.title);
        INSERT INTO claims_fts(rowid, canonical_text, title) VALUES (new.id, new.canonical_text, new.title);
    END""",
]

# The triggers of 0002, after indexing whatever is not indexed yet.
SQLITE_DOWN = [
    "INSERT INTO statements_fts(rowid, text) SELECT id, text FROM statements "
    "WHERE id > coalesce((SELECT max(id) FROM statements_fts_docsize), 0)",
    "INSERT INTO claims_fts(rowid, canonical_text, title) SELECT id, canonical_text, title FROM claims "
    "WHERE id > coalesce((SELECT max(id) FROM claims_fts_docsize), 0)",
    "DROP TRIGGER IF EXISTS statements_fts_ad",
    "DROP TRIGGER IF EXISTS statements_fts_au",
    "DROP TRIGGER IF EXISTS claims_fts_ad",
    "DROP TRIGGER IF EXISTS claims_fts_au",
    """CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER statements_fts_au AFTER UPDATE OF text ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, canonical_text, title) VALUES (new.id, new.canonical_text, new.title);
    END""",
    """CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, canonical_text, title)
        VALUES ('delete', old.id, old.canonical_text, old.title);
    END""",
    """CREATE TRIGGER claims_fts_au AFTER UPDATE OF canonical_text, title ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, canonical_text, title)
        VALUES ('delete', old.id, old.canonical_text, old.title);
        INSERT INTO claims_fts(rowid, canonical_text, title) VALUES (new.id, new.canonical_text, new.title);
    END""",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_UP)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_DOWN)
