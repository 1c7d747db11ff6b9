"""Ingest's first document pays no one-time setup it does not need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SCRIPT = """
import sys
from claimdb.db.engine import open_database
from claimdb.db.models import Claimant
from claimdb.ingest import ingest
from claimdb.readers import read_inputs

database = open_database(sys.argv[1])
summary = ingest(database, read_inputs([sys.argv[2]]))
database.dispose()
print(summary.documents_new, summary.statements, Claimant.__mapper__.configured)
"""


def test_sqlite_ingest_never_configures_the_orm_mappers(tmp_path: Path) -> None:
    # Compiling one statement of mapped attributes configures every mapper first (~45 ms): ingest's statements
    # are built on the tables, so a fresh process ingesting into SQLite never pays it.
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, url, str(SEEDS)], capture_output=True, text=True, check=True, timeout=300
    )
    documents, statements, configured = done.stdout.split()
    assert int(documents) >= 1 and int(statements) >= 1
    assert configured == "False"
