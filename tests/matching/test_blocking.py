"""Candidate lookup and the entry points on real databases (SQLite file and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from claimsdb import open_with_claims

from claimdb.db.claim_index import blocking_terms, candidate_claims, document_frequencies, query_terms
from claimdb.db.engine import Database
from claimdb.db.models import Claim
from claimdb.matching import NewStatement, match_statement, rank_claims

CLAIMS = [
    ("k1", "Russia has annexed around 20% of Ukrainian territory since the invasion started in February"),
    ("k2", "Ukrainian forces have liberated more than 500 square kilometres of territory near Kharkiv"),
    ("k3", "The grain corridor must stay open because millions of people in Africa depend on wheat exports"),
] + [(f"filler{i}", f"Officials said the territory situation was discussed at meeting number {i}") for i in range(40)]


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_with_claims(database_url, [(e, t, None) for e, t in CLAIMS])
    yield db
    db.dispose()


def _ids(database: Database) -> dict[str, int]:
    with database.session() as session:
        return {c.external_id: c.id for c in session.query(Claim)}  # type: ignore[misc]


def test_candidates_come_from_the_rarest_terms(database: Database) -> None:
    with database.session() as session:
        terms = blocking_terms(session, "Ukrainian territory near Kharkiv was liberated", max_terms=2)
        frequencies = document_frequencies(session, query_terms(session, "territory Kharkiv"))
        found = candidate_claims(session, "Ukrainian territory near Kharkiv was liberated", k=5)
    assert len(terms) == 2 and not any(t.startswith("territor") for t in terms)  # 'territory' is common
    assert frequencies[next(t for t in frequencies if t.startswith("territor"))] > 40
    assert [c.external_id for c in found][:1] == ["k2"]


def test_user_text_is_never_query_syntax(database: Database) -> None:
    with database.session() as session:
        for text in ['"', 'annexed" AND NEAR(', "* OR NOT", "col:annexed ^", "'); DROP TABLE claims; --", ""]:
            candidate_claims(session, text, k=5)
            rank_claims(session, text, limit=3)
        found = candidate_claims(session, 'annexed" NEAR * Ukrainian', k=5)
    assert "k1" in [c.external_id for c in found]


def test_excluded_claims_are_left_out(database: Database) -> None:
    ids = _ids(database)
    with database.session() as session:
        found = candidate_claims(session, "grain corridor Africa wheat", k=5, exclude_claim_ids=[ids["k3"]])
    assert ids["k3"] not in [c.claim_id for c in found]


def test_rank_claims_puts_the_known_claim_first(database: Database) -> None:
    tweet = "BREAKING: Russia annexed 20% of Ukraine!! #UkraineWar pic.twitter.com/xyz — Someone (@some1) March 3, 2022"
    with database.session() as session:
        ranked = rank_claims(session, tweet, limit=3)
    assert ranked[0].external_id == "k1"
    assert ranked[0].score >= ranked[-1].score


def test_match_statement_links_a_changed_figure(database: Database) -> None:
    ids = _ids(database)
    new = NewStatement("Russia has annexed around 15% of Ukrainian territory since the invasion started in February")
    with database.session() as session:
        decision = match_statement(session, new)
    assert decision.join_claim_id is None
    assert [(link.claim_id, link.relation) for link in decision.links][:1] == [(ids["k1"], "figure_change")]


def test_common_terms_are_remembered_once_per_database(database: Database) -> None:
    # Every ingested document opens its own write session; a cache keyed by session or engine object would
    # gain an entry per document and grow for as long as the ingest runs.
    from claimdb.db import claim_index

    with database.session(write=True) as session:
        candidate_claims(session, "Officials said the territory situation was discussed", k=5)
    entries = len(claim_index._common_terms)
    for _ in range(30):
        with database.session(write=True) as session:
            candidate_claims(session, "Officials said the territory situation was discussed", k=5)
        with database.session() as session:
            candidate_claims(session, "the territory was discussed at the meeting", k=5)
    assert len(claim_index._common_terms) == entries
    assert database.engine.pool in claim_index._common_terms


@pytest.mark.postgresql
def test_postgresql_blocking_takes_common_terms_from_the_planner_statistics(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    from claimdb.db import claim_index

    database = open_with_claims(postgresql_url, [(e, t, None) for e, t in CLAIMS])
    monkeypatch.setattr(claim_index, "DF_CAP", 30)
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE claims"))
        # Statistics now say 'territori' is in 42 claims; after this it is in 9, and only counting would know.
        connection.execute(text("DELETE FROM claims WHERE external_id LIKE 'filler%' AND external_id > 'filler14'"))
    with database.session() as session:
        frequencies = document_frequencies(session, query_terms(session, "territory Kharkiv"))
        counted = claim_index.pg_term_rows(session, ["territori"])
    assert frequencies[next(t for t in frequencies if t.startswith("territor"))] == 30
    assert counted["territori"][0] < 30
    database.dispose()


def test_two_common_keys_give_the_newest_claims_holding_both(database_url: str) -> None:
    # Both words are in more claims than the row budget, so blocking takes their AND. Claims that hold only one
    # of them are newer and must still be left out. The claims come newest first (no ranking) on both backends.
    claims = [(f"a{i}", f"Officials discussed the harbour budget at meeting number {i}", None) for i in range(60)]
    claims += [(f"h{i}", f"The harbour was quiet at meeting number {i}", None) for i in range(10)]
    claims += [(f"b{i}", f"The budget was late at meeting number {i}", None) for i in range(10)]
    database = open_with_claims(database_url, claims)
    try:
        with database.session() as session:
            keys = blocking_terms(session, "the harbour budget")
            found = [c.external_id for c in candidate_claims(session, "the harbour budget", k=5)]
    finally:
        database.dispose()
    assert len(keys) == 2
    assert found == ["a59", "a58", "a57", "a56", "a55"]
