"""Regression stories in the shape of wire copy (invented text): most quotes are direct, many speakers are
named once and then by pronoun, surname or title, some quotes have no speaker nearby at all."""

from __future__ import annotations

from datetime import date

from claimdb.extract import extract_statements
from claimdb.extract.types import Statement

PUB = date(2024, 3, 8)

STORY = """Health Minister Carla Mendes said on Monday that hospitals would hire more staff.

\u201cWe have hired 2,000 nurses since January,\u201d she said. \u201cMore are coming.\u201d

\u201cNobody will wait more than four hours,\u201d the minister added.

\u201cThat is a promise, not a hope.\u201d

Opposition leader Paul Dunn disagreed. \u201cThe figures are invented,\u201d he said.

\u201cThese nurses,\u201d Dunn said, \u201cexist only on paper.\u201d

\u201cThey were never hired,\u201d he added.

Mendes, asked about the criticism, told reporters she stood by every figure."""


def _by_content(statements: list[Statement], words: str) -> Statement:
    found = [s for s in statements if words in s.content]
    assert len(found) == 1, [(s.content, s.speaker.name) for s in statements]
    return found[0]


def test_story_speakers_by_pronoun_title_and_surname() -> None:
    statements = extract_statements(STORY, PUB)
    expected = {
        "hospitals would hire": ("Carla Mendes", "name"),
        "2,000 nurses": ("Carla Mendes", "pronoun"),
        "four hours": ("Carla Mendes", "title"),
        "not a hope": ("Carla Mendes", "title"),  # a quote paragraph with no speaker: the last one
        "figures are invented": ("Paul Dunn", "pronoun"),  # the sentence before was about him
        "exist only on paper": ("Paul Dunn", "name"),
        "never hired": ("Paul Dunn", "pronoun"),
        "every figure": ("Carla Mendes", "name"),
    }
    for words, (name, how) in expected.items():
        s = _by_content(statements, words)
        assert (s.speaker.name, s.speaker.attribution) == (name, how), words
    assert len(statements) == len(expected)
    # "asked about the criticism" is the question Mendes answered, not a statement of its own
    assert not any("the criticism" in s.content for s in statements)


def test_quote_continued_after_she_said_is_one_statement_in_two_pieces() -> None:
    s = _by_content(extract_statements(STORY, PUB), "2,000 nurses")
    assert s.kind == "direct"
    assert len(s.content_parts) == 2
    assert STORY[s.content_parts[1].start : s.content_parts[1].end] == "\u201cMore are coming.\u201d"


def test_quote_split_mid_sentence_by_he_said() -> None:
    s = _by_content(extract_statements(STORY, PUB), "exist only on paper")
    pieces = [STORY[p.start : p.end] for p in s.content_parts]
    assert pieces == ["\u201cThese nurses,\u201d", "\u201cexist only on paper.\u201d"]
    assert s.cue == "said"


def test_pronoun_does_not_cross_a_known_gender() -> None:
    text = (
        "Senator Ruth Okoye said the bill was dead.\n\n"
        "\u201cIt will not pass,\u201d she said.\n\n"
        "Governor Sam Ibe called that premature. \u201cWe have the votes,\u201d he said."
    )
    s = _by_content(extract_statements(text, PUB), "We have the votes")
    assert s.speaker.name == "Sam Ibe"


def test_name_particles_need_a_word_boundary() -> None:
    text = "Opposition leader Paul Dunn disagreed.\n\n\u201cThe plan failed,\u201d Dunn said."
    s = _by_content(extract_statements(text, PUB), "The plan failed")
    assert s.speaker.name == "Paul Dunn"


def test_quote_with_a_verb_outside_the_lexicon() -> None:
    text = "\u201cLet me finish,\u201d Dunn shot back.\n\nLind interjected, \u201cYou had your turn.\u201d"
    first, second = extract_statements(text, PUB)
    assert (first.speaker.name, first.content) == ("Dunn", "\u201cLet me finish,\u201d")
    assert (second.speaker.name, second.kind) == ("Lind", "direct")


def test_question_or_exclamation_quote_keeps_its_own_attribution() -> None:
    text = (
        "Host Dana Reyes asked about the budget.\n\n"
        "\u201cWho pays for it?\u201d Councillor Omar Vance said. \u201cNobody has told us.\u201d\n\n"
        "\u201cThat is simply false!\u201d Reyes replied.\n\n"
        "\u201cIs it fair?\u201d asked Vance."
    )
    statements = extract_statements(text, PUB)
    who_pays = _by_content(statements, "Who pays for it?")
    assert (who_pays.speaker.name, who_pays.speaker.attribution, who_pays.cue) == ("Omar Vance", "name", "said")
    assert "Nobody has told us." in who_pays.content  # the quotation goes on after its attribution
    assert _by_content(statements, "simply false").speaker.name == "Dana Reyes"
    assert _by_content(statements, "Is it fair?").speaker.name == "Omar Vance"


