"""SQLite: FTS5 merges 16 segments of a level at a time instead of 4 (hand-written; autogenerate skips it)

Each ingest transaction writes one small segment to each full-text index. With FTS5's default `automerge=4`,
every few commits also carry a share of merging four segments of a level, including the archive's large
ones; at a million statements that merging was the part of the commit that grew with the archive (1M vs 10k:
about 11 more 4 KiB pages written per article). With 16, the small segments of recent commits are merged
among themselves, sixteen at a time, and the large segments far less often. The cost is more segments for the
queries to read between merges (bounded: FTS5 still merges a level at 16); `claimdb db optimize` merges
everything into one segment. Figures in benchmarks/RESULTS.md (session 6). PostgreSQL: nothing to do.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_TABLES = ("claims_fts", "statements_fts")
AUTOMERGE = 16
FTS5_DEFAULT_AUTOMERGE = 4


def _set_automerge(value: int) -> None:
    # A persistent FTS5 setting: a row in the table's `_config` shadow table, read by every connection.
    for table in FTS_TABLES:
        op.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', {int(value)})")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _set_automerge(AUTOMERGE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _set_automerge(FTS5_DEFAULT_AUTOMERGE)
