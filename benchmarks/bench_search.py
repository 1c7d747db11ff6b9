"""Search latency p50/p95 on a large database: `search`, `history` and `match`, as the library serves them.

Queries are drawn (seeded) from the generated corpus: one to three words of a stored statement for search,
a claimant's surname for history (first page of 50 rows, as a person reads it, and the full history), and
a reworded statement for match. Each query runs once to warm the cache path, then is timed.

For match it also reports recall: how often the claim of the statement that was reworded is in the top 10.
`--match-baseline` times match a second time, interleaved query by query, with the candidates of the
earlier design (FTS5 bm25 over the OR of every word of the text) and prints both and their ratio.

    python benchmarks/bench_search.py --db /tmp/cbench/base-1000000.db --queries 200
    python benchmarks/bench_search.py --db base-1000000.db --queries 100 --cases match --match-baseline

`--db` takes a file or a database URL. For PostgreSQL, `--pg SIZE` opens the base database of that size
which `bench_ingest.py --backend postgresql --keep` left on its server (`--workdir`, default /tmp/pgbench):

    python benchmarks/bench_ingest.py --backend postgresql --sizes 1000000 --new 100 --keep --workdir /tmp/pgbench
    python benchmarks/bench_search.py --pg 1000000 --queries 100 --match-baseline
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_ingest import machine  # noqa: E402
from sqlalchemy import text  # noqa: E402

from claimdb import query  # noqa: E402
from claimdb.config import resolve_database_url  # noqa: E402
from claimdb.db import claim_index  # noqa: E402
from claimdb.db.engine import Database, open_database  # noqa: E402
from claimdb.matching import lookup, rank_claims  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def _samples(database: Database, count: int, seed: int) -> tuple[list[str], list[str], list[str], list[int]]:
    rng = random.Random(seed)
    with database.session() as session:
        top = session.execute(text("SELECT max(id) FROM statements")).scalar_one()
        texts = []
        claim_ids = []
        while len(texts) < count:
            row = session.execute(
                text("SELECT text, claim_id FROM statements WHERE id = :i"), {"i": rng.randint(1, top)}
            ).first()
            if row:
                texts.append(row[0])
                claim_ids.append(row[1])
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
    return searches, surnames, rewordings, claim_ids


def _print(name: str, timings: list[float], extra: str = "") -> None:
    print(
        f"  {name:<40} p50 {statistics.median(timings):7.2f} ms  p95 {percentile(timings, 0.95):7.2f} ms  "
        f"max {max(timings):7.2f} ms  (n={len(timings)})  {extra}".rstrip()
    )


def _time(function: Callable[[str], object], inputs: list[str]) -> list[float]:
    timings = []
    for item in inputs:
        function(item)  # warm
        started = time.perf_counter()
        function(item)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _or_of_every_word(session, query, *, k, weights=(1.0, 1.0), stopwords=frozenset()):  # type: ignore[no-untyped-def]
    """The earlier candidates of `rank_claims`: FTS5 bm25 over the OR of every content word."""
    return claim_index.candidate_claims(session, query, k=k, max_terms=None, weights=weights, stopwords=stopwords)


@contextmanager
def _candidates(function: Callable[..., object] | None) -> Iterator[None]:
    """Run `rank_claims` with other candidates (the benchmark's baseline), restoring them afterwards."""
    original = lookup.rank_index.ranking_candidates
    if function is not None:
        lookup.rank_index.ranking_candidates = function  # type: ignore[assignment]
    try:
        yield
    finally:
        lookup.rank_index.ranking_candidates = original


def _match_cases(
    database: Database, rewordings: list[str], claim_ids: list[int], baseline: bool
) -> list[tuple[str, list[float], int]]:
    """(name, timings, reworded statements whose claim is in the top 10) for match, and its baseline."""
    variants: list[tuple[str, Callable[..., object] | None]] = [("match (a reworded statement, top 10)", None)]
    if baseline:
        variants.append(("  same, OR of every word (earlier design)", _or_of_every_word))
    timings: dict[str, list[float]] = {name: [] for name, _ in variants}
    found = dict.fromkeys(timings, 0)
    for number, (body, claim_id) in enumerate(zip(rewordings, claim_ids, strict=True)):
        # Interleaved, and the order flips every query, so load on the machine hits both alike.
        for name, function in variants if number % 2 == 0 else variants[::-1]:
            with _candidates(function), database.session() as session:
                rank_claims(session, body, limit=10)  # warm
                started = time.perf_counter()
                ranked = rank_claims(session, body, limit=10)
                timings[name].append((time.perf_counter() - started) * 1000)
            found[name] += claim_id in {r.claim_id for r in ranked}
    return [(name, timings[name], found[name]) for name, _ in variants]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--db", help="SQLite file or database URL")
    target.add_argument("--pg", type=int, metavar="SIZE", help="the kept PostgreSQL base of SIZE statements")
    parser.add_argument("--workdir", default="/tmp/pgbench", help="where bench_ingest.py --keep left pgserver.json")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--cases",
        nargs="+",
        default=["search", "history", "history-all", "match"],
        choices=["search", "history", "history-all", "match"],
    )
    parser.add_argument("--match-baseline", action="store_true", help="also time match the earlier way, interleaved")
    args = parser.parse_args(argv)
    if args.pg:
        server = json.loads((Path(args.workdir) / "pgserver.json").read_text())
        url = f"postgresql+psycopg://postgres@127.0.0.1:{server['port']}/base_{args.pg}"
    else:
        url = resolve_database_url(args.db)
    database = open_database(url)
    try:
        with database.session() as session:
            statements = session.execute(text("SELECT count(*) FROM statements")).scalar_one()
        searches, surnames, rewordings, claim_ids = _samples(database, args.queries, args.seed)
        nothing = query.StatementFilter()

        cases: list[tuple[str, str, Callable[[str], object], list[str]]] = [
            ("search", "search (1-3 words, 20 hits)", lambda q: query.search(database, q, nothing, limit=20), searches),
            (
                "history",
                "history --speaker (first 50 rows)",
                lambda s: query.history(database, query.StatementFilter(speaker=s), limit=50),
                surnames,
            ),
            (
                "history-all",
                "history --speaker (all rows)",
                lambda s: query.history(database, query.StatementFilter(speaker=s)),
                surnames[: max(5, len(surnames) // 10)],
            ),
        ]
        print(machine())
        print(f"{database.backend}, {statements} statements, {args.queries} queries per case (each warmed once)")
        for key, name, function, inputs in cases:
            if key in args.cases:
                _print(name, _time(function, inputs))
        if "match" in args.cases:
            results = _match_cases(database, rewordings, claim_ids, args.match_baseline)
            for name, timings, found in results:
                _print(name, timings, f"claim in top 10: {found}/{len(timings)}")
            if len(results) == 2:
                ratio = statistics.median(results[0][1]) / statistics.median(results[1][1])
                print(f"  match p50 now / earlier design: {ratio:.3f}")
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
