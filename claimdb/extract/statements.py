"""Statements from text: one pass over sentence-like units, trying attribution patterns in turn.

Patterns, in the order they are tried for each cue verb of a unit (outside quotation marks):

* trailing attribution  — `CONTENT, SOURCE CUE [frame].` / `“Q,” he said, “Q2.”`
* inverted attribution  — `CONTENT, CUE SOURCE.` ("..., said Mr. Smith.")
* forward attribution   — `SOURCE [time] CUE [object] [that] CONTENT.`
* "according to"        — `According to SOURCE, CONTENT.` / `CONTENT, according to SOURCE.`

then, for units without a usable cue, a reported claim (`the Kremlin's claim to have ...`) and a floating
quote (a unit that is a quotation, attributed to the previous speaker). A floating quote right after a
trailing attribution in the same paragraph (`“Q1,” she said. “Q2.”`) continues that statement: its content
runs from Q1 to the end of Q2, as PolNeAR annotates it. Content spans follow the PolNeAR
convention: a leading "that" is part of the content, the final full stop outside quotes is not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date

from claimdb.extract.dates import WEEKDAY_ALT, resolve_said_on
from claimdb.extract.lexicon import (
    AUXILIARIES,
    CAPITAL_STOP,
    CUE_FORMS,
    DETERMINERS,
    DOCUMENT_HEADS,
    GIVEN_NAMES,
    HEADLINE_ADVERBS,
    INTRO_OPENERS,
    INVERTIBLE,
    MONTH_GIVEN_NAMES,
    MONTHS,
    NON_PERSON_CAPITALS,
    NOUN_CLAIMS,
    NP_STOP,
    OBJECT_CUES,
    ORG_HEADS,
    PARTICLE_ONLY,
    PHRASAL_CUES,
    PLACE_NAMES,
    PRONOUNS,
    SENTENCE_CONNECTORS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
    WEAK_CUES,
    WEEKDAYS,
)
from claimdb.extract.patterns import first_character_guard
from claimdb.extract.sentences import (
    ALL_MARKS,
    CLOSING_MARKS,
    MARK_RE,
    OPENING_MARKS,
    STRAIGHT_MARK,
    Quote,
    split_units,
)
from claimdb.extract.speakers import ArticleContext, Mention, Word, is_org_name, is_possessive, parse_mention, words
from claimdb.extract.types import DatePrecision, Figure, Span, Speaker, Statement, StatementKind
from claimdb.extract.venues import find_venue

_TIME_CORE = {
    *WEEKDAYS,
    "yesterday",
    "today",
    "tonight",
    "week",
    "month",
    "night",
    "morning",
    "afternoon",
    "evening",
    "earlier",
    "later",
    *MONTHS,
    "recently",
}
# "A poll released on Tuesday showed": a participle of publication glues a time phrase to its source
_TIME_GLUE = {
    "on",
    "late",
    "early",
    "last",
    "this",
    "in",
    ".",
    ",",
    "at",
    "the",
    "of",
    "released",
    "published",
    "conducted",
    "issued",
    "out",
}
_FRAME_START = {
    "in",
    "on",
    "at",
    "during",
    "to",
    "via",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    *WEEKDAYS,
    "of",
    "after",
    "before",
    "while",
    "when",
    "from",
    "as",
    "adding",
    "noting",
    "about",
    "with",
    "through",
    "again",
    "recently",
    "then",
    "afterward",
    "afterwards",
    "repeatedly",
    "previously",
    "told",
    "saying",
    "referring",
    "outside",
    "inside",
    "near",
    "following",
    "over",
    "by",
    "under",
    "according",
    "without",
    "and",
    "but",
    "calling",
    "pointing",
    "explaining",
    "citing",
}
# What may follow "weighed in" when no content does ("weighed in from Ottawa, telling ...", "weighed in, saying")
_WEIGH_IN_FRAMES = {"from", "at", "during", "via", "by", "late", "early", "earlier", ",", ".", ";", ""}
_OBJECT_PRONOUNS = {
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "reporters",
    "journalists",
    "supporters",
    "voters",
    "viewers",
    "listeners",
    "lawmakers",
    "senators",
    "colleagues",
    "members",
}
_LEFT_PREPOSITIONS = {
    "to",
    "by",
    "with",
    "than",
    "for",
    "about",
    "against",
    "from",
    "at",
    "on",
    "in",
    "into",
    "over",
    "like",
    "under",
    "between",
    "among",
    "toward",
    "towards",
    "upon",
}
_NOT_SPEAKERS = {
    "update",
    "note",
    "editor",
    "correction",
    "watch",
    "related",
    "photo",
    "video",
    "source",
    "sources",
    "read",
    "more",
    "warning",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "q",
    "a",
}
_DASHES = "\u2015\u2014\u2013-"
_NAME_GLUE = {"de", "van", "von", "bin", "al", "da", "di", "del", "la", "le", "-"}
_TRAIL_PUNCT = ".;:,!?\u2014\u2013- \t\u00a0"
_PARTY_TAG_RE = re.compile(r"^[RDI]-[A-Z]")  # "R-S.C.", "D-Md."
_CLAIM_RE = re.compile(
    r"(?P<src>(?:[Tt]he\s+)?(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)['’]s\s+(?:\w+\s+)?"
    r"(?P<cue>" + "|".join(sorted(NOUN_CLAIMS, key=len, reverse=True)) + r")\s+(?P<content>(?:that|to)\b)"
)
# The source starts with a capital or "the": the look-ahead lets the regex engine skip other characters quickly.
_CLAIM_PLAIN_RE = _CLAIM_RE
_CLAIM_RE = first_character_guard(_CLAIM_PLAIN_RE, "A-Zt")


_ARTICLES = {"the", "a", "an", "his", "her", "their", "its"}
_ADJECTIVE_ENDINGS = ("ful", "ous", "ive", "ic", "ble", "ent", "ant", "ong", "ed", "est", "ish")
_RAISING = {"seem", "appear"}
_QUANTITY_HEADS = {"percent", "half", "majority", "third", "quarter", "most", "many", "others", "few", "both"}
_COORDINATORS = {"and", "but", "or", "yet", "by", "then", "while"}
_REFLEXIVES = {"himself", "herself", "themselves", "itself"}
_APPOSITIVE_OPENERS = {
    "who",
    "whose",
    "in",
    "at",
    "after",
    "also",
    "like",
    "speaking",
    "citing",
    "for",
    "however",
    "though",
    "too",
    "meanwhile",
    "instead",
    "then",
    "now",
    "on",
    "during",
    "when",
    "while",
    "asked",
}
_COLON_FRAME_START = {"in", "on", "at", "to", "during", "via", "through", "after", "before", "late", "early", "earlier"}
# A participle inside another statement's content starts a statement of its own ("..., telling reporters
# that ..."), except for these, which continue the act ("called on them to ..., promising them safety").
_BINDING_PARTICIPLES = {"promise", "offer", "pledge", "vow", "urge"}
_NOUN_FOLLOWERS = {"on", "of", "against", "over", ".", ",", ")"}
_REFLEXIVES = {"itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself", "yourselves"}
_GERUND_PREPOSITIONS = _LEFT_PREPOSITIONS | {"despite", "amid", "after", "before", "of"}  # "despite growing calls"
_POSSESSIVE_DETERMINERS = {"his", "her", "their", "its", "our", "my", "your"}
_SUBJECT_TAIL_ADVERBS = {"however", "soon", "too", "also", "then", "now", "later", "meanwhile", "instead", "again"}
_HEADLINE_ADVERBS = _SUBJECT_TAIL_ADVERBS | HEADLINE_ADVERBS | {"still", "just", "even"}
_VENUE_NOUNS = {"post", "interview", "statement", "speech", "op-ed", "letter", "tweet", "column", "video", "email"}
_VENUE_NOUNS |= {"appearance", "address", "remarks", "blog", "essay", "podcast", "memo", "release", "filing"}
_ATTACK_KINDS = {"terror", "terrorist", "terrorism", "weapons", "political", "personal", "deadly", "recent", "suicide"}
_ATTACK_KINDS |= {
    "cyber",
    "missile",
    "air",
    "drone",
    "chemical",
    "the",
    "these",
    "those",
    "such",
    "negative",
    "blistering",
}
_ATTACK_KINDS |= {"insane", "vicious", "repeated", "verbal", "shark", *_POSSESSIVE_DETERMINERS}
_SHOW_KINDS = {"tv", "radio", "reality", "talk", "game", "news", "hit", "cooking", "comedy", "daily", "cable"}
_SHOW_KINDS |= {"television", "variety", "awards", "award", "morning", "night", "late-night", "cw", "network"}
_BACK_ADVERB_FOLLOWERS = {"to", "into", "from", "home", "in", "up", "down", "out", "off", "there", "here", "then"}
_BACK_ADVERB_FOLLOWERS |= {"again", "toward", "towards", "onto", "at", ".", ",", ";", ")"}
_QUESTION_OPENERS = {"about", "if", "whether", "what", "which", "who", "how", "why", "when", "where"}
_IT_SPEECH = {"say", "tell", "add", "write", "announce", "state", "report", "note", "claim", "explain", "declare"}
_IT_SPEECH |= {"confirm", "deny", "warn", "respond", "reply", "post", "tweet", "insist", "acknowledge", "urge"}
_SELF_IT = re.compile(r"(?:that )?its? (?!is |was |will be |would be )")
_REFUSALS = {"reply", "replied", "respond", "responded", "comment", "commented", "declined", "refused", "declines"}
# Passive cues whose "by" phrase is not who speaks: "was asked by the host" (the subject answers next),
# "committed by", "known by", "decided by a runoff", "stressed out by"
# "Her rival was not convinced (that) ...": the subject of these passives holds the view
_EXPERIENCER_PASSIVES = {"convince", "persuade"}
_NO_AGENT_CUES = {"ask", "know", "commit", "present", "decide", "stress", "identify", "push", "remember"}
_RELATIVES = {"who", "which", "that", "whom"}
# Amounts of people that take a plural verb after "a": "a third say", "a majority support" (the quantity heads,
# and the collective nouns a bare verb may follow)
_PLURAL_AMOUNTS = _QUANTITY_HEADS | {
    "fifth", "minority", "plurality", "number", "lot", "handful", "couple", "dozen", "score", "bunch", "group",
    "host", "slew", "range", "variety",
}  # fmt: skip
# "X released a statement saying …": documents someone issues, and the verbs that issue them
_ISSUED_DOCUMENTS = {"statement", "letter", "memo", "release", "tweet", "email", "video", "ad", "report", "op-ed"}
_ISSUED_DOCUMENTS |= {"resolution", "petition", "petitions", "lawsuit", "suit", "complaint", "motion", "ads", "letters"}
_ISSUING_VERBS = {
    "released", "issued", "put", "puts", "posted", "published", "sent", "sends", "releases", "issues", "posts",
    "publishes", "tweeted", "wrote", "writes", "aired", "ran", "signed", "approved", "passed", "adopted",
    "launched", "filed", "introduced", "unveiled", "approves", "passes", "adopts", "launches", "files",
}  # fmt: skip
# A wire dateline: "WASHINGTON —", "ORLANDO, Fla. (Reuters) -", "New York (AFP) –", "PASADENA, Calif., Jan. 1 (UPI) —"
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'\-]{2,}(?:[ ][A-Z][A-Z.'\-]+)*(?:,[ ][A-Z][A-Za-z.]+(?:[ ](?:[A-Z][A-Za-z.]+|\d{1,2}))?){0,2}"
    r"(?:[ ]\((?:AP|AFP|Reuters|UPI|CNN|Bloomberg|dpa)\))?"
    r"|[A-Z][\w.]+(?:[ ][A-Z][\w.]+)*(?:,[ ][A-Z][A-Za-z.]+)?[ ]\((?:AP|AFP|Reuters|UPI|CNN|Bloomberg|dpa)\))"
    r"[ ]?[\u2014\u2013\u2015-]{1,2}[ ]"
)
# Where the agent of a passive cue ends: "reported by MSNBC, which ...", "rebuked by opponents for ..."
_AGENT_STOPS = {",", ".", ";", ":", "(", ")", "!", "?", "\u2014", "\u2013", "--", "-"}
_AGENT_ADVERBS = {"already", "also", "again", "now", "then", "instead", "too", "even", "last", "this", "given"}
_AGENT_ENDERS = {"who", "which", "whose", "that", "for", "as", "in", "on", "at", "to", "with", "whether", "after"}
_AGENT_ENDERS |= {"before", "during", "over", "because", "since", "about", "and", "if", "when", "while", "than"}
_ASKED_OPENER = re.compile(r"(?:When |After )?[Aa]sked\b")
# A cue that opens a sentence before its speaker and a quotation: 'Said Patel: “We will fight.”'
_OPENING_CUES = {"Said", "Says", "Added", "Adds"}
_DAY_WORDS = {*WEEKDAYS, "yesterday", "today"}
_STANCE_CUES = {"support", "endorse", "back", "oppose", "praise", "criticize", "criticise", "blame", "attack", "slam"}
_POST_MODIFIERS = {"familiar", "close", "involved", "briefed", "knowledgeable", "loyal", "opposed", "sympathetic"}
_IRREGULAR_PAST = {"shot", "fired", "snapped", "spoke", "began", "went", "put", "got", "gave", "came", "made"}
_IRREGULAR_PARTICIPLES = {"written", "drawn", "led", "run", "known", "seen", "done", "made", "built", "sent", "paid"}
# What follows a participle that opens an appositive: "published by", "released last week", "commissioned in"
_PARTICIPLE_FOLLOWERS = {"by", "in", "on", "last", "this", "earlier", "late", "early", "at", "for", "after", "with"}
_POLL_HEADS = {"poll", "polls", "survey", "surveys"}
# Nouns after "called the office a ...": time and amount, not what something was called
_NOT_COMPLEMENTS = {"day", "week", "month", "year", "few", "lot", "couple", "number", "second", "minute", "time", "bit"}
_CALLED_OBJECTS = {"him", "them", "himself", "herself", "themselves", "me", "us", "you", "it"}
_LY_ADJECTIVES = {
    "weekly",
    "daily",
    "monthly",
    "yearly",
    "quarterly",
    "hourly",
    "nightly",
    "early",
    "likely",
    "unlikely",
    "family",
    "friendly",
    "costly",
    "elderly",
    "lonely",
    "deadly",
    "timely",
    "orderly",
    "italy",
    "assembly",
    "rally",
    "ally",
    "july",
    "supply",
    "reply",
    "anomaly",
    "monopoly",
}
# stance adjectives that attribute a view after a form of "be" (measured on PolNeAR train: right about
# two times in three with these prepositions)
_ADJECTIVE_CUES = {
    "quick": ("to",),
    "eager": ("to",),
    "reluctant": ("to",),
    "critical": ("of",),
    "skeptical": ("of", "that"),
    "sceptical": ("of", "that"),
    "wary": ("of",),
    "worried": ("about",),
    "convinced": ("that",),
    "hopeful": ("that",),
    "adamant": ("that",),
    "concerned": ("that",),
    "confident": ("in",),
    "unhappy": ("with",),
    "angry": ("about",),
    "vocal": ("in", "about"),
    "outspoken": ("in", "about"),
}
# The words that can start one of the cue patterns of `_UnitParser.parse` (besides a word before "that").
# Words that open a subordinate clause before the main one: "When Brown criticized him, Lee said …"
# How plural nouns for people end: "traders", "economists", "residents", "veterans", "Democrats"
_PEOPLE_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ents", "crats", "cans", "ees")
# Openers of a clause that belongs to the claim when the attribution follows it between commas
_CLAIM_OPENERS = {"if", "unless", "while", "although", "though", "because", "whereas", "by"}
_SUBORDINATORS = {"when", "after", "while", "as", "although", "though", "because", "since", "if", "before", "once"}
_COMPANY_ABBREVIATIONS = {"Corp", "Inc", "Co", "Ltd", "Bros", "LLC", "PLC"}
# Lower-case words inside a capitalised noun phrase: "Bank of America", "Bill de Blasio"
_NP_GLUE = {"of", "and", "de", "van", "von", "bin", "al", "da", "di", "del", "la", "le"}
_RELATIVE_OR_BE = {"that", "which", "who", "to", "is", "are", "was", "were", "be", "been", "being"}
_WHEN_AFTER_PARTICIPLE = {"late", "early", "earlier", "last", "this", "yesterday", "today", *WEEKDAYS}
_DAY_INTRODUCERS = frozenset({"on", "last", "this", "late", "early", "since", "until", "by"})
_TRIGGERS = frozenset(CUE_FORMS) | frozenset(_ADJECTIVE_CUES) | {"according", "in", "asked"}
_ADJECTIVE_COPULAS = {
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "'s",
    "\u2019s",
    "remain",
    "remains",
    "remained",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "became",
    "become",
}
_DEGREE_WORDS = {"not", "more", "less", "so", "very", "too", "also", "still", "most", "even", "increasingly", "deeply"}
_RELATIVE_HEADS = {"those", "people", "anyone", "everyone", "someone", "some", "all", "many", "others", "most"}
_CLAUSE_OPENERS = {
    "that",
    "but",
    "because",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "since",
    "after",
    "before",
    "where",
    "whether",
    "so",
    "or",
    "who",
    "which",
    "whom",
    "whose",
    "than",
    "unless",
    "until",
}
# present-tense cue forms that are rarely nouns ("Protest groups say", "aides argue")
_SAFE_PRESENT = {
    "say",
    "tell",
    "think",
    "believe",
    "argue",
    "insist",
    "contend",
    "maintain",
    "acknowledge",
    "predict",
    "suggest",
    "expect",
    "want",
    "agree",
    "deny",
    "note",
    "warn",
    "explain",
    "admit",
    "concede",
    "add",
    "know",
    "feel",
    "urge",
    "recall",
    "testify",
    "complain",
    "emphasize",
    "stress",
    "tweet",
    "write",
    "announce",
    "allege",
    "assert",
    "doubt",
    "estimate",
    "accuse",
    "criticize",
    "endorse",
    "oppose",
    "praise",
    "blame",
    "describe",
    # "a projection from the Cook Report shows that ...": findings are reported through these too
    "show",
    "indicate",
    "reveal",
    "conclude",
}
# cue verbs whose present forms are never the head of a noun phrase ("the lawsuit says.", "the memo argues.")
_NEVER_NOUNS = {"say", "tell", "argue", "insist", "contend", "explain", "admit", "concede", "add", "write", "allege"}
# first words of a comma-bounded adverbial between a source and its cue ("X, however, said")
_ADVERBIAL_OPENERS = {
    "however",
    "though",
    "meanwhile",
    "too",
    "also",
    "instead",
    "for",
    "in",
    "on",
    "like",
    "moreover",
    "then",
    "again",
    "still",
    "nevertheless",
    "likewise",
    "similarly",
    "by",
    "of",
    "at",
    "after",
    "during",
    "speaking",
    "asked",
    "when",
}
# cues that still report a statement of its own when it sits inside another statement's content
_NESTED_SPEECH_CUES = {
    "say",
    "call",
    "tell",
    "accuse",
    "question",
    "write",
    "argue",
    "suggest",
    "order",
    "describe",
    "promise",
    "post",
    "mention",
    "criticize",
    "claim",
    "add",
    "announce",
    "urge",
    "propose",
    "cite",
    "warn",
    "insist",
    "express",
    "estimate",
    "declare",
    "reply",
    "reject",
    "blame",
    "remind",
    "recall",
    "predict",
    "allege",
    "vow",
    "imply",
    "note",
    "explain",
    "deny",
    "admit",
    "acknowledge",
    "charge",
    "contend",
    "stress",
    "emphasize",
    "concede",
    "complain",
    "testify",
    "state",
    "clear",
    "out",
}
# "many of them", "most of whom": a quantity that opens an appositive about the phrase before it
_QUANTITY_OPENERS = {"many", "most", "some", "all", "both", "each", "several", "none", "few", "half"}
# "In Lee's view, ...", "in the words of one aide, ..."
_VIEW_NOUNS = {"view", "opinion", "words", "estimation", "judgment", "judgement", "telling", "assessment", "mind"}
# adjectives that make the cue word after them a noun: "an earlier report", "a new study", "the latest survey"
_NOUN_ADJECTIVES = {"earlier", "new", "recent", "latest", "separate", "internal", "official", "previous", "leaked"}
# cues that report words only before a quotation or a colon when the speaker comes first
_QUOTE_ONLY_CUES = {"continue"}
# cues whose object is the person told: `..., he told the court in a filing.`
_ADDRESSEE_CUES = {"tell", "assure", "remind", "inform"}
_AUDIENCES = {
    "crowd",
    "crowds",
    "audience",
    "audiences",
    "court",
    "jury",
    "judge",
    "panel",
    "committee",
    "board",
    "station",
    "newspaper",
    "paper",
    "network",
    "magazine",
    "host",
    "interviewer",
    "rally",
    "gathering",
    "congregation",
    "students",
    "workers",
    "advisers",
    "aides",
    "staff",
    "friends",
    "crew",
}
# nouns for people who speak for someone ("aides to the mayor", "an adviser to Ann Lee")
_TO_SPEAKER_NOUNS = {
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "counsel",
    "consultant",
    "consultants",
    "ally",
    "allies",
    "assistant",
    "assistants",
    "strategist",
    "strategists",
    "ambassador",  # "the ambassador to Mexico", "the envoy to the talks"
    "envoy",
    "emissary",
    "source",
    "sources",
    "people",
    "those",
    "someone",
    "donor",
    "donors",
}
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_FINITE_VERBS = {
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "cannot",
    "did",
    "does",
    "may",
    "might",
    "must",
}
_BE_FORMS = {
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "’s",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "isn\u2019t",
    "wasn\u2019t",
    "aren\u2019t",
    "weren\u2019t",
}


def _adjective_like(word: Word) -> bool:
    low = word.low
    if word.capitalised or low in SPEAKER_NOUNS or low in TITLE_WORDS or low in ORG_HEADS or low in AUXILIARIES:
        return False
    return low.endswith(_ADJECTIVE_ENDINGS) or low in ("new", "big", "major", "full", "strong", "new", "first")


@dataclass(slots=True)
class _Draft:
    kind: StatementKind
    content: tuple[int, int]
    speaker: Speaker
    cue: tuple[int, int] | None
    confidence: float = 0.8
    floating: bool = False
    parts: tuple[tuple[int, int], ...] = ()  # pieces of a discontinuous content, empty for one piece
    question: bool = False  # the question of "Asked whether ..., X said ...": nobody's statement
    frame: bool = False  # "X appeared on MSNBC, saying …": kept while the unit is read (its subject), then dropped


# a pronoun and a contracted auxiliary in one token: "He's said", "She’s argued", "They've warned"
_CONTRACTION_RE = re.compile(r"(?i)^(he|she|it|they|we|i|you|who)(['\u2019](?:s|ve|re|d|ll))$")


def _split_contractions(toks: list[Word]) -> list[Word]:
    """`He's said` as "He" and "'s": the auxiliary is no possessive, so the cue after it keeps its subject."""
    hits = [
        (k, match)
        for k, t in enumerate(toks)
        if t.text[:1] in _CONTRACTION_FIRST
        and len(t.text) <= 8
        and ("'" in t.text or "\u2019" in t.text)
        and (match := _CONTRACTION_RE.match(t.text))
    ]
    if not hits:
        return toks  # the usual case: possessives and quotation marks only
    out = toks[: hits[0][0]]
    for n, (k, match) in enumerate(hits):
        t = toks[k]
        cut = t.start + len(match.group(1))
        pronoun, aux = match.group(1), match.group(2)
        out.append(Word(t.start, cut, pronoun, pronoun.lower(), pronoun[:1].isupper()))
        out.append(Word(cut, t.end, aux, _CONTRACTED[aux[1:].lower()], False))
        out.extend(toks[k + 1 : hits[n + 1][0] if n + 1 < len(hits) else len(toks)])
    return out


_CONTRACTION_FIRST = frozenset("HhSsIiTtWwYy")
_CONTRACTED = {"s": "has", "ve": "have", "re": "are", "d": "would", "ll": "will"}


def _is_mark(token: str) -> bool:
    return (len(token) == 1 and token in ALL_MARKS) or token == "''"


def _closes_quote(text: str, pos: int) -> bool:
    """True when the character before `pos` ends a quotation mark."""
    char = text[pos - 1] if pos > 0 else ""
    return char in CLOSING_MARKS or char == STRAIGHT_MARK or (char == "'" and text[pos - 2 : pos] == "''")


def _quote_ends(before: str) -> bool:
    """True when `before` ends with a closed quotation and a comma: `“Q,”` or `“Q”,`."""
    if len(before) < 2:
        return False
    if before.endswith(",''"):
        return True
    tail = before[-2:]
    if tail[0] == ",":
        return _closes_quote(before, len(before))
    return tail[1] == "," and _closes_quote(before, len(before) - 1)


def _quote_ends_sentence(before: str) -> bool:
    """True when `before` ends with a quotation closed after a question or exclamation mark: `“Q?”`, `“Q!”`."""
    if before.endswith(("?''", "!''")):
        return True
    return len(before) >= 2 and before[-2] in "?!" and _closes_quote(before, len(before))


def _opens_quote(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos] in OPENING_MARKS + STRAIGHT_MARK or text.startswith("''", pos))


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing whitespace and sentence punctuation that lies outside quotation marks, and the bracket
    closing a parenthesis the content did not open ("(… Sanders said he would win.)")."""
    while end > start and text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    while end > start and text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1
        while end > start and text[end - 1] in _TRAIL_PUNCT:
            end -= 1
    return end


