"""The human side of linking: review links, merge claims and claimants, add aliases.

Every decision is kept: a rejected pair stays in claim_links with status "rejected", so it is never
suggested again, and re-extraction never overrides what a person decided.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from claimdb.claimants import add_alias, names_nobody, normalize_name
from claimdb.db.engine import Database
from claimdb.db.models import (
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimantRole,
    ClaimLink,
    Review,
    Statement,
)
from claimdb.errors import NotFoundError, UsageError
from claimdb.query import Row, claimant_ids_for

REVIEWER = "cli"


def list_links(
    database: Database,
    *,
    status: str | None = None,
    relation: str | None = None,
    relations: tuple[str, ...] = (),
    speaker: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Links with both texts, claimants, dates and evidence labels, newest claims last."""
    with database.session() as session:
        query = select(ClaimLink).order_by(ClaimLink.id)
        if status:
            query = query.where(ClaimLink.status == status)
        if relation:
            query = query.where(ClaimLink.relation == relation)
        if relations:
            query = query.where(ClaimLink.relation.in_(relations))
        if speaker:
            claims = select(Claim.id).where(Claim.claimant_id.in_(claimant_ids_for(speaker)))
            query = query.where(or_(ClaimLink.claim_a_id.in_(claims), ClaimLink.claim_b_id.in_(claims)))
        if limit is not None:
            query = query.limit(limit)
        return [link_row(session, link) for link in session.scalars(query)]


def _claim_summary(session: Session, claim_id: int) -> tuple[str, str, str]:
    claim = session.get(Claim, claim_id)
    if claim is None:
        return "", "", ""
    name = claim.claimant.name if claim.claimant else ""
    said = claim.first_said_on.isoformat() if claim.first_said_on else ""
    return claim.canonical_text, name, said


def evidence_labels(evidence: dict) -> str:
    """The comparison labels a reviewer reads: "text: near-identical; figures: 500 → 600 square kilometre"."""
    parts = []
    for name, level in evidence.items():
        label = level.get("label") if isinstance(level, dict) else level
        parts.append(f"{name}: {label}")
    return "; ".join(parts)


def link_row(session: Session, link: ClaimLink) -> Row:
    """One link as a row with both sides side by side."""
    text_a, claimant_a, said_a = _claim_summary(session, link.claim_a_id)
    text_b, claimant_b, said_b = _claim_summary(session, link.claim_b_id)
    return {
        "link_id": link.id,
        "relation": link.relation,
        "status": link.status,
        "score": round(link.score, 3),
        "claim_a": link.claim_a_id,
        "said_on_a": said_a,
        "claimant_a": claimant_a,
        "text_a": text_a,
        "claim_b": link.claim_b_id,
        "said_on_b": said_b,
        "claimant_b": claimant_b,
        "text_b": text_b,
        "evidence": evidence_labels(link.evidence or {}),
        "note": link.note or "",
    }


def decide_link(database: Database, link_id: int, *, confirm: bool, note: str | None = None) -> Row:
    """Confirm or reject a link; confirming a paraphrase by the same claimant merges the two claims."""
    with database.session(write=True) as session:
        link = session.get(ClaimLink, link_id)
        if link is None:
            raise NotFoundError(f"no link with id {link_id}")
        link.status = "confirmed" if confirm else "rejected"
        link.note = note if note is not None else link.note
        link.decided_by = REVIEWER
        link.decided_at = datetime.now(UTC)
        row = link_row(session, link)
        if confirm and link.relation == "paraphrase":
            a = session.get(Claim, link.claim_a_id)
            b = session.get(Claim, link.claim_b_id)
            if a is not None and b is not None and a.claimant_id is not None and a.claimant_id == b.claimant_id:
                merge_claims(session, keep=a.id, absorb=b.id)
                row["merged_into"] = a.id
        return row


def merge_claims(session: Session, *, keep: int, absorb: int) -> None:
    """Move every statement, link and review of claim `absorb` to claim `keep`, then delete `absorb`."""
    if keep == absorb:
        return
    session.execute(update(Statement).where(Statement.claim_id == absorb).values(claim_id=keep))
    session.execute(update(Review).where(Review.claim_id == absorb).values(claim_id=keep))
    links = session.scalars(
        select(ClaimLink).where(or_(ClaimLink.claim_a_id == absorb, ClaimLink.claim_b_id == absorb))
    ).all()
    for link in links:
        other = link.claim_b_id if link.claim_a_id == absorb else link.claim_a_id
        if other == keep:
            session.delete(link)
            continue
        low, high = sorted((keep, other))
        clash = session.scalar(select(ClaimLink.id).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high))
        if clash is not None:
            session.delete(link)  # the kept claim already has a link to `other`; keep that decision
        else:
            link.claim_a_id, link.claim_b_id = low, high
    session.flush()
    absorbed = session.get(Claim, absorb)
    kept = session.get(Claim, keep)
    if kept is not None and absorbed is not None and kept.external_id is None and absorbed.external_id:
        kept.external_id = absorbed.external_id
        absorbed.external_id = None
        session.flush()
    session.execute(delete(Claim).where(Claim.id == absorb))
    refresh_claim(session, keep)


def refresh_claim(session: Session, claim_id: int) -> None:
    """Recompute a claim's appearance count and date range from its statements."""
    count, first, last = session.execute(
        select(func.count(Statement.id), func.min(Statement.said_on), func.max(Statement.said_on)).where(
            Statement.claim_id == claim_id
        )
    ).one()
    session.execute(
        update(Claim).where(Claim.id == claim_id).values(appearance_count=count, first_said_on=first, last_said_on=last)
    )


