"""`rank_claims` ("have we seen this?") on real databases: words FTS5 would stem twice, ties, the re-scorer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import insert

from claimdb.db.claim_index import candidate_claims
from claimdb.db.engine import Database, open_database
from claimdb.db.models import Claim
from claimdb.matching import rank_claims

CLAIMS = [
    ("abuse", "The senator was accused of child abuse by a former aide", "Was the senator accused of abuse?"),
    ("advert", "A soft drink company will advertise on the moon next year", None),
    ("vaccine", "The measles vaccine causes autism in young children", "Does the MMR vaccine cause autism?"),
    ("vaccine-copy", "The measles vaccine causes autism in young children", "Does the MMR vaccine cause autism?"),
] + [(f"filler{i}", f"The city council discussed parking meters at meeting number {i}", None) for i in range(30)]


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    with db.session(write=True) as session:
        session.execute(
            insert(Claim),
            [{"external_id": e, "canonical_text": t, "title": title, "appearance_count": 1} for e, t, title in CLAIMS],
        )
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
