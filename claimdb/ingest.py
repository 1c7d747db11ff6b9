"""read -> extract -> store -> match: one transaction per document, re-ingesting the same content is a no-op."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, cast

from sqlalchemy import JSON, Date, Table, Text, bindparam, case, insert, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from claimdb.claimants import AliasOwners, resolve_claimant
from claimdb.db import claim_index, maintenance, pg_write
from claimdb.db.engine import Database, describe_database_error
from claimdb.db.fastpath import Writer
from claimdb.db.models import Claim, ClaimLink, Document, Figure, Source, Statement
from claimdb.db.upsert import get_or_create, insert_ignore
from claimdb.errors import InputError
from claimdb.extract import EXTRACTOR_VERSION, extract_statements
from claimdb.extract import types as ex
from claimdb.matching import (
    DEFAULT_SETTINGS,
    MatchDecision,
    MatchSettings,
    NewStatement,
    ProposedLink,
    match_statement,
)
from claimdb.matching.text import claim_wording
from claimdb.readers.types import Document as DocumentValue
from claimdb.workers import exit_with_parent

DocumentStatus = Literal["new", "unchanged", "failed"]
INGEST_LOCK_KEY = 727275  # PostgreSQL advisory lock held while a document is matched and stored


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document with its statements extracted: the pure part of ingest, safe to run in a worker process."""

    document: DocumentValue
    statements: tuple[ex.Statement, ...]


@dataclass
class IngestSummary:
    """What an ingest run did: counts for the summary line and the errors to print."""

    documents_new: int = 0
    documents_unchanged: int = 0
    documents_failed: int = 0
    statements: int = 0
    claims_new: int = 0
    claims_joined: int = 0
    links: int = 0
    errors: list[InputError] = field(default_factory=list)
    fatal: str | None = None  # why the run stopped early (the database failed); what was stored stays

    @property
    def changed(self) -> bool:
        """True when the run stored anything."""
        return self.documents_new > 0


@dataclass
class DocumentResult:
    statements: int = 0
    claims_new: int = 0
    claims_joined: int = 0
    links: int = 0


def prepare(document: DocumentValue) -> PreparedDocument:
    """Extract the statements of one document (no database access)."""
    return PreparedDocument(document, tuple(extract_statements(document.text, document.published_on)))


def ingest(
    database: Database,
    inputs: Iterable[DocumentValue | InputError],
    *,
    settings: MatchSettings = DEFAULT_SETTINGS,
    on_document: Callable[[str, DocumentStatus], None] | None = None,
    prepared: Iterator[PreparedDocument | InputError] | None = None,
) -> IngestSummary:
    """Store every readable document (one transaction each) and collect an error for each bad one."""
    summary = IngestSummary()
    items: Iterable[PreparedDocument | InputError] = prepared if prepared is not None else _prepare_all(inputs)
    # Blocking remembers what it read: quotes repeat across articles, and ingest only adds claims.
    with claim_index.remembered_blocking(), _existing_objects_frozen():
        _ingest_items(database, items, settings, on_document, summary)
    _merge_after_run(database, summary)
    return summary


def _merge_after_run(database: Database, summary: IngestSummary) -> None:
    # SQLite: a run that indexed many rows ends as every bulk write does, with a bounded merge of the full-text
    # segments its one-document transactions left (claimdb.db.maintenance).
    rows = summary.statements + summary.claims_new
    if database.backend != "sqlite" or maintenance.merge_budget(rows) == 0:
        return
    try:
        with database.session(write=True) as session:
            driver = session.connection().connection.driver_connection
            if isinstance(driver, sqlite3.Connection):
                maintenance.after_bulk_write(driver, rows, maintenance.INGEST_ROWS_PER_PAGE)
    except SQLAlchemyError as exc:
        if summary.fatal is None:
            problem = describe_database_error(database.url, exc)
            summary.fatal = f"every document was stored, but the full-text merge that ends the run failed: {problem}"


