"""Regression sentences for each attribution pattern (invented, not from any evaluation data)."""

from __future__ import annotations

from datetime import date

from extractcases import PUB, only

from claimdb.extract import EXTRACTOR_VERSION, extract_statements
from claimdb.extract.dates import resolve_said_on
from claimdb.extract.serialize import statement_record


def test_said_that_indirect() -> None:
    s = only("Mayor Anna Lindqvist said that the bridge would reopen in June.")
    assert s.kind == "indirect"
    assert s.content == "that the bridge would reopen in June"
    assert s.speaker.name == "Anna Lindqvist" and s.speaker.title == "Mayor"


def test_told_reporters_and_venue() -> None:
    s = only("Farmer Tom Okafor told Reuters on Tuesday that prices had doubled.")
    assert s.content == "that prices had doubled"
    assert s.venue == "told Reuters"
    assert (s.said_on, s.said_on_precision) == (date(2024, 5, 14), "day")


def test_according_to_front_and_back() -> None:
    s = only("According to the health ministry, 40 clinics have closed.")
    assert s.content == "40 clinics have closed"
    assert s.cue == "According to"
    assert s.speaker.kind in ("organisation", "government")
    s = only("Forty clinics have closed, according to Dr. Mira Patel.")
    assert s.content == "Forty clinics have closed"
    assert s.speaker.name == "Mira Patel"


def test_inverted_said_name() -> None:
    s = only('"We will not back down," said Governor Luis Ortega.')
    assert s.kind == "direct"
    assert s.speaker.name == "Luis Ortega"


def test_interrupted_quote_is_one_direct_statement() -> None:
    text = '"The plan is ready," Ortega said, "and it is funded."'
    s = only(text)
    assert s.kind == "direct"
    assert s.content.startswith('"The plan') and s.content.endswith('funded."')
    pieces = [text[p.start : p.end] for p in s.content_parts]
    assert pieces == ['"The plan is ready,"', '"and it is funded."']
    assert statement_record("d", s)["content_span"] == [[p.start, p.end] for p in s.content_parts]


def test_quote_continued_after_attribution_has_two_pieces() -> None:
    text = "\u201cWe are ready,\u201d the coach said. \u201cThe team has trained for months.\u201d"
    s = only(text)
    assert [text[p.start : p.end] for p in s.content_parts] == [
        "\u201cWe are ready,\u201d",
        "\u201cThe team has trained for months.\u201d",
    ]
    assert s.content == text[s.content_span.start : s.content_span.end]


def test_attribution_inside_reported_sentence_has_two_pieces() -> None:
    text = "His budget, she said, would leave schools short of teachers."
    s = only(text)
    assert [text[p.start : p.end] for p in s.content_parts] == [
        "His budget",
        "would leave schools short of teachers",
    ]


def test_single_piece_content_span_stays_a_pair() -> None:
    s = only("Mayor Anna Lindqvist said that the bridge would reopen in June.")
    assert s.content_parts == ()
    assert statement_record("d", s)["content_span"] == [s.content_span.start, s.content_span.end]


def test_surname_resolves_to_full_name_seen_earlier() -> None:
    text = 'Senator Grace Holloway visited the plant on Monday.\n\n"This factory is the future," Holloway said.'
    s = only(text)
    assert s.speaker.name == "Grace Holloway" and s.speaker.surface == "Holloway"
    assert s.speaker.title == "Senator"


def test_pronoun_takes_previous_speaker() -> None:
    text = 'Coach Ben Adeyemi said the team was tired.\n\n"We need a week off," he added.'
    statements = extract_statements(text, PUB)
    assert [s.speaker.name for s in statements] == ["Ben Adeyemi", "Ben Adeyemi"]
    assert statements[1].speaker.attribution == "pronoun"


def test_pronoun_gender_skips_wrong_antecedent() -> None:
    text = (
        "Mrs. Clara Voss met Mr. Ivan Petrov in Vienna.\n\n"
        "Petrov said the talks were useful.\n\n"
        '"We agreed on nothing," she said.'
    )
    statements = extract_statements(text, PUB)
    assert statements[-1].speaker.name == "Clara Voss"


def test_nominal_back_reference() -> None:
    text = 'Finance Minister Sara Lind announced new taxes on Thursday.\n\n"Nobody likes taxes," the minister said.'
    statements = extract_statements(text, PUB)
    assert statements[-1].speaker.name == "Sara Lind"
    assert statements[-1].speaker.attribution == "title"