def _claimant(session: Session, ref: str) -> Claimant:
    if ref.isdigit():
        found = session.get(Claimant, int(ref))
        if found is None:
            raise NotFoundError(f"no claimant with id {ref}")
        return found
    ids = list(session.scalars(claimant_ids_for(ref)))
    if not ids:
        raise NotFoundError(f"no claimant named {ref!r}")
    if len(ids) > 1:
        names = ", ".join(f"{c.id}: {c.name}" for c in session.scalars(select(Claimant).where(Claimant.id.in_(ids))))
        raise UsageError(f"{ref!r} names several claimants ({names}); use an id")
    claimant = session.get(Claimant, ids[0])
    assert claimant is not None
    return claimant


def merge_claimants(database: Database, keep_ref: str, absorb_ref: str) -> Row:
    """Make claimant `absorb_ref` part of `keep_ref`: statements, claims, aliases and roles move along."""
    with database.session(write=True) as session:
        keep = _claimant(session, keep_ref)
        absorb = _claimant(session, absorb_ref)
        if keep.id == absorb.id:
            raise UsageError("cannot merge a claimant into itself")
        session.execute(update(Statement).where(Statement.claimant_id == absorb.id).values(claimant_id=keep.id))
        session.execute(update(Claim).where(Claim.claimant_id == absorb.id).values(claimant_id=keep.id))
        for alias in list(absorb.aliases):
            add_alias(session, keep.id, alias.alias)
        add_alias(session, keep.id, absorb.name)
        for role in list(absorb.roles):
            existing = session.scalar(
                select(ClaimantRole).where(
                    ClaimantRole.claimant_id == keep.id,
                    ClaimantRole.title == role.title,
                    ClaimantRole.affiliation == role.affiliation,
                )
            )
            if existing is None:
                role.claimant_id = keep.id
            else:
                dates = [d for d in (existing.first_seen, role.first_seen) if d]
                existing.first_seen = min(dates) if dates else None
                dates = [d for d in (existing.last_seen, role.last_seen) if d]
                existing.last_seen = max(dates) if dates else None
                session.delete(role)
        session.flush()
        session.execute(delete(ClaimantAlias).where(ClaimantAlias.claimant_id == absorb.id))
        session.execute(delete(Claimant).where(Claimant.id == absorb.id))
        return {"claimant_id": keep.id, "name": keep.name, "merged": absorb.name}


def alias_claimant(database: Database, ref: str, alias: str) -> Row:
    """Record that `alias` names claimant `ref` (so later articles resolve to it)."""
    if not normalize_name(alias):
        raise UsageError(f"{alias!r} is not a usable alias")
    with database.session(write=True) as session:
        claimant = _claimant(session, ref)
        add_alias(session, claimant.id, alias)
        return {"claimant_id": claimant.id, "name": claimant.name, "alias": alias}


def similar_claimants(database: Database, *, limit: int | None = None) -> list[Row]:
    """Pairs of person claimants that may be one person, for `claimants merge`: a surname on its own beside a
    full name ("Obama" / "Barack Obama"), or the same first and last name with a middle name or initial on one
    side ("Donald J. Trump" / "Donald Trump"). Most quoted pairs first; merging stays a person's decision."""
    with database.session() as session:
        counts = {
            claimant_id: count
            for claimant_id, count in session.execute(
                select(Statement.claimant_id, func.count(Statement.id)).group_by(Statement.claimant_id)
            ).all()
            if claimant_id is not None
        }
        people = session.execute(
            select(Claimant.id, Claimant.name, Claimant.normalized_key).where(Claimant.kind == "person")
        ).all()
    by_surname: dict[str, list[tuple[int, str, list[str]]]] = {}
    for claimant_id, name, key in people:
        words = key.split()
        if words and not names_nobody(name):
            by_surname.setdefault(words[-1], []).append((claimant_id, name, words))
    rows: list[Row] = []
    for group in by_surname.values():
        if len(group) < 2:
            continue
        full = [c for c in group if len(c[2]) >= 2]
        for one in group:
            if len(one[2]) == 1 and full:
                for other in full:  # every full name it may stand for: the person picks one
                    rows.append(_pair(other, one, "surname alone", counts, ambiguous=len(full) > 1))
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                shorter, longer = sorted((a, b), key=lambda c: len(c[2]))
                if (
                    len(longer[2]) > len(shorter[2]) == 2
                    and longer[2][0] == shorter[2][0]
                    and longer[2][-1] == shorter[2][-1]
                ):
                    rows.append(_pair(shorter, longer, "middle name or initial", counts, ambiguous=False))
    rows.sort(key=lambda row: (-_weight(row), str(row["name_a"]), str(row["name_b"])))
    return rows[:limit] if limit is not None else rows


def _weight(row: Row) -> int:
    a, b = row["statements_a"], row["statements_b"]
    return (a if isinstance(a, int) else 0) + (b if isinstance(b, int) else 0)


def _pair(
    keep: tuple[int, str, list[str]],
    absorb: tuple[int, str, list[str]],
    why: str,
    counts: dict[int, int],
    *,
    ambiguous: bool,
) -> Row:
    return {
        "claimant_a": keep[0],
        "name_a": keep[1],
        "statements_a": counts.get(keep[0], 0),
        "claimant_b": absorb[0],
        "name_b": absorb[1],
        "statements_b": counts.get(absorb[0], 0),
        "why": why + (" (several full names share it)" if ambiguous else ""),
        "merge": f"claimdb claimants merge {keep[0]} {absorb[0]}",
    }
