"""The installed `claimdb` console script, run as a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def claimdb_executable() -> str:
    found = Path(sys.executable).parent / "claimdb"
    return str(found) if found.exists() else (shutil.which("claimdb") or "claimdb")


def test_installed_entry_point_ingests_and_searches(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMDB_DATABASE_URL": str(tmp_path / "cli.db")}
    ingest = subprocess.run(
        [claimdb_executable(), "ingest", str(SEEDS)], capture_output=True, text=True, env=env, timeout=120
    )
    assert ingest.returncode == 0, ingest.stderr
    assert "documents: 1 new" in ingest.stdout
    assert ingest.stderr == ""  # no progress bar when stderr is not a terminal
    search = subprocess.run(
        [claimdb_executable(), "search", "annexed", "--format", "csv"], capture_output=True, text=True, env=env
    )
    assert search.returncode == 0, search.stderr
    assert "Kremlin" in search.stdout
    version = subprocess.run([claimdb_executable(), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("claimdb ")


def test_entry_point_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMDB_DATABASE_URL": str(tmp_path / "cli.db")}
    result = subprocess.run(
        [claimdb_executable(), "ingest", str(tmp_path / "nope.txt")], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ")
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr
