"""Figures in news text: numbers with their unit, range and qualifier ("more than 500 square kilometres",
"around 20%", "fell from $2,415 to $2,315", "dozens of towns").

`find_figures` scans the text once with precompiled patterns. A number becomes a figure unless it reads as a
year, a date, a time, an ordinal, a phone number or part of a name ("S&P 500", "Article 5", "COVID-19").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdb.extract.numbers import NUMBER_WORDS, SCALE_WORDS, SPELLED_PATTERN, parse_digits, parse_spelled
from claimdb.extract.patterns import first_character_guard
from claimdb.extract.types import Figure, Qualifier
from claimdb.extract.units import (
    AGE_RE,
    AGE_UNITS,
    CASED_SUFFIX_UNITS,
    PREFIX_CURRENCIES,
    PREFIX_CURRENCY_RE,
    RATE_DENOMINATORS,
    RATE_RE,
    SUFFIX_LOOKUP,
    SUFFIX_UNIT_RE,
    looks_plural,
    singular,
    trie_pattern,
)

__all__ = ["find_figures"]

_SP = r"[ \u00a0]"
_PREFIX = PREFIX_CURRENCY_RE.pattern
# A number: optional currency, optional sign, digits (with thousands commas, decimals, a fraction) or words.
NUMBER_RE = re.compile(
    rf"(?<![\w.,/=:@_\u0300-\u036f])(?P<cur>{_PREFIX})?(?P<sign>[-−+](?=[\d.]))?"
    rf"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:{_SP}?[½¼¾])?|\.\d+|[½¼¾])(?P<frac>/\d+)?"
    rf"|(?P<words>{SPELLED_PATTERN})(?:fold)?\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|january|february|april|june|july|august|september|october|november|december"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)"
# Context that makes a number a date, a time or a phone number rather than a figure, checked around each number.
DATE_SHAPE_RE = re.compile(
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d])(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
PHONE_RE = re.compile(
    r"\d{3}[-.]\d{3}[-.]\d{4}(?![\d])|0\d{2,4}[ .-]\d{3,4}[ .-]\d{3,4}(?![\d])"
    r"|\(\d{3}\)[ \u00a0]?\d{3}[-.]\d{4}(?![\d])"
)
PLUS_PHONE_RE = re.compile(r"\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}(?![\d])")
TIME_AFTER_RE = re.compile(
    rf"(?::\d{{2}}(?::\d{{2}}(?:\.\d+)?)?Z?(?:{_SP}*(?:[ap]\.m\.|[AaPp][Mm]\b))?"
    rf"|(?:\.\d{{2}})?{_SP}*(?:[ap]\.m\.|[AaPp]\.?[Mm]\b)|{_SP}*o['’]clock\b)"
)
MONTH_BEFORE_RE = re.compile(rf"(?:\b|(?<=[a-z])){_MONTH}\.?,?{_SP}*(?:\d{{1,2}}(?:st|nd|rd|th)?,?{_SP}*)?$")
MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?{_SP}+(?:of{_SP}+)?{_MONTH}\b")
PREFIX_BEFORE_RE = re.compile(rf"(?:{_PREFIX})$")
ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|A|An)[ \u00a0]+$")
DIGIT_RUN_RE = re.compile(r"[0-9½¼¾][0-9,.]*")

NUMBER_WORD_RE = re.compile(rf"\b(?:{trie_pattern(sorted(NUMBER_WORDS))})(?:fold)?(?![a-z])")
VAGUE_LOWER_RE = re.compile(
    rf"(?<![a-z])(?P<vague>(?:tens|hundreds){_SP}+of{_SP}+(?:thousands|millions|billions)|dozens|scores|hundreds"
    rf"|thousands|millions|billions|a{_SP}+handful){_SP}+of{_SP}+"
    rf"|(?<![a-z])(?P<few>(?:a{_SP}+few|several){_SP}+(?:dozen|hundred|thousand|million)(?:s?{_SP}+of)?){_SP}+",
)
# Each vague quantity starts with one of these letters: the look-ahead lets the regex engine skip other characters
# without trying each alternative there.
_VAGUE_PLAIN_RE = VAGUE_LOWER_RE
VAGUE_LOWER_RE = first_character_guard(_VAGUE_PLAIN_RE, "abdhmst")
_VAGUE_WORDS = ("dozens", "scores", "hundreds", "thousands", "millions", "billions", "handful", "few", "several")
# Qualifiers read backwards from the number (the slice before it ends with them).
_BEFORE = r"[\s(\"'“‘]*$"
NOT_MORE_RE = re.compile(rf"\b(?:no|not){_SP}+more{_SP}+than{_BEFORE}", re.IGNORECASE)
NOT_LESS_RE = re.compile(rf"\b(?:no|not){_SP}+(?:less|fewer){_SP}+than{_BEFORE}", re.IGNORECASE)
APPROX_RE = re.compile(
    r"(?:\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|an\s+estimated|estimated"
    r"|close\s+to|circa|ca\.|c\.|just\s+about|more\s+or\s+less|nigh\s+on"
    r"|in\s+the\s+region\s+of|on\s+the\s+order\s+of|of\s+the\s+order\s+of|give\s+or\s+take)|~|≈)" + _BEFORE,
    re.IGNORECASE,
)
MORE_RE = re.compile(
    r"\b(?:(?:more|greater|higher|bigger|larger|longer|further|better)\s+than|over|above|at\s+least"
    r"|exceeding|exceeded|exceeds|upwards\s+of|in\s+excess\s+of|north\s+of|topping|beyond|a\s+minimum\s+of"
    r"|minimum\s+of|nothing\s+short\s+of)" + _BEFORE,
    re.IGNORECASE,
)
LESS_RE = re.compile(
    r"\b(?:(?:less|fewer|lower|smaller|shorter|cheaper)\s+than|under|below|up\s+to|at\s+most|shy\s+of"
    r"|short\s+of|as\s+little\s+as|as\s+few\s+as|as\s+low\s+as|a\s+maximum\s+of|maximum\s+of|max\.?|sub-?)" + _BEFORE,
    re.IGNORECASE,
)
_UP = (
    r"rose|rise|rises|rising|risen|up|gained|gain|gains|gaining|climbed|climb|climbs|climbing|jumped|jump|jumps"
    r"|jumping|increased|increase|increases|increasing|grew|grow|grows|growing|grown|added|adds|adding|advanced"
    r"|advance|advances|advancing|rallied|rally|rallies|rallying|surged|surge|surges|surging|soared|soar|soars"
    r"|soaring|spiked|expanded|expand|expands"
    r"|widened|improved|improve|improves|higher|firmed|edged\s+up|ticked\s+up|went\s+up|goes\s+up|going\s+up"
)
_DOWN = (
    r"fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|down|lost|lose|loses|losing|slid|slide|slides"
    r"|sliding|declined|decline|declines|declining|decreased|decrease|decreases|decreasing|tumbled|tumble|tumbles"
    r"|tumbling|plunged|plunge|plunges|plunging|sank|sink|sinks|sinking|sunk|shed|sheds|shedding|eased|ease|eases"
    r"|easing|dipped|dip|dips|dipping|slumped|slump|slumps|slumping|cut|cuts|cutting|reduced|reduce|reduces"
    r"|shrank|shrink|shrinks|shrunk|contracted|narrowed|retreated|retreat|slipped|slip|slips"
    r"|skidded|sagged|crashed|plummeted|plummet|plummets|tanked|weakened|edged\s+down|ticked\s+down|went\s+down"
    r"|goes\s+down|going\s+down|off"
)
# Verbs that change a figure only with "by" ("raised prices by 5%", not "raised $5 million").
_UP_BY = r"raised|raise|raises|raising|boosted|boost|boosts|hiked|hike|hikes|lifted|lift|lifts"
_DOWN_BY = r"cut|cuts|cutting|reduced|reduce|reduces|reducing|lowered|lower|lowers|trimmed|trim|slashed|slash"
_CHANGE_FILL = rf"(?:{_SP}+(?:by|a|an|another|some\s+of))?"
_BY = rf"(?:{_SP}+[\w'’-]+){{0,2}}{_SP}+by"
UP_RE = re.compile(rf"\b(?:(?:{_UP})(?:{_CHANGE_FILL}|{_BY})|(?:{_UP_BY}){_BY}){_SP}*\(?$|\+$", re.IGNORECASE)
DOWN_RE = re.compile(rf"\b(?:(?:{_DOWN})(?:{_CHANGE_FILL}|{_BY})|(?:{_DOWN_BY}){_BY}){_SP}*\(?$", re.IGNORECASE)
CHANGE_FROM_UP_RE = re.compile(
    rf"\b(?:{_UP}|{_UP_BY}){_SP}+(?:all{_SP}+the{_SP}+way{_SP}+)?(?P<word>from|to){_SP}*$", re.IGNORECASE
)
CHANGE_FROM_DOWN_RE = re.compile(
    rf"\b(?:{_DOWN}|{_DOWN_BY}){_SP}+(?:all{_SP}+the{_SP}+way{_SP}+)?(?P<word>from|to){_SP}*$", re.IGNORECASE
)
FROM_AFTER_RE = re.compile(rf"{_SP}+from{_SP}+", re.IGNORECASE)
MINUS_BEFORE_RE = re.compile(rf"\b(?:minus|negative){_SP}+$", re.IGNORECASE)
OF_THE_RE = re.compile(rf"{_SP}+of{_SP}+(?:the|a|an|its|their){_SP}+", re.IGNORECASE)
OR_BEFORE_RE = re.compile(rf"(?:,{_SP}*|{_SP}+|\({_SP}*)or{_SP}+$|\({_SP}*$", re.IGNORECASE)
AFTER_QUALIFIER_RE = re.compile(
    rf"{_SP}*(?:(?P<more>or{_SP}+(?:more|greater|higher|above|over)|\+|-plus|{_SP}plus)"
    rf"|(?P<less>or{_SP}+(?:less|fewer|lower|below|under))|(?P<approx>or{_SP}+so))\b",
    re.IGNORECASE,
)
RANGE_RE = re.compile(
    rf"(?:{_SP}*[-–—]?to[-–—]{_SP}*|[-–—]|{_SP}*[-–]{_SP}*|{_SP}+(?:up{_SP}+)?to{_SP}+|{_SP}+through{_SP}+"
    rf"|{_SP}+and{_SP}+)",
    re.IGNORECASE,
)
OR_AFTER_RE = re.compile(rf"-?{_SP}+or{_SP}+", re.IGNORECASE)
SCALE_AFTER_RE = re.compile(
    rf"(?P<word>[ \u00a0-](?i:hundred|thousand|millions?|billions?|trillion|dozen|lakhs?|crores?)(?![\w]))"
    rf"|(?P<abbr>(?:mn|mln|mil|bn|bln|tn|trn|[kKmb])(?![\w]))"
    rf"|(?P<spaced>{_SP}(?:mn|mln|bn|bln|tn|trn|B)(?![\w]))",
)
CASED_UNIT_RE = re.compile(rf"(?P<sep>{_SP}?)(?P<unit>[GCFWVRLlgpmt])(?![\w])")
POUND_RE = re.compile(r"pounds?(?![\w-])", re.IGNORECASE)
PREV_WORD_RE = re.compile(r"([A-Za-z][\w&'’.]*)[ \u00a0]*$")
NAME_COMMA_RE = re.compile(r"[A-Z][\w'’-]+,[ \u00a0]$")
WORD_RE = re.compile(r"[A-Za-z0-9][\w'’&]*(?:-[\w'’&]+)*")
LEAD_UP_TO_RE = re.compile(
    rf"\b(?:lead|leading|led|run|running|build|building)[ \u00a0-]up{_SP}+to{_BEFORE}", re.IGNORECASE
)
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]|\n")
BETWEEN_AGES_RE = re.compile(rf"\bbetween{_SP}+(?:the{_SP}+)?ages?{_SP}+of{_SP}+$", re.IGNORECASE)
FRACTION_OF_RE = re.compile(rf"\b(?:(?:a|one)|(?P<three>three))[ \u00a0-]quarters?{_SP}+of{_SP}+$", re.IGNORECASE)
OF_NUMBER_RE = re.compile(rf"{_SP}+of{_SP}+(?=\d)")
OF_THEM_RE = re.compile(rf"{_SP}+of{_SP}+(?:them|those|these)\b", re.IGNORECASE)
MODEL_AFTER_RE = re.compile(r"[ \u00a0][A-Z][a-z]")
SHORT_YEAR_AFTER_RE = re.compile(r"(?:s\b|[ \u00a0.,;:)!?]|$)")
HYPHEN_DIGIT_RE = re.compile(r"[-–]\d")
DIGIT_CHAIN_RE = re.compile(r"(?:[-–]\d+)+")
HYPHEN_NOUN_RE = re.compile(r"-(?P<word>[a-z]{3,})(?![\w'’-])")
ZIP_AFTER_RE = re.compile(r"[ \u00a0](?:zip|postal|post|area)[ \u00a0]?codes?\b", re.IGNORECASE)
PLUS_OR_MINUS_RE = re.compile(
    rf"(?:\bplus{_SP}*(?:or|/){_SP}*minus{_SP}*|\bplus-or-minus{_SP}*|±{_SP}*)$", re.IGNORECASE
)
AGE_CONTEXT_RE = re.compile(
    rf"\b(?:aged|ages?{_SP}+of|ages?"
    rf"|turns?|turned|turning|(?:will|would|to|'ll|’ll|he's|she's|he is|she is){_SP}+be)"
    rf"{_SP}+$",
    re.IGNORECASE,
)

# A capitalised word before a number makes it part of a name ("S&P 500", "Apple Watch 5") unless the word is
# one of these.
CAPITAL_OK: frozenset[str] = frozenset(
    """in on at by for from of to with since after before during about around nearly almost some only just
    over under above below more less than up down and or but the a an its their his her our this that these
    those all some another each every total rose fell gained lost climbed jumped added was were is are had has
    have be been will would could should may might can said says also then now yet still even nearly roughly
    approximately estimated exactly another both whereas while when where if as like per between among
    reaching topping exceeding""".split()
)
# Verbs that a title-case headline writes with a capital before a number ("Apple Pays 3 Billion", "Firm Hires 200").
HEADLINE_VERBS: frozenset[str] = frozenset(
    """pays buys sells raises hires fires kills wins loses saves spends costs hits tops adds cuts sheds gets
    seeks plans sets eyes nears reaches surpasses passes sees expects reports posts books lands signs offers
    invests borrows owes ships orders builds opens closes""".split()
)
# Verbs whose particle "up"/"down" does not mean a rise or a fall ("round up", "set up", "shut down").
PHRASAL_VERBS: frozenset[str] = frozenset(
    """round rounded rounding sign signed signing set sets setting make made making give gave
    giving take took taking show showed showing line lined build built back backed call called cover covered
    fill filled free freed hold held look looked mix pay paid shut shuts shutting stand stood step stepped sum
    summed wrap wrapped bring brought open opened turn turned break broke put hand handed sit track tracked
    crack cracked calm write wrote tear tore tie tied speak spoke beef beefed rack racked ramp ramped scale
    scaled""".split()
)
# Lower-case words that introduce an identifier rather than a quantity ("article 5", "category 4").
IDENTIFIER_WORDS: frozenset[str] = frozenset(
    """article section chapter number no no. nos page pages category level phase stage grade type class round
    episode vol vol. volume part item rule amendment clause paragraph flight route room gate platform channel
    version model series line step tier zone act schedule annex appendix figure fig fig. table exhibit
    highway interstate road street bus lot unit suite apartment apt apt. district ward precinct game week
    number# term session window iphone ios android windows covid form code pp p. para paras h.r. s.res. h.res.
    zip postcode""".split()
)
# Words that end a counted-noun phrase ("400 jobs at ..." stops at "at").
STOP_WORDS: frozenset[str] = frozenset(
    """a an the of in on at to for from by with about into onto over under after before between during than that
    which who whom whose what this these those it its their his her our your my them they we he she you i
    was were is are be been being has have had will would could should may might can do does did not no nor
    and or but so as if per each every more less fewer most least other others such said says say same than then there
    here when where while up down out off against among within without via across per cent percent
    year years month months week weeks day days time times also only just even still yet again all both
    any some many much few several own very too""".split()
)
# Words after "N-" that are not counted nouns ("a 12-strong squad", "a 20-something founder").
_NOT_HYPHEN_NOUNS: frozenset[str] = frozenset(
    """strong odd something somethings plus ish like style old long wide high tall deep year years half halves
    third thirds quarter quarters""".split()
)
# The word before a bare number that continues the figure before it ("and 187", "compared with 63").
# A link word and, if it is ambiguous alone, the words that must come just before it.
_ELLIPSIS_LINKS: dict[str, frozenset[str]] = {
    "and": frozenset(),
    "to": frozenset(),
    "versus": frozenset(),
    "vs": frozenset(),
    "vs.": frozenset(),
    "against": frozenset(),
    "with": frozenset({"compared", "compare", "comparison"}),
    "than": frozenset({"more", "fewer", "less"}),
    "from": frozenset({"up", "down"}),
}
# Comparative and superlative modifiers are named by their base form, as in NewsQuant ("two smaller tenancies"
# -> "small tenancy", "the oldest ballparks" -> "old ballpark").
_COMPARATIVES: dict[str, str] = {
    word: base
    for base, forms in {
        "small": "smaller smallest",
        "large": "larger largest",
        "big": "bigger biggest",
        "old": "older oldest",
        "new": "newer newest",
        "young": "younger youngest",
        "high": "higher highest",
        "low": "lower lowest",
        "great": "greater greatest",
        "early": "earlier earliest",
        "late": "later latest",
        "long": "longer longest",
        "short": "shorter shortest",
        "cheap": "cheaper cheapest",
        "rich": "richer richest",
        "poor": "poorer poorest",
        "strong": "stronger strongest",
        "weak": "weaker weakest",
    }.items()
    for word in forms.split()
}
# Words before a counted noun that size or sum the count ("2.7m combined sales", "175 additional delegates").
_COUNT_MODIFIERS: frozenset[str] = frozenset(
    """combined total additional extra further other overall cumulative respective""".split()
)
# Words ending in "-ly" that are adjectives, not adverbs ("likely voters", "monthly users", "elderly people").
_LY_ADJECTIVES: frozenset[str] = frozenset(
    """likely unlikely monthly weekly daily yearly quarterly hourly nightly early lonely elderly friendly family
    costly deadly lovely timely orderly silly lively worldly bodily holy ugly curly burly jolly manly
    homely kindly leisurely""".split()
)
_PERCENT_LIKE: frozenset[str] = frozenset({"percentage", "percentage point", "basis point", "point", "count"})
_HYPHEN_PREFIX_OK: frozenset[str] = frozenset({"minus", "sub", "now", "to", "over", "under", "nearly", "about"})


@dataclass(slots=True)
class _Quantity:
    """One number as read, before range and qualifier decisions."""

    start: int
    end: int
    value: float
    raw: float  # value before the scale word
    literal: str  # the digits or words as written
    spelled: bool
    unit: str | None = None
    measured: bool = False  # unit from a table or currency (not a counted noun)
    currency_prefix: bool = False
    scaled: bool = False
    qualifier: Qualifier | None = None  # from a sign ("+0.2%") or a hyphen prefix ("sub-300")
    identifier: bool = False  # part of a name ("TA-35"): never a figure
    tail: bool = False  # follows "digit-": only the end of a range, never a figure on its own
    count_change: Qualifier | None = None  # "1,500 more agents" (increase), "40 fewer buses" (decrease)


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text` with its span, value (and range end), normalized unit and qualifier.

    Pure and deterministic; never raises. Vague quantities ("dozens of towns") get value None.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find(text)
    except Exception:  # a safety net: one odd input must never stop an ingest
        return []


def _find(text: str) -> list[Figure]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased; keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    figures: list[Figure] = []
    covered: list[tuple[int, int]] = []
    # every vague quantity holds one of these words: most articles need no run of the costly pattern
    vague_matches = VAGUE_LOWER_RE.finditer(lowered) if any(w in lowered for w in _VAGUE_WORDS) else ()
    for vague in vague_matches:
        figure = _vague(text, vague)
        if figure is not None:
            figures.append(figure)
            covered.append((figure.start, figure.end))
    # Candidate starts: digit runs and number words, in text order.
    candidates = [(m.start(), False) for m in DIGIT_RUN_RE.finditer(text)]
    candidates.extend((m.start(), True) for m in NUMBER_WORD_RE.finditer(lowered))
    candidates.sort()
    pos = 0
    covered_index = 0
    previous: Figure | None = None
    for candidate, is_word in candidates:
        if candidate < pos:
            continue
        while covered_index < len(covered) and covered[covered_index][1] <= candidate:
            covered_index += 1
        if covered_index < len(covered) and covered[covered_index][0] <= candidate:
            pos = covered[covered_index][1]
            continue
        m = _match_number(text, candidate, is_word)
        if m is None:
            continue
        try:
            figure, end = _read_figure(text, m, previous)
        except (ValueError, OverflowError, IndexError):
            figure, end = None, m.end()
        if figure is not None:
            figures.append(figure)
            previous = figure
        pos = max(end, candidate + 1)
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _match_number(text: str, candidate: int, is_word: bool) -> re.Match[str] | None:
    """Match NUMBER_RE at a candidate, reaching back over a currency, a sign or "a" ("a million")."""
    start = candidate
    if is_word:
        article = ARTICLE_BEFORE_RE.search(text, max(0, candidate - 4), candidate)
        if article is not None:
            start = article.start()
    else:
        if start >= 1 and text[start - 1] in "-−+":
            start -= 1
        prefix = PREFIX_BEFORE_RE.search(text, max(0, start - 5), start)
        if prefix is not None:
            start = prefix.start()
    m = NUMBER_RE.match(text, start)
    if m is not None and m.end() > candidate:
        return m
    if start != candidate:
        m = NUMBER_RE.match(text, candidate)
        if m is not None:
            return m
    return None


def _vague(text: str, m: re.Match[str]) -> Figure | None:
    """A vague quantity ("dozens of towns", "hundreds of millions of dollars"): value None."""
    noun = _counted_noun(text, m.end(), allow_no_space=True)
    if noun is None:
        return None
    unit, end = noun
    if unit.lower() in ("thousand", "million", "billion", "hundred"):
        return None  # "hundreds of thousands or maybe millions": no counted noun yet
    if unit.lower() == "pound":
        unit = "pound sterling"
    elif unit.lower() in SUFFIX_LOOKUP:
        unit = SUFFIX_LOOKUP[unit.lower()]
    return Figure(text[m.start() : end], m.start(), end, None, None, unit, "vague")


def _read_quantity(text: str, m: re.Match[str]) -> _Quantity | None:
    """Read the number at `m` with its currency, scale and unit; None when it is not a quantity."""
    start = m.start()
    if m.group("words") is not None:
        parsed = parse_spelled(m.group("words"))
        if parsed is None:
            return None
        value, used = parsed
        end = m.start("words") + used
        if text[start : start + 2].lower() == "a " and text[max(0, start - 5) : start].lower() == "half ":
            start -= 5  # "half a million"
            value /= 2
        elif text[start : start + 2].lower() == "a ":
            part = FRACTION_OF_RE.search(text, max(0, start - 24), start)
            if part is not None:
                # "a quarter of a million homes", "three-quarters of a billion dollars"
                value *= 0.75 if part.group("three") else 0.25
                start = part.start()
        q = _Quantity(start, end, value, value, text[start:end], True)
        # "a million pounds" is money like "1m pounds"; "sixfold" leaves "fold" for the unit reader.
        q.scaled = value >= 1000 and any(w in q.literal.lower() for w in ("thousand", "million", "billion"))
    else:
        num = m.group("num")
        frac = m.group("frac")
        num_start = m.start("num")
        shape = DATE_SHAPE_RE.match(text, num_start) or PHONE_RE.match(text, num_start)
        if shape is None and num_start >= 1 and text[num_start - 1] == "(":
            shape = PHONE_RE.match(text, num_start - 1)
        if shape is None and m.group("sign") == "+":
            shape = PLUS_PHONE_RE.match(text, num_start - 1)
        if shape is not None:
            return _Quantity(start, shape.end(), 0.0, 0.0, shape.group(), False, identifier=True)
        time_match = TIME_AFTER_RE.match(text, m.end("num"))
        if time_match is not None and time_match.end() > m.end("num") and len(num) <= 5:
            return _Quantity(start, time_match.end(), 0.0, 0.0, num, False, identifier=True)
        if "," not in num and "." not in num and len(num) <= 4 and m.group("cur") is None:
            near = _last_words(text, start, 2)
            month_near = any(w[:3] in _MONTH_STARTS or w.rstrip(".,")[-3:] in _MONTH_ENDS for w in near)
            if month_near and MONTH_BEFORE_RE.search(text, max(0, start - 24), start):
                return _Quantity(start, m.end(), 0.0, 0.0, num, False, identifier=True)
            if len(num) <= 2:
                after_month = MONTH_AFTER_RE.match(text, m.end("num"))
                if after_month is not None:
                    return _Quantity(start, after_month.end(), 0.0, 0.0, num, False, identifier=True)
        literal = num + (frac or "")
        if frac:
            top = parse_digits(num)
            bottom = parse_digits(frac[1:])
            if top is None or bottom is None or not (0 < top < bottom <= 16):
                return None
        parsed_value = parse_digits(literal)
        if parsed_value is None:
            return None
        end = m.end()
        q = _Quantity(start, end, parsed_value, parsed_value, literal, False)
        sign = m.group("sign")
        cur = m.group("cur")
        if cur is not None:
            q.unit = PREFIX_CURRENCIES.get(cur) or PREFIX_CURRENCIES.get(cur.upper())
            if q.unit is None:
                return None
            q.measured = q.currency_prefix = True
        if sign in ("-", "−"):
            before = text[start - 1] if start > 0 else " "
            if before.isdigit():
                return None
            q.value = q.raw = -q.value
        elif sign == "+":
            q.qualifier = "increase"
        # Letters glued before: "TA-35", "COVID-19", "minus-260", "sub-300".
        if cur is None and start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
            word_match = PREV_WORD_RE.search(text, max(0, start - 30), start - 1)
            word = word_match.group(1).lower() if word_match else ""
            if word == "minus":
                q.value = q.raw = -abs(q.value)
            elif word == "sub":
                q.qualifier = "less_than"
            elif word == "over":
                q.qualifier = "more_than"
            elif word not in _HYPHEN_PREFIX_OK:
                q.identifier = True
        if start >= 1 and text[start - 1] in "#№":
            q.identifier = True
        if (
            len(num) == 2
            and start >= 1
            and text[start - 1] in "'’"
            and (start < 2 or not text[start - 2].isalnum())
            and not text[m.end() : m.end() + 1].isdigit()
            and SHORT_YEAR_AFTER_RE.match(text, m.end())
            and SUFFIX_UNIT_RE.match(text, m.end() + 1) is None  # "'98 percent'" is a quoted figure
        ):
            q.identifier = True  # "in '98", "the ’90s": a year
        if cur is None and sign is None and start >= 2 and text[start - 1] in "-–/" and text[start - 2].isdigit():
            q.tail = True  # the tail of a date or range read elsewhere ("Feb. 11-15")
        if cur is None and "," not in num and "." not in num and len(num) >= 10:
            q.identifier = True  # long digit strings are ids, timestamps and phone numbers
        if start >= 2 and text[start - 2 : start] in ('="', "='"):
            q.identifier = True  # markup attribute values
    near_text = text[max(0, start - 10) : start].lower()
    minus = (
        MINUS_BEFORE_RE.search(text, max(0, start - 12), start)
        if "minus" in near_text or "negat" in near_text
        else None
    )
    if minus is not None and PLUS_OR_MINUS_RE.search(text, max(0, start - 20), start) is not None:
        minus = None  # "a margin of error of plus or minus 3 points" is a size, not a negative value
    if minus is not None and m.group("cur") is None and m.group("sign") is None:
        q.start = minus.start()
        q.value = q.raw = -q.value
    _read_unit(text, q)
    return q


def _read_unit(text: str, q: _Quantity) -> None:
    """Extend `q` over a scale word ("million", "bn") and a unit ("%", "square kilometres", "a month")."""
    pos = q.end
    length = len(text)
    glued = pos < length and (text[pos].isalpha() or text[pos] in "μµ%°º²")
    if glued and not q.spelled:
        # Letters glued to digits must be a scale or a unit ("3bn", "155mph"), else it is no quantity ("22nd").
        unit_match = SUFFIX_UNIT_RE.match(text, pos)
        if unit_match is None:
            scale_match = SCALE_AFTER_RE.match(text, pos)
            cased = CASED_UNIT_RE.match(text, pos)
            if (scale_match is None or scale_match.group("abbr") is None) and cased is None:
                q.identifier = True
                return
    if not q.spelled:
        scale_match = SCALE_AFTER_RE.match(text, pos)
        if scale_match is not None:
            word = scale_match.group().strip(" \u00a0-").lower() if scale_match.group("abbr") is None else None
            abbr = scale_match.group("abbr")
            use = True
            if abbr == "m":
                # "12.3m tonnes", "£3m" are millions; a bare "100m" is metres.
                after = text[scale_match.end() : scale_match.end() + 30]
                next_word = WORD_RE.match(after.lstrip(" \u00a0")) if after[:1] in (" ", "\u00a0") else None
                following = next_word.group().lower() if next_word is not None else ""
                use = q.currency_prefix or (
                    next_word is not None
                    and (following not in STOP_WORDS or following in _COUNT_CHANGE_WORDS)
                    and following not in _METRE_CONTEXT
                    and not following[0].isdigit()
                )
            elif abbr == "b" and not q.currency_prefix:
                use = False
            if use:
                key = word if word is not None else abbr.lower() if abbr else scale_match.group().strip().lower()
                if key == "b" or (abbr is None and key == "b"):
                    key = "b"
                factor = SCALE_WORDS.get(key) or SCALE_WORDS.get(key.lower())
                if factor is not None:
                    q.value *= factor
                    q.scaled = True
                    pos = scale_match.end()
                    # "1.2 lakh crore", "two thousand million": a second scale word multiplies again
                    again = SCALE_AFTER_RE.match(text, pos) if word is not None else None
                    if again is not None and again.group("word") is not None:
                        more = SCALE_WORDS.get(again.group().strip(" \u00a0-").lower())
                        if more is not None and more > factor:
                            q.value *= more
                            pos = again.end()
                    q.value = float(f"{q.value:.12g}")  # 8.3 * 1e6 is 8300000.000000001 in binary
    if text.startswith(("-plus", "+ "), pos) and q.qualifier is None:
        q.qualifier = "more_than"  # "35-plus hours", "50+ countries": the unit follows the comparison
        pos += 5 if text[pos] == "-" else 1
    # Age: "18-year-old", "400 million-year-old", "25 years old".
    age = AGE_RE.match(text, pos)
    if age is not None:
        q.unit = AGE_UNITS[age.group("age").lower()]
        q.measured = True
        q.end = age.end()
        return
    unit_pos = pos
    if pos < length and text[pos] in " \u00a0-":
        unit_pos = pos + 1
    if q.unit is None:
        unit_match = SUFFIX_UNIT_RE.match(text, unit_pos)
        if unit_match is None and unit_pos != pos:
            unit_match = SUFFIX_UNIT_RE.match(text, pos)
        if unit_match is not None:
            surface = unit_match.group().lower()
            q.unit = SUFFIX_LOOKUP.get(surface) or SUFFIX_LOOKUP.get(surface.replace("\u00a0", " "))
            if q.unit is not None:
                q.measured = True
                pos = unit_match.end()
        if q.unit is None:
            pound = POUND_RE.match(text, unit_pos)
            if pound is not None:
                q.unit = "pound sterling" if q.scaled else "pound-mass"
                q.measured = True
                pos = pound.end()
        if q.unit is None and not q.spelled:
            cased = CASED_UNIT_RE.match(text, pos)
            if cased is not None:
                letter = cased.group("unit")
                spaced = bool(cased.group("sep"))
                if not spaced or letter in "CFWVRmg":
                    if letter == "m" and spaced and q.currency_prefix:
                        pass
                    else:
                        q.unit = CASED_SUFFIX_UNITS[letter]
                        q.measured = True
                        pos = cased.end()
    elif q.currency_prefix:
        # "$5 million dollars" is rare; a currency word after a prefixed number is simply absorbed.
        pass
    if q.unit is not None and q.unit not in _PERCENT_LIKE:
        rate = RATE_RE.match(text, pos)
        if rate is not None:
            den = rate.group("den").lower()
            q.unit = f"{q.unit} per {RATE_DENOMINATORS.get(den, den)}"
            pos = rate.end()
    q.end = pos
    if q.unit is None and "/" in q.literal:
        q.identifier = True  # "5/12" without a unit is a date or a score, not a fraction
        return
    if q.unit is None and pos < length and text[pos] == "-":
        glued_noun = _hyphen_noun(text, pos)
        if glued_noun is not None:
            q.unit, q.end = glued_noun
            return
    if q.unit is None:
        noun = _counted_noun(text, pos)
        change = _COUNT_CHANGE_RE.match(text, pos) if noun is None else None
        if change is not None:
            # "1,500 more agents", "40 fewer buses": a change in a count, the noun is still the unit
            noun = _counted_noun(text, change.end())
            if noun is not None:
                q.count_change = "decrease" if change.group(1).lower() == "fewer" else "increase"
        if noun is None:
            of_the = OF_THE_RE.match(text, pos)
            if of_the is not None and not text[of_the.end() : of_the.end() + 1].isdigit():
                # "400 of its stores", "12 of the new recruits": the counted noun comes after "of the"
                noun = _counted_noun(text, of_the.end() - 1)
        if noun is not None:
            q.unit, q.end = noun


def _title_case_heading(unit: str, text: str, end: int) -> bool:
    """A "counted noun" in title case ("Zoe Saldana Respond", "Things The ...") is a listicle heading."""
    words = unit.split()
    if not all(word[0].isupper() for word in words):
        return False
    return len(words) >= 2 or _next_word_capitalised(text, end)


def _elided_unit(text: str, start: int, previous: Figure) -> str | None:
    """The unit of the figure before, for a bare number that continues it: "435 homes by sale and 187 by
    tender", "460 vehicles were stolen, compared with 63 last year", "rose $12 to 1,850"."""
    if previous.unit is None or previous.unit in _PERCENT_LIKE or previous.value is None:
        return None
    if start - previous.end > 100:
        return None
    gap = text[previous.end : start]
    if ")" in gap or ";" in gap or "(" in gap or any(c.isdigit() for c in gap) or SENTENCE_END_RE.search(gap):
        return None
    last = _last_words(text, start, 2)
    if not last or last[-1] not in _ELLIPSIS_LINKS:
        return None
    need = _ELLIPSIS_LINKS[last[-1]]
    if need and (len(last) < 2 or last[0] not in need):
        return None
    return previous.unit