def test_floating_quote_takes_previous_speaker() -> None:
    text = '"Prices will fall," Lind said.\n\n"Maybe not this year, but soon."'
    statements = extract_statements(text, PUB)
    assert len(statements) == 2
    assert statements[1].speaker.name == "Lind" and statements[1].kind == "direct"
    assert statements[1].speaker.span is None


def test_quote_continued_over_paragraphs() -> None:
    text = '"First we rebuild the school, and then the road,\n\n"and then the clinic," Lind said.'
    s = only(text)
    assert s.kind == "direct"
    assert s.content.startswith('"First') and s.content.endswith('clinic,"')


def test_unbalanced_quote_is_refused() -> None:
    text = 'Lind said "the road is closed and nobody knows when.\n\nThe weather was fine.'
    assert extract_statements(text, PUB) == []


def test_unbalanced_paragraph_keeps_attribution_that_needs_no_marks() -> None:
    text = 'Lind said the "road is closed. The mayor said that the bridge would reopen in June.'
    s = only(text)
    assert s.content == "that the bridge would reopen in June"
    assert s.speaker.surface == "The mayor"


def test_source_with_commas_in_appositive() -> None:
    s = only("Nora Blake, 44, a nurse from Dayton, Ohio, said the clinic had run out of beds.")
    assert s.speaker.name == "Nora Blake"
    assert s.content == "the clinic had run out of beds"
    s = only("Omar Reyes, director of the Tenants Union, which filed the suit, said rents had doubled.")
    assert s.speaker.name == "Omar Reyes"


def test_quote_then_told_an_audience() -> None:
    s = only("\u201cThe campaign goes on,\u201d Vance told a crowd in Toledo on Tuesday.")
    assert s.kind == "direct" and s.content == "\u201cThe campaign goes on,\u201d"
    assert s.speaker.name == "Vance"


def test_participle_inside_content_starts_its_own_statement() -> None:
    text = "The league refused to comment on the fine, telling reporters that the case was closed."
    first, second = extract_statements(text, PUB)
    assert first.content == "to comment on the fine"
    assert second.cue == "telling" and second.content == "that the case was closed"
    assert second.speaker.name == first.speaker.name


def test_noun_readings_of_cue_words_are_not_statements() -> None:
    assert extract_statements("The recent terror attacks on the city changed the campaign.", PUB) == []
    text = "Okafor said the former secretary of state would be a stronger candidate."
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Okafor"]


def test_asked_question_is_frame_of_the_answer() -> None:
    # the question Ortiz answers is not a statement of its own (0.4.15; it was a speaker-less one before)
    s = only("Asked about the closures, Ortiz said the budget was final.")
    assert (s.speaker.name, s.content) == ("Ortiz", "the budget was final")
    s = extract_statements("Lawmakers asked whether the deal was legal.", PUB)[0]
    assert s.speaker.name == "Lawmakers" and s.content == "whether the deal was legal"


def test_coordinated_attribution_ends_the_previous_content() -> None:
    first, second = extract_statements('Okafor called the plan "reckless" and said it would fail by June.', PUB)
    assert first.content == 'the plan "reckless"'
    assert (second.cue, second.content) == ("said", "it would fail by June")


def test_according_to_source_stops_before_the_day() -> None:
    s = only("The mill will close, according to a county report Wednesday.")
    assert s.speaker.name == "a county report"


def test_stance_verb_with_one_name_as_object() -> None:
    s = only("Governor Ana Ruiz endorsed Okafor.")
    assert (s.cue, s.content, s.speaker.name) == ("endorsed", "Okafor", "Ana Ruiz")


def test_source_noun_phrase_with_of_or_for() -> None:
    s = only("A spokeswoman for the Transport Ministry declined to comment on the report.")
    assert s.speaker.surface == "A spokeswoman for the Transport Ministry"
    assert s.content == "to comment on the report"
    s = only("A county poll of Ohio released on Tuesday showed Okafor with a narrow lead.")
    assert s.speaker.surface == "A county poll of Ohio"
    s = only("The director of the agency, Mira Patel, said the inquiry was over.")
    assert s.speaker.name == "Mira Patel"


def test_person_of_place_and_organisation_of_place() -> None:
    s = only("Pastor Ruth Ames of Grace Baptist Church said the shelter was full.")
    assert s.speaker.name == "Ruth Ames"
    s = only("Bank of Ireland said profits rose.")
    assert (s.speaker.name, s.speaker.kind) == ("Bank of Ireland", "organisation")


