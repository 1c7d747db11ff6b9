"""Speaker mentions: parse a noun phrase into name, title and affiliation, and resolve it in the article.

One `ArticleContext` per document remembers the people named so far (from a pre-scan of capitalised
name runs) and the speakers already attributed, so that "Reznikov", "he" and "the minister" resolve to
"Oleksiy Reznikov" as a reader would.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from claimdb.extract.lexicon import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    CAPITAL_STOP,
    DETERMINERS,
    DOCUMENT_HEADS,
    FEMALE_FIRST_NAMES,
    FEMALE_MARKERS,
    GIVEN_NAMES,
    GOVERNMENT_HEADS,
    GOVERNMENT_NAMES,
    HONORIFICS,
    INDEFINITE,
    MALE_FIRST_NAMES,
    MALE_MARKERS,
    MONTH_GIVEN_NAMES,
    MONTHS,
    NON_PERSON_CAPITALS,
    ORG_HEADS,
    PARTY_MEMBERS,
    PLACE_NAMES,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
)
from claimdb.extract.patterns import first_character_guard
from claimdb.extract.types import ClaimantKind, Span, Speaker

# A word as the speaker parser sees it: letters with inner apostrophes/hyphens/periods, or an initial. "Del." is
# the Delegate title before a name, Delaware elsewhere ("(D-Del.)", "Dover, Del., said").
WORD_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Prof|Rev|St|Jr|Sr)\.|Del\.(?=[ \t]+[A-Z][a-z])|"
    r"[A-Z]\.(?:[A-Z]\.)*|"
    r"\w+(?:[’'\-.]\w+)*(?:[’']s?)?|''|[^\w\s]"
)
# A run starts a word (the look-behinds; "''Hillary" does, "O'Brien" and "anti-Donald" at their second capital
# do not): tried inside a long capitalised token, each start would read to the token's end and back, quadratic.
_NAME_RUN_RE = re.compile(
    r"(?<!\w)(?<!\w[’'\-])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|Lt|Col|Maj|Adm|Cmdr|Prof|Rev)\.[ \t]+)?"
    r"[A-Z][\w’'\-]*(?:[ \t]+(?:[A-Z]\.|[A-Z][\w’'\-]*|(?:de|van|von|bin|al|da|di|del|la|le)(?![\w’'\-])))+"
)
_TITLE_SURNAME_RE = re.compile(
    r"(?<![\w.])(President|Vice President|Prime Minister|Gov\.|Governor|Sen\.|Senator|Rep\.|Mayor|Secretary|"
    r"Chancellor|Judge|Justice|Speaker)[ \t]+([A-Z][\w’'\-]+?)(?:[’']s)?"
    r"(?![\w’'\-]|[ \t]+(?:[A-Z]|(?:de|van|von|bin|al|da|di|del|la|le)\b))"
)
_TITLE_SURNAME_RE = first_character_guard(_TITLE_SURNAME_RE, "PVGSRMCJ")
# Tokens start at any other character than whitespace, name runs at a capital: a look-ahead the regex engine
# tests first lets it skip the other characters without trying each alternative there.
_WORD_PLAIN_RE = WORD_RE
WORD_RE = first_character_guard(_WORD_PLAIN_RE, r"\S")
_NAME_RUN_PLAIN_RE = _NAME_RUN_RE
_NAME_RUN_RE = first_character_guard(_NAME_RUN_PLAIN_RE, "A-Z")
_NAME_PARTICLES = {"de", "van", "von", "bin", "al", "da", "di", "del", "la", "le"}
_CAPITALISED_RE = re.compile(r"[A-Z][\w’'\-]*")
_MID_SENTENCE_RE = re.compile(r"(?:[^.!?\s\"“”'’]|[,?!][\"”']+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.) ([A-Z][\w’'\-]*)")


_SPACE_BEFORE_CAPITAL_RE = re.compile(r" (?=[A-Z])")
_CAPITALISED_WORD_RE = re.compile(r"[A-Z][\w’'\-]*")
_ABBREVIATIONS_3 = {"Mr.", "Ms.", "Dr."}
_ABBREVIATIONS_4 = {"Mrs.", "Sen.", "Rep.", "Gov.", "Gen."}


def mid_sentence_names(text: str) -> list[str]:
    """The names `_MID_SENTENCE_RE.finditer(text)` captures, in order, found several times faster.

    That pattern has no literal start, so the regex engine tries it at every character; a match is a
    space before a capital, preceded by one character that ends no sentence, by a comma, "?" or "!" and
    closing quotes, or by a short title. Each space before a capital is checked for those three shapes at
    the start position the pattern would reach first, after the end of the previous match.
    """
    names: list[str] = []
    pos = 0  # where the previous match ended: the next one starts there or later
    for candidate in _SPACE_BEFORE_CAPITAL_RE.finditer(text):
        space = candidate.start()
        if space - 1 < pos:
            continue
        before = text[space - 1]
        if before == ".":  # "Dr. Carson", "Sen. Cole"
            if not (
                (space - 4 >= pos and text[space - 4 : space] in _ABBREVIATIONS_4)
                or (space - 3 >= pos and text[space - 3 : space] in _ABBREVIATIONS_3)
            ):
                continue
        elif before in "\"”'":  # '“…,” Carson': a comma, "?" or "!", then closing quotes only
            k = space - 1
            while k > 0 and text[k - 1] in "\"”'":
                k -= 1
            if k - 1 < pos or text[k - 1] not in ",?!":
                continue
        elif before in ".!?“’" or before.isspace():
            continue
        word = _CAPITALISED_WORD_RE.match(text, space + 1)
        if word is None:  # never: the candidate is followed by a capital
            continue
        names.append(word.group())
        pos = word.end()
    return names


class Word(NamedTuple):
    """A token with absolute offsets (a named tuple: units build thousands of them per article)."""

    start: int
    end: int
    text: str
    low: str
    capitalised: bool


class _Tokens(NamedTuple):
    """Tokens with their starts and ends apart, for bisection."""

    words: list[Word]
    starts: list[int]
    ends: list[int]


def _scan_words(text: str, start: int, end: int) -> _Tokens:
    """Tokens of `text[start:end]` read by the regex itself."""
    found = list(WORD_RE.finditer(text, start, end))
    starts = list(map(re.Match.start, found))
    ends = list(map(re.Match.end, found))
    tokens = list(map(re.Match.group, found))  # never empty: the first character decides `capitalised`
    capitalised = map(str.isupper, map(itemgetter(0), tokens))
    fields = zip(starts, ends, tokens, map(str.lower, tokens), capitalised, strict=True)
    # Word(*f) without the named tuple's Python-level __new__
    return _Tokens(list(map(tuple.__new__, repeat(Word), fields)), starts, ends)


# The last article tokenised as a whole: every unit and name run of an article reads slices of it.
_cache: list[tuple[str, _Tokens]] = []


def _article_tokens(text: str) -> _Tokens:
    entry = _cache[0] if _cache else None  # one read: another thread may replace the entry
    if entry is not None and entry[0] is text:
        return entry[1]
    tokens = _scan_words(text, 0, len(text))
    _cache[:] = [(text, tokens)]
    return tokens


def words(text: str, start: int, end: int) -> list[Word]:
    """Tokens of `text[start:end]` with absolute offsets.

    The same tokens as `WORD_RE.finditer(text, start, end)` would give, taken from the article's
    tokens: tokens never hold whitespace and every other character starts one, so once a token of the
    range starts where an article token starts, both agree up to the last article token inside the range
    (the regex has no look-around; a token cut by `end` is read again by the regex).
    """
    tokens = _article_tokens(text)
    starts, ends = tokens.starts, tokens.ends
    i = bisect_left(starts, start)
    out: list[Word] = []
    if i > 0 and ends[i - 1] > start:
        # `start` is inside an article token: read with the regex until both tokenisations meet
        synced = None
        for m in WORD_RE.finditer(text, start, end):
            j = bisect_left(starts, m.start(), i)
            if j < len(starts) and starts[j] == m.start():
                synced = j
                break
            token = m.group()
            out.append(Word(m.start(), m.end(), token, token.lower(), token[:1].isupper()))
        if synced is None:
            return out
        i = synced
    k = bisect_right(ends, end)
    if k > i:
        out.extend(tokens.words[i:k])
    else:
        k = i
    if k < len(starts) and starts[k] < end:
        out.extend(_scan_words(text, starts[k], end).words)
    return out


def strip_possessive(token: str) -> str:
    """'Ukraine's' -> 'Ukraine'."""
    for suffix in ("'s", "’s", "'", "’"):
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)]
    return token


