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


def test_del_before_a_name_is_the_delegate_title() -> None:
    s = only("“The clinic must stay open,” said Del. Ana Roque of the Northern Isles.")
    assert s.speaker.name == "Ana Roque"
    assert s.speaker.title == "Del."


def test_del_after_a_party_letter_is_a_state() -> None:
    s = only("Rep. Omar Linde (D-Del.) said the port would reopen in June.")
    assert s.speaker.name == "Omar Linde"
    assert s.speaker.title == "Rep."


def test_del_without_a_period_is_a_given_name() -> None:
    s = only("Del Faraday said the port would reopen in June.")
    assert s.speaker.name == "Del Faraday"


def test_state_before_an_office_is_no_cue() -> None:
    text = "His aunt, state Del. Mina Osei (D-Harbor Point), spoke first. The vote was close."
    assert all(s.cue != "state" for s in extract_statements(text))


def test_lower_case_del_after_a_state_office_keeps_the_name() -> None:
    s = only("The levy will pass, state Del. Mina Osei said.")
    assert s.speaker.name == "Mina Osei"


def test_weighed_in_from_a_place_is_no_content() -> None:
    s = only("Premier Alma Ruud weighed in from Bergen, telling reporters the ferry deal was fair.")
    assert s.content == "the ferry deal was fair"
    assert s.cue == "telling"
    assert s.speaker.name == "Alma Ruud"


def test_weighed_in_with_a_noun_keeps_its_content() -> None:
    s = only("Mayor Alma Ruud weighed in with a warning about the ferry fares.")
    assert s.content == "a warning about the ferry fares"


def test_telling_the_crowd_skips_the_audience_before_the_quotation() -> None:
    s = only("Ruud spoke for an hour in Bergen, telling the crowd, “The ferry stays.”")
    assert s.content == "“The ferry stays.”"
    assert s.kind == "direct"


def test_told_the_crowd_skips_the_audience() -> None:
    s = only("Alma Ruud told the crowd the ferry would stay.")
    assert s.content == "the ferry would stay"


def test_ambassador_to_a_country_keeps_the_country_in_the_title() -> None:
    s = only("The ferry was cancelled, Peru’s Ambassador to Norway confirmed.")
    assert s.speaker.title == "Ambassador to Norway"
    assert s.speaker.affiliation == "Peru"


def test_ambassador_to_a_country_then_a_name() -> None:
    s = only("Peru's Ambassador to Norway Rosa Quispe said the ferry was cancelled.")
    assert s.speaker.name == "Rosa Quispe"
    assert s.speaker.title == "Ambassador to Norway"


def test_lower_case_ambassador_to_a_country_speaks() -> None:
    s = only("The Peruvian ambassador to Norway said the ferry was cancelled.")
    assert s.content == "the ferry was cancelled"
    assert s.speaker.title == "Peruvian ambassador to Norway"


def test_aides_to_a_person_are_still_no_title() -> None:
    s = only("Aides to Rosa Quispe said the ferry was cancelled.")
    assert s.speaker.name != "Rosa Quispe"


def test_headline_participle_phrase_before_the_speaker_is_no_name() -> None:
    s = only("Railing Against Berg, Lund Vows To Cut Ferry Fares")
    assert s.speaker.name == "Lund"
    assert s.content == "To Cut Ferry Fares"


def test_participle_phrase_opening_a_sentence_is_frame() -> None:
    s = only("Railing against the board, Lund vowed to cut ferry fares.")
    assert s.content == "to cut ferry fares"


def test_gerund_subject_before_a_trailing_cue_stays_content() -> None:
    s = only("Shifting rains in the north could ruin the crops, Ada Lund said in her speech.")
    assert s.content == "Shifting rains in the north could ruin the crops"


def test_headline_participle_alone_is_no_statement() -> None:
    assert extract_statements("Critics Rebuking Berg Over Tax") == []


def test_participle_between_two_pieces_of_a_quotation_is_kept() -> None:
    text = "“The timing was the key,” said Ada Lund, referring to the harbour deals. “It still is.”"
    statements = extract_statements(text)
    assert [s.content for s in statements if s.cue == "referring to"] == ["the harbour deals"]
    quote = next(s for s in statements if s.cue == "said")
    assert [text[p.start : p.end] for p in quote.content_parts] == ["“The timing was the key,”", "“It still is.”"]


def test_belief_inside_a_quotation_piece_is_still_dropped() -> None:
    text = "Ada Lund said voters believe the ferry works. “It still does,” she added."
    assert all(s.cue != "believe" for s in extract_statements(text))


def test_condition_before_a_parenthetical_attribution_is_content() -> None:
    text = "If the ferry stops, Ada Lund said, the island will empty within a decade."
    s = only(text)
    assert s.content == text[:-1]
    assert [text[p.start : p.end] for p in s.content_parts] == [
        "If the ferry stops",
        "the island will empty within a decade",
    ]
    assert s.speaker.name == "Ada Lund"


def test_means_before_a_parenthetical_attribution_is_content() -> None:
    s = only("By closing the old pier, Ada Lund said, the city saves two million a year.")
    assert s.content.startswith("By closing the old pier")


def test_time_before_a_parenthetical_attribution_stays_frame() -> None:
    s = only("By Monday, Ada Lund said, the pier will be closed.")
    assert s.content == "the pier will be closed"


