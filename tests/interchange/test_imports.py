"""Ready-made claims in: fact-check JSONL (CheckThat! vclaims), schema.org ClaimReview, Fact Check Tools API."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from interchange_sample import FILES
from sqlalchemy import func, select

from claimdb.db.engine import Database, open_database
from claimdb.db.models import Claim, Claimant, ClaimantRole, Review
from claimdb.imports import import_files, read_claims

VCLAIMS = Path("/work/shared/data/checkthat2020/vclaims.jsonl")


@pytest.fixture
def database(database_url: str) -> Database:
    opened = open_database(database_url)
    yield opened  # type: ignore[misc]
    opened.dispose()


def _claim(database: Database, external_id: str) -> Claim:
    with database.session() as session:
        claim = session.scalars(select(Claim).where(Claim.external_id == external_id)).one()
        claim.reviews, claim.claimant  # noqa: B018 - load before the session closes
        return claim


def _count(database: Database, model: type) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.skipif(not VCLAIMS.exists(), reason="CheckThat! 2020 data not present")
def test_checkthat_vclaims_import_fast_and_reimport_updates(database: Database) -> None:
    started = time.perf_counter()
    summary = import_files(database, [str(VCLAIMS)])
    elapsed = time.perf_counter() - started
    assert (summary.claims_new, summary.claims_updated, summary.errors) == (10375, 0, [])
    assert elapsed < 10, f"import took {elapsed:.1f} s"
    claim = _claim(database, "0")
    assert claim.canonical_text.startswith("122 detainees released from confinement at Guantanamo")
    assert claim.title == "Did 122 Prisoners Released from Guantanamo by President Obama Return to the Battlefield?"
    again = import_files(database, [str(VCLAIMS)])
    assert (again.claims_new, again.claims_updated) == (0, 10375)
    assert _count(database, Claim) == 10375


def test_bad_lines_are_reported_and_the_rest_imported(database: Database) -> None:
    summary = import_files(database, [str(FILES / "factchecked-claims.jsonl")])
    location = str(FILES / "factchecked-claims.jsonl")
    assert [str(error) for error in summary.errors] == [
        f"{location}:3: invalid JSON at column 1: Expecting value",
        f'{location}:4: missing "claim" (the text of the claim)',
        f"{location}:7: \"date\" is not a date (expected YYYY-MM-DD): 'yesterday'",
    ]
    assert summary.claims_new == 3
    kremlin = _claim(database, "fc-101")
    assert kremlin.claimant is not None and kremlin.claimant.name == "the Kremlin"
    assert [(r.reviewer, r.rating) for r in kremlin.reviews] == [("Factcheck Example", "Misleading")]
    numeric_id = _claim(database, "104")  # an integer id is kept as its decimal text
    assert numeric_id.claimant is None
    assert str(numeric_id.first_said_on) == "2022-10-07"


def test_schema_org_claim_review(database: Database) -> None:
    summary = import_files(database, [str(FILES / "claimreview-schemaorg.json")])
    assert (summary.claims_new, summary.reviews_new, summary.errors) == (1, 1, [])
    claim = _claim(database, "https://factcheck.example.org/2022/10/09/kherson-500-square-kilometres/")
    assert claim.canonical_text.startswith("More than 500 square kilometres have been liberated")
    assert str(claim.first_said_on) == "2022-10-06"
    assert claim.claimant is not None and claim.claimant.name == "Volodymyr Zelensky"
    assert claim.claimant.kind == "person"
    [review] = claim.reviews
    # schema.org's example names its fact-checker by url only; the url is kept as the reviewer.
    assert (review.reviewer, review.rating, str(review.reviewed_on)) == (
        "https://factcheck.example.org/",
        "Mostly true",
        "2022-10-09",
    )
    with database.session() as session:
        roles = session.scalars(select(ClaimantRole.title)).all()
    assert roles == ["President of Ukraine"]


def test_json_ld_graph_skips_other_nodes(database: Database) -> None:
    summary = import_files(database, [str(FILES / "claimreview-graph.jsonld")])
    assert (summary.claims_new, summary.errors) == (2, [])
    annexed = _claim(database, "https://www.truthmeter.example/checks/russia-annexed-20-percent/#claimreview")
    assert annexed.title == "Has Russia annexed 20% of Ukraine?"
    assert annexed.claimant is not None and annexed.claimant.kind == "government"
    assert [r.rating for r in annexed.reviews] == ["Misleading"]
    nato = _claim(database, "https://www.truthmeter.example/checks/nato-hordes/")
    assert str(nato.reviews[0].reviewed_on) == "2022-10-11"  # "October 11, 2022"


def test_fact_check_tools_api_response(database: Database) -> None:
    path = FILES / "factcheck-tools-response.json"
    summary = import_files(database, [str(path)])
    assert [str(error) for error in summary.errors] == [f'{path}:claims[2]: claim has no "text"']
    assert (summary.claims_new, summary.reviews_new) == (2, 3)
    claim = _claim(database, "https://verifydesk.example/reznikov-russian-lands")
    assert claim.title == "Reznikov: Ukraine does not want Russian land"
    assert sorted((r.reviewer, r.rating) for r in claim.reviews) == [
        ("Faktencheck Beispiel", "Richtig zitiert"),
        ("Verify Desk", "Accurate quote"),
    ]


def test_reimport_updates_claims_and_reviews_instead_of_duplicating(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    original = json.loads((FILES / "factcheck-tools-response.json").read_text(encoding="utf-8"))
    path.write_text(json.dumps(original), encoding="utf-8")
    import_files(database, [str(path)])
    original["claims"][1]["claimReview"][0]["textualRating"] = "False"
    original["claims"][1]["text"] = "Ukraine has recaptured dozens of towns in Kherson."
    path.write_text(json.dumps(original), encoding="utf-8")
    summary = import_files(database, [str(path)])
    assert (summary.claims_new, summary.claims_updated) == (0, 2)
    assert (summary.reviews_new, summary.reviews_updated) == (0, 3)
    assert (_count(database, Claim), _count(database, Review), _count(database, Claimant)) == (2, 3, 2)
    claim = _claim(database, "https://verifydesk.example/kherson-villages")
    assert claim.canonical_text == "Ukraine has recaptured dozens of towns in Kherson."
    assert [r.rating for r in claim.reviews] == ["False"]


def test_the_same_claimant_across_formats_is_one_claimant(database: Database) -> None:
    import_files(
        database,
        [str(FILES / "claimreview-graph.jsonld"), str(FILES / "factcheck-tools-response.json")],
    )
    with database.session() as session:
        names = session.scalars(select(Claimant.name).order_by(Claimant.name)).all()
    assert names == ["Natalia Gumeniuk", "Oleksiy Reznikov", "the Kremlin"]


def test_unknown_extensions_and_missing_files_are_errors() -> None:
    items = list(read_claims([str(FILES / "kyiv-ledger-reznikov.html"), str(FILES / "nope.jsonl")]))
    messages = [str(item) for item in items]
    assert "unknown claim file type (.html)" in messages[0]
    assert messages[1].endswith("nope.jsonl: no such file or directory")


def test_stdin_json_or_lines() -> None:
    document = (FILES / "claimreview-schemaorg.json").read_bytes()
    [claim] = list(read_claims(["-"], stdin=io.BytesIO(document)))
    assert not isinstance(claim, Exception) and claim.claimant == "Volodymyr Zelensky"
    lines = b'{"id": "a", "claim": "One."}\n{"id": "b", "claim": "Two."}\n'
    claims = list(read_claims(["-"], stdin=io.BytesIO(lines)))
    assert [getattr(claim, "external_id", None) for claim in claims] == ["a", "b"]


def test_progress_reports_every_byte(tmp_path: Path) -> None:
    path = FILES / "factchecked-claims.jsonl"
    seen: list[int] = []
    list(read_claims([str(path), str(FILES / "claimreview-graph.jsonld")], on_progress=seen.append))
    assert sum(seen) == path.stat().st_size + (FILES / "claimreview-graph.jsonld").stat().st_size
