"""PostgreSQL's ingest path: fewer round trips, the same rows.

The one-statement write (`pg_write`), psycopg's cursor under `Writer`, stemming a document ahead and the
blocking memory's turns must store and decide exactly what the plain statements did.
"""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from claimdb.db import claim_index, pg_write
from claimdb.db.engine import Database, open_database
from claimdb.db.fastpath import Writer
from claimdb.db.models import Document
from claimdb.db.upsert import insert_ignore_statement
from claimdb.extract.types import Figure
from claimdb.ingest import (
    _JOIN_CLAIM,
    _NEW_CLAIM,
    _NEW_FIGURES,
    _NEW_LINKS,
    _NEW_STATEMENT,
    INGEST_LOCK_KEY,
    figure_row,
    ingest,
)
from claimdb.readers.types import Document as Article

pytestmark = pytest.mark.postgresql

TABLES = {
    "claims": "id, claimant_id, canonical_text, title, first_said_on, last_said_on, appearance_count, search_vector",
    "statements": "id, claim_id, document_id, claimant_id, speaker_surface, kind, text, cue, venue, said_on, "
    "said_on_precision, char_start, char_end, attribution, confidence, search_vector",
    "figures": "id, statement_id, surface, value, value_max, unit, qualifier, char_start, char_end",
    "claim_links": "id, claim_a_id, claim_b_id, relation, score, method, CAST(evidence AS text), status",
}
FIGURES = (
    Figure("more than 500 km²", 1, 5, 500.0, None, "square kilometre", "more_than"),
    Figure("2-3%", 6, 7, 2.0, 3.5, "percentage", "exact"),
)
EVIDENCE = {"text": {"level": "high", "label": "wording “high”", "score": None}, "content_words": 7}


def _stored(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: [tuple(row) for row in session.execute(text(f"SELECT {columns} FROM {table} ORDER BY id"))]
        for table, columns in TABLES.items()
    }


def _reset(database: Database) -> None:
    with database.session(write=True) as session:
        session.execute(text("TRUNCATE claim_links, figures, statements, claims, documents RESTART IDENTITY CASCADE"))


def _document(writer: Writer) -> int:
    statement = insert_ignore_statement("postgresql", Document.__table__, ("content_sha256",), True)  # type: ignore[arg-type]
    values = {"external_id": "d", "title": "t", "text": "body", "content_sha256": "a" * 64, "extractor_version": "x"}
    return int(
        writer.scalar(statement, {**values, "source_id": None, "url": None, "published_on": None, "location": None})
    )


def _statement(document_id: int, start: int, content: str) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "claimant_id": None,
        "speaker_surface": "Reznikov",
        "kind": "direct",
        "text": content,
        "cue": "said",
        "venue": None,
        "said_on_precision": "day",
        "char_start": start,
        "char_end": start + len(content),
        "attribution": "name",
        "confidence": 0.875,
    }


def _link() -> dict[str, Any]:
    return {
        "relation": "figure_change",
        "score": 91.3,
        "method": "ingest",
        "evidence_json": json.dumps(EVIDENCE),
        "status": "suggested",
    }


def _write_separately(session: Session) -> None:
    """The reference: one INSERT or UPDATE per row kind, through SQLAlchemy Core."""
    writer = Writer(session)
    writer.pg_driver = None  # Core's own execution, as before
    document_id = _document(writer)
    first = writer.insert(_NEW_CLAIM, _claim("Claim one said ünïcode", date(2022, 10, 4)))
    statement_id = writer.insert(
        _NEW_STATEMENT, {**_statement(document_id, 0, "Claim one"), "claim_id": first, "said_on": date(2022, 10, 4)}
    )
    writer.many(_NEW_FIGURES, [figure_row(statement_id, f) for f in FIGURES])
    second = writer.insert(_NEW_CLAIM, _claim("Claim two", None))
    writer.insert(_NEW_STATEMENT, {**_statement(document_id, 20, "Claim two"), "claim_id": second, "said_on": None})
    writer.many(_NEW_LINKS["postgresql"], [{"claim_a_id": first, "claim_b_id": second, **_link()}])
    writer.rowcount(_JOIN_CLAIM, {"claim_id": first, "said_on": date(2021, 1, 2)})
    writer.insert(
        _NEW_STATEMENT,
        {**_statement(document_id, 40, "Claim one again"), "claim_id": first, "said_on": date(2021, 1, 2)},
    )
    # The pair exists: skipped, not an error.
    writer.many(_NEW_LINKS["postgresql"], [{"claim_a_id": first, "claim_b_id": second, **_link()}])
    writer.rowcount(_JOIN_CLAIM, {"claim_id": second, "said_on": date(2023, 5, 6)})
    statement_id = writer.insert(
        _NEW_STATEMENT,
        {**_statement(document_id, 60, "Claim two again"), "claim_id": second, "said_on": date(2023, 5, 6)},
    )
    writer.many(_NEW_FIGURES, [figure_row(statement_id, FIGURES[1])])


