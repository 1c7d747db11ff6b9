"""Regression sentences for attribution variants added in extractor 0.4 (invented, not from evaluation data)."""

from __future__ import annotations

from datetime import date

from extractcases import PUB, only

from claimdb.extract import extract_statements


def test_according_to_inside_the_sentence_keeps_both_sides() -> None:
    text = "Ridership, according to the transit agency, has doubled since March."
    s = only(text)
    pieces = [text[p.start : p.end] for p in s.content_parts]
    assert pieces == ["Ridership", "has doubled since March"]
    assert s.speaker.span is not None and text[s.speaker.span.start : s.speaker.span.end] == "the transit agency"


def test_according_to_after_an_introduction() -> None:
    text = "In addition, according to the ministry, nine hundred nurses will be hired."
    s = only(text)
    assert s.content_parts[-1].end == text.index(" hired") + len(" hired")
    assert "nine hundred nurses will be hired" in s.content


def test_thats_according_to() -> None:
    s = only("That's according to a new survey of harbour workers.")
    assert s.content == "That"
    assert s.cue == "according to"


def test_according_to_with_a_colon() -> None:
    s = only("According to the mayor: the bridge will reopen in June.")
    assert s.content == "the bridge will reopen in June"


def test_infinitive_cue_takes_the_clause_subject() -> None:
    s = only("Councillor Ruth Abara went on to say that the depot should stay open.")
    assert s.content == "that the depot should stay open"
    assert s.speaker.name == "Ruth Abara"
    assert s.cue == "went on to say"
    s = only("Mayor Tomas Lee was quick to point out that fees had not risen.")
    assert s.content == "that fees had not risen"
    assert s.speaker.span is not None and s.speaker.span.start == 0


def test_infinitive_cue_without_a_clear_subject_is_skipped() -> None:
    statements = extract_statements("Minority and older voters appeared more likely to describe the plan as fair.", PUB)
    assert all("describe" not in (s.cue or "") for s in statements)


def test_more_phrasal_cues() -> None:
    s = only("Governor Ada Okoye took aim at the new toll on the coastal highway.")
    assert s.cue == "took aim at" and s.content == "the new toll on the coastal highway"
    s = only("Councillor Ruth Abara spoke out against the closure of the library.")
    assert s.cue == "spoke out against" and s.speaker.name == "Ruth Abara"


def test_relative_clause_sources() -> None:
    s = only("In the survey, fishermen who see the quota as unfair outnumbered the rest.")
    assert s.speaker.name == "fishermen" and s.cue == "see"
    text = "Senator Lena Ortiz of Halden, who has been hoping to win the coastal vote, said nothing."
    statements = extract_statements(text, PUB)
    hoping = [s for s in statements if s.cue == "has been hoping"]
    assert len(hoping) == 1 and hoping[0].content == "to win the coastal vote"
    assert hoping[0].speaker.name == "Lena Ortiz"


def test_naming_and_signing_cues() -> None:
    s = only("Governor Ada Okoye named Tomas Lee as her deputy for the coastal region.")
    assert s.cue == "named" and s.speaker.name == "Ada Okoye"
    assert s.content.startswith("Tomas Lee")
    s = only("Mayor Ivo Brandt signed the ferry ordinance after a long debate.")
    assert s.cue == "signed" and s.content.startswith("the ferry ordinance")


def test_ly_adjective_is_not_an_adverb_before_a_cue() -> None:
    statements = extract_statements("Ana Reyes, who hosts the popular weekly show, was not in the studio.", PUB)
    assert all(s.cue != "weekly show" and (s.speaker.name or "") != "the popular" for s in statements)


def test_stance_adjective_after_be() -> None:
    s = only("Governor Ada Okoye was critical of the new toll on the coastal highway.")
    assert s.cue == "was critical of" and s.content == "the new toll on the coastal highway"
    assert s.speaker.name == "Ada Okoye"
    s = only("The harbour workers are hopeful that the strike will end soon.")
    assert s.cue == "are hopeful" and s.content == "that the strike will end soon"


