"""Figures for comparison: unit names normalized, and a small fallback reader for texts without extraction.

Imported claims have no extracted figures, and an extractor can miss one; comparing "4.1%" with "5.1%" must
still see two different figures, so `figures_in` reads plain numbers with a unit word when none are given.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimdb.extract.types import Figure, Qualifier

_UNIT_SYNONYMS: dict[str, str] = {
    "%": "percentage",
    "percent": "percentage",
    "per cent": "percentage",
    "pc": "percentage",
    "percentage point": "percentage",
    "percentage points": "percentage",
    "km2": "square kilometre",
    "km²": "square kilometre",
    "sq km": "square kilometre",
    "square kilometer": "square kilometre",
    "square kilometers": "square kilometre",
    "square kilometres": "square kilometre",
    "km": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "kilometres": "kilometre",
    "$": "dollar",
    "us$": "dollar",
    "usd": "dollar",
    "dollars": "dollar",
    "€": "euro",
    "eur": "euro",
    "euros": "euro",
    "£": "pound sterling",
    "gbp": "pound sterling",
    "pounds": "pound sterling",
    "person": "people",
    "persons": "people",
    "troops": "soldier",
    "soldiers": "soldier",
}
_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("more than", "more_than"),
    ("over", "more_than"),
    ("at least", "more_than"),
    ("less than", "less_than"),
    ("under", "less_than"),
    ("fewer than", "less_than"),
    ("up to", "less_than"),
    ("around", "approx"),
    ("about", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
)
_FIGURE = re.compile(
    r"(?P<currency>US\$|\$|€|£)?\s?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mln|bn|tn|[kmb])\b)?"
    r"(?:\s?(?P<unit>%|per ?cent\b|percentage points?\b|km²|km2\b|sq km\b|square (?:kilomet(?:re|er)s?)\b"
    r"|kilomet(?:re|er)s?\b|km\b|dollars\b|euros\b|pounds\b|people\b|persons?\b|troops\b|soldiers\b))?",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def normalize_unit(unit: str | None) -> str | None:
    """The claimdb (CQE) unit name for a unit surface or name: "%" -> "percentage", "km²" -> "square kilometre"."""
    if unit is None:
        return None
    key = re.sub(r"\s+", " ", unit.strip().lower())
    return _UNIT_SYNONYMS.get(key, key) or None


@lru_cache(maxsize=8192)
def figures_in(text: str) -> tuple[Figure, ...]:
    """Numbers with an optional currency, scale word and unit, read from plain text (a fallback reader).

    Years (1900-2099 without a unit) are skipped: "in 2019" is a date, not a figure to compare.
    """
    if not _DIGIT.search(text):
        return ()  # every figure has a digit; most claims have none, and the full pattern is slow to fail
    found: list[Figure] = []
    lowered = text.lower()
    for match in _FIGURE.finditer(text):
        number = float(match.group("number").replace(",", ""))
        unit = normalize_unit(match.group("currency") or match.group("unit"))
        scale = match.group("scale")
        if scale:
            number *= _SCALES[scale.lower()]
        if unit is None and not scale and 1900 <= number <= 2099 and "." not in match.group("number"):
            continue
        before = lowered[max(0, match.start() - 14) : match.start()].rstrip()
        qualifier: Qualifier = next((q for phrase, q in _QUALIFIERS if before.endswith(phrase)), "exact")
        found.append(Figure(match.group(0).strip(), match.start(), match.end(), number, None, unit, qualifier))
    return tuple(found)


def describe(figure: Figure) -> str:
    """A reviewer-friendly rendering: "more than 500 square kilometre"."""
    qualifier = {"more_than": "more than ", "less_than": "less than ", "approx": "around "}.get(figure.qualifier, "")
    if figure.value is None:
        return figure.surface
    value = f"{figure.value:g}" if figure.value < 1e6 else f"{figure.value:,.0f}"
    if figure.value_max is not None:
        value += f"-{figure.value_max:g}"
    unit = normalize_unit(figure.unit)
    if unit == "percentage":
        return f"{qualifier}{value}%"
    return f"{qualifier}{value}{' ' + unit if unit else ''}"