def _claim(wording: str, said_on: date | None) -> dict[str, Any]:
    return {
        "claimant_id": None,
        "canonical_text": wording,
        "first_said_on": said_on,
        "last_said_on": said_on,
        "appearance_count": 1,
    }


def _write_at_once(session: Session) -> None:
    """The same rows, one `pg_write.write_statement` per statement."""
    document_id = _document(Writer(session))
    link = _link()
    first = pg_write.write_statement(
        session,
        claim_id=None,
        wording="Claim one said ünïcode",
        statement=_statement(document_id, 0, "Claim one"),
        said_on=date(2022, 10, 4),
        figures=FIGURES,
        links=[],
    )
    second = pg_write.write_statement(
        session,
        claim_id=None,
        wording="Claim two",
        statement=_statement(document_id, 20, "Claim two"),
        said_on=None,
        figures=(),
        links=[pg_write.LinkRow(first, link["relation"], link["score"], json.dumps(EVIDENCE), link["status"])],
    )
    assert (first, second) == (1, 2)
    assert (
        pg_write.write_statement(
            session,
            claim_id=first,
            wording="",
            statement=_statement(document_id, 40, "Claim one again"),
            said_on=date(2021, 1, 2),
            figures=(),
            links=[pg_write.LinkRow(second, link["relation"], link["score"], json.dumps(EVIDENCE), link["status"])],
        )
        == first
    )
    pg_write.write_statement(
        session,
        claim_id=second,
        wording="",
        statement=_statement(document_id, 60, "Claim two again"),
        said_on=date(2023, 5, 6),
        figures=FIGURES[1:],
        links=[],
    )


def test_one_statement_write_stores_what_separate_statements_store(postgresql_url: str) -> None:
    database = open_database(postgresql_url)
    try:
        stored = {}
        for name, write in (("separate", _write_separately), ("at_once", _write_at_once)):
            _reset(database)
            with database.session(write=True) as session:
                write(session)
            with database.session() as session:
                stored[name] = _stored(session)
        assert stored["at_once"] == stored["separate"]
        claims = stored["at_once"]["claims"]
        assert [(str(c[4]), str(c[5]), c[6]) for c in claims] == [
            ("2021-01-02", "2022-10-04", 2),
            ("2023-05-06", "2023-05-06", 2),
        ]
        assert len(stored["at_once"]["figures"]) == 3
        assert len(stored["at_once"]["claim_links"]) == 1  # the repeated pair was skipped
        with pytest.raises(LookupError), database.session(write=True) as session:
            pg_write.write_statement(
                session, claim_id=999, wording="", statement=_statement(1, 80, "x"), said_on=None, figures=(), links=[]
            )
    finally:
        database.dispose()


def test_writer_on_psycopg_stores_what_core_stores(postgresql_url: str) -> None:
    database = open_database(postgresql_url)
    try:
        stored = {}
        for name in ("core", "psycopg"):
            _reset(database)
            with database.session(write=True) as session:
                writer = Writer(session)
                assert writer.pg_driver is not None
                if name == "core":
                    writer.pg_driver = None
                document_id = _document(writer)
                claim = writer.insert(_NEW_CLAIM, _claim("Claim", date(2022, 1, 1)))
                assert writer.rowcount(_JOIN_CLAIM, {"claim_id": claim, "said_on": date(2020, 1, 1)}) == 1
                statement_id = writer.insert(
                    _NEW_STATEMENT, {**_statement(document_id, 0, "Claim"), "claim_id": claim, "said_on": None}
                )
                writer.many(_NEW_FIGURES, [figure_row(statement_id, f) for f in FIGURES])
                assert writer.rows(text("SELECT count(*) FROM figures"), {}) == [(2,)]  # type: ignore[arg-type]
            with database.session() as session:
                stored[name] = _stored(session)
                stamps = session.execute(text("SELECT created_at FROM claims")).scalars().all()
                assert all(stamp is not None and stamp.tzinfo is not None for stamp in stamps)
        assert stored["psycopg"] == stored["core"]
    finally:
        database.dispose()


def test_stemming_ahead_gives_the_terms_stemming_one_by_one_gives(database_url: str) -> None:
    texts = [
        "The ministers said 35 villages were liberated near the border, officials confirmed.",
        'Ünïcode naïve café — "quotes", it\'s well-known: e.g. U.S. forces (re-)took Kharkiv!',
        "The ministers said 35 villages were liberated near the border, officials confirmed.",
        "",
    ]
    database = open_database(database_url)
    try:
        with database.session() as session:
            one_by_one = [claim_index.query_terms(session, t) for t in texts]
            claim_index.stem_ahead(session, texts)
            assert [claim_index.query_terms(session, t) for t in texts] == one_by_one
            assert "villag" in one_by_one[0] and "the" not in one_by_one[0]
    finally:
        database.dispose()