def _trim_start(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",:;\u2014\u2013-"):
        start += 1
    return start


def _classify(text: str, start: int, end: int, quotes: list[Quote]) -> StatementKind:
    """direct when the content is one quotation, mixed when it holds quoted and unquoted words."""
    segment = text[start:end]
    if not any(mark in segment for mark in ALL_MARKS) and "''" not in segment:
        return "indirect"
    inside = [q for q in quotes if q.start >= start and q.end <= end]
    if len(inside) == 1 and inside[0].start == start:
        rest = text[inside[0].end : end]
        if not rest.strip(_TRAIL_PUNCT):
            return "direct"
    return "mixed"


class _UnitParser:
    """Attribution patterns over one unit's tokens."""

    def __init__(self, text: str, start: int, end: int, quotes: list[Quote], context: ArticleContext):
        self.text = text
        self.start = start
        self.end = end
        self.quotes = quotes
        self.context = context
        self.toks = words(text, start, end)
        if text.find("'", start, end) >= 0 or text.find("\u2019", start, end) >= 0:
            self.toks = _split_contractions(self.toks)
        self.quoted = self._quoted_flags()
        self.no_speaker = False  # set for raising and passive cues: the next speaker built is nobody
        self.source_start = 0  # first token of the last source phrase found by _source_left
        self.drafts: list[_Draft] = []  # the attributions parse() has found so far
        # name spans introduced by a noun phrase before them ("The spokeswoman ..., Ana Lopes,"): that phrase
        self.described: dict[tuple[int, int], tuple[int, int]] = {}

    def _quoted_flags(self) -> list[bool]:
        quotes = self.quotes
        if not quotes:
            return [False] * len(self.toks)
        flags: list[bool] = []
        qi = 0
        for tok in self.toks:
            while qi < len(quotes) and quotes[qi].end <= tok.start:
                qi += 1
            flags.append(qi < len(quotes) and quotes[qi].start <= tok.start < quotes[qi].end)
        return flags

    # ------------------------------------------------------------------ patterns

    def parse(self) -> list[_Draft]:
        """Every attribution of the unit, left to right; later cues may nest inside earlier content."""
        toks = self.toks
        drafts: list[_Draft] = []
        self.drafts = drafts
        head = self._colon_head()
        if head is not None:
            drafts.append(head)
        headline: bool | None = None  # computed when first needed, as is `polls`
        polls: bool | None = None
        for i, tok in enumerate(toks):
            if self.quoted[i] or (drafts and drafts[-1].cue and tok.start < drafts[-1].cue[1]):
                continue
            low = tok.low
            self.no_speaker = False
            if low in ("put", "puts") and (draft := self._as_put_it(i)) is not None:
                drafts.append(draft)
                continue
            if low not in _TRIGGERS and (i + 1 >= len(toks) or toks[i + 1].low != "that"):
                continue  # no pattern below starts here
            if low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
                draft = self._according(i)
            elif low == "in" and i == self._first_content_index() and (draft := self._in_view(i)) is not None:
                pass
            elif (
                low == "in"
                and (polls := self._has_polls() if polls is None else polls)
                and (draft := self._in_poll(i)) is not None
            ):
                pass
            elif (
                low == "asked"
                and i + 1 < len(toks)
                and toks[i + 1].low in _QUESTION_OPENERS
                and (draft := self._asked(i)) is not None
            ):
                pass
            elif (
                low in _ADJECTIVE_CUES
                and i + 1 < len(toks)
                and toks[i + 1].low in _ADJECTIVE_CUES[low]
                and (draft := self._adjective_cue(i)) is not None
            ):
                pass
            elif (
                low in CUE_FORMS
                and (
                    (
                        tok.text[:1].islower()
                        # "his niece, state Sen. Ann Lee, shouted": an office, not the verb
                        and not (low == "state" and i + 1 < len(toks) and toks[i + 1].low.rstrip(".") in TITLE_WORDS)
                    )
                    or (
                        i >= 1
                        and tok.text[1:].islower()
                        and not drafts
                        and not low.endswith("ing")  # "… Critics Rebuking Berg Over Tax": a participle, no cue
                        and (headline := self._headline() if headline is None else headline)
                    )
                )
            ):
                draft = self._cue(i, drafts[-1] if drafts else None)
                if (
                    draft is not None
                    and CUE_FORMS[low] == "appear"
                    and i + 1 < len(toks)
                    and toks[i + 1].low in ("on", "with", "at", "in", "before", "alongside")
                ):
                    # "Weaver appeared on MSNBC", "appeared with Clinton": was there, said nothing yet; a
                    # participle after it ("…, saying") still speaks for the same subject
                    draft.frame = True
            elif (
                i + 1 < len(toks)
                and toks[i + 1].low == "that"
                and low.endswith(("ed", "es", "ks", "ts", "ns", "ds"))
                and low not in NP_STOP
                and tok.text[:1].islower()
            ):
                draft = self._generic_that(i)
            else:
                continue
            if draft is not None and all(d.content != draft.content for d in drafts):
                if drafts:
                    self._end_before_coordinated(drafts[-1], draft)
                    self._end_subordinate_clause(drafts[-1], draft)
                    self._end_relative_clause_at_cue(drafts[-1], draft)
                drafts.append(draft)
        questions = [q.content[1] for q in drafts if q.question]
        answered = bool(questions) and any(
            not d.question and d.speaker.name and d.cue and min(questions) <= d.cue[0] for d in drafts
        )
        # "Asked about the layoffs, the union did not reply": a question nobody answered says nothing either
        refused = bool(questions) and any(t.low in _REFUSALS and t.start >= min(questions) for t in toks)
        if answered or refused:
            # "Asked whether the tax would rise, Hale said ...": the answer is the statement; the question is frame
            drafts = [d for d in drafts if not d.question]
        return [d for d in drafts if not d.frame]

    def _first_token_from(self, offset: int) -> int:
        """The index of the unit's first token starting at or after `offset` (the number of tokens if none)."""
        return next((n for n, t in enumerate(self.toks) if t.start >= offset), len(self.toks))

    def _end_before_coordinated(self, previous: _Draft, draft: _Draft) -> None:
        """`X called her "weak" and said she had ...`: a coordinated attribution ends the previous content."""
        if draft.cue is None or previous.parts or draft.content[0] < draft.cue[1]:
            return
        start = draft.cue[0]
        span = draft.speaker.span
        if span is not None and previous.content[0] < span.start < start:
            start = span.start  # "..., another says ...": the new source ends the previous content
        if not previous.content[0] < start < previous.content[1]:
            return
        k = self._first_token_from(start)
        if k == 0 or k >= len(self.toks):
            return
        joint = k - 1
        if self.toks[joint].low not in ("and", "but", "while", "then"):
            return
        if self.toks[joint].low == "while" and (
            self.toks[joint].start <= previous.content[0] or (joint > 0 and self.toks[joint - 1].low == "that")
        ):
            return  # "said that while polls show a tight race, the union …": the content opens with the clause
        if self.toks[joint].text == "," and (span is None or start != span.start):
            return  # ", saying ...", ", adding ...": participles are handled on their own
        if joint > 0 and self.toks[joint].low in ("and", "but", "while", "then") and self.toks[joint - 1].text == ",":
            joint -= 1
        p_end = _trim_end(self.text, previous.content[0], self.toks[joint].start)
        if _closes_quote(self.text, p_end + 1):
            p_end += 1
        if self._has_words(previous.content[0], p_end, 1):
            previous.content = (previous.content[0], p_end)
            previous.kind = _classify(self.text, previous.content[0], p_end, self.quotes)

    def _end_relative_clause_at_cue(self, previous: _Draft, draft: _Draft) -> None:
        """`X, who has refused to endorse Y, said …`: the relative clause's content ends at the comma before the
        main clause's cue."""
        if (
            draft.cue is None
            or previous.parts
            or (previous.speaker.surface or "").lower() not in ("who", "which")
            or not previous.content[0] < draft.cue[0] < previous.content[1]
        ):
            return
        k = self._first_token_from(draft.cue[0])
        if k == 0 or k >= len(self.toks) or self.toks[k - 1].text != "," or self.quoted[k - 1]:
            return
        p_end = _trim_end(self.text, previous.content[0], self.toks[k - 1].start)
        if self._has_words(previous.content[0], p_end, 1):
            previous.content = (previous.content[0], p_end)
            previous.kind = _classify(self.text, previous.content[0], p_end, self.quotes)

    def _end_subordinate_clause(self, previous: _Draft, draft: _Draft) -> None:
        """`When Brown criticized her husband, Lee shot back, “…”`: the opening clause's content ends at the comma
        before the main clause's speaker."""
        span = draft.speaker.span
        toks = self.toks
        first = self._first_content_index()
        if (
            span is None
            or previous.parts
            or previous.cue is None
            or first >= len(toks)
            or toks[first].low not in _SUBORDINATORS
            or not previous.content[0] < span.start < previous.content[1]
        ):
            return
        k = self._first_token_from(span.start)
        if k == 0 or k >= len(toks) or toks[k - 1].text != "," or self.quoted[k - 1]:
            return
        if any(t.text == "," for t in toks[first : k - 1] if t.start >= previous.cue[1]):
            return  # the comma closing the opening clause is the first one after its cue
        p_end = _trim_end(self.text, previous.content[0], toks[k - 1].start)
        if self._has_words(previous.content[0], p_end, 1):
            previous.content = (previous.content[0], p_end)
            previous.kind = _classify(self.text, previous.content[0], p_end, self.quotes)

    def _has_polls(self) -> bool:
        """The unit names a poll or survey: the only heads `_in_poll` reads."""
        segment = self.text[self.start : self.end].lower()
        return "poll" in segment or "survey" in segment

    def _headline(self) -> bool:
        """A title-case unit ("Senator Slams Plan To Close Clinics"): capitalised cue verbs count there."""
        alpha = 0
        for t in self.toks:
            if t.text[:1].isalpha():
                if not t.capitalised and len(t.text) > 3:
                    return False
                alpha += 1
        return alpha >= 4

    def _colon_head(self) -> _Draft | None:
        """`PENCE: Well, look ...` and headline `Pence: Gennifer Flowers won't ...`: a name, a colon."""
        toks = self.toks
        index = 1 if toks and _is_mark(toks[0].text) else 0
        first = index
        while index < len(toks) and index - first < 4 and toks[index].capitalised:
            if index > first and toks[index].low == "to":
                break  # "Lund To Voters Worried About Ferry: …"
            index += 1
        name_end = index
        if index > first and index < len(toks) and toks[index].low == "to":
            # "Clinton to Planned Parenthood: Trump will ...": a headline naming the speaker and the audience
            index = next(
                (k for k in range(index + 1, min(len(toks), index + 9)) if toks[k].text in (":", ".", ",", ";")),
                len(toks),
            )
        if index == first or index >= len(toks) or toks[index].text != ":" or index + 1 >= len(toks):
            return None
        if toks[first].low.rstrip(".") in CAPITAL_STOP or toks[first].low in _NOT_SPEAKERS:
            return None
        c_start = _trim_start(self.text, toks[index].end, self.end)
        c_end = _trim_end(self.text, c_start, self.end)
        if not self._has_words(c_start, c_end, 3):
            return None
        head = toks[first:name_end]
        transcript = all(t.text.isupper() for t in head if t.text[:1].isalpha())
        known = any(  # a surname the article names elsewhere too
            person.position != head[0].start for person in self.context.by_surname.get(head[-1].low.rstrip("."), ())
        )
        # "Hillary Update:" is a column label, whoever it names
        given = head[0].low in GIVEN_NAMES and head[-1].low not in _NOT_SPEAKERS
        label = head[-1].low.rstrip(".")
        document = label in DOCUMENT_HEADS or label in _POLL_HEADS or label in ORG_HEADS or label in SPEAKER_NOUNS
        document = document or is_org_name(self.text[head[0].start : head[-1].end])  # "Judicial Watch:"
        named = len(head) == 1 and self.context.person_like(head[0].text)  # "Milbank:", not "Big Win:"
        if not (transcript or known or given or document or named):
            return None  # "Editor's Note:", "Delegate Update:", "Big Win For Bernie:": a label, not a speaker
        mention = parse_mention(self.text, head)
        speaker = self.context.resolve(mention, mention.span.start)
        cue = (toks[index].start, toks[index].end)
        return _Draft(_classify(self.text, c_start, c_end, self.quotes), (c_start, c_end), speaker, cue, 0.6)

    def _according(self, i: int) -> _Draft | None:
        toks, text = self.toks, self.text
        cue = (toks[i].start, toks[i + 1].end)
        j = i + 2
        src_end = j
        while src_end < len(toks) and src_end - j < 12:
            t = toks[src_end]
            if t.text in (",", ".", ";", ":", "(", ")") or _is_mark(t.text) or self.quoted[src_end]:
                break
            if t.low in ("that", "which", "who") or (
                src_end > j
                and t.low in _DAY_WORDS
                and not t.text.isupper()  # "USA TODAY" is a name
                and toks[src_end - 1].low not in DETERMINERS
            ):
                # "according to a congressional report Wednesday": the day is not the source, nor is the
                # word that introduces it ("released by the auditor on Monday", "published late Friday")
                while src_end - 1 > j and toks[src_end - 1].low in _DAY_INTRODUCERS:
                    src_end -= 1
                break
            src_end += 1
        if src_end == j:
            return None
        src_end = self._before_participle(j, src_end)
        if src_end - j > 3 and [t.low for t in toks[src_end - 3 : src_end]] == ["at", "the", "time"]:
            src_end -= 3  # "according to polls at the time"
        mention = parse_mention(text, toks[j:src_end])
        first_word = self._first_content_index()
        if i <= first_word:
            comma = src_end
            while comma < len(toks) and comma - j < 30 and toks[comma].text not in (",", ":"):
                if self.quoted[comma] or _is_mark(toks[comma].text) or toks[comma].text in (".", ";"):
                    return None
                comma += 1  # "According to a study by X based on Y, ...": a long source ends at the comma
            if comma >= len(toks) or toks[comma].text not in (",", ":"):
                return None
            if comma > src_end:
                mention = parse_mention(text, toks[j : self._before_participle(j, comma)])
            c_start = _trim_start(text, toks[comma].end, self.end)
            c_end = _trim_end(text, c_start, self.end)
        else:
            c_start = _trim_start(text, self.start, toks[i].start)
            c_end = _trim_end(text, c_start, toks[i].start)
            first = toks[first_word]
            copula = toks[i - 1].low in ("'s", "\u2019s", "is", "was")
            if i - first_word == 2 and first.low in ("that", "this") and copula:
                # "That's according to a new poll.": the pronoun is the content
                speaker = self.context.resolve(mention, mention.span.start)
                return _Draft("indirect", (first.start, first.end), speaker, cue, 0.6)
            if i - first_word == 1 and first.low in ("that's", "that\u2019s"):
                speaker = self.context.resolve(mention, mention.span.start)
                return _Draft("indirect", (first.start, first.start + 4), speaker, cue, 0.6)
            comma = src_end
            while comma < len(toks) and comma - j < 20 and toks[comma].text != ",":
                if self.quoted[comma] or _is_mark(toks[comma].text) or toks[comma].text in (".", ";", ":", "("):
                    break
                comma += 1
            if (
                i > 0
                and toks[i - 1].text == ","
                and comma < len(toks)
                and toks[comma].text == ","
                and self._has_words(toks[comma].end, self.end, 3)
            ):
                # "Fundraising, according to the campaign, has surged": the content runs on both sides
                if comma > src_end:
                    mention = parse_mention(text, toks[j : self._before_participle(j, comma)])
                after_start = _trim_start(text, toks[comma].end, self.end)
                after_end = _trim_end(text, after_start, self.end)
                speaker = self.context.resolve(mention, mention.span.start)
                kind = _classify(text, c_start, after_end, self.quotes)
                parts = ((c_start, c_end), (after_start, after_end)) if c_end > c_start else ()
                return _Draft(kind, (c_start if parts else after_start, after_end), speaker, cue, 0.8, parts=parts)
        if not self._has_words(c_start, c_end, 2):
            return None
        speaker = self.context.resolve(mention, mention.span.start)
        kind = _classify(text, c_start, c_end, self.quotes)
        return _Draft(kind, (c_start, c_end), speaker, cue, 0.8)

    def _as_put_it(self, i: int) -> _Draft | None:
        """`As Ann Lee put it, “…”` / `As the mayor puts it, the council is unmoved.`: the words after the comma."""
        toks = self.toks
        first = self._first_content_index()
        if (
            toks[first].low != "as"
            or i - first < 2
            or i - first > 7
            or i + 2 >= len(toks)
            or toks[i + 1].low != "it"
            or toks[i + 2].text != ","
            or any(self.quoted[m] or not toks[m].text[:1].isalnum() for m in range(first + 1, i))
        ):
            return None
        c_start = _trim_start(self.text, toks[i + 2].end, self.end)
        c_end = _trim_end(self.text, c_start, self.end)
        if not self._has_words(c_start, c_end, 3):
            return None
        speaker = self._speaker(first + 1, i - 1, None)
        cue = (toks[i].start, toks[i + 1].end)
        return _Draft(_classify(self.text, c_start, c_end, self.quotes), (c_start, c_end), speaker, cue, 0.8)

    def _in_view(self, i: int) -> _Draft | None:
        """`In Lee's view, the port should be sold.` / `In the words of the mayor, ...`: the opening phrase names
        whose view the rest of the sentence is."""
        toks = self.toks
        comma = next((m for m in range(i + 1, min(len(toks), i + 12)) if toks[m].text == ","), None)
        if comma is None or comma + 1 >= len(toks) or any(self.quoted[m] for m in range(i, comma)):
            return None
        phrase = toks[i + 1 : comma]
        lows = [t.low for t in phrase]
        if len(phrase) >= 2 and lows[-1] in _VIEW_NOUNS and is_possessive(phrase[-2].text):
            src = phrase[:-1]  # "In Lee's view", "in the mayor's opinion"
        elif len(phrase) >= 2 and lows[-1] in _VIEW_NOUNS and lows[-2] in _POSSESSIVE_DETERMINERS:
            src = phrase[-2:-1]  # "In his view"
        elif len(phrase) >= 4 and lows[0] == "the" and lows[1] in _VIEW_NOUNS and lows[2] == "of":
            src = phrase[3:]  # "In the view of the mayor", "in the words of one aide"
        else:
            return None
        c_start = _trim_start(self.text, toks[comma].end, self.end)
        c_end = _trim_end(self.text, c_start, self.end)
        if not self._has_words(c_start, c_end, 3):
            return None
        mention = parse_mention(self.text, src)
        possessive = src[-1].low
        if possessive in _POSSESSIVE_DETERMINERS:
            subject = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(possessive)
            if subject is None:
                return None
            mention.surface = subject  # "In his view": resolved as "he" would be
            speaker = replace(self.context.resolve(mention, mention.span.start), surface=src[-1].text)
        else:
            speaker = self.context.resolve(mention, mention.span.start)
        cue = (toks[i].start, toks[comma - 1].end if lows[-1] in _VIEW_NOUNS else toks[i + 3].end)
        return _Draft(_classify(self.text, c_start, c_end, self.quotes), (c_start, c_end), speaker, cue, 0.7)

    def _before_participle(self, j: int, end: int) -> int:
        """`according to a memo published late Friday`: the source ends before a participle that says when."""
        toks = self.toks
        for m in range(j + 1, end):
            t = toks[m]
            if t.low in _RELATIVE_OR_BE:
                return end  # "figures that were released Thursday by Crowdpac": a clause of its own
            if (
                (t.low.endswith("ed") or t.low in _IRREGULAR_PARTICIPLES)
                and t.text.islower()
                and toks[m - 1].text.isalpha()
                and not toks[m - 1].capitalised
                and toks[m - 1].low not in DETERMINERS
                and (m + 1 == end or self._says_when(m + 1))
            ):
                # "figures her campaign released": the clause's own subject is no part of the source either
                return next((k for k in range(j + 1, m) if toks[k].low in ("her", "his", "their", "its")), m)
        return end

    def _says_when(self, k: int) -> bool:
        """`late Friday`, `last week`, `on Monday`, `in March`: a time phrase starts at `toks[k]`."""
        toks = self.toks
        if toks[k].low in _WHEN_AFTER_PARTICIPLE:
            return True
        if toks[k].low in ("on", "in") and k + 1 < len(toks):
            nxt = toks[k + 1]
            return nxt.capitalised and (nxt.low in WEEKDAYS or nxt.low.rstrip(".") in MONTHS) or nxt.text[:1].isdigit()
        return False

    def _in_poll(self, i: int) -> _Draft | None:
        """`In a new Fox poll, Trump leads ...` / `... Trump leads in the latest polls.`: the poll reports it."""
        toks = self.toks
        end = i + 1
        while end < len(toks) and end - i <= 10 and toks[end].text not in (",", ".", ";", ":") and not self.quoted[end]:
            if toks[end].low in _FINITE_VERBS or toks[end].low in ("and", "but", "that", "which"):
                return None
            end += 1
        if end == i + 1 or end - i > 10 or toks[end - 1].low not in _POLL_HEADS:
            return None
        if sum(1 for t in toks[i + 1 : end] if t.low not in ("the", "a", "an", "some")) < 2:
            return None  # "in the polls", "in polls": standing in general, not one poll's finding
        speaker = self._speaker(i + 1, end - 1, None)
        first = self._first_content_index()
        if i == first and end < len(toks) and toks[end].text == ",":
            after = end + 1
            if after < len(toks) and toks[after].low.endswith("ed") and not toks[after].capitalised:
                # "In the new poll, conducted March 11-13, 40 percent back ...": the appositive is frame
                after = next((m + 1 for m in range(after, len(toks)) if toks[m].text == ","), len(toks))
            if after >= len(toks):
                return None
            c_start = toks[after].start
            c_end = _trim_end(self.text, c_start, self.end)
        elif i > first + 2 and (end >= len(toks) or toks[end].text == "."):
            c_start = toks[first].start
            c_end = _trim_end(self.text, c_start, toks[i].start)
        else:
            return None
        if not self._has_words(c_start, c_end, 3):
            return None
        kind = _classify(self.text, c_start, c_end, self.quotes)
        return _Draft(kind, (c_start, c_end), speaker, (toks[i].start, toks[i].end), 0.6)

    def _asked(self, i: int) -> _Draft | None:
        """`Asked about the vote, she said ...`, `when asked whether ...`: the question is content; nobody asks."""
        toks = self.toks
        prev = toks[i - 1].low if i > 0 else ""
        if i > 0 and prev not in ("when", "after", "if", ",") and i != self._first_content_index():
            return None  # "Lawmakers asked whether ...": an ordinary cue with its subject
        j = i + 1
        cue_end = toks[i].end
        if toks[j].low == "about":
            cue_end = toks[j].end
            j += 1
        if j >= len(toks):
            return None
        end = j
        while end < len(toks) and (self.quoted[end] or toks[end].text not in (",", ":", ";", ".", "?")):
            if end > j and _is_mark(toks[end].text) and self.text[toks[end].start - 1 : toks[end].start] == ",":
                end += 1  # '... “realistic enough,” 72 percent said': the quotation closes the question
                break
            end += 1
        c_start = toks[j].start
        c_end = toks[end - 1].end if end > j else c_start
        if not self._has_words(c_start, c_end, 1):
            return None
        kind = _classify(self.text, c_start, c_end, self.quotes)
        nobody = Speaker(None, None, None, "unknown", None, None, "none")
        return _Draft(kind, (c_start, c_end), nobody, (toks[i].start, cue_end), 0.6, question=True)

    def _adjective_cue(self, i: int) -> _Draft | None:
        """`Cruz was critical of the deal`, `aides are hopeful that ...`: a stance adjective after a form of be."""
        toks = self.toks
        k = i - 1
        while k >= 0 and not self.quoted[k] and (toks[k].low in _DEGREE_WORDS or toks[k].low.endswith("ly")):
            k -= 1
        if k < 1 or self.quoted[k] or toks[k].low not in _ADJECTIVE_COPULAS:
            return None
        a = k
        while a - 1 >= 0 and not self.quoted[a - 1] and toks[a - 1].low in AUXILIARIES:
            a -= 1
        source = self._source_left(a)
        if source is None:
            return None
        sa, sb, relative = source
        prep = toks[i + 1]
        j = i + 1 if prep.low in ("that", "whether") else i + 2
        if j >= len(toks) or self.quoted[j] and not _is_mark(toks[j].text):
            return None
        if prep.low == "to" and toks[j].low in CUE_FORMS:
            return None  # "quick to point out that ...": the infinitive is the cue
        cue_end = toks[i].end if j == i + 1 else prep.end
        c_start = toks[j].start
        c_end = _trim_end(self.text, c_start, self.end)
        if not self._has_words(c_start, c_end, 1):
            return None
        speaker = self._speaker(sa, sb, relative)
        kind = _classify(self.text, c_start, c_end, self.quotes)
        return _Draft(kind, (c_start, c_end), speaker, (toks[k].start, cue_end), 0.7)

    def _first_content_index(self) -> int:
        index = 0
        start = _trim_start(self.text, self.start, self.end)
        dateline = _DATELINE.match(self.text, start, min(self.end, start + 80))  # a dateline is short
        if dateline is not None:
            # "WASHINGTON (AP) — Sen. X said ...": the dateline is no subject
            while index < len(self.toks) and self.toks[index].start < dateline.end():
                index += 1
        while index < len(self.toks) and (
            self.toks[index].low in SENTENCE_CONNECTORS or self.toks[index].text in ",—–-("
        ):
            index += 1
        return index

    def _generic_that(self, i: int) -> _Draft | None:
        """`Protesters were frustrated that ...`: an attitude verb followed by a that-clause."""
        a = i
        while a - 1 >= 0 and not self.quoted[a - 1] and self.toks[a - 1].low in AUXILIARIES:
            a -= 1
        source = self._source_left(a)
        if source is None:
            return None
        sa, sb, relative = source
        return self._forward("", (self.toks[a].start, self.toks[i].end), sa, sb, relative, i + 1)

    def _participle(self, cue: tuple[int, int], after: int, previous: _Draft | None) -> _Draft | None:
        if after >= len(self.toks):
            return None
        if previous is not None and previous.content[0] <= cue[0] < previous.content[1]:
            # "X did not want to address it, telling Fox that ...": two statements; the first ends at the comma
            p_start = previous.content[0]
            p_end = _trim_end(self.text, p_start, cue[0])
            raised = (
                bool(previous.parts)
                and previous.speaker.attribution == "none"
                and previous.parts[-1][0] < p_end
                and not any(d is not previous and d.content[0] < p_start < d.content[1] for d in self.drafts)
            )
            if (
                CUE_FORMS.get(self.text[cue[0] : cue[1]].lower().split()[-1]) in _BINDING_PARTICIPLES
                or (previous.parts and not raised)
                or not self._has_words(p_start, p_end, 2)
                or _closes_quote(self.text, p_end + 1)
            ):
                return None
            if raised:
                # "Weaver didn't seem impressed, telling reporters ...": the raising verb's content ends at the comma
                previous.parts = (*previous.parts[:-1], (previous.parts[-1][0], p_end))
            previous.content = (p_start, p_end)
            previous.kind = _classify(self.text, p_start, p_end, self.quotes)
            outer = next((d for d in self.drafts if d.cue and d.content[0] <= cue[0] < d.content[1]), None)
            if outer is not None and outer is not previous and not outer.parts and outer.content[0] < p_start:
                # "Ruiz said the council backed the plan, calling it fair": Ruiz calls it, not the council
                outer.content = (outer.content[0], p_end)
                outer.kind = _classify(self.text, outer.content[0], p_end, self.quotes)
                previous = outer
        subject = None
        if previous is None or (previous.speaker.attribution == "none" and previous.parts):
            # "Clinton addressed voters in an email, saying ...": the subject of the main clause speaks; also
            # after a raising verb ("Weaver didn't seem impressed, telling reporters ..."), whose subject is content
            subject = self._clause_subject(cue[0])
        if subject is not None:
            speaker = self._speaker(subject[0], subject[1], None)
        elif previous is not None:
            speaker = previous.speaker
        else:
            return None
        if self.toks[after].text in (",", ":") and after + 1 < len(self.toks):
            after += 1  # '..., saying, “Q”', ', telling CNN: “Q”': the mark before the quotation is not content
        c_start = self.toks[after].start
        c_end = _trim_end(self.text, c_start, self.end)
        if not self._has_words(c_start, c_end, 2):
            return None
        kind = _classify(self.text, c_start, c_end, self.quotes)
        return _Draft(kind, (c_start, c_end), speaker, cue, 0.7)

    def named_subject(self) -> Speaker | None:
        """The person named as the subject of this unit's main clause ("Opposition leader Paul Dunn disagreed")."""
        subject = self._appositive_name() or self._clause_subject(self.end)
        if subject is None or self.toks[subject[0]].low in PRONOUNS:
            return None
        if not any(t.text[:1].islower() or t.text == ":" for t in self.toks) and not any(self.quoted):
            return None  # "FULL TEXT.", "One Odd Word.": a heading, not a sentence about somebody
        mention = parse_mention(self.text, self.toks[subject[0] : subject[1] + 1])
        if mention.determiner == "the" and mention.name is None and mention.head in TITLE_WORDS:
            # "The governor was unmoved.": the person that title names in this article
            speaker = self.context.resolve(mention, mention.span.start)
            found = speaker.attribution == "title" and speaker.name and speaker.name != speaker.surface
            return speaker if speaker.kind == "person" and found else None
        if not mention.name or mention.determiner == "the":
            return None
        speaker = self.context.resolve(mention, mention.span.start)
        if speaker.name is None or not self.context.person_like(speaker.name):
            return None  # "Alongside the party's platform, ...": a capitalised opener, not a person
        return speaker if speaker.kind == "person" and speaker.attribution == "name" else None

    def _appositive_name(self) -> tuple[int, int] | None:
        """`Her rival, Tom Brandt, was not convinced.`: a short description, then the name between commas."""
        toks = self.toks
        k = self._first_content_index()
        if k >= len(toks) or toks[k].low not in DETERMINERS and toks[k].low not in ("her", "his", "their"):
            return None
        comma = next((m for m in range(k, min(len(toks), k + 7)) if toks[m].text == ","), None)
        if comma is None or comma == k or comma + 2 >= len(toks) or any(self.quoted[k : comma + 1]):
            return None
        if any(t.capitalised and m > k for m, t in enumerate(toks[k:comma], k)) or not toks[comma - 1].text.isalpha():
            return None  # "His campaign in Iowa, ...", "The ruling on Monday, ...": a lower-case description only
        end = comma + 1
        while end < len(toks) and end - comma <= 4 and toks[end].capitalised and not self.quoted[end]:
            end += 1
        if end == comma + 1 or end >= len(toks) or toks[end].text != "," or end - comma < 3:
            return None  # a full name: "Tom Brandt", not "Republicans"
        return comma + 1, end - 1

    def _clause_subject(self, limit: int) -> tuple[int, int] | None:
        """The noun phrase that opens the unit's main clause (after an introductory phrase), if any."""
        toks = self.toks
        k = self._first_content_index()
        if k < len(toks) and (toks[k].low in INTRO_OPENERS or self._participle_opener(k) or self._time_opener(k)):
            comma = next((m for m in range(k, len(toks)) if toks[m].text == "," and toks[m].start < limit), None)
            if comma is None:
                return None
            k = comma + 1
            for _ in range(3):
                # "At an event in Ames, Iowa, on Sunday, Clinton ...": a place and a time still belong to the
                # introduction; the subject is the first phrase not closed by a comma
                comma_at = next((m for m in range(k, min(len(toks), k + 5)) if toks[m].text == ","), None)
                if comma_at is None or comma_at == k or toks[comma_at].start >= limit or self.quoted[k]:
                    break  # (two commas in a row: no phrase between them)
                stretch = toks[k:comma_at]
                place = all(t.capitalised and t.low not in PRONOUNS for t in stretch)
                time = stretch[0].low in ("on", "in", "at", "late", "early", "earlier", "last", "this")
                if not (place or time) or any(t.low in CUE_FORMS for t in stretch):
                    break
                k = comma_at + 1
            while k < len(toks) and toks[k].low in SENTENCE_CONNECTORS:
                k += 1
        if k >= len(toks) or toks[k].start >= limit or self.quoted[k]:
            return None
        if toks[k].low in PRONOUNS and toks[k].low not in ("who", "which", "it", "you"):
            return k, k
        end = k
        if toks[end].low in DETERMINERS:
            end += 1
        last = None
        while end < len(toks) and end - k < 8 and toks[end].start < limit and not self.quoted[end]:
            t = toks[end]
            tl = t.low.rstrip(".")
            if t.capitalised and (tl not in CAPITAL_STOP or end == k):
                last = end
            elif tl in TITLE_WORDS or tl in SPEAKER_NOUNS or tl in ORG_HEADS:
                last = end
            elif not (tl in _NP_GLUE and last == end - 1) and not is_possessive(t.text):
                break
            end += 1
        if last is None or last + 1 >= len(toks):
            return None
        head = toks[last]
        if head.low.rstrip(".") in CAPITAL_STOP or head.low in NP_STOP:
            return None
        nxt = toks[last + 1]
        if nxt.capitalised or _is_mark(nxt.text):
            return None
        return k, last

    def _time_opener(self, k: int) -> bool:
        """`A few minutes later, …`, `Two days ago, …`: a time phrase of up to five words and its comma."""
        toks = self.toks
        comma = next((m for m in range(k + 1, min(len(toks), k + 6)) if toks[m].text == ","), None)
        return comma is not None and toks[comma - 1].low in ("later", "earlier", "ago", "afterward", "afterwards")

    def _perfect_participle(self, cue: tuple[int, int], after: int) -> _Draft | None:
        """`Having announced that …, Judge Berman proceeded …`: the subject of the main clause said it; the
        content ends at the comma that closes the participle clause."""
        toks = self.toks
        comma = next((m for m in range(after, len(toks)) if toks[m].text == "," and not self.quoted[m]), None)
        subject = self._clause_subject(self.end) if comma is not None else None
        if comma is None or subject is None or subject[0] != comma + 1 or after >= comma:
            return None
        c_start = toks[after].start
        c_end = _trim_end(self.text, c_start, toks[comma].start)
        if not self._has_words(c_start, c_end, 2):
            return None
        speaker = self._speaker(subject[0], subject[1], None)
        return _Draft(_classify(self.text, c_start, c_end, self.quotes), (c_start, c_end), speaker, cue, 0.7)

    def _attacks_noun(self, i: int) -> bool:
        """ "attacks" at `i` is the plural noun: after a kind of attack, a number, a determiner or a place."""
        before = self.toks[i - 1]
        if before.low in _ATTACK_KINDS or before.text[:1].isdigit():
            return True
        after = self.toks[i + 1] if i + 1 < len(self.toks) else before
        return before.capitalised and before.low in PLACE_NAMES and not after.capitalised

    def _gerund_object(self, i: int) -> bool:
        """The plural noun at `i` is the object of the gerund before it: "despite growing calls", "Holding signs
        calling Christie a loser, the protesters chanted" (a participle clause before the main clause's subject)."""
        toks = self.toks
        gerund = toks[i - 1]
        if not gerund.low.endswith("ing") or len(gerund.low) <= 4 or self.quoted[i - 1]:
            return False
        if not gerund.capitalised:
            return i >= 2 and toks[i - 2].low in _GERUND_PREPOSITIONS
        if i - 1 != self._first_content_index() or not self._participle_opener(i - 1) or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]  # "Holding signs calling ...", "Making threats against ...": not "Polling shows that"
        return nxt.text.islower() and (nxt.low.endswith("ing") or nxt.low in _LEFT_PREPOSITIONS or nxt.low == "of")

    def _participle_opener(self, k: int) -> bool:
        """`Having announced ...,` / `Making her way around ...,`: a participle clause opens the sentence."""
        toks = self.toks
        low = toks[k].low
        return (
            toks[k].capitalised
            and len(low) > 5
            and low.endswith("ing")
            and low not in ("nothing", "something", "everything", "anything")
            and k + 1 < len(toks)
            and (toks[k + 1].text[:1].islower() or (toks[k + 1].capitalised and self._headline()))
        )

    def _cue(self, i: int, previous: _Draft | None = None) -> _Draft | None:
        toks, text = self.toks, self.text
        base = CUE_FORMS[toks[i].low]
        if base == "name" and i + 1 < len(toks) and toks[i + 1].low in ("after", "for"):
            return None  # "a school named after a former premier": a name given, nothing said
        if toks[i].low == "back" and i >= 1 and toks[i - 1].text.islower() and toks[i - 1].low.endswith("ed"):
            return None  # "walked back the comments", "pushed back": a particle after a verb, not "X backs Y"
        nxt_low = toks[i + 1].low if i + 1 < len(toks) else ""
        if base == "find" and nxt_low in _REFLEXIVES:
            return None  # "the bank has found itself at the center of …": where someone ended up, not a finding
        if (
            toks[i].low == "seen"
            and i >= 1
            and toks[i - 1].low in ("has", "have", "had", "'ve", "\u2019ve")
            and nxt_low not in ("that", "as")
        ):
            return None  # "Cruz has seen his lead evaporate": what happened to someone, not what they think
        if toks[i].low == "known" and nxt_low in ("as", ",", ".", ")"):
            return None  # "Freddy, as he was known, …", "a group known as …": a name, nothing said
        if base == "sign" and nxt_low in ("on", "up", "off", "in"):
            return None  # "Singer signed on in May", "many signed up for the course": joined, said nothing
        if (
            base == "respond"
            and nxt_low == "by"
            and i + 2 < len(toks)
            and toks[i + 2].low.endswith("ing")
            and toks[i + 2].low not in CUE_FORMS
        ):
            return None  # "Clinton responded by pointing a finger …": an act, not words
        if toks[i].low == "attacks" and i >= 1 and self._attacks_noun(i):
            return None  # "the Paris attacks test …", "two terrorism attacks in July": the attacks, not "X attacks Y"
        if toks[i].low == "show" and (
            (i >= 1 and toks[i - 1].low in _SHOW_KINDS)
            or (i >= 2 and toks[i - 2].low in ("a", "an", "his", "her", "their") and toks[i - 1].text.isupper())
        ):
            return None  # "a TV show", "his radio show", "The Daily Show": a programme, not "polls show"
        if (
            toks[i].low == "support"
            and nxt_low in ("for", "among", "from", "and", ",", ".", ";")
            and i >= 1
            and toks[i - 1].low not in AUXILIARIES
            and not toks[i - 1].low.endswith(("n't", "n\u2019t"))
            and toks[i - 1].low not in ("to", "not", "also", "still", "strongly", "who", "that", "they", "we", "i")
        ):
            return None  # "tepid Latino support, …", "strong support for Reagan": the noun, not "X support Y"
        if toks[i].low == "back" and (i + 1 >= len(toks) or toks[i + 1].low in _BACK_ADVERB_FOLLOWERS):
            return None  # "his drive back to Georgia", "came back home": an adverb, not "X backs Y"
        if i >= 1 and toks[i].low in (base + "s", base + "es") and self._gerund_object(i):
            return None  # "Holding signs calling ..., the protesters", "despite growing calls": a gerund's object
        a = i
        while (
            a - 1 >= 0
            and not self.quoted[a - 1]
            and (
                (toks[a - 1].low in AUXILIARIES and not self._month_in_name(a - 1))
                or (
                    toks[a - 1].text.endswith("ly")
                    and len(toks[a - 1].text) > 4
                    and toks[a - 1].text.islower()
                    and toks[a - 1].low not in _LY_ADJECTIVES  # "the popular weekly show": not an adverb
                )
                or toks[a - 1].low.endswith(("n't", "n\u2019t"))  # "hasn't said", "wouldn’t say"
                # "… have both urged": a quantifier floated between the auxiliary and the verb
                or (toks[a - 1].low in ("both", "all") and a >= 2 and toks[a - 2].low in AUXILIARIES)
            )
        ):
            a -= 1
        if a - 1 >= 0 and (is_possessive(toks[a - 1].text) or toks[a - 1].low in _ARTICLES):
            return None  # a noun ("the Kremlin's claim"), not a verb
        src_a = a - 1 if a - 1 >= 0 and toks[a - 1].low in _REFLEXIVES and not self.quoted[a - 1] else a
        if a - 2 >= 0 and toks[a - 2].low in _ARTICLES and _adjective_like(toks[a - 1]):
            return None  # "a strong showing", "a forceful promise": a noun after an adjective
        if (
            a == i
            and a - 2 >= 0
            and toks[a - 2].low in ("a", "an")
            and toks[a - 1].text.isalpha()
            and toks[a - 1].text.islower()
            and toks[a - 1].low not in _PLURAL_AMOUNTS  # "Nearly a third say", "a majority support"
            and not (a - 3 >= 0 and toks[a - 3].low in _LEFT_PREPOSITIONS)  # "those without a degree support"
            and toks[i].low == base
        ):
            return None  # "a news report published Wednesday": "a" and one noun make no subject for a bare verb
        if base == "call" and a == i and self._named_thing(i):
            return None  # "a company called Harmony Enterprises gave ...": a name given, nothing said
        b = i
        particles = PHRASAL_CUES.get(base)
        matched = self._particles(b + 1, particles) if particles else 0
        if matched:
            b += matched
        elif base in PARTICLE_ONLY and not (
            base == "call"
            and (
                any(_is_mark(t.text) for t in toks[b + 1 : b + 10])
                # "called Clinton a liar", "calls himself a socialist": naming someone something
                or (
                    b + 2 < len(toks)
                    and (
                        (toks[b + 1].capitalised and toks[b + 1].low not in PRONOUNS)
                        or toks[b + 1].low in _CALLED_OBJECTS
                    )
                    and self._naming_complement(b + 1)
                )
                or self._called_noun_then_complement(b + 1)
            )
        ):
            return None
        after = b + 1
        nxt = toks[after].text if after < len(toks) else ""
        if base == "weigh" and toks[b].low == "in" and nxt.lower() in _WEIGH_IN_FRAMES:
            return None  # "weighed in from Ottawa, telling reporters ...": where, not what; the content follows
        if base == "add" and nxt and (nxt[0].isdigit() or nxt[0] in "$£€¥"):
            return None  # "will add 12,000 spaces", "added $5 million": a quantity added, not words
        # '..., X stated, “...”': a comma and a quotation introduce the content as a colon would
        quote_next = nxt == "," and after + 1 < len(toks) and _is_mark(toks[after + 1].text)
        # "Clinton stated earlier this week that ...": a short frame before the that-clause
        framed_that = nxt.lower() in _FRAME_START and self._find_that(after, 8) is not None
        weak = (
            base in WEAK_CUES
            and nxt.lower() not in ("that", ":", "to")
            and not _is_mark(nxt)
            and not quote_next
            and not framed_that
        )
        if base in _QUOTE_ONLY_CUES and not (_is_mark(nxt) or quote_next or nxt == ":"):
            # "Trump continues to trail", "the borrowing continued": only "X continued, “…”" reports words; the
            # inverted and trailing readings ('“…,” he continued.') are tried below
            weak = True
        cue = (toks[a].start, toks[b].end)
        if a == i and a >= 1 and toks[a - 1].low == "having" and a - 1 == self._first_content_index():
            return self._perfect_participle(cue, after)
        comma_before = a > 0 and (
            toks[a - 1].text == ","
            # '... a “ridiculous idea,” adding that ...': the comma sits inside the closing quotation mark
            or (
                a > 1
                and toks[a - 2].text == ","
                and _is_mark(toks[a - 1].text)
                and _closes_quote(text, toks[a - 1].end)
            )
        )
        if toks[i].low.endswith("ing") and comma_before:
            # ", saying ...": the participle shares the subject of the clause it hangs on
            if base in OBJECT_CUES:
                that = self._find_that(after, 8)  # ", telling a TV station that ...": the object is frame
                if that is not None:
                    after = that
                elif base in ("tell", "inform", "assure", "remind") and after < len(toks):
                    after = self._skip_object(after)  # ", telling reporters the deal was fair"
            return self._participle(cue, after, previous)
        source = self._source_left(src_a)  # "Cruz himself said": the reflexive is neither source nor cue
        if (
            source is None
            and not weak
            and a == i
            and i >= 2
            and toks[i].low.endswith("ing")
            and toks[i - 2].low.endswith("ed")
            and toks[i - 2].text.islower()
            and toks[i - 1].text.isalpha()
            and toks[i - 1].text.islower()
            and toks[i - 1].low not in CUE_FORMS
            and toks[i - 1].low not in _LEFT_PREPOSITIONS
            and not self.quoted[i - 1]
        ):
            # "The senator emailed supporters saying: …": the subject of the verb before the object speaks
            subject = self._clause_subject(toks[i - 2].start)
            if (
                subject is not None
                and subject[1] == i - 3
                and (quote_next or nxt == ":" or self._clause_or_object_after(base, after))
            ):
                return self._forward(base, cue, subject[0], subject[1], None, after)
        if source is not None and source[2] is None and toks[i].low.endswith("ing"):
            source = self._issuer(source)
        if (
            source is not None
            and source[2] is None
            and (toks[i].low not in (base, base + "s", base + "es") or base in _NEVER_NOUNS)
        ):
            source = self._bare_modifiers(source, after)  # not "..., Deep Southern states."
        if source is not None and a == i and self._noun_reading(i, base, source[1]):
            return None  # "the terror attacks on", "get the keys back": a noun phrase, not a speaker and a verb
        if source is not None and (base in _RAISING or self._passive(a, i) and base not in _EXPERIENCER_PASSIVES):
            # "Trump is expected to win", "the plan seems to work": the subject is not who says so
            self.no_speaker = True
        if source is not None:
            sa, sb, relative = source
            before_end = toks[min(sa, self.source_start)].start
        else:
            before_end = toks[a].start
        before = text[self.start : before_end].rstrip()
        if source is not None:
            before = self._quote_before_title(before, before_end)
        joint = before[-1:] if before else ""
        pre_is_content = bool(joint) and (joint in ",:\u2014\u2013" or _closes_quote(before, len(before)))
        if pre_is_content and joint in "\u2014\u2013-" and _DATELINE.fullmatch(before + " "):
            pre_is_content = False  # "WASHINGTON (AP) — A news report … said": the dateline says nothing
        if pre_is_content and source is not None and self._titled_show_before(before_end):
            pre_is_content = False  # 'Sunday on Fox’s “Sunday Morning Futures,” Rep. Issa said …': a show's name
        # '“Q,” Kasich told a crowd in Berea': after a closed quotation, whatever follows the cue is frame
        after_quote = (_quote_ends(before) or _quote_ends_sentence(before)) and _opens_quote(
            text, _trim_start(text, self.start, self.end)
        )
        if pre_is_content and joint == "," and source is not None and self._opening_noun_phrase(sa):
            pre_is_content = False  # "Nevada's governor, Brian Sandoval, said": a title phrase, then the name
        if pre_is_content and joint == "," and source is not None:
            name = self._opening_name(toks[min(sa, self.source_start)].start)
            if name is not None:
                # "Ann Lee, president and CEO of the Association stated, ...": a name and its appositive
                sa, sb, relative = name[0], name[1], None
                pre_is_content = False
        if pre_is_content and joint in "\u2014\u2013" and source is None and self._plain_verb(a, i, base):
            subject = self._subject_phrase(src_a)
            if subject is not None and any(t.text == joint for t in toks[subject[0] : src_a - 1]):
                pre_is_content = False  # "Many speakers — including X and Y — said ...": a parenthetical
        relative_clause = (
            source is not None and relative is not None and sa >= 1 and toks[sa - 1].text == "," and sa == sb
        )
        if relative_clause:
            pre_is_content = False  # "Senator X of Texas, who has been hoping to ...": the antecedent is no content
        if pre_is_content and joint == "," and _ASKED_OPENER.match(text, _trim_start(text, self.start, self.end)):
            pre_is_content = False  # "Asked about the layoffs, the union did not reply": a question, not content
        if quote_next and not _opens_quote(text, _trim_start(text, self.start, self.end)):
            pre_is_content = False  # "Holding open a book, Beck said, “...”": the quotation is the content
        if (
            pre_is_content
            and source is not None
            and toks[a - 1].low != "that"  # "Future45, a super PAC that intends to ...": a relative clause
            and (after_quote or self._frame_like(after) or self._addressee_then_frame(base, after))
            # "On Twitter, Lund called Berg “unhinged.”": whom she called what follows the cue
            and not (
                base == "call"
                and a == i
                and after + 1 < len(toks)
                and toks[after].capitalised
                and (self._naming_complement(after) or _is_mark(toks[after + 1].text))
            )
            and not self._intro_then_clause(sa, after)
            and (after_quote or _closes_quote(before, len(before)) or not self._clause_after(after))
        ):
            trailing = self._trailing(before, cue, sa, sb, relative, after)
            if trailing is not None:
                return trailing
        if pre_is_content and source is None and base in INVERTIBLE:
            inverted = self._inverted(before, cue, after)
            if inverted is not None:
                return inverted
        if (
            source is not None
            and a == i
            and a > 1
            and toks[a - 1].text == ","
            and base in ("say", "add", "write", "note", "explain", "argue", "insist", "warn")
            and self._inverted_subject_ends(after)
        ):
            # "…, said the company's chief executive, John Ferriola.": the source follows the cue; the comma
            # before it closes the content, not an appositive of a source on the left
            inverted = self._inverted(text[self.start : toks[a].start].rstrip(), cue, after)
            if inverted is not None:
                return inverted
        joint_at = a - 1
        if source is None and a > 1 and toks[a - 1].low in _TIME_CORE:
            # "Reed freed up funds and on Monday announced that ...": a time phrase after the coordinator
            c = a - 1
            while c > 0 and a - c <= 4 and (toks[c].low in _TIME_CORE or toks[c].low in ("on", "last", "this", "late")):
                c -= 1
            if toks[c].low in ("and", "but", "then"):
                joint_at = c
        if source is None and joint_at >= 0 and toks[joint_at].low in _COORDINATORS and not weak:
            # "Warren appeared on the show and endorsed Clinton": the clause's subject speaks
            subject = self._clause_subject(toks[joint_at].start)
            if subject is not None:
                return self._forward(base, cue, subject[0], subject[1], None, after)
        if (
            source is None
            and not weak
            and a > 1
            and toks[a - 1].low == "to"
            and not self.quoted[a - 1]
            # "refused to comment", "X is expected to announce": the infinitive is the previous cue's content
            and (previous is None or toks[a - 1].start not in (previous.content[0], *(p[0] for p in previous.parts)))
        ):
            # "Clinton went on Twitter to applaud the ruling", "Cruz was quick to point out that ...": the
            # subject of the clause the infinitive hangs on speaks
            subject = self._clause_subject(toks[a - 1].start)
            if subject is not None:
                subject = self._noun_head(subject)
            # '"went on to say, “Q”' / 'was prompted to say: “Q”': a quotation after the infinitive is its content
            quote_after = quote_next or (nxt == ":" and after + 1 < len(toks) and _is_mark(toks[after + 1].text))
            if subject is not None and (quote_after or self._clause_or_object_after(base, after)):
                gap = toks[subject[1] + 1 : a - 1]
                start = a - 1
                if len(gap) <= 4 and all(t.text.isalpha() and not t.capitalised for t in gap):
                    start = subject[1] + 1  # "went on to say", "was quick to point out": one cue
                return self._forward(base, (toks[start].start, cue[1]), subject[0], subject[1], None, after)
        if (
            source is None
            and not weak
            and toks[i].low.endswith("ing")
            and a == i
            and a >= 1
            and toks[a - 1].low in ("before", "after", "upon", "while")
            and base in _NESTED_SPEECH_CUES
            and not self.quoted[a - 1]
        ):
            # "Lund deflected questions before saying, “…”", "… upon saying that ...": the subject of the
            # clause the preposition hangs on speaks
            subject = self._clause_subject(toks[a - 1].start)
            if subject is not None and (quote_next or self._clause_or_object_after(base, after)):
                return self._forward(base, cue, subject[0], subject[1], None, after)
        if source is None and not weak and toks[i].low.endswith("ing") and a == i:
            # "..., with 30 percent of voters saying they ...": the noun phrase after "with" speaks
            w = a - 1
            while w >= 0 and a - w <= 9 and toks[w].low != "with" and toks[w].text[:1].isalnum() and not self.quoted[w]:
                if toks[w].low in _FINITE_VERBS or toks[w].low in _CLAUSE_OPENERS:
                    break
                w -= 1
            if w >= 0 and toks[w].low == "with" and w + 1 < a and self._clause_or_object_after(base, after):
                head = toks[a - 1]
                if head.text[:1].isalnum() or head.text == "%":
                    return self._forward(base, cue, w + 1, a - 1, None, after)
        if source is None and not weak and not pre_is_content:
            # "A producer for Yahoo Studios told ...", "Many speakers — including ... — said ...": a longer
            # subject than the speaker noun phrase rules read, when a clause follows the cue
            subject = self._subject_phrase(src_a) if self._plain_verb(a, i, base) else None
            if subject is not None and (base in _RAISING or self._passive(a, i) and base not in _EXPERIENCER_PASSIVES):
                self.no_speaker = True
            if subject is not None:
                # '“Q,” a nurse at the county hospital told the board': the words before the subject are content
                before = text[self.start : toks[subject[0]].start].rstrip()
                joint = before[-1:]
                quoted_before = _quote_ends(before) or (joint in "?!" + CLOSING_MARKS + STRAIGHT_MARK)
                quoted_before = quoted_before and _closes_quote(before, len(before) - (joint == ","))
                if (
                    before
                    and (joint == "," or quoted_before)
                    and (
                        (quoted_before and _opens_quote(text, _trim_start(text, self.start, self.end)))
                        or (self._frame_like(after) and not self._clause_after(after))
                    )
                ):
                    trailing = self._trailing(before, cue, subject[0], subject[1], None, after)
                    if trailing is not None:
                        return trailing
                    return None
            if subject is not None and (quote_next or self._clause_or_object_after(base, after)):
                return self._forward(base, cue, subject[0], subject[1], None, after)
        if source is None or weak:
            return None
        draft = self._forward(base, cue, sa, sb, relative, after)
        if draft is not None and relative_clause:
            self._end_relative_clause(draft)
        if draft is not None and self.no_speaker and not draft.parts and draft.content[0] > toks[sb].end:
            # "Trump is expected to attend", "X was seen by some as a demotion": the subject is part of the
            # content (PolNeAR annotates subject and complement as one discontinuous content)
            subject_start = toks[min(sa, self.source_start)].start
            subject_end = _trim_end(text, subject_start, toks[a].start)  # an appositive belongs to the subject
            agent = None
            if base not in _RAISING and base not in _NO_AGENT_CUES and not any(t.low in _RELATIVES for t in toks[sa:a]):
                agent = self._passive_agent(after)
            if agent is not None:
                # "The move was first reported by MSNBC": the agent speaks, the subject (and what follows the
                # agent) is what was said
                agent_start, agent_end = agent
                self.no_speaker = False
                draft.speaker = self._speaker(agent_start, agent_end - 1, None)
                rest = agent_end + 1 if agent_end < len(toks) and toks[agent_end].text == "," else agent_end
                if rest > agent_end and rest < len(toks) and toks[rest].low in ("who", "whose", "which"):
                    rest = len(toks)  # "… was praised by Ann Lopes, who noted that …": her own statement follows
                if rest < len(toks) and self._has_words(toks[rest].start, self.end, 2):
                    rest_piece = (toks[rest].start, _trim_end(text, toks[rest].start, self.end))
                    draft.parts = ((subject_start, subject_end), rest_piece)
                    draft.content = (subject_start, rest_piece[1])
                else:
                    draft.content = (subject_start, subject_end)
                draft.kind = _classify(text, draft.content[0], draft.content[1], self.quotes)
                return draft
            draft.parts = ((subject_start, subject_end), draft.content)
            draft.content = (subject_start, draft.content[1])
        if draft is not None and not draft.parts:
            self._join_opening_clause(draft, sa, after)
        return draft

    def _join_opening_clause(self, draft: _Draft, sa: int, after: int) -> None:
        """`If the ferry stops, Lund said, the island empties`: an attribution set off by commas inside the
        sentence; the opening clause before it is part of what was said (a condition, a contrast, a means)."""
        toks = self.toks
        first = self._first_content_index()
        if (
            first >= sa - 1
            or toks[first].low not in _CLAIM_OPENERS
            or toks[sa - 1].text != ","
            or toks[sa - 2].low in _COORDINATORS  # "..., a man who ... and, records show, does not ...": mid-clause
            or after >= len(toks)
            or toks[after].text != ","
            or draft.content[0] < toks[after].end
            or any(self.quoted[first : sa - 1])
            or any(t.text in (",", ";", ":") for t in toks[first : sa - 1])
        ):
            return
        if toks[first].low == "by" and not toks[first + 1].low.endswith("ing"):
            return  # "By Monday, Lund said, ...": a time, not a means
        c_start = toks[first].start
        c_end = _trim_end(self.text, c_start, toks[sa - 1].start)
        if not self._has_words(c_start, c_end, 3):
            return
        draft.parts = ((c_start, c_end), draft.content)
        draft.content = (c_start, draft.content[1])
        draft.kind = _classify(self.text, c_start, draft.content[1], self.quotes)

    def _passive_agent(self, after: int) -> tuple[int, int] | None:
        """`[tok after, tok end)` of the agent noun phrase of a passive cue: "reported by MSNBC", "criticized
        on Monday by Senator Ann Cole"; None when no "by" phrase follows closely."""
        toks = self.toks
        k = after
        while k < len(toks) and k - after < 5 and toks[k].low != "by":
            t = toks[k]
            if self.quoted[k] or t.text in _AGENT_STOPS or t.low in _FINITE_VERBS or t.low in _RELATIVES:
                return None  # "it was revealed that he funded lawsuits by ...": "by" belongs to another clause
            if t.low in PRONOUNS or t.low in CUE_FORMS or t.low.endswith("ed"):
                return None
            k += 1
        if k >= len(toks) or toks[k].low != "by" or self.quoted[k]:
            return None
        start = end = k + 1
        while end < len(toks) and end - start < 8:
            t = toks[end]
            if t.text in _AGENT_STOPS or _is_mark(t.text) or self.quoted[end]:
                break
            if end > start and (t.low in _AGENT_ENDERS or t.low in _FINITE_VERBS or t.low in CUE_FORMS):
                capital_pair = t.low == "and" and end + 1 < len(toks) and toks[end + 1].capitalised
                if not (capital_pair and all(w.capitalised for w in toks[start:end] if w.low != "the")):
                    break  # "by the Bill and Melinda Gates Foundation" goes on; "by critics and ..." ends
            if end > start and (t.low in _AGENT_ADVERBS or (t.low.endswith("ly") and not t.capitalised)):
                break  # "mocked by Trump already as ..."
            end += 1
        if end == start:
            return None
        if not any(
            t.capitalised or t.low in SPEAKER_NOUNS or t.low in TITLE_WORDS or t.low in ORG_HEADS or t.low == "percent"
            for t in toks[start:end]
        ):
            return None  # "expected to win by a wide margin": no agent
        if toks[start].low in PRONOUNS or toks[start].low in ("the", "a", "an") and end - start == 1:
            return None
        return start, end

    def _end_relative_clause(self, draft: _Draft) -> None:
        """`X, who has hoped to win the state, said nothing`: the relative clause's content ends at its comma."""
        toks = self.toks
        start, end = draft.content
        for k, t in enumerate(toks):
            if t.start < start or t.end > end or k + 1 >= len(toks) or t.text != "," or self.quoted[k]:
                continue
            nxt = toks[k + 1]
            low = nxt.low
            if (
                nxt.text.isalpha()
                and not nxt.capitalised
                and (low in CUE_FORMS or low in AUXILIARIES or low in _FINITE_VERBS or low.endswith("ed"))
            ):
                new_end = _trim_end(self.text, start, t.start)
                if self._has_words(start, new_end, 2):
                    draft.content = (start, new_end)
                    draft.kind = _classify(self.text, start, new_end, self.quotes)
                return

    def _noun_head(self, subject: tuple[int, int]) -> tuple[int, int] | None:
        """`subject` extended over a lower-case head noun ("The Republican elite is ..."), if a verb follows.

        None when no verb follows the phrase ("Minority and women voters appeared": only part of a subject).
        """
        toks = self.toks
        start, end = subject
        if toks[start].text.isupper() and len(toks[start].text) > 3:
            return None  # a dateline ("PHILADELPHIA")
        k = end + 1
        while k < len(toks) and k - end <= 2 and toks[k].text.isalpha() and not toks[k].capitalised:
            low = toks[k].low
            if low in AUXILIARIES or low in _FINITE_VERBS or low in CUE_FORMS or low in _IRREGULAR_PAST:
                break
            if low.endswith("ed") or low in NP_STOP or low in _LEFT_PREPOSITIONS or low in _COORDINATORS:
                break
            if low.endswith("ly") and len(low) > 4 and low not in _LY_ADJECTIVES:
                break  # "his critics hysterically denounced him": an adverb, not part of the subject
            k += 1
        if k >= len(toks):
            return None
        nxt = toks[k]
        if nxt.low.endswith("ly") and nxt.low not in _LY_ADJECTIVES and k + 1 < len(toks) and not nxt.capitalised:
            nxt = toks[k + 1]  # the adverb stands before the verb
        low = nxt.low
        verb = (
            low in AUXILIARIES
            or low in _FINITE_VERBS
            or low in CUE_FORMS
            or low in _IRREGULAR_PAST
            or low.endswith(("ed", "s", "n't", "n\u2019t"))
        )
        if not verb or nxt.capitalised or self.quoted[k]:
            return None
        return start, k - 1

    def _plain_verb(self, a: int, i: int, base: str) -> bool:
        """The cue at `i` (auxiliaries from `a`) is a finite verb, not a noun or a participle."""
        toks = self.toks
        low = toks[i].low
        skipped = {t.low for t in toks[a:i]}
        if any(w.endswith(("n't", "n\u2019t")) for w in skipped):
            return True
        if "not" in skipped and not skipped & _FINITE_VERBS:
            return False  # "in ways not seen since": a participle phrase
        if a < i and skipped & _FINITE_VERBS:
            return True
        if low.endswith("ing"):
            return False
        if low in (base, base + "s", base + "es"):
            return base in _SAFE_PRESENT  # "say", "argues"; not "attacks", "reports", "push"
        # "475 pledged delegates" is a number and a noun; "four in 10 said" is a subject and a verb
        return not (a > 0 and toks[a - 1].text[:1].isdigit() and not (a > 1 and toks[a - 2].low == "in"))

    def _clause_or_object_after(self, base: str, after: int) -> bool:
        """The words after a cue read as its content: a that-clause, a clause or (for stance cues) an object."""
        toks = self.toks
        if after >= len(toks) or self.quoted[after]:
            return after < len(toks) and self.quoted[after]
        first = toks[after]
        if first.text in (".", ";", ",", ")") or first.low in ("by", "as", "to", "of") or first.low in _CLAUSE_OPENERS:
            if first.low == "that":
                return self._has_words(first.start, self.end, 3)
            return False
        return self._has_words(first.start, self.end, 3)

    def _subject_phrase(self, a: int) -> tuple[int, int] | None:
        """The noun phrase opening the clause whose verb is at `a`, when no shorter speaker rule matched it.

        It may hold prepositional phrases, a coordinated name and a dash parenthetical; it may not hold a verb.
        """
        toks = self.toks
        k = a - 1
        start = a
        inner: set[int] = set()  # tokens inside a dash parenthetical are not checked
        while k >= 0 and a - k <= 16:
            t = toks[k]
            tl = t.low
            if self.quoted[k] or _is_mark(t.text):
                break
            if t.text in _DASHES and t.text != "-":
                m = k - 1
                while m >= 0 and k - m < 20 and toks[m].text != t.text and not self.quoted[m]:
                    m -= 1
                if m < 1 or toks[m].text != t.text:
                    break  # "Many speakers — including Muslims, Jews — said": skip a dash pair
                inner.update(range(m, k + 1))
                start, k = m, m - 1
                continue
            if (
                tl in ("who", "whose")
                and not inner
                and k > 0
                and toks[k - 1].text[:1].isalnum()
                and a - k <= 12
                # "a Republican who has refused to endorse": the verb after a refusal is no main verb
                and not (a >= 2 and toks[a - 1].low == "to" and toks[a - 2].low in _REFUSALS)
            ):
                # "A White House official who spoke anonymously said": a short relative clause after the noun
                inner.update(range(k, a))
                start, k = k, k - 1
                continue
            comparative = tl == "than" and k > 0 and toks[k - 1].low in ("more", "fewer", "less")  # "More than six"
            if t.text in (",", ";", ":", "(", ")", ".", "?", "!") or (tl in _CLAUSE_OPENERS and not comparative):
                break
            if tl == "and" and not (k > 0 and toks[k - 1].capitalised and not self.quoted[k - 1]):
                break
            start = k
            k -= 1
        if start >= a or a - k > 16:
            return None
        if inner and all(n in inner for n in range(start, a)):
            return None
        phrase = [t for t in toks[start:a] if t.text[:1].isalnum()]
        if not phrase:
            return None
        outside = [n for n in range(start, a) if n not in inner]
        last = outside[-1] if outside else a - 1
        first, head = toks[start], toks[last]
        fl, hl = first.low.rstrip("."), head.low.rstrip(".")
        # "About four in 10 said", "nearly three in five said", "26% say"
        ratio = last - 2 >= start and toks[last - 1].low == "in" and (head.text[:1].isdigit() or hl in _NUMBER_WORDS)
        # "Nearly nine out of 10 say"
        ratio = ratio or (
            last - 3 >= start
            and toks[last - 1].low == "of"
            and toks[last - 2].low == "out"
            and (head.text[:1].isdigit() or hl in _NUMBER_WORDS)
        )
        # "One in five say", "about one in four said": "one" opens a ratio, not a pronoun
        at_least = ratio and fl == "one" and last - 2 == start
        percent = head.text == "%" and last > start and toks[last - 1].text[:1].isdigit()
        # "proponents of the ban say", "former officials in the agency said": a plain speaker noun
        speaker_noun = any(t.low in SPEAKER_NOUNS for t in toks[start : last + 1] if t.text[:1].islower())
        # "ordinary Danish traders say", "local residents said": a plural noun for people heads the subject
        speaker_noun = speaker_noun or (head.text.islower() and hl.endswith(_PEOPLE_PLURALS) and len(hl) > 5)
        at_least = at_least or (fl == "at" and start + 1 < last and toks[start + 1].low in ("least", "most"))
        # "About four in 10 said", "Nearly half of voters say": a quantity opens the subject
        nxt_low = toks[start + 1].low if start + 1 <= last else ""
        at_least = at_least or (
            fl in ("about", "nearly", "almost", "roughly", "more", "over", "fewer", "less")
            and (
                nxt_low[:1].isdigit()
                or nxt_low in _NUMBER_WORDS
                or nxt_low in _QUANTITY_HEADS
                or nxt_low == "than"
                or (nxt_low == "one" and ratio)
            )
        )
        if not (
            first.capitalised
            or fl in DETERMINERS
            or first.text[:1].isdigit()
            or is_possessive(first.text)
            or (speaker_noun and first.text.isalpha())
        ) or (fl in CAPITAL_STOP and fl not in DETERMINERS and not at_least):
            return None
        if (fl in PRONOUNS or fl in INTRO_OPENERS or fl in SENTENCE_CONNECTORS) and not at_least:
            return None
        if fl in _LEFT_PREPOSITIONS and not at_least:
            return None
        if fl in ("that", "which", "this") or hl in _IRREGULAR_PAST:
            return None
        if (head.text[:1].isdigit() or hl in DETERMINERS) and not ratio:
            return None
        partitive = (
            hl in ("them", "us", "those", "whom")
            and last - 2 >= start
            and toks[last - 1].low == "of"
            and (
                toks[last - 2].low in _QUANTITY_OPENERS
                or toks[last - 2].low in _NUMBER_WORDS
                or toks[last - 2].low == "one"
            )
        )
        if (hl in NP_STOP or hl in _LEFT_PREPOSITIONS or hl in ("of", "and") or hl in PRONOUNS) and not partitive:
            return None  # but "most of them said", "two of them told"
        if (not head.text[:1].isalnum() and not percent) or (
            not head.capitalised and _adjective_like(head) and not ratio
        ):
            return None
        for n in range(start, a):
            if n in inner:
                continue
            t = toks[n]
            tl = t.low
            if tl == "to" and n > start and self._addressee_to(n):
                continue  # "Aides to the mayor say", "A source speaking to WXYZ said"
            if tl in _FINITE_VERBS or tl in ("be", "been", "being", "not", "to") or tl.endswith(("n't", "n\u2019t")):
                return None
            if t.text[:1].islower() and tl.endswith(("ed", "ing")) and tl not in _POST_MODIFIERS:
                nxt = toks[n + 1].low if n + 1 < a else ""
                if nxt not in _LEFT_PREPOSITIONS and nxt != "of" and not (nxt == "to" and self._addressee_to(n + 1)):
                    return None  # a verb inside: "The deal binds", "Trump won and ..."
            if tl in CUE_FORMS and t.text[:1].islower():
                form_base = CUE_FORMS[tl]
                gerund = tl.endswith("ing") and n + 1 < a and toks[n + 1].low in ("for", "of", "on", "about")
                gerund = gerund or (n + 1 < a and toks[n + 1].low == "to" and self._addressee_to(n + 1))
                if tl not in (form_base, form_base + "s", form_base + "es") and not gerund:
                    return None  # "Sanders said he didn't seek": a verb, so not one noun phrase
                if n > start and toks[n - 1].low not in _ARTICLES and not toks[n - 1].text[:1].isupper():
                    adjective = n - 1 > start and toks[n - 2].low in _ARTICLES and toks[n - 1].low in _NOUN_ADJECTIVES
                    if (
                        not is_possessive(toks[n - 1].text)
                        and not (gerund and tl in ("speaking", "talking"))
                        and not adjective  # "An earlier report in a Vermont paper said"
                    ):
                        return None
        return start, self._subject_end(start, last, inner)

    def _subject_end(self, start: int, last: int, inner: set[int]) -> int:
        """The last token of a subject phrase without a trailing adverb or circumstance: "Carter however",
        "Fact-checkers soon", "Trump at the time", "Jeb Bush in a Medium post", "Britain and France in particular"
        end at the name."""
        toks = self.toks
        for n in range(start + 1, last + 1):
            if n in inner:
                continue
            tl, nxt = toks[n].low, toks[n + 1].low if n + 1 <= last else ""
            rest = {t.low for t in toks[n + 2 : last + 1]}
            if (
                (tl == "at" and nxt == "the" and rest == {"time"})
                or (tl == "in" and nxt == "particular")
                or (tl == "in" and nxt in _POSSESSIVE_DETERMINERS)
                or (tl == "in" and nxt in ("a", "an") and rest & _VENUE_NOUNS)
            ):
                last = n - 1
                break
        while last > start and (
            (toks[last].low in _SUBJECT_TAIL_ADVERBS and toks[last].text.islower())
            or (toks[last].low in _HEADLINE_ADVERBS and self._headline())  # "Donald Trump Finally Endorses …"
        ):
            last -= 1
        return last

    def _addressee_to(self, n: int) -> bool:
        """`toks[n]` is a "to" that ties a noun phrase to a speaker noun or a verb of speaking: "aides to the
        mayor", "a source speaking to WXYZ", "an adviser to Ann Lee"; not an infinitive ("wants to know")."""
        toks = self.toks
        prev = toks[n - 1].low.rstrip(".")
        if (
            prev not in _TO_SPEAKER_NOUNS
            and prev not in ("speaking", "talking", "close", "closest")
            and not (prev in TITLE_WORDS and toks[n - 1].capitalised)  # "Chad's Ambassador to France"
        ):
            return False
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        return nxt is not None and (nxt.capitalised or nxt.low in ("the", "a", "an", "his", "her", "their"))

    def _quote_resumes(self, after: int) -> int | None:
        """The index of the mark reopening a quotation after `, ` within a short frame after the cue."""
        toks = self.toks
        for k in range(after, min(len(toks) - 1, after + 24)):
            t = toks[k]
            if t.text == "," and _is_mark(toks[k + 1].text):
                return k + 1
            if (t.text == "." or (t.text.endswith(".") and t.capitalised)) and _is_mark(toks[k + 1].text):
                # '“Q1,” says Ann Lee, a student from Fresno, Calif. “Q2.”': the unit goes on after an
                # abbreviation, and so does the quotation
                return k + 1
            if self.quoted[k] or _is_mark(t.text) or t.text in (".", ";", ":", "!", "?"):
                return None
        return None

    def _named_thing(self, i: int) -> bool:
        """`a company called Harmony Enterprises gave …`: "called" after a lower-case noun with its article, then a
        capitalised name and the sentence's own verb (or its end): the participle names the noun."""
        toks = self.toks
        if i < 2 or i + 1 >= len(toks) or not toks[i - 1].text.isalpha() or not toks[i - 1].text.islower():
            return False
        if toks[i - 1].low in PRONOUNS or toks[i - 1].low in AUXILIARIES or toks[i - 1].low in CUE_FORMS:
            return False
        if not any(toks[m].low in _ARTICLES for m in range(max(0, i - 4), i - 1)):
            return False
        k = i + 1
        quote = next((q for q in self.quotes if q.start == toks[k].start), None)
        if quote is not None and quote.end - quote.start <= 60:
            k = next((m for m in range(k, len(toks)) if toks[m].start >= quote.end), len(toks))  # called “X”
        else:
            while k < len(toks) and toks[k].capitalised and not self.quoted[k] and k - i <= 5:
                k += 1
            if k == i + 1:
                return False
        if k >= len(toks):
            return True
        nxt = toks[k]
        return (
            nxt.text in (",", ".", ";")
            or nxt.low in ("that", "which", "who")
            or (
                nxt.text.islower()
                and (nxt.low in _FINITE_VERBS or nxt.low in AUXILIARIES or nxt.low in _IRREGULAR_PAST)
            )
        )

    def _called_noun_then_complement(self, j: int) -> bool:
        """`called the plan a disgrace`: a short noun phrase after "called", then "a"/"an" and a noun that is
        no stretch of time ("called the office a day later")."""
        toks = self.toks
        if j >= len(toks) or toks[j].low not in _POSSESSIVE_DETERMINERS | {"the", "this", "that"}:
            return False
        for k in range(j + 1, min(len(toks) - 1, j + 4)):
            t = toks[k]
            if t.low in ("a", "an") or self.quoted[k] or not t.text.isalpha() or t.low in NP_STOP:
                return t.low in ("a", "an") and k > j + 1 and toks[k + 1].low not in _NOT_COMPLEMENTS
        return False

    def _naming_complement(self, j: int) -> bool:
        """After the object of "call" at `j`, a complement follows: "called Trump a fascist"."""
        toks = self.toks
        k = j + 1
        while k < len(toks) and toks[k].capitalised and not self.quoted[k]:
            k += 1
        if k >= len(toks):
            return False
        nxt = toks[k]
        return nxt.text[:1].isalpha() and nxt.low not in _FRAME_START and nxt.low not in _LEFT_PREPOSITIONS

    def _particles(self, j: int, particles: tuple[str, ...]) -> int:
        """How many tokens from `j` spell one of `particles` ("it clear"), longest first; 0 if none."""
        for particle in sorted(particles, key=len, reverse=True):
            parts = particle.split()
            if j + len(parts) <= len(self.toks) and all(self.toks[j + n].low == part for n, part in enumerate(parts)):
                return len(parts)
        return 0

    def _opening_noun_phrase(self, sa: int) -> bool:
        """True when the unit opens with a short noun phrase and a comma right before the named source."""
        toks = self.toks
        if not toks[sa].capitalised or sa < 2 or toks[sa - 1].text != ",":
            return False
        k = self._first_content_index()
        if sa - 1 - k > 4 or sa - 1 <= k:
            return False
        np = self._np_left(sa - 2)
        head = toks[sa - 2].low.rstrip(".")
        return np is not None and np[0] == k and (head in TITLE_WORDS or head in SPEAKER_NOUNS)

    def _opening_name(self, limit: int) -> tuple[int, int] | None:
        """A 2-4 word proper name that alone opens the unit and is followed by a comma before `limit`."""
        toks = self.toks
        k = self._first_content_index()
        end = k
        while end < len(toks) and toks[end].start < limit and toks[end].capitalised and not self.quoted[end]:
            end += 1
        if not 2 <= end - k <= 4 or end >= len(toks) or toks[end].text != "," or toks[end].start >= limit:
            return None
        if any(t.low.rstrip(".") in CAPITAL_STOP or t.low in ORG_HEADS for t in toks[k:end]):
            return None
        if any(t.low in _LEFT_PREPOSITIONS for t in toks[k + 1 : end]):
            return None  # "Railing Against Berg, Lund Vows ...": a headline's opening phrase, not a name
        if any(t.text in (",", ".", ";") or _is_mark(t.text) for t in toks[end + 1 :] if t.start < limit):
            return None
        return k, end - 1

    def _quote_before_title(self, before: str, before_end: int) -> str:
        """`“Q,” political scientist Ann Lee told ...`: the quotation, without the lower-case title after it."""
        if not before or _closes_quote(before, len(before)) or before[-1] in ",:":
            return before
        c_start = _trim_start(self.text, self.start, self.end)
        first = next((q for q in self.quotes if q.start == c_start), None)
        quote_text = self.text[self.start : first.end + 1] if first is not None else ""
        if first is None or first.end >= before_end or not (_quote_ends(quote_text) or _quote_ends(quote_text[:-1])):
            return before
        gap = [t for t in self.toks if first.end <= t.start < before_end]
        if not gap or len(gap) > 5 or not all(t.text.isalpha() and not t.capitalised for t in gap[1:]):
            return before
        if gap[0].text == ",":
            gap = gap[1:]
        if not gap or not all(t.text.isalpha() and t.low not in CUE_FORMS for t in gap):
            return before
        return self.text[self.start : first.end]

    def _noun_reading(self, i: int, base: str, head: int) -> bool:
        """True when a cue that can be read as a noun ("attacks", "state", "back") follows a plain noun."""
        low = self.toks[i].low
        if low not in (base, base + "s", base + "es"):
            return False  # "said", "attacked": only a verb
        nxt = self.toks[i + 1].low if i + 1 < len(self.toks) else "."
        if nxt not in _NOUN_FOLLOWERS:
            return False  # "the polls show that ...": a clause follows, so a verb
        if base in _NEVER_NOUNS and nxt in (".", ","):
            return False  # "..., the lawsuit says.": "says" ends no noun phrase
        h = self.toks[head]
        hl = h.low.rstrip(".")
        if h.capitalised or hl in PRONOUNS or hl in SPEAKER_NOUNS or hl in TITLE_WORDS or hl in ORG_HEADS:
            return False
        return hl not in _QUANTITY_HEADS and not is_possessive(h.text)

    def _trailing(
        self, before: str, cue: tuple[int, int], sa: int, sb: int, relative: Mention | None, after: int
    ) -> _Draft | None:
        text, toks = self.text, self.toks
        c_start = _trim_start(text, self.start, self.end)
        if text[c_start : c_start + 1] == "(" and text[self.start : self.end].rstrip().endswith(")"):
            c_start += 1  # "(The Danes are fans, Lund said.)": the content starts inside the brackets
        c_end = self.start + len(before)
        if not _closes_quote(text, c_end):
            c_end = _trim_end(text, c_start, c_end)
        if c_end <= c_start:
            return None  # ", ministry say , said …": nothing but punctuation before the source
        kind: StatementKind | None = None
        parts: tuple[tuple[int, int], ...] = ()
        # "“Q1,” he said [at a rally], “Q2.”": one quotation interrupted by its attribution
        resume = self._quote_resumes(after)
        if resume is not None and (text[c_start] in OPENING_MARKS + STRAIGHT_MARK or text.startswith("''", c_start)):
            second = next((q for q in self.quotes if q.start == toks[resume].start), None)
            if second is not None:
                parts = ((c_start, c_end), (second.start, second.end))
                c_end = second.end
                kind = "direct"
        elif (
            after + 1 < len(toks)
            and toks[after].text == ","
            and not self.quoted[after + 1]
            and toks[after + 1].low not in _FRAME_START
            and not (toks[after + 1].low in CUE_FORMS and toks[after + 1].low.endswith("ing"))
            and not _closes_quote(text, c_end)
            and self._has_words(toks[after + 1].start, self.end, 3)
        ):
            # "His wife, he says, plans to leave": the attribution sits inside the sentence it reports
            parts = ((c_start, c_end), (toks[after + 1].start, _trim_end(text, c_start, self.end)))
            c_end = parts[1][1]
        if not self._enough_words(c_start, c_end):
            return None
        speaker = self._speaker(sa, sb, relative)
        kind = kind or _classify(text, c_start, c_end, self.quotes)
        return _Draft(kind, (c_start, c_end), speaker, cue, 0.9, parts=parts)

    def _inverted(self, before: str, cue: tuple[int, int], after: int) -> _Draft | None:
        toks = self.toks
        j = after
        end = j
        while end < len(toks) and end - j < 8:
            t = toks[end]
            if t.text in (",", ".", ";", ":", "(") or _is_mark(t.text) or (end > j and t.low in _FRAME_START):
                break
            if end > j and t.low in ("who", "which", "whose"):
                break  # '“Q,” said a data expert who has worked for ...': the relative clause is not the name
            if t.low in _FINITE_VERBS:
                return None  # "..., said the heating had failed": a clause, not an inverted subject
            end += 1
        if end == j:
            return None
        head = toks[end - 1]
        first = toks[j]
        if (first.low in PRONOUNS and end - j > 1) or first.low in _POSSESSIVE_DETERMINERS or first.low == "that":
            return None  # "..., said he fully supports it": a clause, not an inverted subject
        if first.low != "by" and (
            first.low in _FRAME_START or first.low in _LEFT_PREPOSITIONS or first.low in _TIME_CORE
        ):
            return None  # "His assumption, stated on live TV, was …", "The deal, announced Friday, …": a participle
        if (
            not (
                head.capitalised
                or first.low in PRONOUNS
                or head.low in SPEAKER_NOUNS
                or head.low in TITLE_WORDS
                or first.low in DETERMINERS
            )
            or head.low in NP_STOP
        ):
            return None
        text = self.text
        c_start = _trim_start(text, self.start, self.end)
        c_end = self.start + len(before)
        if not _closes_quote(text, c_end):
            c_end = _trim_end(text, c_start, c_end)
        if not self._enough_words(c_start, c_end):
            return None
        mention = parse_mention(text, toks[j:end])
        name_end = end + 1
        while name_end < len(toks) and name_end - end <= 4 and toks[name_end].capitalised:
            name_end += 1
        if (
            mention.name is None
            and end < len(toks)
            and toks[end].text == ","
            and (name_end == len(toks) or toks[name_end].text in (".", ","))
            and self._plain_name(toks[end + 1 : name_end])
        ):
            # "…, said the firm's chief executive, Ada Roy.": the name after the title speaks
            mention = parse_mention(text, toks[end + 1 : name_end])
        speaker = self.context.resolve(mention, mention.span.start)
        resume = self._quote_resumes(end)
        if resume is not None and (text[c_start] in OPENING_MARKS + STRAIGHT_MARK or text.startswith("''", c_start)):
            # "“Q1,” said Patel, “Q2.”": one quotation interrupted by its inverted attribution
            second = next((q for q in self.quotes if q.start == toks[resume].start), None)
            if second is not None:
                parts = ((c_start, c_end), (second.start, second.end))
                return _Draft("direct", (c_start, second.end), speaker, cue, 0.85, parts=parts)
        rest = self._inverted_continuation(end)
        if rest is not None and not _closes_quote(text, c_end):
            # "The paradox of the ferry, says Carl Lund, a historian, is that it never paid": the sentence the
            # attribution interrupts goes on after it
            parts = ((c_start, c_end), rest)
            return _Draft(
                _classify(text, c_start, rest[1], self.quotes), (c_start, rest[1]), speaker, cue, 0.85, parts=parts
            )
        return _Draft(_classify(text, c_start, c_end, self.quotes), (c_start, c_end), speaker, cue, 0.85)

    def _inverted_continuation(self, end: int) -> tuple[int, int] | None:
        """After an inverted source ending at `end` (and an appositive closed by a comma), the verb phrase that
        finishes the interrupted sentence, as a span; None when the unit ends or anything else follows."""
        toks = self.toks
        if end >= len(toks) or toks[end].text != ",":
            return None
        k = end + 1
        if k < len(toks) and not (
            toks[k].text.islower() and (toks[k].low in AUXILIARIES or toks[k].low in _FINITE_VERBS)
        ):
            # skip one appositive ("a historian at the port museum,")
            m = k
            while m < len(toks) and m - k < 15 and toks[m].text not in (",", ".", ";", ":") and not self.quoted[m]:
                m += 1
            if m >= len(toks) or toks[m].text != ",":
                return None
            k = m + 1
        if (
            k >= len(toks)
            or not toks[k].text.islower()
            or not (toks[k].low in AUXILIARIES or toks[k].low in _FINITE_VERBS)
        ):
            return None
        c_end = _trim_end(self.text, toks[k].start, self.end)
        if not self._has_words(toks[k].start, c_end, 2):
            return None
        return toks[k].start, c_end

    def _inverted_subject_ends(self, after: int) -> bool:
        """After an inverted cue, a short noun phrase that ends the unit or is closed by a comma and an appositive
        or relative clause ("said DeSantis, who …", "said the chief executive, John Ferriola.")."""
        toks = self.toks
        if after >= len(toks) or self.quoted[after]:
            return False
        first = toks[after]
        if not (first.capitalised or first.low in DETERMINERS or first.low.rstrip(".") in TITLE_WORDS):
            return False
        if first.low in PRONOUNS or first.low in _POSSESSIVE_DETERMINERS or first.low == "that":
            return False
        for k in range(after, min(len(toks), after + 9)):
            t = toks[k]
            if t.text in (".", "!", "?") or t.text == ",":
                # not '…, Dick Dever said, “…”': a quotation after the comma is the content
                return k > after and not (k + 1 < len(toks) and self.quoted[k + 1])
            if self.quoted[k] or t.low in _FINITE_VERBS or t.low in CUE_FORMS or t.low in _FRAME_START:
                return False
            if t.text[:1].islower() and t.low.endswith("ed"):
                return False
        return len(toks) - after <= 8

    def _forward(
        self, base: str, cue: tuple[int, int], sa: int, sb: int, relative: Mention | None, after: int
    ) -> _Draft | None:
        toks, text = self.toks, self.text
        j = after
        that = self._find_that(after, 10 if base not in OBJECT_CUES else 8)
        if that is not None and (base in OBJECT_CUES or that == after or toks[after].low in _FRAME_START):
            j = that
        elif base in ("tell", "inform", "assure", "remind") and j < len(toks):
            j = self._skip_object(j)
        else:
            colon = self._colon_after(after)
            if colon is not None:
                j = colon  # "said in a statement: ...": the frame before the colon is not content
        while j < len(toks) and toks[j].text in (",", ":", "\u2014", "\u2013", "-"):
            j += 1
        if j >= len(toks):
            return None
        c_start = toks[j].start
        c_end = _trim_end(text, c_start, self.end)
        # "Christie endorsed Trump": a stance verb's object may be one name
        if not self._has_words(
            c_start,
            c_end,
            1 if base in _STANCE_CUES and (toks[j].capitalised or toks[j].low in ("him", "her", "them")) else 2,
        ):
            return None
        speaker = self._speaker(sa, sb, relative)
        kind = _classify(text, c_start, c_end, self.quotes)
        return _Draft(kind, (c_start, c_end), speaker, cue, 0.8)

    def reported_claim(self) -> _Draft | None:
        """`the Kremlin's claim to have annexed ...`: a claim reported through a noun."""
        if self.text.find("'s", self.start, self.end) < 0 and self.text.find("’s", self.start, self.end) < 0:
            return None  # the pattern needs a possessive: skip the costly search
        match = _CLAIM_RE.search(self.text, self.start, self.end)
        if match is None:
            return None
        src_toks = words(self.text, match.start("src"), match.end("src") + 2)
        src_toks = [t for t in src_toks if t.end <= match.end("src") + 2]
        if not src_toks or src_toks[-1].low.rstrip("’'s") in CAPITAL_STOP:
            return None
        mention = parse_mention(self.text, src_toks)
        c_start = match.start("content")
        c_end = _trim_end(self.text, c_start, self.end)
        if not self._has_words(c_start, c_end, 3):
            return None
        speaker = self.context.resolve(mention, mention.span.start)
        cue = (match.start("cue"), match.end("cue"))
        return _Draft("reported", (c_start, c_end), speaker, cue, 0.6)

    def cue_first(self) -> _Draft | None:
        """`Said Patel: “Q”` / `Said Ann Lee, a nurse, “Q”`: the cue opens the sentence, the speaker follows it."""
        toks, text = self.toks, self.text
        c_start = _trim_start(text, self.start, self.end)
        first = next((k for k, t in enumerate(toks) if t.start >= c_start), None)
        if first is None or toks[first].text not in _OPENING_CUES or first + 2 >= len(toks):
            return None
        inside = [q for q in self.quotes if q.start > toks[first].end and q.end <= self.end]
        if not inside or text[inside[-1].end : self.end].strip(_TRAIL_PUNCT):
            return None
        mark = next((k for k, t in enumerate(toks) if t.start == inside[0].start), None)
        if mark is None or toks[mark - 1].text not in (",", ":") or mark - 1 - first > 14:
            return None
        # the speaker phrase and an appositive: "Gomez's neighbour, Peter Holt" names the neighbour
        pieces: list[list[Word]] = [[]]
        for t in toks[first + 1 : mark - 1]:
            if t.text == ",":
                pieces.append([])
            else:
                pieces[-1].append(t)
        phrase = pieces[0]
        if len(pieces) > 1 and pieces[1] and not (phrase and phrase[-1].capitalised) and self._person_name(pieces[1]):
            phrase = pieces[1]
        if not phrase or len(phrase) > 6 or not (phrase[-1].capitalised or phrase[-1].low in TITLE_WORDS):
            return None
        if any(_is_mark(t.text) or t.low in _FINITE_VERBS for t in phrase):
            return None
        mention = parse_mention(text, phrase)
        speaker = self.context.resolve(mention, mention.span.start)
        if speaker.name is None:
            return None
        cue = (toks[first].start, toks[first].end)
        return _Draft(
            _classify(text, inside[0].start, inside[-1].end, self.quotes),
            (inside[0].start, inside[-1].end),
            speaker,
            cue,
            0.8,
        )

    def dash_attribution(self) -> _Draft | None:
        """`“...” ― Sonya Herridge`: a quotation signed with a dash and a name."""
        inside = [q for q in self.quotes if q.start >= self.start and q.end <= self.end]
        c_start = _trim_start(self.text, self.start, self.end)
        if not inside or inside[0].start != c_start:
            return None
        tail = [t for t in self.toks if t.start >= inside[-1].end]
        if len(tail) < 2 or tail[0].text not in _DASHES:
            return None
        name = [t for t in tail[1:] if t.text not in ".,"]
        if not name or len(name) > 6 or not all(t.capitalised or t.low in _NAME_GLUE for t in name):
            return None
        mention = parse_mention(self.text, name)
        speaker = self.context.resolve(mention, mention.span.start)
        cue = (tail[0].start, tail[0].end)
        return _Draft("direct", (c_start, inside[-1].end), speaker, cue, 0.7)

    def colon_quote(self) -> _Draft | None:
        """`Republican pollster Ann Lee: “Q”` / `Here's Clinton in 1992: “Q”`: a named person, a colon, a quote."""
        toks = self.toks
        colon = next((k for k, t in enumerate(toks) if t.text == ":" and not self.quoted[k]), None)
        if colon is None or colon < 1 or colon + 1 >= len(toks) or not _is_mark(toks[colon + 1].text):
            return None
        quote = next((q for q in self.quotes if q.start == toks[colon + 1].start), None)
        if quote is None or not self._has_words(quote.start, quote.end, 3):
            return None
        j = colon - 1
        if toks[j].text == ")":  # "Rep. Ann Cole (R-S.C.):"
            j = next((m for m in range(j - 1, max(-1, j - 8), -1) if toks[m].text == "("), 0) - 1
        # "Here's Clinton in December 1992:": a time after the name is frame
        while j > 0 and (toks[j].text.isdigit() or toks[j].low in _TIME_CORE):  # months are time words
            j -= 1
        if j > 0 and toks[j].low == "in" and j < colon - 1:
            j -= 1
        end = j
        while j >= 0 and end - j < 6 and not self.quoted[j] and (toks[j].capitalised or toks[j].low in TITLE_WORDS):
            j -= 1
        name = toks[j + 1 : end + 1]
        if not name or not name[-1].capitalised or not self._person_name(name):
            return None
        mention = parse_mention(self.text, name)
        if mention.name is None or " " not in mention.name and mention.name.lower() not in self.context.by_surname:
            return None
        speaker = self.context.resolve(mention, mention.span.start)
        cue = (toks[colon].start, toks[colon].end)
        c_end = quote.end
        return _Draft("direct", (quote.start, c_end), speaker, cue, 0.6)

    def _person_name(self, phrase: list[Word]) -> bool:
        """The phrase ends in a person's name: capitalised words that are not titles, places or organisations."""
        named = [t for t in phrase if t.capitalised and t.low.rstrip(".") not in TITLE_WORDS]
        return bool(named) and self._plain_name(named) or (len(named) == 1 and named[0].low in self.context.by_surname)

    def quote_with_any_verb(self) -> _Draft | None:
        """`“Q,” Trump shot back.` / `Silverman interjected, “Q”`: a quotation and a speaker with a verb
        that is not in the cue lexicon (news copy has many); only in these unambiguous shapes."""
        toks, text = self.toks, self.text
        inside = [q for q in self.quotes if q.start >= self.start and q.end <= self.end]
        if len(inside) != 1:
            return None
        quote = inside[0]
        c_start = _trim_start(text, self.start, self.end)
        tail = [t for t in toks if t.start >= quote.end and t.text not in ".!?"]
        head = [t for t in toks if t.end <= quote.start]
        if quote.start == c_start and 2 <= len(tail) <= 6 and text[quote.end - 2 : quote.end - 1] in ",?!":
            # "“Q,” SOURCE VERB [particle]."
            n = 0
            while n < len(tail) and n < 3 and (tail[n].capitalised or (n == 0 and tail[n].low in PRONOUNS)):
                n += 1
            if n == 0 or n >= len(tail) or not _verb_like(tail[n]):
                return None
            if tail[0].low in PRONOUNS and n > 1:
                return None
            mention = parse_mention(text, tail[:n])
            speaker = self.context.resolve(mention, mention.span.start)
            cue = (tail[n].start, tail[n].end)
            return _Draft("direct", (quote.start, quote.end), speaker, cue, 0.6)
        rest = text[quote.end : self.end]
        if head and not rest.strip(_TRAIL_PUNCT) and 2 <= len(head) <= 5 and head[-1].text in (",", ":"):
            # "SOURCE VERB, “Q”"
            n = 0
            while n < len(head) - 2 and n < 3 and (head[n].capitalised or (n == 0 and head[n].low in PRONOUNS)):
                n += 1
            if n == 0 or n != len(head) - 2 or not _verb_like(head[n]):
                return None
            if head[0].low.rstrip(".") in CAPITAL_STOP and head[0].low not in PRONOUNS:
                return None
            mention = parse_mention(text, head[:n])
            speaker = self.context.resolve(mention, mention.span.start)
            cue = (head[n].start, head[n].end)
            return _Draft("direct", (quote.start, quote.end), speaker, cue, 0.6)
        return None

    def floating_quote(self) -> tuple[int, int] | None:
        """A unit that is a quotation (and nothing else but punctuation): its span."""
        c_start = _trim_start(self.text, self.start, self.end)
        inside = [q for q in self.quotes if q.start >= self.start and q.end <= self.end]
        if not inside or inside[0].start != c_start:
            return None
        rest = self.text[inside[-1].end : self.end]
        if rest.strip(_TRAIL_PUNCT + _DASHES):
            return None
        if not self._has_words(c_start, inside[-1].end, 2):
            return None
        return c_start, inside[-1].end

    # ------------------------------------------------------------------ helpers

    def _enough_words(self, c_start: int, c_end: int) -> bool:
        """Two words make a content; one does when it is a whole quotation ('“Absolutely,” he said')."""
        if self._has_words(c_start, c_end, 2):
            return True
        return self._has_words(c_start, c_end, 1) and any(
            q.start == c_start and abs(q.end - c_end) <= 1 for q in self.quotes
        )

    def _has_words(self, start: int, end: int, minimum: int) -> bool:
        count = 0
        for tok in self.toks:
            if tok.start >= start and tok.end <= end and tok.text[:1].isalnum():
                count += 1
                if count >= minimum:
                    return True
        return False

    def _find_that(self, j: int, window: int) -> int | None:
        toks = self.toks
        for k in range(j, min(len(toks), j + window)):
            t = toks[k]
            if self.quoted[k] or _is_mark(t.text) or t.text in (";", ":", "."):
                return None
            if t.low == "that":
                return k
            if t.low in CUE_FORMS and k > j:
                return None
        return None

    def _colon_after(self, j: int) -> int | None:
        """The index of a colon within a short frame after the cue (no quotation or clause before it)."""
        toks = self.toks
        if j >= len(toks) or toks[j].low not in _COLON_FRAME_START:
            return None
        for k in range(j, min(len(toks), j + 8)):
            t = toks[k]
            if t.text == ":":
                return k
            if self.quoted[k] or _is_mark(t.text) or t.text in (".", ";") or t.low in ("that", "to"):
                return None
        return None

    def _skip_object(self, j: int) -> int:
        toks = self.toks
        if toks[j].low in _OBJECT_PRONOUNS:
            return j + 1
        k = j
        determined = toks[k].low in ("the", "a", "an", "his", "her", "their")
        if determined:
            k += 1
        while k < len(toks) and k - j < 5 and toks[k].capitalised and not self.quoted[k]:
            k += 1
        if (
            determined
            and k < len(toks)
            and toks[k].text[:1].islower()
            and toks[k].low.isalpha()
            and toks[k].low not in NP_STOP
            and not self.quoted[k]
        ):
            k += 1  # "the crowd", "a TV station", "his aides": the noun the determiner opens
        return k if k > j else j

    def _intro_then_clause(self, sa: int, after: int) -> bool:
        """`At the rally, Smith said the plan failed`: an introductory phrase before the source, a clause after."""
        toks = self.toks
        first = self._first_content_index()
        if first >= sa or self.quoted[first] or _is_mark(toks[first].text):
            return False
        if toks[first].low not in INTRO_OPENERS:
            # "Railing against Berg, Lund vowed to cut fares": a participle phrase opens it too, but not a gerund
            # subject ("Shifting rains could ruin crops, Lee said"; "Riding alone, they said, is risky")
            if not self._participle_opener(first) or any(
                t.low in _FINITE_VERBS or t.low in AUXILIARIES for t in toks[first + 1 : sa]
            ):
                return False
            nxt = after + 1 if after + 1 < len(toks) and toks[after].text == "," else after
            if nxt < len(toks) and (toks[nxt].low in AUXILIARIES or toks[nxt].low in _FINITE_VERBS):
                return False
        if any(t.text == "," for t in toks[first : sa - 1]):
            return False  # "If we lose, we lose, Smith said": a clause, not a phrase
        if toks[first].low == "this" and any(t.low in _FINITE_VERBS for t in toks[first + 1 : sa - 1]):
            return False  # "This is not about me, Hale told his aides ...": a clause, not "This week"
        rest = [t for t in toks[after:] if t.text[:1].isalnum()]
        return len(rest) >= 3

    def _clause_after(self, after: int) -> bool:
        """True when a that-clause or a finite clause follows the cue: `, Rubio told reporters Tuesday that ...`,
        `..., the vice president said Clinton was ...` (the words before the source are then an introduction)."""
        toks = self.toks
        for k in range(after, min(len(toks), after + 8)):
            t = toks[k]
            if self.quoted[k] or _is_mark(t.text) or t.text in (".", ";", ":", ",", "!", "?"):
                return False
            if t.low == "that" or (k > after and t.low in _FINITE_VERBS):
                return k + 2 < len(toks)
        return False

    def _bare_modifiers(self, source: tuple[int, int, Mention | None], after: int) -> tuple[int, int, Mention | None]:
        """`..., law enforcement officials say.`: lower-case modifiers with no determiner between the comma and a
        speaker noun belong to the source when the cue ends the unit."""
        toks = self.toks
        sa, sb, _ = source
        if toks[sb].low not in SPEAKER_NOUNS and toks[sb].low not in TITLE_WORDS:
            return source
        if after < len(toks) and toks[after].text not in (".", "!", "?"):
            return source
        m = sa
        while m - 1 >= 0 and sa - (m - 1) <= 3:
            t = toks[m - 1]
            tl = t.low
            if self.quoted[m - 1] or not t.text.isalpha() or not t.text.islower():
                break
            if tl in NP_STOP or tl in CUE_FORMS or tl in AUXILIARIES or tl in _FINITE_VERBS or tl in DETERMINERS:
                break
            if tl in _COORDINATORS or tl in _LEFT_PREPOSITIONS or tl in _RELATIVES or tl.endswith("ly"):
                break
            m -= 1
        if m == sa or m < 1 or toks[m - 1].text != ",":
            return source
        self.source_start = min(self.source_start, m)
        return m, sb, None

    def _addressee_then_frame(self, base: str, after: int) -> bool:
        """`..., he told the court in a filing.`: an addressee after a cue of telling, then only a frame."""
        if base not in _ADDRESSEE_CUES or after >= len(self.toks):
            return False
        toks = self.toks
        k = after
        if toks[k].low in _OBJECT_PRONOUNS:
            k += 1
        else:
            if toks[k].low in ("the", "a", "an", "his", "her", "their", "its", "our", "my"):
                k += 1
            start = k
            while (
                k < len(toks)
                and k - start < 4
                and toks[k].text.isalpha()
                and not self.quoted[k]
                and toks[k].low not in _FRAME_START
                and toks[k].low not in _RELATIVES
                and toks[k].low not in _FINITE_VERBS
                and toks[k].low not in CUE_FORMS
            ):
                k += 1
            if k == start:
                return False
            head = toks[k - 1]
            hl = head.low.rstrip(".")
            if not (head.capitalised or hl in SPEAKER_NOUNS or hl in TITLE_WORDS or hl in _AUDIENCES):
                return False  # "Francis told the story of Nineveh": a thing told, not a person
        return k >= len(toks) or self._frame_like(k)

    def _frame_like(self, after: int) -> bool:
        toks = self.toks
        rest = [t for t in toks[after:] if t.text not in ".!?)"]  # "(…, Lund said.)": the bracket closes it
        if not rest or rest[0].text == ";":
            return True  # "..., analysts say; in 2012 ...": the clause after the semicolon is another sentence
        first = rest[0]
        if first.low == "at" and len(rest) > 1 and rest[1].low in ("least", "most"):
            return False  # "CNN reported at least six planes ...": a quantity, not a place
        if first.text == "," or first.low in _FRAME_START:
            return True
        return first.low in _OBJECT_PRONOUNS or (first.capitalised and first.low not in PRONOUNS)

    def _passive(self, a: int, i: int) -> bool:
        """A form of "be" before a past participle: "is expected", "was asked", "has been told"."""
        low = self.toks[i].low
        if not low.endswith(("ed", "en", "wn", "told", "said", "thought", "found", "felt", "sought")):
            return False
        return any(self.toks[k].low in _BE_FORMS for k in range(a, i))

    def _speaker(self, sa: int, sb: int, relative: Mention | None) -> Speaker:
        if self.no_speaker:
            return Speaker(None, None, None, "unknown", None, None, "none")
        mention = parse_mention(self.text, self.toks[sa : sb + 1])
        described = self.described.get((sa, sb))
        if described is not None and mention.title is None:
            noun_phrase = parse_mention(self.text, self.toks[described[0] : described[1] + 1])
            if noun_phrase.name is None and noun_phrase.head in TITLE_WORDS:
                mention.title = noun_phrase.title
                mention.gender = mention.gender or noun_phrase.gender
        return self.context.resolve(mention, mention.span.start, relative)

    def _source_left(self, a: int) -> tuple[int, int, Mention | None] | None:
        """The speaker noun phrase ending just before the cue (after time phrases and appositives).

        Sets `source_start`, the first token of the whole source phrase (an appositive name's noun phrase
        included: "Clinton's campaign chairman, John Podesta, said").
        """
        toks = self.toks
        self.source_start = a
        j = a - 1
        if j >= 2 and self._dash(j):
            # "A former governor -- Tom Reed, who lost in 2010 -- said": the source is before the parenthetical
            opening = self._opening_dash(j)
            if opening is not None:
                found = self._source_ending(opening - 1)
                if found is not None and not toks[found[1]].capitalised and _adjective_like(toks[found[1]]):
                    return None  # "His strong - and unwavering - support": an adjective, then a noun
                if found is not None:
                    self.source_start = min(found[0], self.source_start)
                return found
        k = j
        saw_core = False
        while (
            k >= 0
            and not self.quoted[k]
            and (toks[k].low in _TIME_CORE or toks[k].low in _TIME_GLUE or toks[k].text.isdigit())
            and not (k == j and self._month_in_name(k))
        ):
            saw_core = saw_core or toks[k].low in _TIME_CORE
            k -= 1
        if saw_core:
            j = k
            while j + 1 < a and toks[j + 1].low in ("the", "of"):
                j += 1
            found = self._source_ending(j)
            if found is not None and a >= 1 and toks[a - 1].text == "," and self._in_relative_clause(found[0]):
                found = None  # "X, president of Y, which endorsed Mr. Sanders in December, said": X speaks
            if found is not None or a - 1 < 0 or toks[a - 1].text != ",":
                return found
            j = a - 1  # "Mr. Trump, in a brief interview on Saturday, said": an appositive, not a time
        found = self._source_ending(j)
        if found is None and j >= 2 and toks[j].text == ",":
            # "Supporters of the plan, on the other hand, argued": a comma-bounded adverbial, then the source
            k = j - 1
            while k >= 0 and j - k <= 6 and toks[k].text != "," and not self.quoted[k]:
                k -= 1
            if k >= 1 and toks[k].text == "," and toks[k + 1].low in _ADVERBIAL_OPENERS and j - k > 1:
                if not any(t.low in _FINITE_VERBS or t.low in CUE_FORMS for t in toks[k + 1 : j]):
                    found = self._source_ending(k - 1)
                    if found is None and k >= 1:
                        phrase = self._subject_phrase(k)
                        if phrase is not None:
                            found = (phrase[0], phrase[1], None)
                    if found is not None:
                        self.source_start = min(found[0], self.source_start)
        return found

    def _in_relative_clause(self, n: int) -> bool:
        """`toks[n]` follows a relative pronoun after the last comma before it (", which endorsed Mr. Sanders")."""
        toks = self.toks
        m = n - 1
        while m >= 0 and n - m <= 12 and toks[m].text != "," and not self.quoted[m]:
            if toks[m].low in ("which", "who", "whose"):
                return True
            m -= 1
        return False

    def _month_in_name(self, k: int) -> bool:
        """`Theresa May said`, `April Ryan said`: a month that is part of a person's name, not a time."""
        toks = self.toks
        word = toks[k]
        if word.low not in MONTHS or not word.capitalised:
            return False
        before = toks[k - 1] if k >= 1 else None
        if before is not None and before.capitalised and before.low in GIVEN_NAMES:
            return True  # a surname after a given name
        if before is not None and before.low in _TIME_GLUE:
            return False  # "in April Ryan said", "since May": a time
        if word.low in self.context.by_surname:
            return True  # "May said" after "Theresa May" in the same article
        return (
            word.low in MONTH_GIVEN_NAMES
            and k + 1 < len(toks)
            and toks[k + 1].capitalised
            and toks[k + 1].low not in MONTHS
            and toks[k + 1].low not in CAPITAL_STOP
        )

    def _dash(self, k: int) -> bool:
        """`toks[k]` is a dash between words: an em or en dash, or a hyphen with a space or a hyphen on each side."""
        t = self.toks[k]
        if t.text in ("\u2014", "\u2013", "\u2015"):
            return True
        if t.text != "-":
            return False
        before = self.text[t.start - 1 : t.start]
        after = self.text[t.end : t.end + 1]
        return before in (" ", "-", "\u00a0") and after in (" ", "-", "\u00a0")

    def _opening_dash(self, j: int) -> int | None:
        """The first token of the dash that opens the parenthetical closed by the dash at `toks[j]`."""
        toks = self.toks
        k = j
        while k - 1 >= 0 and toks[k - 1].text == "-" and toks[k].text == "-":
            k -= 1  # "--" is two tokens
        closing = toks[j].text
        m = k - 1
        while m >= 1 and k - m <= 30:
            t = toks[m]
            if self.quoted[m] or _is_mark(t.text) or t.text in (".", ";", ":", "?", "!"):
                return None
            if t.text == closing and self._dash(m):
                while m - 1 >= 0 and toks[m - 1].text == "-" and toks[m].text == "-":
                    m -= 1
                return m if k - m >= 3 and m >= 1 else None
            m -= 1
        return None

    def _titled_show_before(self, before_end: int) -> bool:
        """The words before the source end in a quoted title in capitals after the unit's first words
        ('Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Issa said …'): a programme, not content."""
        toks = self.toks
        k = next((m for m in range(len(toks) - 1, -1, -1) if toks[m].end <= before_end), None)
        if k is not None and toks[k].text == "," and k >= 1:
            k -= 1  # '“Futures”, Issa said'
        if k is None or not _is_mark(toks[k].text):
            return False
        opening = self._title_quote_opening(k)
        if opening is None:
            return False
        inner = [t for t in toks[opening + 1 : k] if t.text[:1].isalnum()]
        return bool(inner) and all(t.capitalised for t in inner if len(t.text) > 3)

    def _title_quote_opening(self, k: int) -> int | None:
        """The index of the opening mark of a short quoted title closed by the mark at `k` ("Cold Harbour,"),
        when it lies inside the unit after its first word; None for any other quotation."""
        toks = self.toks
        quote = next((q for q in self.quotes if q.end == toks[k].end), None)
        if quote is None or quote.end - quote.start > 40:
            return None
        inner = self.text[quote.start + 1 : quote.end - 1].strip(" ,'\u2019\u201d\"")
        words_inside = inner.split()
        if not words_inside or len(words_inside) > 5 or not all(w[:1].isupper() for w in words_inside[:1]):
            return None
        opening = next((m for m in range(k - 1, -1, -1) if toks[m].start == quote.start), None)
        if opening is None or opening <= self._first_content_index():
            return None
        return opening

    def _source_ending(self, j: int) -> tuple[int, int, Mention | None] | None:
        toks = self.toks
        if j < 0 or self.quoted[j]:
            return None
        if toks[j].text == ")":  # "Mike Pence (R-IN) said"
            k = j - 1
            while k >= 0 and j - k < 8 and toks[k].text != "(":
                k -= 1
            if k <= 0 or toks[k].text != "(":
                return None
            j = k - 1
        if (
            toks[j].text == ","
            and j >= 1
            and toks[j - 1].text == ")"
            and not (j + 2 < len(toks) and toks[j + 2].low == "by")  # "(D-N.Y.), backed by …": a passive
        ):
            found = self._source_ending(j - 1)  # "Sen. Jack Reed (D-R.I.), said": a comma after the party tag
            if found is not None:
                return found
        if toks[j].text != ",":
            found = self._source_at(j, [])
            if found is not None:
                self.source_start = min(found[0], self.source_start)
            return found
        # "X, 31, a photographer from Sumter, South Carolina, said": the appositive may hold commas; try
        # the nearest comma-bounded stretch first, then longer ones while no source is found
        end = j
        for _ in range(5):
            k = j - 1
            while k >= 0 and end - k < 40:
                if _is_mark(toks[k].text):
                    opening = self._title_quote_opening(k)
                    if opening is None:
                        break
                    k = opening - 1  # 'X, the author of "Cold Harbour," about ..., said': a title, not words
                    continue
                if toks[k].text in (",", ";") or (toks[k].text == "." and k > 0 and toks[k - 1].end != toks[k].start):
                    break  # an attached period ends an abbreviation ("R-S.C."), not a sentence
                k -= 1
            if k <= 0 or toks[k].text != "," or j - k < 2 or end - k >= 40:
                return None
            appositive = toks[k + 1 : end]
            opener = toks[k + 1]
            plain = (
                opener.low in DETERMINERS
                or opener.low in TITLE_WORDS
                or opener.low in _APPOSITIVE_OPENERS
                or opener.capitalised
                or opener.text[:1].isdigit()
            )
            head = toks[k - 1]
            if opener.low == "which" or self._participle_appositive(k + 1, end):
                # "The report, published by X on Monday, estimated": the phrase that opens the sentence speaks
                found = self._source_at(k - 1, [])
                first = self._first_content_index()
                if found is None or found[0] != first:
                    phrase = self._subject_phrase(k)  # "Executives for Acme, which ..., say"
                    found = (phrase[0], phrase[1], None) if phrase is not None else found
                if found is not None and found[0] == first:
                    self.source_start = min(found[0], self.source_start)
                    return found
            if opener.low == "including" or (
                opener.low in _QUANTITY_OPENERS and k + 2 < end and toks[k + 2].low == "of"
            ):
                # "Several candidates, including Reed, said", "His critics, many of them farmers, argue": the
                # phrase before the appositive speaks
                found = self._source_at(k - 1, [])
                if found is None:
                    phrase = self._subject_phrase(k)
                    found = (phrase[0], phrase[1], None) if phrase is not None else None
                if found is not None:
                    self.source_start = min(found[0], self.source_start)
                return found
            if opener.low == "which":
                j = k  # "X, director of CREDO Action, which organized the letter, said": X speaks
                continue
            h = k - 1
            if head.text == ")":
                # "Rep. Ann Cole (D-Md.), chair of the committee, said": the name is before the party tag
                h = next((m for m in range(k - 2, max(-1, k - 10), -1) if toks[m].text == "("), 0) - 1
                if h >= 0:
                    head = toks[h]
            # any other opener ("acting director of ...", "rabbi helping ...") only after a name
            if (
                h >= 0
                and (plain or head.capitalised)
                and not (_PARTY_TAG_RE.match(head.text) or head.text[:1].isdigit())
            ):
                found = self._source_at(h, appositive)
                if found is None and self._plain_name(appositive) and not self.quoted[h]:
                    # "Another delegate on the Cruz slate, Jim Poolman, said": the name after the description
                    found = (k + 1, end - 1, None)
                if found is not None and found[0] > 0 and toks[found[0] - 1].low in ("of", "from"):
                    found = None  # "Rawlings, 59, of Ashton, Md., who ...": a place, not the speaker
                if found is not None:
                    self.source_start = min(found[0], self.source_start)
                    return found
            j = k
        return None

    def _plain_name(self, phrase: list[Word]) -> bool:
        """Two to four capitalised words that read as a person's name ("Jim Poolman")."""
        return 2 <= len(phrase) <= 4 and all(
            t.text.isalpha()
            and t.capitalised
            and t.low not in CAPITAL_STOP
            and t.low not in TITLE_WORDS
            and t.low not in ORG_HEADS
            and t.low not in NON_PERSON_CAPITALS
            for t in phrase
        )

    def _participle_appositive(self, k: int, end: int) -> bool:
        """`, published by X on Monday,` / `, released last week,`: a past participle and its phrase."""
        toks = self.toks
        opener = toks[k]
        if opener.capitalised or not opener.text.isalpha() or end - k < 2:
            return False
        participle = opener.low.endswith("ed") or opener.low in _IRREGULAR_PARTICIPLES
        return participle and toks[k + 1].low in _PARTICIPLE_FOLLOWERS

    def _source_at(self, j: int, appositive: list[Word]) -> tuple[int, int, Mention | None] | None:
        """The source whose last word is `toks[j]`, followed by `appositive` (possibly empty)."""
        toks = self.toks
        head = toks[j]
        if head.low == "that" and not appositive and j >= 1:
            np = self._np_left(j - 1)  # "a study that found ...": the noun phrase is the source
            return (np[0], np[1], None) if np is not None else None
        if head.low in PRONOUNS:
            if head.low == "which" and not appositive:
                return None
            relative = None
            if head.low in ("who", "which") and j >= 2 and toks[j - 1].text == ",":
                np = self._np_left(j - 2, after_preposition=head.low == "who")
                if np is None:
                    return None
                relative = parse_mention(self.text, toks[np[0] : np[1] + 1])
            elif head.low == "who" and j >= 1:
                np = self._np_left(j - 1)  # "voters who said ..."
                before = toks[j - 1]
                if np is None and not self.quoted[j - 1]:
                    if before.text == "%" and j >= 2 and toks[j - 2].text[:1].isdigit():
                        np = (j - 2, j - 1)  # "18% who say"
                    elif before.low in _RELATIVE_HEADS or (
                        before.text.isalpha()
                        and not before.capitalised
                        and before.low.endswith(("s", "men"))
                        and before.low not in NP_STOP
                        and before.low not in CUE_FORMS
                    ):
                        np = (j - 1, j - 1)  # "those who preferred", "farmers who see"
                if np is None:
                    return None
                np = self._appositive_head(np)
                if (
                    np[0] == np[1]
                    and toks[np[0]].low in ("those", "people")
                    and np[0] >= 2
                    and toks[np[0] - 1].low == "among"
                    and toks[np[0] - 2].low in ("is", "was", "are", "were")
                ):
                    # "Naureen Jahangir, a supporter from Hemet, is among those who say …": she is one who says it
                    subject = self._clause_subject(toks[np[0] - 2].start)
                    np = subject if subject is not None else np
                relative = parse_mention(self.text, toks[np[0] : np[1] + 1])
            elif head.low in ("who", "which"):
                return None
            return j, j, relative
        np = self._np_left(j)
        if np is None:
            return None
        if appositive and (
            not toks[np[1]].capitalised or any(t.low in ("of", "for", "at") for t in toks[np[0] : np[1]])
        ):
            # "Trump's running mate, Indiana Gov. Mike Pence, said": the appositive carries the name
            named = [t for t in appositive if t.capitalised and t.low not in CAPITAL_STOP]
            first = appositive.index(named[0]) if named else 0
            if (
                named
                and appositive[-1].capitalised
                and not any(t.low in ("who", "which", "whose") for t in appositive[first:])
            ):
                # (not "…, a Republican who has refused to endorse Mr. Trump, said": a description, no name)
                np = self._relative_antecedent(np)
                self.source_start = np[0]
                name_span = (toks.index(appositive[first]), toks.index(appositive[-1]))
                self.described[name_span] = np  # "The spokeswoman for the ministry, Ana Lopes,": her title
                return name_span[0], name_span[1], None
        return np[0], np[1], None

    def _issuer(self, source: tuple[int, int, Mention | None]) -> tuple[int, int, Mention | None]:
        """`The town released a statement Wednesday saying …`: a document someone issued speaks for its issuer,
        the subject of the issuing verb."""
        toks = self.toks
        sa, sb, _ = source
        while sb > sa and toks[sb].low in _DAY_WORDS:
            sb -= 1  # "a statement Wednesday saying"
        if toks[sb].low not in _ISSUED_DOCUMENTS or sa < 2:
            return source
        verb = sa - 1
        if toks[verb].low == "out" and toks[verb - 1].low in ("put", "puts", "sent"):
            verb -= 1  # "put out a statement"
        if toks[verb].low not in _ISSUING_VERBS:
            return source
        subject = self._clause_subject(toks[verb].start) or self._np_left(verb - 1)  # "Both men issued …"
        if subject is None or subject[1] >= verb:
            return source
        return subject[0], subject[1], None

    def _appositive_head(self, np: tuple[int, int]) -> tuple[int, int]:
        """`Parker Eaton, a nominal Republican who voted …`: a description set after a name by a comma stands for
        that name (the person a relative pronoun refers to)."""
        toks = self.toks
        if toks[np[0]].low not in ("a", "an") or np[0] < 2 or toks[np[0] - 1].text != ",":
            return np
        name = self._np_left(np[0] - 2)
        if name is None or not toks[name[1]].capitalised or toks[name[0]].low in ("a", "an", "the"):
            return np
        return name

    def _relative_antecedent(self, np: tuple[int, int]) -> tuple[int, int]:
        """`The senator who represents the district, Maria Costa,`: the title before the relative clause, not the
        object inside it, describes the name after the comma."""
        toks = self.toks
        for w in range(np[0] - 1, max(-1, np[0] - 8), -1):
            if self.quoted[w] or toks[w].text in (",", ";", ":") or _is_mark(toks[w].text):
                break
            if toks[w].low in ("who", "that") and w >= 1 and toks[w - 1].low.rstrip(".") in TITLE_WORDS:
                antecedent = self._np_left(w - 1)
                return antecedent if antecedent is not None else np
        return np

    def _np_left(self, j: int, after_preposition: bool = False) -> tuple[int, int] | None:
        """The noun phrase ending at `toks[j]`; None after a preposition unless `after_preposition` ("backed
        by Ann Lopes, who ...", "an adviser to Trump, who ...": the antecedent of a relative pronoun)."""
        toks = self.toks
        head = toks[j]
        if head.text == "." and j >= 1 and toks[j - 1].text in _COMPANY_ABBREVIATIONS and toks[j - 1].end == head.start:
            return self._np_left(j - 1)  # "Acme Corp. said": the name, without its full stop
        low = head.low.rstrip(".")
        before_quantifier = toks[j - 1] if j >= 1 else head
        if (
            low in ("both", "all", "each")
            and j >= 2
            and not self.quoted[j]
            and (before_quantifier.capitalised or before_quantifier.low.endswith("s"))
            and before_quantifier.low not in PRONOUNS
            and before_quantifier.low not in _LEFT_PREPOSITIONS
            and before_quantifier.low not in ("across", "of", "is", "was", "has", "does", "us", "yes", "this")
        ):
            inner = self._np_left(j - 1, after_preposition)  # "Richards and Menendez both stressed"
            if inner is not None:
                return inner
        if low in ("him", "her", "them") and j >= 3 and toks[j - 1].low in ("to", "with") and not self.quoted[j]:
            if toks[j - 2].low in _POST_MODIFIERS:
                outer = self._np_left(j - 3)  # "a source close to him", "people familiar with them"
                return (outer[0], j) if outer is not None else None
        month_name = self._month_in_name(j)
        if (
            not head.text[:1].isalnum()
            or (low in NP_STOP and not month_name)
            or low in _COORDINATORS
            or low in _LEFT_PREPOSITIONS
            or low == "of"
            or self.quoted[j]
        ):
            return None
        determiner_needed = False
        if head.capitalised:
            if (
                low in CAPITAL_STOP
                and low != "i"
                and low not in SPEAKER_NOUNS
                and low not in _QUANTITY_HEADS
                and not month_name
            ):
                return None
        elif not (low in SPEAKER_NOUNS or low in TITLE_WORDS or low in ORG_HEADS or low in _QUANTITY_HEADS):
            determiner_needed = True
        a = j
        found_det = False
        lower_from: int | None = None
        while a - 1 >= 0 and j - a < 12:
            t = toks[a - 1]
            tl = t.low.rstrip(".")
            if self.quoted[a - 1] or not t.text[:1].isalnum():
                break
            if tl == "that" and not t.capitalised and (toks[a].capitalised or toks[j].low.endswith("s")):
                break  # "... that Republicans said": a complementiser, not a determiner
            if tl in ("the", "a", "an") or (
                tl in DETERMINERS and tl not in TITLE_WORDS and (not t.capitalised or tl in CAPITAL_STOP)
            ):
                a -= 1  # "One man wrote", "Each side said": a capitalised determiner opens the sentence
                found_det = True
                break
            if (
                t.text[:1].isdigit()
                or tl in ("nearly", "about", "almost", "roughly", "only", "just")
                or tl in _QUANTITY_HEADS
            ):
                a -= 1  # "61 percent said", "nearly half said"
                found_det = found_det or t.text[:1].isdigit()  # a number determines the phrase
                continue
            if is_possessive(t.text):  # "Rubio's press release": a possessive is a determiner
                a -= 1
                found_det = True
                continue
            if t.capitalised and (tl not in CAPITAL_STOP or self._month_in_name(a - 1)):
                a -= 1
                continue
            if tl in TITLE_WORDS or is_possessive(t.text):
                if (
                    lower_from is not None
                    and not head.capitalised
                    and tl in TITLE_WORDS
                    and not is_possessive(t.text)
                    and any(w.low.endswith("ed") and w.text.islower() for w in toks[a:j])
                ):
                    return None  # "The Vermont senator emailed supporters saying": a clause, not one phrase
                a -= 1
                continue
            if a - 2 >= 0 and (
                (
                    tl in ("of", "and")
                    and (
                        toks[a - 2].capitalised
                        or toks[a - 2].low in TITLE_WORDS
                        or toks[a - 2].low in SPEAKER_NOUNS
                        or toks[a - 2].low in _QUANTITY_HEADS
                    )
                )
                # "a spokeswoman for the ministry", "a professor at Yale"
                or (tl in ("for", "at") and (toks[a - 2].low in TITLE_WORDS or toks[a - 2].low in SPEAKER_NOUNS))
            ):
                a -= 1
                continue
            if (
                tl not in NP_STOP
                and j - a < 3
                and not t.capitalised
                and tl not in _COORDINATORS
                and (determiner_needed or (tl not in CUE_FORMS and tl not in AUXILIARIES))
            ):
                # "a senior administration official": modifiers count only if a determiner opens the phrase
                if not determiner_needed and lower_from is None:
                    lower_from = a
                a -= 1
                continue
            break
        if lower_from is not None and not found_det:
            a = lower_from
        while a < j and toks[a].low in ("of", "and"):
            a += 1
        if determiner_needed and not found_det:
            return None
        if a - 2 >= 0 and toks[a - 1].low in ("of", "for", "at", "by") and not self.quoted[a - 1]:
            # "a spokeswoman for the ministry", "a CNN poll of South Carolina", "a review by the board"
            outer = self._np_left(a - 2)
            if outer is not None:
                head = toks[outer[1]]
                head_low = head.low.rstrip(".")
                if toks[a - 1].low == "by":
                    if not head.capitalised and head_low not in TITLE_WORDS and outer[0] < outer[1]:
                        return outer[0], j
                elif toks[a - 1].low == "of" or head_low in TITLE_WORDS or head_low in SPEAKER_NOUNS:
                    return outer[0], j
        if (
            a - 3 >= 0
            and toks[a - 1].low in ("with", "to", "in", "on")
            and toks[a - 2].low in _POST_MODIFIERS
            and not self.quoted[a - 1]
        ):
            # "an official familiar with the talks": the noun before the post-modifier speaks
            outer = self._np_left(a - 3)
            if outer is not None:
                return outer[0], j
        if a - 1 >= 0 and toks[a - 1].low in _LEFT_PREPOSITIONS and not self.quoted[a - 1] and not after_preposition:
            return None
        return a, j


