"""Blocking reads a fixed number of candidates when the statement's rare terms rank them (`budget`).

When the keys' claims are more than `budget`, a claim holding two or more of the statement's rare terms is
always read, and claims holding a single one are read, newest first, only while fewer than `budget` claims are
read. Without evidence to rank by (one term with known claims), nothing is cut. On both backends.
"""

from __future__ import annotations

from claimsdb import open_with_claims

from claimdb.db.claim_index import DF_CAP, ROW_BUDGET, candidate_claims


def _harbour_claims() -> list[tuple[str, str, str | None]]:
    # "harbour" is in 40 claims (within the row budget: the only key); "pilots" in 60 (no key, but fewer than
    # DF_CAP: its claims are known). The 5 oldest harbour claims hold both words.
    claims: list[tuple[str, str, str | None]] = []
    for i in range(40):
        text = f"The harbour pilots met at session {i}" if i < 5 else f"The harbour froze at session {i}"
        claims.append((f"harbour{i}", text, None))
    claims += [(f"pilots{i}", f"The pilots rested at session {i}", None) for i in range(55)]
    return claims


def test_claims_holding_more_rare_terms_are_read_first_and_the_rest_within_the_budget(database_url: str) -> None:
    claims = _harbour_claims()
    assert sum("harbour" in t for _, t, _ in claims) <= ROW_BUDGET < sum("pilots" in t for _, t, _ in claims) < DF_CAP
    database = open_with_claims(database_url, claims)
    try:
        with database.session() as session:
            budgeted = [c.external_id for c in candidate_claims(session, "harbour pilots", k=50, budget=8)]
            every = [c.external_id for c in candidate_claims(session, "harbour pilots", k=50)]
            few_strong = [c.external_id for c in candidate_claims(session, "harbour pilots", k=50, budget=3)]
    finally:
        database.dispose()
    strong = [f"harbour{i}" for i in range(4, -1, -1)]  # both words, newest first
    weak = [f"harbour{i}" for i in range(39, 4, -1)]  # "harbour" alone, newest first
    assert every == [f"harbour{i}" for i in range(39, -1, -1)]  # all read: newest first, as without evidence
    assert budgeted == strong + weak[:3]
    assert few_strong == strong  # claims holding both words are never cut by the budget


def test_without_a_second_known_term_nothing_is_cut(database_url: str) -> None:
    database = open_with_claims(database_url, _harbour_claims())
    try:
        with database.session() as session:
            found = [c.external_id for c in candidate_claims(session, "harbour", k=50, budget=8)]
    finally:
        database.dispose()
    assert found == [f"harbour{i}" for i in range(39, -1, -1)]


def test_an_and_of_two_terms_of_known_claims_gives_the_claims_holding_both(database_url: str) -> None:
    # Both words are in more claims than the row budget and fewer than DF_CAP: every claim holding both, newest
    # first, and no budget cuts them (SQLite: the intersection of their known claims, no full-text AND query).
    claims: list[tuple[str, str, str | None]] = []
    for i in range(150):
        if i % 5 == 0:
            claims.append((f"both{i}", f"The harbour budget grew at session {i}", None))
        elif i % 2:
            claims.append((f"harbour{i}", f"The harbour froze over at session {i}", None))
        else:
            claims.append((f"budget{i}", f"The budget was debated at session {i}", None))
    counts = [sum(word in t for _, t, _ in claims) for word in ("harbour", "budget")]
    assert all(ROW_BUDGET < n < DF_CAP for n in counts)
    database = open_with_claims(database_url, claims)
    try:
        with database.session() as session:
            found = [c.external_id for c in candidate_claims(session, "harbour budget", k=50, budget=4)]
    finally:
        database.dispose()
    assert found == [e for e, t, _ in claims if "harbour budget" in t][::-1]