def test_raising_cue_content_includes_its_subject() -> None:
    text = "The harbour master, a regular at the fair, isn't expected to attend this year."
    s = only(text)
    assert s.speaker.name is None
    pieces = [text[p.start : p.end] for p in s.content_parts]
    assert pieces == ["The harbour master, a regular at the fair", "to attend this year"]


def test_complementiser_is_not_part_of_the_speaker() -> None:
    text = "Mayor Ivo Brandt argued that Republicans say the fares are too high."
    inner = [s for s in extract_statements(text, PUB) if s.cue == "say"]
    assert len(inner) == 1 and inner[0].speaker.span is not None
    assert text[inner[0].speaker.span.start : inner[0].speaker.span.end] == "Republicans"


def test_inverted_source_with_a_relative_clause() -> None:
    s = only('"It is going to be hard," said a longtime data expert who has worked for two campaigns.')
    assert s.kind == "direct" and s.content == '"It is going to be hard,"'
    assert s.speaker.span is not None


def test_with_noun_phrase_and_participle() -> None:
    text = "The mayor has improved his standing, with 30 percent of residents saying they trust him."
    said = [s for s in extract_statements(text, PUB) if s.cue == "saying"]
    assert len(said) == 1 and said[0].content == "they trust him"
    assert said[0].speaker.span is not None
    assert text[said[0].speaker.span.start : said[0].speaker.span.end] == "30 percent of residents"


def test_adding_a_quantity_is_not_saying_something() -> None:
    text = "The city will add 3,000 buses by 2027, Transport Commissioner Ana Ruiz announced on Monday."
    cues = [s.cue for s in extract_statements(text, PUB)]
    assert "will add" not in cues and "add" not in cues
    assert "announced" in cues
    assert not extract_statements("The company added $40 million to its budget.", PUB)
    said = extract_statements("Ruiz added that the buses would be electric.", PUB)
    assert [s.cue for s in said] == ["added"]
    assert said[0].content == "that the buses would be electric"


def test_a_day_at_the_edge_of_the_content_is_when_it_was_said() -> None:
    # 2024-05-17 is a Friday: "on Thursday" is the day before.
    promised = only("Health Minister Ana Ruiz promised on Thursday to open two new clinics in the north.")
    assert promised.content == "to open two new clinics in the north"
    assert promised.said_on == date(2024, 5, 16)
    defended = only("Mayor Tom Briggs defended the new parking fees on Thursday.")
    assert defended.content == "the new parking fees"
    assert defended.said_on == date(2024, 5, 16)
    kept = only("Briggs said the fees would rise on Monday.")  # the day of the fees, not of the words
    assert kept.content == "the fees would rise on Monday"
    assert kept.said_on == PUB


def test_a_group_at_the_start_of_a_sentence_is_anonymous_not_a_name() -> None:
    # Capitalised only because it opens the sentence: not a person called "Officials", nor "Texas".
    for text, name in (
        ("Officials in Texas said they had not been consulted.", "Officials in Texas"),
        ("Residents of Maui said the warning came too late.", "Residents of Maui"),
        ("Officials said the bridge would reopen.", "Officials"),
    ):
        speaker = only(text).speaker
        assert (speaker.name, speaker.kind) == (name, "anonymous")
    named = only("Senator Ally Smith said the bridge would reopen.").speaker
    assert (named.name, named.kind) == ("Ally Smith", "person")


def test_sources_close_to_someone_are_anonymous_not_that_someone() -> None:
    # The title after "close to" is not the source's: it must never lead to the minister as claimant.
    for text in (
        "Sources close to Ukraine's defence minister said he would resign.",
        "People familiar with the matter said the talks had stalled.",
        "A person close to the prime minister said the vote would be delayed.",
    ):
        speaker = only(text).speaker
        assert speaker.kind == "anonymous" and speaker.title is None, text


