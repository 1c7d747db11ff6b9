"""Regression sentences for longer subjects, adverbs before the cue and introductions before the source.

All sentences are invented, not taken from any evaluation data.
"""

from __future__ import annotations

import pytest
from extractcases import PUB, only

from claimdb.extract import extract_statements


def test_adverbs_between_source_and_cue() -> None:
    s = only("Councillor Ruth Abara now says the depot should stay open until winter.")
    assert s.content == "the depot should stay open until winter"
    assert s.speaker.name == "Ruth Abara" and s.cue == "now says"
    s = only("Mr. Halvorsen has long said that the ferry fares are too high.")
    assert s.content == "that the ferry fares are too high"
    assert s.speaker.name == "Halvorsen"


def test_negated_contraction_before_the_cue() -> None:
    s = only("The harbour board hasn't said whether the pier will be rebuilt.")
    assert s.content == "whether the pier will be rebuilt"
    assert s.cue == "hasn't said"


def test_introduction_before_the_source_is_not_content() -> None:
    s = only("During a visit to a bakery in Lorwick, Halden, Mayor Ivo Brandt told reporters that rents would rise.")
    assert s.content == "that rents would rise"
    assert s.speaker.name == "Ivo Brandt"
    s = only("Two days before the vote on the budget, the transit agency said the fares would rise.")
    assert s.content == "the fares would rise"


def test_quotation_before_the_source_stays_content() -> None:
    s = only('"We are ready," Mayor Ivo Brandt said on Monday.')
    assert s.content == '"We are ready,"'


def test_subject_with_prepositional_phrase() -> None:
    s = only("A producer for a regional radio network told the paper that the interview had been cancelled.")
    assert s.content == "that the interview had been cancelled"
    assert s.speaker.span is not None
    assert s.speaker.span.start == 0


def test_plural_subject_with_modifier() -> None:
    s = only("Tenant groups say the new rules favour landlords.")
    assert s.content == "the new rules favour landlords"


def test_subject_with_dash_parenthetical() -> None:
    text = "Several volunteers at the shelter — including nurses, drivers and cooks — said the heating had failed."
    s = only(text)
    assert s.content == "the heating had failed"
    assert s.speaker.span is not None and s.speaker.span.start == 0


def test_noun_readings_are_not_cues_of_a_long_subject() -> None:
    assert extract_statements("The river flood attacks on the levee lasted for two nights.", PUB) == []
    assert extract_statements("Opposition to the plan pushed the mayor to resign early.", PUB) == []
    assert extract_statements("Fishermen in the bay supporting the ban were few.", PUB) == []


def test_belief_inside_a_report_is_not_a_second_statement() -> None:
    s = only("Mayor Ivo Brandt said residents believe the new bridge will ease traffic.")
    assert s.cue == "said"
    assert s.content == "residents believe the new bridge will ease traffic"


def test_speech_inside_a_report_stays_a_statement() -> None:
    statements = extract_statements("The minister said the mayor had told her that the bridge was safe.", PUB)
    assert [s.cue for s in statements] == ["said", "had told"]
    assert statements[1].content == "that the bridge was safe"


def test_quantities_and_relative_clauses_as_subjects() -> None:
    s = only("About four in 10 said the ferry schedule had become worse.")
    assert s.content == "the ferry schedule had become worse"
    s = only("31% say the tunnel should be closed at night.")
    assert s.content == "the tunnel should be closed at night"
    s = only("A harbour official who has worked there for years said on Friday that the cranes were unsafe.")
    assert s.content == "that the cranes were unsafe"
    assert s.speaker.span is not None and s.speaker.span.start == 0


def test_comma_bounded_adverbial_between_source_and_cue() -> None:
    s = only("Supporters of the zoning rules, on the other hand, argued that the ruling will help renters.")
    assert s.content == "that the ruling will help renters"
    assert s.speaker.span is not None and s.speaker.span.start == 0


def test_long_subject_after_a_quotation() -> None:
    s = only('"Will the bridge ever open?" a city engineer in the audience wondered.')
    assert s.content == '"Will the bridge ever open?"'
    assert s.kind == "direct"


def test_participle_after_an_introduction_with_a_place_and_a_day() -> None:
    s = only(
        "At a town hall in Dover, Delaware, on Monday, Governor Ellen Marsh spoke at length, "
        "saying that roads could not wait."
    )
    assert (s.content, s.speaker.name) == ("that roads could not wait", "Ellen Marsh")


def test_participle_clause_opening_the_sentence_is_no_speaker() -> None:
    s = only("Facing hostile questions, Mayor Tom Adler went on the offensive, insisting that the audit was wrong.")
    assert (s.content, s.speaker.name) == ("that the audit was wrong", "Tom Adler")


