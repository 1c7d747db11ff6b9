"""kill -9 an ingest at random moments: the database stays whole and a re-run ends exactly where a clean run does."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from conftest import assert_no_traceback, claimdb_command, run_claimdb, write_corpus
from dbcheck import counts, fingerprint, problems

KILLS = 5


def _kill_at(args: list[str], delay: float) -> int:
    """Start an ingest, SIGKILL it after `delay` seconds; returns its exit status (negative: killed)."""
    process = subprocess.Popen(
        [*claimdb_command(), *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    return process.wait(timeout=30)


def _stored_documents(db: Path) -> int:
    """Documents committed so far, read without disturbing the writer (0 before the schema exists)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _kill_after(args: list[str], db: Path, target: int, jitter: float, max_wait: float = 120.0) -> int:
    """Start an ingest and SIGKILL it once `target` documents are committed (plus `jitter` seconds).

    Driven by progress, not by wall-clock guesses, so a faster or slower machine still kills mid-run.
    """
    process = subprocess.Popen(
        [*claimdb_command(), *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + max_wait
    workers: list[int] = []
    while process.poll() is None and time.monotonic() < deadline:
        if _stored_documents(db) >= target:
            time.sleep(jitter)
            workers = _children(process.pid)
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    status = process.wait(timeout=30)
    _assert_gone(workers)
    return status


def _children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux /proc; empty where it cannot be read)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _assert_gone(pids: list[int], wait: float = 10.0) -> None:
    """Worker processes of a killed ingest end by themselves: none may be left running (holding memory)."""
    deadline = time.monotonic() + wait
    left = pids
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [pid for pid in left if _running(pid)]
    assert left == [], f"worker processes outlived the killed ingest: {left}"


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def _clean_run(corpus: Path, db: Path) -> tuple[dict[str, int], str]:
    result = run_claimdb(["ingest", str(corpus), "--db", str(db), "-q"])
    assert result.returncode == 0, result.stderr
    url = f"sqlite:///{db}"
    assert problems(url) == []
    return counts(url), fingerprint(url)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "workers2"])
def test_kill_minus_nine_never_corrupts_and_rerun_completes(tmp_path: Path, workers: int) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 70, seed=5)
    reference_counts, reference_print = _clean_run(corpus, tmp_path / "reference.db")
    assert reference_counts["statements"] > 200

    rng = random.Random(20240 + workers)
    db = tmp_path / "crashed.db"
    url = f"sqlite:///{db}"
    args = ["ingest", str(corpus), "--db", str(db), "-q", "--workers", str(workers)]
    killed = 0
    seen_documents = []
    total = reference_counts["documents"]
    for _ in range(KILLS):
        # Anywhere in what is left to do (each run resumes), a few milliseconds after a commit.
        done = _stored_documents(db) if db.exists() else 0
        target = rng.randint(done + 1, max(done + 1, total - (KILLS - len(seen_documents))))
        status = _kill_after(args, db, target, rng.uniform(0.0, 0.05))
        killed += status == -signal.SIGKILL
        if db.exists():
            assert problems(url) == [], f"after a kill at status {status}"
            seen_documents.append(counts(url)["documents"])
    assert killed >= KILLS - 1, "the ingest finished before it could be killed: the corpus is too small"
    assert seen_documents == sorted(seen_documents), "a committed document disappeared after a crash"

    result = run_claimdb(["ingest", str(corpus), "--db", str(db)])
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert problems(url) == []
    assert counts(url) == reference_counts
    assert fingerprint(url) == reference_print

    again = run_claimdb(["ingest", str(corpus), "--db", str(db)])
    assert again.returncode == 0
    assert "nothing new" in again.stdout
    assert counts(url) == reference_counts


@pytest.mark.slow
def test_kill_during_first_use_migration_leaves_a_usable_database(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 20, seed=6)
    rng = random.Random(7)
    for attempt in range(5):
        db = tmp_path / f"fresh{attempt}.db"
        _kill_at(["ingest", str(corpus), "--db", str(db), "-q"], rng.uniform(0.05, 1.0))
        result = run_claimdb(["ingest", str(corpus), "--db", str(db), "-q"])
        assert_no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert problems(f"sqlite:///{db}") == []
        assert counts(f"sqlite:///{db}")["documents"] == 20
