"""`claimdb db optimize`: keep a large archive's full-text index and planner statistics in shape.

SQLite: each ingest transaction adds a small segment to each FTS5 index, and FTS5 merges them only from time to
time, so a long-lived archive holds dozens of segments; every blocking and search query reads each segment's
posting lists. `optimize` merges each index into one segment (at 743k claims: 0.8 s, after which the blocking
queries of an ingest took half the time; benchmarks/RESULTS.md).

PostgreSQL: `ANALYZE` on claims and statements. Blocking and `match` read which words are common from the
planner statistics of `claims.search_vector` (claimdb/db/claim_index.py); autovacuum refreshes them on its own
schedule, this does it now (useful after a large import).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import text

from claimdb.db import fts_sync
from claimdb.db.engine import Database

FTS_TABLES = tuple(fts for fts, _, _ in fts_sync.FTS_TABLES)  # ("claims_fts", "statements_fts")
ANALYZED_TABLES = ("claims", "statements", "claimants", "documents", "claim_links")


@dataclass(frozen=True)
class OptimizeReport:
    """What `optimize` did: the tables it worked on and how long it took."""

    merged: tuple[str, ...]
    analyzed: tuple[str, ...]
    seconds: float


def fts_segments(database: Database, table: str) -> int:
    """Number of segments in one SQLite FTS5 index (one row per segment and leading term page in `_idx`)."""
    if table not in FTS_TABLES:
        raise ValueError(f"not a claimdb full-text table: {table}")
    with database.session() as session:
        return int(session.execute(text(f"SELECT count(DISTINCT segid) FROM {table}_idx")).scalar_one())


def optimize(database: Database) -> OptimizeReport:
    """SQLite: merge the full-text indexes into one segment each. PostgreSQL: refresh the planner statistics.

    One write transaction on SQLite (other writers wait, readers go on); on PostgreSQL `ANALYZE` takes no lock
    that blocks reads or writes.
    """
    started = time.perf_counter()
    merged: tuple[str, ...] = ()
    with database.session(write=True) as session:
        if database.backend == "sqlite":
            for table in FTS_TABLES:
                session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
            merged = FTS_TABLES
        else:
            for table in ANALYZED_TABLES:
                session.execute(text(f"ANALYZE {table}"))
    analyzed = ANALYZED_TABLES if database.backend != "sqlite" else ()
    return OptimizeReport(merged=merged, analyzed=analyzed, seconds=time.perf_counter() - started)