PRONOUN_STORY = """Mayor Helen Ortiz met union leaders on Tuesday. Building inspector Ray Duval joined them later.

Councillor Mark Stein spoke after the vote as he thanked the volunteers. \u201cThis town owes them,\u201d he said.

\u201cThe budget is fair,\u201d she said, defending the plan.

Consider the library. Ortiz said she would keep it open."""


def test_pronoun_takes_the_person_the_sentence_is_about() -> None:
    statements = extract_statements(PRONOUN_STORY, PUB)
    assert _by_content(statements, "owes them").speaker.name == "Mark Stein"
    # two men named since, but "she" is the mayor: given names tell the gender
    assert _by_content(statements, "budget is fair").speaker.name == "Helen Ortiz"
    # "Consider" opened a sentence; it is not a person a pronoun can point to
    assert _by_content(statements, "keep it open").speaker.name == "Helen Ortiz"


def test_pronoun_after_a_sentence_opened_by_another_pronoun() -> None:
    text = (
        "Senator Paul Reed backed the bill. He avoided any attack on Governor Tom Hart until Friday, "
        "when he said the delay was costly."
    )
    s = _by_content(extract_statements(text, PUB), "delay was costly")
    assert s.speaker.name == "Paul Reed"


def test_title_from_the_noun_phrase_before_an_appositive_name() -> None:
    text = (
        "The spokeswoman for the ministry, Ana Lopes, said the ward was clean. "
        "\u201cWe checked it twice,\u201d the spokeswoman added."
    )
    s = _by_content(extract_statements(text, PUB), "checked it twice")
    assert (s.speaker.name, s.speaker.attribution) == ("Ana Lopes", "title")


def test_the_governor_after_an_abbreviated_title_and_a_place_that_must_agree() -> None:
    text = (
        "Indiana Gov. Mark Pell said the plan works. The governor added that it was fair.\n\n"
        "\u201cIt is not fair,\u201d the Ohio governor said."
    )
    statements = extract_statements(text, PUB)
    assert _by_content(statements, "it was fair").speaker.name == "Mark Pell"
    assert _by_content(statements, "It is not fair").speaker.name != "Mark Pell"  # he governs Indiana


def test_quote_after_a_sentence_about_someone_else_is_theirs() -> None:
    text = (
        "Health Minister Carla Mendes said the ward would reopen.\n\n"
        "Opposition leader Paul Dunn was unimpressed.\n\n"
        "\u201cThis is nonsense. Nobody believes it.\u201d\n\n"
        "\u201cIt is a stunt.\u201d"
    )
    statements = extract_statements(text, PUB)
    assert _by_content(statements, "nonsense").speaker.name == "Paul Dunn"
    assert _by_content(statements, "a stunt").speaker.name == "Paul Dunn"  # the run of quotes stays his
    assert _by_content(statements, "would reopen").speaker.name == "Carla Mendes"


def test_pronoun_after_a_surname_named_only_after_a_quotation() -> None:
    text = (
        "Ukraine's defence minister spoke on Tuesday.\n\n"
        '"We will hold the line," Reznik said in a televised address.\n\n'
        '"Nobody will be left behind," he added.'
    )
    s = _by_content(extract_statements(text, PUB), "left behind")
    assert (s.speaker.name, s.speaker.attribution) == ("Reznik", "pronoun")


def test_surname_seen_mid_sentence_only_as_a_possessive_is_a_person() -> None:
    text = "Critics attacked Ortega\u2019s plan.\n\nOrtega spoke on Monday.\n\n\u201cIt works,\u201d he said."
    s = _by_content(extract_statements(text, PUB), "It works")
    assert (s.speaker.name, s.speaker.attribution) == ("Ortega", "pronoun")


PLANT_STORY = """Acme Corp said on Monday it would cut 400 jobs at its plant in Dover.

Union leader Raj Patel called the cuts a betrayal. \u201cThey promised us these jobs were safe,\u201d Patel said.

Asked about the union\u2019s complaint, the company did not reply.

Said Patel: \u201cWe will fight this in court.\u201d

\u201cWe will fight this,\u201d said Patel, \u201cin every court in the land.\u201d

Said Patel\u2019s deputy, Nora Lind, \u201cNobody here is giving up.\u201d"""


