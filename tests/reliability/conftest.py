"""Helpers for the reliability tests: the installed `claimdb` command, generated corpora, database checks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE.parents[1] / "benchmarks"
for folder in (HERE, BENCHMARKS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from generate_corpus import generate_articles, write_jsonl  # noqa: E402


def claimdb_command() -> list[str]:
    """The installed entry point next to this Python (falls back to `python -m`-style import)."""
    script = Path(sys.executable).parent / "claimdb"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from claimdb.cli import main; main()"]


def run_claimdb(args: Sequence[str], timeout: float = 120, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run `claimdb ARGS` in a subprocess (stdin closed, no terminal) and capture its output."""
    env = {key: value for key, value in os.environ.items() if key != "CLAIMDB_DATABASE_URL"}
    return subprocess.run(
        [*claimdb_command(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def write_corpus(path: Path, articles: int, seed: int = 1, skip: int = 0) -> Path:
    """A generated .jsonl corpus (see benchmarks/generate_corpus.py)."""
    write_jsonl(generate_articles(seed, articles=articles + skip), path, skip=skip)
    return path


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """User-facing failures are `Error:` lines, never Python tracebacks."""
    combined = result.stdout + result.stderr
    assert "Traceback" not in combined, combined[-3000:]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """120 generated articles in one .jsonl file."""
    return write_corpus(tmp_path / "corpus.jsonl", 120, seed=11)
