"""Candidate lookup for matching: the full-text index picks the claims worth comparing, never a scan.

One interface over two backends. SQLite uses the FTS5 table `claims_fts` (porter stems) and its `fts5vocab`
table for document frequencies; PostgreSQL uses the `claims.search_vector` tsvector (GIN) and estimates term
rarity with the planner statistics (most common lexemes) and capped index counts. Blocking keys are chosen by
rarity: the OR of the few rarest stems of a statement stays fast as the archive grows, where the OR of every
word does not (see DESIGN.md).

User text never reaches MATCH / to_tsquery as syntax: it is tokenized by the backend itself and every term is
quoted, so `"`, `AND`, `NEAR` or `*` in a statement are just characters.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
import unicodedata
import weakref
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import text as sql
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from claimdb.extract.types import Figure

# Words that never make good blocking keys; the backend stems them like any other word.
_STOPWORDS_TEXT = (
    "a an the and or but if then than so as of at by for from in into on to with this that these those it its "
    "is are was were be been being do does did have has had will would can could may might must i we you he "
    "she they them their our his her my me us what which who when where why how all any some said says say "
    "told also just"
)
_PROBE = "claimdb_stem_probe"
_TOKENIZE = "porter unicode61 remove_diacritics 2"  # the index's tokenizer (migration 0002)
_MAX_TERMS = 64  # a cap on "all terms": a pasted article must not become a 2,000-term OR query
# Counting a term's claims stops here: beyond it a term is "common" and the exact number does not matter.
# FTS5's vocabulary table counts a term's whole posting list, which grows with the archive; a capped count
# keeps rarity look-ups flat. A term once common stays common, so those are remembered per engine.
DF_CAP = 200
ROW_BUDGET = 50  # blocking keys together match at most about this many claims (see _blocking_keys)
# A term in at most this many claims comes with its claims' ids: the keys' claims, and the evidence that ranks
# them (below DF_CAP: a count that reached the cap says nothing of the claims past it).
TERM_IDS_MAX = DF_CAP - 1
_COMMON_TERMS_MAX = 200_000
_common_terms: weakref.WeakKeyDictionary[object, set[str]] = weakref.WeakKeyDictionary()  # per connection pool
# FTS5 stems the text of a MATCH query too, so a stem written back into MATCH is stemmed twice, and about 3 %
# of stems change again ("abuse" -> "abus" -> "abu", "advertise" -> "advertis" -> "adverti") and then match
# nothing. MATCH therefore gets a word that stems to the term: the first surface form seen for it.
_surface_forms: dict[str, str] = {}
_SURFACE_FORMS_MAX = 200_000


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim proposed by the full-text index, with its relevance (higher is better)."""

    claim_id: int
    claimant_id: int | None
    canonical_text: str
    title: str | None
    external_id: str | None
    first_said_on: date | None
    last_said_on: date | None
    score: float


def candidate_from_row(row: Sequence[Any], score: float) -> Candidate:
    """A Candidate from a row of (id, claimant_id, canonical_text, title, external_id, first_said_on, last_said_on)."""
    return Candidate(row[0], row[1], row[2], row[3], row[4], _as_date(row[5]), _as_date(row[6]), score)


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if type(value) is str:
        # SQLite's ISO text: a few thousand distinct days, each parsed once
        found = _dates.get(value)
        if found is None:
            found = date.fromisoformat(value[:10])
            if len(_dates) >= _DATES_MAX:
                _dates.clear()
            _dates[value] = found
        return found
    return date.fromisoformat(str(value)[:10])


_dates: dict[str, date] = {}
_DATES_MAX = 100_000


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _sqlite_rows(connection: Connection, query: str, parameters: tuple[Any, ...]) -> Sequence[Sequence[Any]]:
    """Rows of a read-only query, straight from SQLite's cursor on the connection's own transaction.

    Blocking runs a few queries per statement; SQLAlchemy's result machinery costs more than SQLite's work
    for the small ones.
    """
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        return driver.execute(query, parameters).fetchall()
    return list(connection.exec_driver_sql(query, parameters).fetchall())


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=256)
def _pyformat(query: str, binary: frozenset[str]) -> str:
    """`:name` placeholders as psycopg's `%(name)s`, or `%(name)b` for the `binary` ones (a literal % doubled)."""
    return _NAMED.sub(lambda m: f"%({m[1]})" + ("b" if m[1] in binary else "s"), query.replace("%", "%%"))


