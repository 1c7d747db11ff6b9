"""`history --speaker` pages: the speaker is resolved to claimant ids and the page bounded by date first;
every page must still be the head of the full history, ties on a date and undated statements included."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimdb import query
from claimdb.db.engine import open_database
from claimdb.ingest import ingest
from claimdb.readers import read_inputs


@pytest.fixture
def two_petrovs(database_url: str, tmp_path: Path) -> str:
    # Two claimants whose names contain "petrov", a third who does not; two articles a day (ties on said_on)
    # and two undated articles at the end.
    feed = tmp_path / "feed.jsonl"
    lines = []
    for i in range(8):
        record = {
            "id": f"a{i}",
            "text": (
                f"Anna Petrova said the harbour number {i} would reopen on Monday. "
                f'"We will rebuild bridge {i}," Ivan Petrov told reporters. '
                f"Mayor Olga Smirnova said taxes in district {i} would fall."
            ),
        }
        if i < 6:
            record["published_at"] = f"2022-10-{1 + i // 2:02d}"
        lines.append(json.dumps(record))
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    database = open_database(database_url)
    assert ingest(database, read_inputs([str(feed)])).statements == 24
    database.dispose()
    return database_url


def _keys(rows: list[query.Row]) -> list[tuple[str, str, str]]:
    return [(row["said_on"], row["claimant"], row["text"]) for row in rows]


def test_every_page_is_the_head_of_the_full_history(two_petrovs: str) -> None:
    database = open_database(two_petrovs)
    everything = query.history(database, query.StatementFilter(speaker="Petrov"))
    assert len(everything) == 16
    assert {row["claimant"] for row in everything} == {"Anna Petrova", "Ivan Petrov"}
    assert [row["said_on"] for row in everything[:12]] == sorted(row["said_on"] for row in everything[:12])
    assert all(row["said_on"] == "" for row in everything[12:])
    # Pages ending inside a day, on a day's last statement, and among the undated statements.
    for limit in range(1, 19):
        page = query.history(database, query.StatementFilter(speaker="Petrov"), limit=limit)
        assert _keys(page) == _keys(everything[:limit]), limit
    database.dispose()


def test_pages_with_a_date_filter_and_unknown_speakers(two_petrovs: str) -> None:
    database = open_database(two_petrovs)
    where = query.StatementFilter(speaker="petrova", since=date(2022, 10, 2))
    everything = query.history(database, where)
    assert [row["said_on"] for row in everything] == ["2022-10-02"] * 2 + ["2022-10-03"] * 2
    assert {row["claimant"] for row in everything} == {"Anna Petrova"}
    for limit in range(1, 6):
        assert _keys(query.history(database, where, limit=limit)) == _keys(everything[:limit])
    nobody = query.StatementFilter(speaker="Reznikov")
    assert query.history(database, nobody, limit=5) == []
    assert query.search(database, "harbour", nobody).rows == []
    found = query.search(database, "harbour", query.StatementFilter(speaker="Petrova"), limit=50)
    assert len(found.rows) == 8 and {row["claimant"] for row in found.rows} == {"Anna Petrova"}
    database.dispose()


def test_a_name_fragment_matching_thousands_of_claimants(two_petrovs: str) -> None:
    # More claimants match than a list of bound ids may hold: the filter becomes a sub-select, same rows.
    from sqlalchemy import insert

    from claimdb.db.models import Claimant

    database = open_database(two_petrovs)
    extra = query.SPEAKER_IDS_MAX + 50
    with database.session(write=True) as session:
        session.execute(
            insert(Claimant),
            [
                {"name": f"Petrov Clan {i}", "kind": "person", "normalized_key": f"petrov clan {i}"}
                for i in range(extra)
            ],
        )
    everything = query.history(database, query.StatementFilter(speaker="Petrov"))
    assert len(everything) == 16
    assert _keys(query.history(database, query.StatementFilter(speaker="Petrov"), limit=5)) == _keys(everything[:5])
    found = query.search(database, "harbour", query.StatementFilter(speaker="petrov"), limit=50)
    assert len(found.rows) == 8
    database.dispose()