def test_quotation_resumed_after_an_attribution_ending_in_an_abbreviation() -> None:
    text = '"The ferry is late again," says Omar Berg, a student from Fresno, Calif. "I think it will close soon."'
    s = only(text)
    assert s.speaker.name == "Omar Berg"
    assert [text[p.start : p.end] for p in s.content_parts] == [
        '"The ferry is late again,"',
        '"I think it will close soon."',
    ]


def test_trailing_attribution_inside_brackets() -> None:
    s = only("The market is small. (The Danes are big fans of the show, Mr. Lund said.)")
    assert s.content == "The Danes are big fans of the show"
    assert s.speaker.name == "Lund"


def test_yet_another_speaks() -> None:
    s = only("One councillor was angry. Yet another said, “The ferry is in a five-way fight.”")
    assert s.content == "“The ferry is in a five-way fight.”"
    assert s.speaker.surface == "another"


def test_capitalised_group_pronoun_is_no_person() -> None:
    s = only("Others said the ferry was late.")
    assert s.speaker.kind != "person"


def test_quoted_title_inside_an_appositive_before_the_cue() -> None:
    s = only('Ada Lund, the author of "Cold Harbour," about the fishing trade, said the fleet was shrinking.')
    assert s.content == "the fleet was shrinking"
    assert s.speaker.name == "Ada Lund"


def test_out_of_ratio_subject() -> None:
    s = only("Nearly nine out of 10 say they will need new skills.")
    assert s.content == "they will need new skills"
    assert s.speaker.surface == "Nearly nine out of 10"


def test_subject_with_a_whose_clause() -> None:
    s = only("The state officials whose laws have been struck down say the courts have changed.")
    assert s.content == "the courts have changed"
    assert s.speaker.surface == "The state officials"


def test_plural_people_noun_after_a_coordinator_speaks() -> None:
    s = only("But small Danish firms and ordinary Danish traders say they have yet to profit.")
    assert s.content == "they have yet to profit"


def test_went_on_to_say_then_a_quotation() -> None:
    s = only("Lund went on to say, “The ferry will never close.”")
    assert s.content == "“The ferry will never close.”"
    assert s.speaker.name == "Lund"


def test_before_saying_then_a_quotation() -> None:
    s = only("Lund deflected questions about Berg before saying, “It is time to stop attacking people.”")
    assert s.content == "“It is time to stop attacking people.”"
    assert s.speaker.name == "Lund"


def test_after_seeing_is_no_statement() -> None:
    text = "Lund changed her plans after seeing the size of the crowd at the pier."
    assert all(s.cue != "seeing" for s in extract_statements(text))


def test_called_someone_a_quoted_word_after_an_opening_phrase() -> None:
    s = only("On Twitter, former Mayor Ada Lund called Berg “unhinged.”")
    assert s.content == "Berg “unhinged.”"
    assert s.speaker.name == "Ada Lund"


def test_called_the_plan_a_disgrace() -> None:
    s = only("In a statement, Ada Lund called the plan a disgrace.")
    assert s.content == "the plan a disgrace"


def test_called_the_office_a_day_later_is_no_statement() -> None:
    assert extract_statements("Ada Lund called the office a day later.") == []


def test_one_word_quotation_before_a_trailing_cue() -> None:
    s = only("“No,” replied Ada Lund.")
    assert s.content == "“No,”"
    assert s.speaker.name == "Ada Lund"


def test_one_word_quotation_then_a_frame_after_the_cue() -> None:
    s = only('"Absolutely," Lund said when asked by a reporter.')
    assert s.content == '"Absolutely,"'


def test_headline_speaker_to_audience_colon() -> None:
    s = only("Hillary Dunmore to Ferry Workers: The Harbour Will Stay Open")
    assert s.speaker.name == "Hillary Dunmore"
    assert s.content == "The Harbour Will Stay Open"


def test_headline_label_with_to_is_no_speaker() -> None:
    assert extract_statements("Back To School: The ferry was late again.") == []


def test_a_company_called_x_is_no_statement() -> None:
    text = "A company called Harmony Port gave $5,000 to the fund, records show."
    assert all(s.cue != "called" for s in extract_statements(text))


def test_a_website_called_a_quoted_name_is_no_statement() -> None:
    text = "Rob Lund has set up a website called “Oslo If Berg Wins” that pitches the island."
    assert all(s.cue != "called" for s in extract_statements(text))


def test_the_mayor_called_someone_something_still_speaks() -> None:
    s = only("The mayor called Berg a liar.")
    assert s.content == "Berg a liar"


def test_nothing_before_a_trailing_source_makes_no_inverted_piece() -> None:
    text = ", ministry say , said At At"
    for s in extract_statements(text):
        assert all(p.start < p.end for p in s.content_parts)


def test_inverted_attribution_inside_the_sentence_it_reports() -> None:
    text = "The paradox of the ferry, says Carl Lund, a historian at the port museum, is that it never made money."
    s = only(text)
    assert s.speaker.name == "Carl Lund"
    assert [text[p.start : p.end] for p in s.content_parts] == [
        "The paradox of the ferry",
        "is that it never made money",
    ]


def test_participle_with_a_time_after_a_noun_is_no_inverted_attribution() -> None:
    assert extract_statements("The tentative deal, announced Friday, would last four years.") == []
