"""Re-scoring the full-text candidates of `rank_claims`: character 4-grams, static vectors, rank fusion.

Pure functions over candidate texts, no database. The full-text index ranks by whole stems; posts are full
of misspellings, glued words and names written as handles, which character 4-grams still match. Their
weights come from the candidate pool itself (a 4-gram in every candidate says nothing about which one is
right), so no collection-wide statistics are needed and the cost stays flat as the archive grows. Static
word-piece vectors (`static_vectors.py`, distilled from MiniLM, pure Python) add what neither sees: words
of like meaning ("mum", "mother"), by default as one cosine of the post with the claim and its title read
as one text.
Measured figures and how the constants were chosen: docs/matching.md.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimdb.matching.text import STOPWORDS, normalize

GRAM = 4


@dataclass(frozen=True, slots=True)
class RankingSettings:
    """Constants of the "have we seen this?" re-ranking, fitted on CheckThat! 2020 train only."""

    rescored: int = 30  # full-text candidates re-scored with character 4-grams (the rest keep bm25 order)
    gram_weight: float = 1.25  # score = bm25 / best bm25 + gram_weight * (4-gram cosine vs claim + vs title)
    # ... + static_claim_weight * static-vector cosine vs claim + static_title_weight * vs title
    # + static_pair_weight * vs claim and title read as one text (all three 0: static vectors off)
    static_claim_weight: float = 0.0
    static_title_weight: float = 0.0
    static_pair_weight: float = 2.0
    semantic_depth: int = 100  # full-text candidates the semantic stage re-ranks
    semantic_gram_weight: float = 1.0  # gram_weight of the lexical order that the semantic stage fuses
    fusion_k: float = 5.0  # reciprocal-rank fusion constant: 1 / (k + rank), rank from 0


DEFAULT_RANKING = RankingSettings()


@lru_cache(maxsize=32768)
def char_grams(text: str) -> Counter[str]:
    """Character 4-grams of the content words of `text`, each word padded with a space on both sides."""
    grams: Counter[str] = Counter()
    for word in normalize(text).split():
        if word in STOPWORDS:
            continue
        padded = f" {word} "
        grams.update(padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1))
    return grams


def _weighted(grams: Counter[str], idf: Mapping[str, float], unseen: float) -> dict[str, float]:
    vector = {g: (1.0 + math.log(n)) * idf.get(g, unseen) for g, n in grams.items()}
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {g: x / norm for g, x in vector.items()} if norm else {}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


def gram_similarities(query: str, documents: Sequence[tuple[str, str | None]]) -> list[tuple[float, float]]:
    """Cosine of `query` with each (claim, title) pair over character 4-grams, tf-idf weighted within the pool.

    A title that is missing scores 0.
    """
    pool = [(char_grams(claim), char_grams(title or "")) for claim, title in documents]
    frequency: Counter[str] = Counter()
    for claim_grams, title_grams in pool:
        frequency.update(claim_grams.keys() | title_grams.keys())
    size = len(pool)
    idf = {g: math.log((size + 1) / (0.5 + n)) for g, n in frequency.items()}
    # A query 4-gram no candidate has gets the highest weight: a post with much that no candidate shares
    # matches all of them less, which leaves more of the decision to bm25.
    query_vector = _weighted(char_grams(query), idf, math.log((size + 1) / 0.5))
    return [
        (
            _cosine(query_vector, _weighted(claim_grams, idf, 0.0)),
            _cosine(query_vector, _weighted(title_grams, idf, 0.0)),
        )
        for claim_grams, title_grams in pool
    ]


@dataclass(frozen=True, slots=True)
class Rescored:
    """The re-scored head's score of one candidate and its parts (the static cosines are None when off)."""

    score: float
    grams_claim: float
    grams_title: float
    static_claim: float | None = None
    static_title: float | None = None
    static_pair: float | None = None


def rescore(
    query: str,
    documents: Sequence[tuple[str, str | None]],
    bm25: Sequence[float],
    settings: RankingSettings = DEFAULT_RANKING,
) -> list[Rescored]:
    """Scores of the first `settings.rescored` documents (best bm25 first): bm25, 4-grams and static vectors.

    `bm25` are the full-text scores (higher is better) in the same order as `documents`. The static vectors
    (`static_vectors.py`, pure Python) add word meaning: "mum" is close to "mother", which neither bm25
    nor 4-grams can see.
    """
    head = min(settings.rescored, len(documents))
    if head == 0:
        return []
    best = max(bm25[:head]) or 1.0
    grams = gram_similarities(query, documents[:head])
    lexical = [
        score / best + settings.gram_weight * (claim + title)
        for score, (claim, title) in zip(bm25[:head], grams, strict=True)
    ]
    if not settings.static_claim_weight and not settings.static_title_weight and not settings.static_pair_weight:
        return [Rescored(score, claim, title) for score, (claim, title) in zip(lexical, grams, strict=True)]
    from claimdb.matching import static_vectors

    pairs = list(documents[:head])
    static: list[tuple[float | None, float | None]] = [(None, None)] * head
    if settings.static_claim_weight or settings.static_title_weight:
        static = list(static_vectors.similarities(query, pairs))
    paired: list[float | None] = [None] * head
    if settings.static_pair_weight:
        paired = list(static_vectors.pair_similarities(query, pairs))
    results = []
    for score, (claim, title), (static_claim, static_title), static_pair in zip(
        lexical, grams, static, paired, strict=True
    ):
        if static_claim is not None and static_title is not None:
            score += settings.static_claim_weight * static_claim + settings.static_title_weight * static_title
        if static_pair is not None:
            score += settings.static_pair_weight * static_pair
        results.append(Rescored(score, claim, title, static_claim, static_title, static_pair))
    return results


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: float) -> dict[int, float]:
    """Fuse several rankings of the same items (best first): each item gets the sum of 1 / (k + rank)."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused
