"""Ingest throughput (matching on) on top of databases that already hold 10k, 100k, 1M statements.

Base databases are built with bulk_load.py from corpus seed 1 (cached in --workdir); each measurement copies
the base and ingests the *next* --new articles of the same corpus (so new statements repeat, reword and
contradict claims already stored) through claimdb's own `ingest()` with reading, extraction and matching.
Sizes are interleaved within each round (10k, 100k, 1M, 10k, ...) so the ratios of one round were measured
under the same machine conditions; the script prints every round and the medians.

    python benchmarks/bench_ingest.py --sizes 10000 100000 1000000 --new 300 --rounds 3
    python benchmarks/bench_ingest.py --backend postgresql --sizes 10000 100000 --new 200
    python benchmarks/bench_ingest.py --rss 5000      # peak RSS of `claimdb ingest` over 5000 articles
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

from bulk_load import bulk_load  # noqa: E402
from generate_corpus import generate_articles, write_jsonl  # noqa: E402

from claimdb.db.engine import Database, open_database  # noqa: E402
from claimdb.extract import extract_statements  # noqa: E402
from claimdb.ingest import ingest  # noqa: E402
from claimdb.readers import read_inputs  # noqa: E402


def machine() -> str:
    """One line about this machine."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os
    import sqlite3

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPU ({cpu}), {memory:.0f} GB RAM, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


class SqliteBases:
    """Cached base databases (files) and fresh copies of them."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir

    def base(self, statements: int) -> tuple[Path, int]:
        path = self.workdir / f"base-{statements}.db"
        meta = self.workdir / f"base-{statements}.json"
        if not meta.exists():
            path.unlink(missing_ok=True)
            summary, articles = bulk_load(f"sqlite:///{path}", statements)
            meta.write_text(json.dumps({"articles": articles, "statements": summary.statements}))
        return path, json.loads(meta.read_text())["articles"]

    def copy(self, statements: int) -> tuple[str, int]:
        path, articles = self.base(statements)
        target = self.workdir / f"run-{statements}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(path, target)
        return f"sqlite:///{target}", articles


class PostgresBases:
    """Base databases on a private PostgreSQL server; copies are made with CREATE DATABASE ... TEMPLATE.

    With `keep`, the server is left running after the benchmark and its port and data directory are written
    to `workdir/pgserver.json`; a later run (this script or bench_search.py) reuses that server and any base it
    already holds, so a 1M-statement base is loaded once. Stop it with `pg_ctl stop -D DATA_DIR` (as postgres).
    """

    def __init__(self, workdir: Path, keep: bool = False) -> None:
        import psycopg

        self.workdir = workdir
        self.keep = keep
        self.server = None
        self.state = workdir / "pgserver.json"
        self.port = 0
        self.loaded: set[int] = set()
        if self.state.exists():
            port = json.loads(self.state.read_text())["port"]
            try:
                with psycopg.connect(self._conninfo(port), connect_timeout=5):
                    self.port = port
            except psycopg.OperationalError:
                self.state.unlink()
        if not self.port:
            from pgserver import PostgresServer, wait_until_accepting

            self.server = PostgresServer()
            self.server.start()
            wait_until_accepting(self.server.conninfo)
            self.port = self.server.port
            if keep:
                self.state.write_text(json.dumps({"port": self.port, "data_dir": str(self.server.data_dir)}))

    @staticmethod
    def _conninfo(port: int) -> str:
        return f"host=127.0.0.1 port={port} user=postgres dbname=postgres"

    def url_for(self, database: str) -> str:
        """SQLAlchemy URL of a database on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self._conninfo(self.port), autocommit=True) as admin:
            admin.execute(sql)

    def base(self, statements: int) -> tuple[str, int]:
        """URL of the base database of `statements` (bulk-loaded on first use) and the articles it holds."""
        name = f"base_{statements}"
        meta = self.workdir / f"pg-base-{statements}.json"
        if statements not in self.loaded and (self.server is not None or not meta.exists()):
            # A new server holds no base yet; a base without its record was interrupted while loading.
            self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self._admin(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
            started = time.perf_counter()
            summary, articles = bulk_load(self.url_for(name), statements)
            seconds = time.perf_counter() - started
            print(f"bulk load {statements} statements into PostgreSQL: {seconds:.0f} s", flush=True)
            meta.write_text(json.dumps({"articles": articles, "statements": summary.statements, "seconds": seconds}))
        self.loaded.add(statements)
        return self.url_for(name), json.loads(meta.read_text())["articles"]

    def copy(self, statements: int) -> tuple[str, int]:
        _, articles = self.base(statements)
        self._admin(f"DROP DATABASE IF EXISTS run_{statements} WITH (FORCE)")
        self._admin(f"CREATE DATABASE run_{statements} TEMPLATE base_{statements}")
        return self.url_for(f"run_{statements}"), articles

    def stop(self) -> None:
        """Stop the server this object started, unless it is kept for later runs."""
        if self.server is not None and not self.keep:
            self.server.stop()


def _server_cpu(database: Database) -> tuple[list[int], float] | None:
    """PostgreSQL on this machine: the server processes of the engine's pooled connections and their CPU
    seconds so far (from /proc); None for SQLite or a server whose processes cannot be read."""
    from sqlalchemy import text

    engine = database.engine
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        pids = [int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())]
    return pids, _process_seconds(pids)