def test_name_then_appositive_without_closing_comma() -> None:
    text = "Tom Reyes, president and CEO of the Growers Association stated, \u201cThis is a math problem.\u201d"
    s = only(text)
    assert s.speaker.name == "Tom Reyes"
    assert s.kind == "direct"


def test_quantity_and_bare_plural_sources() -> None:
    s = only("Some say the governor acted too late in the crisis.")
    assert s.speaker.surface == "Some"
    s = only("25 percent of likely voters say the party has lost its way.")
    assert s.speaker.surface == "25 percent of likely voters"


def test_more_source_shapes() -> None:
    s = only("Ohio's governor, Dana Wills, a Democrat, said Tuesday that she had voted early.")
    assert (s.speaker.name, s.content) == ("Dana Wills", "that she had voted early")
    s = only("One reader wrote, \u201cThe bridge is a disgrace.\u201d")
    assert (s.speaker.surface, s.kind) == ("One reader", "direct")
    s = only("Holding up a map, Okafor said, \u201cThis road does not exist.\u201d")
    assert s.content == "\u201cThis road does not exist.\u201d"
    s = only("An official familiar with the talks said that a deal was close.")
    assert s.speaker.surface == "An official familiar with the talks"
    s = only("On Friday, the station reported at least six planes over the city.")
    assert s.content == "at least six planes over the city"


def test_weak_cue_with_time_frame_and_study_by() -> None:
    s = only("Okafor stated earlier this week that she would testify.")
    assert (s.cue, s.content) == ("stated", "that she would testify")
    s = only("A 2019 review by the state auditor found that the agency had lost records.")
    assert s.speaker.surface == "A 2019 review by the state auditor"


def test_multiword_phrasal_cues() -> None:
    s = only("Okafor made it clear that she would not run again.")
    assert (s.cue, s.content) == ("made it clear", "that she would not run again")
    s = only("Okafor took issue with the report's findings on crime.")
    assert (s.cue, s.content) == ("took issue with", "the report's findings on crime")
    assert extract_statements("The company made a profit of $3 million last year.", PUB) == []
    assert extract_statements("She took the train to Boston on Monday.", PUB) == []


def test_interrupted_quote_with_a_frame_after_the_cue() -> None:
    text = '"Word is," Okafor said at a rally on Tuesday, "that the plant will close."'
    s = only(text)
    assert [text[p.start : p.end] for p in s.content_parts] == ['"Word is,"', '"that the plant will close."']
    assert (s.said_on, s.said_on_precision) == (date(2024, 5, 14), "day")  # the gap between pieces is frame


def test_according_to_a_long_source() -> None:
    text = "According to a 2021 study by the state university based on census data, rents rose by a third."
    s = only(text)
    assert s.content == "rents rose by a third"
    assert s.speaker.span is not None and text[s.speaker.span.start : s.speaker.span.end].endswith("census data")
    s = only("According to USA TODAY columnist Ann Lee, rates will rise again.")
    assert s.speaker.name == "Ann Lee"


def test_called_someone_something() -> None:
    s = only("Okafor called Lind a coward.")
    assert (s.cue, s.content) == ("called", "Lind a coward")
    assert extract_statements("She called her mother on Sunday.", PUB) == []
    assert extract_statements("He called Okafor on Sunday.", PUB) == []


def test_anonymous_source() -> None:
    s = only("The deal is close, a senior official said on Friday.")
    assert s.speaker.kind == "anonymous"
    assert s.speaker.name == "a senior official"
    assert s.said_on == PUB


def test_organisation_speaker() -> None:
    s = only("The White House said the meeting had been postponed.")
    assert s.speaker.name == "White House" and s.speaker.kind == "government"


def test_colon_speaker() -> None:
    s = only("LINDQVIST: We have no plans to raise fares this year.")
    assert s.cue == ":" and s.speaker.name == "LINDQVIST"


def test_venue_press_conference_and_twitter() -> None:
    assert only("Ortega said at a press conference that talks had failed.").venue == "at a press conference"
    assert only("Ortega said on Twitter that talks had failed.").venue == "on Twitter"


