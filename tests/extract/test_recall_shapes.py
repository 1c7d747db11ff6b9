"""Regression sentences for attribution shapes recovered in extractor 0.4.39 (invented, not from evaluation data)."""

from __future__ import annotations

from extractcases import only

from claimdb.extract import extract_statements


def test_quotation_closed_by_an_exclamation_then_told_and_an_audience() -> None:
    text = "The hall was full. “Bring your shovels, we have a canal to dig!” Mayor Ines Varga told the cheering crowd."
    s = only(text)
    assert s.content == "“Bring your shovels, we have a canal to dig!”"
    assert s.speaker.name == "Ines Varga"
    assert s.kind == "direct"


def test_quotation_closed_by_a_question_mark_then_asked_and_an_audience() -> None:
    text = "The hall was full. “Who pays for the canal?” Councillor Omar Beck asked the planning board."
    s = only(text)
    assert s.content == "“Who pays for the canal?”"
    assert s.speaker.name == "Omar Beck"


def test_says_after_a_document_noun_is_a_verb() -> None:
    s = only("The ferry ran late for months, the complaint says.")
    assert s.content == "The ferry ran late for months"
    assert s.speaker.surface == "the complaint"


def test_one_in_five_is_a_ratio_subject() -> None:
    s = only("The rent went up in May. One in five say that it will fall.")
    assert s.content == "that it will fall"
    assert s.speaker.surface == "One in five"


def test_about_one_in_four_is_a_ratio_subject() -> None:
    s = only("About one in four said they would move away.")
    assert s.content == "they would move away"


def test_aides_to_a_person_speak() -> None:
    s = only("Aides to the governor say the budget will pass in June.")
    assert s.content == "the budget will pass in June"
    assert s.cue == "say"


def test_a_source_speaking_to_a_station_speaks() -> None:
    s = only("A harbour source speaking to Radio Nord said, “The cranes have stopped.”")
    assert s.content == "“The cranes have stopped.”"
    assert s.cue == "said"


def test_an_infinitive_in_the_subject_still_stops_the_subject_rule() -> None:
    text = "Plans to widen the road said nothing about the trees."
    assert all(s.speaker.surface != "Plans to widen the road" for s in extract_statements(text))
