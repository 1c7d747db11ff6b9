"""Unit tables: surface forms ("km", "per cent", "£", "barrels a day") to claimdb's normalized unit names.

The names are the readable singular English names of the NewsQuant/CQE vocabulary ("percentage", "dollar",
"square kilometre", "mile per hour", "year of age"), so figures can be compared with that benchmark without a
translation table. Counted nouns ("people", "jobs") are units too; `singular` turns them into their name.
"""

from __future__ import annotations

import re

# Normalized name -> surfaces written after the number (matched case-insensitively, longest first).
SUFFIX_UNITS: dict[str, tuple[str, ...]] = {
    "percentage": ("%", "percent", "per cent", "pct", "per-cent", "percentage"),
    "percentage point": ("percentage points", "percentage point", "percentage pts", "ppts", "pp"),
    "basis point": ("basis points", "basis point", "bps", "bp"),
    "point": ("points", "point", "pts"),
    "dollar": ("dollars", "dollar", "usd", "us dollars", "u.s. dollars", "bucks"),
    "euro": ("euros", "euro", "eur"),
    "pound sterling": ("gbp", "sterling", "pounds sterling"),
    "cent": ("cents", "cent"),
    "pence": ("pence",),
    "japanese yen": ("yen", "jpy"),
    "chinese yuan": ("yuan", "renminbi", "rmb", "cny"),
    "shekel": ("shekels", "shekel", "nis", "new shekels"),
    "indian rupee": ("rupees", "rupee", "inr"),
    "malaysian ringgit": ("ringgit", "myr"),
    "croatian kuna": ("kuna", "kn", "hrk"),
    "south african rand": ("rand", "zar"),
    "swiss franc": ("swiss francs", "chf"),
    "russian ruble": ("roubles", "rubles", "rouble", "ruble"),
    "south korean won": ("krw",),
    "hong kong dollar": ("hong kong dollars", "hkd"),
    "canadian dollar": ("canadian dollars", "cad"),
    "australian dollar": ("australian dollars", "aud"),
    "bitcoin": ("bitcoins", "bitcoin", "btc"),
    "metre": ("metres", "meters", "metre", "meter"),
    "kilometre": ("kilometres", "kilometers", "kilometre", "kilometer", "km", "kms"),
    "centimetre": ("centimetres", "centimeters", "centimetre", "centimeter", "cm"),
    "millimetre": ("millimetres", "millimeters", "millimetre", "millimeter", "mm"),
    "micrometre": ("micrometres", "micrometers", "micrometre", "micrometer", "microns", "micron", "μm", "µm"),
    "nanometre": ("nanometres", "nanometers", "nanometre", "nanometer", "nm"),
    "mile": ("miles", "mile", "mi"),
    "nautical mile": ("nautical miles", "nautical mile"),
    "yard": ("yards", "yard", "yds", "yd"),
    "foot": ("feet", "foot", "ft"),
    "inch": ("inches", "inch"),
    "light year": ("light years", "light-years", "light year", "light-year"),
    "square metre": (
        "square metres",
        "square meters",
        "square metre",
        "square meter",
        "sq m",
        "sqm",
        "sq. m",
        "sq metres",
        "sq meters",
        "m²",
        "m2",
    ),
    "square kilometre": (
        "square kilometres",
        "square kilometers",
        "square kilometre",
        "square kilometer",
        "sq km",
        "sq. km",
        "km²",
        "km2",
    ),
    "square foot": ("square feet", "square foot", "sq ft", "sq. ft", "sq. ft.", "sqft", "ft²"),
    "square mile": ("square miles", "square mile", "sq mi", "sq miles"),
    "hectare": ("hectares", "hectare", "ha"),
    "acre": ("acres", "acre"),
    "litre": ("litres", "liters", "litre", "liter"),
    "millilitre": ("millilitres", "milliliters", "millilitre", "milliliter", "ml"),
    "gallon": ("gallons", "gallon"),
    "barrel": ("barrels", "barrel", "bbl"),
    "cubic metre": ("cubic metres", "cubic meters", "cubic metre", "cubic meter", "m³"),
    "metric ton": ("tonnes", "tonne", "metric tons", "metric ton", "metric tonnes"),
    "ton": ("tons", "ton"),
    "kilogram": ("kilograms", "kilogrammes", "kilogram", "kilogramme", "kilos", "kilo", "kg", "kgs"),
    "gram": ("grams", "grammes", "gram", "gramme"),
    "milligram": ("milligrams", "milligram", "mg"),
    "pound-mass": ("lbs", "lb"),
    "ounce": ("ounces", "ounce", "oz"),
    "pound-foot": ("pound-feet", "pound-foot", "lb-ft", "lb ft"),
    "second": ("seconds", "second", "secs", "sec"),
    "minute": ("minutes", "minute", "mins", "min"),
    "hour": ("hours", "hour", "hrs", "hr"),
    "day": ("days", "day"),
    "week": ("weeks", "week"),
    "month": ("months", "month"),
    "year": ("years", "year", "yrs"),
    "decade": ("decades", "decade"),
    "century": ("centuries", "century"),
    "mile per hour": ("miles per hour", "miles an hour", "mile per hour", "mph"),
    "kilometre per hour": (
        "kilometres per hour",
        "kilometers per hour",
        "kilometres an hour",
        "kilometers an hour",
        "km/h",
        "kph",
        "kmh",
    ),
    "metre per second": ("metres per second", "meters per second", "m/s"),
    "knot": ("knots", "knot"),
    "celsius": ("degrees celsius", "degree celsius", "celsius", "°c", "ºc", "degrees centigrade", "centigrade"),
    "fahrenheit": ("degrees fahrenheit", "degree fahrenheit", "fahrenheit", "°f", "ºf"),
    "kelvin": ("kelvin",),
    "degree": ("degrees", "degree", "°", "º"),
    "watt": ("watts", "watt"),
    "kilowatt": ("kilowatts", "kilowatt", "kw"),
    "megawatt": ("megawatts", "megawatt", "mw"),
    "gigawatt": ("gigawatts", "gigawatt", "gw"),
    "kilowatt hour": ("kilowatt hours", "kilowatt-hours", "kilowatt hour", "kilowatt-hour", "kwh"),
    "megawatt hour": ("megawatt hours", "megawatt-hours", "megawatt hour", "megawatt-hour", "mwh"),
    "gigawatt hour": ("gigawatt hours", "gigawatt-hours", "gigawatt hour", "gigawatt-hour", "gwh"),
    "terawatt hour": ("terawatt hours", "terawatt-hours", "terawatt hour", "terawatt-hour", "twh"),
    "volt": ("volts", "volt"),
    "kilovolt": ("kilovolts", "kilovolt", "kv"),
    "milliampere hour": ("mah",),
    "hertz": ("hertz", "hz"),
    "kilohertz": ("kilohertz", "khz"),
    "megahertz": ("megahertz", "mhz"),
    "gigahertz": ("gigahertz", "ghz"),
    "byte": ("bytes", "byte"),
    "kilobyte": ("kilobytes", "kilobyte", "kb"),
    "megabyte": ("megabytes", "megabyte", "mb"),
    "gigabyte": ("gigabytes", "gigabyte", "gb"),
    "terabyte": ("terabytes", "terabyte", "tb"),
    "megabit per second": ("megabits per second", "mbps", "mbit/s"),
    "gigabit per second": ("gigabits per second", "gbps"),
    "bit": ("bits",),
    "horsepower": ("horsepower", "hp", "bhp"),
    "pound per square inch": ("pounds per square inch", "psi"),
    "kilopound per square inch": ("ksi",),
    "megapascal": ("megapascals", "megapascal", "mpa"),
    "kilopascal": ("kilopascals", "kilopascal", "kpa"),
    "calorie": ("calories", "calorie", "kcal"),
    "part per million": ("parts per million", "part per million", "ppm"),
    "part per billion": ("parts per billion", "ppb"),
    "revolutions per minute": ("revolutions per minute", "rpm"),
    "decibel": ("decibels", "decibel", "db"),
    "people": ("people", "persons"),
    "count": ("times", "fold", "-fold"),
}
# Surfaces whose case matters (a capital letter changes the meaning); matched only when written so.
CASED_SUFFIX_UNITS: dict[str, str] = {
    "G": "generation wireless",
    "C": "celsius",
    "F": "fahrenheit",
    "W": "watt",
    "V": "volt",
    "R": "south african rand",
    "L": "litre",
    "l": "litre",
    "g": "gram",
    "p": "point",
    "m": "metre",
    "t": "metric ton",
}
# Currency written before the number, longest first: "US$", "HK $", "£", "RM", "Y=".
PREFIX_CURRENCIES: dict[str, str] = {
    "US$": "dollar",
    "US $": "dollar",
    "U.S.$": "dollar",
    "USD": "dollar",
    "USD ": "dollar",
    "HK$": "hong kong dollar",
    "HK $": "hong kong dollar",
    "A$": "australian dollar",
    "AU$": "australian dollar",
    "AUD ": "australian dollar",
    "C$": "canadian dollar",
    "CA$": "canadian dollar",
    "CAD ": "canadian dollar",
    "NZ$": "new zealand dollar",
    "S$": "singapore dollar",
    "R$": "brazilian real",
    "$": "dollar",
    "£": "pound sterling",
    "GBP ": "pound sterling",
    "€": "euro",
    "EUR ": "euro",
    "¥": "japanese yen",
    "Y=": "japanese yen",
    "JPY ": "japanese yen",
    "₹": "indian rupee",
    "Rs.": "indian rupee",
    "Rs ": "indian rupee",
    "Rs": "indian rupee",
    "₩": "south korean won",
    "₽": "russian ruble",
    "₪": "shekel",
    "RM": "malaysian ringgit",
    "R": "south african rand",
}
# Denominators of rates: "$3,500 a month", "barrels per day", "$1,100 per square foot", "kV/cm".
RATE_DENOMINATORS: dict[str, str] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "night": "night",
    "week": "week",
    "month": "month",
    "year": "year",
    "annum": "year",
    "barrel": "barrel",
    "ounce": "ounce",
    "oz": "ounce",
    "tonne": "metric ton",
    "ton": "ton",
    "gallon": "gallon",
    "litre": "litre",
    "liter": "litre",
    "kilogram": "kilogram",
    "kg": "kilogram",
    "pound": "pound-mass",
    "lb": "pound-mass",
    "share": "share",
    "person": "person",
    "head": "head",
    "capita": "capita",
    "square foot": "square foot",
    "square feet": "square foot",
    "sq ft": "square foot",
    "square metre": "square metre",
    "square meter": "square metre",
    "sq m": "square metre",
    "sqm": "square metre",
    "acre": "acre",
    "hectare": "hectare",
    "kilowatt hour": "kilowatt hour",
    "kwh": "kilowatt hour",
    "mile": "mile",
    "km": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "cm": "centimetre",
    "m": "metre",
    "metre": "metre",
    "meter": "metre",
    "unit": "unit",
    "seat": "seat",
    "ticket": "ticket",
    "game": "game",
    "hr": "hour",
    "h": "hour",
    "yr": "year",
}
# Written after the number and a hyphen or space: age ("18-year-old", "18 months old").
AGE_UNITS: dict[str, str] = {
    "year": "year of age",
    "years": "year of age",
    "yr": "year of age",
    "month": "month of age",
    "months": "month of age",
    "week": "week of age",
    "weeks": "week of age",
    "day": "day of age",
    "days": "day of age",
}

