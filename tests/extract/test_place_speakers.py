"""A country, state or province that speaks is its government, not a person (invented sentences)."""

from __future__ import annotations

import pytest
from extractcases import only

from claimdb.extract import extract_statements


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moldova said on Monday that the border talks had failed.", "Moldova"),
        ("Nevada said the new water rules would start in June.", "Nevada"),
        ("British Columbia said the ferry fares would rise by 4%.", "British Columbia"),
    ],
)
def test_a_place_that_speaks_is_a_government(text: str, name: str) -> None:
    s = only(text)
    assert (s.speaker.name, s.speaker.kind, s.speaker.attribution) == (name, "government", "organisation")


def test_a_person_with_a_place_for_surname_stays_a_person() -> None:
    text = "Dana Nevada, a teacher, spoke at the hearing. Nevada said the school would close in May."
    speakers = {(s.speaker.name, s.speaker.kind) for s in extract_statements(text)}
    assert speakers == {("Dana Nevada", "person")}


def test_a_titled_place_word_is_a_person() -> None:
    s = only("Sen. Georgia said the budget would pass before the recess.")
    assert s.speaker.kind == "person"


def test_a_pac_is_an_organisation() -> None:
    s = only("Harbour Future PAC said it would spend $2 million on the race.")
    assert (s.speaker.name, s.speaker.kind) == ("Harbour Future PAC", "organisation")


def test_one_list_of_places() -> None:
    # the one-word countries, states and provinces are never resolved as surnames either
    from claimdb.extract.lexicon import NON_PERSON_CAPITALS, PLACE_NAMES

    assert {"ukraine", "vermont", "manitoba", "america"} <= NON_PERSON_CAPITALS
    assert {place for place in PLACE_NAMES if " " not in place} <= NON_PERSON_CAPITALS


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Sacramento said the permits would be issued in May.", "Sacramento", "government"),
        ("Los Angeles said the ferry fares would rise by 4%.", "Los Angeles", "government"),
        # a city that is also a common given name or surname stays out of the list
        ("Orlando said the permits would be issued in May.", "Orlando", "person"),
    ],
)
def test_a_large_city_that_speaks_is_its_government(text: str, name: str, kind: str) -> None:
    s = only(text)
    assert (s.speaker.name, s.speaker.kind) == (name, kind)


@pytest.mark.parametrize(
    "name",
    ["Black Lives Matter", "Planned Parenthood", "Lorwick Footwear", "Everytown for Safer Harbours"],
)
def test_organisation_names_without_an_organisation_head(name: str) -> None:
    s = only(f"{name} said the new ferry fares were unfair to families.")
    assert (s.speaker.name, s.speaker.kind) == (name, "organisation")


def test_a_person_named_like_an_organisation_word_stays_a_person() -> None:
    s = only("Kate Matter said the new ferry fares were unfair to families.")
    assert s.speaker.kind == "person"