@contextmanager
def _existing_objects_frozen() -> Iterator[None]:
    # Python's full garbage collection walks every tracked object: the ~100k that imports and caches left
    # before the run (SQLAlchemy's metadata above all) cost ~50 ms at each one, and matching at 1M statements
    # keeps enough candidates alive to start one every ~150 articles (0.4-0.8 ms per article). Objects alive
    # when the run starts are left out of the collections it triggers and handed back to the collector after.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ingest_items(
    database: Database,
    items: Iterable[PreparedDocument | InputError],
    settings: MatchSettings,
    on_document: Callable[[str, DocumentStatus], None] | None,
    summary: IngestSummary,
) -> None:
    for item in items:
        if isinstance(item, InputError):
            summary.errors.append(item)
            summary.documents_failed += 1
            if on_document:
                on_document(item.location, "failed")
            continue
        try:
            status = _store_one(database, item, settings, summary)
        except SQLAlchemyError as exc:
            # Disk full, lock wait exhausted, server gone: this document was rolled back; stop here.
            summary.fatal = f"{item.document.location}: not stored: {describe_database_error(database.url, exc)}"
            break
        if on_document:
            on_document(item.document.location, status)


def _prepare_all(inputs: Iterable[DocumentValue | InputError]) -> Iterator[PreparedDocument | InputError]:
    for item in inputs:
        yield item if isinstance(item, InputError) else prepare(item)


def prepare_in_workers(
    inputs: Iterable[DocumentValue | InputError], workers: int, in_flight_per_worker: int = 8
) -> Iterator[PreparedDocument | InputError]:
    """Like extracting each document in turn, but in `workers` processes; results keep the input order.

    At most `workers * in_flight_per_worker` documents are out at once, so memory stays bounded however long
    the input is. The caller (one process) does all the writing.
    """
    if workers <= 1:
        yield from _prepare_all(inputs)
        return
    # fork: workers start at once with everything imported; they only run `prepare`, never touch the
    # database connections they inherit, and leave with os._exit, so those are never closed twice.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pending: deque[Future[PreparedDocument] | InputError] = deque()
    limit = workers * max(1, in_flight_per_worker)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        for item in inputs:
            pending.append(item if isinstance(item, InputError) else pool.submit(prepare, item))
            while len(pending) >= limit:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(item: Future[PreparedDocument] | InputError) -> PreparedDocument | InputError:
    return item if isinstance(item, InputError) else item.result()


def _store_one(
    database: Database, item: PreparedDocument, settings: MatchSettings, summary: IngestSummary
) -> DocumentStatus:
    try:
        with database.session(write=True) as session:
            result = store_document(session, item, settings)
    except BaseException:
        claim_index.pg_turn_ends(committed=False)
        raise
    claim_index.pg_turn_ends(committed=True)
    if result is None:
        summary.documents_unchanged += 1
        return "unchanged"
    summary.documents_new += 1
    summary.statements += result.statements
    summary.claims_new += result.claims_new
    summary.claims_joined += result.claims_joined
    summary.links += result.links
    return "new"


_DOCUMENTS = cast(Table, Document.__table__)
_CLAIMS = cast(Table, Claim.__table__)
_STATEMENTS = cast(Table, Statement.__table__)
_FIGURES = cast(Table, Figure.__table__)
_LINKS = cast(Table, ClaimLink.__table__)

