"""Blocking that remembers its AND queries (`remembered_blocking`, used by ingest) finds what a fresh query finds."""

from __future__ import annotations

import sqlite3

from claimsdb import open_with_claims
from sqlalchemy import insert

from claimdb.db.claim_index import candidate_claims, remembered_blocking
from claimdb.db.models import Claim

# Both words are in more claims than the row budget, so blocking takes the AND of the two.
CLAIMS = [(f"a{i}", f"Officials discussed the harbour budget at meeting number {i}", None) for i in range(60)]
CLAIMS += [(f"h{i}", f"The harbour was quiet at meeting number {i}", None) for i in range(10)]
CLAIMS += [(f"b{i}", f"The budget was late at meeting number {i}", None) for i in range(10)]
QUERY = "the harbour budget"


def _found(session: object, k: int = 5) -> list[str | None]:
    return [c.external_id for c in candidate_claims(session, QUERY, k=k)]  # type: ignore[arg-type]


def test_claims_added_inside_the_block_come_first_as_in_a_fresh_query(database_url: str) -> None:
    database = open_with_claims(database_url, CLAIMS)
    try:
        with database.session(write=True) as session:
            with remembered_blocking():
                first = _found(session)
                wider = _found(session, k=8)
                session.execute(
                    insert(Claim),
                    [
                        {
                            "external_id": "new1",
                            "canonical_text": "A harbour budget for next year",
                            "appearance_count": 1,
                        },
                        {"external_id": "only", "canonical_text": "The budget opened again", "appearance_count": 1},
                        {
                            "external_id": "new2",
                            "canonical_text": "Budget of the harbour doubled",
                            "appearance_count": 1,
                        },
                    ],
                )
                remembered = _found(session)
                remembered_again = _found(session)
            fresh = _found(session)
    finally:
        database.dispose()
    assert first[:5] == wider[:5]
    assert remembered == fresh == remembered_again
    assert "only" not in remembered
    if database_url.startswith("sqlite"):  # newest first (PostgreSQL ranks them)
        assert remembered[:2] == ["new2", "new1"]


def test_a_commit_by_another_connection_is_not_hidden_by_what_was_remembered(tmp_path: object) -> None:
    path = f"{tmp_path}/claims.db"
    database = open_with_claims(f"sqlite:///{path}", CLAIMS)
    try:
        with remembered_blocking():
            with database.session() as session:
                before = _found(session)
            # Another process rewrites the newest claim so that it no longer holds both words.
            other = sqlite3.connect(path)
            other.execute("UPDATE claims SET canonical_text = 'The harbour was calm' WHERE external_id = 'a59'")
            other.commit()
            other.close()
            with database.session() as session:
                after = _found(session)
    finally:
        database.dispose()
    assert before[0] == "a59"
    assert "a59" not in after and after == ["a58", "a57", "a56", "a55", "a54"]


def test_a_claim_reported_as_changed_is_read_again(database_url: str) -> None:
    from datetime import date

    from sqlalchemy import update

    from claimdb.db.claim_index import claim_changed, claim_figures
    from claimdb.db.models import Document, Figure, Statement

    database = open_with_claims(database_url, CLAIMS)
    try:
        with database.session(write=True) as session, remembered_blocking():
            newest = candidate_claims(session, QUERY, k=1)[0]
            assert claim_figures(session, [newest.claim_id]) == {}  # an imported claim: no statement yet
            # A statement with a figure joins the claim, as ingest does, and reports it.
            document = Document(text="x", content_sha256="0" * 64, extractor_version="t")
            session.add(document)
            session.flush()
            statement = Statement(
                claim_id=newest.claim_id, document_id=document.id, kind="direct", text="x", char_start=0, char_end=1
            )
            session.add(statement)
            session.flush()
            session.add(
                Figure(
                    statement_id=statement.id, surface="20%", value=20.0, unit="percentage", char_start=0, char_end=3
                )
            )
            session.execute(update(Claim).where(Claim.id == newest.claim_id).values(last_said_on=date(2024, 5, 1)))
            session.flush()
            claim_changed(newest.claim_id)
            again = candidate_claims(session, QUERY, k=1)[0]
            figures = claim_figures(session, [newest.claim_id])
    finally:
        database.dispose()
    assert newest.last_said_on is None and again.last_said_on == date(2024, 5, 1)
    assert [f.surface for f in figures[newest.claim_id]] == ["20%"]


def test_claims_reported_as_indexed_are_found_as_the_index_finds_them(database_url: str) -> None:
    from claimdb.db.claim_index import claim_indexed
    from claimdb.db.fastpath import Writer

    database = open_with_claims(database_url, CLAIMS)
    texts = [
        ("new1", "A harbour budget for next year"),
        ("only", "The budget opened again"),
        ("new2", "Budgets of the harbours doubled"),
        ("harb", "The harbour opened again"),
        ("new3", "HARBOUR: the budget"),
        ("also", "The harbour was closed"),
    ]
    try:
        with database.session(write=True) as session:
            with remembered_blocking():
                first = _found(session)
                writer = Writer(session)
                for external_id, text in texts:
                    claim_id = writer.insert(
                        insert(Claim), {"external_id": external_id, "canonical_text": text, "appearance_count": 1}
                    )
                    assert claim_id is not None
                    writer.index_claim(claim_id, text, None)  # as ingest does
                    claim_indexed(session, claim_id, text, None)
                    if external_id == "new1":
                        after_one = _found(session)
                remembered = _found(session)
            fresh = _found(session)
    finally:
        database.dispose()
    assert remembered == fresh and not {"only", "harb", "also"} & set(remembered)
    if database_url.startswith("sqlite"):  # newest first (PostgreSQL ranks them)
        assert first[:2] == fresh[3:5]
        assert after_one[0] == "new1" and remembered[:3] == ["new3", "new2", "new1"]
