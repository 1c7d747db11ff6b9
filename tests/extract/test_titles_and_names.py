"""A speaker's title is a role, and a name does not start with the word that starts the sentence."""

from __future__ import annotations

import pytest

from claimdb.extract import extract_statements
from claimdb.extract.speakers import plausible_title
from tests.extract.extractcases import PUB, only


@pytest.mark.parametrize(
    "title",
    [
        "Sen.",
        "defence minister",
        "campaign manager",
        "Secretary of State",
        "former Pennsylvania governor",
        "Clinton spokesman",
        "retired neurosurgeon",
        "his wife",
        "pollster and strategist",
        "U.S. District Judge",
        "Air Force 1st Lt.",
    ],
)
def test_a_role_is_a_title(title: str) -> None:
    assert plausible_title(title.lower().split())


@pytest.mark.parametrize(
    "phrase",
    [
        "Clinton and",  # "Clinton and Sen. Ann Cole said"
        "9 outrageous things",
        "09PM",
        "2016",
        "62-year-old",
        "Friends of",
        "Campaign for",
        "random women",
        "reporters",
        "lawsuit filed in Manhattan by",
        "White",
        "Senate",
        "state",
        "former",
        "about Pope",
    ],
)
def test_the_rest_of_a_misread_phrase_is_no_title(phrase: str) -> None:
    assert not plausible_title(phrase.lower().split())


def test_a_coordinated_name_gives_no_title() -> None:
    statement = only("Mills and Anna Berg said the plan was never costed.")
    assert statement.speaker.title is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Voters like Anna Berg's plan.\n\nDoes Berg, like many in her party, oppose the tax? Her record is mixed."
            "\n\nBerg said on Tuesday that the tax was unfair.",
            "Anna Berg",
        ),
        (
            "Voters like Anna Berg's plan.\n\n(See Berg's full interview below.)\n\n"
            "Berg said on Tuesday that the tax was unfair.",
            "Anna Berg",
        ),
        (
            "Another Berg ally, trade minister Tom Ilves, said the deal would hold.\n\n"
            "Nora Berg told reporters that the deal was done.\n\nAnother Berg said nothing.",
            "Nora Berg",
        ),
        (
            "It was a record year for the party. The Year Anna Berg Made Headlines, a new film, opens today.\n\n"
            "Anna Berg said the film was unfair to her.\n\n"
            '"I never agreed to it," Berg said of the film.',
            "Anna Berg",
        ),
        ("Chasing Berg was Ilves, who won 20 percent of the vote.\n\nBerg said she was pleased.", "Berg"),
        ("Asserting Berg's role as a strategist, the paper ran a profile.\n\nBerg said she was pleased.", "Berg"),
        (
            "Anna Berg spoke first.\n\nFollowing Berg at the forum, Tom Ilves said the tax was unfair. "
            "Berg said the tax would stay.",
            "Anna Berg",
        ),
        (
            "Anna Berg won the vote.\n\nAgainst Berg on Tuesday, the mayor lost the harbour wards. "
            "Berg said the result was clear.",
            "Anna Berg",
        ),
        (
            '"We are still fired up," said Tom Ilves, a Bergen-area Berg volunteer.\n\nBerg said she had the votes.',
            "Berg",
        ),
    ],
)
def test_a_sentence_opening_word_is_not_part_of_the_name(text: str, name: str) -> None:
    speakers = {s.speaker.name for s in extract_statements(text, PUB) if s.speaker.name}
    assert name in speakers
    assert not any(n != name and n.endswith(name.split()[-1]) and len(n) > len(name) for n in speakers), speakers


def test_a_given_name_that_is_also_a_verb_stays() -> None:
    statement = only("Will Doyle, the club's treasurer, said the accounts were balanced.")
    assert statement.speaker.name == "Will Doyle"


def test_an_unlisted_given_name_before_a_listed_one_stays() -> None:
    # "Norbert" is no common word of the article: it stays part of the name
    statement = only("Norbert Leo Butz said the show would tour next year.")
    assert statement.speaker.name == "Norbert Leo Butz"


def test_the_date_of_an_event_is_not_when_the_words_were_said() -> None:
    text = (
        '"What does that mean, he kept the harbour safe after the flood?" Mr. Lund asked, repeating a charge - '
        "that the mayor was to blame for the flood of Sept. 11, 2001 - that he made in a debate.\n\n"
        'Mr. Lund, who has campaigned since March, said on Friday that "the harbour is not safe."'
    )
    dates = [(s.said_on, s.said_on_precision) for s in extract_statements(text, PUB)]
    assert dates[0] == (PUB, "publication"), dates
    assert dates[-1][1] == "day", dates  # "on Friday", not "since March"


