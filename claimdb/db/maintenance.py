"""Keep a large archive's full-text index and planner statistics in shape: `claimdb db optimize`, and the
bounded merge that ends every bulk write.

SQLite: each ingest transaction adds a small segment to each FTS5 index, and FTS5 merges them only from time to
time, so a long-lived archive holds dozens of segments; every blocking and search query reads each segment's
posting lists. `optimize` merges each index into one segment (at 743k claims: 0.8 s, after which the blocking
queries of an ingest took half the time; benchmarks/RESULTS.md).

A bulk write (a transaction or an ingest run that indexed at least `BULK_ROWS` rows: an import batch, a bulk
load) leaves many segments at once: FTS5 writes one each time its ~1 MB of pending terms fills, and with
`automerge=16` (migration 0006) up to 15 of them wait on a level. So a bulk write ends with `merge_segments`:
FTS5's own incremental merge of the levels holding four segments or more, at most a number of pages in
proportion to the rows written. Built by 50,000-claim batches, the match benchmark's archive held 15 segments
at 100k claims and had blocking's term look-ups cost twice those at 10k; merged after each batch, 2 segments.

PostgreSQL: `ANALYZE` on claims and statements. Blocking and `match` read which words are common from the
planner statistics of `claims.search_vector` (claimdb/db/claim_index.py); autovacuum refreshes them on its own
schedule, this does it now (useful after a large import).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

from claimdb.db import fts_sync

if TYPE_CHECKING:  # the engine calls `after_bulk_write`: no import of it at run time
    from claimdb.db.engine import Database

FTS_TABLES = tuple(fts for fts, _, _ in fts_sync.FTS_TABLES)  # ("claims_fts", "statements_fts")
ANALYZED_TABLES = ("claims", "statements", "claimants", "documents", "claim_links")
# A write that indexed this many rows or more ends with a bounded merge. An ingest transaction indexes a few
# (one document); an import batch 500 claims.
BULK_ROWS = 256
# Merge budget: pages (pgsz, 4 KB) per row written. In a bulk transaction a page holds the terms of about 50
# claims, and with FTS5 merging four segments of a level at a time each page is rewritten about once per level
# (log4 of the index's pages: about 7 at a million claims), so 1/8 of a page per row keeps up with what bulk
# writes add. An ingest run's one-document transactions were merged as they went (FTS5's automerge), and at a
# million statements what is left is mostly a large merge in progress: a quarter of that budget (150 articles,
# 1,715 rows: 64 pages, ~10 ms of CPU, under 1 % of the run; the full budget, 214 pages, took ~37 ms).
MERGE_ROWS_PER_PAGE = 8
INGEST_ROWS_PER_PAGE = 32
MERGE_PAGES_MIN = 64


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


def merge_budget(rows: int, rows_per_page: int = MERGE_ROWS_PER_PAGE) -> int:
    """The most pages `merge_segments` writes after a bulk write of `rows` rows (0: not a bulk write)."""
    if rows < BULK_ROWS:
        return 0
    return max(MERGE_PAGES_MIN, rows // rows_per_page)


def merge_segments(connection: sqlite3.Connection, pages: int) -> bool:
    """SQLite: FTS5's incremental merge on each full-text index, up to about `pages` pages written per index.

    Merges the levels holding four segments or more (FTS5's `usermerge`), and carries on a merge already
    started; runs in the caller's transaction. Returns whether any merging was done.
    """
    if pages <= 0:
        return False
    merged = False
    for table in FTS_TABLES:
        before = connection.total_changes
        connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", (int(pages),))
        # FTS5's documented test: a command that merged nothing changes fewer than two rows.
        merged = merged or connection.total_changes - before >= 2
    return merged


def after_bulk_write(connection: sqlite3.Connection, rows: int, rows_per_page: int = MERGE_ROWS_PER_PAGE) -> bool:
    """SQLite: end a write that indexed `rows` rows with a merge in proportion, if it was a bulk write."""
    return merge_segments(connection, merge_budget(rows, rows_per_page))


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
