"""Several processes ingesting overlapping corpora into one database at once: no errors, no duplicates, no loss."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import assert_no_traceback, claimdb_command, run_claimdb
from dbcheck import counts, fingerprint, problems, split_repeats
from generate_corpus import as_seed_text, generate_articles, write_jsonl
from sqlalchemy import create_engine, text

from claimdb.db.engine import open_database
from claimdb.ingest import ingest
from claimdb.readers.types import Document

ARTICLES = 40


def _overlapping_slices(tmp_path: Path, processes: int) -> tuple[Path, list[Path]]:
    """The whole corpus as one file, and `processes` folders that each hold 60% of it, together all of it."""
    articles = list(generate_articles(seed=21, articles=ARTICLES))
    whole = tmp_path / "whole.jsonl"
    write_jsonl(iter(articles), whole)
    size = ARTICLES * 3 // 5
    slices = []
    for number in range(processes):
        start = round(number * (ARTICLES - size) / max(1, processes - 1))
        chunk = articles[start : start + size]
        folder = tmp_path / f"slice{number}"
        folder.mkdir()
        if number % 2:
            # One process reads .txt files and one .jsonl: the same articles must still be the same documents.
            write_jsonl(iter(chunk), folder / "part.jsonl")
        else:
            for article in chunk:
                (folder / f"{article.id}.txt").write_text(as_seed_text(article), encoding="utf-8")
        slices.append(folder)
    return whole, slices


def _ingest_at_once(url: str, folders: list[Path]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(
            [*claimdb_command(), "ingest", str(folder), "--db", url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    results = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=600)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return results


@pytest.fixture
def replay_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A second, empty database on the same backend as `database_url`."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path}/replay.db"
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    name = f"replay_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.conninfo, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield server.url_for(name)
    finally:
        with psycopg.connect(server.conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _committed_order(url: str) -> list[Document]:
    """The stored documents, rebuilt as read, in the order they were committed."""
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT d.text, d.location, d.title, d.published_on, s.name, d.url, d.external_id "
                "FROM documents d LEFT JOIN sources s ON s.id = d.source_id ORDER BY d.id"
            )
        ).all()
    engine.dispose()
    return [
        Document(
            text=row[0],
            location=row[1] or "",
            title=row[2],
            published_on=row[3] if row[3] is None or isinstance(row[3], date) else date.fromisoformat(row[3]),
            source=row[4],
            url=row[5],
            external_id=row[6],
        )
        for row in rows
    ]


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 4])
def test_concurrent_ingests_store_each_fact_once(
    database_url: str, replay_url: str, tmp_path: Path, processes: int
) -> None:
    whole, slices = _overlapping_slices(tmp_path, processes)

    results = _ingest_at_once(database_url, slices)
    for result in results:
        assert_no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert "Error" not in result.stderr

    assert problems(database_url) == []
    found = counts(database_url)
    covered = {line for folder in slices for line in _ids(folder)}
    assert found["documents"] == len(covered)

    # Serializable: the result equals one process ingesting the same documents in the order they were committed,
    # so no claim was duplicated, no claimant created twice and no link lost to a race.
    replay = open_database(replay_url)
    try:
        summary = ingest(replay, _committed_order(database_url))
    finally:
        replay.dispose()
    assert summary.documents_new == found["documents"]
    assert counts(replay_url) == found
    assert fingerprint(replay_url) == fingerprint(database_url)
    assert split_repeats(database_url) == split_repeats(replay_url)

    # Nothing is missing: the whole corpus ingested on top adds nothing new.
    again = run_claimdb(["ingest", str(whole), "--db", database_url])
    assert again.returncode == 0
    assert counts(database_url) == found


def _ids(folder: Path) -> list[str]:
    jsonl = folder / "part.jsonl"
    if jsonl.exists():
        import json

        return [json.loads(line)["id"] for line in jsonl.read_text(encoding="utf-8").splitlines()]
    return [path.stem for path in folder.glob("*.txt")]
