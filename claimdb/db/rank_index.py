"""Candidates for the "have we seen this?" ranking (`rank_claims`), at a cost that stays flat as the archive grows.

SQLite: FTS5's bm25() reads the whole posting list of every term it scores, and the posting lists of common
words grow with the archive (the OR of every word of a post took 230 ms at a million statements). So:

1. each term's claims are counted up to `RANK_DF_CAP` (a term at the cap is "common");
2. FTS5 ranks with bm25 only the rarest terms, while their claims add up to `RANKED_ROW_BUDGET` rows;
3. claims that share the common words come from the AND of all terms and of each half of them (oldest
   first, no ranking in SQL: FTS5 walks the shortest posting list and skips through the others);
4. every candidate is scored here with FTS5's bm25 formula over *all* the post's terms: a temporary FTS5 table
   with the index's tokenizer stems the candidates and counts their tokens; the row count and average length
   come from the index's own averages record.

A word of the post in no claim that is several words claims do contain, glued (a hashtag or handle written
in one case, "#texaschurchshooting", "@marcorubio"), adds the terms of those words (`glued_terms`; CheckThat!
2020 MAP@5 +0.007 on train, +0.010 on dev, on both backends).

When every term is rare, FTS5's ranking is used as it is. Otherwise the score equals FTS5's bm25 except that a
common term gets the idf of `RANK_DF_CAP` claims (its exact count is what would cost time).

PostgreSQL: a GIN index reads the whole posting list of every term of a query, and `ts_rank` must then read
every matching row, so the OR of every word of a post grows with the archive just the same. The same plan
applies, with PostgreSQL's own pieces:

1. a term is common when the planner statistics of `claims.search_vector` (pg_stats, most common elements)
   put it in `RANK_DF_CAP` claims or more; other terms are counted up to the cap (short posting lists);
2. the claims of the rarest terms (within `RANKED_ROW_BUDGET` rows) and of the ANDs of the terms (the first
   `CONJUNCTION_LIMIT` of each that the index yields, in heap order) are the candidates;
3. `ts_rank` over the OR of every term (cheap: no document frequencies) keeps the best `PG_BM25_POOL`;
4. those are ordered here by the same BM25 as on SQLite, read from their tsvectors (weight A positions are
   the claim text, B the title), a common term with the idf of `RANK_DF_CAP` claims.

When every term is rare the OR of them all gives the pool. CheckThat! 2020 dev, MAP@5: 0.8144 with ts_rank
alone, 0.8316 with BM25 (the pool size was chosen on train).
"""

from __future__ import annotations

import math
import re
import time
import weakref
from collections.abc import Sequence

from sqlalchemy import text as sql
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from claimdb.db.claim_index import (
    STATISTICS_MAX_AGE,
    Candidate,
    _dialect,
    _fts5_or_query,
    _sqlite_stems,
    _tsquery_literal,
    candidate_from_row,
    pg_statistics_common,
    pg_term_rows,
    query_terms,
    sqlite_term_rows,
)
from claimdb.matching.text import split_glued, words

RANK_DF_CAP = 1000  # claims counted per term; a term in this many claims or more is "common"
RANKED_ROW_BUDGET = 6000  # FTS5 bm25 ranks the OR of the rarest terms while their claims add up to this many
CONJUNCTION_LIMIT = 100  # claims fetched (newest first) by the AND of the common terms
MAX_TERMS = 64  # a pasted article must not become a 2,000-term query
BM25_K1 = 1.2  # FTS5's bm25 constants, so that the Python score equals FTS5's when every term is rare
BM25_B = 0.75
GLUED_MIN_LENGTH = 6  # a word in no claim, this long or longer, is tried as glued words ("marcorubio")
GLUED_MAX_LENGTH = 40  # longer runs of letters are not words (base64, keyboard mashing): never split
GLUED_MAX_WORDS = 4  # glued words split per text (CheckThat! 2020 MAP the same with 3 or 8)
GLUED_MIN_PIECE = 3  # letters in a piece of a glued word ("fox and friends": "and" is one)
GLUED_MAX_PIECE = 20

