"""Full-text search over statements, one interface for SQLite FTS5 and PostgreSQL tsvector/pg_trgm."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Select, text
from sqlalchemy.orm import Session

HIGHLIGHT_START = "**"
HIGHLIGHT_END = "**"
_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TOKENS = 32


@dataclass(frozen=True, slots=True)
class TextHit:
    """A statement found by the index: id, rank (lower is better) and a highlighted snippet."""

    statement_id: int
    rank: float
    snippet: str


def query_tokens(query: str) -> list[str]:
    """The words of a user query; operators and punctuation are treated as plain text, never as syntax."""
    return _TOKEN.findall(query)[:MAX_QUERY_TOKENS]


# PostgreSQL's parser keeps a decimal number whole ("1.5" is one lexeme in the stored vectors), where FTS5 and
# `query_tokens` split it; "1 5" would then match nothing.
_PG_TOKEN = re.compile(r"\d+(?:\.\d+)+(?!\w)|\w+", re.UNICODE)


def pg_query_words(query: str) -> list[str]:
    """The words of a user query as PostgreSQL's parser cut the stored text: `query_tokens`, decimals whole."""
    return _PG_TOKEN.findall(query)[:MAX_QUERY_TOKENS]


def fts5_phrase_query(tokens: list[str], operator: str = "AND") -> str:
    """An FTS5 MATCH expression with every token quoted, so `"`, `*`, NEAR or AND in user text are inert."""
    return f" {operator} ".join('"' + token.replace('"', '""') + '"' for token in tokens)


# A phrase is text between a pair of double quotation marks, straight or curly; a mark without its partner is
# punctuation like any other.
_PHRASE = re.compile(r'"([^"]*)"|\u201c([^\u201c\u201d]*)\u201d')


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """A user query cut into exact phrases (each of two or more words) and the text of its loose words."""

    phrases: list[str]
    words: str

    def _room(self) -> int:
        return max(MAX_QUERY_TOKENS - sum(len(phrase.split()) for phrase in self.phrases), 0)

    def loose_words(self) -> list[str]:
        """The loose words as FTS5 tokenizes them, within what the phrases left of MAX_QUERY_TOKENS."""
        return query_tokens(self.words)[: self._room()]

    def pg_loose_words(self) -> list[str]:
        """The loose words as PostgreSQL's parser cuts them (decimals whole), within the same budget."""
        return pg_query_words(self.words)[: self._room()]

    def fts5_match(self) -> str:
        """The FTS5 MATCH expression: each phrase as one quoted string, each word quoted, all ANDed."""
        parts = [fts5_phrase_query([" ".join(query_tokens(phrase))]) for phrase in self.phrases]
        loose = self.loose_words()
        if loose:
            parts.append(fts5_phrase_query(loose))
        return " AND ".join(parts)


def search_terms(query: str) -> SearchTerms:
    """Phrases in double quotes (their words, at most MAX_QUERY_TOKENS in all) and the rest of `query`."""
    phrases: list[str] = []
    budget = MAX_QUERY_TOKENS

    def take(match: re.Match[str]) -> str:
        nonlocal budget
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        tokens = pg_query_words(inner)  # decimals whole: "3.5" is one word of a phrase on PostgreSQL
        if len(query_tokens(inner)) < 2:  # a quoted single word is just that word
            return f" {inner} "
        tokens = tokens[:budget]
        if tokens:
            budget -= len(tokens)
            phrases.append(" ".join(tokens))
        return " "

    rest = _PHRASE.sub(take, query)
    return SearchTerms(phrases, " ".join(rest.split()))


def search_statements(session: Session, query: str, filters: Select | None, limit: int) -> list[TextHit]:
    """Statements matching every word and every "quoted phrase" of `query`, best first.

    `filters` selects the allowed statement ids. Words are stemmed ("annexed" finds "annexing"); a phrase
    matches those words in that order, next to each other.
    """
    if not query_tokens(query):
        return []
    terms = search_terms(query)
    if session.get_bind().dialect.name == "postgresql":
        return _pg_search(session, terms, filters, limit)
    return _sqlite_search(session, terms.fts5_match(), filters, limit)


def _restrict(session: Session, filters: Select | None) -> str:
    # Filters are built with SQLAlchemy (values quoted by the dialect), then inlined as a sub-select.
    if filters is None:
        return ""
    compiled = filters.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True})
    return f" AND s.id IN ({compiled})"