def _drop_modifiers(words: list[str]) -> list[str]:
    """Leading words that size or sum the count rather than name it: "combined", "additional", and an adverb
    with the participle it modifies ("decently sized plants" -> "plants")."""
    while len(words) > 1:
        lower = words[0].lower()
        if lower in _COUNT_MODIFIERS:
            words = words[1:]
        elif lower.endswith("ly") and len(lower) > 4 and len(words) > 2 and lower not in _LY_ADJECTIVES:
            words = words[2:]
        else:
            break
    return words


def _enumerator(text: str, start: int, end: int) -> bool:
    """Whether a small number numbers a list item: "2) Kasich", "3. Voters", a heading "9 Things Trump Said"."""
    after = text[end : end + 2]
    if after[:1] == ")" and "(" not in text[max(0, start - 40) : start]:
        return True
    line_start = (
        start == 0 or text[max(0, start - 4) : start].rstrip(" \t").endswith("\n") or (text[:start].strip() == "")
    )
    if not line_start:
        return False
    if after[:1] in (".", ":") and (after[1:2] in (" ", "") or after[1:2] == "\n"):
        return True
    if after[:1] in ("\n", "") and start > 0:
        return True  # a number alone on its line numbers the item below it
    return start > 0 and after[:1] == " " and end + 1 < len(text) and (text[end + 1].isupper() or text[end + 1] == "(")


