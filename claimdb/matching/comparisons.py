"""Comparisons between a new statement and a candidate claim, each giving a level with a readable label.

Like splink's comparison levels: the level is what the decision reads, the label is what a reviewer sees
as evidence ("figures differ: more than 500 square kilometre -> 600 square kilometre").
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from claimdb.extract.types import Figure
from claimdb.matching.figures import describe, figures_in, normalize_unit
from claimdb.matching.settings import MatchSettings
from claimdb.matching.text import NEGATIONS, STOPWORDS, normalize


@dataclass(frozen=True, slots=True)
class Level:
    """One comparison's outcome: which comparison, its level, a label for reviewers and an optional score."""

    comparison: str
    level: str
    label: str
    score: float | None = None

    def as_evidence(self) -> dict[str, object]:
        """The JSON-ready form stored in `claim_links.evidence`."""
        return {"level": self.level, "label": self.label, "score": self.score}


@lru_cache(maxsize=8192)
def evidence_item_json(level: Level) -> str:
    """`"comparison": {level as evidence}` exactly as `json.dumps` writes that item of an evidence dict.

    Links are stored with their evidence as JSON text, and the same levels recur link after link ("same
    claimant", "both affirmative", "wording very high (97/100)"): each is encoded once.
    """
    return f"{json.dumps(level.comparison)}: {json.dumps(level.as_evidence())}"


def number_json(value: float) -> str:
    """A number as `json.dumps` writes it."""
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return repr(value)
    return json.dumps(value)


# Levels that carry no detail are shared: a Level is immutable, and building one costs more than comparing.
_NO_FIGURES = Level("figures", "none", "no figures on either side")
_ONLY_NEW_HAS_FIGURES = Level("figures", "missing", "only the new statement has figures")
_ONLY_CLAIM_HAS_FIGURES = Level("figures", "missing", "only the existing claim has figures")
_FIGURES_INCOMPARABLE = Level("figures", "incomparable", "figures in different units")
_BOTH_NEGATED = Level("polarity", "same", "both negated")
_BOTH_AFFIRMATIVE = Level("polarity", "same", "both affirmative")
_CLAIMANT_UNKNOWN = Level("claimant", "unknown", "claimant unknown on one side")
_SAME_CLAIMANT = Level("claimant", "same", "same claimant")
_DIFFERENT_CLAIMANTS = Level("claimant", "different", "different claimants")
_DATE_UNKNOWN = Level("date", "unknown", "date unknown")
NAMES_AGREE = Level("names", "same", "no name on one side that the other lacks")


# --- text ---------------------------------------------------------------------------------------------------

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejects?|rejected|refutes?|refuted|dismiss(?:es|ed)?|false(?:ly)?|"
    r"untrue|baseless|groundless)\b"
)
_NUMBERISH = re.compile(r"^\d+(?:[.,]\d+)*$")
_NEGATION_WORDS = NEGATIONS | {"n't", "nt"}


# What each normalized word is to the comparisons: 1 = number, 2 = negation or denial cue, 4 = content word.
_word_kinds: dict[str, int] = {}
_WORD_KINDS_MAX = 200_000


def _word_kind(word: str) -> int:
    kind = _word_kinds.get(word)
    if kind is None:
        kind = 0
        if _NUMBERISH.match(word):
            kind |= 1
        if word in _NEGATION_WORDS or word.endswith("n't") or _DENIAL.match(word):
            kind |= 2
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            kind |= 4
        if len(_word_kinds) >= _WORD_KINDS_MAX:
            _word_kinds.clear()
        _word_kinds[word] = kind
    return kind


@dataclass(frozen=True, slots=True)
class TextProfile:
    """What the comparisons read from one text, worked out in one pass over its normalized words."""

    normalized: str
    core: str  # see core_text
    negation_cues: tuple[str, ...]  # see negation_cues
    content_words: int  # see content_word_count
    negated: tuple[str, ...] = ()  # the first content word after each cue: what is negated ("annexed")


@lru_cache(maxsize=16384)
def text_profile(text: str) -> TextProfile:
    """The normalized form, core text, negation cues and content-word count of a text (cached)."""
    normalized = normalize(text)
    tokens = normalized.split()
    kept = []
    cues = []
    negated = []
    content = 0
    kinds = _word_kinds
    for i, word in enumerate(tokens):
        kind = kinds.get(word)
        if kind is None:
            kind = _word_kind(word)
        if kind & 2:
            cues.append(" ".join(tokens[i : i + 2]))
            after = (w for w in tokens[i + 1 : i + 4] if (kinds.get(w) or _word_kind(w)) & 6 == 4)
            negated.append(next(after, ""))
        elif not kind & 1:
            kept.append(word)
        if kind & 4:
            content += 1
    return TextProfile(normalized, " ".join(kept), tuple(cues), content, tuple(negated))


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


