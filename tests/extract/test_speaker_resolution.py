"""Who speaks in multi-sentence news copy: names found once, then surnames, pronouns and descriptions."""

from __future__ import annotations

import time

from extractcases import PUB

from claimdb.extract import extract_statements
from claimdb.extract.speakers import ArticleContext


def test_a_long_capitalised_token_is_read_in_linear_time() -> None:
    # each start inside the token used to read to its end and back: 200,000 capitals took minutes
    text = "A" * 200_000 + ". Ann Lee said the plan failed. " + "Ab-" * 60_000 + ". Tom Brandt said it had worked."
    started = time.process_time()
    statements = extract_statements(text, PUB)
    assert time.process_time() - started < 5
    assert [s.speaker.name for s in statements] == ["Ann Lee", "Tom Brandt"]


def test_a_name_run_starts_a_word() -> None:
    text = "The anti-Donald Trump group met O'Brien Smith. ''Hillary Clinton will win,'' he said."
    context = ArticleContext.scan(text)
    assert [p.name for p in context.persons] == ["O'Brien Smith", "Hillary Clinton"]


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.content) for s in extract_statements(text, PUB)]


def test_a_floating_quote_after_an_appositive_name_is_that_persons() -> None:
    text = (
        'Mayor Ann Lee defended the budget. "It is balanced," she said. '
        'Her rival, Tom Brandt, was not convinced. "The numbers do not add up."'
    )
    assert _speakers(text)[-2:] == [("Ann Lee", '"It is balanced,"'), ("Tom Brandt", '"The numbers do not add up."')]


def test_who_is_not_convinced_holds_the_view() -> None:
    assert _speakers("Her rival, Tom Brandt, was not convinced the plan would work.") == [
        ("Tom Brandt", "the plan would work")
    ]
    assert _speakers('Her rival, Tom Brandt, was not convinced: "The numbers do not add up."') == [
        ("Tom Brandt", '"The numbers do not add up."')
    ]


def test_the_title_before_a_relative_clause_describes_the_appositive_name() -> None:
    (statement,) = extract_statements("The senator who represents the northern district, Maria Costa, said it failed.")
    assert (statement.speaker.name, statement.speaker.title) == ("Maria Costa", "senator")


def test_the_nationality_and_a_generic_office_refer_to_the_one_head_of_government() -> None:
    text = (
        "Prime Minister Mark Carney said on Friday that tariffs would hurt both countries. "
        "The Canadian leader said he would meet the president next week."
    )
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Mark Carney", "Mark Carney"]
    # a nationality nobody is known to have is not guessed for an office named by itself
    text = "President Sam Ortiz praised the deal. The French president said the deal was weak."
    assert extract_statements(text, PUB)[-1].speaker.name == "The French president"
    # a qualified role noun is no office: "the band leader" is not the president
    text = "Aides to President Sam Ortiz met. The band leader said the show would go on."
    assert extract_statements(text, PUB)[-1].speaker.name == "The band leader"


def test_according_to_a_document_published_on_a_day() -> None:
    for text in (
        "The agency cut its forecast, according to a memo published late Friday.",
        "According to a memo published on March 3, the agency will cut its forecast.",
    ):
        (statement,) = extract_statements(text, PUB)
        assert statement.speaker.name == "a memo", text
    (statement,) = extract_statements("Revenue fell, according to figures her campaign released on Monday.", PUB)
    assert statement.speaker.name == "figures"


def test_the_senator_from_a_state_is_a_senator_named_before() -> None:
    text = (
        "Sen. Maria Costa and Sen. Paul Reyes clashed over the bill on Thursday.\n\n"
        '"This bill will cut costs for families," Costa said.\n\n'
        'Reyes disagreed. "It hands money to insurers," he said. The senator from Ohio added that he would vote no.'
    )
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Maria Costa", "Paul Reyes", "Paul Reyes"]


def test_a_diplomat_is_the_ambassador_and_a_former_office_must_be_known() -> None:
    text = (
        "In an interview, former ambassador Helen Ward said the treaty was at risk.\n\n"
        "Asked whether she would advise the administration, the former diplomat said she had not been approached."
    )
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Helen Ward", "Helen Ward"]
    text = 'President Joe Biden spoke first. "We were there first," the former president said.'
    assert extract_statements(text, PUB)[-1].speaker.name != "Joe Biden"


def test_a_sentence_of_attribution_after_a_quotation_closed_by_a_full_stop() -> None:
    text = (
        "Mayor Ann Lee spoke first. Her deputy listened.\n\n"
        "\u201cI hope you are able to find the emails that are missing.\u201d Tom Brandt said.\n\n"
        "\u201cShe asked us, \u2018What can I do? What help do you need?\u2019\u201d Weaver said."
    )
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Tom Brandt", "Weaver"]
    # a sentence that goes on after the cue is a statement of its own
    text = "Mayor Ann Lee spoke first.\n\n\u201cWe will win.\u201d Tom Brandt said the party was ready."
    assert [s.content for s in extract_statements(text, PUB)] == ["\u201cWe will win.\u201d", "the party was ready"]


def test_an_office_seen_with_a_surname_names_the_person_for_the_title_later() -> None:
    text = (
        "Chris Holt spoke first. Holt said the bridge was open. Aides to Gov. Holt agreed.\n\n"
        "The governor said he had no regrets."
    )
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Chris Holt", "Chris Holt"]
    # no full name in the article: the surname
    text = "Aides to President Varga met on Monday. The president said the talks would go on."
    assert extract_statements(text, PUB)[-1].speaker.name == "Varga"
    # another person with the surname, and "Mr. Varga" besides: the office is not hers
    text = (
        "Anna Varga spoke at the dinner. Mr. Varga listened. Aides to President Varga met on Monday. "
        "The president said the talks would go on."
    )
    assert extract_statements(text, PUB)[-1].speaker.name != "Anna Varga"
    # "Mayor Bill de Blasio" is no "Mayor Bill"
    text = "Mayor Bill de Blasio spoke first. The mayor said the budget was fair."
    assert [s.speaker.name for s in extract_statements(text, PUB)] == ["Bill de Blasio"]


def test_a_perfect_participle_clause_is_said_by_the_main_clause_subject() -> None:
    text = "Having announced that he would not send me to prison, Judge Ann Berman proceeded to hand down her sentence."
    (statement,) = extract_statements(text, PUB)
    assert (statement.speaker.name, statement.content) == ("Ann Berman", "that he would not send me to prison")


def test_shot_back_and_fired_back_before_a_quotation() -> None:
    text = (
        "When former Gov. Jerry Brown criticized her husband during a debate, Ann Lee shot back, "
        "\u201cI suppose I could have stayed home.\u201d"
    )
    assert extract_statements(text, PUB)[-1].speaker.name == "Ann Lee"
    (statement,) = extract_statements('Lee fired back: "This is nonsense."', PUB)
    assert (statement.speaker.name, statement.cue) == ("Lee", "fired back")
    # without a colon, a quotation or a that-clause, nothing was said
    assert extract_statements("Lee fired back in a statement on Monday.", PUB) == []


def test_an_opening_subordinate_clause_ends_before_the_main_speaker() -> None:
    text = "When Jerry Brown criticized the plan, Ann Lee said it would work."
    assert [(s.speaker.name, s.content) for s in extract_statements(text, PUB)] == [
        ("Jerry Brown", "the plan"),
        ("Ann Lee", "it would work"),
    ]