def is_possessive(token: str) -> bool:
    """True for "Ukraine's" / "Jones’"."""
    return token.endswith(("'s", "’s")) and len(token) > 2


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the article, with what the text said about them."""

    name: str
    position: int
    title: str | None = None
    affiliation: str | None = None
    gender: str | None = None


@dataclass(slots=True)
class Mention:
    """A parsed speaker noun phrase."""

    span: Span
    surface: str
    determiner: str = ""
    affiliation: str | None = None
    title: str | None = None
    name: str | None = None
    head: str = ""
    gender: str | None = None


# Words after an anonymous head that start its post-modifier: the head stays the noun before them.
_GROUP_MODIFIERS = {"in", "from", "with", "close", "familiar", "briefed", "knowledgeable", "involved", "inside", "near"}


# Pronoun-like quantities that open a sentence as its subject: "Others said", "Another told me", "Some say"
_GROUP_PRONOUNS = {"others", "another", "some", "many", "most", "both", "several", "few", "all"}


def _one_role(rest: list[Word]) -> bool:
    # "Chad's Ambassador": a person's title alone, not an organisation's name like "White House"
    return len(rest) == 1 and rest[0].low.rstrip(".") in TITLE_WORDS and rest[0].low not in ORG_HEADS


def parse_mention(text: str, toks: list[Word]) -> Mention:
    """Split a noun phrase into determiner, possessive affiliation, title and name."""
    span = Span(toks[0].start, toks[-1].end)
    mention = Mention(span=span, surface=text[span.start : span.end])
    rest = [t for t in toks if t.text not in (",",)]
    if rest and rest[0].low in DETERMINERS and not rest[0].capitalised or (rest and rest[0].low == "the"):
        mention.determiner = rest[0].low
        rest = rest[1:]
    # "Officials in Texas said": a group noun capitalised only because it starts the sentence is not a name
    group_first = (
        bool(rest)
        and rest[0] is toks[0]
        and rest[0].capitalised
        and (
            rest[0].low in ANONYMOUS_HEADS
            or (len(rest) == 1 and rest[0].low in _GROUP_PRONOUNS)
            # "Supporters of Sanders": people of a kind and whom they back, not one name like "Bank of America"
            or (
                len(rest) > 2
                and rest[0].low in SPEAKER_NOUNS
                and rest[0].low not in ("some", "many", "most", "several", "few", "all")  # "Some of X's allies"
                and rest[1].low in ("of", "for")
                and rest[2].capitalised
            )
        )
    )

    def common(k: int) -> bool:
        return not rest[k].capitalised or (k == 0 and group_first)

    # "a spokeswoman for the ministry", "a CNN poll of Ohio": the noun before the preposition is the head
    cut = next(
        (
            k
            for k, t in enumerate(rest)
            if k > 0
            and common(k - 1)
            and (
                t.low in ("of", "for", "at", "by")
                # "the senator from Ohio" (but "a report from the FBI" is the FBI's)
                or (t.low == "from" and rest[k - 1].low in TITLE_WORDS)
                # "officials in Texas", "sources close to the minister", "people familiar with the matter"
                or (t.low in _GROUP_MODIFIERS and rest[k - 1].low in ANONYMOUS_HEADS)
            )
            # "Aides to Trump", "Chad's Ambassador to France": the role speaks, not the one it serves
            or (k > 0 and t.low == "to" and (rest[k - 1].low in ANONYMOUS_HEADS or rest[k - 1].low in TITLE_WORDS))
        ),
        None,
    )
    if cut is None:
        # "Pastor Joseph Brown of Marion Avenue Baptist Church": a person's name, then where they are from
        cut = next(
            (
                k
                for k, t in enumerate(rest)
                if t.low in ("of", "for", "at")
                and k >= 2
                and all(
                    w.capitalised and w.low not in ORG_HEADS and w.low not in NON_PERSON_CAPITALS
                    for w in rest[k - 2 : k]
                )
                and rest[k - 1].low.rstrip(".") not in TITLE_WORDS
            ),
            None,
        )
    served = cut is not None and rest[cut].low == "to"  # "Chad's Ambassador to France": a role, not a name
    # "Ambassador to France", "Envoy to the United Nations Ada Roy": where a title serves is part of it
    served_tail: list[Word] = []
    if cut is not None and served and rest[cut - 1].low.rstrip(".") in TITLE_WORDS:
        served_tail = rest[cut + 1 :]
    if cut is not None:
        rest = rest[:cut]
    # possessive affiliation: "Ukraine's Defence Minister ..." (the last possessive before the head)
    for index in range(len(rest) - 2, -1, -1):
        word = rest[index].text
        # "Fox News’ Sean Hannity": a plural possessive too, inside a mention (a quotation mark ends none)
        plural = word.endswith(("s’", "s'")) and len(word) > 2 and index < len(rest) - 2  # a name follows
        if (is_possessive(word) or plural) and rest[index].capitalised:
            first = 0
            mention.affiliation = strip_possessive(text[rest[first].start : rest[index].end])
            rest = rest[index + 1 :]
            break
    for t in rest:
        key = t.low.rstrip(".")
        if key in FEMALE_MARKERS:
            mention.gender = "female"
        elif key in MALE_MARKERS:
            mention.gender = "male"
    name_start = len(rest)
    for index in range(len(rest) - 1, -1, -1):
        t = rest[index]
        key = t.low.rstrip(".")
        if (
            t.capitalised
            and (key not in TITLE_WORDS or t.low == "del" or _title_word_surname(rest, index))
            and key not in HONORIFICS
            and not (index == 0 and group_first)
        ):
            name_start = index
        elif key in _NAME_PARTICLES and index > 0 and name_start == index + 1 and not t.text.endswith("."):
            name_start = index
        elif (
            key in ("of", "for")
            and index > 0
            and name_start == index + 1
            and rest[index - 1].capitalised
            and rest[index - 1].low.rstrip(".") not in TITLE_WORDS
            and rest[index - 1].low not in SPEAKER_NOUNS  # "Supporters of Sanders" are people, not a name
            and (index == 1 or not rest[index - 2].capitalised)
        ):
            name_start = index  # "Bank of America", "University of Florida", "Club for Growth": one name
        else:
            break
    if (
        len(rest) - name_start >= 3
        and rest[name_start].low not in GIVEN_NAMES
        and rest[name_start + 1].low in GIVEN_NAMES
        and rest[name_start].text[1:].islower()
        and rest[name_start].low.endswith(_DESCRIPTION_ENDINGS)
        and rest[-1].low not in ORG_HEADS
    ):
        name_start += 1  # "Striker Leo Abara", "Republican John Kasich": a description before the given name
    name_start = _skip_name_prefix(text, rest, name_start)
    if (
        name_start > 0
        and len(rest) > 1
        and rest[-1].low in ORG_HEADS
        and all(t.capitalised and t.low not in GIVEN_NAMES and "-" not in t.text for t in rest[: name_start + 1])
        and _modifiers_only(rest[:name_start])  # but "Mayor Lena Fox" is a person
    ):
        name_start = 0  # "the Democratic National Committee": title-like words inside an organisation's name
    name_toks = rest[name_start:]
    title_toks = [t for t in rest[:name_start] if t.low.rstrip(".") not in HONORIFICS]
    if name_toks:
        mention.name = strip_possessive(text[name_toks[0].start : name_toks[-1].end])
    elif (
        rest
        and all(t.capitalised for t in rest)
        and not group_first
        and not (served and (_one_role(rest) or served_tail))
    ):
        # all title-like capitalised words: "White House", "Defence Ministry" -> an organisation name
        mention.name = text[rest[0].start : rest[-1].end]
        title_toks = []
    if title_toks and plausible_title([t.low for t in title_toks]):
        mention.title = text[title_toks[0].start : title_toks[-1].end]
        if served_tail and not name_toks:
            _add_served_place(text, mention, title_toks[0].start, served_tail)
    mention.head = rest[-1].low.rstrip(".") if rest else (toks[-1].low if toks else "")
    return mention


def _modifiers_only(words: list[Word]) -> bool:
    """Capitalised words that qualify an organisation ("Democratic National", "Republican") rather than name
    somebody's office ("Mayor", "Atlantic City Mayor")."""
    lows = [w.low.rstrip(".") for w in words]
    return not plausible_title(lows) or lows[-1] in _ROLE_MODIFIERS or lows[-1] in _PARTY_ADJECTIVES


