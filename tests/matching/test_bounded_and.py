"""SQLite blocking: an AND whose rarer word has an exact count (fewer than DF_CAP claims) is read oldest first
and gives the same newest matches, in the same order, as FTS5's newest-first walk."""

from __future__ import annotations

from claimsdb import open_with_claims

from claimdb.db.claim_index import DF_CAP, candidate_claims, remembered_blocking


def _harbour_claims() -> list[tuple[str, str, str | None]]:
    # "harbour" is in 120 claims (fewer than DF_CAP: its count is exact), "budget" in 360 (common); 80 hold both,
    # spread over the whole id range, so the AND's newest 50 are not simply the newest claims.
    claims: list[tuple[str, str, str | None]] = []
    for i in range(400):
        if i % 5 == 0:
            claims.append((f"both{i}", f"The harbour budget grew at session {i}", None))
        elif i % 10 == 1:
            claims.append((f"harbour{i}", f"The harbour froze over at session {i}", None))
        else:
            claims.append((f"budget{i}", f"The budget was debated at session {i}", None))
    return claims


def test_an_and_of_a_rare_and_a_common_word_gives_the_newest_matches_first(tmp_path: object) -> None:
    claims = _harbour_claims()
    both = [e for e, text, _ in claims if "harbour budget" in text]
    assert len(both) > 50 and sum("harbour" in text for _, text, _ in claims) < DF_CAP
    assert sum("budget" in text for _, text, _ in claims) >= DF_CAP
    database = open_with_claims(f"sqlite:///{tmp_path}/claims.db", claims)
    try:
        with database.session() as session:
            fresh = [c.external_id for c in candidate_claims(session, "harbour budget", k=50)]
            with remembered_blocking():
                remembered = [c.external_id for c in candidate_claims(session, "harbour budget", k=50)]
                few = [c.external_id for c in candidate_claims(session, "harbour budget", k=3)]
    finally:
        database.dispose()
    assert remembered == fresh == both[::-1][:50]
    assert few == both[::-1][:3]
