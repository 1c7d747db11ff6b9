"""`claimdb import` and `claimdb export` from the command line: exit codes, messages, files, progress."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from interchange_sample import FILES, Sample
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.db.engine import Database

runner = CliRunner()
VCLAIMS = Path("/work/shared/data/checkthat2020/vclaims.jsonl")


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_import_reports_bad_records_and_exits_1(database_url: str) -> None:
    path = FILES / "factchecked-claims.jsonl"
    result = run("import", str(path), "--db", database_url)
    assert result.exit_code == 1
    assert result.stdout.strip() == (
        "claims: 3 new, 0 updated; reviews: 1 new, 0 updated; 3 record(s) could not be read"
    )
    assert result.stderr.splitlines() == [
        f"Error: {path}:3: invalid JSON at column 1: Expecting value",
        f'Error: {path}:4: missing "claim" (the text of the claim)',
        f"Error: {path}:7: \"date\" is not a date (expected YYYY-MM-DD): 'yesterday'",
    ]
    again = run("import", str(FILES / "claimreview-graph.jsonld"), "--db", database_url, "--quiet")
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")


def test_export_statements_csv_to_file(sample_database: tuple[Database, Sample], tmp_path: Path) -> None:
    database, _ = sample_database
    target = tmp_path / "statements.csv"
    result = run("export", "--what", "statements", "-o", str(target), "--db", database.url)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"exported 5 statements to {target}\n"
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    assert rows[-1]["text"] == "'=1+1 is what the spreadsheet would compute"  # neutralised by default
    raw = run("export", "--what", "statements", "--raw-csv", "--db", database.url)
    assert ",=1+1 is what" in raw.stdout


def test_export_formats_to_stdout(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    links = run("export", "--what", "links", "--format", "jsonl", "--db", database.url)
    assert links.exit_code == 0
    assert [json.loads(line)["link_id"] for line in links.stdout.splitlines()] == [sample.link]
    claimants = run("export", "-w", "claimants", "-f", "json", "--db", database.url)
    assert sorted(row["name"] for row in json.loads(claimants.stdout)) == ["Oleksiy Reznikov", "Volodymyr Zelensky"]
    reviews = run("export", "--format", "claimreview", "--db", database.url)
    assert json.loads(reviews.stdout)["@graph"][0]["@type"] == "ClaimReview"


def test_export_usage_errors_exit_2(database_url: str) -> None:
    wrong = run("export", "--what", "links", "--format", "claimreview", "--db", database_url)
    assert wrong.exit_code == 2
    assert "Error: --format claimreview exports reviewed claims" in wrong.stderr
    unknown = run("export", "--what", "tweets", "--db", database_url)
    assert unknown.exit_code == 2


def claimdb_executable() -> str:
    found = Path(sys.executable).parent / "claimdb"
    return str(found) if found.exists() else (shutil.which("claimdb") or "claimdb")


def test_import_shows_progress_only_on_a_terminal(tmp_path: Path) -> None:
    data = tmp_path / "claims.jsonl"
    data.write_bytes(VCLAIMS.read_bytes() if VCLAIMS.exists() else (FILES / "factchecked-claims.jsonl").read_bytes())
    env = {**os.environ, "CLAIMDB_DATABASE_URL": str(tmp_path / "cli.db"), "COLUMNS": "100"}
    piped = subprocess.run([claimdb_executable(), "import", str(data)], capture_output=True, text=True, env=env)
    assert "importing" not in piped.stderr
    # Now with standard error on a pseudo-terminal, as in an interactive shell.
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [claimdb_executable(), "import", str(data), "--db", str(tmp_path / "tty.db")],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env={**env, "TERM": "xterm"},
    )
    os.close(secondary)
    seen = io.BytesIO()
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen.write(chunk)
    stdout, _ = process.communicate(timeout=120)
    os.close(primary)
    assert b"importing" in seen.getvalue()
    assert stdout.decode().startswith("claims: ")


def test_ingest_saved_page_keeps_its_metadata(database_url: str) -> None:
    result = run("ingest", str(FILES / "kyiv-ledger-reznikov.html"), "--db", database_url)
    assert result.exit_code == 0, result.output
    assert "documents: 1 new" in result.stdout
    history = run("history", "--speaker", "Reznikov", "--format", "jsonl", "--db", database_url)
    rows = [json.loads(line) for line in history.stdout.splitlines()]
    assert rows, history.output
    assert {row["document"] for row in rows} == {"Reznikov urges Russian troops to lay down arms"}
    assert {row["url"] for row in rows} == {
        "https://www.kyivledger.example/world/2022/10/07/reznikov-urges-russian-troops-to-lay-down-arms"
    }
    assert any("deceived and betrayed" in row["text"] for row in rows)


def test_an_imported_claimant_is_kept_as_written(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "checks.jsonl"
    path.write_text(
        json.dumps({"id": "fc-1", "claim": "The bridge was sold to a foreign buyer.", "claimant": "social media users"})
        + "\n",
        encoding="utf-8",
    )
    assert run("import", str(path), "--db", database_url).exit_code == 0
    claimants = run("export", "-w", "claimants", "-f", "json", "--db", database_url)
    assert [row["name"] for row in json.loads(claimants.stdout)] == ["social media users"]