def test_cue_before_its_speaker_opens_the_sentence() -> None:
    statements = extract_statements(PLANT_STORY, PUB)
    court = _by_content(statements, "fight this in court")
    assert (court.speaker.name, court.cue, court.kind) == ("Raj Patel", "Said", "direct")
    assert court.content == "\u201cWe will fight this in court.\u201d"
    # the appositive names the deputy: she speaks, not Patel
    assert _by_content(statements, "giving up").speaker.name == "Nora Lind"


def test_inverted_attribution_inside_a_quotation_keeps_both_pieces() -> None:
    s = _by_content(extract_statements(PLANT_STORY, PUB), "every court")
    assert s.speaker.name == "Raj Patel"
    pieces = [PLANT_STORY[p.start : p.end] for p in s.content_parts]
    assert pieces == ["\u201cWe will fight this,\u201d", "\u201cin every court in the land.\u201d"]


def test_a_question_nobody_answered_is_no_statement() -> None:
    statements = extract_statements(PLANT_STORY, PUB)
    assert not any("complaint" in s.content or s.cue == "did not reply" for s in statements)
    declined = extract_statements("When asked whether the plant would close, the company declined to say.", PUB)
    assert [(s.speaker.name, s.content) for s in declined] == [("the company", "to say")]


FIRE_STORY = """Fire Chief Omar Haddad said crews had contained the blaze by noon.

\u201cWe were lucky,\u201d Haddad said. \u201cThe wind dropped.\u201d

\u201cI have never seen anything like it.\u201d Mayor Ben Cole toured the site. \u201cThey saved us,\u201d he said.

Governor Sam Ibe praised the crews. Senator Ruth Okoye asked why the warning came so late.

\u201cPeople had ten minutes to leave,\u201d the senator said.

The governor was unmoved. \u201cThe warning came as soon as it could.\u201d"""


def test_quote_opening_a_paragraph_is_the_paragraph_speakers() -> None:
    statements = extract_statements(FIRE_STORY, PUB)
    s = _by_content(statements, "never seen anything")
    assert s.speaker.name == "Ben Cole"  # not Haddad, the speaker of the paragraph before
    assert _by_content(statements, "The wind dropped").speaker.name == "Omar Haddad"


def test_quote_after_a_sentence_about_a_title_is_that_persons() -> None:
    statements = extract_statements(FIRE_STORY, PUB)
    assert _by_content(statements, "ten minutes").speaker.name == "Ruth Okoye"
    assert _by_content(statements, "as soon as it could").speaker.name == "Sam Ibe"


BUDGET_STORY = """The Congressional Budget Office said on Monday that the deficit would grow.

The budget office said spending on interest would double. \u201cThe trend is not sustainable,\u201d the office said.

Acme Corp said it would cut 400 jobs. It said in a statement that demand had fallen.

\u201cWe have no choice,\u201d the company said."""


def test_nominal_and_pronoun_references_to_a_named_organisation() -> None:
    statements = extract_statements(BUDGET_STORY, PUB)
    assert _by_content(statements, "interest would double").speaker.name == "Congressional Budget Office"
    assert _by_content(statements, "not sustainable").speaker.name == "Congressional Budget Office"
    assert _by_content(statements, "demand had fallen").speaker.name == "Acme Corp"
    assert _by_content(statements, "no choice").speaker.name == "Acme Corp"


def test_a_report_is_no_organisation_to_refer_back_to() -> None:
    text = "A new report said the poll was wrong. It said voters had changed their minds."
    second = _by_content(extract_statements(text, PUB), "changed their minds")
    assert second.speaker.name is None  # "it" is the report, which is not who speaks for anyone


def test_a_one_word_company_that_says_it_is_referred_to_by_it_and_the_company() -> None:
    text = (
        "Vantorix said on Monday it had fixed the flaw.\n\n"
        "\u201cCustomers are safe,\u201d the company said.\n\n"
        "It said in a blog post that no data had been lost.\n\n"
        "It refers to the bug as minor."
    )
    statements = extract_statements(text, PUB)
    assert _by_content(statements, "Customers are safe").speaker.name == "Vantorix"
    assert _by_content(statements, "no data had been lost").speaker.name == "Vantorix"
    # "it" before a cue that is no speech verb is mostly a thing ("it refers to", "it shows")
    assert all(s.speaker.name is None for s in statements if s.cue == "refers to")
