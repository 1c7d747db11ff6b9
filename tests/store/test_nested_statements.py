"""A statement nested in another of the same article ("X said Y told reporters …") is not a repeat of it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimdb.cli import app

runner = CliRunner()

NESTED = (
    "Senator Jane Holt said that Governor Tom Reyes told reporters the new bridge across the river will reopen "
    "to traffic before the winter storms arrive."
)
LATER = (
    "Governor Tom Reyes said the new bridge across the river will reopen to traffic before the winter storms arrive."
)


def _ingest(url: str, path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", url])
    assert result.exit_code == 0, result.output


def _json(url: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--db", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if result.stdout.strip() else []


def test_overlapping_statements_of_one_article_are_neither_joined_nor_linked(database_url: str, tmp_path: Path) -> None:
    _ingest(database_url, tmp_path / "a.jsonl", [{"id": "a", "published_at": "2024-03-01", "text": NESTED}])
    statements = _json(database_url, "export", "--what", "statements")
    assert {s["claimant"] for s in statements} == {"Jane Holt", "Tom Reyes"}
    assert len({s["claim_id"] for s in statements}) == 2  # two claims, one per statement
    assert _json(database_url, "links") == []
    # A later article repeating the governor's words is still linked to what was said before.
    _ingest(database_url, tmp_path / "b.jsonl", [{"id": "b", "published_at": "2024-03-08", "text": LATER}])
    reyes = _json(database_url, "history", "--speaker", "Tom Reyes")
    assert len(reyes) == 2
    assert len({row["claim_id"] for row in reyes}) == 1  # the governor repeated himself: one claim
