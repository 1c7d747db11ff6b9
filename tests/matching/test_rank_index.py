"""Candidates of the "have we seen this?" ranking (claimdb/db/rank_index.py) on real databases.

FTS5 ranks only the rare terms of a post; common terms are scored in Python with the same BM25. These tests
check that the Python score is FTS5's own when nothing is capped, that a post made only of common words still
finds the claims that have them all, and that the backends agree on the best claim.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from claimsdb import open_with_claims

from claimdb.db.engine import Database
from claimdb.db.rank_index import glued_terms, ranked_terms, ranking_candidates
from claimdb.matching import rank_claims
from claimdb.matching.text import STOPWORDS, clean_post, split_glued

CLAIMS = [
    ("flood", "Floods closed the Springfield bridge for a week", "Was the Springfield bridge closed by floods?"),
    ("mayor", "The mayor of Springfield resigned after the floods", None),
    ("bridge", "A new bridge will open in Shelbyville next spring", "Shelbyville bridge opening"),
    ("meters", "The city council discussed parking meters at its meeting", None),
    ("fees", "The council discussed parking fees and bus fares", None),
    ("vaccine", "The measles vaccine causes autism in young children", "Does the MMR vaccine cause autism?"),
] + [
    (f"budget{i}", f"The city council discussed the budget of the library at meeting number {i}", None)
    for i in range(12)
]


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_with_claims(database_url, CLAIMS)
    yield db
    db.dispose()


def _fts5_bm25(database: Database, query_terms: list[str]) -> dict[str, float]:
    from claimdb.db.claim_index import _fts5_or_query

    with database.session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT c.external_id, -bm25(claims_fts, 1.0, 1.0) FROM claims_fts JOIN claims AS c "
            "ON c.id = claims_fts.rowid WHERE claims_fts MATCH ?",
            (_fts5_or_query(query_terms),),
        )
        return {external_id: score for external_id, score in rows}


def test_python_bm25_is_fts5_bm25_when_every_term_is_counted(sqlite_url: str) -> None:
    database = open_with_claims(sqlite_url, CLAIMS)
    text = "council discussed floods at the Springfield bridge"
    with database.session() as session:
        # A cap of 3 makes "council" and "discuss" common: FTS5 ranks only the rest, Python scores all.
        capped = ranking_candidates(session, text, k=50, stopwords=STOPWORDS, df_cap=3)
        counted = ranking_candidates(session, text, k=50, stopwords=STOPWORDS, df_cap=10_000, row_budget=0)
        from claimdb.db.claim_index import query_terms

        terms = query_terms(session, text, STOPWORDS)
    expected = _fts5_bm25(database, terms)
    # row_budget=0 leaves FTS5 only the rarest term, so every other term is scored in Python, uncapped.
    for candidate in counted:
        assert candidate.score == pytest.approx(expected[candidate.external_id], rel=1e-9)
    assert capped[0].external_id == counted[0].external_id == "flood"
    database.dispose()


def test_a_post_of_common_words_finds_the_claims_that_have_them_all(sqlite_url: str) -> None:
    database = open_with_claims(sqlite_url, CLAIMS)
    with database.session() as session:
        # With a cap of 2 every word here is common: FTS5 ranks nothing, the AND of the words finds the claims.
        found = ranking_candidates(session, "council discussed parking", k=5, stopwords=STOPWORDS, df_cap=2)
    assert {c.external_id for c in found} == {"meters", "fees"}
    assert all(c.score > 0 for c in found)
    database.dispose()


def test_ranked_terms_keep_to_the_row_budget() -> None:
    frequencies = {"rare": 3, "scarce": 10, "usual": 50, "common": 2000}
    assert ranked_terms(["rare", "scarce", "usual", "common"], frequencies, df_cap=1000, row_budget=60) == [
        "rare",
        "scarce",
    ]
    assert ranked_terms(["usual", "common"], frequencies, df_cap=1000, row_budget=10) == ["usual"]
    assert ranked_terms(["common"], frequencies, df_cap=1000, row_budget=10_000) == []


def test_both_backends_rank_the_same_claim_first(database: Database) -> None:
    with database.session() as session:
        ranked = rank_claims(session, "Springfield bridge closed again by the floods!! https://t.co/x", limit=3)
    assert ranked[0].external_id == "flood"
    assert ranked[0].evidence["bm25"] > 0


def test_the_author_of_a_post_counts_once() -> None:
    tweet = "Floods closed the bridge again pic.twitter.com/x \u2014 Jane Roe (@JaneRoe) May 1, 2020"
    assert clean_post(tweet) == "Floods closed the bridge again Jane Roe Jane Roe"
    assert clean_post(tweet, author_handle=False) == "Floods closed the bridge again Jane Roe"
    flags = "Vote! \u2014 \U0001f1fa\U0001f1f8\U0001f1fa\U0001f1f8 (@VoteNowUSA) May 1, 2020"
    assert clean_post(flags, author_handle=False) == "Vote! Vote Now USA"


@pytest.mark.postgresql
def test_postgresql_ranks_with_bm25_whatever_the_cap(postgresql_url: str) -> None:
    database = open_with_claims(postgresql_url, CLAIMS)
    text = "council discussed floods at the Springfield bridge"
    with database.session() as session:
        # A cap of 3 makes "council" and "discuss" common: only the rest are counted and OR-ed.
        capped = ranking_candidates(session, text, k=50, stopwords=STOPWORDS, df_cap=3)
        counted = ranking_candidates(session, text, k=50, stopwords=STOPWORDS, df_cap=10_000)
    assert capped[0].external_id == counted[0].external_id == "flood"
    # Rare words weigh more than common ones: the mayor's floods outrank the council's many meetings.
    order = [c.external_id for c in counted]
    assert order.index("mayor") < order.index("budget0")
    assert [c.score for c in counted] == sorted((c.score for c in counted), reverse=True)
    database.dispose()


def test_bm25_of_a_tsvector_counts_claim_and_title_positions() -> None:
    from claimdb.db.rank_index import _pg_bm25

    vector = "'bridg':2A 'close':3A 'flood':1A,5B"
    # 'flood' twice (text and title) in a row of 4 tokens, the average length: 2.0 * 2 * 2.2 / (2 + 1.2).
    assert _pg_bm25(vector, {"flood": 2.0}, (1.0, 1.0), 4.0) == pytest.approx(2.75)
    # Title weight 0: one occurrence left, so 2.0 * 1 * 2.2 / (1 + 1.2).
    assert _pg_bm25(vector, {"flood": 2.0}, (1.0, 0.0), 4.0) == pytest.approx(2.0)
    assert _pg_bm25(vector, {"absent": 2.0}, (1.0, 1.0), 4.0) == 0.0


@pytest.mark.postgresql
def test_postgresql_post_of_common_words_finds_the_claims_that_have_them_all(postgresql_url: str) -> None:
    database = open_with_claims(postgresql_url, CLAIMS)
    with database.session() as session:
        found = ranking_candidates(session, "council discussed parking", k=5, stopwords=STOPWORDS, df_cap=2)
    assert {c.external_id for c in found} == {"meters", "fees"}
    assert all(c.score > 0 for c in found)
    database.dispose()


@pytest.mark.postgresql
def test_postgresql_planner_statistics_mark_common_terms_without_counting(postgresql_url: str) -> None:
    from sqlalchemy import text as sql

    from claimdb.db.claim_index import pg_statistics_common
    from claimdb.db.rank_index import pg_capped_frequencies

    database = open_with_claims(postgresql_url, CLAIMS)
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(sql("ANALYZE claims"))
    with database.session() as session:
        common = pg_statistics_common(session, 10)
        frequencies = pg_capped_frequencies(session, ["council", "shelbyvill", "nowher"], df_cap=10)
    # "council" is in 14 of 18 claims, "shelbyvill" in one, "nowher" in none.
    assert "council" in common and "shelbyvill" not in common
    assert frequencies == {"council": 10, "shelbyvill": 1}
    database.dispose()


def test_split_glued_takes_the_fewest_known_pieces() -> None:
    known = {"fox", "and", "friends", "texas", "church", "shooting", "tex", "as"}
    assert split_glued("foxandfriends", known) == ["fox", "and", "friends"]
    assert split_glued("texaschurchshooting", known) == ["texas", "church", "shooting"]
    assert split_glued("texaschurchx", known) is None  # "x" is no piece
    assert split_glued("friends", known | {"fri", "ends"}) == ["fri", "ends"]  # the caller only asks for unknown words
    assert split_glued("texas", known) is None  # one piece is no split
    assert split_glued("texas", known, min_piece=2) == ["tex", "as"]


def test_a_glued_hashtag_finds_the_claims_of_its_words(database: Database) -> None:
    # "#springfieldfloods" and "@shelbyvillebridge" are in no claim; their pieces are.
    with database.session() as session:
        from claimdb.db.claim_index import query_terms

        text = clean_post("Look at this #springfieldfloods")
        terms = query_terms(session, text, STOPWORDS)
        extra = glued_terms(session, text, set(terms), STOPWORDS)
        ranked = rank_claims(session, "Look at this #springfieldfloods", limit=3)
        handle = rank_claims(session, "so sad @shelbyvillebridge", limit=3)
        none = glued_terms(session, "springfield floods", set(), STOPWORDS)
    assert len(extra) == 2 and not set(extra) & set(terms)
    assert ranked and ranked[0].external_id == "flood"
    assert handle and handle[0].external_id == "bridge"
    assert none == []


def test_a_glued_word_may_hold_stop_words(database_url: str) -> None:
    # "and" is a stop word on both backends (PostgreSQL's index leaves it out): still a piece, never a term.
    db = open_with_claims(
        database_url,
        [("show", "Fox and Friends hosts mocked the storm warning", None), ("other", "A storm closed the port", None)],
    )
    with db.session() as session:
        from claimdb.db.claim_index import query_terms

        unknown = set(query_terms(session, "watch foxandfriends", STOPWORDS))
        extra = set(glued_terms(session, "watch foxandfriends", unknown, STOPWORDS))
        fox = set(query_terms(session, "fox friends", STOPWORDS))
        ranked = rank_claims(session, "watch #foxandfriends tonight", limit=2)
    db.dispose()
    assert extra == fox
    assert ranked[0].external_id == "show"
