"""A negation makes a contradiction only when the other side says what is negated."""

from __future__ import annotations

from datetime import date

from claimdb.matching.comparisons import compare_polarity
from claimdb.matching.decision import ClaimView, NewStatement, compare, decide
from claimdb.matching.settings import MatchSettings

LONG = (
    "his plan of not allowing foreign trawlers into the bay, citing a survey by the fisheries institute that "
    "found stocks of cod had collapsed along the northern coast"
)
SHORT = "a survey by the fisheries institute found stocks of cod had collapsed along the northern coast"


def test_a_negation_outside_the_shared_wording_is_no_contradiction() -> None:
    level = compare_polarity(LONG, SHORT)
    assert level.level == "outside", level
    assert "not allowing" in level.label


def test_a_negation_of_the_shared_words_still_contradicts() -> None:
    assert compare_polarity("the survey did not find that cod stocks had collapsed", SHORT).level == "differs"
    assert compare_polarity("We never raised the harbour fees", "We raised the harbour fees").level == "differs"
    assert compare_polarity("He denied it", "He took the money").level == "differs"  # nothing to check after


def test_the_decision_links_no_contradiction_for_a_negation_elsewhere() -> None:
    claim = ClaimView(
        claim_id=7, text=SHORT, claimant_id=1, first_said_on=date(2024, 3, 1), last_said_on=date(2024, 3, 1), figures=()
    )
    new = NewStatement(text=LONG, claimant_id=1, said_on=date(2024, 3, 2), figures=())
    decision = decide([compare(new, claim, MatchSettings())], MatchSettings())
    assert all(link.relation != "contradiction" for link in decision.links), decision.links


def test_an_irregular_past_is_the_negated_verb() -> None:
    level = compare_polarity(
        "Our air defence did not shoot down the missiles", "Our air defence shot down the missiles"
    )
    assert level.level == "differs"