_PROBE = "claimdb_rank_probe"
_TOKENIZE = "porter unicode61 remove_diacritics 2"  # the tokenizer of claims_fts (migrations 0002 and 0003)
_COLUMNS = "c.id, c.claimant_id, c.canonical_text, c.title, c.external_id, c.first_said_on, c.last_said_on"


def ranking_candidates(
    session: Session,
    text: str,
    *,
    k: int,
    weights: tuple[float, float] = (1.0, 1.0),
    stopwords: frozenset[str] = frozenset(),
    df_cap: int = RANK_DF_CAP,
    row_budget: int = RANKED_ROW_BUDGET,
) -> list[Candidate]:
    """Up to `k` claims sharing words with `text`, best BM25 (over claim text and title, `weights`) first.

    Ties go to the older claim. `stopwords` are extra words that are not query terms; `df_cap` and
    `row_budget` bound the SQLite cost (see the module docstring).
    """
    if _dialect(session) == "postgresql":
        return _pg_ranking_candidates(session, text, k, weights, stopwords, df_cap, row_budget)
    connection = session.connection()
    terms = query_terms(session, text, stopwords)[:MAX_TERMS]
    frequencies = capped_document_frequencies(connection, terms, df_cap)
    extra = glued_terms(session, text, {t for t in terms if not frequencies.get(t)}, stopwords)
    extra = [t for t in extra if t not in frequencies][: MAX_TERMS - len(terms)]
    if extra:
        frequencies |= capped_document_frequencies(connection, extra, df_cap)
        terms += extra
    present = sorted((t for t in terms if frequencies.get(t, 0) > 0), key=lambda t: (frequencies[t], terms.index(t)))
    if not present:
        return []
    ranked_keys = ranked_terms(present, frequencies, df_cap, row_budget)
    found: dict[int, tuple] = {}
    fts5_scores: dict[int, float] = {}
    if ranked_keys:
        for row in connection.exec_driver_sql(
            f"SELECT {_COLUMNS}, bm25(claims_fts, ?, ?) AS rank FROM claims_fts "
            "JOIN claims AS c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
            (weights[0], weights[1], _fts5_or_query(ranked_keys), k),
        ):
            found[row[0]] = tuple(row[:-1])
            fts5_scores[row[0]] = -float(row[-1])
    if len(ranked_keys) == len(present):
        # Every term was rare enough for FTS5 to rank: its order is already the answer.
        return [candidate_from_row(row, fts5_scores[row[0]]) for row in found.values()]
    for keys in _conjunctions(present):
        for row in connection.exec_driver_sql(
            f"SELECT {_COLUMNS} FROM claims_fts JOIN claims AS c ON c.id = claims_fts.rowid "
            "WHERE claims_fts MATCH ? ORDER BY claims_fts.rowid LIMIT ?",
            (_fts5_or_query(keys, "AND"), CONJUNCTION_LIMIT),
        ):
            found.setdefault(row[0], tuple(row))
    if not found:
        return []
    rows_in_index, average_length = _index_statistics(connection)
    claims = list(found.values())
    scores = bm25_scores(
        connection,
        present,
        [(r[2] or "", r[3] or "") for r in claims],
        frequencies,
        rows_in_index,
        average_length,
        weights,
    )
    order = sorted(range(len(claims)), key=lambda i: (-scores[i], claims[i][0]))[:k]
    return [candidate_from_row(claims[i], scores[i]) for i in order]


