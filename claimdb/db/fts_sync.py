"""SQLite: new claims and statements reach their FTS5 tables without insert triggers (migration 0005).

Why no insert trigger: SQLite opens a statement journal for every statement that runs a trigger or has a
RETURNING clause, and FTS5 (up to SQLite 3.44) writes its pending terms to a new index segment at each such
savepoint. With triggers, every claim and statement inserted during a document's transaction flushed the
previous one's terms into a one-row segment, and FTS5's merging of those many small segments into its large
ones is what grew with the archive (about 3 ms per article at 1M statements). Without them, each table
gets one segment per transaction, written at commit.

So: ingest indexes a claim right after inserting it (blocking must find it for the next statement of the same
document) and leaves its statements to the commit. `index_new_rows` indexes every other new row: the engine
runs it after each SQLAlchemy INSERT into claims or statements (so ORM and Core writers see their rows in the
index at once, as with triggers) and before each SQLite commit (`claimdb.db.engine`). Rows are found by id:
anything above the highest id the index holds. Update and delete triggers remain, and skip a row the index
does not hold yet.
"""

from __future__ import annotations

import sqlite3

# (FTS table, content table, indexed columns)
FTS_TABLES = (
    ("claims_fts", "claims", ("canonical_text", "title")),
    ("statements_fts", "statements", ("text",)),
)

INDEXED_TABLES = frozenset(content for _, content, _ in FTS_TABLES)
INDEX_CLAIM = "INSERT INTO claims_fts(rowid, canonical_text, title) VALUES (?, ?, ?)"

# One round trip says whether anything is missing. `_docsize` holds one row per indexed row (columnsize=1).
_MISSING = "SELECT " + ", ".join(
    f"(SELECT max(id) FROM {content}), (SELECT max(id) FROM {fts}_docsize)" for fts, content, _ in FTS_TABLES
)
_PRESENT = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({})".format(
    ", ".join(f"'{fts}_docsize'" for fts, _, _ in FTS_TABLES)
)


def _catch_up(fts: str, content: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(columns)
    return f"INSERT INTO {fts}(rowid, {names}) SELECT id, {names} FROM {content} WHERE id > ? ORDER BY id"


# Per connection, its count of changed rows when the index was last found whole: the same count later means
# this connection has written nothing since. sqlite3 connections take no weak references, so the entry holds
# the connection (an id alone could be a new connection's); a few pools' worth, then it starts again.
_whole_at: dict[int, tuple[sqlite3.Connection, int]] = {}
_WHOLE_AT_MAX = 64


def index_new_rows(connection: sqlite3.Connection) -> int:
    """Index the claims and statements inserted since the full-text index last grew; returns how many.

    Nothing to do, and no query, when this connection has changed no row since it last found the index whole
    (a read-only session's commit). Otherwise cheap when nothing is missing (two index look-ups per table).
    Rows that another connection inserted without indexing them are indexed at this connection's next write
    (or its first commit). A database without the FTS5 tables (not migrated yet) is left alone.
    """
    known = _whole_at.get(id(connection))
    if known is not None and known[0] is connection and known[1] == connection.total_changes:
        return 0
    try:
        found = connection.execute(_MISSING).fetchone()
    except sqlite3.OperationalError:
        if connection.execute(_PRESENT).fetchone()[0] == len(FTS_TABLES):
            raise
        return 0  # the tables do not exist yet: a migration is creating the schema
    indexed = 0
    for number, (fts, content, columns) in enumerate(FTS_TABLES):
        newest, newest_indexed = found[2 * number], found[2 * number + 1]
        if newest is not None and newest > (newest_indexed or 0):
            indexed += connection.execute(_catch_up(fts, content, columns), (newest_indexed or 0,)).rowcount
    if len(_whole_at) >= _WHOLE_AT_MAX:
        _whole_at.clear()
    _whole_at[id(connection)] = (connection, connection.total_changes)
    return indexed
