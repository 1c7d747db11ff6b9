"""Static word-piece vectors: the tokenizer, the shipped table, and what they add to `rank_claims`."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimsdb import open_with_claims

from claimdb.db.engine import Database
from claimdb.matching import rank_claims
from claimdb.matching.ranking import RankingSettings
from claimdb.matching.static_vectors import (
    MAGIC,
    StaticVectorsUnavailable,
    basic_tokens,
    cosine,
    load_table,
    pair_similarities,
    pair_vector,
    parse_table,
    text_vector,
    tokenize,
    wordpiece,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't STOP!", ["don", "'", "t", "stop", "!"]),
        ("Café-owner", ["cafe", "-", "owner"]),
        ("naïve\tcoöperation\u200b", ["naive", "cooperation"]),
        ("東京 tower", ["東", "京", "tower"]),
        ("$5.3bn", ["$", "5", ".", "3bn"]),
        ("tax\x0bcut\x7f now", ["taxcut", "now"]),  # control characters go, they do not split
        ("", []),
    ],
)
def test_basic_tokens_split_like_bert(text: str, expected: list[str]) -> None:
    assert basic_tokens(text) == expected


def test_wordpiece_takes_the_longest_piece_first() -> None:
    vocabulary = {"un": 0, "u": 1, "##ff": 2, "##aff": 3, "##able": 4, "##a": 5, "[UNK]": 6}
    assert wordpiece("unaffable", vocabulary) == ["un", "##aff", "##able"]
    assert wordpiece("unax", vocabulary) == ["[UNK]"]  # no piece for "x": the whole word is unknown
    assert wordpiece("x" * 101, {"x": 0, "##x": 1}) == ["[UNK]"]


def test_tokenize_with_the_shipped_vocabulary() -> None:
    assert tokenize("The mother's homeschooling") == ["the", "mother", "'", "s", "homes", "##cho", "##olin", "##g"]
    assert tokenize("unaffable") == ["una", "##ffa", "##ble"]


def test_shipped_table_has_the_expected_shape() -> None:
    table = load_table()
    assert len(table.vocabulary) == 30522
    assert table.dimensions == 128
    assert len(table.rows) == 30522 * 128
    assert "Apache-2.0" in str(table.header["licence"])
    unknown = table.vocabulary["[UNK]"] * table.dimensions
    assert table.rows[unknown : unknown + table.dimensions] == bytes(table.dimensions)  # no meaning: zero
    vector = text_vector("The mayor raised taxes")
    assert len(vector) == 128
    assert cosine(vector, vector) == pytest.approx(1.0)
    assert list(text_vector("")) == [0.0] * 128


def test_a_damaged_table_is_refused() -> None:
    with pytest.raises(StaticVectorsUnavailable):
        parse_table(b"not a table")
    with pytest.raises(StaticVectorsUnavailable):
        parse_table(MAGIC + b'{"dimensions": 2, "vocabulary_bytes": 3, "scales": [1, 1]}\na\nb' + b"\x01\x02\x03")


def test_quotation_marks_do_not_change_a_vector() -> None:
    plain = text_vector("he said no taxes")
    assert text_vector('He said "no taxes"') == text_vector("He said \u201cno taxes\u201d") == plain


def test_words_of_like_meaning_are_close() -> None:
    mum = text_vector("my mum")
    assert cosine(mum, text_vector("my mother")) > cosine(mum, text_vector("my tax")) + 0.3
    car = text_vector("the car is cheap")
    unrelated = cosine(car, text_vector("the election is rigged"))
    assert cosine(car, text_vector("the automobile is inexpensive")) > unrelated


# Both claims share "jailed" and "homeschooling" with the post; only the meaning of "mum" / "kids" tells them apart.
# The unrelated one is stored first: on a tie the older claim would win.
CLAIMS = [
    ("pastor", "A pastor was jailed for homeschooling his dogs", None),
    ("mother", "A mother was jailed for homeschooling her children", None),
] + [(f"filler{i}", f"The city council discussed parking meters at meeting number {i}", None) for i in range(10)]


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_with_claims(database_url, CLAIMS)
    yield db
    db.dispose()


def test_a_paraphrase_outranks_a_claim_sharing_as_many_words(database: Database) -> None:
    post = "Mum jailed for homeschooling her kids"
    without = RankingSettings(static_claim_weight=0.0, static_title_weight=0.0, static_pair_weight=0.0)
    with database.session() as session:
        ranked = rank_claims(session, post, limit=2)
        lexical = rank_claims(session, post, limit=2, ranking=without)
    assert [r.external_id for r in ranked] == ["mother", "pastor"]
    assert [r.external_id for r in lexical] == ["pastor", "mother"]  # so the static vectors made the difference
    assert ranked[0].evidence["static_pair"] > ranked[1].evidence["static_pair"]  # type: ignore[operator]
    assert "static_pair" not in lexical[0].evidence
    assert "static_claim" not in ranked[0].evidence  # the cosines to claim and title apart are off by default


def test_claim_and_title_weights_still_add_their_cosines(database: Database) -> None:
    apart = RankingSettings(static_claim_weight=0.75, static_title_weight=0.75, static_pair_weight=0.0)
    with database.session() as session:
        ranked = rank_claims(session, "Mum jailed for homeschooling her kids", limit=2, ranking=apart)
    assert "static_claim" in ranked[0].evidence and "static_pair" not in ranked[0].evidence


def test_a_pair_vector_reads_claim_and_title_as_one_text() -> None:
    claim, title = "A mother was jailed for homeschooling", "Was a mum sent to prison?"
    assert pair_vector(claim, None) == text_vector(claim)
    assert pair_vector(claim, "") == text_vector(claim)
    assert pair_vector(claim, claim) == text_vector(claim)  # a title that repeats the claim counts once
    joined = text_vector(f"{claim} {title}")
    assert cosine(pair_vector(claim, title), joined) == pytest.approx(1.0, abs=1e-6)
    assert cosine(pair_vector(claim, title), text_vector(claim)) < 0.999
    post = "mum in prison for teaching her kids at home"
    [with_title, without_title] = pair_similarities(post, [(claim, title), (claim, None)])
    assert with_title == pytest.approx(cosine(text_vector(post), joined), abs=1e-6)
    assert without_title == pytest.approx(cosine(text_vector(post), text_vector(claim)), abs=1e-6)


def test_default_ranking_imports_neither_torch_nor_numpy(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT / "tests" / "matching")!r})
        from claimsdb import open_with_claims
        from claimdb.matching import rank_claims
        db = open_with_claims("sqlite:///{tmp_path / "claims.db"}", [("m", "A mother was jailed", None)])
        with db.session() as session:
            ranked = rank_claims(session, "Mum jailed")
        assert ranked and "static_pair" in ranked[0].evidence, ranked
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "numpy", "transformers"))
        print(",".join(heavy) or "none")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip() == "none"
