"""Paragraphs, quotation marks and sentence-like units with offsets into the text.

A *unit* is a sentence, except that a sentence break inside a quotation does not end the unit: a
multi-sentence quote and its attribution ("“A. B,” he said.") form one unit, and so does a quote that
the news convention continues over paragraphs (a paragraph opening with a mark while the previous one
left its quote open). Quotation marks that do not balance are reported, so callers can refuse to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdb.extract.lexicon import CUE_FORMS, PRONOUNS

OPENING_MARKS = "\u201c\u201e\u00ab\u201f"  # “ „ « ‟
CLOSING_MARKS = "\u201d\u00bb"  # ” »
STRAIGHT_MARK = '"'
ALL_MARKS = OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK

# Two apostrophes stand for a straight double mark in some wire copy: ''This isn't reform,''
_MARK_RE = re.compile("''(?!')|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
MARK_RE = _MARK_RE  # any quotation mark, '' included
_PARAGRAPH_RE = re.compile(r"[^\r\n]+")
# End of a sentence: terminal punctuation, optional closing marks/brackets, whitespace, then something
# that can start a sentence.
_BOUNDARY_RE = re.compile("[.!?\u2026]+[\"\u201d\u2019')\\]]*(?=[ \t\u00a0]+(?:''|[\"\u201c\u2018'(\\[])?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# A question or an exclamation closing its quotation: `“Q?” Trump said.` (the mark, then the attribution)
_QUOTE_END_RE = re.compile("[?!]+[\u2019']?(?:[\"\u201d]|'')$")
# `“… missing.” Trump said.`: a full stop inside the quotation, then a whole sentence of attribution
_PERIOD_QUOTE_END_RE = re.compile("\\.[\u2019']?(?:[\"\u201d]|'')$")
_ATTRIBUTION_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*|[,;:()]")

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "st",
    "jr",
    "sr",
    "rev",
    "hon",
    "pres",
    "supt",
    "det",
    "insp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "nos",
    "vs",
    "v",
    "etc",
    "inc",
    "corp",
    "co",
    "ltd",
    "dept",
    "univ",
    "assn",
    "bros",
    "ft",
    "mt",
    "ave",
    "blvd",
    "calif",
    "mass",
    "fla",
    "ill",
    "pa",
    "va",
    "wash",
    "tex",
    "ariz",
    "colo",
    "conn",
    "del",
    "ga",
    "ind",
    "kan",
    "ky",
    "la",
    "md",
    "mich",
    "minn",
    "miss",
    "mo",
    "mont",
    "neb",
    "nev",
    "okla",
    "ore",
    "tenn",
    "wis",
    "wyo",
    "approx",
    "est",
    "fig",
    "al",
    "op",
    "ed",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "d.c",
}


@dataclass(frozen=True, slots=True)
class Quote:
    """A balanced quotation: `start` is the opening mark, `end` is just after the closing mark."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence-like stretch of text (see module docstring), with its paragraph index."""

    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of `text` as `(start, end)` offsets; news bodies put one paragraph per line."""
    return [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]


def find_quotes(text: str, paras: list[tuple[int, int]]) -> tuple[list[Quote], set[int]]:
    """Balanced quotations and the indices of paragraphs whose marks do not balance.

    Curly marks pair by direction, straight marks alternate. A quote still open at the end of a paragraph
    continues only when the next paragraph starts with an opening mark; otherwise it is dropped and the
    paragraph is reported as unbalanced.
    """
    quotes: list[Quote] = []
    unbalanced: set[int] = set()
    open_at: int | None = None  # offset of the pending opening mark
    open_straight = False
    continued = False  # the current paragraph's first mark continues the previous paragraph's quote
    for index, (p_start, p_end) in enumerate(paras):
        bad = False
        for match in _MARK_RE.finditer(text, p_start, p_end):
            mark, pos = match.group(), match.start()
            if mark == "''":
                mark = STRAIGHT_MARK
            if continued:
                continued = False
                if pos == _first_non_space(text, p_start, p_end):
                    continue  # the re-opening mark of a continued quote
            if mark == STRAIGHT_MARK:
                if open_at is None:
                    open_at, open_straight = pos, True
                elif open_straight or _closes_here(text, match.end(), p_end):
                    # a straight mark also closes a curly quote when it ends a word: “Q." is common copy
                    quotes.append(Quote(open_at, match.end()))
                    open_at = None
                else:
                    bad = True
            elif mark in OPENING_MARKS:
                if open_at is None:
                    open_at, open_straight = pos, False
                else:
                    bad = True
            elif open_at is not None:
                # a curly closing mark ends a straight opening too ("Q,” he said)
                quotes.append(Quote(open_at, pos + 1))
                open_at = None
            else:
                bad = True
        if open_at is not None:
            nxt = paras[index + 1] if index + 1 < len(paras) else None
            first = _first_non_space(text, nxt[0], nxt[1]) if nxt else -1
            opens_next = nxt is not None and first >= 0 and _opens_like(text, first, open_straight)
            if opens_next and not bad:
                continued = True
            else:
                open_at = None
                bad = True
        if bad:
            unbalanced.add(index)
    return quotes, unbalanced


def _closes_here(text: str, end: int, limit: int) -> bool:
    """True when a mark ending at `end` follows a word or punctuation and is not followed by a letter."""
    before = text[end - 2] if end >= 2 else " "
    after = text[end] if end < limit else " "
    return not before.isspace() and not after.isalnum()


def _opens_like(text: str, pos: int, straight: bool) -> bool:
    if straight:
        return text[pos] == STRAIGHT_MARK or text.startswith("''", pos)
    return text[pos] in OPENING_MARKS


def _first_non_space(text: str, start: int, end: int) -> int:
    for pos in range(start, end):
        if not text[pos].isspace():
            return pos
    return -1


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """True when the period at `dot` ends an abbreviation or an initial rather than a sentence."""
    before = _WORD_BEFORE_RE.search(text, max(floor, dot - 12), dot)
    if not before:
        return False
    word = before.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "George W. Bush"
    return word in _ABBREVIATIONS or ("." in word and len(word) <= 5)


def split_units(text: str) -> tuple[list[Unit], list[Quote], set[int], list[tuple[int, int]]]:
    """Units, quotes, unbalanced paragraph indices and paragraphs of `text` (see module docstring)."""
    paras = paragraphs(text)
    quotes, unbalanced = find_quotes(text, paras)
    # A quote spanning paragraphs glues them into one unit.
    glue_after: set[int] = set()
    if quotes:
        para_index = 0
        for quote in quotes:
            while para_index < len(paras) and paras[para_index][1] <= quote.start:
                para_index += 1
            j = para_index
            while j + 1 < len(paras) and paras[j][1] < quote.end:
                glue_after.add(j)
                j += 1
    inside = _quote_interior_checker(quotes)
    units: list[Unit] = []
    cur_start: int | None = None
    cur_para = 0
    for index, (p_start, p_end) in enumerate(paras):
        if cur_start is None:
            cur_start, cur_para = p_start, index
        for match in _BOUNDARY_RE.finditer(text, p_start, p_end):
            end = match.end()
            dot = match.start()
            if text[dot] == "." and _is_abbreviation(text, dot, p_start):
                continue
            if inside(end - 1):
                continue
            if _QUOTE_END_RE.search(text, dot, end) and _attribution_follows(text, end, p_end):
                continue  # `“Why now?” she asked.`: the attribution belongs to the quotation's unit
            if _PERIOD_QUOTE_END_RE.search(text, dot, end) and _attribution_sentence(text, end, p_end):
                continue
            units.append(Unit(cur_start, end, cur_para))
            cur_start = _first_non_space(text, end, p_end)
            cur_para = index
            if cur_start < 0:
                cur_start = None
                break
        if index in glue_after:
            continue
        if cur_start is not None:
            if cur_start < p_end:
                units.append(Unit(cur_start, p_end, cur_para))
            cur_start = None
    return units, quotes, unbalanced, paras


def _attribution_follows(text: str, pos: int, limit: int) -> bool:
    """True when a short attribution starts at `pos`: `Trump said`, `asked Mr. Lee`, `the senator replied`."""
    tokens = [m.group() for m in _ATTRIBUTION_WORD_RE.finditer(text, pos, min(limit, pos + 80))][:6]
    for index, token in enumerate(tokens):
        if token in ",;:()":
            return False
        low = token.lower()
        if token[:1].islower() and low in CUE_FORMS and not low.endswith("ing"):
            # a cue first ("said Smith") or after a subject that starts with a name, a pronoun or "the"
            first = tokens[0]
            return index == 0 or first[:1].isupper() or first.lower() in PRONOUNS
    return False


def _attribution_sentence(text: str, pos: int, limit: int) -> bool:
    """True when the sentence at `pos` is a short attribution and nothing else: `Trump said.`, `said Ann Lee.`"""
    stop = text.find(".", pos, min(limit, pos + 50))  # "said Mr. Lee.": the words up to "Mr" tell already
    if stop < 0 or stop + 1 < limit and not text[stop + 1].isspace():
        return False
    words = text[pos:stop].split()
    if not 2 <= len(words) <= 5 or any(not w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    return _attribution_follows(text, pos, stop)


def _quote_interior_checker(quotes: list[Quote]):  # type: ignore[no-untyped-def]
    starts = [q.start for q in quotes]

    def inside(pos: int) -> bool:
        # quotes are sorted and disjoint: binary search for the last quote starting before pos
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo > 0 and quotes[lo - 1].start < pos < quotes[lo - 1].end - 1

    return inside
