"""PostgreSQL blocking by an AND of two common words: the newest claims holding both, as on SQLite.

The AND is read through the GIN index when its rarer word is in few claims, else by walking the newest claims
(at most `PG_AND_WALK_CLAIMS` of them); inside an ingest turn a repeated AND reads only the claims added since.
"""

from __future__ import annotations

import pytest
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from claimdb.db import claim_index
from claimdb.db.claim_index import candidate_claims
from claimdb.db.engine import Database, open_database
from claimdb.db.models import Claim

pytestmark = pytest.mark.postgresql

BOTH = [(f"a{i}", f"Officials discussed the harbour budget at meeting number {i}", None) for i in range(60)]
HARBOUR = [(f"h{i}", f"The harbour was quiet at meeting number {i}", None) for i in range(10)]
BUDGET = [(f"b{i}", f"The budget was late at meeting number {i}", None) for i in range(10)]
QUERY = "the harbour budget"


def open_with_claims(url: str, claims: list[tuple[str, str, None]]) -> Database:
    database = open_database(url)
    with database.session(write=True) as session:
        session.execute(
            insert(Claim), [{"external_id": e, "canonical_text": t, "appearance_count": 1} for e, t, _ in claims]
        )
    return database


def _found(session: Session, k: int = 5) -> list[str | None]:
    return [c.external_id for c in candidate_claims(session, QUERY, k=k)]


def test_the_walk_and_the_index_give_the_same_newest_claims(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_with_claims(postgresql_url, BOTH + HARBOUR + BUDGET)
    try:
        with database.session() as session:
            terms = claim_index.blocking_terms(session, QUERY)
            monkeypatch.setattr(claim_index, "PG_AND_INDEX_CLAIMS", 1_000_000)
            assert claim_index._pg_and_is_short(session, terms, None) or claim_index._pg_and_is_short(
                session, terms, 60
            )
            through_index = _found(session)
            monkeypatch.setattr(claim_index, "PG_AND_INDEX_CLAIMS", 0)
            assert not claim_index._pg_and_is_short(session, terms, 60)
            walked = _found(session)
    finally:
        database.dispose()
    assert len(terms) == 2
    assert through_index == walked == ["a59", "a58", "a57", "a56", "a55"]


def test_the_walk_reads_only_the_newest_claims(postgresql_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Twenty claims without either word came after the sixty holding both.
    later = [(f"w{i}", f"Weather report number {i} for the coast", None) for i in range(20)]
    database = open_with_claims(postgresql_url, BOTH + HARBOUR + BUDGET + later)
    monkeypatch.setattr(claim_index, "PG_AND_INDEX_CLAIMS", 0)
    try:
        with database.session() as session:
            monkeypatch.setattr(claim_index, "PG_AND_WALK_CLAIMS", 20)
            beyond_the_window = _found(session)
            monkeypatch.setattr(claim_index, "PG_AND_WALK_CLAIMS", 45)  # the newest five holding both
            edge = _found(session, k=10)
    finally:
        database.dispose()
    assert beyond_the_window == []
    assert edge == ["a59", "a58", "a57", "a56", "a55"]


def _turn(session: Session) -> None:
    xid, snapshot = session.execute(
        text("SELECT CAST(pg_current_xact_id() AS text), CAST(pg_current_snapshot() AS text)")
    ).one()
    claim_index.pg_turn_begins(session, int(xid), snapshot)


@pytest.mark.parametrize("index_claims", [0, 1_000_000], ids=["walk", "index"])
def test_a_repeated_and_in_later_turns_gives_what_a_fresh_read_gives(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch, index_claims: int
) -> None:
    database = open_with_claims(postgresql_url, BOTH + HARBOUR + BUDGET)
    monkeypatch.setattr(claim_index, "PG_AND_INDEX_CLAIMS", index_claims)
    monkeypatch.setattr(claim_index, "PG_AND_WALK_CLAIMS", 40)  # the window moves as claims are added
    remembered_runs: list[list[str | None]] = []
    fresh_runs: list[list[str | None]] = []
    used_memory = False
    try:
        with claim_index.remembered_blocking():
            for turn in range(4):
                with database.session(write=True) as session:
                    _turn(session)
                    remembered_runs.append(_found(session, k=8))
                    memory = claim_index._remembered(session)
                    used_memory = used_memory or (memory is not None and bool(memory.and_ids))
                    # New claims: two holding both words, then eleven holding one (they push older ones out of
                    # the walk's window).
                    rows = [f"Harbour budget news, part {turn}.{i}" for i in range(2)]
                    rows += [f"Harbour only, part {turn}.{i}" for i in range(11)]
                    session.execute(
                        insert(Claim),
                        [
                            {"external_id": f"n{turn}.{i}", "canonical_text": t, "appearance_count": 1}
                            for i, t in enumerate(rows)
                        ],
                    )
                    remembered_runs.append(_found(session, k=8))
                claim_index.pg_turn_ends(committed=True)
                with database.session() as session:  # outside the turn: nothing remembered
                    fresh_runs.append(_found(session, k=8))
    finally:
        database.dispose()
    assert used_memory
    assert remembered_runs[1::2] == fresh_runs
    assert remembered_runs[3][:2] == ["n1.1", "n1.0"]
    if index_claims == 0:
        # Four turns added 52 claims: the window of 40 holds only the new ones.
        assert all((e or "").startswith("n") for e in fresh_runs[-1])