def extract(text: str, published_on: date | None, figures: list[Figure]) -> list[Statement]:
    """All statements of `text` (see module docstring); `figures` are assigned by content span."""
    units, quotes, unbalanced, _ = split_units(text)
    context = ArticleContext.scan(text)
    statements: list[Statement] = []
    last: Statement | None = None
    last_paragraph = -10
    subject: Speaker | None = None
    # the person the last sentences were about, named after the last statement, with its paragraph
    topic: tuple[Speaker, int] | None = None
    # statements whose quotation opens a paragraph and went to the speaker of an earlier paragraph
    carried: list[int] = []
    paragraph_of: list[int] = []
    unit_of: list[int] = []  # the start of the unit each statement comes from
    last_index: int | None = None  # the index of `last` in `statements`
    for unit in units:
        unit_quotes = [q for q in quotes if q.start < unit.end and q.end > unit.start]
        segment = text[unit.start : unit.end]
        parser = _UnitParser(text, unit.start, unit.end, unit_quotes, context)
        context.begin_unit(unit.start, [(q.start, q.end) for q in unit_quotes])
        if subject is not None:
            # "Paul Dunn disagreed. “...,” he said.": the person the last sentence was about speaks next
            context.remember(subject.span.start if subject.span else unit.start, subject)
            subject = None
        drafts = parser.parse()
        if not drafts:
            subject = parser.named_subject()
            if subject is not None:
                topic = (subject, unit.paragraph)
        if unit.paragraph in unbalanced and (any(m in segment for m in ALL_MARKS) or "''" in segment):
            # Refuse to guess where the quotation marks do not balance: keep only attributions whose
            # content holds no mark outside a quotation that balances inside it ("X said that ...").
            drafts = [d for d in drafts if _marks_balanced(text, d.content, unit_quotes)]
            for draft in drafts:
                draft.floating = False
            if not drafts:
                continue
        if (
            not drafts
            and last is not None
            and last_index is not None
            and all(u == unit_of[last_index] for u in unit_of[last_index:])
            and unit.paragraph == last_paragraph
            and last.cue == ":"
            and not last.content_parts
        ):
            # "BENENSON: This is a man who … . He's now running them.": the speaker's turn runs to the paragraph end
            end = _trim_end(text, unit.start, unit.end)
            if end > last.content_span.end:
                statements[last_index] = last = _extend_to(text, last, end, figures)
                continue
        if not drafts:
            single = (
                parser.reported_claim()
                or parser.cue_first()
                or parser.dash_attribution()
                or parser.quote_with_any_verb()
                or parser.colon_quote()
            )
            if single is None:
                span = parser.floating_quote()
                if span is not None and topic is not None and unit.paragraph - topic[1] <= 1:
                    # "Opposition leader Paul Dunn was unimpressed. “This is nonsense.”": he says it, not the
                    # speaker of the statement before
                    single = _Draft("direct", span, topic[0], None, 0.6, floating=True)
                    last = last_index = None
            if single is None:
                if span is None or last is None or unit.paragraph - last_paragraph > 2:
                    continue
                if (
                    unit.paragraph == last_paragraph
                    and statements
                    and last_index is not None
                    and all(u == unit_of[last_index] for u in unit_of[last_index:])
                    and last.kind in ("direct", "mixed")
                    and last.cue_span is not None
                    and last.content_span.start < last.cue_span.start
                ):
                    # "“Q1,” she said. “Q2.”": the quotation goes on after its attribution, also when the
                    # attribution has statements of its own ("“Q1,” said Ann Lee, who wants a review. “Q2.”")
                    merged = _extend(text, last, span[0], span[1], figures)
                    statements[last_index] = last = merged
                    continue
                single = _Draft("direct", span, last.speaker, None, 0.6, floating=True)
                if unit.paragraph != last_paragraph and span[0] == _paragraph_start(text, span[0]):
                    carried.append(len(statements))
            drafts = [single]
        topic = None if drafts else topic
        for draft in drafts:
            _forget_it_unless_speech(text, draft)
            statement = _finish(text, unit.start, unit.end, draft, published_on, figures, last)
            statements.append(statement)
            paragraph_of.append(unit.paragraph)
            unit_of.append(unit.start)
            if draft.speaker.name or draft.speaker.kind != "unknown":
                context.remember(statement.content_span.start, draft.speaker)
            _learn_neuter(context, statement)
            if draft is drafts[0]:
                last, last_paragraph, last_index = statement, unit.paragraph, len(statements) - 1
    for k in carried:
        _give_to_paragraph_speaker(statements, paragraph_of, k)
    return _drop_nested_beliefs(statements)