_TOKEN = re.compile(r"\S+")
_SENTENCE_END = (".", "!", "?", ":", "\u201d", '"')


def proper_names(text: str) -> frozenset[str]:
    """The normalized capitalised words of `text` that do not open a sentence ("Voburg", "Nato"): the places,
    people and bodies a claim is about."""
    names = set()
    opening = True
    for match in _TOKEN.finditer(text):
        token = match.group()
        word = token.strip("\"'\u201c\u201d\u2018\u2019()[],;:.!?")
        if word[:1].isupper() and not opening:
            for part in normalize(word).split():
                part = _without_possessive(part)
                if part not in STOPWORDS and not part.isdigit():
                    names.add(part)
        opening = token.endswith(_SENTENCE_END) or token in ("-", "\u2014", "\u2013")
    return frozenset(names)


@lru_cache(maxsize=4096)
def _names_and_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(_without_possessive(w) for w in text_profile(text).normalized.split())
    return proper_names(text), words


def compare_names(new_text: str, claim_text: str) -> Level:
    """`differs` when each text names something the other never mentions ("the Voburg region" / "the
    Maknespol region"): near-identical wording about another place, person or body is not the same claim.

    Only links and joins need it (it decides whether they may be automatic), so it is not part of `compare`'s
    every comparison: reading the names costs about 10 µs per text.
    """
    new_names, new_words = _names_and_words(new_text)
    claim_names, claim_words = _names_and_words(claim_text)
    only_new = new_names - claim_words
    if not only_new:
        return NAMES_AGREE
    only_claim = claim_names - new_words
    if not only_claim:
        return NAMES_AGREE
    shown = (", ".join(name.capitalize() for name in sorted(names)[:3]) for names in (only_new, only_claim))
    return Level("names", "differs", "names differ: {} / {}".format(*shown))


def core_text(text: str) -> str:
    """Normalized text without numbers, negations and denial words: what is left to compare as wording."""
    return text_profile(text).core


def text_similarity(a: str, b: str) -> float:
    """0-100 similarity of two core texts, insensitive to word order (the mean of token_sort and token_set)."""
    if not a or not b:
        return 0.0
    return 0.5 * fuzz.token_sort_ratio(a, b) + 0.5 * fuzz.token_set_ratio(a, b)


def ordered_similarity(a: str, b: str) -> float:
    """0-100 character similarity that respects word order: a repeat scores high, a reworded claim does not."""
    return fuzz.ratio(core_text(a), core_text(b))


def compare_text(new_text: str, claim_text: str, settings: MatchSettings) -> Level:
    """Text similarity level on the core wording (figures and polarity are compared separately)."""
    return compare_text_profiles(text_profile(new_text), text_profile(claim_text), settings)


def compare_text_profiles(new: TextProfile, claim: TextProfile, settings: MatchSettings) -> Level:
    """`compare_text` on texts already profiled."""
    if new.normalized == claim.normalized:
        return _SAME_WORDS
    score = round(text_similarity(new.core, claim.core), 1)
    return _text_level(score, settings.text_exact, settings.text_very_high, settings.text_high, settings.text_medium)


_SAME_WORDS = Level("text", "exact", "same words", 100.0)


@lru_cache(maxsize=4096)
def _text_level(score: float, exact: float, very_high: float, high: float, medium: float) -> Level:
    # Scores are rounded to a tenth, so the same few hundred levels recur: each is built once.
    for level, threshold in (("exact", exact), ("very_high", very_high), ("high", high), ("medium", medium)):
        if score >= threshold:
            return Level("text", level, f"wording {level.replace('_', ' ')} ({score:.0f}/100)", score)
    return Level("text", "low", f"wording differs ({score:.0f}/100)", score)


def content_word_count(text: str) -> int:
    """How many content words a statement has (the short-statement guard counts these)."""
    return text_profile(text).content_words


# --- figures ------------------------------------------------------------------------------------------------


