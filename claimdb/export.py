"""Streaming exports: claims, statements, figures, links or claimants as CSV / JSON Lines / JSON, and ClaimReview.

Rows are read in batches (`yield_per`) and written as they come, so exporting a million statements holds one
batch in memory, not the table. Statement rows have the columns of `claimdb history` (plus `statement_id`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, Literal, TextIO

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from claimdb.db.engine import Database
from claimdb.db.models import Claim, Claimant, ClaimLink, Document, Figure, Review, Statement
from claimdb.formatting import claimant_row, format_figure, format_role
from claimdb.query import HISTORY_COLUMNS, describe_links, statement_row

Row = dict[str, Any]
ExportWhat = Literal["claims", "statements", "figures", "links", "claimants"]
EXPORT_WHAT: tuple[ExportWhat, ...] = ("claims", "statements", "figures", "links", "claimants")
BATCH_SIZE = 1000

# The history columns in their order, then the statement's own id.
STATEMENT_COLUMNS = [*HISTORY_COLUMNS, "statement_id"]
COLUMNS: dict[ExportWhat, list[str]] = {
    "claims": [
        "claim_id",
        "claimant",
        "text",
        "title",
        "external_id",
        "url",
        "first_said_on",
        "last_said_on",
        "appearances",
        "reviews",
    ],
    "statements": STATEMENT_COLUMNS,
    "figures": [
        "figure_id",
        "statement_id",
        "claim_id",
        "said_on",
        "claimant",
        "figure",
        "surface",
        "value",
        "value_max",
        "unit",
        "qualifier",
        "text",
    ],
    "links": [
        "link_id",
        "relation",
        "status",
        "score",
        "method",
        "claim_a_id",
        "claimant_a",
        "text_a",
        "claim_b_id",
        "claimant_b",
        "text_b",
        "evidence",
        "note",
        "decided_by",
        "decided_at",
        "created_at",
    ],
    "claimants": ["claimant_id", "name", "kind", "roles", "aliases", "statements"],
}


def export_rows(database: Database, what: ExportWhat, *, batch_size: int = BATCH_SIZE) -> Iterator[Row]:
    """Every row of one kind, streamed in id (statements: date) order; keys are `COLUMNS[what]`."""
    producers: dict[ExportWhat, Callable[[Session, int], Iterator[Row]]] = {
        "claims": _claim_rows,
        "statements": _statement_rows,
        "figures": _figure_rows,
        "links": _link_rows,
        "claimants": _claimant_rows,
    }
    with database.session() as session:
        yield from producers[what](session, batch_size)


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _claim_rows(session: Session, batch_size: int) -> Iterator[Row]:
    query = (
        select(Claim)
        .options(selectinload(Claim.claimant), selectinload(Claim.reviews))
        .order_by(Claim.id)
        .execution_options(yield_per=batch_size)
    )
    for claim in session.scalars(query):
        yield {
            "claim_id": claim.id,
            "claimant": claim.claimant.name if claim.claimant else "",
            "text": claim.canonical_text,
            "title": claim.title or "",
            "external_id": claim.external_id or "",
            "url": claim.url or "",
            "first_said_on": _iso(claim.first_said_on),
            "last_said_on": _iso(claim.last_said_on),
            "appearances": claim.appearance_count,
            "reviews": "; ".join(_describe_review(review) for review in sorted(claim.reviews, key=lambda r: r.id)),
        }


def _describe_review(review: Review) -> str:
    return ": ".join(part for part in (review.reviewer, review.rating) if part) or "reviewed"


def _statement_rows(session: Session, batch_size: int) -> Iterator[Row]:
    query = (
        select(Statement)
        .join(Document)
        .options(
            selectinload(Statement.figures),
            selectinload(Statement.claimant).selectinload(Claimant.roles),
            selectinload(Statement.document).selectinload(Document.source),
        )
        .order_by(
            Statement.said_on.is_(None), Statement.said_on, Document.published_on, Document.id, Statement.char_start
        )
        .execution_options(yield_per=batch_size)
    )
    for batch in session.scalars(query).partitions():
        links = _links_by_claim(session, {statement.claim_id for statement in batch})
        for statement in batch:
            row = statement_row(
                session, statement, describe_links(statement.claim_id, links.get(statement.claim_id, []))
            )
            yield {column: row.get(column, "") for column in STATEMENT_COLUMNS}


def _links_by_claim(session: Session, claim_ids: set[int]) -> dict[int, list[ClaimLink]]:
    by_claim: dict[int, list[ClaimLink]] = {}
    if not claim_ids:
        return by_claim
    query = select(ClaimLink).where(
        or_(ClaimLink.claim_a_id.in_(claim_ids), ClaimLink.claim_b_id.in_(claim_ids)), ClaimLink.status != "rejected"
    )
    for link in session.scalars(query):
        by_claim.setdefault(link.claim_a_id, []).append(link)
        by_claim.setdefault(link.claim_b_id, []).append(link)
    return by_claim


def _figure_rows(session: Session, batch_size: int) -> Iterator[Row]:
    query = (
        select(Figure, Statement.claim_id, Statement.said_on, Statement.text, Statement.speaker_surface, Claimant.name)
        .join(Statement, Figure.statement_id == Statement.id)
        .outerjoin(Claimant, Statement.claimant_id == Claimant.id)
        .order_by(Figure.id)
        .execution_options(yield_per=batch_size)
    )
    for figure, claim_id, said_on, text, surface, claimant in session.execute(query):
        yield {
            "figure_id": figure.id,
            "statement_id": figure.statement_id,
            "claim_id": claim_id,
            "said_on": _iso(said_on),
            "claimant": claimant or surface or "",
            "figure": format_figure(figure),
            "surface": figure.surface,
            "value": figure.value,
            "value_max": figure.value_max,
            "unit": figure.unit or "",
            "qualifier": figure.qualifier,
            "text": text,
        }


def _link_rows(session: Session, batch_size: int) -> Iterator[Row]:
    claim_a, claim_b = aliased(Claim), aliased(Claim)
    claimant_a, claimant_b = aliased(Claimant), aliased(Claimant)
    query = (
        select(
            ClaimLink,
            claim_a.canonical_text,
            claimant_a.name,
            claim_b.canonical_text,
            claimant_b.name,
        )
        .join(claim_a, ClaimLink.claim_a_id == claim_a.id)
        .join(claim_b, ClaimLink.claim_b_id == claim_b.id)
        .outerjoin(claimant_a, claim_a.claimant_id == claimant_a.id)
        .outerjoin(claimant_b, claim_b.claimant_id == claimant_b.id)
        .order_by(ClaimLink.id)
        .execution_options(yield_per=batch_size)
    )
    for link, text_a, name_a, text_b, name_b in session.execute(query):
        yield {
            "link_id": link.id,
            "relation": link.relation,
            "status": link.status,
            "score": round(link.score, 4),
            "method": link.method,
            "claim_a_id": link.claim_a_id,
            "claimant_a": name_a or "",
            "text_a": text_a,
            "claim_b_id": link.claim_b_id,
            "claimant_b": name_b or "",
            "text_b": text_b,
            "evidence": link.evidence,
            "note": link.note or "",
            "decided_by": link.decided_by or "",
            "decided_at": _iso(link.decided_at),
            "created_at": _iso(link.created_at),
        }


def _claimant_rows(session: Session, batch_size: int) -> Iterator[Row]:
    counts = (
        select(Statement.claimant_id, func.count(Statement.id).label("n")).group_by(Statement.claimant_id).subquery()
    )
    query = (
        select(Claimant, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.claimant_id == Claimant.id)
        .options(selectinload(Claimant.roles), selectinload(Claimant.aliases))
        .order_by(Claimant.id)
        .execution_options(yield_per=batch_size)
    )
    for claimant, statements in session.execute(query):
        yield claimant_row(claimant, statements)


# --------------------------------------------------------------------------------------------------- writers


def write_csv(
    rows: Iterable[Row], columns: Sequence[str], handle: TextIO, *, cell: Callable[[Any], Any] | None = None
) -> int:
    """CSV with a header row; lists and objects become JSON text; `cell` may rewrite each value (formula guard)."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        values = [_flat(row.get(column)) for column in columns]
        writer.writerow([cell(value) for value in values] if cell else values)
        count += 1
    return count