def _forget_it_unless_speech(text: str, draft: _Draft) -> None:
    """ "It said in a statement" is the organisation's; "it refers to", "it shows" is mostly a thing's (a report, a
    rate), so "it" keeps its organisation only before a speech cue."""
    speaker = draft.speaker
    if speaker.attribution != "pronoun" or (speaker.surface or "").lower() != "it" or speaker.name is None:
        return
    cue_word = text[draft.cue[0] : draft.cue[1]].split()[-1].lower() if draft.cue else ""
    if CUE_FORMS.get(cue_word) not in _IT_SPEECH:
        draft.speaker = Speaker(None, speaker.surface, speaker.span, "unknown", None, None, "pronoun")


def _learn_neuter(context: ArticleContext, statement: Statement) -> None:
    """'Microsoft said it had fixed the flaw': a one-word name that says "it" of itself is an organisation,
    which a later "it" or "the company" refers back to."""
    speaker = statement.speaker
    if (
        speaker.kind == "person"
        and speaker.attribution == "name"
        and speaker.name
        and speaker.name.replace("-", "").isalnum()  # not "U.S.": a country's "it" is often a report's
        and speaker.name.lower() not in NON_PERSON_CAPITALS
        and statement.kind == "indirect"
        and _SELF_IT.match(statement.content)
        and speaker.name.lower() not in context.by_surname
    ):
        context.genders.setdefault(speaker.name, "neuter")