def test_headline_with_the_cue_as_second_word() -> None:
    s = only("Carter Says City Will Not Pay For The New Stadium.")
    assert (s.speaker.name, s.cue, s.content) == ("Carter", "Says", "City Will Not Pay For The New Stadium")


def test_name_after_a_description_and_after_a_party_tag() -> None:
    s = only("Another delegate on the Reyes slate, Jim Poolman, said he was only leaning Reyes.")
    assert (s.speaker.name, s.content) == ("Jim Poolman", "he was only leaning Reyes")
    s = only("Rep. Ellen Cobb (D-Md.), chair of the Rules Committee, said the hearing would be open.")
    assert (s.speaker.name, s.content) == ("Ellen Cobb", "the hearing would be open")


def test_a_named_poll_reports_what_the_sentence_says() -> None:
    s = only("In the new Lakeside poll, conducted March 11-13, 40 percent of likely voters favour the levy.")
    assert (s.content, s.cue) == ("40 percent of likely voters favour the levy", "In")
    assert s.speaker.name == "the new Lakeside poll"
    s = only("The mayor was at 25 percent support in the most recent Lakeside poll.")
    assert (s.content, s.speaker.name) == ("The mayor was at 25 percent support", "the most recent Lakeside poll")


def test_standing_in_the_polls_is_not_a_poll_finding() -> None:
    assert extract_statements("The mayor leads in the polls.", PUB) == []


def test_a_named_person_a_colon_and_a_quotation() -> None:
    quote = "\u201cLesser-known candidates gain the most.\u201d"
    s = only(f"The timing does not surprise Republican pollster Dara Shaw: {quote}")
    assert (s.speaker.name, s.kind, s.content) == ("Dara Shaw", "direct", quote)
    assert extract_statements("Then, the laugh line: \u201cI want to do this myself, but it is hard.\u201d", PUB) == []


def test_a_wire_dateline_is_not_the_speaker() -> None:
    for text in (
        "LISBON \u2014 Prime Minister Rui Sardo said on Monday that the budget was balanced.",
        "PORTO, Portugal (Reuters) - Mayor Ana Vilar met the families and said the port would reopen.",
        "New Haven (AP) \u2013 Governor Ed Lamont toured the site, saying the damage was severe.",
    ):
        statements = extract_statements(text, PUB)
        assert statements, text
        assert all(s.speaker.name in ("Rui Sardo", "Ana Vilar", "Ed Lamont") for s in statements), text


def test_remembered_inverts_and_maybe_is_no_name() -> None:
    text = "Lina Osei ran the firm.\n\n\u201cShe never gave up,\u201d remembered Paul Okafor, a former aide."
    statements = extract_statements(text, PUB)
    assert [(s.speaker.name, s.cue) for s in statements] == [("Paul Okafor", "remembered")]
    s = only("Maybe Governor Ruth Hale will say that the plan failed.")
    assert s.speaker.name == "Ruth Hale"


def test_a_description_before_a_given_name_is_not_part_of_the_name() -> None:
    text = "Striker Leo Abara scored twice.\n\n\u201cIt was for my mother,\u201d Abara said."
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Leo Abara"]
    # a given name the lists do not know stays: "Norbert Leo Butz" is one name
    assert only("Norbert Leo Butz said the show would close.").speaker.name == "Norbert Leo Butz"


def test_according_to_source_stops_before_the_word_introducing_its_day() -> None:
    from claimdb.extract import extract_statements

    text = (
        "Mayor Ann Lee said the council had wasted millions on the stadium project, according to a report "
        "released by the city auditor on Monday."
    )
    speakers = {s.speaker.name for s in extract_statements(text)}
    assert "a report released by the city auditor" in speakers
    assert not any(name and name.endswith(" on") for name in speakers)