def test_dates() -> None:
    assert resolve_said_on("said yesterday", PUB) == (date(2024, 5, 16), "day")
    assert resolve_said_on("said last week", PUB) == (date(2024, 5, 6), "week")
    assert resolve_said_on("said on Oct. 5", PUB) == (date(2023, 10, 5), "day")
    assert resolve_said_on("said in March", PUB) == (date(2024, 3, 1), "month")
    assert resolve_said_on("said in June", PUB) == (date(2023, 6, 1), "month")
    assert resolve_said_on("said late Thursday", PUB) == (date(2024, 5, 16), "day")
    assert resolve_said_on("he may march on", PUB) == (PUB, "publication")
    assert resolve_said_on("said", None) == (None, "publication")


def test_no_statement_without_attribution() -> None:
    assert extract_statements("The river rose two metres overnight. Schools closed.", PUB) == []


def test_record_contract() -> None:
    s = only("Mayor Anna Lindqvist said that 3 bridges would reopen.")
    record = statement_record("doc-1", s)
    assert list(record) == [
        "doc",
        "kind",
        "speaker",
        "speaker_span",
        "cue",
        "cue_span",
        "content",
        "content_span",
        "said_on",
        "venue",
        "figures",
    ]
    assert record["content_span"] == [s.content_span.start, s.content_span.end]
    assert record["said_on"] == "2024-05-17"
    assert record["speaker"] == "Anna Lindqvist"
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_attitude_and_criticism_verbs_take_their_object_as_content() -> None:
    s = only("Councillor Ada Brennan criticized the mayor for closing the library.")
    assert s.content == "the mayor for closing the library"
    assert s.speaker.name == "Ada Brennan"
    s = only("Ada Brennan expressed concern about the budget.")
    assert s.content == "concern about the budget"
    s = only("Farmers saw the new tariff as a betrayal.")
    assert s.cue == "saw" and s.content == "the new tariff as a betrayal"


def test_weak_cues_need_a_clause() -> None:
    assert extract_statements("The union will maintain the building.", PUB) == []
    s = only("The union will maintain the building, its leader said.")
    assert s.content == "The union will maintain the building"


def test_introductory_phrase_is_not_content() -> None:
    s = only("At the rally on Tuesday, Senator Ida Marsh said the plant would stay open.")
    assert s.content == "the plant would stay open"
    assert s.speaker.name == "Ida Marsh"


def test_inverted_pronoun_must_stand_alone() -> None:
    statements = extract_statements("Rep. Tom Reyes, a member of the panel, said he backs the deal.", PUB)
    assert all(s.speaker.name != "he backs the deal" for s in statements)


def test_participle_takes_the_main_clause_subject() -> None:
    s = only("Governor Mae Collins sent a letter to the council on Monday, saying the levy was unfair.")
    assert s.cue == "saying" and s.content == "the levy was unfair"
    assert s.speaker.name == "Mae Collins"


def test_raising_and_passive_cues_have_no_speaker() -> None:
    text = "Mayor Lena Fox is expected to announce the budget cuts."
    s = only(text)
    # the subject and the complement are the content, in two pieces (PolNeAR's convention)
    assert [text[p.start : p.end] for p in s.content_parts] == ["Mayor Lena Fox", "to announce the budget cuts"]
    assert s.speaker.name is None
    s = only("The new tariff seems to hurt small farmers.")
    assert s.speaker.name is None


def test_noun_after_adjective_is_not_a_cue() -> None:
    assert extract_statements("The senator made a forceful promise on Monday.", PUB) == []


def test_mixed_quotation_mark_styles_still_pair() -> None:
    s = only('“We will rebuild the pier," Mayor Lena Fox said.')
    assert s.kind == "direct" and s.content == '“We will rebuild the pier,"'
    assert s.speaker.name == "Lena Fox"


def test_interrupted_quote_with_double_apostrophes() -> None:
    s = only("''The plan is ready,'' Ortega said, ''and it is funded.''")
    assert s.kind == "direct"
    assert s.content.endswith("funded.''")


def test_quotation_continued_after_its_attribution_is_one_statement() -> None:
    text = '"The river is rising," Chief Omar Daly said. "We are moving people out tonight."'
    s = only(text)
    assert s.content == text[: text.rindex('"') + 1]
    assert s.speaker.name == "Omar Daly" and s.cue == "said"


def test_quotation_in_a_new_paragraph_stays_separate() -> None:
    text = '"The river is rising," Chief Omar Daly said.\n\n"We are moving people out tonight."'
    statements = extract_statements(text, PUB)
    assert [s.content for s in statements] == ['"The river is rising,"', '"We are moving people out tonight."']
    assert statements[1].speaker.name == "Omar Daly"


