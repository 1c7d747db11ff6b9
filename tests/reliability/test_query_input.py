"""Hostile search input never errors and never changes the database; CSV export is safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from bulk_load import BulkLoader, LoadSummary
from dbcheck import fingerprint, problems
from generate_corpus import generate_articles
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.db.engine import open_database
from claimdb.db.models import Claim, Claimant, Document, Statement

HOSTILE_QUERIES = [
    '"',
    '""',
    '"unbalanced',
    '"annexed Ukraine" "',
    '"" "annexed around" \u201c\u201d \u201cNEAR\u201d',
    '"NOT AND OR" "\'; DROP TABLE claims; --"',
    '"' + "the " * 50 + '"',
    'annexed"',
    "'",
    "''",
    "*",
    "annex*",
    "* OR *",
    "NEAR",
    "NEAR(annexed Ukraine)",
    "annexed NEAR/2 Ukraine",
    "NEAR(annexed",
    "AND",
    "OR",
    "NOT",
    "annexed AND",
    "OR annexed",
    "NOT annexed",
    "annexed NOT",
    "(",
    ")",
    "((annexed)",
    "^annexed",
    "text:annexed",
    "canonical_text:annexed",
    "{text title}: annexed",
    "-annexed",
    "+annexed -Ukraine",
    "annexed:",
    ":",
    "%",
    "_",
    "\\",
    "\\'",
    "'; DROP TABLE statements; --",
    '"; DELETE FROM claims; --',
    "1' OR '1'='1",
    "annexed' UNION SELECT * FROM documents --",
    "@@ to_tsquery('x')",
    "<->",
    "!annexed & | :*",
    "annexed <2> Ukraine",
    "\x00",
    "annexed\x00Ukraine",
    "\u202eannexed",
    "\ufeff",
    "   ",
    "",
    "\t\n",
    "\U0001f600\U0001f4a9",
    "\u0430\u043d\u0435\u043a\u0441\u0438\u044f \u0423\u043a\u0440\u0430\u0438\u043d\u044b",
    "\u5e76\u5165 \u4e4c\u514b\u5170",
    "\u0636\u0645 \u0623\u0648\u0643\u0631\u0627\u0646\u064a\u0627",
    "\u05e1\u05d9\u05e4\u05d7",
    "caf\u00e9 na\u00efve \u00fcber",
    "I\u0307stanbul \u00df \u0130",
    "annexed " * 2000,
    "x" * 100_000,
    " ".join(f"word{i}" for i in range(3000)),
    "a" * 10,
    "0",
    "-1",
    "1e400",
    "9" * 400,
]


@pytest.fixture
def loaded_url(database_url: str) -> str:
    """A database holding ~1 000 generated statements (bulk-loaded, no extraction needed)."""
    database = open_database(database_url)
    try:
        BulkLoader(database).load(generate_articles(seed=8, statements=1000), LoadSummary())
    finally:
        database.dispose()
    return database_url


def _invoke(args: list[str]) -> object:
    return CliRunner().invoke(app, args, catch_exceptions=True)


@pytest.mark.slow
def test_hostile_search_input_never_errors_and_never_writes(loaded_url: str) -> None:
    before = fingerprint(loaded_url)
    failures = []
    for text in HOSTILE_QUERIES:
        for extra in ([], ["--format", "json"], ["--speaker", text or "x"], ["--kind", "direct", "--format", "csv"]):
            # `--` ends the options, as a user must write for a query starting with "-".
            result = _invoke(["search", "--db", loaded_url, *extra, "--", text])
            # an empty or blank query is a usage mistake: exit 2 and one "Error:" line, never a traceback
            expected = 0 if text.strip() else 2
            if result.exit_code != expected or result.exception and not isinstance(result.exception, SystemExit):  # type: ignore[attr-defined]
                failures.append((text[:40], extra[:1], result.exit_code, repr(result.exception)[:200]))  # type: ignore[attr-defined]
            elif expected == 2 and "Error: nothing to search for" not in result.stderr:  # type: ignore[attr-defined]
                failures.append((text[:40], extra[:1], "no Error line", result.stderr[:200]))  # type: ignore[attr-defined]
    for speaker in ("'; DROP TABLE claimants; --", "%", "_", '"', "\x00", "\u5e76", "x" * 10_000):
        result = _invoke(["history", "--speaker", speaker, "--db", loaded_url, "--format", "csv"])
        if result.exit_code != 0:  # type: ignore[attr-defined]
            failures.append((speaker[:40], ["history"], result.exit_code, repr(result.exception)[:200]))  # type: ignore[attr-defined]
    assert failures == []
    assert fingerprint(loaded_url) == before
    assert problems(loaded_url) == []


def test_plain_search_still_finds_after_hostile_queries(loaded_url: str) -> None:
    result = _invoke(["search", "annexed", "--db", loaded_url, "--format", "jsonl"])
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert "annexed" in result.stdout.lower()  # type: ignore[attr-defined]


FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


def _store_formula_rows(url: str, formulas: list[str] = FORMULAS) -> None:
    database = open_database(url)
    try:
        with database.session(write=True) as session:
            claimant = Claimant(name="=cmd|' /C calc'!A0", kind="person", normalized_key="formula person")
            session.add(claimant)
            session.flush()
            document = Document(
                text="\n".join(formulas),
                title="@title",
                content_sha256="f" * 64,
                extractor_version="test",
                location="-loc",
                published_on=date(2022, 10, 7),
            )
            session.add(document)
            session.flush()
            for number, formula in enumerate(formulas):
                claim = Claim(
                    claimant_id=claimant.id,
                    canonical_text=formula,
                    appearance_count=1,
                    first_said_on=date(2022, 10, 7),
                    last_said_on=date(2022, 10, 7),
                )
                session.add(claim)
                session.flush()
                session.add(
                    Statement(
                        claim_id=claim.id,
                        document_id=document.id,
                        claimant_id=claimant.id,
                        kind="direct",
                        text=formula,
                        cue="=said",
                        said_on=date(2022, 10, 7),
                        char_start=number,
                        char_end=number + 1,
                        speaker_surface="+x",
                    )
                )
    finally:
        database.dispose()


def test_csv_export_neutralises_formulas_unless_raw(database_url: str, tmp_path: Path) -> None:
    _store_formula_rows(database_url)
    out = tmp_path / "history.csv"
    result = _invoke(
        ["history", "--speaker", "formula person", "--format", "csv", "-o", str(out), "--db", database_url]
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + len(FORMULAS)
    cells = [cell for row in rows[1:] for cell in row]
    dangerous = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)

    raw = _invoke(["history", "--speaker", "formula person", "--format", "csv", "--raw-csv", "--db", database_url])
    assert raw.exit_code == 0  # type: ignore[attr-defined]
    raw_cells = [cell for row in list(csv.reader(io.StringIO(raw.stdout)))[1:] for cell in row]  # type: ignore[attr-defined]
    assert any(cell.startswith("=HYPERLINK") for cell in raw_cells)

    found = _invoke(["search", "HYPERLINK", "--format", "csv", "--db", database_url])
    assert found.exit_code == 0  # type: ignore[attr-defined]
    search_cells = [cell for row in list(csv.reader(io.StringIO(found.stdout)))[1:] for cell in row]  # type: ignore[attr-defined]
    assert search_cells and not [cell for cell in search_cells if cell[:1] in ("=", "+", "-", "@")]


def test_csv_cell_with_a_carriage_return_stays_in_its_row(database_url: str, tmp_path: Path) -> None:
    # A bare CR ends a record for spreadsheets and csv readers unless the cell is quoted.
    _store_formula_rows(database_url, ["first\rsecond", "\r=1+1"])
    out = tmp_path / "history.csv"
    args = ["history", "--speaker", "formula person", "--format", "csv", "--db", database_url, "-o", str(out)]
    assert _invoke(args).exit_code == 0  # type: ignore[attr-defined]
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 3
    assert rows[1][4] == "first\rsecond"
