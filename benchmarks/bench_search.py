"""Search latency p50/p95 on a large database: `search`, `history` and `match`, as the library serves them.

Queries are drawn (seeded) from the generated corpus: one to three words of a stored statement for search,
a claimant's surname for history (first page of 50 rows, as a person reads it, and the full history), and
a reworded statement for match. Each query runs once to warm the cache path, then is timed.

    python benchmarks/bench_search.py --db /tmp/cbench/base-1000000.db --queries 200
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_ingest import machine  # noqa: E402
from sqlalchemy import text  # noqa: E402

from claimdb import query  # noqa: E402
from claimdb.config import resolve_database_url  # noqa: E402
from claimdb.db.engine import Database, open_database  # noqa: E402
from claimdb.matching import rank_claims  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def _samples(database: Database, count: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    rng = random.Random(seed)
    with database.session() as session:
        top = session.execute(text("SELECT max(id) FROM statements")).scalar_one()
        texts = []
        while len(texts) < count:
            row = session.execute(text("SELECT text FROM statements WHERE id = :i"), {"i": rng.randint(1, top)}).first()
            if row:
                texts.append(row[0])
        names = [
            row[0]
            for row in session.execute(
                text("SELECT name FROM claimants WHERE kind = 'person' ORDER BY id LIMIT :n"), {"n": count}
            )
        ]
    searches = []
    for body in texts:
        words = [word.strip(",.\u201c\u201d%") for word in body.split() if len(word) > 3]
        start = rng.randrange(max(1, len(words) - 2))
        searches.append(" ".join(words[start : start + rng.randint(1, 3)]) or body)
    surnames = [rng.choice(names).split()[-1] for _ in range(count)] if names else []
    rewordings = [body.replace(" have ", " had ").replace(" the ", " a ") for body in texts]
    return searches, surnames, rewordings


def _time(function: Callable[[str], object], inputs: list[str]) -> list[float]:
    timings = []
    for item in inputs:
        function(item)  # warm
        started = time.perf_counter()
        function(item)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    database = open_database(resolve_database_url(args.db))
    try:
        with database.session() as session:
            statements = session.execute(text("SELECT count(*) FROM statements")).scalar_one()
        searches, surnames, rewordings = _samples(database, args.queries, args.seed)
        nothing = query.StatementFilter()

        def match(body: str) -> object:
            with database.session() as session:
                return rank_claims(session, body, limit=10)

        cases: list[tuple[str, Callable[[str], object], list[str]]] = [
            ("search (1-3 words, 20 hits)", lambda q: query.search(database, q, nothing, limit=20), searches),
            (
                "history --speaker (first 50 rows)",
                lambda s: query.history(database, query.StatementFilter(speaker=s), limit=50),
                surnames,
            ),
            (
                "history --speaker (all rows)",
                lambda s: query.history(database, query.StatementFilter(speaker=s)),
                surnames[: max(5, len(surnames) // 10)],
            ),
            ("match (a reworded statement, top 10)", match, rewordings),
        ]
        print(machine())
        print(f"{database.backend}, {statements} statements, {args.queries} queries per case (each warmed once)")
        for name, function, inputs in cases:
            timings = _time(function, inputs)
            print(
                f"  {name:<40} p50 {statistics.median(timings):7.2f} ms  p95 {percentile(timings, 0.95):7.2f} ms  "
                f"max {max(timings):7.2f} ms  (n={len(timings)})"
            )
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