def _paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding `position` starts (after its blank line and indentation)."""
    start = text.rfind("\n", 0, position) + 1
    while start < position and text[start] in " \t":
        start += 1
    return start


def _give_to_paragraph_speaker(statements: list[Statement], paragraph_of: list[int], k: int) -> None:
    """'“Q1.” Mayor Ben Cole toured the site. “Q2,” he said.': a quotation that opens a paragraph with no speaker
    is the paragraph's own speaker's, the one of the next quotation there, not the previous paragraph's."""
    floating = statements[k]
    for j in range(k + 1, len(statements)):
        if paragraph_of[j] != paragraph_of[k]:
            return
        later = statements[j]
        if later.cue_span is None:
            continue  # another quotation without a speaker, carried along below
        if later.kind not in ("direct", "mixed") or later.speaker.kind != "person" or not later.speaker.name:
            return
        for i in range(k, j):
            if statements[i].cue_span is None and statements[i].speaker.name == floating.speaker.name:
                moved = later.speaker
                statements[i] = replace(
                    statements[i],
                    speaker=Speaker(
                        moved.name, None, None, moved.kind, moved.title, moved.affiliation, moved.attribution
                    ),
                )
        return


def _drop_nested_beliefs(statements: list[Statement]) -> list[Statement]:
    """Statements whose content lies inside another statement's content are kept only for speech cues.

    "Smith said voters believe the plan works": the report is Smith's; "voters believe" inside it is part of
    what Smith said, not a second claim (measured on PolNeAR train: nested mental-state and stance cues are
    right about one time in five, nested speech cues about three times in five).
    """
    if len(statements) < 2:
        return statements
    spans = [(s.content_span.start, s.content_span.end) for s in statements]
    # a quotation in two pieces holds only what lies inside a piece: '“Q1,” X said, referring to Y. “Q2.”' keeps
    # the statement about Y, which sits in the gap between the pieces
    pieces = [
        [(p.start, p.end) for p in s.content_parts] if s.kind == "direct" and s.content_parts else [span]
        for s, span in zip(statements, spans, strict=True)
    ]
    inside_any = _nested_in(spans, spans)
    inside_piece = _nested_in(spans, [piece for held in pieces for piece in held])
    # "The plan is expected to cost $1 billion, according to the ministry": an "according to" (a cue keyed by
    # its last word, "to", so not in _NESTED_SPEECH_CUES) inside nothing but a statement without a source is the
    # ministry's, not a belief nested in another's words
    sourced = [span for span, s in zip(spans, statements, strict=True) if s.speaker.name or s.speaker.span]
    inside_sourced = _nested_in(spans, sourced)
    kept: list[Statement] = []
    for statement, nested, in_piece, in_sourced in zip(
        statements, inside_any, inside_piece, inside_sourced, strict=True
    ):
        words_of_cue = (statement.cue or "").lower().split()
        base = CUE_FORMS.get(words_of_cue[-1], words_of_cue[-1]) if words_of_cue else ""
        if (
            nested
            and not in_piece
            and words_of_cue
            and words_of_cue[0].endswith("ing")
            and words_of_cue[0] != "according"
        ):
            nested = False  # '“Q1,” X said, referring to Y. “Q2.”': a participle of the attribution, not of Q
        if nested and base not in _NESTED_SPEECH_CUES and (words_of_cue[-2:] != ["according", "to"] or in_sourced):
            continue
        kept.append(statement)
    return kept