SUFFIX_LOOKUP: dict[str, str] = {
    surface.lower(): name for name, surfaces in SUFFIX_UNITS.items() for surface in surfaces
}


def _alternation(surfaces: list[str]) -> str:
    """Regex alternation of literal surfaces, longest first so "sq km" wins over "sq"."""
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))


# The unit must end at a word boundary unless it ends in a symbol ("%", "°").
SUFFIX_UNIT_RE = re.compile(
    rf"(?:{_alternation(list(SUFFIX_LOOKUP))})(?:(?<=[^\w])|(?![\w]))",
    re.IGNORECASE,
)
CASED_SUFFIX_UNIT_RE = re.compile(rf"(?:{_alternation(list(CASED_SUFFIX_UNITS))})(?![\w])")
PREFIX_CURRENCY_RE = re.compile(rf"(?:{_alternation(list(PREFIX_CURRENCIES))})")
RATE_RE = re.compile(
    rf"[ \u00a0]?(?:/|(?:per|a|an|each)[ \u00a0])[ \u00a0]?(?P<den>{_alternation(list(RATE_DENOMINATORS))})(?![\w])",
    re.IGNORECASE,
)
AGE_RE = re.compile(
    r"[ \u00a0-](?P<age>years?|yrs?|months?|weeks?|days?)[ \u00a0-]old(?![\w])",
    re.IGNORECASE,
)