# Ranking every match of a common word costs time in proportion to the archive; when a query has more
# matches than this and no other filter, the most recent ones (highest ids) are the ones ranked.
RANKED_WINDOW = 2000


def _recent_floor(session: Session, match: str, filters: Select | None) -> tuple[str, dict]:
    """A rowid floor keeping only the newest RANKED_WINDOW matches, or nothing when there are fewer."""
    if filters is not None:
        return "", {}
    floor = session.execute(
        text(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH :match "
            "ORDER BY rowid DESC LIMIT 1 OFFSET :offset"
        ),
        {"match": match, "offset": RANKED_WINDOW - 1},
    ).scalar()
    if floor is None:
        return "", {}
    return " AND statements_fts.rowid >= :floor", {"floor": floor}


def _sqlite_search(session: Session, match: str, filters: Select | None, limit: int) -> list[TextHit]:
    where = _restrict(session, filters)
    recent, floor = _recent_floor(session, match, filters)
    where += recent
    rows = session.execute(
        text(
            "SELECT s.id, bm25(statements_fts) AS rank, "
            "snippet(statements_fts, 0, :hs, :he, '…', 16) "
            "FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
            f"WHERE statements_fts MATCH :match{where} ORDER BY rank LIMIT :limit"
        ),
        {"match": match, "hs": HIGHLIGHT_START, "he": HIGHLIGHT_END, "limit": limit, **floor},
    ).all()
    return [TextHit(row[0], float(row[1]), row[2]) for row in rows]


# PostgreSQL's GIN index yields matches in heap order, so "the newest RANKED_WINDOW matches" would mean
# fetching every match of a common word first (50,000 rows, 200 ms at a million statements). Instead the
# newest ids are searched first: a span of ids ANDed with the index (one bitmap each), widened eightfold until
# it holds RANKED_WINDOW matches or covers the table.
PG_FIRST_SPAN = 50_000


def _pg_newest_window(
    session: Session,
    build: Callable[[str], str],
    params: dict[str, object],
    filters: Select | None,
    *,
    widest_span: int | None = None,
) -> list[Any]:
    """Rows of `build(condition)`, whose SQL ranks the CTE `m` of matches and reports `count(*) FROM m` last.

    `condition` restricts statement ids (`s.id > N`, a literal the planner can estimate) and orders the
    newest first; the span of ids grows until it holds enough matches, covers the table or reaches
    `widest_span`. With a filter the whole filtered set is ranked, as on SQLite.
    """
    if filters is not None:
        return list(session.execute(text(build("")), params))
    top = session.execute(text("SELECT max(id) FROM statements")).scalar() or 0
    span = PG_FIRST_SPAN if widest_span is None else min(PG_FIRST_SPAN, widest_span)
    while True:
        floor = top - span
        window = f" ORDER BY s.id DESC LIMIT {int(RANKED_WINDOW)}"
        rows = list(session.execute(text(build((f" AND s.id > {int(floor)}" if floor > 0 else "") + window)), params))
        if floor <= 0 or (rows and rows[0][-1] >= RANKED_WINDOW) or span == widest_span:
            return rows
        span = span * 8 if widest_span is None else min(span * 8, widest_span)


def _pg_search(session: Session, terms: SearchTerms, filters: Select | None, limit: int) -> list[TextHit]:
    where = _restrict(session, filters)
    # plainto_tsquery of stop words alone is empty, and && with an empty query keeps the other side.
    query = "plainto_tsquery('english', :words)" + "".join(
        f" && phraseto_tsquery('english', :phrase{i})" for i in range(len(terms.phrases))
    )

    def build(window: str) -> str:
        return (
            "WITH m AS (SELECT s.id, s.text, s.search_vector, q FROM statements s, "
            f"(SELECT {query} AS q) AS terms WHERE s.search_vector @@ q{where}{window}) "
            "SELECT m.id, -ts_rank_cd(m.search_vector, m.q) AS rank, ts_headline('english', m.text, m.q, :opts), "
            "(SELECT count(*) FROM m) FROM m ORDER BY rank, m.id LIMIT :limit"
        )

    params: dict[str, object] = {
        "words": " ".join(terms.pg_loose_words()),
        **{f"phrase{i}": phrase for i, phrase in enumerate(terms.phrases)},
        "opts": f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}, MaxWords=30, MinWords=12",
        "limit": limit,
    }
    rows = _pg_newest_window(session, build, params, filters)
    return [TextHit(row[0], float(row[1]), row[2]) for row in rows]