def _counted_noun(text: str, pos: int, allow_no_space: bool = False) -> tuple[str, int] | None:
    """A counted noun after a number ("400 jobs", "460 Kia and Hyundai vehicles"): (unit name, end)."""
    if pos >= len(text):
        return None
    if text[pos] in " \u00a0":
        pos += 1
    elif not allow_no_space:
        return None
    tokens: list[str] = []
    cursor = pos
    for _ in range(5):
        word = WORD_RE.match(text, cursor)
        if word is None:
            return None
        token = word.group()
        lower = token.lower()
        if lower == "other" and not tokens:
            # "1,700 other criminals": the unit is the noun after "other"
            cursor = word.end()
            if cursor < len(text) and text[cursor] in " \u00a0":
                cursor += 1
                continue
            return None
        if (lower in STOP_WORDS and not (lower in ("and", "or") and tokens)) or lower in NUMBER_WORDS:
            return None
        if token[0].isdigit():
            # a model number inside a name ("two new 737 Max jets") is kept; "12 sold 100 million units" is not
            if not tokens or not (tokens[-1][0].isupper() or _next_word_capitalised(text, word.end())):
                return None
        if lower == "and" and tokens:
            pass
        elif looks_plural(token):
            tokens.append(token)
            words = [t for t in tokens if t.lower() not in ("and", "or")]
            owner = max((i for i, t in enumerate(words) if t.endswith(("'s", "’s"))), default=-1)
            if 0 <= owner < len(words) - 1:
                words = words[owner + 1 :]  # "66 of the state's delegates": the owner is no part of the unit
            words = [_COMPARATIVES.get(w.lower(), w) for w in _drop_modifiers(words)[:-1]] + words[-1:]
            words[-1] = singular(words[-1])
            return " ".join(words), word.end()
        tokens.append(token)
        cursor = word.end()
        if cursor < len(text) and text[cursor] in " \u00a0":
            cursor += 1
        else:
            return None
    return None


