"""`rank_claims` ("have we seen this?") on real databases: words FTS5 would stem twice, ties, the re-scorer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from claimsdb import open_with_claims

from claimdb.db.claim_index import candidate_claims
from claimdb.db.engine import Database
from claimdb.matching import rank_claims
from claimdb.matching.ranking import gram_similarities, reciprocal_rank_fusion

CLAIMS = [
    ("abuse", "The senator was accused of child abuse by a former aide", "Was the senator accused of abuse?"),
    ("advert", "A soft drink company will advertise on the moon next year", None),
    ("vaccine", "The measles vaccine causes autism in young children", "Does the MMR vaccine cause autism?"),
    ("vaccine-copy", "The measles vaccine causes autism in young children", "Does the MMR vaccine cause autism?"),
] + [(f"filler{i}", f"The city council discussed parking meters at meeting number {i}", None) for i in range(30)]


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_with_claims(database_url, CLAIMS)
    yield db
    db.dispose()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("widespread abuse", "abuse"), ("they advertise everywhere", "advert")],
)
def test_words_whose_stem_stems_again_are_found(database: Database, text: str, expected: str) -> None:
    # Porter stems "abuse" to "abus", and "abus" again to "abu": the stem itself must not reach MATCH.
    with database.session() as session:
        ranked = rank_claims(session, text, limit=3)
        blocked = candidate_claims(session, text, k=5)
    assert [r.external_id for r in ranked][:1] == [expected]
    assert expected in [c.external_id for c in blocked]


def test_identical_claims_rank_the_oldest_first(database: Database) -> None:
    with database.session() as session:
        ranked = rank_claims(session, "Measles vaccine causes autism, my doctor says", limit=2)
    assert [r.external_id for r in ranked] == ["vaccine", "vaccine-copy"]


def test_character_grams_forgive_misspellings_and_glued_words() -> None:
    similarities = gram_similarities(
        "obama signd an exectuive order #banthepledge",
        [
            ("President Obama signed an executive order banning the Pledge of Allegiance", "Pledge ban?"),
            ("President Obama played golf on the day of the funeral", None),
        ],
    )
    (claim_right, title_right), (claim_wrong, title_wrong) = similarities
    assert claim_right > claim_wrong > 0
    assert title_right > 0 and title_wrong == 0


def test_rank_claims_says_why(database: Database) -> None:
    with database.session() as session:
        ranked = rank_claims(session, "Sen. accussed of child abuse by his former aide!!", limit=3)
    assert ranked[0].external_id == "abuse"
    assert {"bm25", "grams_claim", "grams_title"} <= ranked[0].evidence.keys()
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def test_reciprocal_rank_fusion_rewards_agreement() -> None:
    fused = reciprocal_rank_fusion([[1, 2, 3], [2, 1, 3], [2, 3, 1]], k=5)
    assert max(fused, key=lambda item: fused[item]) == 2
    assert fused[3] < fused[1]
