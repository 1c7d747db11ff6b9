"""Words before or around a name that are not part of it, and capitalised pairs that are nobody (invented text)."""

from __future__ import annotations

import pytest
from extractcases import only

from claimdb.extract import extract_statements


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.speaker.kind) for s in extract_statements(text)]


def test_a_month_that_is_a_given_name_opens_a_full_name() -> None:
    text = (
        "Former Nevada governor Jan Kowalczyk, an early supporter of the plan, calls the levy “a mistake” for "
        "farmers. “Nobody asked the growers,” she said in an interview."
    )
    assert speakers(text) == [("Jan Kowalczyk", "person"), ("Jan Kowalczyk", "person")]


def test_the_month_with_its_period_is_still_a_date() -> None:
    s = only("On Jan. 5 Marta Ilves said the ferry would stop running.")
    assert s.speaker.name == "Marta Ilves"


def test_a_state_and_title_abbreviation_before_a_name_is_no_person() -> None:
    # "Idaho Gov", read up to the period of "Idaho Gov. Paul Ruiz", was a person that "she" could stand for
    text = "Crowds cheered Idaho Gov. Paul Ruiz at the fair on Monday.\n\n“It will cost us,” she said."
    assert speakers(text)[-1] == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Neither Okafor nor Brandt would comment. “We lost,” Okafor said after the count.", "Okafor"),
        ("Democrat Zelda Marchetti said the bill would pass.", "Zelda Marchetti"),
        ("Republican Odell Finch said the bill would fail.", "Odell Finch"),
    ],
)
def test_a_word_before_the_name_is_left_out(text: str, name: str) -> None:
    assert speakers(text)[-1][0] == name


def test_team_and_a_surname_is_a_campaign_not_a_person() -> None:
    text = (
        "Team Marchetti sees the debate as a second chance. Zelda Marchetti spoke in Reno. "
        "Marchetti said the debate would decide the race."
    )
    assert speakers(text) == [
        ("Team Marchetti", "organisation"),
        ("Zelda Marchetti", "person"),
    ]


def test_a_pronoun_does_not_stand_for_a_heading() -> None:
    # a capitalised pair holding words the article also writes in lower case ("Odd Word", "odd word") is
    # no antecedent: "she" stays unresolved rather than naming a heading
    text = (
        "One Odd Word.\n\nThe odd word drew laughs from the crowd at the rally.\n\n"
        "“It just came out of my mouth,” she said."
    )
    assert speakers(text)[-1] == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Twitter said it had suspended the accounts on Tuesday.", "Twitter"),
        ("Coastal Rights Watch said the permits were issued in secret.", "Coastal Rights Watch"),
    ],
)
def test_platforms_and_watchdogs_are_organisations(text: str, name: str) -> None:
    s = only(text)
    assert (s.speaker.name, s.speaker.kind) == (name, "organisation")


def test_an_organisation_before_a_headline_colon_speaks() -> None:
    s = only("Coastal Rights Watch: Ministry Hid Key Ferry Report For Years.")
    assert (s.speaker.name, s.content) == ("Coastal Rights Watch", "Ministry Hid Key Ferry Report For Years")


def test_an_admiral_abbreviation_is_a_title() -> None:
    text = (
        "Adm. Ruth B. Okoye Jr., who leads the Pacific fleet, makes no apologies.\n\n"
        "“The islands are bases,” she said before the committee."
    )
    assert [(s.speaker.name, s.speaker.title) for s in extract_statements(text)][-1] == ("Ruth B. Okoye Jr.", "Adm.")


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        ("Harbour News’ Dana Whitcombe said the debate was rigged.", "Dana Whitcombe", None, "Harbour News"),
        ("Coast Congressman Pete King said the program should continue.", "Pete King", "Coast Congressman", None),
        ("Representative Peter T. King said the bill was flawed.", "Peter T. King", "Representative", None),
        (
            "Marlow County Recorder Helen Okafor said the lines were long.",
            "Helen Okafor",
            "Marlow County Recorder",
            None,
        ),
        (
            "Senate Minority Whip Ravi J. Dunn said the nominee deserved a hearing.",
            "Ravi J. Dunn",
            "Senate Minority Whip",
            None,
        ),
    ],
)
def test_titles_and_outlets_before_a_name(text: str, name: str, title: str | None, affiliation: str | None) -> None:
    speaker = only(text).speaker
    assert (speaker.name, speaker.title, speaker.affiliation) == (name, title, affiliation)


def test_a_plural_possessive_before_one_word_is_no_affiliation() -> None:
    # "Leaders’ College" names a college; only a possessive before a name of two words or more is an outlet
    assert only("Leaders’ College said the course would reopen.").speaker.name != "College"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Harbour National Committee said the debate schedule was final.", "Harbour National Committee"),
        ("The Federal Ferry Commission said the fares would rise.", "Federal Ferry Commission"),
        ("Harbour City Mayor Don Tribune said the pier would reopen.", "Don Tribune"),
    ],
)
def test_title_like_words_inside_an_organisations_name(text: str, name: str) -> None:
    assert only(text).speaker.name == name


