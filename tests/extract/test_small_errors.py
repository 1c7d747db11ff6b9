"""Regression sentences for small attribution errors fixed in extractor 0.4.45 (invented, not from evaluation data)."""

from __future__ import annotations

from extractcases import only

from claimdb.extract import extract_statements


def test_colon_headline_after_a_given_name_and_surname_is_a_speaker() -> None:
    s = only("Hillary Dunmore: The Harbour Board Has Lost Its Way")
    assert s.speaker.name == "Hillary Dunmore"
    assert s.content == "The Harbour Board Has Lost Its Way"


def test_colon_label_after_a_given_name_is_no_speaker() -> None:
    assert extract_statements("Hillary Update: The campaign will open three offices in Ohio this week.") == []