IRREGULAR_PLURALS: dict[str, str] = {
    "buses": "bus",
    "bonuses": "bonus",
    "campuses": "campus",
    "viruses": "virus",
    "people": "people",
    "persons": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "cattle": "cattle",
    "sheep": "sheep",
    "deer": "deer",
    "fish": "fish",
    "aircraft": "aircraft",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "feet": "foot",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "wolves": "wolf",
    "halves": "half",
    "shelves": "shelf",
    "leaves": "leaf",
    "thieves": "thief",
    "loaves": "loaf",
    "calves": "calf",
    "heroes": "hero",
    "potatoes": "potato",
    "tomatoes": "tomato",
    "vetoes": "veto",
    "echoes": "echo",
    "series": "series",
    "species": "species",
    "news": "news",
    "analyses": "analysis",
    "crises": "crisis",
    "theses": "thesis",
}
# Words ending in "s" that are not plural nouns, so never the head of a counted noun.
NOT_PLURAL: frozenset[str] = frozenset(
    """is was has does this its his hers ours yours theirs as us thus plus minus less unless always perhaps
    whereas across towards afterwards besides yes whilst amidst amongst nonetheless nevertheless regardless
    says gets goes makes takes comes sees looks seems means needs wants includes remains becomes stands
    lifts adds hits sits puts sets lets owns keeps tells asks earns pays""".split()
)


def singular(word: str) -> str:
    """Singular of an English plural noun ("tenancies" -> "tenancy", "launches" -> "launch", "people")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        replacement = IRREGULAR_PLURALS[lower]
        return replacement if word.islower() else word[: len(word) - len(lower)] + replacement
    if len(lower) > 4 and lower.endswith("ies") and lower[-4] not in "aeiou":
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def looks_plural(word: str) -> bool:
    """True for a word that reads as a plural noun: "jobs", "vehicles", "people" (not "is", "famous")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    if len(lower) < 3 or not word.endswith("s") or lower in NOT_PLURAL:
        return False
    if lower.endswith(("ss", "us", "is", "'s", "’s", "ous", "less", "ics")):
        return False
    return lower[-2].isalpha()
