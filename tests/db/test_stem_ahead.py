"""SQLite: ingest stems a document's new words in one batch before matching its statements one by one."""

from __future__ import annotations

from sqlalchemy.orm import Session

from claimdb.db import claim_index
from claimdb.db.engine import open_database


def test_statements_stemmed_ahead_need_no_more_stemming(sqlite_url: str) -> None:
    # Made-up words: no earlier test of this process can have stemmed them.
    texts = ["The zorblaxing quintaflorped harbours", "Plimbering vextrations were grondled"]
    database = open_database(sqlite_url)
    try:
        with database.session() as session:
            assert isinstance(session, Session)
            claim_index.query_terms(session, "the harbour")  # the stop words' stems, once per process
            claim_index.stem_ahead(session, texts)
            stemmer = claim_index._stemmer
            assert stemmer is not None
            probes: list[str] = []
            stemmer.connection.set_trace_callback(probes.append)
            try:
                terms = [claim_index.query_terms(session, text) for text in texts]
            finally:
                stemmer.connection.set_trace_callback(None)
    finally:
        database.dispose()
    assert probes == []
    assert terms == [["zorblax", "quintaflorp", "harbour"], ["plimber", "vextrat", "grondl"]]
