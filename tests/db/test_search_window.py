"""Full-text search at scale: very common words rank only the newest matches; fuzzy fallback finds typos."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from claimdb import query
from claimdb.db import fts
from claimdb.db.engine import Database, open_database
from claimdb.ingest import ingest
from claimdb.readers import read_inputs


def _twelve_articles(url: str, tmp_path: Path, text: Callable[[int], str]) -> Database:
    """Ingest twelve articles a day apart, article i saying `text(i)` (one statement each); the open database."""
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"a{i}", "published_at": f"2022-10-{i + 1:02d}", "text": text(i)}) for i in range(12)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    database = open_database(url)
    assert ingest(database, read_inputs([str(feed)])).statements == 12
    return database


@pytest.fixture
def twelve_statements(database_url: str, tmp_path: Path) -> str:
    database = _twelve_articles(
        database_url,
        tmp_path,
        lambda i: f"The mayor of Town{i} said the border crossing number {i} would reopen on Monday.",
    )
    database.dispose()
    return database_url


def test_common_words_rank_the_newest_window(twelve_statements: str, monkeypatch: pytest.MonkeyPatch) -> None:
    database = open_database(twelve_statements)
    everything = query.search(database, "border", query.StatementFilter(), limit=50)
    assert len(everything.rows) == 12
    monkeypatch.setattr(fts, "RANKED_WINDOW", 3)
    windowed = query.search(database, "border", query.StatementFilter(), limit=50)
    newest = sorted((row["statement_id"] for row in everything.rows), reverse=True)[:3]
    assert sorted(row["statement_id"] for row in windowed.rows) == sorted(newest)
    # A filter turns the window off: the whole filtered set is ranked.
    filtered = query.search(database, "border", query.StatementFilter(since=None, kind="indirect"), limit=50)
    assert len(filtered.rows) == 12
    database.dispose()


def test_fuzzy_fallback_finds_a_typo(twelve_statements: str) -> None:
    database = open_database(twelve_statements)
    result = query.search(database, "bordr", query.StatementFilter(), limit=5)
    assert result.mode == "fuzzy"
    assert result.rows and "border" in result.rows[0]["text"]
    assert "**border**" in result.rows[0]["snippet"]
    database.dispose()


def _harbour_then_border(url: str, tmp_path: Path) -> Database:
    """Twelve articles, one statement each: "harbour" in the five oldest, "border" in the seven newest."""
    return _twelve_articles(
        url,
        tmp_path,
        lambda i: f"The mayor of Town{i} said the {'harbour' if i < 5 else 'border'} crossing would reopen.",
    )


@pytest.mark.postgresql
def test_postgresql_widens_the_id_span_until_the_window_is_full(
    postgresql_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the five oldest statements say "harbour": the first spans of newest ids hold none of them.
    database = _harbour_then_border(postgresql_url, tmp_path)
    everything = query.search(database, "harbour", query.StatementFilter(), limit=50)
    monkeypatch.setattr(fts, "PG_FIRST_SPAN", 2)
    monkeypatch.setattr(fts, "RANKED_WINDOW", 3)
    windowed = query.search(database, "harbour", query.StatementFilter(), limit=50)
    fuzzy = query.search(database, "harbr", query.StatementFilter(), limit=50)
    newest = sorted((row["statement_id"] for row in everything.rows), reverse=True)[:3]
    assert len(everything.rows) == 5
    assert sorted(row["statement_id"] for row in windowed.rows) == sorted(newest)
    assert fuzzy.mode == "fuzzy" and fuzzy.rows and "harbour" in fuzzy.rows[0]["text"]
    database.dispose()


@pytest.mark.postgresql
def test_postgresql_fuzzy_fallback_reads_only_the_newest_statements(
    postgresql_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _harbour_then_border(postgresql_url, tmp_path)
    old = query.search(database, "harbr", query.StatementFilter(), limit=50)
    assert old.mode == "fuzzy" and len(old.rows) == 5
    monkeypatch.setattr(fts, "PG_FUZZY_SPAN", 4)
    bounded_old = query.search(database, "harbr", query.StatementFilter(), limit=50)
    bounded_new = query.search(database, "bordr", query.StatementFilter(), limit=50)
    assert bounded_old.mode == "fuzzy" and bounded_old.rows == []
    assert len(bounded_new.rows) == 4 and all("border" in row["text"] for row in bounded_new.rows)
    # A filter still sees every statement it selects, as on SQLite.
    filtered = query.search(database, "harbr", query.StatementFilter(kind="indirect"), limit=50)
    assert len(filtered.rows) == 5
    database.dispose()


def test_a_decimal_number_in_the_query_matches_fulltext(database_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "published_at": "2022-10-01", "text": "The minister said exports grew 3.5 percent."}),
        json.dumps({"id": "a2", "published_at": "2022-10-02", "text": "The mayor said exports grew 3 percent."}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    database = open_database(database_url)
    assert ingest(database, read_inputs([str(feed)])).statements == 2
    result = query.search(database, "grew 3.5", query.StatementFilter(), limit=5)
    assert result.mode == "fulltext"
    assert [row["text"] for row in result.rows] == ["exports grew 3.5 percent"]
    database.dispose()
