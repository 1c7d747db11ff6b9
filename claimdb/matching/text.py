"""Text normalization shared by blocking, comparison and ranking: pure functions, no database.

Tweets and social posts carry noise that hurts lexical matching (links, embed signatures, hashtags written
in CamelCase, emoji); `clean_post` turns them into plain prose. `normalize` is the form rapidfuzz compares.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that carry no claim content. Small on purpose: negations and quantity words are NOT here, because
# "not" and "more than" change what a statement asserts.
STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if then than so as of at by for from in into on onto to with without about over
    under up down out off this that these those there here it its it's is are was were be been being am do
    does did doing have has had having will would shall should can could may might must i me my we our us
    you your he him his she her they them their what which who whom whose when where why how all any both
    each few some such own same too very just also s t d ll m re ve y o via rt amp says said say saying
    told tells according just now new one""".split()
)
NEGATIONS: frozenset[str] = frozenset(
    "not no never nothing none nobody neither nor cannot can't won't isn't aren't wasn't weren't don't "
    "doesn't didn't hasn't haven't hadn't shouldn't wouldn't couldn't n't".split()
)

_URL = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+|\bt\.co/\S+", re.IGNORECASE)
# The embed signature of a copied tweet: "— Name (@handle) January 6, 2020" at the very end.
_SIGNATURE = re.compile(
    r"[\u2014\u2013-]+\s*(?P<name>[^\u2014\u2013()]{0,80}?)\s*\(@(?P<handle>\w+)\)\s*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\s*$"
)
_HASHTAG_OR_MENTION = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def split_camel_case(word: str) -> str:
    """Split a hashtag or handle into words: "DefundTheCBC" -> "Defund The CBC", "WW3" -> "WW 3"."""
    return _CAMEL.sub(" ", word).replace("_", " ")


def clean_post(text: str, *, author_handle: bool = True) -> str:
    """Turn a social-media post into plain prose: drop links and the embed date, split hashtags, keep names.

    The embed signature "— Name (@handle) Month D, YYYY" becomes the author's name and handle at the end;
    with `author_handle=False` the name only (the handle when the name has no letters).
    """
    text = unicodedata.normalize("NFKC", text)
    signature_name = ""
    match = _SIGNATURE.search(text)
    if match:
        name, handle = match.group("name"), split_camel_case(match.group("handle"))
        if author_handle:
            signature_name = f" {name} {handle}"
        else:
            signature_name = " " + (name if any(ch.isalpha() for ch in name) else handle)
        text = text[: match.start()]
    # A link glued to the previous word ("#Minecrafthttps://t.co/x", "#WW3pic.twitter.com/x") hides the word.
    text = re.sub(r"(?=https?://|pic\.twitter\.com/)", " ", text)
    text = _URL.sub(" ", text)
    text = _HASHTAG_OR_MENTION.sub(lambda m: " " + split_camel_case(m.group(1)) + " ", text)
    text = text + signature_name
    # Emoji and other symbols are not words; replacing them keeps the words around them apart.
    text = "".join(ch if unicodedata.category(ch)[0] in "LNPZ" else " " for ch in text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Lower-case, fold accents and typographic quotes, and drop punctuation: the form rapidfuzz compares."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(_WORD.findall(text))


# Quotation marks that may enclose a whole statement: opening mark -> its closing mark.
_QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u2018": "\u2019"}


def claim_wording(content: str) -> str:
    """The wording a new claim takes from its first statement: the words, without the frame around them.

    A direct quote loses the quotation marks that enclose all of it and the comma that led to its attribution
    (`"We will win,"` -> `We will win`); a reported clause loses its leading "that". A text with quotation marks
    inside (a mixed quote, `"deceived" by the Kremlin`) keeps them; nothing else changes.
    """
    text = content.strip()
    if text[:5].lower() == "that " and len(text) > 5:
        text = text[5:].lstrip()
    closing = _QUOTE_PAIRS.get(text[:1])
    if closing is not None and len(text) > 2 and text[-1] == closing:
        inner = text[1:-1]
        # The closing mark inside, before a space or punctuation, ends an earlier quotation: "a" and "b".
        if text[0] not in inner and not re.search(re.escape(closing) + r"(?![^\W_])", inner):
            text = inner.strip()
    text = text.rstrip(",;: ")
    return text or content


def words(text: str) -> list[str]:
    """The normalized words of a text, in order."""
    return normalize(text).split()


def content_words(text: str) -> list[str]:
    """Words that carry content: not stop words, and not single letters."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def numbers(text: str) -> set[str]:
    """The numbers written in a text, canonicalised ("1,000" -> "1000", "4.10" -> "4.1")."""
    found = set()
    for raw in _NUMBER.findall(text):
        value = raw.replace(",", "")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        found.add(value)
    return found
