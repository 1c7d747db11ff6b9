"""`claimdb claimants similar`: people who may be one person, with the merge command that joins them."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.db.engine import open_database

runner = CliRunner()


def test_similar_claimants_and_merging_them(database_url: str) -> None:
    database = open_database(database_url)
    with database.session(write=True) as session:
        for name in ("Anna Berg", "Anna K. Berg", "Berg", "Tom Berg", "Carl Lund", "Carl H. Lund", "Carl W. Lund"):
            session.execute(
                text("INSERT INTO claimants (name, kind, normalized_key, created_at) VALUES (:n, 'person', :k, :t)"),
                {"n": name, "k": name.lower().replace(".", ""), "t": "2024-03-05 00:00:00"},
            )
    database.dispose()
    result = runner.invoke(app, ["claimants", "similar", "--db", database_url, "-f", "json"])
    assert result.exit_code == 0, result.output
    pairs = {(row["name_a"], row["name_b"]): row for row in json.loads(result.stdout)}
    assert set(pairs) == {
        ("Anna Berg", "Anna K. Berg"),
        ("Anna Berg", "Berg"),
        ("Anna K. Berg", "Berg"),
        ("Tom Berg", "Berg"),
        ("Carl Lund", "Carl H. Lund"),
        ("Carl Lund", "Carl W. Lund"),
    }  # "Carl H. Lund" and "Carl W. Lund" are not offered together: their middle initials differ
    assert "several full names" in pairs[("Tom Berg", "Berg")]["why"]
    row = pairs[("Anna Berg", "Anna K. Berg")]
    merged = runner.invoke(app, [*row["merge"].split()[1:], "--db", database_url])
    assert merged.exit_code == 0, merged.output
    after = runner.invoke(app, ["claimants", "similar", "--db", database_url, "-f", "json"])
    assert ("Anna Berg", "Anna K. Berg") not in {(r["name_a"], r["name_b"]) for r in json.loads(after.stdout)}


def test_nothing_alike(database_url: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["claimants", "similar", "--db", database_url])
    assert result.exit_code == 0
    assert "no claimants look alike" in result.output
