"""The SQLite fast path stores exactly what SQLAlchemy Core stores, inside the session's own transaction."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from claimdb.db.engine import open_database
from claimdb.db.fastpath import Writer
from claimdb.db.models import ClaimLink, Document
from claimdb.db.upsert import insert_ignore_statement
from claimdb.ingest import _JOIN_CLAIM, _NEW_CLAIM, _NEW_FIGURES, _NEW_LINKS, _NEW_STATEMENT

TABLES = ("documents", "claims", "statements", "figures", "claim_links")
TIMESTAMPS = {"created_at", "ingested_at"}


def _write_sample(writer: Writer) -> None:
    document = insert_ignore_statement(writer.dialect.name, Document.__table__, ("content_sha256",), True)  # type: ignore[arg-type]
    document_id = writer.scalar(
        document,
        {
            "source_id": None,
            "external_id": "doc-1",
            "url": None,
            "title": "Título — with “quotes”",
            "published_on": date(2022, 10, 4),
            "text": "Body",
            "content_sha256": "a" * 64,
            "location": "x.jsonl:1",
            "extractor_version": "test",
        },
    )
    claims = []
    for i, said in enumerate((date(2022, 10, 4), None)):
        claims.append(
            writer.insert(
                _NEW_CLAIM,
                {
                    "claimant_id": None,
                    "canonical_text": f"Claim {i} said ünïcode",
                    "first_said_on": said,
                    "last_said_on": said,
                    "appearance_count": 1,
                },
            )
        )
    # Joining widens the dates on both sides and counts the appearance.
    assert writer.rowcount(_JOIN_CLAIM, {"claim_id": claims[0], "said_on": date(2021, 1, 2)}) == 1
    assert writer.rowcount(_JOIN_CLAIM, {"claim_id": claims[1], "said_on": date(2023, 5, 6)}) == 1
    statement_id = writer.insert(
        _NEW_STATEMENT,
        {
            "claim_id": claims[0],
            "document_id": document_id,
            "claimant_id": None,
            "speaker_surface": "Reznikov",
            "kind": "direct",
            "text": "Claim 0",
            "cue": "said",
            "venue": None,
            "said_on": date(2022, 10, 4),
            "said_on_precision": "day",
            "char_start": 0,
            "char_end": 7,
            "attribution": "name",
            "confidence": 0.875,
        },
    )
    writer.many(
        _NEW_FIGURES,
        [
            {
                "statement_id": statement_id,
                "surface": "more than 500 km²",
                "value": 500.0,
                "value_max": None,
                "unit": "square kilometre",
                "qualifier": "more_than",
                "char_start": 1,
                "char_end": 5,
            },
            {
                "statement_id": statement_id,
                "surface": "2-3%",
                "value": 2,
                "value_max": 3.5,
                "unit": "percentage",
                "qualifier": "exact",
                "char_start": 6,
                "char_end": 7,
            },
        ],
    )
    link = {
        "claim_a_id": claims[0],
        "claim_b_id": claims[1],
        "relation": "figure_change",
        "score": 91.3,
        "method": "ingest",
        "evidence_json": json.dumps(
            {"text": {"level": "high", "label": "wording “high”", "score": None}, "content_words": 7}
        ),
        "status": "suggested",
    }
    writer.many(_NEW_LINKS[writer.dialect.name], [link, link])  # the second one is skipped, not an error


def _stored(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    found = {}
    for table in TABLES:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if c not in TIMESTAMPS]
        values = connection.execute(f"SELECT {', '.join(kept)} FROM {table} ORDER BY id").fetchall()
        types = connection.execute(f"SELECT {', '.join(f'typeof({c})' for c in columns)} FROM {table} ORDER BY id")
        found[table] = values + types.fetchall()
        for stamp in TIMESTAMPS & set(columns):
            for (value,) in connection.execute(f"SELECT {stamp} FROM {table}"):
                assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", value), value
    connection.close()
    return found


def _in_fresh_databases(
    tmp_path: Path, names: tuple[str, ...], write: Callable[[str, Session, Writer], object]
) -> dict[str, tuple[object, Path]]:
    """Run `write` once per name, in a write session on a new SQLite database of its own; what each call
    returned and the database file, for comparing what two ways of writing stored."""
    done = {}
    for name in names:
        path = tmp_path / f"{name}.db"
        database = open_database(f"sqlite:///{path}")
        try:
            with database.session(write=True) as session:
                returned = write(name, session, Writer(session))
        finally:
            database.dispose()
        done[name] = (returned, path)
    return done


def test_sqlite_fast_path_stores_the_same_rows_as_core(tmp_path: Path) -> None:
    def write(name: str, session: Session, writer: Writer) -> None:
        assert writer.driver is not None  # SQLite: the driver's cursor is used
        if name == "core":
            writer.driver = None  # force SQLAlchemy Core, the reference
        _write_sample(writer)

    stored = {name: _stored(path) for name, (_, path) in _in_fresh_databases(tmp_path, ("core", "fast"), write).items()}
    assert stored["fast"]["claim_links"][0][:1] == (1,)
    assert len(stored["fast"]["claim_links"]) == 2  # one row (and its types): the duplicate was ignored
    assert stored["fast"] == stored["core"]


def test_writer_works_on_both_backends_and_rolls_back_with_the_session(database_url: str) -> None:
    database = open_database(database_url)
    try:
        with database.session(write=True) as session:
            _write_sample(Writer(session))
            claims = session.execute(
                text("SELECT first_said_on, last_said_on, appearance_count FROM claims ORDER BY id")
            )
            assert [tuple(str(v) for v in row) for row in claims] == [
                ("2021-01-02", "2022-10-04", "2"),
                ("2023-05-06", "2023-05-06", "2"),
            ]
            links = session.execute(select(ClaimLink.evidence, ClaimLink.score)).all()
            assert [tuple(row) for row in links] == [
                ({"text": {"level": "high", "label": "wording “high”", "score": None}, "content_words": 7}, 91.3)
            ]
        with pytest.raises(RuntimeError), database.session(write=True) as session:
            writer = Writer(session)
            writer.rowcount(_JOIN_CLAIM, {"claim_id": 1, "said_on": date(2020, 1, 1)})
            raise RuntimeError("a failure later in the document")
        with database.session() as session:
            row = session.execute(text("SELECT first_said_on, appearance_count FROM claims WHERE id = 1")).one()
            assert (str(row[0]), row[1]) == ("2021-01-02", 2)  # the failed document left nothing behind
    finally:
        database.dispose()


def test_updates_with_sql_expressions_take_the_fast_path_and_store_what_core_stores(tmp_path: Path) -> None:
    from claimdb.claimants import _WIDEN_ROLE

    key = {"role_claimant_id": 1, "role_title": "Defence Minister", "role_affiliation": "Ukraine"}

    def write(name: str, session: Session, writer: Writer) -> list[int]:
        assert writer._prepared(_WIDEN_ROLE, [*key, "seen_on"]) is not None
        assert writer._prepared(_JOIN_CLAIM, ["claim_id", "said_on"]) is not None
        if name == "core":
            writer.driver = None
        session.execute(
            text(
                "INSERT INTO claimants (id, name, kind, normalized_key, created_at) "
                "VALUES (1, 'O', 'person', 'o', '2022-01-01 00:00:00.000000')"
            )
        )
        session.execute(
            text(
                "INSERT INTO claimant_roles (claimant_id, title, affiliation, first_seen, last_seen) "
                "VALUES (1, 'Defence Minister', 'Ukraine', '2022-03-01', '2022-03-01')"
            )
        )
        changed = [
            writer.rowcount(_WIDEN_ROLE, {**key, "seen_on": seen})
            for seen in (date(2022, 1, 5), date(2022, 2, 1), date(2022, 9, 30), None)
        ]
        changed.append(writer.rowcount(_WIDEN_ROLE, {**key, "role_title": "Minister", "seen_on": None}))
        return changed

    stored = {}
    for name, (changed, path) in _in_fresh_databases(tmp_path, ("core", "fast"), write).items():
        connection = sqlite3.connect(path)
        roles = connection.execute("SELECT title, affiliation, first_seen, last_seen FROM claimant_roles").fetchall()
        connection.close()
        stored[name] = (changed, roles)
    assert stored["fast"] == stored["core"]
    assert stored["fast"] == ([1, 1, 1, 1, 0], [("Defence Minister", "Ukraine", "2022-01-05", "2022-09-30")])


def test_links_with_evidence_as_json_text_store_what_the_json_column_stores(tmp_path: Path) -> None:
    evidence = {"text": {"level": "high", "label": "wording “high” – 91%", "score": 90.7}, "content_words": 7}
    link = {"claim_a_id": 1, "claim_b_id": 2, "relation": "echo", "score": 90.7, "method": "ingest", "status": "auto"}
    by_dict = insert_ignore_statement("sqlite", ClaimLink.__table__, ("claim_a_id", "claim_b_id"), False)  # type: ignore[arg-type]
    ways = {
        "dict": (by_dict, {**link, "evidence": evidence}),
        "text": (_NEW_LINKS["sqlite"], {**link, "evidence_json": json.dumps(evidence)}),
    }

    def write(name: str, session: Session, writer: Writer) -> None:
        for number in (1, 2):
            claim = {"claimant_id": None, "canonical_text": f"Claim {number}", "appearance_count": 1}
            writer.insert(_NEW_CLAIM, {**claim, "first_said_on": None, "last_said_on": None})
        statement, values = ways[name]
        writer.many(statement, [values])

    done = _in_fresh_databases(tmp_path, tuple(ways), write)
    stored = {name: _stored(path)["claim_links"] for name, (_, path) in done.items()}
    assert stored["text"] == stored["dict"]
    assert len(stored["text"]) == 2  # the row and its types


def test_link_evidence_bound_as_text_reads_back_like_the_json_column_on_both_backends(database_url: str) -> None:
    # SQLite binds the decision's JSON text as it is; PostgreSQL casts it to json: both read back as the dict
    # that the JSON column type would have stored (and as the same text)
    evidence = {"text": {"level": "high", "label": "wording “high” – 91%", "score": 90.7}, "content_words": 7}
    database = open_database(database_url)
    try:
        with database.session(write=True) as session:
            writer = Writer(session)
            for number in (1, 2, 3):
                claim = {"claimant_id": None, "canonical_text": f"Claim {number}", "appearance_count": 1}
                writer.insert(_NEW_CLAIM, {**claim, "first_said_on": None, "last_said_on": None})
            link = {"relation": "echo", "score": 90.7, "method": "ingest", "status": "auto"}
            by_dict = insert_ignore_statement(
                writer.dialect.name,
                ClaimLink.__table__,  # type: ignore[arg-type]
                ("claim_a_id", "claim_b_id"),
                False,
            )
            writer.many(by_dict, [{**link, "claim_a_id": 1, "claim_b_id": 2, "evidence": evidence}])
            text_row = {**link, "claim_a_id": 1, "claim_b_id": 3, "evidence_json": json.dumps(evidence)}
            writer.many(_NEW_LINKS[writer.dialect.name], [text_row, text_row])  # the repeat is skipped
        with database.session() as session:
            links = session.scalars(select(ClaimLink).order_by(ClaimLink.claim_b_id)).all()
            assert [(link.claim_b_id, link.evidence) for link in links] == [(2, evidence), (3, evidence)]
            texts = session.execute(text("SELECT CAST(evidence AS TEXT) FROM claim_links ORDER BY claim_b_id"))
            first, second = [row[0] for row in texts]
            assert first == second
    finally:
        database.dispose()