# Word similarity is computed row by row (the trigram index is slower still for short or common words), about
# 8 µs a statement at a million: the PostgreSQL fallback reads at most the newest PG_FUZZY_SPAN statements.
PG_FUZZY_SPAN = 20_000


def fuzzy_statements(session: Session, query: str, filters: Select | None, limit: int) -> list[TextHit]:
    """Statements that match `query` approximately (typos, inflections), scored with rapidfuzz.

    Candidates come from the index, never from a scan of the archive: on SQLite, each query word is replaced
    by the closest words of the index vocabulary; on PostgreSQL, pg_trgm word similarity is checked over the
    newest PG_FUZZY_SPAN statements (all of them when a filter is given).
    """
    tokens = [token.casefold() for token in query_tokens(query)]
    if not tokens:
        return []
    where = _restrict(session, filters)
    rows: Sequence[Any]
    if session.get_bind().dialect.name == "postgresql":

        def build(window: str) -> str:
            return (
                f"WITH m AS (SELECT s.id, s.text FROM statements s WHERE :words <% s.text{where}{window}) "
                "SELECT m.id, m.text, (SELECT count(*) FROM m) FROM m ORDER BY :words <<-> m.text LIMIT :cap"
            )

        params = {"words": " ".join(tokens), "cap": limit * 10}
        rows = _pg_newest_window(session, build, params, filters, widest_span=PG_FUZZY_SPAN)
    else:
        terms = _similar_vocabulary(session, tokens)
        if not terms:
            return []
        match = fts5_phrase_query(terms, "OR")
        recent, floor = _recent_floor(session, match, filters)
        where += recent
        rows = session.execute(
            text(
                "SELECT s.id, s.text FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
                f"WHERE statements_fts MATCH :match{where} ORDER BY bm25(statements_fts) LIMIT :cap"
            ),
            {"match": match, "cap": limit * 10, **floor},
        ).all()
    lowered = " ".join(tokens)
    scored = sorted(
        ((fuzz.partial_ratio(lowered, row[1].casefold()), row[0], row[1]) for row in rows),
        key=lambda item: (-item[0], item[1]),
    )
    return [TextHit(statement_id, -score, _fuzzy_snippet(body, tokens)) for score, statement_id, body in scored][:limit]


FUZZY_TERM_CUTOFF = 75
FUZZY_TERMS_PER_WORD = 3


def _vocabulary_starting_with(session: Session, letter: str) -> list[str]:
    # fts5vocab answers a term range without visiting the rest of the vocabulary; a typo in the first
    # letter is the price of not reading every term of a large archive.
    return [
        row[0]
        for row in session.execute(
            text("SELECT term FROM statements_fts_vocab WHERE term >= :low AND term < :high"),
            {"low": letter, "high": letter + "\U0010ffff"},
        )
    ]


def _similar_vocabulary(session: Session, tokens: list[str]) -> list[str]:
    terms: list[str] = []
    by_letter: dict[str, list[str]] = {}
    for token in tokens:
        if token[0] not in by_letter:
            by_letter[token[0]] = _vocabulary_starting_with(session, token[0])
        vocabulary = by_letter[token[0]]
        # The vocabulary holds porter stems ("annex"), so compare a crudely stemmed form of the word as well.
        for form in {token, _crude_stem(token)}:
            for term, _score, _index in process.extract(
                form, vocabulary, scorer=fuzz.ratio, limit=FUZZY_TERMS_PER_WORD, score_cutoff=FUZZY_TERM_CUTOFF
            ):
                if term not in terms:
                    terms.append(term)
    return terms


_SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s")


def _crude_stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _fuzzy_snippet(body: str, tokens: list[str], width: int = 160) -> str:
    # Highlight the words of the statement closest to the query words.
    words = list(re.finditer(r"\w+", body))
    marked: list[tuple[int, int]] = []
    for match in words:
        word = match.group().casefold()
        if any(fuzz.ratio(word, token) >= FUZZY_TERM_CUTOFF for token in tokens):
            marked.append(match.span())
    if not marked:
        return body[:width]
    start = max(0, marked[0][0] - width // 3)
    end = min(len(body), start + width)
    pieces, cursor = [], start
    for a, b in marked:
        if a < start or b > end:
            continue
        pieces.append(body[cursor:a] + HIGHLIGHT_START + body[a:b] + HIGHLIGHT_END)
        cursor = b
    pieces.append(body[cursor:end])
    return ("…" if start > 0 else "") + "".join(pieces) + ("…" if end < len(body) else "")
