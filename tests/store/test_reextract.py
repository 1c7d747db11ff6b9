"""`claimdb reextract`: statements rebuilt from stored text, people's decisions kept."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.db.engine import open_database

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def _counts(url: str) -> dict[str, int]:
    database = open_database(url)
    with database.session() as session:
        found = {
            table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("statements", "claims", "figures", "claim_links")
        }
    database.dispose()
    return found


def _simulate_older_extraction(url: str) -> tuple[int, int]:
    """Pretend an older extractor missed one statement and cut another short; add a person's decision."""
    database = open_database(url)
    with database.session(write=True) as session:
        session.execute(text("UPDATE documents SET extractor_version = '0.0.1'"))
        kremlin = session.execute(text("SELECT id, claim_id FROM statements WHERE text LIKE '%annexed%'")).one()
        session.execute(text("DELETE FROM statements WHERE id = :i"), {"i": kremlin.id})
        session.execute(text("DELETE FROM claims WHERE id = :c"), {"c": kremlin.claim_id})
        zelensky = session.execute(
            text("SELECT id, claim_id FROM statements WHERE text LIKE '%nightly%' OR text LIKE '%Since the beginning%'")
        ).one()
        session.execute(
            text(
                "UPDATE statements SET char_end = char_end - 20, text = substr(text, 1, length(text) - 20) "
                "WHERE id = :i"
            ),
            {"i": zelensky.id},
        )
        reznikov = session.execute(text("SELECT claim_id FROM statements WHERE text LIKE '%humiliation%'")).scalar_one()
        low, high = sorted((zelensky.claim_id, reznikov))
        session.execute(
            text(
                "INSERT INTO claim_links (claim_a_id, claim_b_id, relation, score, method, evidence, status, "
                "created_at) VALUES (:a, :b, 'echo', 80, 'person', '{}', 'rejected', CURRENT_TIMESTAMP)"
            ),
            {"a": low, "b": high},
        )
    database.dispose()
    return zelensky.claim_id, reznikov


def test_reextract_rebuilds_and_keeps_decisions(database_url: str) -> None:
    assert run("ingest", str(SEEDS), "--db", database_url).exit_code == 0
    reference = _counts(database_url)
    zelensky_claim, reznikov_claim = _simulate_older_extraction(database_url)
    assert _counts(database_url)["statements"] == reference["statements"] - 1

    result = run("reextract", "--db", database_url)
    assert result.exit_code == 0, result.output
    assert "documents: 1 re-extracted" in result.stdout
    after = _counts(database_url)
    assert after["statements"] == reference["statements"]
    assert after["figures"] == reference["figures"]

    # The shortened statement was rebuilt in full and kept its claim id, so the person's rejection survives.
    rows = json.loads(run("history", "--speaker", "Zelensky", "--db", database_url, "-f", "json").stdout)
    assert rows[0]["claim_id"] == zelensky_claim
    assert rows[0]["text"].endswith('alone,"')
    rejected = json.loads(run("links", "--status", "rejected", "--db", database_url, "-f", "json").stdout)
    assert {(row["claim_a"], row["claim_b"]) for row in rejected} == {tuple(sorted((zelensky_claim, reznikov_claim)))}
    found = json.loads(run("search", "annexed", "--db", database_url, "-f", "json").stdout)
    assert found and found[0]["claimant"] == "Kremlin"

    again = run("reextract", "--db", database_url)
    assert again.exit_code == 0 and "nothing to do" in again.stdout
    assert _counts(database_url) == after


def test_a_better_speaker_keeps_the_claim_and_drops_the_unused_claimant(database_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "berg.jsonl"
    record = {
        "id": "berg-1",
        "title": "Berg on the tax",
        "published_at": "2024-03-05",
        "text": "Voters like Anna Berg's plan.\n\nBerg said on Tuesday that the harbour tax was unfair to fishermen.",
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run("ingest", str(feed), "--db", database_url).exit_code == 0
    database = open_database(database_url)
    with database.session(write=True) as session:
        # what an older extractor did: the speaker "Does Berg", and a person's alias on a claimant of nobody
        session.execute(text("UPDATE documents SET extractor_version = '0.0.1'"))
        for name in ("Does Berg", "Carl Lund"):
            session.execute(
                text("INSERT INTO claimants (name, kind, normalized_key, created_at) VALUES (:n, 'person', :k, :t)"),
                {"n": name, "k": name.lower(), "t": "2024-03-05 00:00:00"},
            )
        does, lund = (
            session.execute(text("SELECT id FROM claimants WHERE name = :n"), {"n": n}).scalar_one()
            for n in ("Does Berg", "Carl Lund")
        )
        session.execute(
            text("INSERT INTO claimant_aliases (claimant_id, alias, normalized_alias) VALUES (:c, 'Berg', 'berg')"),
            {"c": does},
        )
        session.execute(
            text(
                "INSERT INTO claimant_aliases (claimant_id, alias, normalized_alias) "
                "VALUES (:c, 'Old Carl', 'old carl')"
            ),
            {"c": lund},
        )
        claim_id = session.execute(text("SELECT claim_id FROM statements")).scalar_one()
        session.execute(text("UPDATE statements SET claimant_id = :c"), {"c": does})
        session.execute(text("UPDATE claims SET claimant_id = :c"), {"c": does})
    database.dispose()
    result = run("reextract", "--db", database_url)
    assert result.exit_code == 0, result.output
    database = open_database(database_url)
    with database.session() as session:
        row = session.execute(
            text("SELECT s.claim_id, c.name FROM statements s JOIN claimants c ON c.id = s.claimant_id")
        ).one()
        names = set(session.execute(text("SELECT name FROM claimants")).scalars())
        claim_owner = session.execute(
            text("SELECT c.name FROM claims k JOIN claimants c ON c.id = k.claimant_id WHERE k.id = :i"),
            {"i": claim_id},
        ).scalar_one()
    database.dispose()
    assert row == (claim_id, "Anna Berg")  # the same claim, now Anna Berg's
    assert claim_owner == "Anna Berg"
    assert "Does Berg" not in names  # nothing refers to it and it has no alias a person gave
    assert "Carl Lund" in names  # a person's alias ("Old Carl") keeps it
