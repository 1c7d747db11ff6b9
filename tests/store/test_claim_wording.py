"""A new claim's wording: the statement's words without the quotation frame; statements keep their exact span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdb.cli import app
from claimdb.matching.text import claim_wording

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


@pytest.mark.parametrize(
    ("content", "wording"),
    [
        ('"We will win,"', "We will win"),
        (
            "\u201cWe guarantee life. And we will ensure a tribunal,\u201d",
            "We guarantee life. And we will ensure a tribunal",
        ),
        ("that \u201cthe troops are going home.\u201d", "the troops are going home."),
        ("\u2018It\u2019s over,\u2019", "It\u2019s over"),
        ("\u201eWir schaffen das\u201c", "Wir schaffen das"),
        ("that prices fell by 4%", "prices fell by 4%"),
    ],
)
def test_the_frame_around_a_statement_goes(content: str, wording: str) -> None:
    assert claim_wording(content) == wording


@pytest.mark.parametrize(
    "content",
    [
        "\u201cYou have been deceived\u201d by the Kremlin",  # a mixed quote keeps its marks
        '"a" and "b"',  # two quotations, not one
        "\u201cit\u2019s over\u201d, he said, \u201cno\u201d",
        "to have annexed around 20% of Ukraine",
        "that",
        '""',
        ",",
    ],
)
def test_other_texts_keep_their_wording(content: str) -> None:
    assert claim_wording(content) == content


def test_a_direct_quote_becomes_a_claim_without_its_marks(database_url: str) -> None:
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", database_url]).exit_code == 0
    rows = json.loads(
        runner.invoke(app, ["history", "--speaker", "Reznikov", "--db", database_url, "-f", "json"]).stdout
    )
    quoted = [row for row in rows if row["text"].startswith('"You can still save Russia')]
    assert len(quoted) == 1
    claim = json.loads(
        runner.invoke(app, ["show", "claim", str(quoted[0]["claim_id"]), "--db", database_url, "-f", "json"]).stdout
    )
    assert claim["text"] == "You can still save Russia from tragedy and the Russian army from humiliation"
    assert claim["statements"][0]["text"] == quoted[0]["text"]  # the statement keeps the span as written
    # The claim is found by its words, as before.
    found = json.loads(
        runner.invoke(
            app, ["match", "save Russia from tragedy and humiliation", "--db", database_url, "-f", "json"]
        ).stdout
    )
    assert found and found[0]["claim_id"] == claim["claim_id"]
