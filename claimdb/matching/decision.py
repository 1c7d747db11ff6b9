"""Decision: join an existing claim, or start a new claim with links, from the labelled comparison levels.

The decision is pure (levels in, decision out) so it can be tested without a database; `match_statement`
in `claimdb.matching.engine` feeds it candidates from the full-text index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from rapidfuzz import fuzz

from claimdb.extract.types import Figure
from claimdb.matching.comparisons import (
    NAMES_AGREE,
    Level,
    compare_claimant,
    compare_dates,
    compare_figures,
    compare_names,
    compare_polarity_profiles,
    compare_text_profiles,
    evidence_item_json,
    number_json,
    text_profile,
)
from claimdb.matching.settings import MatchSettings

Relation = Literal["paraphrase", "echo", "contradiction", "figure_change", "same_figure", "quoted_differently"]
LinkStatus = Literal["auto", "suggested"]


@dataclass(frozen=True, slots=True)
class NewStatement:
    """A statement about to be stored: its text, resolved claimant, date and figures."""

    text: str
    claimant_id: int | None = None
    said_on: date | None = None
    figures: tuple[Figure, ...] = ()
    # Claims it must neither join nor link: those of the same document's statements that share its words
    # (a statement nested in another, "X said Y told reporters that …": the same sentence, not a repeat).
    unrelated: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class ClaimView:
    """What the decision needs to know about an existing claim."""

    claim_id: int
    text: str
    claimant_id: int | None = None
    first_said_on: date | None = None
    last_said_on: date | None = None
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposedLink:
    """A link from the new statement's claim to an existing claim; `evidence` holds the labelled levels."""

    claim_id: int
    relation: Relation
    status: LinkStatus
    score: float
    evidence_json: str  # the levels as `json.dumps` writes them: what is stored

    @property
    def evidence(self) -> dict[str, object]:
        """The labelled levels (a fresh dict read from `evidence_json`)."""
        found: dict[str, object] = json.loads(self.evidence_json)
        return found


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Join `join_claim_id` (or, when None, create a new claim), then add `links` from that claim."""

    join_claim_id: int | None
    links: list[ProposedLink] = field(default_factory=list)
    join_evidence: dict[str, object] | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """All comparison levels between a new statement and one claim."""

    claim: ClaimView
    text: Level
    figures: Level
    polarity: Level
    claimant: Level
    date: Level
    content_words: int
    word_order: float  # ordered (character) similarity of the core texts: high only for repeats
    # "differs": each side names a place, person or body the other never mentions; read only for a comparison
    # that may become a join or a link (see `with_names`), None until then
    names: Level | None = None
    new_text: str = ""

    def _levels(self) -> tuple[Level, ...]:
        levels = (self.text, self.figures, self.polarity, self.claimant, self.date)
        return levels if self.names is None else (*levels, self.names)

    def with_names(self) -> Comparison:
        """This comparison with its names level read."""
        if self.names is not None:
            return self
        return replace(self, names=compare_names(self.new_text, self.claim.text) if self.new_text else NAMES_AGREE)

    def names_differ(self) -> bool:
        """Whether each side names something the other never mentions (read on demand)."""
        names = self.with_names().names
        return names is not None and names.level == "differs"

    def evidence(self) -> dict[str, object]:
        """The levels as a JSON-ready dict keyed by comparison name."""
        found: dict[str, object] = {level.comparison: level.as_evidence() for level in self._levels()}
        found["content_words"] = self.content_words
        found["word_order"] = round(self.word_order, 1)
        return found

    def evidence_json(self) -> str:
        """`json.dumps(self.evidence())`, built from the levels' cached JSON."""
        items = ", ".join(evidence_item_json(level) for level in self._levels())
        return (
            f'{{{items}, "content_words": {number_json(self.content_words)}, '
            f'"word_order": {number_json(round(self.word_order, 1))}}}'
        )


