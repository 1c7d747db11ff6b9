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


def test_dash_parenthetical_between_source_and_cue() -> None:
    s = only("Ana Lopes — who chairs the harbour board — said the cranes would be sold.")
    assert s.content == "the cranes would be sold"
    assert s.speaker.name == "Ana Lopes"


def test_spaced_double_hyphen_parenthetical_between_source_and_cue() -> None:
    s = only("Ana Lopes, head of the Dock Union -- which was founded in 1921 -- said the strike would go on.")
    assert s.content == "the strike would go on"
    assert s.speaker.name == "Ana Lopes"


def test_adjective_before_a_dash_parenthetical_is_no_source() -> None:
    text = "Her constant - and largely silent - support among dockers makes the mayor strong."
    assert all(s.speaker.surface != "Her constant" for s in extract_statements(text))


def test_told_an_audience_then_a_frame_is_a_trailing_attribution() -> None:
    s = only("The depot was never safe, Ana Lopes told the court in her filing.")
    assert s.content == "The depot was never safe"
    assert s.speaker.name == "Ana Lopes"


def test_told_a_thing_is_not_an_audience() -> None:
    text = "At the final service, held by the river, Father Ivo Stan told the old story of the flood."
    assert all(s.content != "At the final service, held by the river" for s in extract_statements(text))


def test_a_clause_opened_by_this_is_content_not_an_introduction() -> None:
    s = only("This is not about the money, Mayor Ines Varga told her closest advisers as the vote began.")
    assert s.content == "This is not about the money"


def test_bare_modifiers_before_a_trailing_speaker_noun() -> None:
    s = only("The ferry will not sail this winter, port authority officials say.")
    assert s.content == "The ferry will not sail this winter"
    assert s.speaker.surface == "port authority officials"


def test_plural_speaker_noun_after_an_opening_clause() -> None:
    s = only("If the rain keeps up, forecasters say the river will flood by Friday.")
    assert s.content == "the river will flood by Friday"
    assert s.speaker.surface == "forecasters"


def test_participle_after_a_comma_inside_the_closing_quotation_mark() -> None:
    text = "Ana Lopes called the plan a “costly detour,” adding that the council had ignored the engineers."
    statements = extract_statements(text)
    adding = [s for s in statements if s.cue == "adding"]
    assert len(adding) == 1
    assert adding[0].content == "that the council had ignored the engineers"
    assert adding[0].speaker.name == "Ana Lopes"
    called = [s for s in statements if s.cue == "called"]
    assert called and "adding" not in called[0].content


def test_including_appositive_after_a_plural_source() -> None:
    s = only("Several councillors, including Omar Beck, said the depot should stay open.")
    assert s.content == "the depot should stay open"
    assert s.speaker.surface == "Several councillors"


def test_many_of_them_appositive_after_a_source() -> None:
    s = only("His critics on the council, many of them farmers, argue that the canal is a waste.")
    assert s.content == "that the canal is a waste"
    assert s.speaker.surface == "His critics on the council"


def test_opening_phrase_then_which_appositive_speaks() -> None:
    s = only("Managers at Vantorix, which lost $2 million last year, say the plant will close.")
    assert s.content == "the plant will close"
    assert s.speaker.surface == "Managers at Vantorix"


def test_most_of_them_said() -> None:
    s = only("Before the strike, most of them said they liked the job.")
    assert s.content == "they liked the job"


def test_coordinated_cue_after_a_day() -> None:
    statements = extract_statements(
        "Mayor Ines Varga cut the budget and on Monday announced that the pool would close."
    )
    announced = [s for s in statements if s.cue == "announced"]
    assert len(announced) == 1
    assert announced[0].content == "that the pool would close"
    assert announced[0].speaker.name == "Ines Varga"


def test_relative_clause_after_a_passive_agent_is_its_own_statement() -> None:
    text = "The plan was praised by Ana Lopes, who noted that the port had grown."
    statements = extract_statements(text)
    noted = [s for s in statements if s.cue == "noted"]
    assert len(noted) == 1 and noted[0].content == "that the port had grown"
    assert noted[0].speaker.name == "Ana Lopes"
    assert all("noted" not in s.content for s in statements)


def test_quotation_goes_on_after_an_attribution_with_a_relative_clause() -> None:
    text = "“The pier is rotten,” said Ana Lopes, who wants a new one. “Nobody should walk on it.”"
    said = [s for s in extract_statements(text) if s.cue == "said"]
    assert len(said) == 1
    pieces = [text[p.start : p.end] for p in said[0].content_parts]
    assert pieces == ["“The pier is rotten,”", "“Nobody should walk on it.”"]
    assert all(s.cue is not None for s in extract_statements(text))  # no floating second quotation


def test_quotation_goes_on_after_an_attribution_with_a_participle() -> None:
    text = "“We start in May,” Omar Beck said, pointing to the map. “The first crane arrives in June.”"
    said = [s for s in extract_statements(text) if s.cue == "said"]
    assert len(said) == 1 and len(said[0].content_parts) == 2
    assert said[0].content_parts[1].start == text.index("“The first")


