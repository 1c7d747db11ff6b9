"""Invented multi-paragraph news articles of the shapes a quote corpus holds: alternating speakers, pronouns after
a quotation, surnames and titles for people named once, quotations with no speaker nearby, "she added"."""

from __future__ import annotations

from extractcases import PUB

from claimdb.extract import extract_statements


def _who(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker.name, s.kind) for s in extract_statements(text, PUB)]


def test_council_dispute_with_surnames_pronouns_and_a_floating_quote() -> None:
    text = (
        "The city council voted on Tuesday to close two libraries.\n\n"
        'Council member Rosa Delgado defended the cuts. "We simply do not have the money," she said.\n\n'
        "But Mark Feld, who heads the Friends of the Library group, said the council had ignored cheaper options. "
        '"They never even looked at shared buildings," Feld said.\n\n'
        "Delgado rejected that. She said the council had studied the options for six months.\n\n"
        '"This was not a rushed decision," she added.\n\n'
        'Feld was unmoved. "Six months of meetings is not the same as listening."\n\n'
        '"We will keep fighting," he said, "and we will win."'
    )
    assert _who(text) == [
        ("Rosa Delgado", "indirect"),
        ("Rosa Delgado", "direct"),
        ("Mark Feld", "indirect"),
        ("Mark Feld", "direct"),
        ("Rosa Delgado", "indirect"),
        ("Rosa Delgado", "direct"),
        ("Mark Feld", "direct"),
        ("Mark Feld", "direct"),
    ]


def test_minister_and_opposition_leader_alternate() -> None:
    text = (
        "Finance Minister Lars Berg defended his budget in parliament on Wednesday.\n\n"
        '"Not one krone of new tax," Berg told lawmakers.\n\n'
        'Opposition leader Ingrid Holm accused him of hiding cuts. "The minister is playing games," Holm said.\n\n'
        'Berg shrugged off the attack. "Ms. Holm has not read the budget," he said.\n\n'
        '"I have read every page," Holm replied.\n\n'
        'Ingrid Holm questioned the plan again. Lars Berg defended it. "It is fair," he said.\n\n'
        '"It is a disaster," she added.'
    )
    names = [name for name, _ in _who(text)]
    assert names == [
        "Lars Berg",
        "Lars Berg",
        "Ingrid Holm",
        "Ingrid Holm",
        "Lars Berg",
        "Ingrid Holm",
        "Ingrid Holm",
        "Lars Berg",
        "Ingrid Holm",
    ]


def test_two_ministers_told_apart_by_their_offices() -> None:
    text = (
        "Health Minister Ana Lopes and Education Minister Carl Dunn presented the plan. "
        "Lopes said hospitals would get more staff.\n\n"
        '"This is long overdue," the health minister said.\n\n'
        'Dunn said schools would benefit too. "Teachers have waited years," the education minister said.'
    )
    names = [name for name, _ in _who(text)]
    assert names[-4:] == ["Ana Lopes", "Ana Lopes", "Carl Dunn", "Carl Dunn"]


def test_company_and_its_chief_executive() -> None:
    text = (
        "Acme Corp. said on Monday it would cut 500 jobs. The company blamed falling demand.\n\n"
        '"This was a painful decision," chief executive Ron Vale said in a statement.\n\n'
        'Analysts were skeptical. "I have heard this before," said Tom Weiss, an analyst at Barclay Partners. '
        "He said the company's debt was still too high.\n\n"
        "Vale dismissed those concerns.\n\n"
        '"Our debt is under control. We will pay it down by 2026."'
    )
    assert [name for name, _ in _who(text)] == [
        "Acme Corp",
        "Acme Corp",
        "Ron Vale",
        "Tom Weiss",
        "Tom Weiss",
        "Ron Vale",
        "Ron Vale",
    ]