def test_a_titled_name_after_the_is_a_person() -> None:
    statement = only("The economist Jared Lind said wages were finally rising in the north.")
    assert (statement.speaker.name, statement.speaker.kind, statement.speaker.title) == (
        "Jared Lind",
        "person",
        "economist",
    )
    assert only("The Kremlin said the talks were over for the year.").speaker.kind == "government"


def test_an_organisation_named_with_for_is_one_name() -> None:
    statement = only("The conservative group Club for Growth said the harbour tax was a disaster.")
    assert (statement.speaker.name, statement.speaker.kind) == ("Club for Growth", "organisation")


def test_a_statement_inside_a_parenthesis_leaves_the_bracket_out() -> None:
    assert only("(Mayor Anna Berg said the bridge would reopen in May.)").content == "the bridge would reopen in May"
    assert only("Mayor Anna Berg said the toll (a flat fee) would stay.").content == "the toll (a flat fee) would stay"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Irving Kessler said the museum would close in May.", "Irving Kessler"),
        ("The Oslo-based Nordic Freight Corp. said its profits rose.", "Nordic Freight Corp"),
        ("Jean-Luc Morel said the treaty was dead.", "Jean-Luc Morel"),
        ("Founding Fathers Museum director Ann Cole said the exhibit would open in June.", "Ann Cole"),
    ],
)
def test_a_name_or_a_description_before_it(text: str, name: str) -> None:
    assert only(text).speaker.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prime Minister Teresa May said the talks would go on until March.", "Teresa May"),
        ("Teresa May told MPs on Monday that the deal was done.", "Teresa May"),
        ("April Lund said the briefing was cut short.", "April Lund"),
        ("June Ekberg said the song was written in May.", "June Ekberg"),
    ],
)
def test_a_month_that_is_part_of_a_name(text: str, name: str) -> None:
    assert only(text).speaker.name == name


def test_a_surname_that_is_a_month_is_found_again() -> None:
    text = "Prime Minister Teresa May spoke on Monday.\n\nMay said she would not resign."
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Teresa May"]


@pytest.mark.parametrize(
    "text", ["In April Lund said the plan would fail.", "Teresa May spoke. In May, officials said jobs grew."]
)
def test_a_month_after_in_is_a_time(text: str) -> None:
    assert all(
        s.speaker.name != "April Lund" and "May" not in (s.speaker.name or "") for s in extract_statements(text, PUB)
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "New research ties trade to the divide.\n\nResearch suggests that job losses deepened the divide.",
            "Research",
        ),
        (
            "The international outcry grew.\n\nInternational pressure helped to free him, his lawyer said.",
            "International",
        ),
    ],
)
def test_a_common_word_of_the_article_that_opens_a_sentence_names_nobody(text: str, word: str) -> None:
    speakers = [s.speaker for s in extract_statements(text, PUB) if s.speaker.name == word]
    assert speakers and all(s.attribution != "name" and s.kind == "unknown" for s in speakers), speakers


def test_a_one_word_name_stays_a_name() -> None:
    speaker = only("Kessler said the museum would close in May.").speaker
    assert (speaker.name, speaker.attribution) == ("Kessler", "name")


@pytest.mark.parametrize(
    ("text", "served"),
    [
        ("Aides to Berg say she will not attend the debate.", "Berg"),
        ("Advisers to Mr. Lund say the plan is dead.", "Lund"),
        ("Chad's Ambassador to Norway confirmed that the talks had failed.", "Norway"),
    ],
)
def test_a_role_serving_someone_is_not_that_someone(text: str, served: str) -> None:
    speaker = only(text).speaker
    assert speaker.name is not None and served in speaker.name and speaker.name != served, speaker
    assert speaker.attribution != "name", speaker


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Trustee Lynn Scott said the decision was not made lightly.", "Lynn Scott", "Trustee"),
        ("Chicago Alderman Jay Ervin said people were angry.", "Jay Ervin", "Chicago Alderman"),
        ("Ontario MPP Ana Lopes said the bill would pass.", "Ana Lopes", "Ontario MPP"),
    ],
)
def test_local_offices_are_titles(text: str, name: str, title: str) -> None:
    speaker = only(text).speaker
    assert (speaker.name, speaker.title) == (name, title)


def test_a_name_given_after_someone_is_no_statement() -> None:
    assert extract_statements("Pupils at a school named after a former premier were sent home early.", PUB) == []