def _turn(session: Session) -> None:
    xid, snapshot = session.execute(
        text("SELECT CAST(pg_current_xact_id() AS text), CAST(pg_current_snapshot() AS text)")
    ).one()
    claim_index.pg_turn_begins(session, int(xid), snapshot)


def test_blocking_memory_holds_between_turns_only_while_nobody_else_writes(postgresql_url: str) -> None:
    database = open_database(postgresql_url)
    other = open_database(postgresql_url)
    try:
        with database.session(write=True) as session:
            claim = Writer(session).insert(_NEW_CLAIM, _claim("Claim", None))
        assert claim is not None
        with claim_index.remembered_blocking():
            for _attempt in range(3):  # a transaction of the server's own (autovacuum) may come in between
                with database.session(write=True) as session:
                    _turn(session)
                    assert claim_index.claim_figures(session, [claim]) == {}  # no statement: remembered as such
                claim_index.pg_turn_ends(committed=True)
                with database.session(write=True) as session:
                    _turn(session)  # nobody wrote in between: the memory holds
                    held = claim in claim_index._memory.get().figures  # type: ignore[union-attr]
                claim_index.pg_turn_ends(committed=True)
                if held:
                    break
            assert held
            # Another connection gives the claim its first statement, with a figure.
            with other.session(write=True) as session:
                writer = Writer(session)
                statement_id = writer.insert(
                    _NEW_STATEMENT, {**_statement(_document(writer), 0, "Claim"), "claim_id": claim, "said_on": None}
                )
                writer.many(_NEW_FIGURES, [figure_row(statement_id, FIGURES[0])])
            with database.session(write=True) as session:
                _turn(session)
                assert claim_index.claim_figures(session, [claim]) == {claim: (FIGURES[0],)}
            claim_index.pg_turn_ends(committed=True)
            # Outside a turn nothing is remembered; a turn that did not commit forgets what it read.
            with database.session() as session:
                assert claim_index._remembered(session) is None
            with database.session(write=True) as session:
                _turn(session)
                claim_index.claim_figures(session, [claim])
            claim_index.pg_turn_ends(committed=False)
            assert claim_index._memory.get().figures == {}  # type: ignore[union-attr]
    finally:
        database.dispose()
        other.dispose()


def test_a_writer_waits_for_the_ingest_lock_only_for_a_new_document(postgresql_url: str) -> None:
    stored = Article(
        text='"We will rebuild every bridge," Mayor Olena Kovalenko said on Monday.', location="a.txt", title="A"
    )
    new = Article(
        text='"The port reopens in May," Minister Taras Melnyk said.', location="b.txt", title="B", source="Reuters"
    )
    database = open_database(postgresql_url)
    holder = psycopg.connect(postgresql_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        assert ingest(database, [stored]).documents_new == 1
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (INGEST_LOCK_KEY,))  # another writer's turn
        # A stored document is left at once, lock or no lock.
        unchanged: list[int] = []
        reader = threading.Thread(target=lambda: unchanged.append(ingest(database, [stored]).documents_unchanged))
        reader.start()
        reader.join(timeout=10)
        waited = reader.is_alive()
        # A new one waits for the lock, then is stored.
        outcome: list[int] = []
        writer = threading.Thread(target=lambda: outcome.append(ingest(database, [new]).documents_new))
        writer.start()
        writer.join(timeout=1.0)
        assert writer.is_alive() and not outcome
        holder.commit()  # the other writer's turn ends
        writer.join(timeout=30)
        reader.join(timeout=30)
        assert not waited and unchanged == [1]
        assert outcome == [1]
        with database.session() as session:
            rows = session.execute(
                text("SELECT d.title, s.name FROM documents d LEFT JOIN sources s ON s.id = d.source_id ORDER BY d.id")
            ).all()
        assert [tuple(row) for row in rows] == [("A", None), ("B", "Reuters")]
    finally:
        holder.close()
        database.dispose()


def test_sessions_keep_gin_pending_lists_small(postgresql_url: str) -> None:
    database = open_database(postgresql_url)
    try:
        for _ in range(2):  # the setting outlives a rolled-back transaction on the pooled connection
            with pytest.raises(RuntimeError), database.session(write=True) as session:
                assert session.execute(text("SHOW gin_pending_list_limit")).scalar() == "64kB"
                raise RuntimeError("roll back")
        with database.session() as session:
            assert session.execute(text("SHOW gin_pending_list_limit")).scalar() == "64kB"
    finally:
        database.dispose()
