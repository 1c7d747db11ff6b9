"""Reading numbers as written in news text: digits ("2,415", "0.68", "1/2", "½") and words ("twenty-five",
"a million", "four thousand", "two dozen").

Only parsing lives here; deciding whether a number is a figure (and not a year, a date or an identifier) is
the job of `claimdb.extract.figures`.
"""

from __future__ import annotations

import math
import re

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MAGNITUDES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Scale words written after a number: "3bn", "$1.2 million", "25k", "12.3m".
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "dozen": 12.0,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "tn": 1e12,
    "trn": 1e12,
}
UNICODE_FRACTIONS: dict[str, float] = {
    "½": 0.5,
    "¼": 0.25,
    "¾": 0.75,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "⅛": 0.125,
}

NUMBER_WORDS: frozenset[str] = frozenset([*SMALL_NUMBERS, *TENS, *MAGNITUDES, "dozen"])
_WORD_ALTERNATION = "|".join(sorted([*SMALL_NUMBERS, *TENS, *MAGNITUDES, "dozen"], key=len, reverse=True))
# A run of number words: "twenty-five", "four thousand", "one hundred and five", "a million", "two dozen".
SPELLED_PATTERN = (
    rf"\b(?:(?:a|an)[ \u00a0]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_WORD_ALTERNATION})(?:(?:[ \u00a0]+and[ \u00a0]+|[ \u00a0-]+)(?:{_WORD_ALTERNATION}))*"
)
SPELLED_RE = re.compile(SPELLED_PATTERN + r"\b", re.IGNORECASE)
_SPLIT_RE = re.compile(r"[\s-]+")


def parse_digits(literal: str) -> float | None:
    """Read a digit literal such as "2,415", "0.68", ".5", "1/2" or "2½"; None when it is not a finite number."""
    literal = literal.strip()
    fraction = 0.0
    if literal and literal[-1] in UNICODE_FRACTIONS:
        fraction = UNICODE_FRACTIONS[literal[-1]]
        literal = literal[:-1]
        if not literal:
            return fraction
    if "/" in literal:
        numerator, _, denominator = literal.partition("/")
        try:
            top, bottom = float(numerator.replace(",", "")), float(denominator.replace(",", ""))
        except ValueError:
            return None
        if bottom == 0:
            return None
        value = top / bottom
    else:
        try:
            value = float(literal.replace(",", ""))
        except ValueError:
            return None
    value += fraction
    return value if math.isfinite(value) else None


def parse_spelled(words: str) -> tuple[float, int] | None:
    """Read number words; returns (value, number of characters used) or None.

    Parsing stops before the first word that would not continue a well-formed number, so "one two" reads
    as 1 using 3 characters and "three and" as 3.
    """
    total = 0.0
    current = 0.0
    used_end = 0
    seen_any = False
    last_kind = ""  # "small", "tens", "mag", "dozen", "and"
    for match in re.finditer(r"[A-Za-z]+", words):
        word = match.group().lower()
        if word in ("a", "an") and not seen_any:
            current = 1.0
            last_kind = "article"
            continue
        if word == "and":
            if last_kind != "mag":
                break
            last_kind = "and"
            continue
        if word in SMALL_NUMBERS:
            if last_kind in ("small", "article") or (last_kind == "tens" and SMALL_NUMBERS[word] >= 10):
                break
            if last_kind == "tens" and SMALL_NUMBERS[word] == 0:
                break
            current += SMALL_NUMBERS[word]
            last_kind = "small"
        elif word in TENS:
            if last_kind in ("small", "tens", "article"):
                break
            current += TENS[word]
            last_kind = "tens"
        elif word in MAGNITUDES:
            if last_kind == "and":
                break
            magnitude = MAGNITUDES[word]
            if current == 0:
                current = 1.0
            if magnitude == 100:
                current *= 100
            else:
                total += current * magnitude
                current = 0.0
            last_kind = "mag"
        elif word == "dozen":
            if last_kind == "and":
                break
            current = (current or 1.0) * 12
            last_kind = "dozen"
        else:
            break
        seen_any = True
        used_end = match.end()
    if not seen_any:
        return None
    return total + current, used_end
