"""`AliasOwners`: a document's name keys read at once give the same claimants as one look-up per speaker."""

from __future__ import annotations

from datetime import date

from claimdb.claimants import AliasOwners, resolve_claimant
from claimdb.db.engine import open_database
from claimdb.extract.types import Speaker


def person(name: str, surface: str | None = None) -> Speaker:
    return Speaker(name, surface or name, None, "person", None, None, "name")


def test_alias_owners_resolve_like_single_lookups(database_url: str) -> None:
    database = open_database(database_url)
    day = date(2024, 3, 1)
    with database.session(write=True) as session:
        anna = resolve_claimant(session, person("Anna Berg"), day)
        tom = resolve_claimant(session, person("Tom Berg"), day)
        speakers = [person("Anna Berg", "Berg"), person("Anna K. Berg"), person("Carl Lund"), person("Tom Berg")]
        owners = AliasOwners.read(session, speakers)
        assert owners.owners["anna berg"] == {anna} and owners.owners["tom berg"] == {tom}
        assert owners.owners["carl lund"] == set()
        assert "anna k berg" in owners.owners  # the middle-name form and its short form are read too
        # the same answers as without the prefetch, and what the document adds is known at once
        assert resolve_claimant(session, speakers[0], day, aliases=owners) == anna
        assert resolve_claimant(session, speakers[1], day, aliases=owners) == anna
        lund = resolve_claimant(session, speakers[2], day, aliases=owners)
        assert owners.owners["carl lund"] == {lund}
        assert resolve_claimant(session, person("Carl Lund"), day, aliases=owners) == lund
        assert resolve_claimant(session, person("Carl Lund"), day) == lund
    database.dispose()
