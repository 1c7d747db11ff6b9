"""Search: words in double quotes are an exact phrase (in that order, next to each other); the rest are words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.db.engine import open_database
from claimdb.db.fts import MAX_QUERY_TOKENS, search_terms
from claimdb.query import StatementFilter, search

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


def test_quoted_words_become_phrases_and_the_rest_stay_words() -> None:
    terms = search_terms('"lay down their arms" Reznikov \u201cdeceived and betrayed\u201d')
    assert terms.phrases == ["lay down their arms", "deceived and betrayed"]
    assert terms.loose_words() == ["Reznikov"]
    assert terms.fts5_match() == '"lay down their arms" AND "deceived and betrayed" AND "Reznikov"'


@pytest.mark.parametrize(
    ("query", "phrases", "words"),
    [
        ('"unbalanced phrase', [], ["unbalanced", "phrase"]),  # a lone mark is punctuation
        ('"one" two', [], ["one", "two"]),  # a quoted single word is a word
        ('NEAR("a b") *', ["a b"], ["NEAR"]),  # operators are words or nothing
        ("grew \u201c3.5 percent\u201d", ["3.5 percent"], ["grew"]),
    ],
)
def test_lone_marks_and_single_words_are_plain_words(query: str, phrases: list[str], words: list[str]) -> None:
    terms = search_terms(query)
    assert terms.phrases == phrases
    assert terms.loose_words() == words


def test_a_long_query_keeps_at_most_the_word_budget() -> None:
    terms = search_terms('"' + " ".join(f"w{i}" for i in range(40)) + '" tail')
    assert len(terms.phrases[0].split()) == MAX_QUERY_TOKENS
    assert terms.loose_words() == [] and terms.pg_loose_words() == []
    assert terms.fts5_match().count(" AND ") == 0


@pytest.fixture
def seeded(database_url: str) -> str:
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", database_url]).exit_code == 0
    return database_url


def _texts(url: str, query: str) -> list[str]:
    """Texts of the statements found in the full-text index (not by the fuzzy fallback)."""
    database = open_database(url)
    try:
        found = search(database, query, StatementFilter())
    finally:
        database.dispose()
    return [str(row["text"]) for row in found.rows] if found.mode == "fulltext" else []


def test_a_phrase_matches_only_adjacent_words_in_order(seeded: str) -> None:
    loose = _texts(seeded, "life and safety")  # also "We guarantee life, safety and justice"
    exact = _texts(seeded, '"life and safety"')
    assert exact and set(exact) < set(loose)
    assert all("life and safety" in text for text in exact)
    assert _texts(seeded, '"safety and life"') == []
    # The command prints the same rows.
    result = runner.invoke(app, ["search", "--db", seeded, "-f", "json", "--", '"life and safety"'])
    assert result.exit_code == 0, result.output
    assert [row["text"] for row in json.loads(result.stdout)] == exact


def test_phrases_are_stemmed_and_combine_with_words(seeded: str) -> None:
    assert any("laid" not in t and "lay down their arms" in t for t in _texts(seeded, '"laying down their arm" troops'))
    assert _texts(seeded, '"lay down their arms" Kherson') == []  # both must hold


def test_a_stop_word_phrase_still_finds_its_statement(seeded: str) -> None:
    texts = _texts(seeded, '"we have enough of our own"')
    assert len(texts) == 1 and "we have enough of our own" in texts[0]


def test_a_phrase_with_a_decimal_number(database_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "published_at": "2022-10-01", "text": "The minister said exports grew 3.5 percent."},
        {"id": "a2", "published_at": "2022-10-02", "text": "The mayor said exports grew 3 percent, not 5."},
    ]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(feed), "--db", database_url]).exit_code == 0
    assert _texts(database_url, '"grew 3.5 percent"') == ["exports grew 3.5 percent"]
