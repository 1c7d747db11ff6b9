"""kill -9 an ingest at random moments: the database stays whole and a re-run ends exactly where a clean run does."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import assert_no_traceback, claimdb_command, run_claimdb, write_corpus
from dbcheck import counts, fingerprint, problems

KILLS = 5
STARTUP = 1.0  # seconds before the first document is stored (imports, migration)


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


def _clean_run(corpus: Path, db: Path) -> tuple[dict[str, int], str, float]:
    started = time.monotonic()
    result = run_claimdb(["ingest", str(corpus), "--db", str(db), "-q"])
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    url = f"sqlite:///{db}"
    assert problems(url) == []
    return counts(url), fingerprint(url), elapsed


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "workers2"])
def test_kill_minus_nine_never_corrupts_and_rerun_completes(tmp_path: Path, workers: int) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 70, seed=5)
    reference_counts, reference_print, duration = _clean_run(corpus, tmp_path / "reference.db")
    assert reference_counts["statements"] > 200

    rng = random.Random(20240 + workers)
    db = tmp_path / "crashed.db"
    url = f"sqlite:///{db}"
    args = ["ingest", str(corpus), "--db", str(db), "-q", "--workers", str(workers)]
    killed = 0
    seen_documents = []
    total = reference_counts["documents"]
    for _ in range(KILLS):
        # Anywhere from start-up (imports, migration) to the end of what is left to do: each run resumes.
        left = 1 - (counts(url)["documents"] / total if db.exists() else 0)
        status = _kill_at(args, rng.uniform(0.2, STARTUP + (duration - STARTUP) * left * 0.9))
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