def pg_rows(session: Session, query: str, parameters: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Rows of a query with `:name` parameters, straight from psycopg's cursor on the session's transaction.

    Blocking and ingest run several small queries per statement; on PostgreSQL SQLAlchemy's text() and result
    machinery cost about as much client time as the server spends on them. Values are passed as they are,
    as text() passes them.
    """
    connection = session.connection()
    driver = connection.connection.driver_connection
    if _dialect(session) != "postgresql" or driver is None or not hasattr(driver, "pgconn"):
        return [tuple(row) for row in connection.execute(sql(query), dict(parameters)).fetchall()]
    # Lists go in PostgreSQL's binary array format: the text format quotes every element with a regular
    # expression in Python, six times slower (the values stored are the same).
    binary = frozenset(name for name, value in parameters.items() if isinstance(value, list))
    with driver.cursor() as cursor:
        cursor.execute(_pyformat(query, binary), parameters)
        return cursor.fetchall() if cursor.description is not None else []


def pg_pipeline(session: Session, queries: Sequence[tuple[str, Mapping[str, Any]]]) -> list[list[tuple[Any, ...]]]:
    """PostgreSQL: the rows of each query, all sent at once (psycopg's pipeline mode): one round trip.

    The server runs them one after the other, each seeing what the ones before it did (and, in READ
    COMMITTED, whatever was committed before it started).
    """
    driver = session.connection().connection.driver_connection
    if driver is None or not hasattr(driver, "pipeline"):
        return [pg_rows(session, query, parameters) for query, parameters in queries]
    cursors = []
    with driver.pipeline():
        for query, parameters in queries:
            binary = frozenset(name for name, value in parameters.items() if isinstance(value, list))
            cursor = driver.cursor()
            cursor.execute(_pyformat(query, binary), parameters)
            cursors.append(cursor)
    try:
        return [cursor.fetchall() if cursor.description is not None else [] for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()


# --- SQLite -------------------------------------------------------------------------------------------------


class _Stemmer:
    """A private in-memory SQLite database whose FTS5 table stems words exactly as the index does.

    The same SQLite library tokenizes, so stems always agree with the index's, with no Python stemmer to keep
    in step. It is a connection of its own, not a temporary table of the caller's: emptying a temporary FTS5
    table inside an ingest transaction opens a statement journal, and at each one FTS5 writes the claims'
    pending terms out as a new index segment (see `fts_sync`).
    """

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self.connection.execute(f"CREATE VIRTUAL TABLE {_PROBE} USING fts5(body, tokenize='{_TOKENIZE}')")
        self.connection.execute(f"CREATE VIRTUAL TABLE {_PROBE}_vocab USING fts5vocab({_PROBE}, 'instance')")
        self.lock = threading.Lock()

    def stems(self, words: Sequence[str]) -> list[list[str]]:
        with self.lock:
            self.connection.executemany(
                f"INSERT INTO {_PROBE}(rowid, body) VALUES (?, ?)", [(i + 1, w) for i, w in enumerate(words)]
            )
            rows = self.connection.execute(f'SELECT doc, term FROM {_PROBE}_vocab ORDER BY doc, "offset"').fetchall()
            self.connection.execute(f"DELETE FROM {_PROBE}")
        stems: list[list[str]] = [[] for _ in words]
        for doc, term in rows:
            stems[doc - 1].append(term)
        return stems


_stemmer: _Stemmer | None = None


def _stem_words(words: Sequence[str]) -> list[list[str]]:
    global _stemmer
    if _stemmer is None or _stemmer.pid != os.getpid():  # a forked process opens its own
        _stemmer = _Stemmer()
    return _stemmer.stems(words)


# Whether unicode61 treats a character as part of a token. Letters and digits are, ASCII punctuation is not;
# for everything else (marks, symbols, emoji, characters newer than SQLite's Unicode tables) the tokenizer is
# asked once per process, so word boundaries here are exactly the index's.
_token_chars: dict[str, bool | None] = {}  # None: a mark, part of a token only after a token character
_ASCII_WORDS = re.compile(r"[A-Za-z0-9]+")


def _is_token_char(ch: str) -> bool | None:
    """True/False when the answer needs no probe, None when only the tokenizer can tell."""
    if ch.isascii():
        return ch.isalnum()
    category = unicodedata.category(ch)
    if category[0] in "LN" or category == "Co":
        return True
    if category[0] == "Z" or category == "Cc":
        return False
    return None


def _learn_token_chars(connection: Connection, texts: Sequence[str]) -> None:
    unknown = sorted({ch for text in texts if not text.isascii() for ch in text if ch not in _token_chars})
    probe: list[str] = []
    for ch in unknown:
        known = _is_token_char(ch)
        if known is None:
            probe.append(ch)
        else:
            _token_chars[ch] = known
    if probe:
        # "a X b" has three tokens when X is a token character, two when it separates.
        counts = _probe_words(connection, [f"a {ch} b" for ch in probe])
        for ch, stems in zip(probe, counts, strict=True):
            # A combining mark the tokenizer drops on its own ("a \u0301 b") still belongs to the word it follows.
            _token_chars[ch] = len(stems) == 3 or (None if unicodedata.category(ch)[0] == "M" else False)


def _unicode61_tokens(text: str) -> list[str]:
    """The tokens unicode61 cuts from `text`, as written (the tokenizer folds case itself), in order.

    Needs `_learn_token_chars` to have seen the text's characters.
    """
    if text.isascii():
        return _ASCII_WORDS.findall(text)
    tokens: list[str] = []
    current: list[str] = []
    classes = _token_chars
    for ch in text:
        joins = classes[ch]
        if joins or (joins is None and current):
            current.append(ch)
        elif current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return tokens


# Each word's stems, as the index tokenizer gives them (almost always one). A statement's words are mostly
# known ones, so stemming it rarely needs the database; unknown words are stemmed in one batch.
_word_stems: dict[str, tuple[str, ...]] = {}
_WORD_STEMS_MAX = 200_000


def _probe_words(connection: Connection, words: Sequence[str]) -> list[list[str]]:
    """Each word's stems as the index tokenizer gives them (`connection` is not used: see `_Stemmer`)."""
    return _stem_words(words)


def _sqlite_stems(connection: Connection, texts: Sequence[str]) -> list[list[str]]:
    """Porter stems of each text in token order, as the FTS5 index would store them.

    Texts are cut into words as unicode61 cuts them and each word is stemmed by the index tokenizer itself
    (an FTS5 table in a private in-memory database), once per process: no Python stemmer to keep in step.
    """
    _learn_token_chars(connection, texts)
    tokenized = [_unicode61_tokens(text) for text in texts]
    unknown = sorted({token for tokens in tokenized for token in tokens if token not in _word_stems})
    fresh: dict[str, tuple[str, ...]] = {}
    if unknown:
        for word, stems in zip(unknown, _probe_words(connection, unknown), strict=True):
            fresh[word] = tuple(stems)
            if len(stems) == 1 and stems[0] != word and len(_surface_forms) < _SURFACE_FORMS_MAX:
                _surface_forms.setdefault(stems[0], word)
        if len(_word_stems) + len(fresh) <= _WORD_STEMS_MAX:
            _word_stems.update(fresh)
    known = _word_stems
    return [
        [stem for token in tokens for stem in (known[token] if token in known else fresh[token])]
        for tokens in tokenized
    ]


_sqlite_stopword_cache: dict[frozenset[str], frozenset[str]] = {}  # stems depend on the tokenizer only


def _sqlite_query_terms(connection: Connection, text: str, stopwords: frozenset[str]) -> list[str]:
    key = stopwords
    if key not in _sqlite_stopword_cache:
        words = _STOPWORDS_TEXT + " " + " ".join(sorted(stopwords))
        _sqlite_stopword_cache[key] = frozenset(_sqlite_stems(connection, [words])[0])
    stop = _sqlite_stopword_cache[key]
    return list(dict.fromkeys(t for t in _sqlite_stems(connection, [text])[0] if t not in stop))


def sqlite_term_rows(
    connection: Connection, terms: Sequence[str], cap: int = DF_CAP, budget: int = ROW_BUDGET
) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Each term's claim count (up to `cap`) and, when it is within `budget`, the ids of those claims.

    One pass over at most `DF_CAP` postings per term answers both "how rare?" and "which claims?", so the
    blocking keys' claims need no second full-text query.
    """
    return {
        term: (n, _ids(ids) if ids else ())
        for term, (n, ids) in _sqlite_term_lists(connection, terms, cap, budget).items()
    }


def _sqlite_term_lists(
    connection: Connection, terms: Sequence[str], cap: int, budget: int
) -> dict[str, tuple[int, str | None]]:
    """As `sqlite_term_rows`, with the ids as SQLite's comma-separated text (parsed only when used)."""
    if not terms:
        return {}
    one = (
        f"SELECT ?, count(*), CASE WHEN count(*) <= {int(budget)} THEN group_concat(rowid) END "
        f"FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT {int(cap)})"
    )
    params: list[str] = []
    for term in terms:
        params += [term, _fts5_or_query([term])]
    rows = _sqlite_rows(connection, " UNION ALL ".join([one] * len(terms)), tuple(params))
    return {term: (int(n), ids or None) for term, n, ids in rows}


IdList = str | tuple[int, ...]  # claim ids: as SQLite's group_concat wrote them, or parsed


def _ids(ids: IdList) -> tuple[int, ...]:
    return tuple(map(int, ids.split(","))) if isinstance(ids, str) else ids


def _fts5_or_query(terms: Iterable[str], operator: str = "OR") -> str:
    # Every term is a quoted string, so no word can be read as an operator or a column filter. FTS5 stems
    # the quoted word again: a surface form that stems to the term keeps it from being stemmed twice.
    literals = (_surface_forms.get(t, t) for t in terms)
    return f" {operator} ".join('"' + t.replace('"', '""') + '"' for t in literals)


def _sqlite_candidates(
    connection: Connection,
    terms: Sequence[str],
    k: int,
    weights: tuple[float, float],
    operator: str = "OR",
    ranked: bool = True,
) -> list[Candidate]:
    rows: Sequence[Sequence[Any]]
    if not ranked:
        # FTS5's bm25() reads the whole posting list of every term to count documents, which grows with the
        # archive; within the row budget the comparisons rank better anyway. Newest claims first.
        rows = _sqlite_rows(
            connection,
            "SELECT c.id, c.claimant_id, c.canonical_text, c.title, c.external_id, c.first_said_on, "
            "c.last_said_on, 0.0 FROM claims_fts JOIN claims AS c ON c.id = claims_fts.rowid "
            "WHERE claims_fts MATCH ? ORDER BY claims_fts.rowid DESC LIMIT ?",
            (_fts5_or_query(terms, operator), k),
        )
    else:
        rows = connection.exec_driver_sql(
            "SELECT c.id, c.claimant_id, c.canonical_text, c.title, c.external_id, c.first_said_on, "
            "c.last_said_on, bm25(claims_fts, ?, ?) AS rank "
            "FROM claims_fts JOIN claims AS c ON c.id = claims_fts.rowid "
            "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
            (weights[0], weights[1], _fts5_or_query(terms, operator), k),
        ).fetchall()
    return [candidate_from_row(r, -float(r[7])) for r in rows]


@dataclass
class _Memory:
    """What blocking read during a run of inserts (see `remembered_blocking`)."""

    connection: object = None  # the SQLite connection it was read on
    data_version: int = -1  # its PRAGMA data_version then: another connection's commit changes it
    # AND's terms and row limit -> the highest indexed claim id then, and the claims found, newest first
    and_ids: dict[tuple[str, int], tuple[int, tuple[int, ...]]] = field(default_factory=dict)
    claims: dict[int, Candidate] = field(default_factory=dict)  # rows as read (score 0)
    figures: dict[int, tuple[Figure, ...]] = field(default_factory=dict)  # of each claim's first statement
    # Claims indexed inside the block and reported with `claim_indexed`: their stems, ids ascending, and the
    # ids holding each stem (ascending).
    indexed: dict[int, frozenset[str]] = field(default_factory=dict)
    indexed_ids: list[int] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    # PostgreSQL (see `pg_turn_begins`): the previous turn's (pool, own xid, quiet, committed), and whether
    # the memory may be used now (inside a turn).
    pg_last: tuple[object, int, bool, bool] | None = None
    pg_active: bool = False
    # SQLite (see `sqlite_turn`): the session whose write transaction is in progress, its connection and the
    # driver connection under it.
    sqlite_turn: tuple[Session, Connection, sqlite3.Connection] | None = None

    def clear(self) -> None:
        self.and_ids.clear()
        self.claims.clear()
        self.figures.clear()
        self.forget_indexed()

    def forget_indexed(self) -> None:
        self.indexed.clear()
        self.indexed_ids.clear()
        self.postings.clear()

    def too_big(self) -> bool:
        """Whether any kind of entry passed `_MEMORY_MAX` (then the memory starts again empty)."""
        return max(len(self.and_ids), len(self.claims), len(self.figures), len(self.indexed)) > _MEMORY_MAX


# Entries per kind (an AND's ids are up to 50 numbers, a claim row holds its text, an indexed claim its stems).
# Past it the memory starts again empty: `claimdb ingest` of 5,000 articles peaked at 194 MB RSS, 169 without.
_MEMORY_MAX = 20_000
_memory: ContextVar[_Memory | None] = ContextVar("claimdb_blocking_memory", default=None)


@contextmanager
def remembered_blocking() -> Iterator[None]:
    """Within the block, SQLite blocking reads what it has read before only once: for a run of inserts (ingest).

    At a million statements the AND of two common words and the reading of its ~50 claims were the blocking
    costs that grew with the archive, and about half of an ingest's AND queries repeat an earlier one (a quote
    repeated or reworded in a later article). A repeat reads only the claims indexed since and puts them before
    the remembered ones: the same claims in the same order. Claim rows and the figures of a claim's first
    statement are remembered too; the caller reports each claim it changes with `claim_changed` (ingest: a
    statement joined it). Deleting claims, or changing their text, inside the block is not supported. A commit
    by any other connection (another process) forgets everything.
    """
    token = _memory.set(_Memory())
    try:
        yield
    finally:
        _memory.reset(token)


def claim_changed(claim_id: int) -> None:
    """Forget the remembered row and figures of a claim (a statement joined it: new dates, maybe figures)."""
    memory = _memory.get()
    if memory is not None:
        memory.claims.pop(claim_id, None)
        memory.figures.pop(claim_id, None)


def claim_indexed(session: Session, claim_id: int, canonical_text: str, title: str | None) -> None:
    """Report a claim just added to the full-text index (SQLite), so that blocking inside the enclosing
    `remembered_blocking` finds it among the newer claims without asking the index again."""
    active = _active_memory(session)
    if active is None:
        return
    memory = active[0]
    if memory.indexed_ids and claim_id <= memory.indexed_ids[-1]:
        memory.forget_indexed()  # not in id order: what is known no longer says which claims are new
    texts = [canonical_text] if not title else [canonical_text, title]
    stems = frozenset(stem for found in _sqlite_stems(_connection(session), texts) for stem in found)
    memory.indexed[claim_id] = stems
    memory.indexed_ids.append(claim_id)
    for stem in stems:
        memory.postings.setdefault(stem, []).append(claim_id)


def claim_created(session: Session, claim_id: int, figures: Sequence[Figure]) -> None:
    """Report a claim just created for a statement stored with `figures` (SQLite), so that blocking inside the
    enclosing `remembered_blocking` knows the figures of its first statement without reading them back."""
    active = _active_memory(session)
    if active is None:
        return
    # As `_read_figures` would read them: REAL values, in the order of their start.
    stored = (
        Figure(
            f.surface,
            f.start,
            f.end,
            None if f.value is None else float(f.value),
            None if f.value_max is None else float(f.value_max),
            f.unit,
            f.qualifier,
        )
        for f in figures
    )
    active[0].figures[claim_id] = tuple(sorted(stored, key=lambda f: f.start))


def _active_memory(session: Session) -> tuple[_Memory, sqlite3.Connection] | None:
    """The memory of the enclosing `remembered_blocking` (SQLite only), emptied if another connection wrote."""
    memory = _memory.get()
    if memory is None:
        return None
    turn = memory.sqlite_turn
    if turn is not None and turn[0] is session:
        # Inside a write transaction no other connection commits: no need to ask SQLite (see `sqlite_turn`).
        if memory.too_big():
            memory.clear()
        return memory, turn[2]
    if _dialect(session) != "sqlite":
        return None
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        return None
    version = driver.execute("PRAGMA data_version").fetchone()[0]
    if memory.connection is not driver or memory.data_version != version or memory.too_big():
        memory.clear()
        memory.connection, memory.data_version = driver, version
    return memory, driver


def _connection(session: Session) -> Connection:
    """The session's connection (the one of the `sqlite_turn` in progress without asking the session)."""
    memory = _memory.get()
    turn = None if memory is None else memory.sqlite_turn
    if turn is not None and turn[0] is session:
        return turn[1]
    return session.connection()


@contextmanager
def sqlite_turn(session: Session) -> Iterator[None]:
    """SQLite: the block runs inside `session`'s write transaction (BEGIN IMMEDIATE), one document of ingest.

    While a connection holds SQLite's write lock no other connection can commit, so what `remembered_blocking`
    remembered is checked against other writers once, here, instead of at every look-up. Anywhere else (no
    memory, PostgreSQL, a read transaction) the block runs as it would without it.
    """
    memory = _memory.get()
    connection = session.connection() if memory is not None and memory.sqlite_turn is None else None
    active = None
    if connection is not None and connection.get_execution_options().get("claimdb_write", False):
        active = _active_memory(session)
    if memory is None or active is None or not active[1].in_transaction:
        yield
        return
    assert connection is not None
    memory.sqlite_turn = (session, connection, active[1])
    try:
        yield
    finally:
        memory.sqlite_turn = None


_NEWEST_AND = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
_EVERY_AND = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid"
_NEWER_AND = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? AND rowid > ? ORDER BY rowid DESC LIMIT ?"
_NEWEST_INDEXED = "SELECT max(id) FROM claims_fts_docsize"  # one row per indexed claim (columnsize=1)


_INDEXED_SINCE = "SELECT count(*) FROM claims_fts_docsize WHERE id > ?"


def _reported_and_ids(
    connection: Connection, memory: _Memory, terms: Sequence[str], since: int, newest: int, limit: int
) -> list[int] | None:
    """The newest claims above `since` holding every term, from the claims reported with `claim_indexed`;
    None when those are not all the claims indexed since (then the index must be asked)."""
    start = bisect_right(memory.indexed_ids, since)
    if start == len(memory.indexed_ids) or memory.indexed_ids[-1] != newest:
        return None
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    if driver.execute(_INDEXED_SINCE, (since,)).fetchone()[0] != len(memory.indexed_ids) - start:
        return None
    # MATCH gets each term's surface form (see _fts5_or_query) and stems it: compare with that stem.
    matched: list[str] = []
    for literal in (_surface_forms.get(t, t) for t in terms):
        stems = _sqlite_stems(connection, [literal])[0]
        if len(stems) != 1:
            return None
        matched.append(stems[0])
    lists = [memory.postings.get(stem, []) for stem in matched]
    shortest = min(lists, key=len)
    found: list[int] = []
    for claim_id in reversed(shortest):
        if claim_id <= since or len(found) == limit:
            break
        if all(stem in memory.indexed[claim_id] for stem in matched):
            found.append(claim_id)
    return found


def _newest_and_ids(driver: sqlite3.Connection, query: str, limit: int, bound: int | None) -> list[int]:
    """The ids of the newest `limit` claims matching an AND query, newest first.

    With `bound` (the AND matches at most that many claims: fewer than `DF_CAP`), every match is read oldest
    first and the newest kept: the same ids, and at a million claims about half the time of FTS5's newest-first
    walk, which for an AND of a rare and a common term reads the common term's postings backwards to the end.
    """
    if bound is not None:
        return [r[0] for r in driver.execute(_EVERY_AND, (query,)).fetchall()[: -limit - 1 : -1]]
    return [r[0] for r in driver.execute(_NEWEST_AND, (query, limit))]


def _remembered_and_ids(
    connection: Connection, memory: _Memory, terms: Sequence[str], limit: int, bound: int | None = None
) -> list[int]:
    """The ids of the newest `limit` claims holding every term, newest first (see `remembered_blocking`).

    `bound`: at most that many claims hold every term (see `_newest_and_ids`)."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    query = _fts5_or_query(terms, "AND")
    key = (" ".join(sorted(terms)), limit)  # the same claims in any order, and whatever surface forms MATCH gets
    newest = driver.execute(_NEWEST_INDEXED).fetchone()[0] or 0
    known = memory.and_ids.get(key)
    if known is None:
        ids = _newest_and_ids(driver, query, limit, bound)
    elif newest > known[0]:
        # The index only grows at its end (fts_sync indexes rows above the highest id it holds).
        newer = _reported_and_ids(connection, memory, terms, known[0], newest, limit)
        if newer is None:
            newer = [r[0] for r in driver.execute(_NEWER_AND, (query, known[0], limit))]
        ids = newer + list(known[1][: limit - len(newer)])
    else:
        ids = list(known[1])
    memory.and_ids[key] = (newest, tuple(ids))
    return ids


def pg_turn_begins(session: Session, xid: int, snapshot: str) -> None:
    """PostgreSQL: a writer's turn (one document, under ingest's advisory lock) starts; `xid` is its transaction
    id and `snapshot` a `pg_current_snapshot()` taken in the statement that assigned it.

    PostgreSQL has no `data_version`; transaction ids stand in for it. A turn is quiet when every transaction
    id below its own had completed (the snapshot's xmax is the turn's id, nothing in progress). When this turn
    and the previous one are quiet, the previous one committed and their ids are consecutive, no other
    transaction (of any database on the server) can have committed a write in between, so what blocking
    remembered still holds; otherwise the memory starts again empty. Until `pg_turn_ends`, claim rows and
    figures read are remembered (see `remembered_blocking`).
    """
    memory = _memory.get()
    if memory is None:
        return
    pool = session.get_bind().engine.pool
    _xmin, xmax, in_progress = snapshot.split(":")
    quiet = int(xmax) == xid and not in_progress
    last = memory.pg_last
    holds = last is not None and last[0] is pool and last[2] and last[3] and quiet and xid == last[1] + 1
    if not holds or memory.connection is not pool or memory.too_big():
        memory.clear()
        memory.connection = pool
    memory.pg_last = (pool, xid, quiet, False)
    memory.pg_active = True


def pg_turn_ends(committed: bool) -> None:
    """PostgreSQL: the turn started by `pg_turn_begins` ended; its writes are committed, or else forgotten."""
    memory = _memory.get()
    if memory is None or not memory.pg_active:
        return
    memory.pg_active = False
    if committed and memory.pg_last is not None:
        memory.pg_last = (*memory.pg_last[:3], True)
    else:
        memory.clear()
        memory.pg_last = None


def _remembered(session: Session) -> _Memory | None:
    """The enclosing `remembered_blocking` memory, when it may be used now (SQLite, or a PostgreSQL turn)."""
    memory = _memory.get()
    if memory is None:
        return None
    if _dialect(session) == "postgresql":
        return memory if memory.pg_active and memory.connection is session.get_bind().engine.pool else None
    active = _active_memory(session)
    return None if active is None else active[0]


def _claims_by_id(session: Session, claim_ids: Sequence[int]) -> list[Candidate]:
    """Candidates for the given claim ids, in the order given (score 0)."""
    if not claim_ids:
        return []
    active = _remembered(session)
    if active is not None:
        remembered = active.claims
        missing = [i for i in claim_ids if i not in remembered]
        if missing:
            remembered.update((c.claim_id, c) for c in _read_claims(session, missing))
        return [remembered[i] for i in claim_ids if i in remembered]
    return _read_claims(session, claim_ids)


def _read_claims(session: Session, claim_ids: Sequence[int]) -> list[Candidate]:
    columns = "id, claimant_id, canonical_text, title, external_id, first_said_on, last_said_on"
    rows: Iterable[Sequence[Any]]
    if _dialect(session) == "postgresql":
        # One statement text for any number of ids, so the driver prepares it once.
        rows = pg_rows(session, f"SELECT {columns} FROM claims WHERE id = ANY(:ids)", {"ids": list(claim_ids)})
    else:
        marks = ", ".join("?" * len(claim_ids))
        rows = _sqlite_rows(
            _connection(session), f"SELECT {columns} FROM claims WHERE id IN ({marks})", tuple(claim_ids)
        )
    by_id = {r[0]: candidate_from_row(r, 0.0) for r in rows}
    return [by_id[i] for i in claim_ids if i in by_id]


# --- PostgreSQL ---------------------------------------------------------------------------------------------


def _tsquery_literal(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


# Per connection pool: the terms of the texts stemmed ahead by `stem_ahead` (one document's statements).
_pg_stemmed: weakref.WeakKeyDictionary[object, dict[tuple[str, frozenset[str]], list[str]]] = (
    weakref.WeakKeyDictionary()
)
_PG_TERMS = (
    "SELECT ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', t.body)) "
    "WHERE lexeme <> ALL (SELECT unnest(tsvector_to_array(to_tsvector('english', :stop)))) ORDER BY positions[1]) "
    "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS t(body, n) ORDER BY t.n"
)


def stem_ahead(session: Session, texts: Sequence[str], stopwords: frozenset[str] = frozenset()) -> None:
    """Stem `texts` ahead, so that `query_terms` of each of them needs no query (PostgreSQL: one round trip).

    Ingest stems a document's statements before matching them one by one. Only the last call's texts are
    kept. SQLite stems in this process: the words it has not seen yet are stemmed in one batch (one query of
    the private stemmer instead of one per statement and per new claim).
    """
    if _dialect(session) != "postgresql":
        if texts:
            _sqlite_stems(_connection(session), texts)
        return
    ahead = _pg_stemmed.get(session.get_bind().engine.pool)
    if ahead is not None and all((text, stopwords) in ahead for text in texts):
        return  # stemmed already, with the turn's first queries (see `pg_stem_query`)
    query, parameters = pg_stem_query(texts, stopwords)
    pg_stems_read(session, texts, pg_rows(session, query, parameters), stopwords)


def pg_stem_query(texts: Sequence[str], stopwords: frozenset[str] = frozenset()) -> tuple[str, dict[str, Any]]:
    """The query (and its parameters) that stems `texts` for `stem_ahead`, to send along with others."""
    return _PG_TERMS, {"texts": list(dict.fromkeys(texts)), "stop": " ".join(sorted(stopwords))}


def pg_stems_read(
    session: Session, texts: Sequence[str], rows: Sequence[Sequence[Any]], stopwords: frozenset[str] = frozenset()
) -> None:
    """Keep the rows of `pg_stem_query(texts, stopwords)` for `query_terms`."""
    unique = list(dict.fromkeys(texts))
    _pg_stemmed[session.get_bind().engine.pool] = {
        (text, stopwords): list(row[0]) for text, row in zip(unique, rows, strict=True)
    }


def _pg_query_terms(session: Session, text: str, stopwords: frozenset[str]) -> list[str]:
    ahead = _pg_stemmed.get(session.get_bind().engine.pool)
    if ahead is not None and (text, stopwords) in ahead:
        return list(ahead[(text, stopwords)])
    rows = pg_rows(
        session,
        "SELECT lexeme FROM unnest(to_tsvector('english', :body)) "
        "WHERE lexeme <> ALL (SELECT unnest(tsvector_to_array(to_tsvector('english', :stop)))) "
        "ORDER BY positions[1]",
        {"body": text, "stop": " ".join(sorted(stopwords))},
    )
    return [r[0] for r in rows]


STATISTICS_MAX_AGE = 300.0  # seconds before PostgreSQL's planner statistics (common terms, row count) are read again


@dataclass(frozen=True, slots=True)
class _PgStatistics:
    read_at: float
    rows: float  # the planner's row count of claims
    shares: Mapping[str, float]  # ANALYZE's most common lexemes: the share of claims holding each
    common: dict[int, frozenset[str]] = field(default_factory=dict)  # per cap: terms in that many claims or more


# Per connection pool (gone with it): the planner statistics as last read.
_pg_statistics: weakref.WeakKeyDictionary[object, _PgStatistics] = weakref.WeakKeyDictionary()


def _pg_statistics_read(session: Session) -> _PgStatistics:
    pool = session.get_bind().engine.pool
    known = _pg_statistics.get(pool)
    if known is not None and time.monotonic() - known.read_at < STATISTICS_MAX_AGE:
        return known
    row = session.execute(
        sql(
            "SELECT CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs, c.reltuples "
            "FROM pg_stats AS s JOIN pg_class AS c ON c.oid = to_regclass(quote_ident(s.schemaname) || '.claims') "
            "WHERE s.schemaname = current_schema() AND s.tablename = 'claims' AND s.attname = 'search_vector'"
        )
    ).first()
    shares: dict[str, float] = {}
    rows = 0.0
    if row is not None and row[0] is not None and row[1] is not None:
        # Frequencies are shares of the rows; the array ends with three summary values zip() leaves out.
        rows = max(float(row[2] or 0), 0.0)
        shares = dict(zip(row[0], (float(share) for share in row[1]), strict=False))
    known = _PgStatistics(time.monotonic(), rows, shares)
    _pg_statistics[pool] = known
    return known


def pg_statistics_common(session: Session, df_cap: int) -> frozenset[str]:
    """Terms that the planner statistics (ANALYZE's most common lexemes) put in `df_cap` claims or more."""
    statistics = _pg_statistics_read(session)
    if df_cap not in statistics.common:
        shares, rows = statistics.shares, statistics.rows
        statistics.common[df_cap] = frozenset(t for t, share in shares.items() if share * rows >= df_cap)
    return statistics.common[df_cap]


def pg_term_rows(
    session: Session, terms: Sequence[str], cap: int = DF_CAP, budget: int = ROW_BUDGET
) -> dict[str, tuple[int, tuple[int, ...]]]:
    """As `sqlite_term_rows`: capped counts, and the claim ids of terms within the row budget."""
    if not terms:
        return {}
    rows = pg_rows(
        session,
        "SELECT t.term, h.n, h.ids FROM unnest(CAST(:terms AS text[]), CAST(:queries AS text[])) AS t(term, query) "
        "CROSS JOIN LATERAL (SELECT count(*) AS n, CASE WHEN count(*) <= :budget THEN array_agg(x.id) END AS ids "
        "FROM (SELECT id FROM claims WHERE search_vector @@ CAST(t.query AS tsquery) LIMIT :cap) AS x) AS h",
        {
            "terms": list(terms),
            "queries": [_tsquery_literal(t) for t in terms],
            "cap": cap,
            "budget": budget,
        },
    )
    return {term: (int(n), tuple(ids or ())) for term, n, ids in rows}


# Blocking on PostgreSQL ranks at most this many of the keys' claims when it ORs keys whose claims it has not
# read already: ts_rank reads every row it ranks. (An AND of two common words matched tens of thousands of
# claims at a million, 90 ms to rank them all; ANDs now read the newest matches instead, see `_pg_newest_and`.)
PG_BLOCKING_ROWS = 250


def _pg_candidates(
    session: Session,
    terms: Sequence[str],
    k: int,
    weights: tuple[float, float],
    operator: str = "OR",
    row_cap: int | None = None,
) -> list[Candidate]:
    # ts_rank weights are {D, C, B, A}: canonical text is weight A, the title weight B.
    rank_weights = f"{{0.05, 0.1, {0.4 * weights[1]:f}, {0.4 * weights[0]:f}}}"
    # With `row_cap`, the first matches the GIN index yields (no ORDER BY: an ordered scan of the primary key
    # filtered by @@ is what the planner picks for an ORDER BY ... LIMIT, and takes 200 ms when the words are
    # rarer together than it guessed).
    matches = (
        "claims"
        if row_cap is None
        else "(SELECT * FROM claims WHERE search_vector @@ CAST(:query AS tsquery) LIMIT :cap)"
    )
    rows = pg_rows(
        session,
        "SELECT c.id, c.claimant_id, c.canonical_text, c.title, c.external_id, c.first_said_on, "
        "c.last_said_on, ts_rank(CAST(:weights AS float4[]), c.search_vector, q.query) AS rank "
        f"FROM {matches} AS c, (SELECT CAST(:query AS tsquery) AS query) AS q "
        "WHERE c.search_vector @@ q.query ORDER BY rank DESC, c.id LIMIT :k",
        {
            "weights": rank_weights,
            "query": (" | " if operator == "OR" else " & ").join(_tsquery_literal(t) for t in terms),
            "k": k,
            "cap": row_cap,
        },
    )
    return [candidate_from_row(r, float(r[7])) for r in rows]


# An AND of two words that are both common cannot be read through the GIN index at a flat cost: the index scan
# decodes both posting lists (tens of thousands of claims each at a million) before the first row is read, and
# its matches come in table order, oldest first. PostgreSQL blocking therefore walks the primary key from the
# newest claim back and tests each claim's search vector, as SQLite's FTS5 reads an AND newest first: the walk
# stops at the `k` newest matches, so its length follows how often the words occur together, not the size of
# the archive. It reads at most this many of the newest claims; matches older than that are not candidates.
# At 1M statements (100 articles, 558 ANDs): 3.1 -> 0.4 ms per AND of the server's time.
PG_AND_WALK_CLAIMS = 10_000
# An AND whose rarer word is in at most this many claims (an exact count, or the planner statistics' share)
# is read through the GIN index instead: a short posting list, every match read and the newest kept.
PG_AND_INDEX_CLAIMS = 1_000
_PG_CLAIM_COLUMNS = "id, claimant_id, canonical_text, title, external_id, first_said_on, last_said_on"
# The query is cast to tsquery once, in `m`: in a prepared statement's generic plan a cast in the walk's filter
# parses the query text again for every claim read (5x slower).
_PG_NEWEST = (
    "SELECT m.top, c.* FROM (SELECT max(id) AS top, CAST(:query AS tsquery) AS query FROM claims) AS m "
    "LEFT JOIN LATERAL ({}) AS c ON true"
)
# `id + 0`: the planner must not walk the primary key filtering by a word it thinks common.
_PG_AND_INDEXED = _PG_NEWEST.format(
    f"SELECT {_PG_CLAIM_COLUMNS} FROM claims WHERE search_vector @@ m.query AND id > :since "
    "ORDER BY id + 0 DESC LIMIT :k"
)
# `IS TRUE`: the same test, which the GIN index cannot answer, so the primary key is walked.
_PG_AND_WALK = _PG_NEWEST.format(
    f"SELECT {_PG_CLAIM_COLUMNS} FROM claims WHERE id > greatest(m.top - :window, :since) "
    "AND (search_vector @@ m.query) IS TRUE ORDER BY id DESC LIMIT :k"
)


def _pg_and_is_short(session: Session, terms: Sequence[str], bound: int | None) -> bool:
    """Whether the AND of `terms` is read through the GIN index: its rarer word is in few claims."""
    if bound is not None:
        return bound <= PG_AND_INDEX_CLAIMS
    statistics = _pg_statistics_read(session)
    counts = [statistics.shares[t] * statistics.rows for t in terms if t in statistics.shares]
    # A common word the statistics do not list is rarer than every word they list, but how rare is not known.
    return len(counts) == len(terms) and min(counts) <= PG_AND_INDEX_CLAIMS


def _pg_newest_and(session: Session, terms: Sequence[str], limit: int, bound: int | None) -> list[Candidate]:
    """PostgreSQL: the newest `limit` claims holding every term, newest first (score 0), as SQLite's blocking.

    `bound`: at most that many claims hold every term (the rarer term's exact count), when known. Inside an
    ingest turn (see `pg_turn_begins`) an AND asked before reads only the claims added since.
    """
    short = _pg_and_is_short(session, terms, bound)
    memory = _remembered(session)
    key = (" ".join(sorted(terms)) + (" +index" if short else ""), limit)
    known = memory.and_ids.get(key) if memory is not None else None
    rows = pg_rows(
        session,
        _PG_AND_INDEXED if short else _PG_AND_WALK,
        {
            "query": " & ".join(_tsquery_literal(t) for t in terms),
            "since": known[0] if known is not None else 0,
            "k": limit,
            "window": PG_AND_WALK_CLAIMS,
        },
    )
    top = int(rows[0][0] or 0) if rows else 0
    found = [candidate_from_row(r[1:], 0.0) for r in rows if r[1] is not None]
    if memory is None:
        return found
    ids = [c.claim_id for c in found]
    if known is not None:
        # The claims up to the remembered top are unchanged: the newest of them are the remembered ones (those
        # the walk's window has left since are dropped).
        oldest = 0 if short else top - PG_AND_WALK_CLAIMS
        ids += [i for i in known[1] if i > oldest][: limit - len(ids)]
    memory.and_ids[key] = (top, tuple(ids))
    memory.claims.update((c.claim_id, c) for c in found)
    return _claims_by_id(session, ids)


# --- one interface ------------------------------------------------------------------------------------------


def query_terms(session: Session, text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """The index terms (stems) of a text in first-seen order, without stop words (built-in plus `stopwords`)."""
    if _dialect(session) == "postgresql":
        return _pg_query_terms(session, text, stopwords)
    return _sqlite_query_terms(_connection(session), text, stopwords)


def _term_rows(session: Session, terms: Sequence[str]) -> dict[str, tuple[int, IdList | None]]:
    """Capped claim counts of the terms found, with the claim ids of those in at most `TERM_IDS_MAX` claims."""
    # Keyed by the engine's pool, which the reading and the writing engine share, and gone with it.
    common = _common_terms.setdefault(session.get_bind().engine.pool, set())
    unknown = [t for t in terms if t not in common]
    found: dict[str, tuple[int, IdList | None]]
    if _dialect(session) == "postgresql":
        # The planner statistics name the common terms already: their long posting lists are never counted.
        known_common = pg_statistics_common(session, DF_CAP)
        found = {t: (DF_CAP, None) for t in unknown if t in known_common}
        rows = pg_term_rows(session, [t for t in unknown if t not in known_common], budget=TERM_IDS_MAX)
        found.update((t, (n, ids or None)) for t, (n, ids) in rows.items())
    else:
        found = dict(_sqlite_term_lists(_connection(session), unknown, DF_CAP, TERM_IDS_MAX))
    if len(common) < _COMMON_TERMS_MAX:
        common.update(t for t, (n, _) in found.items() if n >= DF_CAP)
    found.update((t, (DF_CAP, None)) for t in terms if t in common)
    return {t: value for t, value in found.items() if value[0] > 0}


def document_frequencies(session: Session, terms: Sequence[str]) -> dict[str, int]:
    """How many claims contain each term, counted up to `DF_CAP`; terms in no claim are left out."""
    return {t: n for t, (n, _) in _term_rows(session, terms).items()}


@dataclass(frozen=True, slots=True)
class _Keys:
    terms: list[str]
    operator: str  # "OR" or "AND"
    claim_ids: tuple[int, ...] | None = None  # every claim the keys match, when already known, newest first
    bound: int | None = None  # AND: at most this many claims match (the rarer term's exact count), when known
    # The claims of each of the statement's terms in at most `TERM_IDS_MAX` claims: what ranks `claim_ids`
    # when not all of them are read (see `candidate_claims`).
    evidence: tuple[IdList, ...] = ()


def _by_evidence(claim_ids: Sequence[int], evidence: Sequence[IdList]) -> tuple[list[int], int]:
    """Claim ids, those holding more of the statement's rare terms first, then those holding rarer ones, newest
    first within a tie; and how many hold two or more of them."""
    # Each term held scores 1,000 plus its share (1 / its claims, at most 1: a term in few claims says more);
    # a statement has at most `_MAX_TERMS` terms, so the count of terms held decides first.
    score = dict.fromkeys(claim_ids, 0.0)
    by_text = {str(i): i for i in claim_ids}
    for ids in evidence:
        if isinstance(ids, str):  # SQLite's text, matched as text: no number parsed for the claims outside
            found = [by_text[claim] for claim in by_text.keys() & ids.split(",")]
            share = 1.0 / (ids.count(",") + 1)
        else:
            found = [claim for claim in ids if claim in score]
            share = 1.0 / len(ids)
        for claim_id in found:
            score[claim_id] += 1000.0 + share
    ranked = sorted(claim_ids, key=lambda i: (score[i], i), reverse=True)
    return ranked, sum(1 for value in score.values() if value >= 2000.0)


def _blocking_keys(session: Session, text: str, max_terms: int | None, stopwords: frozenset[str]) -> _Keys:
    terms = query_terms(session, text, stopwords)
    if max_terms is None:
        return _Keys(terms[:_MAX_TERMS], "OR")
    found = _term_rows(session, terms)
    present = [t for t in terms if t in found]
    present.sort(key=lambda t: (found[t][0], terms.index(t)))
    # Every term in at most `TERM_IDS_MAX` claims comes with the ids of its claims: the evidence that ranks the
    # keys' claims when only some of them are read.
    evidence = tuple(ids for t in present if (ids := found[t][1]))
    keys: list[str] = []
    rows = 0
    for term in present[:max_terms]:
        # Ranking cost grows with the rows the keys bring in (bm25 reads each row's sizes), so keys are added
        # only while their rows fit the budget: a key that brings in many more rows adds little.
        if keys and rows + found[term][0] > ROW_BUDGET:
            break
        keys.append(term)
        rows += found[term][0]
    if keys and found[keys[0]][0] > ROW_BUDGET:
        # Even the rarest term is frequent: the AND of the two rarest keeps the ranked rows few.
        rarest = found[present[0]][0]
        first, second = (found[t][1] for t in present[:2]) if len(present) > 1 else (None, None)
        if first and second and _dialect(session) == "sqlite":
            # Both terms' claims are known: their intersection is every match of the AND, newest first, as
            # FTS5 would read them. (PostgreSQL walks only the newest claims for an AND: see `_pg_newest_and`.)
            both = set(_ids(first)).intersection(_ids(second))
            return _Keys(present[:2], "AND", tuple(sorted(both, reverse=True)))
        return _Keys(present[:2], "AND", bound=rarest if rarest < DF_CAP else None)
    known = [found[t][1] for t in keys]
    if any(ids is None for ids in known):
        return _Keys(keys, "OR")
    pool = {i for ids in known for i in _ids(ids or ())}
    return _Keys(keys, "OR", tuple(sorted(pool, reverse=True)), evidence=evidence)


def blocking_terms(
    session: Session, text: str, max_terms: int | None = 3, stopwords: frozenset[str] = frozenset()
) -> list[str]:
    """The rarest `max_terms` indexed terms of `text` (all of them, up to a cap, when None)."""
    return _blocking_keys(session, text, max_terms, stopwords).terms


def candidate_claims(
    session: Session,
    text: str,
    *,
    k: int = 50,
    budget: int | None = None,
    exclude_claim_ids: Iterable[int] = (),
    max_terms: int | None = 3,
    weights: tuple[float, float] = (1.0, 1.0),
    stopwords: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Up to `k` claims sharing the rarest terms of `text`; fewer when `budget` is given and evidence ranks them.

    With `max_terms=None` they come best full-text score first. With rarity blocking they come with score 0:
    FTS5's bm25 would cost time growing with the archive, and the keys' row budget keeps the set small enough
    for the comparisons to rank. When two or more of the statement's terms are in fewer than `DF_CAP` claims,
    their claims are known, and the keys' claims come those holding more of these terms first (then rarer
    ones, then newest); with `budget`, every claim holding two or more of them is read and those holding one
    only while fewer than `budget` are read, so that a rare word shared with more claims in a larger archive
    does not mean more claims read. Otherwise they come newest first; the AND of two common terms comes newest
    first on PostgreSQL too (from the newest `PG_AND_WALK_CLAIMS` claims when both terms are common).

    `max_terms=None` ORs every content term (best recall, slower on a large archive); `weights` weigh the
    canonical text and the title in the score; `stopwords` are extra words never used as keys.
    """
    keys = _blocking_keys(session, text, max_terms, stopwords)
    terms, operator = keys.terms, keys.operator
    if not terms:
        return []
    excluded = set(exclude_claim_ids)
    if keys.claim_ids is not None:
        # The keys' claims are already known: read just those rows. When they are more than `budget` and the
        # statement's rare terms rank them, every claim holding two or more of those terms is read, and those
        # holding a single one only while fewer than `budget` are read: however many claims share one rare word
        # with the statement as the archive grows.
        wanted = [i for i in keys.claim_ids if i not in excluded]
        limit = k if budget is None else min(k, budget)
        if len(wanted) > limit and len(keys.evidence) > 1:
            # Not all of them are read: those holding more of the statement's rare terms first.
            wanted, strong = _by_evidence(wanted, keys.evidence)
            if budget is not None:
                wanted = wanted[: max(strong, budget)]
        return _claims_by_id(session, wanted[:k])
    if _dialect(session) == "postgresql" and operator == "AND" and max_terms is not None:
        found = _pg_newest_and(session, terms, k + len(excluded), keys.bound)
        return [c for c in found if c.claim_id not in excluded][:k]
    active = _active_memory(session) if operator == "AND" and max_terms is not None else None
    if active is not None:
        ids = _remembered_and_ids(_connection(session), active[0], terms, k + len(excluded), keys.bound)
        return _claims_by_id(session, [i for i in ids if i not in excluded][:k])
    if operator == "AND" and max_terms is not None and _dialect(session) == "sqlite":
        # As inside `remembered_blocking`: the matches' ids first (a bounded AND read oldest first), then
        # their rows by id.
        driver = _connection(session).connection.driver_connection
        if isinstance(driver, sqlite3.Connection):
            ids = _newest_and_ids(driver, _fts5_or_query(terms, "AND"), k + len(excluded), keys.bound)
            return _claims_by_id(session, [i for i in ids if i not in excluded][:k])
    if _dialect(session) == "postgresql":
        cap = None if max_terms is None else max(PG_BLOCKING_ROWS, k + len(excluded))
        found = _pg_candidates(session, terms, k + len(excluded), weights, operator, row_cap=cap)
    else:
        found = _sqlite_candidates(
            session.connection(), terms, k + len(excluded), weights, operator, ranked=max_terms is None
        )
    return [c for c in found if c.claim_id not in excluded][:k]


def claim_figures(session: Session, claim_ids: Iterable[int]) -> dict[int, tuple[Figure, ...]]:
    """The figures of each claim's first statement (claims without statements are absent)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    active = _remembered(session)
    if active is not None:
        remembered = active.figures
        missing = [i for i in ids if i not in remembered]
        if missing:
            found = _read_figures(session, missing)
            # A claim without figures (or without statements yet) is remembered as such: a statement that
            # joins it later is reported with `claim_changed`.
            remembered.update((i, found.get(i, ())) for i in missing)
        return {i: remembered[i] for i in ids if remembered[i]}
    return _read_figures(session, ids)


def _read_figures(session: Session, ids: Sequence[int]) -> dict[int, tuple[Figure, ...]]:
    # The first statements come from the claim_id index alone (it holds the ids): the statements table, the
    # largest one, is not read.
    query = (
        "SELECT m.claim_id, f.surface, f.char_start, f.char_end, f.value, f.value_max, f.unit, f.qualifier "
        "FROM (SELECT claim_id, min(id) AS statement_id FROM statements WHERE claim_id {} GROUP BY claim_id) AS m "
        "JOIN figures AS f ON f.statement_id = m.statement_id "
        "ORDER BY m.claim_id, f.char_start"
    )
    rows: Sequence[Sequence[Any]]
    if _dialect(session) == "postgresql":
        # One statement text for any number of ids, so the driver prepares it once.
        rows = pg_rows(session, query.format("= ANY(:ids)"), {"ids": ids})
    else:
        marks = ", ".join("?" * len(ids))
        rows = _sqlite_rows(_connection(session), query.format(f"IN ({marks})"), tuple(ids))
    figures: dict[int, list[Figure]] = {}
    for claim_id, surface, start, end, value, value_max, unit, qualifier in rows:
        figures.setdefault(claim_id, []).append(
            Figure(surface or "", start or 0, end or 0, value, value_max, unit, qualifier or "exact")
        )
    return {claim_id: tuple(found) for claim_id, found in figures.items()}


def linked_claim_ids(session: Session, claim_id: int) -> set[int]:
    """Claims already linked to `claim_id` with any status (a rejected pair must not be proposed again)."""
    if _dialect(session) != "postgresql":
        # Straight to SQLite's cursor: SQLAlchemy's text() execution cost ten times the query (0.3 ms at 1M).
        found = _sqlite_rows(_connection(session), _LINKED_SQLITE, (claim_id, claim_id))
        return {r[0] for r in found}
    rows = session.execute(sql(_LINKED), {"c": claim_id}).fetchall()
    return {r[0] for r in rows}


_LINKED = (
    "SELECT claim_b_id FROM claim_links WHERE claim_a_id = :c "
    "UNION SELECT claim_a_id FROM claim_links WHERE claim_b_id = :c"
)
_LINKED_SQLITE = _LINKED.replace(":c", "?")