def _nested_in(spans: list[tuple[int, int]], containers: list[tuple[int, int]]) -> list[bool]:
    """For each span, whether another of `containers` holds it: one starts before it and ends at or after its
    end, or starts with it and ends after it (per start, the furthest end of the containers starting before it
    and of those starting there)."""
    ordered = sorted(containers)
    starts = [a for a, _ in ordered]
    furthest: list[int] = []  # furthest[k]: the furthest end among ordered[: k + 1]
    for _, b in ordered:
        furthest.append(max(b, furthest[-1]) if furthest else b)
    found = []
    for start, end in spans:
        first = bisect_left(starts, start)
        last = bisect_right(starts, start) - 1  # the container starting here with the furthest end
        found.append((first > 0 and furthest[first - 1] >= end) or (last >= 0 and ordered[last][1] > end))
    return found


def _verb_like(word: Word) -> bool:
    """A lower-case past or present verb form: "interjected", "shot", "quipped", "says"."""
    low = word.low
    if not word.text.isalpha() or word.capitalised:
        return False
    return low in CUE_FORMS or low.endswith("ed") or low in _IRREGULAR_PAST


def _marks_balanced(text: str, content: tuple[int, int], quotes: list[Quote]) -> bool:
    """True when every quotation mark inside `content` belongs to a quotation lying wholly inside it."""
    start, end = content
    inside = [q for q in quotes if q.start >= start and q.end <= end]
    for match in MARK_RE.finditer(text, start, end):
        pos = match.start()
        if not any(q.start <= pos < q.end for q in inside):
            return False
    return True


