"""When words were said: relative and absolute date phrases resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimdb.extract.lexicon import MONTHS, WEEKDAYS
from claimdb.extract.patterns import first_character_guard
from claimdb.extract.types import DatePrecision

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_MONTH_TITLE = "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True))
_FULL_MONTHS = "|".join(m.title() for m in MONTHS if len(m) > 3)
# "Monday|Tuesday|…": weekdays as a regex alternation, capitalised (statements.py uses it for day phrases too)
WEEKDAY_ALT = "|".join(d.title() for d in WEEKDAYS)

# Month names are matched capitalised only, so "may" and "march" as verbs are not dates.
_DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<weekday>(?i:(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:late|early)\s+)?)"
    rf"(?P<wd>{WEEKDAY_ALT})(?!\s*,?\s*\d))"
    rf"|(?P<md>(?P<m1>{_MONTH_TITLE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?\b)"
    rf"|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_TITLE})\.?(?:,?\s+(?P<y2>\d{{4}}))?\b)"
    rf"|(?P<inmonth>(?i:in|during|since|earlier in|late|early)\s+(?P<m3>{_FULL_MONTHS})(?:\s+(?P<y3>\d{{4}}))?\b)"
    r"|(?P<rel>(?i:yesterday|today|tonight|last\s+night|this\s+morning|this\s+week|last\s+week|last\s+month"
    r"|earlier\s+this\s+month|earlier\s+this\s+week|this\s+month))"
    r")"
)
# Every date phrase starts with a letter or a digit ("ſince" matches "since" ignoring case): a look-ahead the
# regex engine tests first lets it skip other characters without trying each alternative there.
_DATE_PLAIN_RE = _DATE_RE
_DATE_RE = first_character_guard(_DATE_PLAIN_RE, r"A-Za-z\d\u0130\u0131\u017f\u212a")


def _previous_weekday(published: date, weekday: int) -> date:
    """The most recent `weekday` on or before `published`."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _clamp_year(candidate_month: int, candidate_day: int, published: date) -> date | None:
    """A month/day without a year: the latest such date on or before publication."""
    for year in (published.year, published.year - 1):
        try:
            value = date(year, candidate_month, candidate_day)
        except ValueError:
            return None
        if value <= published:
            return value
    return None


# Every date phrase holds a digit or one of these words (lower-cased): a cheap test before the costly pattern.
_DATE_WORDS = ("day", "night", "morning", "week", "month", *(m for m in MONTHS if len(m) > 3))
_DIGIT_RE = re.compile(r"\d")


# The only characters besides ASCII letters that case-insensitive patterns match to ASCII letters.
_FOLDING_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold_date(frame: str) -> bool:
    if any(char in frame for char in _FOLDING_TO_ASCII):
        return True  # "ſ" matches "s" ignoring case, but lower() keeps it: let the pattern decide
    low = frame.lower()
    return any(word in low for word in _DATE_WORDS) or _DIGIT_RE.search(frame) is not None


# The word before a date that makes it the date of an event or a span, not of the words: "the attacks of Sept. 11"
_EVENT_DATE_RE = re.compile(r"\b(?:of|since|until|till|through)\s+(?:(?:the|last)\s+)?$", re.IGNORECASE)


def resolve_said_on(frame: str, published_on: date | None) -> tuple[date | None, DatePrecision]:
    """Resolve the first date phrase in `frame` (the attribution text around a cue).

    Falls back to `published_on` with precision "publication"; returns `(None, "publication")` when
    neither the text nor the publication date gives a date.
    """
    if not _may_hold_date(frame):
        return published_on, "publication"
    for match in _DATE_RE.finditer(frame):
        if match.group(0)[:5].lower() == "since" or _EVENT_DATE_RE.search(frame, 0, match.start()):
            continue  # "the attacks of Sept. 11, 2001", "since March": the date of something else
        resolved = _resolve_match(match, published_on)
        if resolved is not None:
            return resolved
    return published_on, "publication"


def _resolve_match(match: re.Match[str], published: date | None) -> tuple[date, DatePrecision] | None:
    groups = match.groupdict()
    if groups["weekday"] and published is not None:
        return _previous_weekday(published, WEEKDAYS.index(groups["wd"].lower())), "day"
    if groups["md"] or groups["dm"]:
        month = MONTHS.get((groups["m1"] or groups["m2"] or "").lower().rstrip("."))
        day = int(groups["d1"] or groups["d2"])
        year = groups["y1"] or groups["y2"]
        if month is None:
            return None
        try:
            if year:
                return date(int(year), month, day), "day"
        except ValueError:
            return None
        if published is None:
            return None
        value = _clamp_year(month, day, published)
        return (value, "day") if value else None
    if groups["inmonth"]:
        month = MONTHS[groups["m3"].lower()]
        if groups["y3"]:
            return date(int(groups["y3"]), month, 1), "month"
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), "month"
    if groups["rel"] and published is not None:
        rel = " ".join(groups["rel"].lower().split())
        if rel in ("today", "tonight", "this morning"):
            return published, "day"
        if rel in ("yesterday", "last night"):
            return published - timedelta(days=1), "day"
        if rel in ("this week", "earlier this week"):
            return published - timedelta(days=published.weekday()), "week"
        if rel == "last week":
            return published - timedelta(days=published.weekday() + 7), "week"
        if rel in ("this month", "earlier this month"):
            return published.replace(day=1), "month"
        if rel == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), "month"
    return None