def test_pronoun_with_a_contracted_auxiliary_speaks() -> None:
    s = only("The levy was cut in May. She's argued that the harbour needs it.")
    assert s.content == "that the harbour needs it"
    assert s.speaker.span is not None and s.speaker.surface == "She"
    assert s.cue == "'s argued"


def test_contracted_it_is_still_content() -> None:
    s = only("It's a good plan, Ana Lopes said.")
    assert s.content == "It's a good plan"
    assert s.speaker.name == "Ana Lopes"


def test_agrees_inverts_like_says() -> None:
    s = only("“The rent is too high,” agrees Tomas Ruiz, a baker.")
    assert s.content == "“The rent is too high,”"
    assert s.speaker.name == "Tomas Ruiz"


def test_plural_scholars_speak() -> None:
    s = only("Election scholars caution that early turnout can mislead.")
    assert s.content == "that early turnout can mislead"


def test_in_someones_view_opens_a_statement() -> None:
    s = only("In Ana Lopes's view, the port should be sold to the city.")
    assert s.content == "the port should be sold to the city"
    assert s.speaker.name == "Ana Lopes"
    assert s.cue == "In Ana Lopes's view"


def test_in_his_view_resolves_the_possessive() -> None:
    statements = extract_statements("Mayor Tomas Ruiz spoke on Monday. In his view, the levy is too low.")
    view = [s for s in statements if s.cue == "In his view"]
    assert len(view) == 1
    assert view[0].content == "the levy is too low"
    assert view[0].speaker.name == "Tomas Ruiz"


def test_in_a_month_is_no_view() -> None:
    assert extract_statements("In March, the port was sold to the city.") == []


def test_a_projection_shows_that() -> None:
    s = only("A projection from the Harbour Institute shows that traffic could fall.")
    assert s.content == "that traffic could fall"


def test_continues_to_is_no_statement() -> None:
    assert extract_statements("Mayor Ines Varga continues to trail her rival by 300 votes.") == []


def test_continued_before_a_quotation_still_reports_it() -> None:
    s = only("Ines Varga continued, “The port will stay open.”")
    assert s.content == "“The port will stay open.”"
    assert s.speaker.name == "Ines Varga"


def test_long_frame_between_two_pieces_of_one_quotation() -> None:
    text = (
        "“Nobody wants the levy,” Omar Beck wrote in a long letter to the harbour board explaining the vote, "
        "“but the pier will not repair itself.”"
    )
    s = only(text)
    assert len(s.content_parts) == 2
    assert text[s.content_parts[1].start : s.content_parts[1].end] == "“but the pier will not repair itself.”"


def test_a_label_and_a_colon_is_no_speaker() -> None:
    assert extract_statements("Harbour Update: The latest count of ships in the bay.") == []


def test_a_poll_and_a_colon_still_reports() -> None:
    s = only("Poll: Most tenants want the levy scrapped.")
    assert s.content == "Most tenants want the levy scrapped"


def test_a_transcript_turn_runs_to_the_end_of_its_paragraph() -> None:
    text = "The debate went on.\n\nVARGA: The levy is too low. It has been too low for years. We will raise it.\n\nEnd."
    turn = [s for s in extract_statements(text) if s.cue == ":"]
    assert len(turn) == 1
    assert turn[0].content == "The levy is too low. It has been too low for years. We will raise it"


def test_an_earlier_report_in_a_paper_said() -> None:
    s = only("An earlier report in a county paper said that the dam had cracked.")
    assert s.content == "that the dam had cracked"


def test_more_than_six_in_ten_said() -> None:
    s = only("More than six in 10 said the ferry was too slow.")
    assert s.content == "the ferry was too slow"
    assert s.speaker.surface == "More than six in 10"


def test_semicolon_ends_the_frame_of_a_trailing_attribution() -> None:
    statements = extract_statements("Tolls must rise by a third, analysts say; in 2019, they rose by a tenth.")
    assert [s.content for s in statements] == ["Tolls must rise by a third"]


def test_a_source_close_to_him_said() -> None:
    s = only("The mayor will not run again, a source close to him said.")
    assert s.content == "The mayor will not run again"
    assert s.speaker.surface == "a source close to him"


def test_inverted_source_after_a_comma_inside_a_long_sentence() -> None:
    text = "The mill is holding on, but it is under pressure from imports, said the firm's chief executive, Ada Roy."
    s = only(text)
    assert s.content == "The mill is holding on, but it is under pressure from imports"
    assert s.speaker.name == "Ada Roy"


def test_inverted_source_with_a_relative_clause() -> None:
    s = only("Other agencies would take over its work, said Omar Beck, who was elected in 2012.")
    assert s.content == "Other agencies would take over its work"
    assert s.speaker.name == "Omar Beck"


def test_as_someone_put_it() -> None:
    s = only("As the harbour master put it, the pier is a hazard.")
    assert s.content == "the pier is a hazard"
    assert s.cue == "put it"
    assert s.speaker.surface == "the harbour master"


def test_as_someone_puts_it_with_a_quotation() -> None:
    s = only("As Ana Lopes puts it, “The pier is a hazard.”")
    assert s.content == "“The pier is a hazard.”"
    assert s.speaker.name == "Ana Lopes"


def test_as_someone_put_it_at_the_end_of_the_text_does_not_fail() -> None:
    assert extract_statements("As he puts it,") == []
