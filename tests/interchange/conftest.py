"""Fixtures of the interchange tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from interchange_sample import Sample, build_sample

from claimdb.db.engine import Database, open_database


@pytest.fixture
def sample_database(database_url: str) -> Iterator[tuple[Database, Sample]]:
    """The sample archive on each backend in turn."""
    database = open_database(database_url)
    try:
        yield database, build_sample(database)
    finally:
        database.dispose()
