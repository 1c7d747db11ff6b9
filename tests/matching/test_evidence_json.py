"""A link's evidence is stored as the JSON text `json.dumps` would write for its evidence dict."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdb.matching.comparisons import Level
from claimdb.matching.decision import ClaimView, Comparison, NewStatement, compare, decide
from claimdb.matching.settings import DEFAULT_SETTINGS

SCORES = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False), st.integers(-5, 500).map(float))


def _level(comparison: str) -> st.SearchStrategy[Level]:
    return st.builds(Level, st.just(comparison), st.text(max_size=12), st.text(max_size=40), SCORES)


@settings(deadline=None)
@given(
    text=_level("text"),
    figures=_level("figures"),
    polarity=_level("polarity"),
    claimant=_level("claimant"),
    when=_level("date"),
    content_words=st.integers(0, 10_000),
    word_order=st.floats(0, 100),
)
def test_evidence_json_is_json_dumps_of_the_evidence(
    text: Level,
    figures: Level,
    polarity: Level,
    claimant: Level,
    when: Level,
    content_words: int,
    word_order: float,
) -> None:
    comparison = Comparison(ClaimView(1, "x"), text, figures, polarity, claimant, when, content_words, word_order)
    assert comparison.evidence_json() == json.dumps(comparison.evidence())


def test_proposed_links_carry_their_evidence_as_json() -> None:
    new = NewStatement("Russia has annexed about 20% of Ukraine’s territory, the minister said", 1)
    claims = [
        ClaimView(2, "Russia has annexed about 15% of Ukraine’s territory", 1),
        ClaimView(3, "Russia has not annexed any of Ukraine’s territory", 2),
        ClaimView(4, "Russia annexed about 20 % of the territory of Ukraine — the minister", 3),
    ]
    comparisons = {claim.claim_id: compare(new, claim, DEFAULT_SETTINGS) for claim in claims}
    decision = decide(list(comparisons.values()), DEFAULT_SETTINGS)
    assert len(decision.links) >= 2
    for link in decision.links:
        # a link's evidence also holds its names level, read only for links
        assert link.evidence_json == json.dumps(comparisons[link.claim_id].with_names().evidence())
        assert link.evidence == comparisons[link.claim_id].with_names().evidence()
        assert link.evidence["names"] == {
            "level": "same",
            "label": "no name on one side that the other lacks",
            "score": None,
        }
