"""Several processes ingesting overlapping corpora into one database at once: no errors, no duplicates, no loss."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import assert_no_traceback, claimdb_command, run_claimdb
from dbcheck import counts, problems, split_repeats
from generate_corpus import as_seed_text, generate_articles, write_jsonl

ARTICLES = 96


def _overlapping_slices(tmp_path: Path, processes: int) -> tuple[Path, list[Path]]:
    """The whole corpus as one file, and `processes` files that each hold half of it, overlapping each other."""
    articles = list(generate_articles(seed=21, articles=ARTICLES))
    whole = tmp_path / "whole.jsonl"
    write_jsonl(iter(articles), whole)
    size = ARTICLES // 2
    step = (ARTICLES - size) // max(1, processes - 1)
    slices = []
    for number in range(processes):
        chunk = articles[number * step : number * step + size]
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


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 4])
def test_concurrent_ingests_store_each_fact_once(
    tmp_path: Path, database_url: str, sqlite_url: str, processes: int
) -> None:
    if database_url == sqlite_url:
        reference_url = f"sqlite:///{tmp_path}/reference.db"
    else:
        reference_url = sqlite_url
    whole, slices = _overlapping_slices(tmp_path, processes)
    # The reference: every slice ingested one after the other, as one process would.
    for folder in slices:
        assert run_claimdb(["ingest", str(folder), "--db", reference_url, "-q"]).returncode == 0
    expected = counts(reference_url)

    results = _ingest_at_once(database_url, slices)
    for result in results:
        assert_no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert "Error" not in result.stderr

    assert problems(database_url) == []
    found = counts(database_url)
    covered = {line for folder in slices for line in _ids(folder)}
    assert found["documents"] == len(covered) == expected["documents"]
    for table in ("statements", "figures", "claimants", "claimant_aliases", "claimant_roles"):
        assert found[table] == expected[table], table
    # The same claimant saying the same words joins one claim, whichever process saw it first.
    assert split_repeats(database_url) == split_repeats(reference_url)
    assert found["claims"] == expected["claims"]
    assert found["claim_links"] == expected["claim_links"]

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