def _title_word_surname(rest: list[Word], index: int) -> bool:
    """`rest[index]` is a surname that is also a title word: "Pete King", "Peter T. King", "Ann Marshal"
    (the last word, after a given name or an initial; "Del Harris" is handled apart)."""
    if index != len(rest) - 1 or index == 0 or rest[index].text.endswith("."):
        return False
    before = rest[index - 1]
    return before.capitalised and (before.low in GIVEN_NAMES or len(before.text) == 2 and before.text.endswith("."))


def _add_served_place(text: str, mention: Mention, title_start: int, tail: list[Word]) -> None:
    """Extend a title by the place it serves ("Ambassador" + "to France") and take a name after the place
    ("... to the United Nations Ada Roy": the name starts at a given name)."""
    end = 0
    while end < len(tail) and (tail[end].capitalised or (end == 0 and tail[end].low == "the")):
        end += 1
    given = next(
        (k for k in range(1, end - 1) if tail[k].low in GIVEN_NAMES and tail[k - 1].low != "the"),
        None,
    )
    place_end = given if given is not None else end
    if place_end == 0 or not tail[place_end - 1].capitalised:
        return
    mention.title = text[title_start : tail[place_end - 1].end]
    if given is not None:
        mention.name = strip_possessive(text[tail[given].start : tail[end - 1].end])


