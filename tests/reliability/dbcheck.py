"""Checks that a claimdb database is whole: engine-level integrity plus claimdb's own invariants.

Used after crashes, concurrent ingests and hostile input. Works on SQLite and PostgreSQL through SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

TABLES = (
    "sources",
    "documents",
    "claimants",
    "claimant_aliases",
    "claimant_roles",
    "claims",
    "statements",
    "figures",
    "claim_links",
    "reviews",
)

# Each query counts rows that break an invariant; all must be 0.
INVARIANTS = {
    "statement without its document": "SELECT count(*) FROM statements s "
    "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.document_id)",
    "statement without its claim": "SELECT count(*) FROM statements s "
    "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = s.claim_id)",
    "claim with no statement (not imported)": "SELECT count(*) FROM claims c WHERE c.external_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.claim_id = c.id)",
    "claim whose appearance count differs from its statements": "SELECT count(*) FROM claims c "
    "WHERE c.external_id IS NULL AND c.appearance_count <> "
    "(SELECT count(*) FROM statements s WHERE s.claim_id = c.id)",
    "claim whose first/last dates differ from its statements": "SELECT count(*) FROM claims c "
    "WHERE c.external_id IS NULL AND EXISTS (SELECT 1 FROM statements s WHERE s.claim_id = c.id "
    "AND s.said_on IS NOT NULL) AND (c.first_said_on <> (SELECT min(s.said_on) FROM statements s "
    "WHERE s.claim_id = c.id) OR c.last_said_on <> (SELECT max(s.said_on) FROM statements s "
    "WHERE s.claim_id = c.id))",
    "figure without its statement": "SELECT count(*) FROM figures f "
    "WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = f.statement_id)",
    "link to a missing claim": "SELECT count(*) FROM claim_links l "
    "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.claim_a_id) "
    "OR NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.claim_b_id)",
    "link not stored once (a < b)": "SELECT count(*) FROM claim_links WHERE claim_a_id >= claim_b_id",
    "duplicate document content": "SELECT count(*) - count(DISTINCT content_sha256) FROM documents",
    "duplicate claimant key": "SELECT count(*) - count(DISTINCT normalized_key) FROM claimants",
    "statement outside its document": "SELECT count(*) FROM statements s JOIN documents d ON d.id = s.document_id "
    "WHERE s.char_start < 0 OR s.char_end > length(d.text) OR s.char_start > s.char_end",
    "alias of a missing claimant": "SELECT count(*) FROM claimant_aliases a "
    "WHERE NOT EXISTS (SELECT 1 FROM claimants c WHERE c.id = a.claimant_id)",
    "statement of a missing claimant": "SELECT count(*) FROM statements s WHERE s.claimant_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM claimants c WHERE c.id = s.claimant_id)",
}


def _engine(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool)


def problems(url: str) -> list[str]:
    """Every broken invariant, as readable lines; an empty list means the database is whole."""
    found: list[str] = []
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
                if integrity != ["ok"]:
                    found.append(f"integrity_check: {integrity[:5]}")
                foreign = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if foreign:
                    found.append(f"foreign_key_check: {foreign[:5]}")
                for table in ("statements_fts", "claims_fts"):
                    try:
                        connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
                    except Exception as error:  # noqa: BLE001 - reported as a finding
                        found.append(f"{table} out of sync with its table: {error}")
            for name, query in INVARIANTS.items():
                broken = connection.execute(text(query)).scalar()
                if broken:
                    found.append(f"{name}: {broken}")
    finally:
        engine.dispose()
    return found


def counts(url: str) -> dict[str, int]:
    """Rows per table."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in TABLES}
    finally:
        engine.dispose()


def split_repeats(url: str) -> int:
    """Groups of statements by one claimant with the same text that ended up in more than one claim."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text(
                    "SELECT count(*) FROM (SELECT claimant_id, text FROM statements WHERE claimant_id IS NOT NULL "
                    "GROUP BY claimant_id, text HAVING count(DISTINCT claim_id) > 1) AS g"
                )
            ).scalar_one()
    finally:
        engine.dispose()


def fingerprint(url: str) -> str:
    """A digest of the content, independent of row ids: equal for two databases holding the same facts."""
    engine = _engine(url)
    rows: list[Any] = []
    try:
        with engine.connect() as connection:
            rows.append(sorted(connection.execute(text("SELECT content_sha256 FROM documents")).scalars()))
            rows.append(
                sorted(
                    tuple(str(value) for value in row)
                    for row in connection.execute(
                        text(
                            "SELECT d.content_sha256, s.char_start, s.char_end, s.kind, s.said_on, "
                            "coalesce(k.normalized_key, ''), c.canonical_text, c.appearance_count "
                            "FROM statements s JOIN documents d ON d.id = s.document_id "
                            "JOIN claims c ON c.id = s.claim_id LEFT JOIN claimants k ON k.id = s.claimant_id"
                        )
                    )
                )
            )
            rows.append(
                sorted(
                    tuple(str(value) for value in row)
                    for row in connection.execute(
                        text(
                            "SELECT a.canonical_text, b.canonical_text, l.relation, l.status FROM claim_links l "
                            "JOIN claims a ON a.id = l.claim_a_id JOIN claims b ON b.id = l.claim_b_id"
                        )
                    )
                )
            )
            rows.append(
                sorted(
                    tuple(str(value) for value in row)
                    for row in connection.execute(
                        text(
                            "SELECT k.normalized_key, r.title, r.affiliation, r.first_seen, r.last_seen "
                            "FROM claimant_roles r JOIN claimants k ON k.id = r.claimant_id"
                        )
                    )
                )
            )
    finally:
        engine.dispose()
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()