def _same_value(a: Figure, b: Figure, tolerance: float) -> bool:
    if a.value is None or b.value is None:
        return a.surface.lower() == b.surface.lower()
    scale = max(abs(a.value), abs(b.value), 1e-9)
    if abs(a.value - b.value) > tolerance * scale:
        return False
    if (a.value_max is None) != (b.value_max is None):
        return False
    if a.value_max is not None and b.value_max is not None:
        return abs(a.value_max - b.value_max) <= tolerance * max(abs(a.value_max), abs(b.value_max), 1e-9)
    return True


def compare_figures(
    new_figures: tuple[Figure, ...],
    claim_figures: tuple[Figure, ...],
    settings: MatchSettings,
    *,
    new_text: str = "",
    claim_text: str = "",
) -> Level:
    """Figures: none / missing (one side only) / same / changed (same unit, another value) / incomparable.

    A side without extracted figures falls back to numbers read from its text, so an extraction miss cannot
    hide a changed number.
    """
    new_figures = new_figures or figures_in(new_text)
    claim_figures = claim_figures or figures_in(claim_text)
    if not new_figures and not claim_figures:
        return _NO_FIGURES
    if not new_figures or not claim_figures:
        return _ONLY_NEW_HAS_FIGURES if new_figures else _ONLY_CLAIM_HAS_FIGURES
    tolerance = settings.figure_relative_tolerance
    changes: list[str] = []
    same: list[str] = []
    telling = 0
    for figure in new_figures:
        unit = normalize_unit(figure.unit)
        comparable = [other for other in claim_figures if normalize_unit(other.unit) == unit]
        if not comparable:
            continue
        if any(_same_value(figure, other, tolerance) for other in comparable):
            same.append(describe(figure))
            telling += _telling(figure, unit)
        else:
            changes.append(f"{describe(comparable[0])} -> {describe(figure)}")
    if changes:
        return Level("figures", "changed", "figures differ: " + "; ".join(changes))
    if same:
        # score: how many of the shared figures say something on their own (a count, an amount, a share),
        # unlike a bare number ("Sept. 11") or a span of time ("eight years")
        return Level("figures", "same", "same figures: " + ", ".join(same), float(telling))
    return _FIGURES_INCOMPARABLE


_SPAN_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "year of age"}


def _telling(figure: Figure, unit: str | None) -> bool:
    # A shared count, amount or share links two claims; a span of time or a bare small whole number (a day of
    # the month, a chapter) does not. Numbers read from the text alone have no unit: large or fractional count.
    if unit:
        return unit not in _SPAN_UNITS
    value = figure.value
    return value is not None and (value > 31 or not float(value).is_integer())


# --- polarity -----------------------------------------------------------------------------------------------


def negation_cues(text: str) -> tuple[str, ...]:
    """The negation and denial cues of a text, each with the word after it ("not annexed", "denied that")."""
    return text_profile(text).negation_cues


def compare_polarity(new_text: str, claim_text: str) -> Level:
    """Polarity: same, or differs when one side negates or denies and the other does not."""
    return compare_polarity_profiles(text_profile(new_text), text_profile(claim_text))


def compare_cues(new_cues: tuple[str, ...], claim_cues: tuple[str, ...]) -> Level:
    """`compare_polarity` on the negation cues of both texts."""
    # Presence, not parity: "did not shell the dam and did not cause the flooding" is still a denial.
    if bool(new_cues) == bool(claim_cues):
        return _BOTH_NEGATED if new_cues else _BOTH_AFFIRMATIVE
    negated, plain = ("new statement", "existing claim") if new_cues else ("existing claim", "new statement")
    cue = (new_cues or claim_cues)[0]
    return Level("polarity", "differs", f"polarity differs: {negated} says '{cue}', {plain} does not")