# Capitalised words that start a headline or a sentence but never a person's name: "Does Rubio ...?",
# "(See Sexton's timeline)", "Without Bloomberg", "Republicans Jolly and DeSantis"
_NOT_NAME_STARTS = {
    "see",
    "watch",
    "read",
    "meet",
    "says",
    "said",
    "asks",
    "tells",
    "why",
    "how",
    "what",
    "when",
    "where",
    "whether",
    "if",
    "as",
    "like",
    "unlike",
    "with",
    "without",
    "after",
    "before",
    "while",
    "since",
    "during",
    "despite",
    "besides",
    "against",
    "absent",
    "amid",
    "among",
    "about",
    "around",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "on",
    "onto",
    "over",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "upon",
    "via",
    *PARTY_MEMBERS,
    "neither",  # "Neither Johnson nor Weld is inclined to …"
    "either",
    "democrat",  # "Democrat Zephyr Teachout": the party, then the name
    "republican",
    "evangelicals",
    "americans",
    "critics",
    "supporters",
    "opponents",
    "rivals",
    "lawmakers",
    "senators",
    "voters",
    "officials",
}
# Words ending in -ing that start names (given names, surnames, places, "Founding Fathers", "Morning Joe"); any
# other such word before a name is a participle ("Rebuking Trump", "Following Sanders on MSNBC, Clinton ...")
_ING_NAMES = {
    "irving", "sterling", "manning", "channing", "fleming", "harding", "browning", "golding", "redding",
    "wyoming", "beijing", "nanjing", "kunming", "reading", "flushing", "founding", "morning", "evening",
    "breaking", "ruling", "shocking", "everything", "nothing", "something", "anything",
}  # fmt: skip
_DESCRIPTION_TAILS = {
    "area", "based", "born", "bred", "raised", "backed", "funded", "owned", "run", "led", "allied", "maker",
}  # fmt: skip
_LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words written in lower case somewhere in `text`: a capitalised one among them is a common word."""
    return frozenset(_LOWER_WORD_RE.findall(text))


def _participle_before_name(text: str, rest: list[Word], start: int) -> bool:
    # "Rebuking Trump as ...", "Entrusting Donald Trump with ...": an -ing word before a given name, or before
    # one word that is no common word of this article ("Morning Email", "Founding Fathers", "Working America")
    low = rest[start].low
    if not low.endswith("ing") or len(low) < 6 or low in _ING_NAMES:
        return False
    following = rest[start + 1 :]
    if following[0].low in GIVEN_NAMES:
        return True
    word = strip_possessive(following[0].low)
    return (
        len(following) == 1
        and word not in _NOT_NAME_STARTS
        and word not in NON_PERSON_CAPITALS
        and word not in _lower_words(text)
    )


def _skip_name_prefix(text: str, rest: list[Word], name_start: int) -> int:
    """Move `name_start` past capitalised words that begin a sentence or a headline rather than the name:
    "Does Rubio", "And Marco Rubio", "(See Sexton's timeline)", "the Year Barack Obama"."""
    start = name_start
    for k in range(len(rest) - 2, start - 1, -1):
        if "-" in rest[k].low and rest[k].low.rpartition("-")[2] in _DESCRIPTION_TAILS and rest[k + 1].capitalised:
            return k + 1  # "a Los Angeles-area Sanders volunteer", "Chicago-based Acme Corp.": a description
    if rest and rest[-1].low in ORG_HEADS:
        return name_start  # "One America News Network"
    while len(rest) - start >= 2:
        t = rest[start]
        low = t.low.rstrip(".")
        if low in GIVEN_NAMES or low in ("will", "may") or len(low) < 2 or t.text.isupper():
            break  # a given name, an initial or an acronym ("GOP", "NAACP") starts the name or its title
        if (
            low in AUXILIARIES
            or low in DETERMINERS
            or low in _NOT_NAME_STARTS
            or _participle_before_name(text, rest, start)
        ):
            start += 1
        elif (
            # a common word of this article before a given name inside the run: "Real Donald Trump"
            any(rest[k].low in GIVEN_NAMES for k in range(start + 1, len(rest) - 1)) and low in _lower_words(text)
        ):
            start += 1
        else:
            break
    return start if start == name_start or rest[start].capitalised else name_start


# Title words that describe a role but do not name one: a title does not end with them ("Senate", "White")
_ROLE_MODIFIERS = {
    "acting",
    "affairs",
    "army",
    "campaign",
    "command",
    "communications",
    "crown",
    "defence",
    "defense",
    "democratic",
    "department",
    "deputy",
    "district",
    "eastern",
    "economy",
    "ex",
    "federal",
    "finance",
    "first",
    "foreign",
    "former",
    "gop",
    "health",
    "house",
    "incoming",
    "interim",
    "interior",
    "legal",
    "majority",
    "media",
    "military",
    "minority",
    "national",
    "northern",
    "outgoing",
    "policy",
    "political",
    "presidential",
    "press",
    "prime",
    "public",
    "regional",
    "running",
    "security",
    "senate",
    "senior",
    "southern",
    "state",
    "super",
    "supreme",
    "top",
    "trade",
    "u.s",
    "us",
    "vice",
    "western",
    "white",
}
# Role nouns without a typical ending: "his wife", "a family friend", "retired neurosurgeon"
_TITLE_HEAD_NOUNS = {
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "cousin",
    "friend",
    "niece",
    "nephew",
    "uncle",
    "aunt",
    "widow",
    "girlfriend",
    "boyfriend",
    "man",
    "boy",
    "girl",
    "boss",
    "surgeon",
    "neurosurgeon",
    "physician",
    "novice",
    "veteran",
    "expert",
    "chef",
    "clerk",
    "nun",
    "monk",
    "priest",
    "cleric",
    "scholar",
    "pilot",
    "nurse",
    "cop",
    "agent",
    "guard",
    "spy",
    "lt",
    "capt",
    "sgt",
    "col",
    "gen",
    "adm",
}
_ROLE_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ant", "ent", "crat", "can", "ess", "ary")
_NOT_ROLE_HEADS = {"number", "wherever", "whenever", "however", "never", "ever", "other", "rather", "together", "honor"}
_NOT_ROLE_STARTS = {"about", "from", "with", "by", "of", "for", "in", "on", "at", "to", "into", "despite", "wherever"}
_COORDINATORS = {"and", "or", "&", "plus"}


def plausible_title(words: list[str]) -> bool:
    """True when lower-cased `words` read as a role ("defence minister", "campaign manager", "Sen.",
    "Secretary of State", "pollster and strategist"), not as the rest of a misread phrase ("Clinton and",
    "9 outrageous things", "Friends of", "random women", "2016")."""
    keys = [w.rstrip(".").replace("’", "'") for w in words]
    cut = next((k for k, w in enumerate(keys) if w in _COORDINATORS), None)
    if cut is not None:
        return plausible_title(keys[:cut]) and plausible_title(keys[cut + 1 :])
    if not keys or keys[0] in _NOT_ROLE_STARTS or keys[-1] == "of" or any(k.isdigit() for k in keys):
        return False
    of = next((k for k in range(1, len(keys)) if keys[k] == "of"), None)
    head = keys[of - 1] if of is not None else keys[-1]
    if head.endswith("'s"):
        head = head[:-2]
    if any(ch.isdigit() for ch in head) or head in _ROLE_MODIFIERS or head in _NOT_ROLE_HEADS:
        return False
    if head in TITLE_WORDS or head in ANONYMOUS_HEADS or head in HONORIFICS or head in _TITLE_HEAD_NOUNS:
        return True
    if head.split("-")[-1] in _TITLE_HEAD_NOUNS:
        return True  # "ex-wife", "co-host"
    if head in DETERMINERS or head in PRONOUNS or head in CAPITAL_STOP:
        return False
    if head.endswith("s") and not head.endswith(("ss", "us")):
        return False  # a plural: "reporters", "users"
    return head.endswith(_ROLE_ENDINGS) and len(head) > 3


# How descriptions end ("striker", "comedian", "journalist", "alderman", "Democrat", "Texas-based"); given names
# not in the lists above seldom do ("Norbert", "Rafael", "Giovanni")
_DESCRIPTION_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "crat", "can", "ed", "ant", "ent")


def first_name_gender(name: str) -> str | None:
    """'male' / 'female' when the first word of a full name is a common given name of that gender."""
    parts = name.split()
    if len(parts) < 2:
        return None
    first = parts[0].lower()
    if first in FEMALE_FIRST_NAMES:
        return "female"
    if first in MALE_FIRST_NAMES:
        return "male"
    return None


# Nouns that refer back to any organisation named before ("Acme Corp ... the company said")
_GENERIC_ORG_HEADS = {"company", "firm", "group", "corporation", "organization", "organisation"}


def _org_kind(name: str) -> ClaimantKind:
    low = name.lower()
    if low in GOVERNMENT_NAMES or low.split()[-1] in GOVERNMENT_HEADS:
        return "government"
    return "organisation"


def _nearest(candidates: Sequence[Person], position: int) -> Person | None:
    """The latest of `candidates` named at or before `position`, else the first one after (None if none)."""
    before = [p for p in candidates if p.position <= position]
    if before:
        # at one position, the name as the text writes it beats its transcript label ("JAKE TAPPER")
        return max(before, key=lambda p: (p.position, not p.name.isupper()))
    return min(candidates, key=lambda p: p.position) if candidates else None


@dataclass(slots=True)
class ArticleContext:
    """What one article has said about people so far; resolves surnames, pronouns and titles."""

    text: str
    persons: list[Person] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    speakers: list[tuple[int, Speaker]] = field(default_factory=list)
    # learnt from pronouns resolved to a name; "neuter" for a one-word name that said "it" of itself
    genders: dict[str, str] = field(default_factory=dict)
    # The sentence being parsed and its quotations: a pronoun looks for its antecedent there first.
    unit_start: int = 0
    unit_quotes: list[tuple[int, int]] = field(default_factory=list)
    mid_sentence: set[str] | None = None  # see person_like
    titled: list[Person] = field(default_factory=list)  # "President Obama": an office seen with a known surname

    @classmethod
    def scan(cls, text: str) -> ArticleContext:
        """Pre-scan `text` for full person names with their titles and affiliations."""
        context = cls(text)
        for match in _NAME_RUN_RE.finditer(text):
            toks = words(text, match.start(), match.end())
            start_index = 0
            while start_index < len(toks) and toks[start_index].low.rstrip(".") in CAPITAL_STOP:
                start_index += 1
            toks = toks[start_index:]
            if len(toks) < 2:
                continue
            # extend left over title words and one possessive: "army command spokeswoman Natalia ..."
            left = words(text, max(0, match.start() - 80), match.start())
            extra: list[Word] = []
            for t in reversed(left):
                if t.low.rstrip(".") in TITLE_WORDS or (is_possessive(t.text) and t.capitalised):
                    extra.insert(0, t)
                    if is_possessive(t.text):
                        break
                else:
                    break
            mention = parse_mention(text, extra + toks)
            if not mention.name or " " not in mention.name:
                continue
            parts = mention.name.split()
            last = parts[-1].lower()
            if is_org_name(mention.name) or last in NON_PERSON_CAPITALS or mention.name.lower() in PLACE_NAMES:
                continue
            if last in _TITLE_ABBREVIATIONS.values() and text.startswith(".", match.start() + len(mention.name)):
                continue  # "Indiana Gov" read up to the period of "Indiana Gov. Mike Pence"
            if any(p.lower() in CAPITAL_STOP and not _month_in_name(parts, k) for k, p in enumerate(parts)):
                continue  # but "Theresa May" and "Jan Brewer" are names
            gender = mention.gender or first_name_gender(mention.name)
            context.add_person(Person(mention.name, match.start(), mention.title, mention.affiliation, gender))
        # "President Obama", "Gov. Christie": an office given with the surname of a person named in full
        # (kept apart from `persons`: a mention of an office is no antecedent for a pronoun)
        for match in _TITLE_SURNAME_RE.finditer(text):
            if match.group(2).lower() in GIVEN_NAMES:
                continue  # "Mayor Bill de Blasio" read up to "Bill"
            named = {p.name for p in context.by_surname.get(match.group(2).lower(), ())}
            if not named and match.group(2).lower() not in NON_PERSON_CAPITALS:
                # no full name in the article: "the president" is at least "Obama"
                context.titled.append(Person(match.group(2), match.start(), match.group(1)))
            elif len(named) == 1:  # "President Obama" is not Michelle Obama's title
                person = context.by_surname[match.group(2).lower()][0]
                other = {"female": "Mr.", "male": "Mrs."}.get(person.gender or "")
                if other is not None and f"{other} {match.group(2)}" in text:
                    continue  # "Michelle Obama" and "Mr. Obama": the office is the other Obama's
                context.titled.append(Person(person.name, match.start(), match.group(1), person.affiliation))
        return context

    def begin_unit(self, start: int, quotes: list[tuple[int, int]]) -> None:
        """Start parsing the sentence at `start` whose quotations are `quotes`."""
        self.unit_start = start
        self.unit_quotes = quotes

    def add_person(self, person: Person) -> None:
        """Remember a person named at `person.position` (kept sorted by position)."""
        index = bisect_left(self.positions, person.position)
        self.positions.insert(index, person.position)
        self.persons.insert(index, person)
        self.by_surname.setdefault(person.name.split()[-1].lower(), []).append(person)

    def person_before(self, position: int, surname: str) -> Person | None:
        """The latest person with this surname named before `position` (else the first one after)."""
        return _nearest(self.by_surname.get(surname.lower(), ()), position)

    def _transcript_name(self, name: str, position: int) -> str:
        """A transcript's capitalised label ("JAKE TAPPER:") as the article writes that person's name.

        Only a label whose full name the article writes, or whose first word is a given name, is read as a person;
        "NEW YORK", "WHITE HOUSE" stay as written (a one-word label, "TAPPER:", is already looked up by surname)."""
        words = name.split()
        if not all(w.isalpha() and len(w) > 1 for w in words):
            return name
        written = [
            p
            for p in self.by_surname.get(words[-1].lower(), ())
            if not p.name.isupper() and p.name.split()[0].lower() == words[0].lower()
        ]
        person = _nearest(written, position)
        if person is not None:
            return person.name
        if len(words) >= 2 and words[0].lower() in GIVEN_NAMES:
            return " ".join(w[:1] + w[1:].lower() for w in words)
        return name

    def resolve(self, mention: Mention, position: int, relative_np: Mention | None = None) -> Speaker:
        """Turn a parsed mention into a Speaker, resolving names, pronouns and back-references."""
        surface, span = mention.surface, mention.span
        low = surface.lower().strip()
        if low in PRONOUNS:
            if PRONOUNS[low] == "relative" and relative_np is not None:
                inner = self.resolve(relative_np, position)
                return Speaker(inner.name, surface, span, inner.kind, inner.title, inner.affiliation, "pronoun")
            return self._resolve_pronoun(low, surface, span, position)
        if mention.name and " " in mention.name and mention.name.isupper():
            mention.name = self._transcript_name(mention.name, position)
        if mention.name:
            name = mention.name
            # "the Kremlin", "the Acme Corporation"; but "the economist Jared Bernstein" is a person with a title
            titled_person = mention.title is not None and mention.title.split()[-1].lower() not in ORG_HEADS
            if name.lower() in PLACE_NAMES and mention.title is None and name.lower() not in self.by_surname:
                # "Russia said", "Virginia said": the country's or the state's government (not when the article
                # named a person so: "Kevin Washington ... Washington said")
                return Speaker(name, surface, span, "government", None, mention.affiliation, "organisation")
            if (
                mention.determiner in INDEFINITE
                and name.lower() in _KIND_OF_ORGANISATION
                and not any(w in _MENTION_LINKS or is_possessive(w) for w in surface.lower().split())
            ):
                # "a super PAC said": some organisation of that kind, not one named "PAC" (but "a new article in
                # Politico" is Politico's)
                return Speaker(surface, surface, span, _org_kind(name), None, mention.affiliation, "organisation")
            if (mention.determiner == "the" and not titled_person) or is_org_name(name):
                kind = _org_kind(name)
                return Speaker(name, surface, span, kind, None, mention.affiliation, "organisation")
            title, affiliation, gender = mention.title, mention.affiliation, mention.gender
            if " " not in name and name.lower() in _PEOPLE_GROUPS:
                # "Millennials support …", "Germans say …": a group of people, nobody's name
                return Speaker(surface, surface, span, "unknown", title, mention.affiliation, "title")
            if " " not in name:
                person = self.person_before(position, name)
                given = self._by_given_name(name) if person is None else None
                if given is not None:
                    # "Hillary said": the full name, but not remembered here, where its surname was not written
                    # (a later "Mr. Trump" is still the last Trump named, not Freddy Trump)
                    return Speaker(given.name, surface, span, "person", title or given.title, affiliation, "name")
                if person is not None:
                    name = person.name
                    title = title or person.title
                    affiliation = affiliation or person.affiliation
                elif name.lower() in _lower_words(self.text) and name.lower() not in self.by_surname:
                    # "Research suggests …", "International pressure helped …": a common word of the article
                    # that opens a sentence, not somebody's name (the statement stays; no claimant is made)
                    return Speaker(name, surface, span, "unknown", title, affiliation, "title")
            else:
                person = self.person_before(position, name.split()[-1])
                if person is not None and person.name == name:
                    title = title or person.title
                    affiliation = affiliation or person.affiliation
            if (
                " " in name
                # "Said Patel" read while trying a rule is no person to resolve "Patel" to later
                and name.split()[0].lower() not in CAPITAL_STOP
                and not any(p.name == name and p.position == span.start for p in self.persons)
            ):
                self.add_person(Person(name, span.start, title, affiliation, gender or first_name_gender(name)))
            return Speaker(name, surface, span, "person", title, affiliation, "name")
        head = mention.head
        if head in ANONYMOUS_HEADS and mention.determiner in INDEFINITE:
            return Speaker(surface, surface, span, "anonymous", None, mention.affiliation, "anonymous")
        if head in ORG_HEADS or head in GOVERNMENT_HEADS:
            kind = _org_kind(head)
            named = None
            if mention.determiner == "the" and head not in DOCUMENT_HEADS and len(surface.split()) <= 3:
                named = self._named_organisation(head)
            if named is not None:
                return Speaker(named.name, surface, span, named.kind, None, named.affiliation, "organisation")
            return Speaker(surface, surface, span, kind, None, mention.affiliation, "organisation")
        if mention.determiner in ("the", "this", "that") and (head in TITLE_WORDS or head in _ROLE_NOUNS):
            # "the Vermont senator": a capitalised modifier must be known of the person too
            modifiers = [w.lower() for w in surface.split()[1:-1] if w[:1].isupper() or w.lower() in _PAST_OFFICE]
            # "the band leader" is no head of government: a role noun stands for offices only when unqualified
            plain = len(modifiers) == len(surface.split()) - 2
            person = self._person_with_title(head, position, modifiers, plain)
            if person is not None:
                return Speaker(person.name, surface, span, "person", person.title, person.affiliation, "title")
            return Speaker(surface, surface, span, "person", mention.title, mention.affiliation, "title")
        if head in ANONYMOUS_HEADS:
            return Speaker(surface, surface, span, "anonymous", None, mention.affiliation, "anonymous")
        return Speaker(surface, surface, span, "unknown", mention.title, mention.affiliation, "title")

    def _named_organisation(self, head: str) -> Speaker | None:
        """'Acme Corp said …' then 'the company said': the organisation a recent speaker named, when its name
        ends in that head ("the federation": "Teachers Federation") or the head is a generic one ("the company")."""
        for _, speaker in reversed(self.speakers[-6:]):
            name = speaker.name
            if name and self.genders.get(name) == "neuter" and head in _GENERIC_ORG_HEADS:
                return Speaker(name, speaker.surface, speaker.span, "organisation", None, speaker.affiliation, "name")
            if speaker.kind != "organisation" or not name or not name[:1].isupper() or name.lower().startswith("the "):
                continue
            if not _proper_org_name(name) and not name.isupper():
                continue  # "New Poll", "Newspaper": a capitalised head read as a name, not an organisation's
            if name.split()[-1].lower() == head or head in _GENERIC_ORG_HEADS:
                return speaker
        return None

    def _person_with_title(self, head: str, position: int, modifiers: list[str], plain: bool = True) -> Person | None:
        def described(title: str | None, affiliation: str | None, strict: bool) -> bool:
            known = f"{title or ''} {affiliation or ''}".lower()
            return (
                bool(title)
                and _has_title(str(title), head, plain)
                and all(m in known or _same_country(m, known, strict or affiliation is not None) for m in modifiers)
            )

        for _, speaker in reversed(self.speakers):
            if speaker.name and speaker.kind == "person" and described(speaker.title, speaker.affiliation, True):
                return Person(speaker.name, 0, speaker.title, speaker.affiliation)
        known = sorted([*self.persons, *self.titled], key=lambda p: p.position) if self.titled else self.persons
        for person in reversed(known):
            if person.position < position and described(person.title, person.affiliation, True):
                return person
        if modifiers and head in _ROLE_NOUNS:
            # "the Canadian leader" after "Prime Minister Mark Carney": a nationality not known of anyone, when
            # one person only holds such an office and nothing known of them contradicts it
            holders = {
                p.name: p for p in self.persons if p.position < position and described(p.title, p.affiliation, False)
            }
            if len(holders) == 1:
                return next(iter(holders.values()))
        return None

    def _resolve_pronoun(self, low: str, surface: str, span: Span, position: int) -> Speaker:
        wanted = PRONOUNS[low]
        if wanted in ("male", "female"):
            subject = self._sentence_subject(position, wanted)
            if subject is not None:
                # "Rubio spoke over boos as he congratulated ...": the person the sentence is about
                self.genders.setdefault(subject.name, wanted)
                return Speaker(subject.name, surface, span, "person", subject.title, subject.affiliation, "pronoun")
            for _, speaker in reversed(self.speakers[-3:]):
                if (
                    speaker.kind == "person"
                    and speaker.name
                    and self.person_like(speaker.name)
                    and self._gender_ok(speaker.name, wanted)
                ):
                    self.genders.setdefault(speaker.name, wanted)
                    return Speaker(speaker.name, surface, span, "person", speaker.title, speaker.affiliation, "pronoun")
            index = bisect_left(self.positions, position)
            recent = self.persons[max(0, index - 5) : index]
            # a recent person known to have this gender first, then anyone not known to have the other one
            matched = [p for p in recent if self._gender_of(p.name) == {wanted}]
            for person in [*reversed(matched), *reversed(self.persons[:index])]:
                if self._gender_ok(person.name, wanted) and self._antecedent_like(person):
                    self.genders.setdefault(person.name, wanted)
                    return Speaker(person.name, surface, span, "person", person.title, person.affiliation, "pronoun")
        elif wanted == "neuter":
            # "Acme said it would ..." is read by the rules on the clause; "It said in a statement": the organisation
            for _, speaker in reversed(self.speakers[-3:]):
                name = speaker.name
                if name and self.genders.get(name) == "neuter":
                    # "Microsoft said it had fixed the flaw": a one-word name that spoke of itself as "it"
                    return Speaker(name, surface, span, "organisation", None, speaker.affiliation, "pronoun")
                if (
                    speaker.kind in ("organisation", "government")
                    and name
                    and _proper_org_name(name)
                    and name.lower() not in GOVERNMENT_NAMES
                ):
                    return Speaker(speaker.name, surface, span, speaker.kind, None, speaker.affiliation, "pronoun")
        elif wanted == "plural":
            for _, speaker in reversed(self.speakers[-3:]):
                if speaker.kind in ("organisation", "government", "anonymous"):
                    return Speaker(speaker.name, surface, span, speaker.kind, None, None, "pronoun")
        return Speaker(None, surface, span, "unknown", None, None, "pronoun")

    def _sentence_subject(self, position: int, wanted: str) -> Person | None:
        """The first person named earlier in the current sentence, outside quotations, of the wanted gender."""
        start = self.unit_start
        if not start <= position or position - start > 400:
            return None
        opening = _CAPITALISED_RE.match(self.text, start)
        if opening is not None and PRONOUNS.get(opening.group().lower()) == wanted:
            return None  # "He avoided Trump until he ...": the sentence is already about someone else
        for match in _CAPITALISED_RE.finditer(self.text, start, position):
            if any(a <= match.start() < b for a, b in self.unit_quotes):
                continue
            candidates = self.by_surname.get(strip_possessive(match.group()).lower())
            if not candidates:
                continue
            person = self.person_before(match.start(), candidates[0].name.split()[-1])
            # only a person whose gender is known: capitalised runs such as "New York" are persons here too
            if person is not None and self._gender_of(person.name) == {wanted}:
                return person
        return None

    def _by_given_name(self, name: str) -> Person | None:
        """`Hillary said …` in an article that names Hillary Clinton: the one person named in full whose given
        name this is (nobody when two share it)."""
        low = name.lower()
        if low not in GIVEN_NAMES:
            return None  # "Trump" is no given name of "Trump Train"
        found = {p.name: p for p in self.persons if p.name.split()[0].lower() == low}
        return next(iter(found.values())) if len(found) == 1 else None

    def _antecedent_like(self, person: Person) -> bool:
        """A person a pronoun may stand for: known by gender, title or given name, or quoted already; not any
        capitalised pair the pre-scan read as a name ("Terrorism Act", "Election Day")."""
        return bool(
            person.gender
            or person.title
            or person.name in self.genders
            or person.name.split()[0].lower() in GIVEN_NAMES
            or any(speaker.name == person.name for _, speaker in self.speakers)
            or not any(part.lower() in _lower_words(self.text) for part in person.name.split())
        )

    def person_like(self, name: str) -> bool:
        """False for a capitalised word read as a name only because it opened a sentence ("Building")."""
        if " " in name or name in self.genders or name.lower() in self.by_surname:
            return True
        if self.mid_sentence is None:
            # one pass per article: capitalised words named somewhere other than at the start of a sentence
            # ("said Carson", "Dr. Carson", '“…,” Carson')
            self.mid_sentence = {strip_possessive(name) for name in mid_sentence_names(self.text)}
        return name in self.mid_sentence

    def _gender_of(self, name: str) -> set[str]:
        genders = {p.gender for p in self.persons if p.name == name and p.gender}
        if name in self.genders:
            genders.add(self.genders[name])
        return genders

    def _gender_ok(self, name: str, wanted: str) -> bool:
        genders = self._gender_of(name)
        return not genders or wanted in genders

    def remember(self, position: int, speaker: Speaker) -> None:
        """Record an attributed speaker (used for pronouns, titles and floating quotes)."""
        self.speakers.append((position, speaker))


# "the governor" after "Gov. Mike Pence", "the senator" after "Sen. Ann Cole"
_TITLE_ABBREVIATIONS = {
    "governor": "gov",
    "senator": "sen",
    "representative": "rep",
    "congressman": "rep",
    "congresswoman": "rep",
    "general": "gen",
    "professor": "prof",
    "lieutenant": "lt",
    "colonel": "col",
    "captain": "capt",
    "sergeant": "sgt",
}


# Capitalised words that say what kind of organisation an indefinite mention is ("a super PAC", "an anti-Trump
# Committee"), and the words that put a named organisation inside a longer mention ("a new article in Politico")
_KIND_OF_ORGANISATION = {"pac", "committee", "campaign", "group", "company", "firm", "agency", "union", "party"}
_PARTY_ADJECTIVES = {"republican", "democratic", "conservative", "liberal", "libertarian", "progressive", "green"}
_MENTION_LINKS = {"in", "on", "at", "of", "and", "about", "from", "for", "by", "with"}

# Capitalised plurals for groups of people that speak without being anybody's name
_PEOPLE_GROUPS = {
    "millennials", "germans", "saudis", "latinos", "latinas", "russians", "palestinians", "african-americans",
    "hispanics", "muslims", "christians", "jews", "europeans", "mexicans", "israelis", "iranians", "iraqis",
    "syrians", "ukrainians", "canadians", "britons", "italians", "evangelicals", "catholics", "protestants",
    "baby-boomers", "boomers", "americans", "asians", "arabs", "kurds", "afghans", *PARTY_MEMBERS,
}  # fmt: skip

# "the former senator" is no sitting senator: the word must be known of the person too
_PAST_OFFICE = {"former", "ex", "retired"}
# Nouns that name any of several offices: "the Canadian leader" is its prime minister
_ROLE_NOUNS = {
    "leader": ("prime minister", "president", "premier", "chancellor", "chairman", "chairwoman", "king", "queen"),
    "diplomat": ("ambassador", "envoy", "consul", "foreign minister", "foreign secretary", "secretary of state"),
    "lawmaker": ("senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "legislator", "mp"),
}
# How nationality adjectives end ("Canadian", "Japanese", "British", "Israeli")
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch")


def _month_in_name(parts: list[str], k: int) -> bool:
    """`parts[k]` is a month inside a person's name: after a given name ("Theresa May"), or a month that is
    also a given name before a surname ("April Ryan", "Jan Brewer"; "Jan." with its period is the month)."""
    low = parts[k].lower()
    if low not in MONTHS:
        return False
    if k:
        return parts[k - 1].lower() in GIVEN_NAMES
    return low in MONTH_GIVEN_NAMES and len(parts) > 1 and parts[1].lower() not in MONTHS


def _same_country(modifier: str, known: str, strict: bool) -> bool:
    """A nationality adjective the known title or affiliation names by its country ("canadian": "canada"), or,
    when not `strict`, any nationality adjective (nothing known contradicts it)."""
    if not modifier.endswith(_DEMONYM_ENDINGS) or modifier == "republican":  # a party, not a country
        return False
    if not strict:
        return True
    stem = modifier[:-3] if modifier.endswith("ian") else modifier[:-2] if modifier.endswith("an") else modifier
    return len(stem) >= 4 and stem in known


def _has_title(title: str, head: str, roles: bool = True) -> bool:
    """True when `title` ("Indiana Gov.", "Defence Minister") names the office `head` ("governor"), or one of the
    offices a role noun stands for ("leader": "Prime Minister") when `roles`."""
    low = title.lower()
    if head in low:
        return True
    if roles and any(
        office in low.split() or (" " in office and office in low) for office in _ROLE_NOUNS.get(head, ())
    ):
        return True
    short = _TITLE_ABBREVIATIONS.get(head)
    return short is not None and short in [w.rstrip(".") for w in low.split()]


def _proper_org_name(name: str) -> bool:
    """A named organisation ("Acme Corp", "Congressional Budget Office"), not a noun phrase read as one
    ("A statement", "The post", "Police")."""
    parts = name.split()
    return (
        len(parts) > 1
        and parts[0].lower() not in DETERMINERS
        and parts[-1].lower() not in DOCUMENT_HEADS
        and all(p[:1].isupper() or p in ("of", "for", "and", "&") for p in parts)
        and is_org_name(name)
    )


# Last words of well-known organisation names that are no organisation head on their own ("the matter said" is
# nobody) and no surname
_ORG_LAST_WORDS = {"parenthood", "matter", "footwear", "apparel", "brands", "foods", "motors", "airlines"}


def is_org_name(name: str) -> bool:
    """A name that reads as an organisation's by its last word ("Acme Corp"), its shape ("Bank of America",
    "Team Clinton", "Judicial Watch") or as a known government body."""
    parts = name.lower().split()
    if len(parts) > 2 and parts[1] == "of" and parts[0] in ORG_HEADS:
        return True  # "Bank of America", "University of Florida"
    if len(parts) > 1 and parts[0] == "team":
        return True  # "Team Clinton": a campaign
    if len(parts) > 1 and name.endswith(" Watch"):
        return True  # "Human Rights Watch", "Judicial Watch" (but "a watch" is no speaker's name)
    if len(parts) > 2 and " for " in name and parts[0] not in GIVEN_NAMES:
        return True  # "Americans for Prosperity", "Everytown for Gun Safety": no person's name holds "for"
    if len(parts) > 1 and parts[-1] in _ORG_LAST_WORDS and parts[0] not in GIVEN_NAMES:
        return True  # "Planned Parenthood", "Black Lives Matter", "Marc Fisher Footwear"
    return bool(parts) and (parts[-1] in ORG_HEADS or name.lower() in GOVERNMENT_NAMES)
