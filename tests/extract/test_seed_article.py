"""The sample article must come out right: nine statements, each field checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimdb.extract import extract_statements
from claimdb.extract.types import Statement

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_aeb2da9c072e547c.txt"
PUBLISHED = date(2022, 10, 7)  # a Friday


@pytest.fixture(scope="module")
def body() -> str:
    # the reader strips the header: the ` date ...` line and the title line
    return SEED.read_text(encoding="utf-8").split("\n", 2)[2]


@pytest.fixture(scope="module")
def statements(body: str) -> list[Statement]:
    return extract_statements(body, PUBLISHED)


def _one(statements: list[Statement], needle: str) -> Statement:
    found = [s for s in statements if needle in s.content]
    assert len(found) == 1, [s.content for s in statements]
    return found[0]


def test_nine_statements_and_caption_is_not_one(statements: list[Statement]) -> None:
    assert len(statements) == 9
    assert not any("servicemen" in s.content or "Reuters" in s.content for s in statements)


def test_spans_index_the_text(body: str, statements: list[Statement]) -> None:
    for s in statements:
        assert body[s.content_span.start : s.content_span.end] == s.content
        if s.speaker.span is not None:
            assert body[s.speaker.span.start : s.speaker.span.end] == s.speaker.surface
        if s.cue_span is not None:
            assert body[s.cue_span.start : s.cue_span.end] == s.cue


def test_reznikov_call_to_lay_down_arms(statements: list[Statement]) -> None:
    s = _one(statements, "lay down their arms")
    assert s.kind == "mixed"
    assert s.content.endswith('promising them "life and safety."')
    assert s.speaker.name == "Oleksiy Reznikov"
    assert s.speaker.title == "Defence Minister"
    assert s.speaker.affiliation == "Ukraine"
    assert s.speaker.kind == "person"
    assert s.cue == "called on"
    assert (s.said_on, s.said_on_precision) == (date(2022, 10, 7), "day")


def test_video_quote(statements: list[Statement]) -> None:
    s = _one(statements, "save Russia from tragedy")
    assert s.kind == "direct"
    assert s.content.startswith('"You can') and s.content.endswith('humiliation,"')
    assert s.speaker.name == "Oleksiy Reznikov" and s.speaker.surface == "Reznikov"
    assert s.speaker.title == "Defence Minister" and s.speaker.affiliation == "Ukraine"
    assert s.cue == "said"
    assert s.venue == "in a video"
    assert s.said_on == PUBLISHED


def test_pronoun_promise(statements: list[Statement]) -> None:
    s = _one(statements, "We guarantee life")
    assert s.kind == "direct"
    assert "tribunal for those who gave criminal orders" in s.content  # two sentences, one quote
    assert s.speaker.surface == "he" and s.speaker.attribution == "pronoun"
    assert s.speaker.name == "Oleksiy Reznikov"
    assert s.cue == "promised"


def test_deceived_and_betrayed_is_mixed(statements: list[Statement]) -> None:
    s = _one(statements, "deceived and betrayed")
    assert s.kind == "mixed"
    assert s.content == '"You have been deceived and betrayed" by the Kremlin'
    assert s.speaker.name == "Oleksiy Reznikov"


def test_nato_quote(statements: list[Statement]) -> None:
    s = _one(statements, "imaginary NATO hordes")
    assert s.kind == "direct"
    assert s.content.endswith('beating you with these weapons,"')
    assert s.speaker.name == "Oleksiy Reznikov"


def test_said_that_quote_is_mixed(statements: list[Statement]) -> None:
    s = _one(statements, "do not need Russian lands")
    assert s.kind == "mixed"
    assert s.content.startswith('that "Ukrainian soldiers')
    assert s.content.endswith('taking them all back."')
    assert s.speaker.name == "Oleksiy Reznikov"


def test_kremlin_claim(statements: list[Statement]) -> None:
    s = _one(statements, "annexed")
    assert s.kind == "reported"
    assert s.content == "to have annexed around 20% of Ukraine"
    assert s.speaker.name == "Kremlin"
    assert s.speaker.kind == "government"
    assert s.cue == "claim"
    figure = next(f for f in s.figures if f.value == 20)
    assert figure.unit == "percentage" and figure.qualifier == "approx"


def test_zelensky_nightly_address(statements: list[Statement]) -> None:
    s = _one(statements, "500 square kilometres")
    assert s.kind == "direct"
    assert s.speaker.name == "Volodymyr Zelensky"
    assert s.speaker.title == "President"
    assert s.cue == "announced"
    assert s.venue == "in his nightly address"
    assert (s.said_on, s.said_on_precision) == (date(2022, 10, 6), "day")
    figure = next(f for f in s.figures if f.value == 500)
    assert figure.qualifier == "more_than"


def test_gumeniuk_indirect(statements: list[Statement]) -> None:
    s = _one(statements, "recaptured territory")
    assert s.kind == "indirect"
    assert s.content.startswith("The recaptured territory was home to dozens of towns")
    assert s.content.endswith("for months")
    assert s.speaker.name == "Natalia Gumeniuk"
    assert s.speaker.title == "southern army command spokeswoman"
    assert s.cue == "said"
    assert (s.said_on, s.said_on_precision) == (PUBLISHED, "publication")


def test_without_publication_date_said_on_is_none_unless_explicit(body: str) -> None:
    statements = extract_statements(body)
    assert all(s.said_on is None for s in statements)