def _flat(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def write_jsonl(rows: Iterable[Row], columns: Sequence[str], handle: TextIO) -> int:
    """One JSON object per line, keys in column order."""
    count = 0
    for row in rows:
        handle.write(json.dumps({column: row.get(column) for column in columns}, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(rows: Iterable[Row], columns: Sequence[str], handle: TextIO) -> int:
    """A JSON array of objects, written element by element."""
    count = 0
    handle.write("[")
    for row in rows:
        handle.write(",\n  " if count else "\n  ")
        handle.write(json.dumps({column: row.get(column) for column in columns}, ensure_ascii=False))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


# --------------------------------------------------------------------------------------------------- ClaimReview

SCHEMA_CONTEXT = "https://schema.org"
SCHEMA_AGENT_TYPES = {"person": "Person", "organisation": "Organization", "government": "GovernmentOrganization"}


def claim_reviews(database: Database, *, batch_size: int = 200) -> Iterator[Row]:
    """One schema.org ClaimReview object per stored review, with appearances from the claim's statements."""
    query = (
        select(Claim)
        .where(Claim.id.in_(select(Review.claim_id)))
        .options(
            selectinload(Claim.reviews),
            selectinload(Claim.claimant).selectinload(Claimant.roles),
            selectinload(Claim.statements).selectinload(Statement.document).selectinload(Document.source),
        )
        .order_by(Claim.id)
        .execution_options(yield_per=batch_size)
    )
    with database.session() as session:
        for claim in session.scalars(query):
            item = _claim_item(claim)
            for review in sorted(claim.reviews, key=lambda r: r.id):
                yield _claim_review(claim, review, item)


def _claim_item(claim: Claim) -> Row:
    """The reviewed Claim: who said it, when, and the articles it appeared in (first appearance first)."""
    item: Row = {"@type": "Claim"}
    claimant = claim.claimant
    if claimant is not None:
        author: Row = {"name": claimant.name}
        if claimant.kind in SCHEMA_AGENT_TYPES:  # an unknown kind gets no @type rather than a guessed one
            author = {"@type": SCHEMA_AGENT_TYPES[claimant.kind], **author}
        roles = sorted(claimant.roles, key=lambda role: role.last_seen or date.min, reverse=True)
        if roles and claimant.kind == "person":
            author["jobTitle"] = format_role(roles[0])
        item["author"] = author
    if claim.first_said_on:
        item["datePublished"] = claim.first_said_on.isoformat()
    appearances: list[Row] = []
    seen: set[int] = set()
    statements = sorted(
        claim.statements,
        key=lambda s: (s.said_on or s.document.published_on or date.max, s.document.published_on or date.max, s.id),
    )
    for statement in statements:
        document = statement.document
        if document.id in seen:
            continue
        seen.add(document.id)
        appearances.append(_creative_work(document))
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    return item


def _creative_work(document: Document) -> Row:
    work: Row = {"@type": "CreativeWork"}
    if document.url:
        work["url"] = document.url
    if document.title:
        work["headline"] = document.title
    if document.published_on:
        work["datePublished"] = document.published_on.isoformat()
    if document.source is not None:
        work["publisher"] = {"@type": "Organization", "name": document.source.name}
    return work


def _claim_review(claim: Claim, review: Review, item: Row) -> Row:
    claim_review: Row = {"@type": "ClaimReview"}
    url = review.url or claim.url
    if url:
        claim_review["url"] = url
    if claim.title:
        claim_review["name"] = claim.title
    claim_review["claimReviewed"] = claim.canonical_text
    if review.reviewed_on:
        claim_review["datePublished"] = review.reviewed_on.isoformat()
    if review.reviewer:
        # A fact-checker known only by its site (schema.org's own example names none) stays a url.
        key = "url" if review.reviewer.startswith(("http://", "https://")) else "name"
        claim_review["author"] = {"@type": "Organization", key: review.reviewer}
    rating: Row = {"@type": "Rating"}
    if review.rating:
        rating["alternateName"] = review.rating
        score, _, best = review.rating.partition("/")
        if best and _is_number(score) and _is_number(best):
            rating.update({"ratingValue": score.strip(), "bestRating": best.strip(), "worstRating": "1"})
    claim_review["reviewRating"] = rating
    claim_review["itemReviewed"] = item
    return claim_review


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def write_claim_reviews(reviews: Iterable[Row], handle: TextIO) -> int:
    """A JSON-LD document `{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}`, streamed."""
    handle.write(f'{{\n  "@context": "{SCHEMA_CONTEXT}",\n  "@graph": [')
    count = 0
    for review in reviews:
        handle.write(",\n    " if count else "\n    ")
        handle.write(json.dumps(review, ensure_ascii=False))
        count += 1
    handle.write("\n  ]\n}\n" if count else "]\n}\n")
    return count
