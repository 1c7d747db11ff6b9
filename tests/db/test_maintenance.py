"""`claimdb db optimize`: one full-text segment per index on SQLite, fresh planner statistics on PostgreSQL,
and nothing a user can see changes."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.db import maintenance
from claimdb.db.engine import open_database

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()

FOLLOW_UPS = [
    {
        "id": f"follow-{number}",
        "title": f"Follow-up {number}",
        "source": "Example Wire",
        "published_at": f"2022-10-{14 + number}",
        "text": f'"We have liberated {500 + number} square kilometres in the south," Reznikov said on Monday.',
    }
    for number in range(3)
]


def _ingest(database_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "follow.jsonl"
    feed.write_text("\n".join(json.dumps(record) for record in FOLLOW_UPS) + "\n", encoding="utf-8")
    # one ingest run, one transaction per document: the full-text indexes get one segment per document
    result = runner.invoke(app, ["ingest", str(SEEDS), str(feed), "--db", database_url, "--quiet"])
    assert result.exit_code == 0, result.output


def _search(database_url: str, words: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["search", words, "--db", database_url, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_optimize_keeps_what_search_and_match_find(database_url: str, tmp_path: Path) -> None:
    _ingest(database_url, tmp_path)
    before = (_search(database_url, "annexed"), _search(database_url, "square kilometres"))
    assert before[0] and len(before[1]) >= 3

    result = runner.invoke(app, ["db", "optimize", "--db", database_url])

    assert result.exit_code == 0, result.output
    assert ("merged the full-text indexes" if database_url.startswith("sqlite") else "analyzed claims") in result.stdout
    assert (_search(database_url, "annexed"), _search(database_url, "square kilometres")) == before
    # a claim stored after optimizing is found like any other
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps(
            {
                "id": "later",
                "title": "Later",
                "source": "Example Wire",
                "published_at": "2022-11-01",
                "text": 'The Kremlin said on Tuesday that "the referendums were fair and binding."',
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(later), "--db", database_url, "--quiet"]).exit_code == 0
    assert any("referendums" in str(row["text"]) for row in _search(database_url, "referendums binding"))


def test_sqlite_optimize_merges_each_index_into_one_segment(sqlite_url: str, tmp_path: Path) -> None:
    _ingest(sqlite_url, tmp_path)
    database = open_database(sqlite_url)
    try:
        assert all(maintenance.fts_segments(database, table) > 1 for table in maintenance.FTS_TABLES)
        report = maintenance.optimize(database)
        assert report.merged == maintenance.FTS_TABLES
        assert [maintenance.fts_segments(database, table) for table in maintenance.FTS_TABLES] == [1, 1]
        with database.session() as session:
            for table in maintenance.FTS_TABLES:
                session.execute(text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))
    finally:
        database.dispose()


def test_postgresql_optimize_gives_the_planner_statistics_blocking_reads(postgresql_url: str, tmp_path: Path) -> None:
    _ingest(postgresql_url, tmp_path)
    database = open_database(postgresql_url)
    statistics = text(
        "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'claims' "
        "AND attname = 'search_vector'"
    )
    try:
        with database.session() as session:
            assert session.execute(statistics).scalar_one() == 0  # a dozen rows: autovacuum has not analyzed yet
        report = maintenance.optimize(database)
        assert report.merged == () and "claims" in report.analyzed
        with database.session() as session:
            assert session.execute(statistics).scalar_one() == 1
    finally:
        database.dispose()
