"""Values produced by extraction: statements and figures with character offsets into the document text.

Spans are half-open `[start, end)` offsets into the text exactly as read, so `text[start:end]` is the
surface. These are plain frozen dataclasses: extraction never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

StatementKind = Literal["direct", "indirect", "mixed", "reported"]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "increase", "decrease", "vague"]
# How the speaker was named at this statement: a name, a title/noun phrase ("the minister"),
# a pronoun resolved to an antecedent, an anonymous source, or nothing found.
Attribution = Literal["name", "title", "pronoun", "organisation", "anonymous", "none"]
ClaimantKind = Literal["person", "organisation", "government", "anonymous", "unknown"]
DatePrecision = Literal["day", "week", "month", "year", "publication"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in the text: `value` (None for vague quantities such as "dozens"), optional range end."""

    surface: str
    start: int
    end: int
    value: float | None
    value_max: float | None = None
    unit: str | None = None  # NewsQuant/CQE vocabulary: "percentage", "dollar", "square kilometre", "people"
    qualifier: Qualifier = "exact"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to, as resolved within one document."""

    name: str | None  # canonical name within the article: "Oleksiy Reznikov", "the Kremlin"
    surface: str | None  # the mention at this statement as written: "he", "Reznikov"
    span: Span | None  # offsets of `surface`
    kind: ClaimantKind = "unknown"
    title: str | None = None  # "Defence Minister"
    affiliation: str | None = None  # "Ukraine"
    attribution: Attribution = "none"


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement: content span, speaker, cue verb, venue, date and figures."""

    kind: StatementKind
    content: str  # == text[content_span.start:content_span.end]
    content_span: Span
    speaker: Speaker
    cue: str | None = None
    cue_span: Span | None = None
    venue: str | None = None  # "in a video", "in his nightly address", "told Reuters"
    said_on: date | None = None
    said_on_precision: DatePrecision = "publication"
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    confidence: float = 1.0
    # The pieces of a discontinuous content (Q1 and Q2 of `“Q1,” she said. “Q2.”`), inside content_span;
    # empty means one piece, content_span itself.
    content_parts: tuple[Span, ...] = ()
