"""What ingest keeps in memory during a run must agree with the database, and be handed back afterwards."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdb.db import claim_index
from claimdb.db.engine import open_database
from claimdb.ingest import DocumentResult, ingest, prepare, store_document
from claimdb.matching import DEFAULT_SETTINGS
from claimdb.readers import read_inputs
from claimdb.readers.types import Document

ARTICLES = [
    {
        "id": "a1",
        "title": "Territory",
        "published_at": "2022-10-04",
        "text": (
            "The minister said that \"Russia has annexed around 20% of Ukraine's territory, more than 120,000 "
            'square kilometres," in a televised address. "We lost 1,200 soldiers in 3 days," he added. '
            '"The dam was not damaged," the governor said.'
        ),
    },
    {
        "id": "a2",
        "title": "Territory again",
        "published_at": "2022-10-09",
        "text": 'The minister said that "Russia has annexed 15% of Ukraine\'s territory," on Sunday.',
    },
]


def _documents(tmp_path: Path) -> list[Document]:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(article) for article in ARTICLES) + "\n", encoding="utf-8")
    documents = [item for item in read_inputs([str(feed)]) if isinstance(item, Document)]
    assert len(documents) == len(ARTICLES)
    return documents


def test_new_claims_figures_remembered_as_the_database_reads_them(database_url: str, tmp_path: Path) -> None:
    database = open_database(database_url)
    try:
        with claim_index.remembered_blocking():
            for document in _documents(tmp_path):
                with database.session(write=True) as session:
                    result = store_document(session, prepare(document), DEFAULT_SETTINGS)
                    assert isinstance(result, DocumentResult)
                    ids = [row[0] for row in session.execute(text("SELECT id FROM claims")).fetchall()]
                    remembered = claim_index.claim_figures(session, ids)
                    read = claim_index._read_figures(session, ids)
                    # repr: a figure remembered as 20 where the database says 20.0 would be a difference
                    assert repr(sorted(remembered.items())) == repr(sorted(read.items()))
        assert any(len(figures) >= 2 for figures in read.values())
    finally:
        database.dispose()


def test_ingest_hands_frozen_objects_back(database_url: str, tmp_path: Path) -> None:
    before = gc.get_freeze_count()
    database = open_database(database_url)
    try:
        summary = ingest(database, _documents(tmp_path))
        assert summary.documents_new == len(ARTICLES)
        assert gc.get_freeze_count() == before

        def fail(location: str, status: str) -> None:
            raise RuntimeError(location)

        with pytest.raises(RuntimeError):
            ingest(database, _documents(tmp_path), on_document=fail)
        assert gc.get_freeze_count() == before
    finally:
        database.dispose()