def test_participle_appositive_between_subject_and_cue() -> None:
    s = only("The report, published by the Lakeside Institute on Monday, estimated that rents would rise by a tenth.")
    assert (s.content, s.speaker.name, s.cue) == ("that rents would rise by a tenth", "The report", "estimated")
    s = only("A survey of 900 tenants, conducted in March, showed that most could not pay.")
    assert (s.content, s.speaker.name) == ("that most could not pay", "A survey of 900 tenants")


def test_relative_clause_between_a_subject_noun_and_cue() -> None:
    s = only("The study, which was published on Monday, found that rents would rise.")
    assert (s.content, s.speaker.name) == ("that rents would rise", "The study")


def test_participle_after_a_raising_verb_has_the_clause_subject_as_speaker() -> None:
    text = "Mayor Lena Fisk did not seem impressed by the offer, telling reporters, \u201cIt is far too little.\u201d"
    statements = extract_statements(text, PUB)
    told = [s for s in statements if s.cue == "telling"]
    assert len(told) == 1
    assert told[0].speaker.name == "Lena Fisk"
    assert told[0].content == "\u201cIt is far too little.\u201d"  # neither the audience nor the comma


def test_passive_cue_with_a_by_agent_names_the_agent() -> None:
    s = only("The merger was first reported by the Daily Ledger.")
    assert (s.speaker.name, s.content) == ("Daily Ledger", "The merger")
    text = "The plan was criticized by Senator Ann Cole as a giveaway."
    s = only(text)
    assert s.speaker.name == "Ann Cole"
    assert [text[p.start : p.end] for p in s.content_parts] == ["The plan", "as a giveaway"]


def test_passive_without_an_agent_or_asked_by_keeps_no_speaker() -> None:
    assert only("Trump is expected to win by a wide margin.").speaker.name is None
    assert only("Ruiz was asked by the host whether she would run.").speaker.name is None


def test_a_verb_and_its_object_before_a_participle_cue_are_not_the_speaker() -> None:
    statements = extract_statements(
        "The Ostrava senator emailed supporters saying: “The campaign goes on” and vowing to fight the ruling."
    )
    assert [(s.speaker.name, s.cue) for s in statements] == [
        ("The Ostrava senator", "saying"),
        ("The Ostrava senator", "vowing"),
    ]
    assert statements[0].content == "“The campaign goes on”"


def test_back_as_an_adverb_is_no_cue() -> None:
    s = only("During his long drive back to Lorwick after the rally, Ivo Brandt said the depot would close.")
    assert s.speaker.name == "Ivo Brandt"
    assert extract_statements("The ferry rule dates back to the charter of 1938.") == []
    s = only("The union will back the plan to reopen the depot.")
    assert s.speaker.name == "The union" and s.cue == "will back"


def test_a_plural_cue_after_a_gerund_is_its_object() -> None:
    s = only("Holding signs calling the mayor “a failure,” the protesters chanted “Resign now.”")
    assert s.speaker.name == "the protesters" and s.cue == "chanted"
    s = only("Despite growing calls to step down, the mayor says she will stay.")
    assert s.speaker.name == "the mayor"
    s = only("Polling shows that most voters back the depot.")
    assert s.cue == "shows"


def test_what_happened_to_someone_is_not_what_they_said() -> None:
    assert extract_statements("The harbour board has found itself at the centre of the ferry dispute.") == []
    assert extract_statements("Since the spring, Mayor Ivo Brandt has seen his lead in the polls evaporate.") == []
    s = only("The harbour board found that the pier was unsafe.")
    assert s.speaker.surface == "The harbour board" and s.cue == "found"


def test_a_programme_named_before_the_speaker_is_no_quotation() -> None:
    s = only(
        "Sunday on Harbour Radio’s “Morning Tide Report,” Rep. Ivo Brandt said the ferry fares would stay "
        "where they are until spring."
    )
    assert s.speaker.name == "Ivo Brandt"
    assert s.content == "the ferry fares would stay where they are until spring"


def test_a_comma_after_the_party_tag() -> None:
    s = only("Sen. Ivo Brandt (D-Lor.), said after a lunch on Tuesday that he had not read the ferry plan.")
    assert s.speaker.name == "Ivo Brandt" and s.content == "that he had not read the ferry plan"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Brandt at the time said he had asked his aides to look into the ferry fees.", "Brandt"),
        ("Okafor however said she would welcome the harbour board's help.", "Okafor"),
        ("Ivo Brandt in a Medium post said he would close the depot.", "Ivo Brandt"),
        ("Inspectors soon noted that the pier may have been unsafe for years.", "Inspectors"),
        ("The depot had 30 workers, according to union figures at the time.", "union figures"),
    ],
)
def test_a_circumstance_after_the_subject_is_not_the_speaker(text: str, surface: str) -> None:
    assert only(text).speaker.surface == surface


