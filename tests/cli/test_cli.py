"""The CLI end to end on the sample article, on SQLite and PostgreSQL, through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdb.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def seeded(database_url: str) -> str:
    result = run("ingest", str(SEEDS), "--db", database_url)
    assert result.exit_code == 0, result.output
    return database_url


def test_ingest_summary_then_unchanged(database_url: str) -> None:
    first = run("ingest", str(SEEDS), "--db", database_url)
    assert first.exit_code == 0, first.output
    assert "documents: 1 new, 0 unchanged, 0 failed" in first.output
    assert "statements: 9 stored" in first.output
    second = run("ingest", str(SEEDS), "--db", database_url)
    assert second.exit_code == 0
    assert "documents: 0 new, 1 unchanged, 0 failed" in second.output
    assert "nothing new" in second.output
    stats = json.loads(run("stats", "--db", database_url, "--format", "json").stdout)
    assert stats["documents"] == 1
    assert stats["statements"] == 9


def test_search_annexed_finds_the_kremlin_claim(seeded: str) -> None:
    result = run("search", "annexed", "--db", seeded, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    hit = rows[0]
    assert "Kremlin" in hit["claimant"]
    assert "≈20 %" in hit["figures"]
    assert hit["document"] == "Ukraine calls on Russia troops to lay down arms"
    assert hit["published_on"] == "2022-10-07"
    assert "**annexed**" in hit["snippet"]


def test_search_falls_back_to_fuzzy_and_says_so(seeded: str) -> None:
    result = run("search", "anexed", "--db", seeded, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "fuzzy" in result.stderr
    rows = json.loads(result.stdout)
    assert rows and "annexed" in rows[0]["text"]


def test_search_filters(seeded: str) -> None:
    by_speaker = json.loads(run("search", "Russia", "--speaker", "Reznikov", "--db", seeded, "-f", "json").stdout)
    assert by_speaker and all(row["claimant"] == "Oleksiy Reznikov" for row in by_speaker)
    too_late = json.loads(run("search", "annexed", "--since", "2023-01-01", "--db", seeded, "-f", "json").stdout)
    assert too_late == []
    direct = json.loads(run("search", "NATO", "--kind", "direct", "--db", seeded, "-f", "json").stdout)
    assert direct and all(row["kind"] == "direct" for row in direct)


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "a AND OR NOT", "*", "'; DROP TABLE claims; --"])
def test_search_never_errors_on_operators(seeded: str, query: str) -> None:
    result = run("search", query, "--db", seeded, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(run("stats", "--db", seeded, "-f", "json").stdout)["claims"] > 0


@pytest.mark.parametrize("query", ["", "   "])
def test_search_for_nothing_is_a_usage_error(seeded: str, query: str) -> None:
    result = run("search", query, "--db", seeded)
    assert result.exit_code == 2
    assert "Error: nothing to search for" in result.stderr and "Traceback" not in result.output


def test_history_of_an_empty_speaker_is_a_usage_error(seeded: str) -> None:
    result = run("history", "--speaker", " ", "--db", seeded)
    assert result.exit_code == 2 and "Error: --speaker is empty" in result.stderr


def test_history_csv_for_reznikov(seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "reznikov.csv"
    result = run("history", "--speaker", "Reznikov", "--format", "csv", "-o", str(out), "--db", seeded)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 6
    assert list(rows[0].keys())[:5] == ["said_on", "claimant", "role", "kind", "text"]
    assert {row["claimant"] for row in rows} == {"Oleksiy Reznikov"}
    assert {row["role"] for row in rows} == {"Defence Minister, Ukraine"}
    assert rows[0]["said_on"] == "2022-10-07"
    assert [row["said_on"] for row in rows] == sorted(row["said_on"] for row in rows)
    assert any(row["venue"] == "in a video" for row in rows)
    assert all(row["claim_id"] for row in rows)


def test_history_by_claim_and_show_claim(seeded: str) -> None:
    hit = json.loads(run("search", "annexed", "--db", seeded, "-f", "json").stdout)[0]
    claim_id = str(hit["claim_id"])
    rows = json.loads(run("history", "--claim", claim_id, "--db", seeded, "-f", "json").stdout)
    assert [row["claim_id"] for row in rows] == [hit["claim_id"]]
    shown = json.loads(run("show", "claim", claim_id, "--db", seeded, "-f", "json").stdout)
    assert shown["claim_id"] == hit["claim_id"]
    assert shown["appearances"] == 1
    assert shown["statements"][0]["figures"] == "≈20 %"
    missing = run("show", "claim", "999999", "--db", seeded)
    assert missing.exit_code == 1
    assert "Error: no claim with id 999999" in missing.stderr


def test_claimants_with_roles(seeded: str) -> None:
    rows = json.loads(run("claimants", "--db", seeded, "--format", "json").stdout)
    roles = {row["name"]: row["roles"] for row in rows}
    assert roles["Oleksiy Reznikov"] == "Defence Minister, Ukraine"
    assert roles["Volodymyr Zelensky"] == "President"
    limited = json.loads(run("claimants", "--db", seeded, "--format", "json", "--limit", "1").stdout)
    assert len(limited) == 1


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_every_format_renders(seeded: str, fmt: str) -> None:
    result = run("history", "--speaker", "Zelensky", "--db", seeded, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "Volodymyr Zelensky" in result.stdout


def test_bad_inputs_are_reported_and_the_rest_stored(database_url: str, tmp_path: Path) -> None:
    tmp_path = tmp_path / "inputs"
    tmp_path.mkdir()
    shutil.copy(SEEDS / "000_aeb2da9c072e547c.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 said the minister".encode("latin-1"))
    (tmp_path / "feed.jsonl").write_text('{"id": "a", "text": "The mayor said the bridge will open."}\n[1, 2]\n')
    result = run("ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", database_url)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 5, result.stderr
    assert any("missing.txt" in line for line in errors)
    assert any("feed.jsonl:2" in line for line in errors)
    assert "Traceback" not in result.output
    assert "documents: 2 new" in result.stdout


def test_history_needs_speaker_or_claim(sqlite_url: str) -> None:
    result = run("history", "--db", sqlite_url)
    assert result.exit_code == 2
    assert "Error:" in result.stderr


def test_db_commands(database_url: str) -> None:
    upgraded = run("db", "upgrade", "--db", database_url)
    assert upgraded.exit_code == 0, upgraded.output
    current = run("db", "current", "--db", database_url)
    assert "up to date" in current.stdout


def test_unreachable_database_is_a_clear_error() -> None:
    result = run("stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


COMMANDS = [
    ["ingest"],
    ["search"],
    ["history"],
    ["show", "claim"],
    ["claimants"],
    ["stats"],
    ["extract"],
    ["db", "upgrade"],
    ["db", "current"],
    ["db", "downgrade"],
    ["reextract"],
    ["links"],
    ["links", "confirm"],
    ["links", "reject"],
    ["contradictions"],
    ["claimants", "merge"],
    ["claimants", "alias"],
    ["match"],
    ["import"],
    ["export"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "claimdb " + command[0] in result.stdout


def test_quiet_and_verbose(sqlite_url: str) -> None:
    quiet = run("--quiet", "ingest", str(SEEDS), "--db", sqlite_url)
    assert quiet.exit_code == 0
    assert quiet.stdout == "" and quiet.stderr == ""
    fuzzy_quiet = run("-q", "search", "anexed", "--db", sqlite_url, "-f", "json")
    assert fuzzy_quiet.stderr == "" and json.loads(fuzzy_quiet.stdout)
    verbose = run("--verbose", "stats", "--db", sqlite_url, "-f", "json")
    assert "database: sqlite:///" in verbose.stderr
    assert json.loads(verbose.stdout)["documents"] == 1


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("claimdb ")


def test_db_before_the_command_and_its_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, from_env = tmp_path / "first.db", tmp_path / "second.db", tmp_path / "env.db"
    monkeypatch.setenv("CLAIMDB_DATABASE_URL", str(from_env))
    result = runner.invoke(app, ["--db", str(first), "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert first.exists() and not from_env.exists()  # the global --db wins over the environment

    def statements(*args: str) -> int:
        out = runner.invoke(app, [*args, "-f", "json"])
        assert out.exit_code == 0, out.output
        return int(json.loads(out.stdout)["statements"])

    assert statements("--db", str(first), "stats") > 0
    # the command's own --db wins over the global one
    assert statements("--db", str(first), "stats", "--db", str(second)) == 0
    assert statements("stats") == 0 and from_env.exists()  # nothing given: the environment again