def _extend(text: str, statement: Statement, piece_start: int, end: int, figures: list[Figure]) -> Statement:
    """The statement with its content running on to `end` (a quotation continued after the attribution)."""
    start = statement.content_span.start
    inside = tuple(f for f in figures if f.start >= start and f.end <= end)
    parts = statement.content_parts or (statement.content_span,)
    return replace(
        statement,
        content=text[start:end],
        content_span=Span(start, end),
        content_parts=(*parts, Span(piece_start, end)),
        figures=inside,
    )


def _extend_to(text: str, statement: Statement, end: int, figures: list[Figure]) -> Statement:
    """The statement with its one-piece content running on to `end`."""
    start = statement.content_span.start
    inside = tuple(f for f in figures if f.start >= start and f.end <= end)
    return replace(statement, content=text[start:end], content_span=Span(start, end), figures=inside)


_DAY_PHRASE = (
    r"(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:late|early)\s+)?"
    rf"(?:{WEEKDAY_ALT})"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|today|tonight|last\s+night|last\s+week|this\s+week|earlier\s+this\s+week"
)
_DAY_PHRASE_ENDS = ("day", "night", "morning", "afternoon", "evening", "week")
_LEADING_DAY = re.compile(rf"(?:{_DAY_PHRASE})\s*,?\s+(?=\S)")
_TRAILING_DAY = re.compile(rf"\s*,?\s+(?:{_DAY_PHRASE})$")


