"""views for browsing (Datasette, SQL clients) and full-text tables Datasette recognises

Views, on both backends:
- statements_view: each statement with its claimant's name and role, the document's title, date, url, source;
- links_view: each link between claims with both claims' texts, claimants and dates;
- claims_view: each claim with its claimant, number of reviews and latest verdict.

SQLite only: Datasette finds the full-text table of `statements` by looking for `content="statements"` (double
quotes or brackets) in the FTS table's SQL; 0002 wrote it with single quotes, so the FTS5 tables are recreated
here with the same columns and tokenizer (the triggers of 0002 refer to them by name and keep working).

Autogenerate does not compare views. A later SQLite batch migration that recreates one of the tables these
views read must drop the views first and create them again after (see drop_views/create_views below).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "porter unicode61 remove_diacritics 2"

# The role a claimant was seen with on the day, else the latest seen, as "Title, Affiliation". Outer columns
# appear only in WHERE clauses: SQLite cannot resolve them in a subquery's ORDER BY once the view is flattened.
_ROLE_TEXT = "r.title || CASE WHEN r.affiliation <> '' THEN ', ' || r.affiliation ELSE '' END"
_ROLE = f"""COALESCE(
            (SELECT {_ROLE_TEXT} FROM claimant_roles r
             WHERE r.claimant_id = s.claimant_id AND r.first_seen <= s.said_on AND s.said_on <= r.last_seen
             ORDER BY r.id LIMIT 1),
            (SELECT {_ROLE_TEXT} FROM claimant_roles r
             WHERE r.claimant_id = s.claimant_id
             ORDER BY CASE WHEN r.last_seen IS NULL THEN 1 ELSE 0 END, r.last_seen DESC, r.id DESC LIMIT 1))"""

VIEWS = {
    "statements_view": f"""
        SELECT s.id AS statement_id,
               s.claim_id,
               s.said_on,
               COALESCE(c.name, s.speaker_surface) AS claimant,
               {_ROLE} AS role,
               s.kind,
               s.text,
               s.cue,
               s.venue,
               d.title AS document,
               d.published_on,
               d.url,
               src.name AS source,
               s.claimant_id,
               s.document_id,
               s.attribution,
               s.confidence
        FROM statements s
        JOIN documents d ON d.id = s.document_id
        LEFT JOIN claimants c ON c.id = s.claimant_id
        LEFT JOIN sources src ON src.id = d.source_id""",
    "links_view": """
        SELECT l.id AS link_id,
               l.relation,
               l.status,
               l.score,
               l.claim_a_id,
               ca.name AS claimant_a,
               a.canonical_text AS text_a,
               a.first_said_on AS said_on_a,
               l.claim_b_id,
               cb.name AS claimant_b,
               b.canonical_text AS text_b,
               b.first_said_on AS said_on_b,
               l.method,
               l.evidence,
               l.note,
               l.decided_by,
               l.decided_at,
               l.created_at
        FROM claim_links l
        JOIN claims a ON a.id = l.claim_a_id
        JOIN claims b ON b.id = l.claim_b_id
        LEFT JOIN claimants ca ON ca.id = a.claimant_id
        LEFT JOIN claimants cb ON cb.id = b.claimant_id""",
    "claims_view": """
        SELECT cl.id AS claim_id,
               c.name AS claimant,
               cl.canonical_text AS text,
               cl.title,
               cl.external_id,
               cl.url,
               cl.first_said_on,
               cl.last_said_on,
               cl.appearance_count AS appearances,
               (SELECT count(*) FROM reviews r WHERE r.claim_id = cl.id) AS reviews,
               (SELECT r.rating FROM reviews r WHERE r.claim_id = cl.id
                ORDER BY CASE WHEN r.reviewed_on IS NULL THEN 1 ELSE 0 END, r.reviewed_on DESC, r.id DESC
                LIMIT 1) AS latest_rating
        FROM claims cl
        LEFT JOIN claimants c ON c.id = cl.claimant_id""",
}


def _fts_tables(quote: str) -> list[str]:
    """SQLite statements recreating 0002's FTS5 tables (and vocabularies), quoting option values with `quote`."""
    close = "]" if quote == "[" else quote
    return [
        "DROP TABLE IF EXISTS statements_fts_vocab",
        "DROP TABLE IF EXISTS claims_fts_vocab",
        "DROP TABLE IF EXISTS statements_fts",
        "DROP TABLE IF EXISTS claims_fts",
        f"""CREATE VIRTUAL TABLE statements_fts USING fts5(
            text, content={quote}statements{close}, content_rowid={quote}id{close}, tokenize='{TOKENIZE}')""",
        f"""CREATE VIRTUAL TABLE claims_fts USING fts5(
            canonical_text, title, content={quote}claims{close}, content_rowid={quote}id{close},
            tokenize='{TOKENIZE}')""",
        "CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')",
        "CREATE VIRTUAL TABLE statements_fts_vocab USING fts5vocab(statements_fts, 'row')",
        "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
        "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
    ]


def create_views() -> None:
    """Create the browsing views (the same SQL on SQLite and PostgreSQL)."""
    for name, body in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")


def drop_views() -> None:
    """Drop the browsing views."""
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _fts_tables('"'):
            op.execute(statement)
    create_views()


def downgrade() -> None:
    drop_views()
    if op.get_bind().dialect.name == "sqlite":
        for statement in _fts_tables("'"):
            op.execute(statement)