def glued_terms(session: Session, text: str, unknown: set[str], stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Index terms of the pieces of `text`'s glued words: hashtags and handles written in one case
    ("#texaschurchshooting", "@marcorubio") that no claim contains but whose pieces claims do.

    A word is tried when it is at least `GLUED_MIN_LENGTH` letters long and all its stems are in `unknown` (the
    text's terms found in no claim); it is split into the fewest pieces of three letters or more that the
    index knows (`split_glued`). Pieces are looked up only where a split can start (after a known piece),
    one query per step and one claim each at most, so the cost follows the word's length, not the archive.
    """
    if not unknown:
        return []
    candidates = [
        w for w in dict.fromkeys(words(text)) if GLUED_MIN_LENGTH <= len(w) <= GLUED_MAX_LENGTH and w.isalpha()
    ]
    if not candidates:
        return []
    glued = [
        word
        for word, stems in zip(candidates, _stems(session, candidates), strict=True)
        if stems and all(s in unknown for s in stems)
    ][:GLUED_MAX_WORDS]
    known: set[str] = set()
    asked: set[str] = set()
    starts = {(word, 0) for word in glued}
    seen = set(starts)
    while starts:
        spans = {
            (word, start, end)
            for word, start in starts
            for end in range(start + GLUED_MIN_PIECE, min(len(word), start + GLUED_MAX_PIECE) + 1)
            if end - start < len(word)
        }
        fresh = sorted({word[start:end] for word, start, end in spans} - asked)
        asked.update(fresh)
        known.update(_known_words(session, fresh))
        starts = {(word, end) for word, start, end in spans if word[start:end] in known and end < len(word)} - seen
        seen |= starts
    split = [piece for word in glued for piece in split_glued(word, known, GLUED_MIN_PIECE, GLUED_MAX_PIECE) or ()]
    return query_terms(session, " ".join(split), stopwords) if split else []


def _stems(session: Session, texts: Sequence[str]) -> list[list[str]]:
    """Each text's index terms in order (stop words included on SQLite; PostgreSQL's english ones left out)."""
    if _dialect(session) != "postgresql":
        return _sqlite_stems(session.connection(), texts)
    rows = session.execute(
        sql(
            "SELECT ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', t.body)) ORDER BY positions[1]) "
            "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS t(body, n) ORDER BY t.n"
        ),
        {"texts": list(texts)},
    ).fetchall()
    return [list(r[0]) for r in rows]


def _known_words(session: Session, pieces: Sequence[str]) -> set[str]:
    """The `pieces` (plain lower-case words) that some claim contains, stemmed by the index's own stemmer.

    PostgreSQL's stop words ("and", "the") count as known: the index leaves them out, claims still have them.
    """
    if not pieces:
        return set()
    if _dialect(session) != "postgresql":
        # FTS5 stems each quoted word of MATCH itself: no stemming here, nothing cached for these substrings.
        counts = sqlite_term_rows(session.connection(), pieces, cap=1, budget=0)
        return {piece for piece, (n, _) in counts.items() if n > 0}
    rows = session.execute(
        sql(
            "SELECT t.piece FROM unnest(CAST(:pieces AS text[])) AS t(piece) "
            "WHERE numnode(plainto_tsquery('english', t.piece)) = 0 OR EXISTS "
            "(SELECT 1 FROM claims WHERE search_vector @@ plainto_tsquery('english', t.piece))"
        ),
        {"pieces": list(pieces)},
    ).fetchall()
    return {r[0] for r in rows}


def _conjunctions(terms: Sequence[str]) -> list[list[str]]:
    # `terms` rarest first (terms past the count cap in the post's order). The AND of them all finds
    # restatements; the AND of each half finds rewordings that keep part of the words (counts capped alike
    # cannot tell which half is the rarer). Rows come oldest first, as ties are broken. FTS5 walks the shortest
    # posting list and skips through the longer ones, so the cost does not follow the common words' lists.
    if len(terms) < 2:
        return []
    if len(terms) < 4:
        return [list(terms)]
    middle = len(terms) // 2
    return [list(terms), list(terms[:middle]), list(terms[middle:])]


def ranked_terms(
    terms: Sequence[str], frequencies: dict[str, int], df_cap: int = RANK_DF_CAP, row_budget: int = RANKED_ROW_BUDGET
) -> list[str]:
    """The terms FTS5 ranks: the rarest of `terms` (given rarest first) while their claims fit `row_budget`.

    A term in `df_cap` claims or more is never one of them; the first term is taken whatever its count below that.
    """
    keys: list[str] = []
    rows = 0
    for term in terms:
        if frequencies[term] >= df_cap or (keys and rows + frequencies[term] > row_budget):
            break
        keys.append(term)
        rows += frequencies[term]
    return keys


def capped_document_frequencies(
    connection: Connection, terms: Sequence[str], df_cap: int = RANK_DF_CAP
) -> dict[str, int]:
    """How many claims contain each term, counted up to `df_cap` (a cost that does not grow with the archive)."""
    return {term: n for term, (n, _) in sqlite_term_rows(connection, terms, cap=df_cap, budget=0).items()}


def _varints(blob: bytes) -> list[int]:
    # SQLite varints: big-endian groups of 7 bits, the high bit set on every byte but the last (9th byte: 8 bits).
    values: list[int] = []
    position = 0
    while position < len(blob):
        value = 0
        for index in range(9):
            byte = blob[position]
            position += 1
            if index == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def _index_statistics(connection: Connection) -> tuple[int, float]:
    """(rows, average tokens per row over all columns) of `claims_fts`, from FTS5's own averages record."""
    row = connection.exec_driver_sql("SELECT block FROM claims_fts_data WHERE id = 1").fetchone()
    if row is not None and row[0]:
        values = _varints(bytes(row[0]))
        if len(values) >= 2 and values[0] > 0:
            return values[0], max(sum(values[1:]) / values[0], 1.0)
    count = connection.exec_driver_sql("SELECT count(*) FROM claims").scalar() or 0
    return int(count), 1.0


def _probe(connection: Connection) -> None:
    # A temporary contentless FTS5 table with the index's tokenizer: candidates are tokenized and stemmed by
    # SQLite exactly as claims_fts stores them, and its docsize table gives their lengths. Temporary objects
    # live per connection and never touch the database file.
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_PROBE} USING fts5(canonical_text, title, content='', "
        f"tokenize='{_TOKENIZE}')"
    )
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_PROBE}_vocab USING fts5vocab(temp, {_PROBE}, 'instance')"
    )


