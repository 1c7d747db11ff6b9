"""Claimants and claims across documents: aliases, roles, repeats, figure changes, review decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdb.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()

FOLLOW_UP = [
    {
        "id": "follow-1",
        "title": "Reznikov repeats his appeal",
        "source": "Example Wire",
        "url": "https://example.org/follow-1",
        "published_at": "2022-10-14",
        "text": (
            "Ukraine's defence minister on Tuesday repeated his appeal to Russian soldiers.\n\n"
            '"We guarantee life, safety and justice for all who refuse to fight immediately. And we will ensure a '
            'tribunal for those who gave criminal orders," Reznikov said in a televised address.\n\n'
            '"You can still save Russia from tragedy," he added.\n\n'
            "Ukraine's defence minister said that more than 600 square kilometres had been liberated in the "
            "Kherson region since the beginning of October."
        ),
    }
]


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args))
    return result


@pytest.fixture
def two_articles(database_url: str, tmp_path: Path) -> str:
    feed = tmp_path / "follow.jsonl"
    feed.write_text("\n".join(json.dumps(record) for record in FOLLOW_UP) + "\n", encoding="utf-8")
    assert run("ingest", str(SEEDS), "--db", database_url).exit_code == 0
    second = run("ingest", str(feed), "--db", database_url)
    assert second.exit_code == 0, second.output
    return database_url


def test_surname_and_role_resolve_to_the_same_claimant(two_articles: str) -> None:
    rows = json.loads(run("history", "--speaker", "Oleksiy Reznikov", "--db", two_articles, "-f", "json").stdout)
    documents = {row["document"] for row in rows}
    assert documents == {"Ukraine calls on Russia troops to lay down arms", "Reznikov repeats his appeal"}
    texts = " ".join(row["text"] for row in rows)
    assert "600 square kilometres" in texts  # said by "Ukraine's defence minister", no name in that sentence
    claimants = json.loads(run("claimants", "--db", two_articles, "-f", "json").stdout)
    assert sum(1 for row in claimants if "Reznikov" in row["name"]) == 1


def test_repeated_words_join_the_existing_claim(two_articles: str) -> None:
    rows = json.loads(run("search", "tribunal", "--db", two_articles, "-f", "json").stdout)
    assert len(rows) == 2
    assert rows[0]["claim_id"] == rows[1]["claim_id"]
    shown = json.loads(run("show", "claim", str(rows[0]["claim_id"]), "--db", two_articles, "-f", "json").stdout)
    assert shown["appearances"] == 2
    assert shown["first_said_on"] == "2022-10-07"
    assert shown["last_said_on"] == "2022-10-14"


def test_short_repeats_are_suggested_not_merged(two_articles: str) -> None:
    # Under 8 content words a repeat is never merged automatically: a person confirms it.
    rows = json.loads(run("search", "tragedy", "--db", two_articles, "-f", "json").stdout)
    assert len(rows) == 2 and rows[0]["claim_id"] != rows[1]["claim_id"]
    links = json.loads(run("links", "--status", "suggested", "--db", two_articles, "-f", "json").stdout)
    pair = {rows[0]["claim_id"], rows[1]["claim_id"]}
    link = next(link for link in links if {link["claim_a"], link["claim_b"]} == pair)
    confirmed = run("links", "confirm", str(link["link_id"]), "--db", two_articles)
    assert confirmed.exit_code == 0 and "merged" in confirmed.stdout
    after = json.loads(run("search", "tragedy", "--db", two_articles, "-f", "json").stdout)
    assert after[0]["claim_id"] == after[1]["claim_id"]


def test_alias_and_merge_commands(database_url: str) -> None:
    assert run("ingest", str(SEEDS), "--db", database_url).exit_code == 0
    alias = run("claimants", "alias", "Zelensky", "Ze", "--db", database_url)
    assert alias.exit_code == 0, alias.output
    listed = json.loads(run("claimants", "--name", "Zelensky", "--db", database_url, "-f", "json").stdout)
    assert "Ze" in listed[0]["aliases"]
    merged = run("claimants", "merge", "Volodymyr Zelensky", "Natalia Gumeniuk", "--db", database_url)
    assert merged.exit_code == 0, merged.output
    rows = json.loads(run("history", "--speaker", "Zelensky", "--db", database_url, "-f", "json").stdout)
    assert len(rows) == 2
    roles = json.loads(run("claimants", "--name", "Zelensky", "--db", database_url, "-f", "json").stdout)[0]["roles"]
    assert "President" in roles and "spokeswoman" in roles
    unknown = run("claimants", "merge", "Nobody Here", "Zelensky", "--db", database_url)
    assert unknown.exit_code == 1 and "Error: no claimant named" in unknown.stderr


def test_links_review_loop(two_articles: str) -> None:
    links = json.loads(run("links", "--db", two_articles, "-f", "json").stdout)
    assert links, "the changed figure (more than 500 → more than 600 km²) must be linked"
    change = next(link for link in links if link["relation"] == "figure_change")
    assert "500" in change["text_a"] and "600" in change["text_b"]
    assert "figure" in change["evidence"]
    contradictions = json.loads(run("contradictions", "--db", two_articles, "-f", "json").stdout)
    assert any(row["link_id"] == change["link_id"] for row in contradictions)
    rejected = run("links", "reject", str(change["link_id"]), "--note", "different regions", "--db", two_articles)
    assert rejected.exit_code == 0, rejected.output
    after = json.loads(run("links", "--status", "rejected", "--db", two_articles, "-f", "json").stdout)
    assert [row["link_id"] for row in after] == [change["link_id"]]
    assert after[0]["note"] == "different regions"
    missing = run("links", "confirm", "999999", "--db", two_articles)
    assert missing.exit_code == 1 and "Error: no link with id 999999" in missing.stderr