def test_coordinated_cue_takes_the_clause_subject() -> None:
    s = only("Senator Rosa Vidal visited the mill and praised the workers for their patience.")
    assert s.cue == "praised" and s.content == "the workers for their patience"
    assert s.speaker.name == "Rosa Vidal"


def test_long_appositive_between_source_and_cue() -> None:
    text = "Jon Elm, who ran the county board for a decade before retiring in 2019, said the levy was too high."
    s = only(text)
    assert s.speaker.name == "Jon Elm" and s.content == "the levy was too high"


def test_possessive_source_without_article() -> None:
    s = only("Rubio's press release does not mention the new clinic rules.")
    assert s.content == "the new clinic rules"


def test_attribution_inside_the_sentence_it_reports() -> None:
    s = only("His sister, he said, plans to leave the party next year.")
    assert s.content == "His sister, he said, plans to leave the party next year"
    assert s.cue == "said"


def test_relative_and_quantity_sources() -> None:
    s = only("Sixty percent said they would vote again.")
    assert s.content == "they would vote again"
    s = only("A new study that found rents had doubled was released.")
    assert s.cue == "found" and s.content == "rents had doubled was released"


def test_double_apostrophe_quote_starts_a_new_sentence() -> None:
    text = "''We are ready,'' Mr. Hale said. ''The trucks are loaded.''"
    s = only(text)
    assert s.content == text


def test_headline_cue_in_title_case() -> None:
    s = only("Senator Ida Marsh Slams Plan To Close Rural Clinics")
    assert s.cue == "Slams" and s.content == "Plan To Close Rural Clinics"
    assert s.speaker.name == "Ida Marsh"


def test_according_to_inside_a_statement_without_a_source_keeps_its_source() -> None:
    text = "The bridge is expected to cost $40 million, according to the city's transport office."
    sources = {s.speaker.name for s in extract_statements(text, PUB)}
    assert "the city's transport office" in sources, sources


def test_a_belief_inside_someone_elses_words_stays_theirs() -> None:
    text = "Mayor Ana Ruiz said voters believe the bridge will cost $40 million."
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Ana Ruiz"]


def test_a_participle_in_a_title_case_headline_is_no_cue() -> None:
    assert extract_statements("Harbour Union Joins Chorus of Critics Rebuking Mayor Over Tax", PUB) == []


def test_participle_after_a_nested_statement_belongs_to_the_main_speaker() -> None:
    text = "The White House dismissed a report that said the deal was dead, calling it fiction."
    statements = extract_statements(text, PUB)
    by_cue = {s.cue: s for s in statements}
    assert (by_cue["calling"].content, by_cue["calling"].speaker.name) == ("it fiction", "White House")
    assert by_cue["dismissed"].content == "a report that said the deal was dead"
    assert by_cue["said"].speaker.name == "a report"


def test_participle_after_a_nested_belief() -> None:
    statements = extract_statements(
        "Mayor Ana Ruiz said the council believed the plan would work, calling it a fair deal.", PUB
    )
    assert [(s.content, s.speaker.name) for s in statements] == [
        ("the council believed the plan would work", "Ana Ruiz"),
        ("it a fair deal", "Ana Ruiz"),
    ]


def test_asked_whether_then_the_answer_is_one_statement() -> None:
    s = only("Asked whether the tax would rise, Finance Minister Tom Hale said he had no plans to raise it.")
    assert (s.content, s.speaker.name, s.cue) == ("he had no plans to raise it", "Tom Hale", "said")


def test_asked_without_an_answer_keeps_the_question() -> None:
    s = only("When asked whether the tax would rise, the senator shrugged.")
    assert s.content == "whether the tax would rise"


def test_support_without_that_is_a_stance_statement() -> None:
    s = only("Councillor Ines Moreau supported the tram extension at the hearing.")
    assert (s.speaker.name, s.cue, s.content) == ("Ines Moreau", "supported", "the tram extension at the hearing")


def test_voiced_support_and_threw_support_behind_are_cues() -> None:
    s = only("Governor Tom Reyes voiced support for the tunnel plan.")
    assert (s.speaker.name, s.cue, s.content) == ("Tom Reyes", "voiced support for", "the tunnel plan")
    s = only("Senator Ada Quist threw her support behind the farm bill.")
    assert (s.cue, s.content) == ("threw her support behind", "the farm bill")
    # without the phrase they are ordinary verbs
    assert extract_statements("She voiced the lead character. He threw the ball.", PUB) == []