def _next_word_capitalised(text: str, pos: int) -> bool:
    """Whether the word after `pos` (past one space) starts with a capital letter."""
    return pos + 1 < len(text) and text[pos] in " \u00a0" and text[pos + 1].isupper()


def _hyphen_noun(text: str, pos: int) -> tuple[str, int] | None:
    """A noun glued by a hyphen to a number ("a 300-page report", "a 3-bedroom flat"): (unit name, end)."""
    m = HYPHEN_NOUN_RE.match(text, pos)
    if m is None:
        return None
    word = m.group("word")
    if word in STOP_WORDS or word in _NOT_HYPHEN_NOUNS or word.endswith(("ly", "th", "ths")):
        return None
    return singular(word), m.end()


_COUNT_CHANGE_RE = re.compile(r"[ \u00a0](more|fewer)(?=[ \u00a0])", re.IGNORECASE)
_COUNT_CHANGE_WORDS: frozenset[str] = frozenset({"more", "fewer", "extra", "additional"})
# Words after "300m" that make the "m" metres rather than millions ("300m long", "the 100m sprint").
_METRE_CONTEXT: frozenset[str] = frozenset(
    """long tall high wide deep away above below across underground downhill uphill race sprint hurdles
    freestyle butterfly backstroke breaststroke medley relay dash final finals record swim""".split()
)
_STRIP = " \u00a0(\"'“‘"


