"""Questions the CLI asks: search, claim and claimant histories, show, claimants, stats.

Every function returns plain rows (dicts with a stable key order) so all output formats share one shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from claimdb.claimants import normalize_name
from claimdb.db import fts
from claimdb.db.engine import Database
from claimdb.db.models import (
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimantRole,
    ClaimLink,
    Document,
    Figure,
    Review,
    Source,
    Statement,
)
from claimdb.errors import NotFoundError
from claimdb.formatting import claimant_row, format_figure, format_role

Row = dict[str, Any]

# The columns of a statement history, in order: `history`, search output and statement exports share them.
HISTORY_COLUMNS = [
    "said_on",
    "claimant",
    "role",
    "kind",
    "text",
    "figures",
    "cue",
    "venue",
    "document",
    "published_on",
    "url",
    "claim_id",
    "links",
]


@dataclass(frozen=True)
class StatementFilter:
    """Restrictions shared by search and history."""

    speaker: str | None = None
    since: date | None = None
    until: date | None = None
    kind: str | None = None


@dataclass
class SearchResult:
    """Hits plus how they were found: "fulltext", or "fuzzy" when nothing matched exactly."""

    mode: Literal["fulltext", "fuzzy"]
    rows: list[Row]


def claimant_ids_for(speaker: str) -> Select:
    """Claimants named `speaker`: an alias equal to it, or a name containing it ("Reznikov")."""
    key = normalize_name(speaker)
    pattern = f"%{key}%"
    return select(Claimant.id).where(
        or_(
            Claimant.normalized_key.like(pattern),
            Claimant.id.in_(select(ClaimantAlias.claimant_id).where(ClaimantAlias.normalized_alias == key)),
        )
    )


NAME_LENGTH = 300
SPEAKER_IDS_MAX = 2_000  # claimant ids passed as a list (SQLite allows 32,766 bound values per statement)


def _conditions(session: Session, where: StatementFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if where.speaker:
        # The claimants table is small: resolving the speaker to ids first lets the (claimant_id, said_on)
        # index serve the statements, where a sub-select left the planner guessing half the table matched.
        # Names and aliases are stored in 300 characters: a longer key names nobody (and would be a LIKE
        # pattern too long for SQLite).
        too_long = len(normalize_name(where.speaker)) > NAME_LENGTH
        ids = [] if too_long else sorted(session.scalars(claimant_ids_for(where.speaker).limit(SPEAKER_IDS_MAX + 1)))
        if len(ids) > SPEAKER_IDS_MAX:  # a name fragment matching thousands: a sub-select, not a bound list
            conditions.append(Statement.claimant_id.in_(claimant_ids_for(where.speaker)))
        else:
            conditions.append(Statement.claimant_id.in_(ids))
    if where.since:
        conditions.append(Statement.said_on >= where.since)
    if where.until:
        conditions.append(Statement.said_on <= where.until)
    if where.kind:
        conditions.append(Statement.kind == where.kind)
    return conditions


def _statement_ids(session: Session, where: StatementFilter) -> Select | None:
    conditions = _conditions(session, where)
    return select(Statement.id).where(*conditions) if conditions else None


def search(database: Database, query: str, where: StatementFilter, limit: int = 20) -> SearchResult:
    """Statements matching `query` (all words, stemmed), falling back to fuzzy matching when none do."""
    with database.session() as session:
        filters = _statement_ids(session, where)
        hits = fts.search_statements(session, query, filters, limit)
        mode: Literal["fulltext", "fuzzy"] = "fulltext"
        if not hits:
            hits = fts.fuzzy_statements(session, query, filters, limit)
            mode = "fuzzy"
        statements = _load_statements(session, [hit.statement_id for hit in hits])
        rows = [
            {**statement_row(session, statements[hit.statement_id]), "snippet": hit.snippet}
            for hit in hits
            if hit.statement_id in statements
        ]
        return SearchResult(mode, rows)


def _load_statements(session: Session, ids: list[int]) -> dict[int, Statement]:
    if not ids:
        return {}
    query = (
        select(Statement)
        .where(Statement.id.in_(ids))
        .options(
            selectinload(Statement.figures),
            selectinload(Statement.claimant).selectinload(Claimant.roles),
            selectinload(Statement.document).selectinload(Document.source),
        )
    )
    return {statement.id: statement for statement in session.scalars(query)}


def role_on(claimant: Claimant | None, on: date | None) -> ClaimantRole | None:
    """The role a claimant was seen with closest to `on` (the latest seen when undated)."""
    if claimant is None or not claimant.roles:
        return None
    roles = claimant.roles
    if on is not None:
        current = [r for r in roles if r.first_seen and r.last_seen and r.first_seen <= on <= r.last_seen]
        if current:
            return current[0]
    return max(roles, key=lambda r: (r.last_seen or date.min, r.id))


def statement_row(session: Session, statement: Statement, links: str = "") -> Row:
    """The columns every listing of statements shares (history, search, export)."""
    document = statement.document
    claimant = statement.claimant
    return {
        "said_on": statement.said_on.isoformat() if statement.said_on else "",
        "claimant": claimant.name if claimant else (statement.speaker_surface or ""),
        "role": format_role(role_on(claimant, statement.said_on)),
        "kind": statement.kind,
        "text": statement.text,
        "figures": "; ".join(format_figure(figure) for figure in statement.figures),
        "cue": statement.cue or "",
        "venue": statement.venue or "",
        "document": document.title or document.location or "",
        "published_on": document.published_on.isoformat() if document.published_on else "",
        "url": document.url or (document.source.name if document.source else "") or document.location or "",
        "claim_id": statement.claim_id,
        "statement_id": statement.id,
        "links": links,
    }


def _links_by_claim(session: Session, claim_ids: set[int]) -> dict[int, list[ClaimLink]]:
    if not claim_ids:
        return {}
    links = session.scalars(
        select(ClaimLink).where(
            or_(ClaimLink.claim_a_id.in_(claim_ids), ClaimLink.claim_b_id.in_(claim_ids)),
            ClaimLink.status != "rejected",
        )
    ).all()
    by_claim: dict[int, list[ClaimLink]] = {}
    for link in links:
        by_claim.setdefault(link.claim_a_id, []).append(link)
        by_claim.setdefault(link.claim_b_id, []).append(link)
    return by_claim


def describe_links(claim_id: int, links: list[ClaimLink]) -> str:
    """ "figure_change #12 (suggested); paraphrase #15 (auto)"."""
    parts = []
    for link in sorted(links, key=lambda item: item.id):
        other = link.claim_b_id if link.claim_a_id == claim_id else link.claim_a_id
        parts.append(f"{link.relation} #{other} ({link.status})")
    return "; ".join(parts)


def history(
    database: Database,
    where: StatementFilter,
    *,
    claim_id: int | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Every statement of a speaker, or of one claim and the claims linked to it, in date order."""
    with database.session() as session:
        query = select(Statement)
        if claim_id is not None:
            if session.get(Claim, claim_id) is None:
                raise NotFoundError(f"no claim with id {claim_id}")
            related = {claim_id}
            for link in _links_by_claim(session, {claim_id}).get(claim_id, []):
                related.update((link.claim_a_id, link.claim_b_id))
            query = query.where(Statement.claim_id.in_(related))
        conditions = _conditions(session, where)
        query = query.where(*conditions)
        if where.speaker and claim_id is None and limit is not None:
            query = query.where(*_first_dates(session, conditions, limit))
        query = query.join(Document).order_by(
            Statement.said_on.is_(None), Statement.said_on, Document.published_on, Document.id, Statement.char_start
        )
        if limit is not None:
            query = query.limit(limit)
        ids = list(session.scalars(query.with_only_columns(Statement.id)))
        statements = _load_statements(session, ids)
        links = _links_by_claim(session, {statement.claim_id for statement in statements.values()})
        return [
            statement_row(
                session, statements[i], describe_links(statements[i].claim_id, links.get(statements[i].claim_id, []))
            )
            for i in ids
        ]


