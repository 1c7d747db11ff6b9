"""`claimdb export`: every table as CSV / JSON Lines / JSON, streamed, with the history column names."""

from __future__ import annotations

import csv
import io
import json

from interchange_sample import Sample

from claimdb import export
from claimdb.db.engine import Database
from claimdb.query import StatementFilter, history

HISTORY_COLUMNS = ["said_on", "claimant", "role", "kind", "text", "figures", "cue", "venue", "document",
                   "published_on", "url", "claim_id", "links"]  # fmt: skip


def _csv(database: Database, what: export.ExportWhat, batch_size: int = 1000) -> list[dict[str, str]]:
    buffer = io.StringIO()
    export.write_csv(export.export_rows(database, what, batch_size=batch_size), export.COLUMNS[what], buffer)
    return list(csv.DictReader(io.StringIO(buffer.getvalue())))


def test_statements_have_the_history_columns_and_values(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    buffer = io.StringIO()
    export.write_csv(export.export_rows(database, "statements"), export.COLUMNS["statements"], buffer)
    header = buffer.getvalue().splitlines()[0].split(",")
    assert header[: len(HISTORY_COLUMNS)] == HISTORY_COLUMNS
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert len(rows) == 5
    # Same values as `history` for the same statement (history is the reference rendering).
    reference = history(database, StatementFilter(speaker="Reznikov"))
    exported = [row for row in rows if row["claimant"] == "Oleksiy Reznikov"]
    assert [row["text"] for row in exported] == [row["text"] for row in reference]
    for mine, theirs in zip(exported, reference, strict=True):
        assert {key: mine[key] for key in HISTORY_COLUMNS} == {key: str(theirs[key]) for key in HISTORY_COLUMNS}


def test_statements_are_in_date_order_across_batches(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    rows = _csv(database, "statements", batch_size=2)  # several batches: links looked up per batch
    dates = [row["said_on"] for row in rows]
    assert dates == sorted(dates)
    first = rows[0]
    assert first["claimant"] == "Volodymyr Zelensky"
    assert first["figures"] == ">500 km²"
    assert first["role"] == "President"
    assert first["links"] == f"figure_change #{sample.liberated_600} (suggested)"
    assert first["document"] == "Ukraine calls on Russia troops to lay down arms"
    assert first["url"] == sample.first_document_url


def test_csv_is_utf8_with_formula_guard_only_when_asked(sample_database: tuple[Database, Sample]) -> None:
    from claimdb.cli.output import spreadsheet_safe

    database, _ = sample_database
    guarded, raw = io.StringIO(), io.StringIO()
    export.write_csv(export.export_rows(database, "claims"), export.COLUMNS["claims"], guarded, cell=spreadsheet_safe)
    export.write_csv(export.export_rows(database, "claims"), export.COLUMNS["claims"], raw)
    assert "'=1+1 is what" in guarded.getvalue()
    assert ",=1+1 is what" in raw.getvalue()
    statements = io.StringIO()
    export.write_csv(export.export_rows(database, "statements"), export.COLUMNS["statements"], statements)
    assert "Київ" in statements.getvalue()


def test_claims_figures_claimants(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    claims = {int(row["claim_id"]): row for row in _csv(database, "claims")}
    assert claims[sample.liberated_500]["reviews"] == "Verify Desk: Mostly true"
    assert claims[sample.deceived]["appearances"] == "2"
    figures = _csv(database, "figures")
    assert [(row["figure"], row["claimant"], row["unit"]) for row in figures] == [
        (">500 km²", "Volodymyr Zelensky", "square kilometre"),
        ("600 km²", "Volodymyr Zelensky", "square kilometre"),
    ]
    assert float(figures[1]["value"]) == 600
    claimants = {row["name"]: row for row in _csv(database, "claimants")}
    assert claimants["Oleksiy Reznikov"]["statements"] == "3"
    assert claimants["Oleksiy Reznikov"]["roles"] == "Defence Minister, Ukraine"
    assert claimants["Oleksiy Reznikov"]["aliases"] == "Reznikov"


def test_links_carry_both_texts_and_evidence(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    buffer = io.StringIO()
    count = export.write_jsonl(export.export_rows(database, "links"), export.COLUMNS["links"], buffer)
    assert count == 1
    link = json.loads(buffer.getvalue())
    assert link["link_id"] == sample.link
    assert link["relation"] == "figure_change"
    assert link["text_a"].startswith("more than 500")
    assert link["text_b"].startswith("600 square")
    assert link["claimant_a"] == link["claimant_b"] == "Volodymyr Zelensky"
    assert link["evidence"]["figures"] == "changed: >500 km² → 600 km²"


def test_json_is_one_valid_array(sample_database: tuple[Database, Sample]) -> None:
    database, _ = sample_database
    buffer = io.StringIO()
    count = export.write_json(export.export_rows(database, "claims"), export.COLUMNS["claims"], buffer)
    parsed = json.loads(buffer.getvalue())
    assert count == len(parsed) == 4
    assert list(parsed[0]) == export.COLUMNS["claims"]


def test_empty_exports_are_still_valid(database_url: str) -> None:
    from claimdb.db.engine import open_database

    database = open_database(database_url)
    try:
        for what in export.EXPORT_WHAT:
            as_json, as_csv = io.StringIO(), io.StringIO()
            assert export.write_json(export.export_rows(database, what), export.COLUMNS[what], as_json) == 0
            assert json.loads(as_json.getvalue()) == []
            export.write_csv(export.export_rows(database, what), export.COLUMNS[what], as_csv)
            assert as_csv.getvalue() == ",".join(export.COLUMNS[what]) + "\n"
        graph = io.StringIO()
        assert export.write_claim_reviews(export.claim_reviews(database), graph) == 0
        assert json.loads(graph.getvalue())["@graph"] == []
    finally:
        database.dispose()


def test_claimreview_export_is_schema_org_with_appearances(sample_database: tuple[Database, Sample]) -> None:
    database, sample = sample_database
    buffer = io.StringIO()
    assert export.write_claim_reviews(export.claim_reviews(database), buffer) == 1  # only reviewed claims
    document = json.loads(buffer.getvalue())
    assert document["@context"] == "https://schema.org"
    [review] = document["@graph"]
    # The properties Google's ClaimReview guidelines require, with schema.org types.
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://verifydesk.example/kherson-500"
    assert review["claimReviewed"].startswith("more than 500 square kilometres")
    assert review["author"] == {"@type": "Organization", "name": "Verify Desk"}
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true"}
    assert review["datePublished"] == "2022-10-09"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Volodymyr Zelensky", "jobTitle": "President"}
    assert item["datePublished"] == "2022-10-06"
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": sample.first_document_url,
        "headline": "Ukraine calls on Russia troops to lay down arms",
        "datePublished": "2022-10-07",
        "publisher": {"@type": "Organization", "name": "Reuters"},
    }
    assert [appearance["url"] for appearance in item["appearance"]] == [sample.first_document_url]


def test_claimreview_appearances_are_in_date_order_and_round_trip(sample_database: tuple[Database, Sample]) -> None:
    from datetime import date

    from claimdb.db.models import Review
    from claimdb.imports import parse_claim_document

    database, sample = sample_database
    with database.session(write=True) as session:
        session.add(
            Review(claim_id=sample.deceived, reviewer="Verify Desk", rating="4/5", reviewed_on=date(2022, 10, 20))
        )
    buffer = io.StringIO()
    export.write_claim_reviews(export.claim_reviews(database), buffer)
    graph = json.loads(buffer.getvalue())["@graph"]
    deceived = next(item for item in graph if item["claimReviewed"].startswith("You have been deceived"))
    appearances = deceived["itemReviewed"]["appearance"]
    assert [a["url"] for a in appearances] == [sample.first_document_url, sample.second_document_url]
    assert deceived["itemReviewed"]["firstAppearance"]["url"] == sample.first_document_url
    assert deceived["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "4/5",
        "ratingValue": "4",
        "bestRating": "5",
        "worstRating": "1",
    }
    # What claimdb writes, claimdb (and any ClaimReview reader) reads back.
    claims = list(parse_claim_document(buffer.getvalue(), "export.jsonld"))
    assert all(not isinstance(claim, Exception) for claim in claims)
    assert sorted((c.claimant, c.reviews[0].rating) for c in claims) == [  # type: ignore[union-attr]
        ("Oleksiy Reznikov", "4/5"),
        ("Volodymyr Zelensky", "Mostly true"),
    ]