def test_a_headline_adverb_after_a_name_is_not_part_of_it() -> None:
    s = only("Ivo Brandt Finally Endorses Harbour Mayor Kate Okafor.")
    assert s.speaker.name == "Ivo Brandt" and s.cue == "Endorses"


def test_a_quantifier_after_the_subject_is_not_part_of_it() -> None:
    s = only("But Okafor and Brandt both stressed that the ferry would keep running.")
    assert s.speaker.surface == "Okafor and Brandt" and s.cue == "stressed"
    s = only("The harbour pilots all said the pier was unsafe.")
    assert s.speaker.surface == "The harbour pilots"


def test_a_name_inside_a_relative_clause_is_not_the_speaker() -> None:
    statements = extract_statements(
        "Dora Quist, the president of the Harbour Workers of Lorwick, which endorsed Mr. Okafor in December, said "
        "that while polls show a tight race, the union would not budge."
    )
    said = [s for s in statements if s.cue == "said"]
    assert [s.speaker.name for s in said] == ["Dora Quist"]
    assert said[0].content == "that while polls show a tight race, the union would not budge"


def test_a_relative_clause_in_the_appositive_ends_at_the_comma() -> None:
    statements = extract_statements(
        "Gov. Ivo Brandt of Lorwick, a Republican who has refused to endorse Mr. Okafor, said the ferry crew "
        "deserved better."
    )
    assert [(s.speaker.name, s.cue, s.content) for s in statements] == [
        ("Ivo Brandt", "has refused", "to endorse Mr. Okafor"),
        ("Ivo Brandt", "said", "the ferry crew deserved better"),
    ]


def test_one_among_those_who_say() -> None:
    s = only("Kate Okafor, a ferry user from Halden, is among those who say they will not pay the new fares.")
    assert s.speaker.name == "Kate Okafor"


def test_a_quantifier_between_the_auxiliary_and_the_cue() -> None:
    s = only("Ivo Brandt and Dora Quist have both urged the mayor to release the harbour audit.")
    assert s.speaker.surface == "Ivo Brandt and Dora Quist" and s.cue == "have both urged"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor won his seat with relatively tepid harbour support, and faces a harder race this year.",
        "Lorwick's strong support for the ferry has turned into doubt over the past two years.",
        "Ivo Brandt, the host of a Lorwick radio show, is a resident who moved here in 2012.",
        "Dora Quist listed an HBC show as her guilty pleasure in the interview last week.",
    ],
)
def test_support_and_show_as_nouns_are_no_cues(text: str) -> None:
    assert [s.cue for s in extract_statements(text) if s.cue in ("support", "show")] == []


def test_support_and_show_as_verbs_are_cues() -> None:
    assert [s.cue for s in extract_statements("Most harbour workers support the new ferry plan.")] == ["support"]
    s = only("The harbour figures show that ferry use fell by a third.")
    assert s.cue == "show"


@pytest.mark.parametrize(
    "text",
    [
        "The terror attacks in Lorwick changed the campaign more than any debate did.",
        "After the Paris attacks, the mayor released a new radio ad about the harbour.",
        "Two chemical weapons attacks on villages in 2014 were blamed on the army.",
    ],
)
def test_attacks_as_a_noun_is_no_cue(text: str) -> None:
    assert [s.cue for s in extract_statements(text) if s.cue == "attacks"] == []


def test_attacks_as_a_verb_is_a_cue() -> None:
    s = only("Mayor Ivo Brandt attacks the ferry plan as a waste of harbour money.")
    assert s.cue == "attacks" and s.speaker.name == "Ivo Brandt"


@pytest.mark.parametrize(
    "text",
    [
        "When Ivo Brandt signed on in May, the harbour board had the money to fight the ferry plan.",
        "Many of the workers signed up for the evening course at the harbour college.",
        "Dora Quist appeared on Harbour Radio on Sunday morning with two other candidates.",
        "The board responded by closing the pier for a week in the middle of the summer.",
    ],
)
def test_acts_that_say_nothing(text: str) -> None:
    assert [
        s.cue for s in extract_statements(text) if s.cue and s.cue.split()[-1] in ("signed", "appeared", "responded")
    ] == []


def test_a_participle_after_an_appearance_keeps_its_speaker() -> None:
    statements = extract_statements(
        "Dora Quist appeared on Harbour Radio on Sunday, saying that the ferry fares would not rise this year."
    )
    assert [(s.speaker.name, s.cue) for s in statements] == [("Dora Quist", "saying")]


def test_known_as_names_and_says_nothing() -> None:
    assert extract_statements("The mayor won three of the contests known as Harbour Tuesday last spring.") == []
    s = only("Ivo Brandt, as he was known, said the ferry would keep running all winter.")
    assert s.cue == "said" and s.content == "the ferry would keep running all winter"
