"""Migration 0003's browsing views on both backends, and the SQLite file as Datasette sees it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from interchange_sample import Sample, build_sample
from sqlalchemy import text

from claimdb.db.engine import Database, open_database


def _rows(database: Database, sql: str) -> list[dict[str, object]]:
    with database.session() as session:
        return [dict(row._mapping) for row in session.execute(text(sql))]


def test_statements_view_names_claimant_role_and_document(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    rows = _rows(
        database,
        "SELECT claimant, role, document, published_on, url, source, said_on FROM statements_view "
        f"WHERE claim_id = {sample.deceived} ORDER BY said_on",
    )
    assert [(row["claimant"], row["role"], row["source"]) for row in rows] == [
        ("Oleksiy Reznikov", "Defence Minister, Ukraine", "Reuters"),
        ("Oleksiy Reznikov", "Defence Minister, Ukraine", "The Kyiv Ledger"),
    ]
    assert rows[0]["document"] == "Ukraine calls on Russia troops to lay down arms"
    assert rows[0]["url"] == sample.first_document_url
    assert str(rows[1]["published_on"]) == "2022-10-14"


def test_links_and_claims_views(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    [link] = _rows(database, "SELECT * FROM links_view")
    assert (link["link_id"], link["relation"], link["status"]) == (sample.link, "figure_change", "suggested")
    assert str(link["text_a"]).startswith("more than 500") and str(link["text_b"]).startswith("600 square")
    assert link["claimant_a"] == link["claimant_b"] == "Volodymyr Zelensky"
    [claim] = _rows(database, f"SELECT * FROM claims_view WHERE claim_id = {sample.liberated_500}")
    assert (claim["claimant"], claim["reviews"], claim["latest_rating"]) == ("Volodymyr Zelensky", 1, "Mostly true")


def test_views_follow_new_rows(database_url: str) -> None:
    database = open_database(database_url)
    try:
        with database.session(write=True) as session:
            session.execute(
                text(
                    "INSERT INTO claims (canonical_text, appearance_count, created_at) "
                    "VALUES ('Russia annexed Crimea', 0, CURRENT_TIMESTAMP)"
                )
            )
        assert _rows(database, "SELECT text, claimant, reviews FROM claims_view") == [
            {"text": "Russia annexed Crimea", "claimant": None, "reviews": 0}
        ]
    finally:
        database.dispose()


def test_datasette_opens_the_file_detects_fts_and_queries_views(
    sqlite_url: str,
) -> None:
    from datasette.app import Datasette

    database = open_database(sqlite_url)
    build_sample(database)
    database.dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))

    async def explore() -> tuple[str | None, list[dict[str, object]], list[dict[str, object]], int]:
        datasette = Datasette([str(path)])
        db = datasette.get_database(path.stem)
        fts_table = await db.fts_table("statements")
        view = await datasette.client.get(
            f"/{path.stem}/statements_view.json?_shape=array&claimant=Oleksiy%20Reznikov&_sort=said_on"
        )
        search = await datasette.client.get(f"/{path.stem}/statements.json?_search=liberated&_shape=array")
        page = await datasette.client.get(f"/{path.stem}/statements")
        return fts_table, view.json(), search.json(), page.status_code

    fts_table, view_rows, search_rows, status = asyncio.run(explore())
    assert fts_table == "statements_fts"
    assert [row["said_on"] for row in view_rows] == ["2022-10-07", "2022-10-14", "2022-10-14"]
    assert view_rows[0]["role"] == "Defence Minister, Ukraine"
    assert sorted(str(row["text"])[:4] for row in search_rows) == ["600 ", "more"]
    assert status == 200