def _last_words(text: str, start: int, count: int = 2) -> list[str]:
    """The last `count` words before `start`, lower-cased, without opening brackets or quotes."""
    words = text[max(0, start - 40) : start].lower().split()
    cleaned = [w.strip(_STRIP) for w in words[-(count + 2) :]]
    return [w for w in cleaned if w][-count:]


def _word_set(alternation: str) -> frozenset[str]:
    """Final words of the phrases in a regex alternation ("edged\\s+up" -> "up")."""
    return frozenset(re.split(r"\\s\+|\{_SP\}\+", part)[-1] for part in alternation.split("|"))


_QUALIFIER_LAST = frozenset(
    """about around approximately approx approx. roughly nearly almost some estimated to circa ca. c. on less
    take
    than over above least exceeding exceeded exceeds of topping beyond under below most max max. ~ ≈""".split()
)
_CHANGE_LAST = _word_set(_UP) | _word_set(_DOWN) | {"by", "a", "an", "another", "of", "+"}
_MONTH_STARTS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
# last letters of month names, to catch a month glued to the word before it in scraped text ("FeaturedFebruary 6")
_MONTH_ENDS = frozenset("ary rch ril may une uly ust ber".split())


def _qualifier_before(text: str, start: int) -> Qualifier | None:
    """The comparison or approximation written just before the number ("more than (", "around")."""
    before = text[max(0, start - 40) : start]
    if not before:
        return None
    last = _last_words(text, start, 1)
    if not last or (last[0] not in _QUALIFIER_LAST and not last[0].endswith(("~", "≈", "sub-"))):
        return None
    if NOT_MORE_RE.search(before):
        return "less_than"
    if NOT_LESS_RE.search(before):
        return "more_than"
    if APPROX_RE.search(before):
        return "approx"
    if MORE_RE.search(before):
        return "more_than"
    if LESS_RE.search(before):
        if LEAD_UP_TO_RE.search(before):
            return None  # "the lead-up to 3G", "the run-up to 2024": a time before, not an upper bound
        return "less_than"
    return None