def compare(new: NewStatement, claim: ClaimView, settings: MatchSettings) -> Comparison:
    """Run every comparison between a new statement and an existing claim."""
    # Each text is normalized and split once (cached), not once per comparison.
    new_profile, claim_profile = text_profile(new.text), text_profile(claim.text)
    return Comparison(
        claim=claim,
        text=compare_text_profiles(new_profile, claim_profile, settings),
        figures=compare_figures(new.figures, claim.figures, settings, new_text=new.text, claim_text=claim.text),
        polarity=compare_polarity_profiles(new_profile, claim_profile),
        claimant=compare_claimant(new.claimant_id, claim.claimant_id),
        date=compare_dates(new.said_on, claim.first_said_on, claim.last_said_on, settings),
        content_words=min(new_profile.content_words, claim_profile.content_words),
        word_order=fuzz.ratio(new_profile.core, claim_profile.core),
        new_text=new.text,
    )


def _relation(c: Comparison, settings: MatchSettings) -> tuple[Relation, float] | None:
    """The relation a comparison supports and the similarity it rests on, or None when unrelated."""
    if c.content_words < settings.min_link_content_words:
        return None  # one word in common says nothing: "On Twitter", "to comment", "concerns"
    similarity = c.text.score or 0.0
    if c.polarity.level == "differs" and similarity >= settings.suggest_similarity:
        return "contradiction", similarity
    if c.figures.level == "changed" and similarity >= settings.suggest_similarity:
        return "figure_change", similarity
    if c.figures.level == "same" and similarity < settings.suggest_similarity:
        if similarity >= settings.same_figure_similarity and (c.figures.score or 0.0) > 0:
            return "same_figure", similarity  # loosely related wording around a figure that says something
        return None
    if similarity < settings.suggest_similarity:
        return None
    if c.claimant.level == "same":
        if c.date.level == "same_day" and c.word_order < settings.join_similarity:
            return "quoted_differently", similarity
        return "paraphrase", similarity
    if c.claimant.level == "different":
        return "echo", similarity
    return "paraphrase", similarity


def _may_auto(c: Comparison, similarity: float, settings: MatchSettings) -> bool:
    # near-identical wording about another place or person ("… the Voburg region" / "… the Maknespol region")
    # is left to a person
    return (
        similarity >= settings.auto_similarity
        and c.content_words >= settings.min_auto_content_words
        and not c.names_differ()
    )


def _joins(c: Comparison, settings: MatchSettings) -> bool:
    # Text similarity alone never merges: figures and polarity must agree, the claimant must be the same one,
    # and short statements are left to a person.
    return (
        c.claimant.level == "same"
        and c.word_order >= settings.join_similarity
        and c.polarity.level == "same"
        and c.figures.level in ("none", "same", "incomparable")
        and c.content_words >= settings.min_auto_content_words
        and not c.names_differ()
    )


def decide(
    comparisons: list[Comparison], settings: MatchSettings, *, already_linked: frozenset[int] = frozenset()
) -> MatchDecision:
    """Turn comparisons (any order) into a join or a new claim with at most `max_links` links."""
    ranked = sorted(comparisons, key=lambda c: (-(c.text.score or 0.0), c.claim.claim_id))
    join = next((c for c in ranked if _joins(c, settings)), None)
    links: list[ProposedLink] = []
    for c in ranked:
        if join is not None and (c is join or c.claim.claim_id in already_linked):
            continue
        found = _relation(c, settings)
        if found is None:
            continue
        relation, similarity = found
        c = c.with_names()  # a link shows its names level among the evidence
        status: LinkStatus = "auto" if _may_auto(c, similarity, settings) else "suggested"
        if relation in ("paraphrase", "quoted_differently") and c.claimant.level == "same" and join is None:
            # The same claimant saying nearly the same thing was not joined (short, or just below the join
            # threshold): a person decides.
            status = "suggested"
        links.append(ProposedLink(c.claim.claim_id, relation, status, round(similarity, 1), c.evidence_json()))
        if len(links) >= settings.max_links:
            break
    return MatchDecision(
        join_claim_id=join.claim.claim_id if join else None,
        links=links,
        join_evidence=join.with_names().evidence() if join else None,
    )