def bm25_scores(
    connection: Connection,
    terms: Sequence[str],
    documents: Sequence[tuple[str, str]],
    frequencies: dict[str, int],
    rows_in_index: int,
    average_length: float,
    weights: tuple[float, float],
) -> list[float]:
    """FTS5's bm25 (higher is better) of each (text, title) for the OR of `terms` (index stems).

    A term's frequency in a row is the weighted sum over the two columns; the row length counts every token.
    """
    if not documents or not terms:
        return [0.0] * len(documents)
    _probe(connection)
    connection.exec_driver_sql(
        f"INSERT INTO temp.{_PROBE}(rowid, canonical_text, title) VALUES (?, ?, ?)",
        [(i + 1, text, title) for i, (text, title) in enumerate(documents)],
    )
    try:
        lengths = {
            row: sum(_varints(bytes(sizes)))
            for row, sizes in connection.exec_driver_sql(f"SELECT id, sz FROM temp.{_PROBE}_docsize")
        }
        marks = ", ".join("?" * len(terms))
        found = connection.exec_driver_sql(
            f"SELECT doc, col, term, count(*) FROM temp.{_PROBE}_vocab WHERE term IN ({marks}) GROUP BY doc, col, term",
            tuple(terms),
        ).fetchall()
    finally:
        connection.exec_driver_sql(f"INSERT INTO temp.{_PROBE}({_PROBE}) VALUES ('delete-all')")
    weighted: dict[tuple[int, str], float] = {}
    column_weight = {"canonical_text": weights[0], "title": weights[1]}
    for row, column, term, count in found:
        weighted[row, term] = weighted.get((row, term), 0.0) + column_weight[column] * count
    idf = {t: _idf(rows_in_index, frequencies.get(t, 0)) for t in terms}
    scores = [0.0] * len(documents)
    for (row, term), frequency in weighted.items():
        if frequency <= 0:
            continue
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths.get(row, 0) / average_length)
        scores[row - 1] += idf[term] * frequency * (BM25_K1 + 1) / (frequency + norm)
    return scores