def _change_before(text: str, start: int) -> Qualifier | None:
    """A change verb just before the number ("rose 0.3%", "was down 19 cents", "grow sales by 35%")."""
    last = _last_words(text, start, 1)
    if not last or (last[0] not in _CHANGE_LAST and not last[0].endswith("+")):
        return None
    if last[0] in ("up", "down"):
        verb = _last_words(text, start, 2)
        if len(verb) == 2 and verb[0] in PHRASAL_VERBS:
            return None  # "round up 11 million people", "shut down 40 plants": not a change in the figure
    before = text[max(0, start - 50) : start]
    if UP_RE.search(before):
        return "increase"
    if DOWN_RE.search(before):
        return "decrease"
    return None


def _prev_word(text: str, start: int) -> str:
    """The word right before `start` as written ("S&P", "Article"), or "" after punctuation."""
    stripped = text[max(0, start - 30) : start].rstrip(" \u00a0")
    if not stripped or not (stripped[-1].isalnum() or stripped[-1] in "&'’."):
        return ""
    parts = stripped.split()
    if not parts:
        return ""
    token = parts[-1]
    cut = len(token)
    while cut > 0 and (token[cut - 1].isalnum() or token[cut - 1] in "_&'’."):
        cut -= 1
    run = token[cut:]
    for index, char in enumerate(run):
        if "a" <= char.lower() <= "z":
            return run[index:]
    return ""


