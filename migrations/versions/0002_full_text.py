"""full-text search objects (hand-written; autogenerate skips them)

SQLite: external-content FTS5 tables over statements and claims, kept in sync by triggers, plus an fts5vocab
table giving document frequencies (blocking picks the rarest terms). PostgreSQL: generated tsvector columns with
GIN indexes, and pg_trgm indexes for fuzzy lookup.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "porter unicode61 remove_diacritics 2"

SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE statements_fts USING fts5(
        text, content='statements', content_rowid='id', tokenize='{TOKENIZE}')""",
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
    f"""CREATE VIRTUAL TABLE claims_fts USING fts5(
        canonical_text, title, content='claims', content_rowid='id', tokenize='{TOKENIZE}')""",
    """CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, canonical_text, title) VALUES (new.id, new.canonical_text, new.title);
    END""",
    """CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, canonical_text, title)
        VALUES ('delete', old.id, old.canonical_text, old.title);
    END""",
    # Only text changes touch the index: appearance counts and dates change on every ingest.
    """CREATE TRIGGER claims_fts_au AFTER UPDATE OF canonical_text, title ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, canonical_text, title)
        VALUES ('delete', old.id, old.canonical_text, old.title);
        INSERT INTO claims_fts(rowid, canonical_text, title) VALUES (new.id, new.canonical_text, new.title);
    END""",
    "CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')",
    "CREATE VIRTUAL TABLE statements_fts_vocab USING fts5vocab(statements_fts, 'row')",
    # Rebuild from the content tables, so upgrading a database that already holds rows indexes them.
    "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
]

SQLITE_DOWN = [
    "DROP TABLE IF EXISTS statements_fts_vocab",
    "DROP TABLE IF EXISTS claims_fts_vocab",
    "DROP TRIGGER IF EXISTS claims_fts_au",
    "DROP TRIGGER IF EXISTS claims_fts_ad",
    "DROP TRIGGER IF EXISTS claims_fts_ai",
    "DROP TABLE IF EXISTS claims_fts",
    "DROP TRIGGER IF EXISTS statements_fts_au",
    "DROP TRIGGER IF EXISTS statements_fts_ad",
    "DROP TRIGGER IF EXISTS statements_fts_ai",
    "DROP TABLE IF EXISTS statements_fts",
]

POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE statements ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED""",
    "CREATE INDEX fts_statements_search ON statements USING gin (search_vector)",
    "CREATE INDEX fts_statements_trgm ON statements USING gin (text gin_trgm_ops)",
    """ALTER TABLE claims ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(canonical_text, '')), 'A')
            || setweight(to_tsvector('english', coalesce(title, '')), 'B')
        ) STORED""",
    "CREATE INDEX fts_claims_search ON claims USING gin (search_vector)",
    "CREATE INDEX fts_claims_trgm ON claims USING gin (canonical_text gin_trgm_ops)",
]

POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS fts_claims_trgm",
    "DROP INDEX IF EXISTS fts_claims_search",
    "ALTER TABLE claims DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS fts_statements_trgm",
    "DROP INDEX IF EXISTS fts_statements_search",
    "ALTER TABLE statements DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _run(SQLITE_UP if dialect == "sqlite" else POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _run(SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN)