def _first_dates(session: Session, conditions: list[ColumnElement[bool]], limit: int) -> list[ColumnElement[bool]]:
    """A date bound keeping every statement among the first `limit` of a history and few others.

    The date of the `limit`-th statement in date order comes from the (claimant_id, said_on) index alone;
    every statement of the first page is dated no later (undated ones sort last), so the bound changes no row
    and spares sorting a prolific speaker's whole history by document.
    """
    last = session.execute(
        select(Statement.said_on)
        .where(*conditions)
        .order_by(Statement.said_on.is_(None), Statement.said_on)
        .offset(max(0, limit - 1))
        .limit(1)
    ).first()
    if last is None or last[0] is None:
        return []
    return [Statement.said_on <= last[0]]


def show_claim(database: Database, claim_id: int) -> Row:
    """A claim with its claimant, appearances, figures, links and reviews."""
    with database.session() as session:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        statement_ids = list(
            session.scalars(
                select(Statement.id)
                .join(Document)
                .where(Statement.claim_id == claim_id)
                .order_by(Statement.said_on, Document.published_on, Statement.id)
            )
        )
        statements = _load_statements(session, statement_ids)
        links = _links_by_claim(session, {claim_id}).get(claim_id, [])
        claimant = claim.claimant
        return {
            "claim_id": claim.id,
            "claimant": claimant.name if claimant else "",
            "role": format_role(role_on(claimant, claim.last_said_on)),
            "text": claim.canonical_text,
            "title": claim.title or "",
            "external_id": claim.external_id or "",
            "first_said_on": claim.first_said_on.isoformat() if claim.first_said_on else "",
            "last_said_on": claim.last_said_on.isoformat() if claim.last_said_on else "",
            "appearances": claim.appearance_count,
            "statements": [statement_row(session, statements[i]) for i in statement_ids],
            "links": [_link_row(session, link, claim_id) for link in sorted(links, key=lambda item: item.id)],
            "reviews": [
                {
                    "reviewer": review.reviewer or "",
                    "rating": review.rating or "",
                    "url": review.url or "",
                    "reviewed_on": review.reviewed_on.isoformat() if review.reviewed_on else "",
                }
                for review in session.scalars(select(Review).where(Review.claim_id == claim_id))
            ],
        }


