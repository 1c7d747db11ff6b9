"""Rebuild statements from stored text when extraction improves, keeping what people decided.

A document whose `extractor_version` is older than the running extractor is extracted again from its stored
text. A new statement by the same claimant that overlaps an old statement's span joins the old statement's
claim without matching, so claims, their links (confirmed or rejected ones included), reviews, claimant merges
and aliases survive. Old claims left without any statement are removed, and so are claimants left without
statements or claims whose aliases are only forms of their own name (a person's alias is kept); everything else
is matched as in ingest.
One transaction per document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from claimdb.claimants import drop_if_unused
from claimdb.db.engine import Database
from claimdb.db.models import Claim, Document, Source, Statement
from claimdb.extract import EXTRACTOR_VERSION
from claimdb.ingest import DocumentResult, prepare, store_statements
from claimdb.matching import DEFAULT_SETTINGS, MatchSettings
from claimdb.matching.text import claim_wording
from claimdb.readers.types import Document as DocumentValue
from claimdb.review import refresh_claim


@dataclass
class ReextractSummary:
    """What a re-extraction did."""

    documents: int = 0
    statements_before: int = 0
    statements_after: int = 0
    claims_kept: int = 0
    claims_removed: int = 0
    claims_new: int = 0
    links_new: int = 0
    claimants_removed: int = 0


def outdated_documents(database: Database, everything: bool = False) -> list[int]:
    """Ids of the documents extracted by another extractor version (all of them with `everything`)."""
    with database.session() as session:
        query = select(Document.id).order_by(Document.id)
        if not everything:
            query = query.where(Document.extractor_version != EXTRACTOR_VERSION)
        return list(session.scalars(query))


def reextract(
    database: Database,
    *,
    everything: bool = False,
    settings: MatchSettings = DEFAULT_SETTINGS,
    on_document: Callable[[int], None] | None = None,
) -> ReextractSummary:
    """Re-extract outdated documents (or all), one transaction each."""
    summary = ReextractSummary()
    for document_id in outdated_documents(database, everything):
        with database.session(write=True) as session:
            _reextract_one(session, document_id, settings, summary)
        summary.documents += 1
        if on_document:
            on_document(document_id)
    return summary


def _reextract_one(session: Session, document_id: int, settings: MatchSettings, summary: ReextractSummary) -> None:
    document = session.get(Document, document_id)
    assert document is not None
    source = session.get(Source, document.source_id) if document.source_id else None
    value = DocumentValue(
        text=document.text,
        location=document.location or f"document {document_id}",
        title=document.title,
        published_on=document.published_on,
        source=source.name if source else None,
        url=document.url,
        external_id=document.external_id,
    )
    prepared = prepare(value)
    old = session.execute(
        select(Statement.claimant_id, Statement.char_start, Statement.char_end, Statement.claim_id).where(
            Statement.document_id == document_id
        )
    ).all()
    summary.statements_before += len(old)
    old_claims = {row.claim_id for row in old}
    counts = {
        claim_id: count
        for claim_id, count in session.execute(
            select(Claim.id, Claim.appearance_count).where(Claim.id.in_(old_claims))
        ).all()
    }
    session.execute(delete(Statement).where(Statement.document_id == document_id))
    taken: set[int] = set()

    def known_claim(claimant_id: int | None, span: tuple[int, int]) -> int | None:
        # The old statement of the same claimant whose span overlaps most, each used once; else, when the
        # claimant is now found better ("Does Rubio" -> "Marco Rubio"), the overlapping old statement that was
        # its claim's only appearance: the claim moves to the new claimant with its links and reviews.
        best = _most_overlapping(old, taken, span, lambda row: row.claimant_id == claimant_id)
        if best is None and claimant_id is not None:
            best = _most_overlapping(old, taken, span, lambda row: counts.get(row.claim_id) == 1)
            if best is not None:
                session.execute(update(Claim).where(Claim.id == old[best].claim_id).values(claimant_id=claimant_id))
        if best is None:
            return None
        taken.add(best)
        return old[best].claim_id

    result = DocumentResult()
    store_statements(session, document_id, document.published_on, prepared.statements, settings, result, known_claim)
    summary.statements_after += result.statements
    summary.claims_new += result.claims_new
    summary.links_new += result.links
    for claim_id in old_claims:
        refresh_claim(session, claim_id)
        count = session.scalar(select(Claim.appearance_count).where(Claim.id == claim_id))
        if count == 0:
            session.execute(delete(Claim).where(Claim.id == claim_id))
            summary.claims_removed += 1
            continue
        summary.claims_kept += 1
        if count == 1:  # the wording of a claim seen once is its statement's wording
            text = session.scalar(select(func.min(Statement.text)).where(Statement.claim_id == claim_id))
            if text is not None:
                session.execute(update(Claim).where(Claim.id == claim_id).values(canonical_text=claim_wording(text)))
    for claimant_id in {row.claimant_id for row in old} - {None}:
        if drop_if_unused(session, claimant_id):
            summary.claimants_removed += 1
    session.execute(update(Document).where(Document.id == document_id).values(extractor_version=EXTRACTOR_VERSION))


def _most_overlapping(
    old: Sequence[Any], taken: set[int], span: tuple[int, int], allowed: Callable[[Any], bool]
) -> int | None:
    best, best_overlap = None, 0
    for index, row in enumerate(old):
        if index in taken or not allowed(row):
            continue
        overlap = min(span[1], row.char_end) - max(span[0], row.char_start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best
