"""Match cost per statement as the archive grows: 10k, 100k and (optionally) 1M generated claims on SQLite.

    .venv/bin/python benchmarks/match_scale.py [--sizes 10000,100000,1000000] [--db PATH] [--statements 300]

Claims are synthetic sentences drawn from a Zipf-distributed vocabulary (like news words: a few very common,
a long tail of rare ones). The database is created by the real migrations, then grown in place to each size
with executemany in transactions of 50,000 claims, each ending as claimdb's own bulk writes end (an import
batch, a bulk load: `claimdb.db.maintenance.after_bulk_write`): the new rows indexed, then a merge of the
full-text segments in proportion to them (`--no-merge` leaves that out, as this script did until session 10).
At each size `match_statement` runs on the same statements (half reworded repeats of stored claims, half new
text) and the script prints the mean, p50 and p95 cost in milliseconds, the ratio to the smallest size
(target: flat, <= 1.5x, and < 5 ms), how many candidates blocking read and how many got the full
comparisons, per statement (counted in a pass of their own, after the timed one), and the mean CPU time of
the timed pass with its ratio (steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import claimdb.matching.engine as engine
from claimdb.db.claim_index import candidate_claims
from claimdb.db.engine import open_database
from claimdb.db.fts_sync import index_new_rows
from claimdb.db.maintenance import after_bulk_write
from claimdb.matching import NewStatement, match_statement
from claimdb.matching.settings import DEFAULT_SETTINGS

VOCABULARY = 60_000
SEED = 20240601


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    return sorted(words)


class SentenceMaker:
    """Sentences of 10-24 words, word i drawn with probability ~ 1/(i+1) (Zipf)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(random.Random(SEED))
        weights = [1.0 / (i + 1) for i in range(len(self.words))]
        total = sum(weights)
        self.cumulative = []
        running = 0.0
        for w in weights:
            running += w / total
            self.cumulative.append(running)

    def sentence(self) -> str:
        n = self.rng.randint(10, 24)
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=n))


def grow(path: Path, target: int, maker: SentenceMaker, batch: int = 50_000, merge: bool = True) -> float:
    """Add claims until the table holds `target` rows; returns seconds spent."""
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    (have,) = connection.execute("SELECT count(*) FROM claims").fetchone()
    now = datetime.now(UTC).isoformat(sep=" ")
    while have < target:
        n = min(batch, target - have)
        with connection:
            connection.executemany(
                "INSERT INTO claims (canonical_text, appearance_count, created_at) VALUES (?, 1, ?)",
                ((maker.sentence(), now) for _ in range(n)),
            )
            # Raw inserts reach the full-text index only when indexed (there are no insert triggers since
            # migration 0005); without this, blocking would search an empty index.
            indexed = index_new_rows(connection)
            if merge:
                after_bulk_write(connection, indexed)
        have += n
    connection.close()
    return time.perf_counter() - started


def sample_statements(path: Path, count: int, maker: SentenceMaker) -> list[str]:
    """Half: stored claims with a word dropped (repeats/paraphrases); half: new sentences."""
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT canonical_text FROM claims WHERE id % 97 = 3 ORDER BY id LIMIT ?", (count // 2,)
    ).fetchall()
    connection.close()
    statements = []
    for (text,) in rows:
        words = text.split()
        del words[len(words) // 2]
        statements.append(" ".join(words))
    statements += [maker.sentence() for _ in range(count - len(statements))]
    return statements


def measure(url: str, statements: list[str]) -> tuple[list[float], float, float, float]:
    """Milliseconds of match_statement per statement, after a warm-up pass over the same statements; the
    mean number of candidates and of full comparisons per statement; and the mean CPU milliseconds (this
    process: steadier than wall time when other jobs share the machine).

    The warm-up fills the page cache and the per-engine cache of common terms, as a long ingest would.
    """
    database = open_database(url)
    costs = []
    cpu = 0.0
    settings = DEFAULT_SETTINGS
    with database.session() as session:
        for text in statements:
            match_statement(session, NewStatement(text))
        for text in statements:
            cpu_started = time.process_time()
            started = time.perf_counter()
            match_statement(session, NewStatement(text, claimant_id=None))
            costs.append(1000 * (time.perf_counter() - started))
            cpu += time.process_time() - cpu_started
        candidates = sum(
            len(
                candidate_claims(
                    session,
                    text,
                    k=settings.candidates,
                    budget=settings.candidate_budget,
                    max_terms=settings.blocking_terms,
                )
            )
            for text in statements
        )
        compared = 0
        compare = engine.compare

        def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal compared
            compared += 1
            return compare(*args, **kwargs)

        engine.compare = counted  # type: ignore[assignment]
        try:
            for text in statements:
                match_statement(session, NewStatement(text, claimant_id=None))
        finally:
            engine.compare = compare  # type: ignore[assignment]
    database.dispose()
    return costs, candidates / len(statements), compared / len(statements), 1000 * cpu / len(statements)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated claim counts, increasing")
    parser.add_argument("--db", help="SQLite file to build or grow (default: a temporary file)")
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument(
        "--no-merge", action="store_true", help="grow without the merge that ends claimdb's bulk writes (before)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "scale.db"
        url = f"sqlite:///{path}"
        open_database(url).dispose()  # the real migrations create the schema
        maker = SentenceMaker(SEED + 1)
        statements: list[str] | None = None
        baseline: tuple[float, float, float] | None = None
        print(
            f"{'claims':>9} {'build s':>8} {'mean ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'vs first':>8} "
            f"{'p50 vs':>7} {'cands':>6} {'compared':>8} {'cpu ms':>7} {'cpu vs':>7}"
        )
        for size in sizes:
            built = grow(path, size, maker, merge=not args.no_merge)
            if statements is None:
                statements = sample_statements(path, args.statements, SentenceMaker(SEED + 2))
            costs, candidates, compared, cpu = measure(url, statements)
            mean = statistics.fmean(costs)
            p50 = statistics.median(costs)
            p95 = statistics.quantiles(costs, n=20)[18]
            baseline = baseline or (mean, p50, cpu)
            print(
                f"{size:>9} {built:>8.1f} {mean:>8.2f} {p50:>7.2f} {p95:>7.2f} {mean / baseline[0]:>7.2f}x "
                f"{p50 / baseline[1]:>6.2f}x {candidates:>6.1f} {compared:>8.2f} "
                f"{cpu:>7.2f} {cpu / baseline[2]:>6.2f}x",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
