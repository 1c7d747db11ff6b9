"""Claim matching, staged like record linkage: blocking -> comparison levels -> decision.

Entry points: `match_statement` (ingest: join a claim or link a new one) and `rank_claims` ("have we seen
this?"). Thresholds live in `MatchSettings`.
"""

from claimdb.matching.comparisons import Level
from claimdb.matching.decision import MatchDecision, NewStatement, ProposedLink
from claimdb.matching.engine import match_statement
from claimdb.matching.lookup import RankedClaim, rank_claims
from claimdb.matching.settings import DEFAULT_SETTINGS, MatchSettings

__all__ = [
    "DEFAULT_SETTINGS",
    "Level",
    "MatchDecision",
    "MatchSettings",
    "NewStatement",
    "ProposedLink",
    "RankedClaim",
    "match_statement",
    "rank_claims",
]