def _link_row(session: Session, link: ClaimLink, claim_id: int) -> Row:
    other_id = link.claim_b_id if link.claim_a_id == claim_id else link.claim_a_id
    other = session.get(Claim, other_id)
    return {
        "link_id": link.id,
        "relation": link.relation,
        "status": link.status,
        "score": round(link.score, 3),
        "other_claim_id": other_id,
        "other_text": other.canonical_text if other else "",
        "evidence": link.evidence,
    }


def claimants(database: Database, *, name: str | None = None, limit: int | None = None) -> list[Row]:
    """Claimants with their roles, aliases and number of statements, most quoted first."""
    with database.session() as session:
        counts = (
            select(Statement.claimant_id, func.count(Statement.id).label("n"))
            .group_by(Statement.claimant_id)
            .subquery()
        )
        query = (
            select(Claimant, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.claimant_id == Claimant.id)
            .options(selectinload(Claimant.roles), selectinload(Claimant.aliases))
            .order_by(func.coalesce(counts.c.n, 0).desc(), Claimant.name)
        )
        if name:
            query = query.where(Claimant.id.in_(claimant_ids_for(name)))
        if limit is not None:
            query = query.limit(limit)
        return [claimant_row(claimant, statements) for claimant, statements in session.execute(query).all()]


def stats(database: Database) -> Row:
    """Row counts per table and where the database is."""
    from claimdb.db.migrate import current_revision

    with database.session() as session:
        counts = {
            "documents": session.scalar(select(func.count(Document.id))),
            "sources": session.scalar(select(func.count(Source.id))),
            "claimants": session.scalar(select(func.count(Claimant.id))),
            "claims": session.scalar(select(func.count(Claim.id))),
            "statements": session.scalar(select(func.count(Statement.id))),
            "figures": session.scalar(select(func.count(Figure.id))),
            "links": session.scalar(select(func.count(ClaimLink.id))),
            "links_suggested": session.scalar(select(func.count(ClaimLink.id)).where(ClaimLink.status == "suggested")),
            "reviews": session.scalar(select(func.count(Review.id))),
        }
    return {
        "database": database.engine.url.render_as_string(hide_password=True),
        "backend": database.backend,
        "revision": current_revision(database) or "",
        **counts,
    }
