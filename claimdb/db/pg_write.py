"""PostgreSQL: a statement, its new or joined claim, its figures and its links written in one round trip.

On PostgreSQL an ingest's time goes to round trips, not to the server's work: storing a statement took four
(claim, statement, figures, links), each waiting for the server. Data-modifying CTEs do all of it in one SQL
statement, so the client waits once. Rows, ids (each table's sequence is drawn in the same order) and values
are those the separate INSERT and UPDATE statements store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from claimdb.db.claim_index import pg_rows
from claimdb.db.models import utcnow
from claimdb.extract.types import Figure

# The claim part: a new claim, or the claim joined with its appearance count and date range widened (the
# same expressions as ingest's UPDATE).
_NEW_CLAIM = (
    "INSERT INTO claims (claimant_id, canonical_text, first_said_on, last_said_on, appearance_count, created_at) "
    "VALUES (:claimant_id, :wording, CAST(:said_on AS date), CAST(:said_on AS date), 1, :created_at) RETURNING id"
)
_JOIN_CLAIM = (
    "UPDATE claims SET appearance_count = appearance_count + 1, "
    "first_said_on = CASE WHEN first_said_on IS NULL OR first_said_on > d.said_on THEN d.said_on "
    "ELSE first_said_on END, "
    "last_said_on = CASE WHEN last_said_on IS NULL OR last_said_on < d.said_on THEN d.said_on ELSE last_said_on END "
    "FROM (SELECT CAST(:said_on AS date) AS said_on) AS d WHERE claims.id = :claim_id RETURNING claims.id"
)
_REST = (
    ", s AS (INSERT INTO statements (claim_id, document_id, claimant_id, speaker_surface, kind, text, cue, venue, "
    "said_on, said_on_precision, char_start, char_end, attribution, confidence) "
    "SELECT c.id, CAST(:document_id AS int), CAST(:claimant_id AS int), CAST(:speaker_surface AS text), "
    "CAST(:kind AS text), CAST(:text AS text), CAST(:cue AS text), CAST(:venue AS text), CAST(:said_on AS date), "
    "CAST(:said_on_precision AS text), CAST(:char_start AS int), CAST(:char_end AS int), "
    "CAST(:attribution AS text), CAST(:confidence AS float8) FROM c RETURNING id), "
    "f AS (INSERT INTO figures (statement_id, surface, value, value_max, unit, qualifier, char_start, char_end) "
    "SELECT s.id, x.surface, x.value, x.value_max, x.unit, x.qualifier, x.char_start, x.char_end "
    "FROM s, unnest(CAST(:f_surface AS text[]), CAST(:f_value AS float8[]), CAST(:f_value_max AS float8[]), "
    "CAST(:f_unit AS text[]), CAST(:f_qualifier AS text[]), CAST(:f_start AS int[]), CAST(:f_end AS int[])) "
    "WITH ORDINALITY AS x(surface, value, value_max, unit, qualifier, char_start, char_end, n) ORDER BY x.n), "
    "l AS (INSERT INTO claim_links (claim_a_id, claim_b_id, relation, score, method, evidence, status, created_at) "
    "SELECT least(c.id, x.other), greatest(c.id, x.other), x.relation, x.score, 'ingest', CAST(x.evidence AS json), "
    "x.status, CAST(:created_at AS timestamptz) "
    "FROM c, unnest(CAST(:l_other AS int[]), CAST(:l_relation AS text[]), CAST(:l_score AS float8[]), "
    "CAST(:l_evidence AS text[]), CAST(:l_status AS text[])) "
    "WITH ORDINALITY AS x(other, relation, score, evidence, status, n) WHERE x.other <> c.id ORDER BY x.n "
    "ON CONFLICT (claim_a_id, claim_b_id) DO NOTHING) "
    "SELECT id FROM c"
)
_WRITE_NEW = f"WITH c AS ({_NEW_CLAIM}){_REST}"
_WRITE_JOINED = f"WITH c AS ({_JOIN_CLAIM}){_REST}"


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A link from the statement's claim to `other` (stored with the lower id first)."""

    other: int
    relation: str
    score: float
    evidence_json: str  # the labelled levels as JSON text, as the decision wrote them
    status: str


def write_statement(
    session: Session,
    *,
    claim_id: int | None,
    wording: str,
    statement: dict[str, Any],
    said_on: date | None,
    figures: Sequence[Figure],
    links: Sequence[LinkRow],
    created_at: datetime | None = None,
) -> int:
    """Store one statement (`statement`: its column values) in claim `claim_id`, or in a new claim with
    `wording` when None, with its figures and links; returns the claim's id.

    Links are given once per other claim; a pair that exists already is skipped, as ingest's INSERT does.
    """
    values: dict[str, Any] = {
        **statement,
        "claim_id": claim_id,
        "wording": wording,
        "said_on": said_on,
        "created_at": created_at or utcnow(),
        "f_surface": [f.surface for f in figures],
        "f_value": [f.value for f in figures],
        "f_value_max": [f.value_max for f in figures],
        "f_unit": [f.unit for f in figures],
        "f_qualifier": [f.qualifier for f in figures],
        "f_start": [f.start for f in figures],
        "f_end": [f.end for f in figures],
        "l_other": [link.other for link in links],
        "l_relation": [link.relation for link in links],
        "l_score": [link.score for link in links],
        # The text the decision wrote with json.dumps (what SQLAlchemy's JSON type would send), cast in the SQL
        "l_evidence": [link.evidence_json for link in links],
        "l_status": [link.status for link in links],
    }
    found = pg_rows(session, _WRITE_NEW if claim_id is None else _WRITE_JOINED, values)
    if not found:
        raise LookupError(f"claim {claim_id} does not exist")
    return int(found[0][0])
