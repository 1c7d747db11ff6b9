"""SQLite: inside a document's write transaction (`sqlite_turn`) blocking checks for other writers once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from claimsdb import open_with_claims
from sqlalchemy.orm import Session

from claimdb.db.claim_index import candidate_claims, remembered_blocking, sqlite_turn

CLAIMS = [(f"a{i}", f"Officials discussed the harbour budget at meeting number {i}", None) for i in range(60)]
QUERY = "the harbour budget"


def _found(session: Session) -> list[str | None]:
    return [c.external_id for c in candidate_claims(session, QUERY, k=5)]


def _counting(session: Session) -> tuple[sqlite3.Connection, list[str]]:
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    seen: list[str] = []
    driver.set_trace_callback(seen.append)
    return driver, seen


def _version_checks(seen: list[str]) -> int:
    # claimdb's own check (FTS5 runs "-- PRAGMA 'main'.data_version" inside its queries too)
    return sum(statement == "PRAGMA data_version" for statement in seen)


def test_a_write_turn_asks_for_other_writers_once(sqlite_url: str) -> None:
    database = open_with_claims(sqlite_url, CLAIMS)
    try:
        with remembered_blocking(), database.session(write=True) as session:
            driver, seen = _counting(session)
            with sqlite_turn(session):
                found = [_found(session) for _ in range(4)]
            in_turn = _version_checks(seen)
            seen.clear()
            _found(session)  # after the turn: checked again at each look-up
            after_turn = _version_checks(seen)
            driver.set_trace_callback(None)
    finally:
        database.dispose()
    assert in_turn == 1 and after_turn >= 1
    assert found[0] == found[3] == ["a59", "a58", "a57", "a56", "a55"]


def test_a_read_session_is_no_turn(sqlite_url: str) -> None:
    database = open_with_claims(sqlite_url, CLAIMS)
    try:
        with remembered_blocking(), database.session() as session:
            driver, seen = _counting(session)
            with sqlite_turn(session):
                for _ in range(3):
                    _found(session)
            driver.set_trace_callback(None)
    finally:
        database.dispose()
    assert _version_checks(seen) >= 3


def test_a_commit_between_two_turns_is_seen(tmp_path: object) -> None:
    path = f"{tmp_path}/claims.db"
    database = open_with_claims(f"sqlite:///{path}", CLAIMS)

    def turn(action: Callable[[Session], list[str | None]]) -> list[str | None]:
        with database.session(write=True) as session, sqlite_turn(session):
            return action(session)

    try:
        with remembered_blocking():
            before = turn(_found)
            # Another process rewrites the newest claim so that it no longer holds both words.
            other = sqlite3.connect(path)
            other.execute("UPDATE claims SET canonical_text = 'The harbour was calm' WHERE external_id = 'a59'")
            other.commit()
            other.close()
            after = turn(_found)
    finally:
        database.dispose()
    assert before[0] == "a59"
    assert after == ["a58", "a57", "a56", "a55", "a54"]