def _idf(rows_in_index: int, frequency: int) -> float:
    # FTS5's: never zero or negative, so a term in most rows still counts a little.
    return max(math.log((rows_in_index - frequency + 0.5) / (frequency + 0.5)), 1e-6)


# --- PostgreSQL ---------------------------------------------------------------------------------------------

# Per connection pool (gone with it) and cap: the terms found common by counting (a term once common stays so).
_pg_counted_common: weakref.WeakKeyDictionary[object, dict[int, set[str]]] = weakref.WeakKeyDictionary()
_PG_COMMON_MAX = 200_000


def pg_capped_frequencies(session: Session, terms: Sequence[str], df_cap: int = RANK_DF_CAP) -> dict[str, int]:
    """How many claims contain each term, counted up to `df_cap`; terms in no claim are left out.

    Terms the planner statistics call common are not counted (their posting lists are the long ones).
    """
    pool = session.get_bind().engine.pool
    counted_common = _pg_counted_common.setdefault(pool, {}).setdefault(df_cap, set())
    common = pg_statistics_common(session, df_cap) | counted_common
    unknown = [t for t in terms if t not in common]
    frequencies = {t: df_cap for t in terms if t in common}
    if unknown:
        for term, (count, _) in pg_term_rows(session, unknown, cap=df_cap, budget=0).items():
            frequencies[term] = int(count)
            if count >= df_cap and len(counted_common) < _PG_COMMON_MAX:
                counted_common.add(term)
    return {t: n for t, n in frequencies.items() if n > 0}


def _pg_ranking_candidates(
    session: Session,
    text: str,
    k: int,
    weights: tuple[float, float],
    stopwords: frozenset[str],
    df_cap: int,
    row_budget: int,
) -> list[Candidate]:
    terms = query_terms(session, text, stopwords)[:MAX_TERMS]
    frequencies = pg_capped_frequencies(session, terms, df_cap)
    extra = glued_terms(session, text, {t for t in terms if t not in frequencies}, stopwords)
    extra = [t for t in extra if t not in terms][: MAX_TERMS - len(terms)]
    if extra:
        frequencies |= pg_capped_frequencies(session, extra, df_cap)
        terms += extra
    present = sorted((t for t in terms if t in frequencies), key=lambda t: (frequencies[t], terms.index(t)))
    if not present:
        return []
    ranked_keys = ranked_terms(present, frequencies, df_cap, row_budget)
    # ts_rank weights are {D, C, B, A}: canonical text is weight A, the title weight B (as _pg_candidates).
    params: dict[str, object] = {
        "pool": max(k, PG_BM25_POOL),
        "limit": CONJUNCTION_LIMIT,
        "weights": f"{{0.05, 0.1, {0.4 * weights[1]:f}, {0.4 * weights[0]:f}}}",
        "everything": " | ".join(_tsquery_literal(t) for t in present),
    }
    if len(ranked_keys) == len(present):
        # Every term is rare: the OR of them all costs little.
        where = "c.search_vector @@ CAST(:everything AS tsquery)"
    else:
        # Each source of candidates is a sub-select of ids; the ranking reads only their rows.
        sources: list[str] = []
        if ranked_keys:
            sources.append("SELECT id FROM claims WHERE search_vector @@ CAST(:rare AS tsquery)")
            params["rare"] = " | ".join(_tsquery_literal(t) for t in ranked_keys)
        for number, keys in enumerate(_conjunctions(present)):
            # The first claims the GIN index yields (heap order, about oldest first): ORDER BY id would fetch
            # every match first, and the AND of four common words matched 38,000 claims at a million (80 ms).
            sources.append(f"(SELECT id FROM claims WHERE search_vector @@ CAST(:all{number} AS tsquery) LIMIT :limit)")
            params[f"all{number}"] = " & ".join(_tsquery_literal(t) for t in keys)
        if not sources:
            return []
        where = f"c.id IN ({' UNION '.join(sources)})"
    # ts_rank (no document frequencies, so cheap) picks the pool; BM25 over all the terms orders it.
    # The text form of the vectors only for the pool: a cast in the ranked query would run for every match.
    columns = _COLUMNS.replace("c.", "p.")
    rows = session.execute(
        sql(
            f"SELECT {columns}, CAST(p.search_vector AS text) FROM (SELECT {_COLUMNS}, c.search_vector, "
            "ts_rank(CAST(:weights AS float4[]), c.search_vector, CAST(:everything AS tsquery)) AS rank "
            f"FROM claims AS c WHERE {where} ORDER BY rank DESC, c.id LIMIT :pool) AS p ORDER BY p.rank DESC, p.id"
        ),
        params,
    ).fetchall()
    if not rows:
        return []
    rows_in_index, average_length = pg_index_statistics(session)
    idf = {t: _idf(rows_in_index, frequencies[t]) for t in present}
    scores = [_pg_bm25(row[7], idf, weights, average_length) for row in rows]
    order = sorted(range(len(rows)), key=lambda i: (-scores[i], rows[i][0]))[:k]
    return [candidate_from_row(rows[i], scores[i]) for i in order]


