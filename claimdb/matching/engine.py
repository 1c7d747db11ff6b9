"""`match_statement`: the ingest-time decision for a new statement (join a claim, or link a new one).

Candidates come only through `claimdb.db.claim_index`, so matching never scans all claims.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlalchemy.orm import Session

from claimdb.db import claim_index
from claimdb.matching.decision import ClaimView, MatchDecision, NewStatement, compare, decide
from claimdb.matching.settings import DEFAULT_SETTINGS, MatchSettings


@lru_cache(maxsize=16384)
def _processed(claim_text: str) -> str:
    # The same claims come back as candidates for statement after statement: process each text once.
    return default_process(claim_text)


def _scores(query: str, choices: list[str], scorer: Callable[..., float]) -> list[float]:
    # One call into rapidfuzz for all candidates: the same scores as a call per pair, less Python per pair.
    found = [0.0] * len(choices)
    for _, score, index in process.extract(query, choices, scorer=scorer, processor=None, limit=None):
        found[index] = score
    return found


def _quick_similarities(new_words: str, claim_texts: list[str]) -> list[float]:
    """0.5 * token_sort_ratio + 0.5 * token_set_ratio of the processed texts, for each claim text."""
    claim_words = [_processed(text) for text in claim_texts]
    by_sort = _scores(new_words, claim_words, fuzz.token_sort_ratio)
    by_set = _scores(new_words, claim_words, fuzz.token_set_ratio)
    return [0.5 * sort_score + 0.5 * set_score for sort_score, set_score in zip(by_sort, by_set, strict=True)]


def match_statement(session: Session, new: NewStatement, settings: MatchSettings = DEFAULT_SETTINGS) -> MatchDecision:
    """Decide whether a new statement joins an existing claim, and which links its claim gets.

    The caller applies the decision: join `join_claim_id` or create a claim, then store each link between
    that claim and `link.claim_id`.
    """
    candidates = claim_index.candidate_claims(
        session, new.text, k=settings.candidates, budget=settings.candidate_budget, max_terms=settings.blocking_terms
    )
    if new.unrelated:
        candidates = [c for c in candidates if c.claim_id not in new.unrelated]
    # Candidates whose wording is too far for any relation are dropped before the full comparisons.
    # A cheap raw-text score (C speed) with a margin for the numbers and negations the core text leaves out.
    floor = min(settings.same_figure_similarity, settings.suggest_similarity) - settings.prefilter_margin
    new_words = default_process(new.text)
    similarities = _quick_similarities(new_words, [c.canonical_text for c in candidates])
    scored = list(zip(similarities, candidates, strict=True))
    scored.sort(key=lambda pair: -pair[0])
    candidates = [c for score, c in scored[: settings.compared] if score >= floor]
    if not candidates:
        return MatchDecision(join_claim_id=None, links=[])
    figures = claim_index.claim_figures(session, (c.claim_id for c in candidates))
    comparisons = [
        compare(
            new,
            ClaimView(
                claim_id=c.claim_id,
                text=c.canonical_text,
                claimant_id=c.claimant_id,
                first_said_on=c.first_said_on,
                last_said_on=c.last_said_on,
                figures=figures.get(c.claim_id, ()),
            ),
            settings,
        )
        for c in candidates
    ]
    decision = decide(comparisons, settings)
    if decision.join_claim_id is None:
        return decision
    # Joining an existing claim: never re-propose a pair that already has a link (a rejected one included).
    linked = frozenset(claim_index.linked_claim_ids(session, decision.join_claim_id))
    if not linked:
        return decision
    return decide(comparisons, settings, already_linked=linked)