def _year_like(q: _Quantity) -> bool:
    literal = q.literal
    return (
        not q.spelled
        and len(literal) == 4
        and literal.isdigit()
        and 1000 <= q.raw <= 2100
        and not q.currency_prefix
        and not q.scaled
    )


def _read_figure(text: str, m: re.Match[str], previous: Figure | None) -> tuple[Figure | None, int]:
    """Turn the number at `m` into a figure (or None), and say where scanning resumes."""
    first = _read_quantity(text, m)
    if first is None:
        return None, m.end()
    if first.identifier or first.tail:
        return None, first.end
    if first.unit is None and ZIP_AFTER_RE.match(text, first.end):
        return None, first.end  # "the 90049 ZIP code"
    if (
        not first.measured
        and not first.spelled
        and len(first.literal) <= 2
        and (first.unit is None or _title_case_heading(first.unit, text, first.end))
        and _enumerator(text, first.start, m.end())
    ):
        return None, first.end
    start = first.start
    value_max: float | None = None
    end = first.end
    qualifier: Qualifier | None = first.qualifier
    before_word = _prev_word(text, start)
    from_change: Qualifier | None = None
    change_word = ""
    before_text = text[max(0, start - 40) : start]
    if before_word.lower() in ("from", "to"):
        up = CHANGE_FROM_UP_RE.search(before_text)
        down = CHANGE_FROM_DOWN_RE.search(before_text) if up is None else None
        if up is not None or down is not None:
            from_change = "increase" if up is not None else "decrease"
            change_word = (up or down).group("word").lower()  # type: ignore[union-attr]
    between = before_word.lower() == "between" or (
        before_word.lower() == "of" and BETWEEN_AGES_RE.search(text, max(0, start - 30), start) is not None
    )
    # A range: "3-5", "from 2,415 to 2,315", "between 3 and 5", "1 to 2 thousand people".
    second: _Quantity | None = None
    connector = RANGE_RE.match(text, first.end)
    if connector is not None:
        is_and = connector.group().strip(" \u00a0").lower() == "and"
        is_to = "to" in connector.group().lower()
        change_without_from = is_to and _change_before(text, start) is not None and not before_word.lower() == "from"
        if (not is_and or between) and (not change_without_from or first.unit is None):
            m2 = NUMBER_RE.match(text, connector.end())
            if m2 is not None and m2.group("sign") is None:
                candidate = _read_quantity(text, m2)
                if candidate is not None and candidate.identifier and connector.group() in ("-", "–"):
                    return None, candidate.end  # "10-11 a.m.": the whole run is a time or a code
                if (
                    candidate is not None
                    and not candidate.identifier
                    and _compatible(first, candidate, connector)
                    # after a change verb only "lost 10,000 to 15,000 jobs" is a range: "fell 2 to 13176" is not
                    and (
                        not change_without_from
                        or (candidate.unit is not None and not candidate.measured and first.value <= candidate.value)
                    )
                ):
                    second = candidate
    reverse = False
    if second is None and change_word == "to":
        # "narrowed to 138,285 lots from 212,577 lots": the change runs from the second number to the first.
        after_from = FROM_AFTER_RE.match(text, first.end)
        if after_from is not None:
            m2 = NUMBER_RE.match(text, after_from.end())
            if m2 is not None and m2.group("sign") is None:
                candidate = _read_quantity(text, m2)
                if (
                    candidate is not None
                    and not candidate.identifier
                    and not _year_like(candidate)
                    and (candidate.unit == first.unit or candidate.unit is None or first.unit is None)
                ):
                    second = candidate
                    reverse = True
    if second is not None:
        if second.unit is not None and first.unit is None:
            first.unit, first.measured = second.unit, second.measured
        elif first.unit is not None and second.unit is None:
            second.unit = first.unit
        if second.scaled and not first.scaled and first.raw < second.raw and not first.spelled:
            first.value *= second.value / second.raw if second.raw else 1.0
            first.scaled = True
        season = len(second.literal) == 2 and second.literal.isdigit()  # "2019-20"
        if (
            first.unit is None
            and second.unit is None
            and first.value == second.value
            and connector is not None
            and connector.group() in ("-", "–")
        ):
            return None, second.end  # "drew 2-2", "a 50-50 split": a score or a ratio, never a range
        if (
            connector is not None
            and connector.group() == "-"
            and first.unit is None
            and second.unit is None
            and "," not in first.literal + second.literal
            and len(first.literal) >= 3  # scores are small: "won 5-4 Tuesday"
            and MODEL_AFTER_RE.match(text, second.end)
        ):
            return None, second.end  # "the 787-9 Dreamliner", "an A320-200 Neo": a model number
        if connector is not None and connector.group() in ("-", "–") and HYPHEN_DIGIT_RE.match(text, second.end):
            chain = DIGIT_CHAIN_RE.match(text, second.end)
            return None, chain.end() if chain is not None else second.end  # "a 3-2-1 plan", "1-800-555": a code
        if _year_like(first) and first.unit is None and (_year_like(second) or season):
            return None, second.end
        value_max = second.value
        end = second.end
        if reverse:
            first.value, value_max = second.value, first.value
    elif first.unit is None:
        # "eight or nine euros", "7- or 8-inch": the unit written once serves both numbers.
        alternative = (
            OR_AFTER_RE.match(text, first.end)
            or OF_THE_RE.match(text, first.end)
            or OF_NUMBER_RE.match(text, first.end)
        )
        if alternative is not None:
            m2 = NUMBER_RE.match(text, alternative.end())
            if m2 is not None:
                candidate = _read_quantity(text, m2)
                if candidate is not None and candidate.unit is not None and not candidate.identifier:
                    first.unit, first.measured = candidate.unit, candidate.measured
                    if candidate.scaled and not first.scaled and first.raw < candidate.raw:
                        first.value *= candidate.value / candidate.raw if candidate.raw else 1.0
    # Not a figure: years, names, appositive ages, lone spelled numbers.
    if second is not None and first.unit is None and before_word.lower() in IDENTIFIER_WORDS:
        return None, end  # "No. 14-915", "Articles 5-7"
    if second is None and not first.measured:
        if _year_like(first) and _qualifier_before(text, start) is None:
            # "in 2019", "the 2016 presidential candidates": a year, unless compared ("about 2000 people").
            return None, first.end
        if (
            before_word
            and before_word[0].isupper()
            and before_word.lower() not in CAPITAL_OK
            # a headline verb ("Firm Cuts 1,200 Jobs") or a number with separators is no part of a name
            and before_word.lower() not in _CHANGE_LAST
            and before_word.lower() not in HEADLINE_VERBS
            and "," not in first.literal
        ):
            if not text[max(0, start - 2) : start].strip(" \u00a0").endswith((",", ";", ":", ".", "(")):
                return None, first.end
        if before_word.lower() in IDENTIFIER_WORDS:
            return None, first.end
        if (
            first.unit is None
            and not first.spelled
            and first.raw <= 120
            and text[max(0, start - 2) : start] == ", "
            and text[first.end : first.end + 1] == ","
            and NAME_COMMA_RE.search(text, max(0, start - 30), start)
        ):
            return None, first.end
        if first.spelled and first.unit is None and first.value < 1000:
            return None, first.end
        if first.spelled and first.raw == 1 and first.unit is not None and not first.measured:
            return None, first.end
    if (
        first.unit is None
        and not first.spelled
        and _last_words(text, start, 1)
        in (["aged"], ["age"], ["ages"], ["of"], ["turns"], ["turn"], ["turned"], ["turning"], ["be"])
        and AGE_CONTEXT_RE.search(text, max(0, start - 30), start)
    ):
        if float(first.value).is_integer() and 0 < first.value <= 120:
            first.unit, first.measured = "year of age", True
    if first.unit is None and second is None and previous is not None:
        first.unit = _elided_unit(text, start, previous)
        if first.unit is None and OF_THEM_RE.match(text, first.end) and previous.unit not in _PERCENT_LIKE:
            gap = text[previous.end : start]
            if len(gap) <= 40 and not any(c.isdigit() for c in gap) and not SENTENCE_END_RE.search(gap):
                first.unit = previous.unit  # "1,200 people, 300 of them in Leeds"
    # Qualifier: explicit comparison first, then a change verb, then inherited from "X, or Y".
    written = _qualifier_before(text, start)
    if written is not None and qualifier is None:
        qualifier = written
    reached = change_word == "to" and _last_words(text, start, 2)[:1] not in (["up"], ["down"])
    if qualifier is None and from_change is not None and (second is not None or reached):
        qualifier = from_change  # "fell from 5% to 4%", "climbed to 6.7%" (but "inching up to 4.8%" is "at most")
    if qualifier is None and second is None:
        qualifier = _change_before(text, start) or first.count_change
    elif qualifier is None and from_change is None:
        qualifier = _change_before(text, start)  # "lost 10,000 to 15,000 jobs", "prices rose 5-10%"
    if qualifier is None and previous is not None and previous.qualifier in ("increase", "decrease"):
        gap = text[previous.end : start]
        if len(gap) <= 8 and OR_BEFORE_RE.search(gap):
            qualifier = previous.qualifier
    if qualifier is None and previous is not None and previous.qualifier != "exact" and second is None:
        # "lower than 8.90 ksi (61.4 MPa)", "fell 45 points (0.6%)": a conversion in brackets shares the qualifier
        if text[previous.end : start].strip(" \u00a0") in ("(", "[", "or (") and previous.value is not None:
            qualifier = previous.qualifier
    if qualifier is None:
        after = AFTER_QUALIFIER_RE.match(text, end)
        if after is not None:
            qualifier = "more_than" if after.group("more") else "less_than" if after.group("less") else "approx"
    value = first.value
    figure = Figure(
        surface=text[start:end],
        start=start,
        end=end,
        value=value,
        value_max=value_max,
        unit=first.unit,
        qualifier=qualifier or "exact",
    )
    return figure, end


def _compatible(first: _Quantity, second: _Quantity, connector: re.Match[str]) -> bool:
    """Whether two numbers joined by "-", "to" or "and" form one range rather than two figures."""
    if first.unit is not None and second.unit is None:
        # "$5-10" shares the currency; "fell 0.4% to 13176" is a change and a level, not a range.
        return connector.group().strip(" \u00a0") in ("-", "–", "—")
    if first.unit is None or second.unit is None:
        return True
    return first.unit == second.unit