_PG_TURN = (
    "SELECT (SELECT id FROM documents WHERE content_sha256 = :sha), CAST(pg_current_xact_id() AS text), "
    "CAST(pg_current_snapshot() AS text), (SELECT id FROM sources WHERE name = CAST(:source AS text))"
)
_PG_LOCK = f"SELECT pg_advisory_xact_lock({INGEST_LOCK_KEY})"
_PG_TRY_LOCK = f"SELECT pg_try_advisory_xact_lock({INGEST_LOCK_KEY})"
_FIND_DOCUMENT = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.content_sha256 == bindparam("sha"))
_NEW_CLAIM = insert(_CLAIMS)
_NEW_STATEMENT = insert(_STATEMENTS)
_NEW_FIGURES = insert(_FIGURES)
# The evidence is bound as the JSON text the decision already wrote (what the JSON column type would have
# written from the dict); PostgreSQL casts it to json.
_EVIDENCE_TEXT = bindparam("evidence_json", type_=Text())
_LINK_PAIR = ["claim_a_id", "claim_b_id"]
_NEW_LINKS = {
    "sqlite": sqlite.insert(_LINKS).values(evidence=_EVIDENCE_TEXT).on_conflict_do_nothing(index_elements=_LINK_PAIR),
    "postgresql": postgresql.insert(_LINKS)
    .values(evidence=sql_cast(_EVIDENCE_TEXT, JSON))
    .on_conflict_do_nothing(index_elements=_LINK_PAIR),
}
_said = bindparam("said_on", type_=Date)
_JOIN_CLAIM = (
    update(_CLAIMS)
    .where(_CLAIMS.c.id == bindparam("claim_id"))
    .values(
        appearance_count=_CLAIMS.c.appearance_count + 1,
        first_said_on=case(
            (_CLAIMS.c.first_said_on.is_(None), _said),
            (_CLAIMS.c.first_said_on > _said, _said),
            else_=_CLAIMS.c.first_said_on,
        ),
        last_said_on=case(
            (_CLAIMS.c.last_said_on.is_(None), _said),
            (_CLAIMS.c.last_said_on < _said, _said),
            else_=_CLAIMS.c.last_said_on,
        ),
    )
)


def store_document(session: Session, item: PreparedDocument, settings: MatchSettings) -> DocumentResult | None:
    """Write one document with its statements, claims, figures and links; None if it was already stored."""
    writer = Writer(session)
    with claim_index.sqlite_turn(session):
        return _store_document(session, writer, item, settings)


def _store_document(
    session: Session, writer: Writer, item: PreparedDocument, settings: MatchSettings
) -> DocumentResult | None:
    document = item.document
    if writer.dialect.name == "postgresql":
        stored, source_id = _pg_take_turn(session, item)
        if stored:
            return None
    else:
        if writer.rows(_FIND_DOCUMENT, {"sha": document.content_sha256}):
            return None
        source_id = None
    if document.source and source_id is None:
        source_id = get_or_create(session, Source, {"name": document.source}, ["name"])
    document_id = insert_ignore(
        session,
        Document,
        {
            "source_id": source_id,
            "external_id": document.external_id,
            "url": document.url,
            "title": document.title,
            "published_on": document.published_on,
            "text": document.text,
            "content_sha256": document.content_sha256,
            "location": document.location,
            "extractor_version": EXTRACTOR_VERSION,
        },
        ["content_sha256"],
    )
    if document_id is None:
        return None  # another process stored it a moment ago
    result = DocumentResult()
    store_statements(session, document_id, document.published_on, item.statements, settings, result)
    return result


def _pg_take_turn(session: Session, item: PreparedDocument) -> tuple[bool, int | None]:
    """PostgreSQL: take the ingest lock for `item`'s document; whether the document is stored already, and its
    source's id when that exists.

    Writers take turns at matching so two processes never create the same claim twice. One pipeline (one
    round trip) tries the lock, then looks the document and its source up (rows of sources are never deleted),
    tells blocking whether anyone else wrote since this process's last turn (`pg_turn_begins`), and stems the
    statements. When another writer holds the lock, a stored document is left at once, as before; otherwise
    this one waits for the lock and looks again (the other writer may have stored it meanwhile).
    """
    document = item.document
    texts = [statement.content for statement in item.statements]
    turn_values = {"sha": document.content_sha256, "source": document.source}
    (locked,), turn, stems = claim_index.pg_pipeline(
        session, [(_PG_TRY_LOCK, {}), (_PG_TURN, turn_values), claim_index.pg_stem_query(texts)]
    )
    claim_index.pg_stems_read(session, texts, stems)
    if not locked[0]:
        if turn[0][0] is not None:
            return True, None
        _, turn = claim_index.pg_pipeline(session, [(_PG_LOCK, {}), (_PG_TURN, turn_values)])
    stored, xid, snapshot, source_id = turn[0]
    claim_index.pg_turn_begins(session, int(xid), str(snapshot))
    return stored is not None, source_id