def test_an_indefinite_kind_of_organisation_is_not_a_name() -> None:
    s = only("An anti-tax super PAC said it would spend $2 million on the race.")
    assert (s.speaker.name, s.speaker.kind) == ("An anti-tax super PAC", "organisation")


@pytest.mark.parametrize(
    "dateline", ["MARLOW, July 25 (UPI) — ", "MARLOW, Calif., Jan. 1 (UPI) -- ", "MARLOW, Dec. 8 (UPI) — "]
)
def test_a_dateline_with_a_date_is_no_speaker(dateline: str) -> None:
    text = dateline + "The Harbour Party released a statement on Monday, offering “a deep apology” to the mayor."
    assert only(text).speaker.name == "Harbour Party"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Supporters of Okafor said the count was rigged.", "Supporters of Okafor", "unknown"),
        ("Besides Okafor, nobody spoke. Ferry-maker Nordvik said the deal was off.", "Nordvik", "person"),
        ("America said the talks would resume in May.", "America", "government"),
    ],
)
def test_groups_descriptions_and_a_country(text: str, name: str, kind: str) -> None:
    assert speakers(text)[-1] == (name, kind)


def test_a_relative_pronoun_after_an_appositive_description_stands_for_the_name() -> None:
    text = (
        "Dora Quist, a retired ferry captain who told the council the pier was unsafe, said that the vote was rushed."
    )
    assert {(s.speaker.name, s.speaker.kind) for s in extract_statements(text)} == {("Dora Quist", "person")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The town released a statement Wednesday saying the remarks were based on opinion.", "The town"),
        ("Lena Okafor, the party's director, issued a statement confirming the staff would double.", "Lena Okafor"),
        ("His office put out a statement saying the county cannot vet every applicant.", "His office"),
        (
            "Shortly after the call ended, the Okafor campaign sent out a press release saying the rival owes "
            "voters an explanation.",
            "the Okafor campaign",
        ),
        (
            "The Lorwick City Council on Wednesday approved a resolution condemning the plan to close the depot.",
            "The Lorwick City Council",
        ),
    ],
)
def test_a_document_someone_issued_speaks_for_its_issuer(text: str, name: str) -> None:
    assert only(text).speaker.surface == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A party official later walked back the remarks, saying the mayor had no video in mind.", "A party official"),
        ("A few minutes later, Okafor followed up, saying the churn of tasks was endless.", "Okafor"),
        ("But two days ago, Okafor reversed himself, telling reporters that the levy would stay.", "Okafor"),
    ],
)
def test_particles_and_time_phrases_are_no_part_of_the_speaker(text: str, name: str) -> None:
    assert {s.speaker.surface for s in extract_statements(text)} == {name}


def test_a_dateline_before_a_dash_is_no_content_and_a_news_report_no_cue() -> None:
    text = "MARLOW (AP) — A news report published Wednesday said the mayor used a personal email account."
    assert [(s.speaker.surface, s.content) for s in extract_statements(text)] == [
        ("A news report", "the mayor used a personal email account")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nearly a third say the economy is getting worse.",
        "A majority support raising the levy.",
    ],
)
def test_an_amount_or_a_phrase_before_a_bare_verb_still_speaks(text: str) -> None:
    assert len(extract_statements(text)) == 1


def test_a_given_name_alone_is_the_one_person_named_so_in_full() -> None:
    text = (
        "Jane Okafor flew planes. Her brother Donald Okafor ran the firm.\n\n"
        "Jane said the business bored her. Mr. Okafor said the firm would grow."
    )
    assert [s.speaker.name for s in extract_statements(text)][-2:] == ["Jane Okafor", "Donald Okafor"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Millennials support background checks by 82 to 12 percent.", "Millennials"),
        ("Many Germans say the border should close.", "Many Germans"),
    ],
)
def test_a_group_of_people_is_nobodys_name(text: str, surface: str) -> None:
    s = only(text)
    assert (s.speaker.name, s.speaker.kind) == (surface, "unknown")


def test_a_transcript_label_in_capitals_is_the_person_the_article_names() -> None:
    text = (
        "Harbour Minister Dora Quist spoke to radio host Ivo Brandt on Sunday. Partial transcript as follows:\n\n"
        "IVO BRANDT: Will the ferry to Lorwick keep running this winter?\n\n"
        "DORA QUIST: The ferry will keep running, and the fares will stay where they are.\n\n"
        "BRANDT: And the pier, will it be rebuilt before the spring?\n\n"
        "KATE OKAFOR: The council has not decided on the pier yet, as far as I know.\n\n"
        "NEW LORWICK: The council has not decided on the pier yet, as far as I know."
    )
    names = [s.speaker.name for s in extract_statements(text) if s.cue == ":"]
    assert names[:4] == ["Ivo Brandt", "Dora Quist", "Ivo Brandt", "Kate Okafor"]
    assert "New Lorwick" not in names
