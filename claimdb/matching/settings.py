"""Every threshold of the matching engine, named, in one frozen settings object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Thresholds for blocking, comparison levels, the decision tiers and the "have we seen this?" ranking.

    Text similarities are on rapidfuzz's 0-100 scale and are computed on the *core* text (numbers and
    negation words removed), so figures and polarity are judged only by their own comparisons.
    """

    # blocking
    candidates: int = 50  # top K claims from the full-text index per statement
    # Claims sharing only one of the statement's rare terms are read while fewer than this many are read, when
    # its rare terms rank the candidates (see `candidate_claims`): the cost stays flat as the archive grows.
    candidate_budget: int = 12
    compared: int = 10  # of those, the most similar by a quick rapidfuzz score get the full comparisons
    blocking_terms: int = 3  # OR of this many rarest stems (flat cost as the archive grows)
    prefilter_margin: float = 15.0  # candidates this far below every relation's threshold are not compared

    # text similarity levels
    text_exact: float = 99.5
    text_very_high: float = 92.0
    text_high: float = 80.0
    text_medium: float = 65.0

    # decision
    join_similarity: float = 92.0  # same claimant, word-order similarity this high: join the existing claim
    auto_similarity: float = 90.0  # a link above this is `auto` (when the guards allow)
    suggest_similarity: float = 75.0  # a link between this and auto is `suggested`
    same_figure_similarity: float = 50.0  # shared figure with loosely related wording (always suggested)
    min_auto_content_words: int = 8  # shorter statements never auto-merge nor auto-link
    min_link_content_words: int = 2  # a statement of one content word ("On Twitter", "comment") links nothing
    max_links: int = 5  # links proposed per statement, best first

    # figures
    figure_relative_tolerance: float = 0.005  # 20.0% and 20.05% are the same figure
    # dates
    same_occasion_days: int = 1  # a quote reported differently on the same occasion: quoted_differently
    recent_days: int = 31

    # "have we seen this?" ranking (fitted on CheckThat! 2020 train, checked on dev)
    rank_candidates: int = 100
    rank_text_weight: float = 1.0  # bm25 column weights: canonical text, title
    rank_title_weight: float = 1.0


DEFAULT_SETTINGS = MatchSettings()