def _without_edge_dates(text: str, start: int, end: int) -> tuple[int, int]:
    """The content span without a day phrase at its start or end, when at least two words remain."""
    content = text[start:end]
    lead = _LEADING_DAY.match(content)
    if lead and len(content[lead.end() :].split()) >= 2:
        start += lead.end()
        content = text[start:end]
    # every day phrase ends in one of these words: skip the costly search when the content does not
    trail = _TRAILING_DAY.search(content) if content.rstrip("\n").endswith(_DAY_PHRASE_ENDS) else None
    if trail is None:
        return start, end
    words = [w.lower().strip(",.;:") for w in content.split()]
    clause = bool(words) and (words[0] == "that" or any(w in _FINITE_VERBS for w in words))
    # At the end of a clause the day is the clause's own ("the fees would rise on Monday"); after a noun phrase
    # ("defended the new fees on Thursday") it is when the words were said.
    if trail and not clause and len(content[: trail.start()].split()) >= 2:
        end = start + trail.start()
    return start, end


def _finish(
    text: str,
    start: int,
    end: int,
    draft: _Draft,
    published_on: date | None,
    figures: list[Figure],
    previous: Statement | None,
) -> Statement:
    c_start, c_end = draft.content
    if not draft.parts and draft.kind != "direct":
        # "promised on Friday to cut ...", "defended the levy on Thursday": the day belongs to the frame
        c_start, c_end = _without_edge_dates(text, c_start, c_end)
    frame = text[start:c_start] + " ; " + text[c_end:end]
    for left, right in zip(draft.parts, draft.parts[1:], strict=False):
        frame += " ; " + text[left[1] : right[0]]  # "“Q1,” she said on Friday, “Q2”": the gap is frame
    said_on: date | None
    precision: DatePrecision
    said_on, precision = resolve_said_on(frame, published_on)
    venue_hit = find_venue(frame, 0, len(frame))
    venue = venue_hit[0] if venue_hit else None
    if draft.floating and previous is not None:
        said_on, precision, venue = previous.said_on, previous.said_on_precision, None
    speaker = draft.speaker
    if draft.floating:
        speaker = Speaker(
            speaker.name, None, None, speaker.kind, speaker.title, speaker.affiliation, speaker.attribution
        )
    inside = tuple(f for f in figures if f.start >= c_start and f.end <= c_end)
    cue_span = Span(*draft.cue) if draft.cue else None
    return Statement(
        kind=draft.kind,
        content=text[c_start:c_end],
        content_span=Span(c_start, c_end),
        speaker=speaker,
        cue=text[cue_span.start : cue_span.end] if cue_span else None,
        cue_span=cue_span,
        venue=venue,
        said_on=said_on,
        said_on_precision=precision,
        figures=inside,
        confidence=draft.confidence,
        content_parts=tuple(Span(a, b) for a, b in draft.parts),
    )