PG_BM25_POOL = 100  # claims (best ts_rank first) that BM25 orders on PostgreSQL (300: same MAP on train)
_TSVECTOR_ENTRY = re.compile(r"'((?:[^']|'')*)'(?::([0-9A-D,]+))?")
# Per connection pool: (when read, rows, average tokens per row) of claims.search_vector.
_pg_index_statistics: weakref.WeakKeyDictionary[object, tuple[float, int, float]] = weakref.WeakKeyDictionary()


def pg_index_statistics(session: Session) -> tuple[int, float]:
    """(claims, average indexed tokens per claim): the row count the planner keeps, the length from a sample."""
    pool = session.get_bind().engine.pool
    cached = _pg_index_statistics.get(pool)
    if cached is not None and time.monotonic() - cached[0] < STATISTICS_MAX_AGE:
        return cached[1], cached[2]
    row = session.execute(
        sql(
            "SELECT (SELECT reltuples FROM pg_class WHERE oid = to_regclass('claims')), "
            "(SELECT count(*) FROM (SELECT 1 FROM claims LIMIT 10000) AS x), "
            "(SELECT avg((SELECT coalesce(sum(cardinality(positions)), 0) FROM unnest(v.search_vector))) "
            "FROM (SELECT search_vector FROM claims LIMIT 10000) AS v)"
        )
    ).one()
    estimated, counted, average = float(row[0] or 0), int(row[1]), float(row[2] or 1.0)
    # reltuples is -1 before the first ANALYZE and stale on a small, young table: the counted rows are exact
    # up to 10,000.
    rows_in_index = counted if counted < 10_000 else max(int(estimated), counted)
    _pg_index_statistics[pool] = (time.monotonic(), rows_in_index, max(average, 1.0))
    return rows_in_index, max(average, 1.0)


def _pg_bm25(vector: str, idf: dict[str, float], weights: tuple[float, float], average_length: float) -> float:
    """FTS5's bm25 formula over a tsvector's text: weight A positions are the claim text, B the title."""
    frequency: dict[str, float] = {}
    length = 0
    for match in _TSVECTOR_ENTRY.finditer(vector):
        positions = match.group(2)
        if not positions:
            length += 1
            continue
        marks = positions.split(",")
        length += len(marks)
        lexeme = match.group(1).replace("''", "'")
        if lexeme in idf:
            text_count = sum(1 for mark in marks if mark.endswith("A"))
            title_count = sum(1 for mark in marks if mark.endswith("B"))
            frequency[lexeme] = weights[0] * text_count + weights[1] * title_count
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average_length)
    return sum(idf[t] * f * (BM25_K1 + 1) / (f + norm) for t, f in frequency.items() if f > 0)
