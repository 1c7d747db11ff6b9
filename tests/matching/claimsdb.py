"""A database that already holds some claims, for the matching tests (imported by the test modules)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert

from claimdb.db.engine import Database, open_database
from claimdb.db.models import Claim


def open_with_claims(url: str, claims: Iterable[tuple[str, str, str | None]]) -> Database:
    """Open (and migrate) the database at `url` and store `(external_id, text, title)` claims in it."""
    database = open_database(url)
    with database.session(write=True) as session:
        session.execute(
            insert(Claim),
            [{"external_id": e, "canonical_text": t, "title": title, "appearance_count": 1} for e, t, title in claims],
        )
    return database