def _process_seconds(pids: list[int]) -> float:
    import os

    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def measure(url: str, corpus: Path) -> tuple[float, float, int, int, float | None]:
    """Ingest `corpus` into `url` (reading, extraction, matching, writing).

    Returns wall seconds, this process's CPU seconds (steadier than wall time on a shared machine; SQLite
    runs in this process, a PostgreSQL server's work is not counted), articles, statements, and the CPU
    seconds of the PostgreSQL server process that did the work, when it runs on this machine (else None).
    """
    # The extraction rules compile on first use (~0.12 s once per process, since session 9; before, at import):
    # compiled here, outside the timer, so that articles/s stays the steady rate it always measured.
    extract_statements("Ada Roy said the pier would reopen.")
    database = open_database(url)
    try:
        server = _server_cpu(database)
        cpu_started = time.process_time()
        started = time.perf_counter()
        summary = ingest(database, read_inputs([str(corpus)]))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        server_cpu = None if server is None else _process_seconds(server[0]) - server[1]
    finally:
        database.dispose()
    return elapsed, cpu, summary.documents_new, summary.statements, server_cpu


def run_sizes(args: argparse.Namespace) -> None:
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    bases = SqliteBases(workdir) if args.backend == "sqlite" else PostgresBases(workdir, keep=args.keep)
    print(machine())
    print(f"backend {args.backend}; {args.new} new articles per measurement; {args.rounds} rounds")
    results: dict[int, list[float]] = {size: [] for size in args.sizes}
    cpu_results: dict[int, list[float]] = {size: [] for size in args.sizes}
    try:
        corpora = {}
        for size in args.sizes:
            _, used = bases.copy(size)
            corpus = workdir / f"new-after-{size}.jsonl"
            write_jsonl(generate_articles(1, articles=used + args.new), corpus, skip=used)
            corpora[size] = corpus
        for round_number in range(1, args.rounds + 1):
            line = []
            for size in args.sizes:
                url, _ = bases.copy(size)
                seconds, cpu, articles, statements, server_cpu = measure(url, corpora[size])
                per_article = seconds / max(articles, 1) * 1000
                cpu_per_article = cpu / max(articles, 1) * 1000
                results[size].append(per_article)
                cpu_results[size].append(cpu_per_article)
                server = "" if server_cpu is None else f", server CPU {server_cpu / max(articles, 1) * 1000:.2f}"
                line.append(
                    f"{size:>8} stmts: {articles / seconds:6.1f} articles/s, {per_article:6.2f} ms/article "
                    f"(CPU {cpu_per_article:.2f}{server}; {statements} statements)"
                )
            smallest, largest = args.sizes[0], args.sizes[-1]
            ratio = results[largest][-1] / results[smallest][-1]
            cpu_ratio = cpu_results[largest][-1] / cpu_results[smallest][-1]
            print(
                f"round {round_number}: " + " | ".join(line) + f" | cost {largest}/{smallest} = {ratio:.2f} "
                f"(CPU {cpu_ratio:.2f})"
            )
    finally:
        if isinstance(bases, PostgresBases):
            bases.stop()
    print("medians:")
    for size in args.sizes:
        median = statistics.median(results[size])
        cpu_median = statistics.median(cpu_results[size])
        print(
            f"  {size:>8} statements: {1000 / median:6.1f} articles/s, {median:.2f} ms/article "
            f"(CPU {cpu_median:.2f} ms/article)"
        )
    for name, series in (("wall", results), ("CPU", cpu_results)):
        ratios = [a / b for a, b in zip(series[args.sizes[-1]], series[args.sizes[0]], strict=True)]
        print(
            f"  per-article {name} cost {args.sizes[-1]} vs {args.sizes[0]}: median ratio "
            f"{statistics.median(ratios):.2f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
        )


def _rss_mb(pid: int) -> float:
    """Resident memory of a running process, from /proc (0 where /proc is not available)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_rss(args: argparse.Namespace) -> None:
    """Peak RSS of the real command over a large corpus (the kernel's accounting of the finished child)."""
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / f"rss-{args.rss}.jsonl"
    if not corpus.exists():
        write_jsonl(generate_articles(2, articles=args.rss), corpus)
    db = workdir / f"rss-{args.rss}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [str(Path(sys.executable).parent / "claimdb"), "ingest", str(corpus), "--db", str(db), "-q"]
    if args.workers > 1:
        command += ["--workers", str(args.workers)]
    print(machine())
    started = time.perf_counter()
    child = subprocess.Popen(command)
    next_report = 60.0
    while child.poll() is None:
        time.sleep(1.0)
        elapsed = time.perf_counter() - started
        if elapsed >= next_report:
            # The growth curve says more than the final peak: a leak shows as a steady climb.
            print(f"  {elapsed:6.0f} s: RSS {_rss_mb(child.pid):.0f} MB", flush=True)
            next_report += 60.0
    if child.returncode != 0:
        raise SystemExit(f"claimdb ingest exited with {child.returncode}")
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rate = args.rss / elapsed
    print(f"{args.rss} articles in {elapsed:.0f} s ({rate:.1f} articles/s), peak RSS {peak_kb / 1024:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--new", type=int, default=300, help="articles ingested on top of each base")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workdir", default="/tmp/cbench")
    parser.add_argument("--rss", type=int, help="instead: peak RSS of `claimdb ingest` over this many articles")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--keep", action="store_true", help="PostgreSQL: leave the server and its bases for later runs (see --workdir)"
    )
    args = parser.parse_args(argv)
    if args.rss:
        run_rss(args)
    else:
        run_sizes(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