# Given a statement's claimant and span, the claim it must join without matching (re-extraction keeps the
# claims people have decided about), or None to match as usual.
KnownClaim = Callable[[int | None, tuple[int, int]], int | None]


def store_statements(
    session: Session,
    document_id: int,
    published_on: date | None,
    statements: Iterable[ex.Statement],
    settings: MatchSettings,
    result: DocumentResult,
    known_claim: KnownClaim | None = None,
) -> None:
    """Resolve speakers, match and write the statements of one stored document."""
    writer = Writer(session)
    claimants: dict[tuple[object, ...], int | None] = {}
    seen_spans: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, int]] = []  # (start, end, claim id) of this document's statements so far
    statements = list(statements)
    if statements:
        claim_index.stem_ahead(session, [statement.content for statement in statements])
    aliases = AliasOwners.read(session, [statement.speaker for statement in statements])
    for statement in statements:
        span = (statement.content_span.start, statement.content_span.end)
        if span in seen_spans:
            continue
        seen_spans.add(span)
        overlapping = frozenset(claim for start, end, claim in placed if start < span[1] and span[0] < end)
        said_on = statement.said_on or published_on
        speaker = statement.speaker
        key = (speaker.name, speaker.kind, speaker.title, speaker.affiliation, speaker.attribution, speaker.surface)
        if (key, said_on) not in claimants:  # a speaker is resolved once per document, however often quoted
            claimants[(key, said_on)] = resolve_claimant(session, statement.speaker, said_on, aliases=aliases)
        claimant_id = claimants[(key, said_on)]
        claim_id = known_claim(claimant_id, span) if known_claim else None
        stored_in = _store_statement(
            session, writer, document_id, said_on, claimant_id, statement, settings, result, claim_id, overlapping
        )
        placed.append((span[0], span[1], stored_in))


def _store_statement(
    session: Session,
    writer: Writer,
    document_id: int,
    said_on: date | None,
    claimant_id: int | None,
    statement: ex.Statement,
    settings: MatchSettings,
    result: DocumentResult,
    known_claim_id: int | None = None,
    unrelated: frozenset[int] = frozenset(),
) -> int:
    """Store one statement in the claim it joins or a new one, with its figures and links; the claim's id.

    `unrelated` are the claims of the document's statements whose spans overlap this one: never joined or linked.
    """
    if known_claim_id is not None:
        decision = MatchDecision(join_claim_id=known_claim_id, links=[])
    else:
        new = NewStatement(
            text=statement.content,
            claimant_id=claimant_id,
            said_on=said_on,
            figures=statement.figures,
            unrelated=unrelated,
        )
        decision = match_statement(session, new, settings)
    if writer.dialect.name == "postgresql":
        return _store_statement_pg(session, document_id, said_on, claimant_id, statement, decision, result)
    if decision.join_claim_id is not None:
        claim_id = decision.join_claim_id
        writer.rowcount(_JOIN_CLAIM, {"claim_id": claim_id, "said_on": said_on})
        claim_index.claim_changed(claim_id)  # new dates, and figures if it had no statement yet
        result.claims_joined += 1
    else:
        wording = claim_wording(statement.content)
        new_claim_id = writer.insert(
            _NEW_CLAIM,
            {
                "claimant_id": claimant_id,
                "canonical_text": wording,
                "first_said_on": said_on,
                "last_said_on": said_on,
                "appearance_count": 1,
            },
        )
        assert new_claim_id is not None  # a plain INSERT either inserts or raises
        claim_id = new_claim_id
        # Indexed now, not at commit: the next statement of this document may repeat it.
        writer.index_claim(claim_id, wording, None)
        claim_index.claim_indexed(session, claim_id, wording, None)  # the text just indexed
        result.claims_new += 1
    statement_id = writer.insert(
        _NEW_STATEMENT,
        {"claim_id": claim_id, "said_on": said_on, **_statement_row(document_id, claimant_id, statement)},
    )
    if statement.figures:
        writer.many(_NEW_FIGURES, [figure_row(statement_id, figure) for figure in statement.figures])
    if decision.join_claim_id is None:
        claim_index.claim_created(session, claim_id, statement.figures)  # the figures of its first statement
    result.statements += 1
    result.links += _store_links(writer, claim_id, decision.links)
    return claim_id