# Past forms whose first letters differ from the present: "did not find" negates "found"
_IRREGULAR_PAST = {
    past: base
    for base, forms in {
        "say": "said",
        "tell": "told",
        "find": "found",
        "know": "knew known",
        "see": "saw seen",
        "make": "made",
        "take": "took taken",
        "come": "came",
        "give": "gave given",
        "get": "got gotten",
        "go": "went gone",
        "have": "had has",
        "do": "did done does",
        "pay": "paid",
        "win": "won",
        "lose": "lost",
        "meet": "met",
        "leave": "left",
        "hold": "held",
        "keep": "kept",
        "buy": "bought",
        "bring": "brought",
        "sell": "sold",
        "send": "sent",
        "spend": "spent",
        "build": "built",
        "begin": "began begun",
        "break": "broke broken",
        "choose": "chose chosen",
        "fight": "fought",
        "lead": "led",
        "run": "ran",
        "rise": "rose risen",
        "fall": "fell fallen",
        "grow": "grew grown",
        "write": "wrote written",
        "speak": "spoke spoken",
        "think": "thought",
        "strike": "struck",
        "stand": "stood",
        "feel": "felt",
        "seek": "sought",
        "teach": "taught",
        "catch": "caught",
        "shoot": "shot",
        "hit": "hit",
        "put": "put",
        "set": "set",
        "cut": "cut",
        "let": "let",
        "bear": "bore born borne",
        "beat": "beaten",
        "become": "became",
        "bite": "bit bitten",
        "blow": "blew blown",
        "draw": "drew drawn",
        "drink": "drank drunk",
        "drive": "drove driven",
        "eat": "ate eaten",
        "feed": "fed",
        "fly": "flew flown",
        "forget": "forgot forgotten",
        "forgive": "forgave forgiven",
        "freeze": "froze frozen",
        "hang": "hung",
        "hear": "heard",
        "hide": "hid hidden",
        "lay": "laid",
        "lend": "lent",
        "light": "lit",
        "mean": "meant",
        "ride": "rode ridden",
        "ring": "rang rung",
        "shake": "shook shaken",
        "shine": "shone",
        "sing": "sang sung",
        "sink": "sank sunk",
        "sit": "sat",
        "sleep": "slept",
        "slide": "slid",
        "spread": "spread",
        "steal": "stole stolen",
        "stick": "stuck",
        "sting": "stung",
        "swear": "swore sworn",
        "swim": "swam swum",
        "swing": "swung",
        "tear": "tore torn",
        "throw": "threw thrown",
        "wake": "woke woken",
        "wear": "wore worn",
        "weep": "wept",
        "withdraw": "withdrew withdrawn",
        "overcome": "overcame",
        "undergo": "underwent undergone",
        "undertake": "undertook undertaken",
        "understand": "understood",
        "uphold": "upheld",
    }.items()
    for past in forms.split()
}


def _stem5(word: str) -> str:
    return _IRREGULAR_PAST.get(word, word)[:5]


def compare_polarity_profiles(new: TextProfile, claim: TextProfile) -> Level:
    """`compare_cues`, and a negation only counts when the other side says what it negates: "his policy of not
    allowing visitors, citing a poll" against "a poll found ..." is no contradiction (level "outside")."""
    level = compare_cues(new.negation_cues, claim.negation_cues)
    if level.level != "differs":
        return level
    negating, plain = (new, claim) if new.negation_cues else (claim, new)
    words = negating.negated
    if not words or not all(words):
        return level  # a cue with nothing after it to check ("he denied it"): keep the contradiction
    stems = {_stem5(w) for w in plain.normalized.split()}
    if any(_stem5(scope.split()[0]) in stems for scope in words):
        return level
    side = "new statement" if negating is new else "existing claim"
    return Level(
        "polarity", "outside", f"negation outside the shared wording: {side} says '{negating.negation_cues[0]}'"
    )


# --- claimant and date --------------------------------------------------------------------------------------


def compare_claimant(new_claimant_id: int | None, claim_claimant_id: int | None) -> Level:
    """Claimant: same, different, or unknown when either side has no resolved claimant."""
    if new_claimant_id is None or claim_claimant_id is None:
        return _CLAIMANT_UNKNOWN
    if new_claimant_id == claim_claimant_id:
        return _SAME_CLAIMANT
    return _DIFFERENT_CLAIMANTS


def compare_dates(
    said_on: date | None, first_said_on: date | None, last_said_on: date | None, settings: MatchSettings
) -> Level:
    """Date gap between the new statement and the nearest known appearance of the claim."""
    if said_on is None:
        return _DATE_UNKNOWN
    if first_said_on is None:
        if last_said_on is None:
            return _DATE_UNKNOWN
        gap = abs((said_on - last_said_on).days)
    elif last_said_on is None:
        gap = abs((said_on - first_said_on).days)
    else:
        gap = min(abs((said_on - first_said_on).days), abs((said_on - last_said_on).days))
    return _date_level(gap, settings.same_occasion_days, settings.recent_days)


@lru_cache(maxsize=4096)
def _date_level(gap: int, same_occasion_days: int, recent_days: int) -> Level:
    if gap < same_occasion_days:
        return Level("date", "same_day", "said the same day", float(gap))
    if gap <= recent_days:
        return Level("date", "recent", f"{gap} days apart", float(gap))
    return Level("date", "distant", f"{gap} days apart", float(gap))