def _statement_row(document_id: int, claimant_id: int | None, statement: ex.Statement) -> dict[str, Any]:
    # The columns of a statement row both backends write (SQLite adds claim_id and said_on itself)
    speaker = statement.speaker
    return {
        "document_id": document_id,
        "claimant_id": claimant_id,
        "speaker_surface": speaker.surface,
        "kind": statement.kind,
        "text": statement.content,
        "cue": statement.cue,
        "venue": statement.venue,
        "said_on_precision": statement.said_on_precision,
        "char_start": statement.content_span.start,
        "char_end": statement.content_span.end,
        "attribution": speaker.attribution,
        "confidence": statement.confidence,
    }


def figure_row(statement_id: int | None, figure: ex.Figure) -> dict[str, Any]:
    """A `figures` row for a figure of a statement."""
    return {
        "statement_id": statement_id,
        "surface": figure.surface,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "char_start": figure.start,
        "char_end": figure.end,
    }


def _store_statement_pg(
    session: Session,
    document_id: int,
    said_on: date | None,
    claimant_id: int | None,
    statement: ex.Statement,
    decision: MatchDecision,
    result: DocumentResult,
) -> int:
    """PostgreSQL: the rows `_store_statement` writes, in one round trip (see `pg_write`); the claim's id."""
    joined = decision.join_claim_id
    # One link per other claim, in the order the decision gave them (the last proposal for a pair wins).
    links = {link.claim_id: link for link in decision.links if link.claim_id != joined}
    claim_id = pg_write.write_statement(
        session,
        claim_id=joined,
        wording=claim_wording(statement.content) if joined is None else "",
        statement=_statement_row(document_id, claimant_id, statement),
        said_on=said_on,
        figures=statement.figures,
        links=[
            pg_write.LinkRow(link.claim_id, link.relation, link.score, link.evidence_json, link.status)
            for link in links.values()
        ],
    )
    if joined is None:
        result.claims_new += 1
    else:
        claim_index.claim_changed(claim_id)
        result.claims_joined += 1
    result.statements += 1
    result.links += len(links)
    return claim_id


def _store_links(writer: Writer, claim_id: int, proposed: list[ProposedLink]) -> int:
    """Insert the proposed links of a statement's claim.

    No pair can exist yet: a new claim has no links, and a joined claim's decision already left out every
    claim linked to it (a rejected pair included). Writers take turns (SQLite's write lock, PostgreSQL's
    advisory lock), and the insert still skips an existing pair rather than fail.
    """
    pairs = {tuple(sorted((claim_id, link.claim_id))): link for link in proposed if link.claim_id != claim_id}
    if not pairs:
        return 0
    writer.many(
        _NEW_LINKS[writer.dialect.name],
        [
            {
                "claim_a_id": low,
                "claim_b_id": high,
                "relation": link.relation,
                "score": link.score,
                "method": "ingest",
                "evidence_json": link.evidence_json,
                "status": link.status,
            }
            for (low, high), link in pairs.items()
        ],
    )
    return len(pairs)
