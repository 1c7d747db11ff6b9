"""The normalized schema as SQLAlchemy 2 typed models. Alembic migrations are the only way it is created.

Full-text objects (SQLite FTS5 tables and triggers, PostgreSQL tsvector columns and GIN/trigram indexes) are
not declared here: they are written by hand in the migrations and skipped by autogenerate (see FTS_PREFIXES).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# A column that leads a unique constraint gets no index of its own ("unique leads"): the constraint's index
# serves it (migration 0004).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Names of hand-written full-text objects; autogenerate comparison ignores them.
FTS_PREFIXES = ("claims_fts", "statements_fts", "fts_")
FTS_COLUMNS = ("search_vector",)

STATEMENT_KINDS = ("direct", "indirect", "mixed", "reported")
LINK_RELATIONS = ("paraphrase", "echo", "contradiction", "figure_change", "same_figure", "quoted_differently")
LINK_STATUSES = ("auto", "suggested", "confirmed", "rejected")


def utcnow() -> datetime:
    """Timezone-aware now, for created/ingested timestamps."""
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """An outlet or publisher."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(200))

    documents: Mapped[list[Document]] = relationship(back_populates="source")


class Document(Base):
    """One article, with its full text so statements can be re-extracted later."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(300), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    location: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    source: Mapped[Source | None] = relationship(back_populates="documents")
    statements: Mapped[list[Statement]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Claimant(Base):
    """A person, organisation or government that says things."""

    __tablename__ = "claimants"
    __table_args__ = (
        CheckConstraint(_in("kind", ("person", "organisation", "government", "anonymous", "unknown")), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="unknown")
    normalized_key: Mapped[str] = mapped_column(String(300), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    aliases: Mapped[list[ClaimantAlias]] = relationship(back_populates="claimant", cascade="all, delete-orphan")
    roles: Mapped[list[ClaimantRole]] = relationship(back_populates="claimant", cascade="all, delete-orphan")


class ClaimantAlias(Base):
    """A surface form that names a claimant ("Reznikov", "Oleksiy Reznikov")."""

    __tablename__ = "claimant_aliases"
    __table_args__ = (UniqueConstraint("claimant_id", "normalized_alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claimant_id: Mapped[int] = mapped_column(ForeignKey("claimants.id", ondelete="CASCADE"))  # unique leads
    alias: Mapped[str] = mapped_column(String(300))
    normalized_alias: Mapped[str] = mapped_column(String(300), index=True)

    claimant: Mapped[Claimant] = relationship(back_populates="aliases")


class ClaimantRole(Base):
    """A role seen for a claimant ("Defence Minister" of "Ukraine"), with the dates it was seen."""

    __tablename__ = "claimant_roles"
    __table_args__ = (UniqueConstraint("claimant_id", "title", "affiliation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claimant_id: Mapped[int] = mapped_column(ForeignKey("claimants.id", ondelete="CASCADE"))  # unique leads
    title: Mapped[str] = mapped_column(String(300))
    affiliation: Mapped[str] = mapped_column(String(300), default="")  # "" rather than NULL keeps it unique
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date)

    claimant: Mapped[Claimant] = relationship(back_populates="roles")


class Claim(Base):
    """One assertion by one claimant: the cluster of its appearances (statements)."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    claimant_id: Mapped[int | None] = mapped_column(ForeignKey("claimants.id"), index=True)
    canonical_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)  # e.g. the headline of an imported fact-check
    external_id: Mapped[str | None] = mapped_column(String(300), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    first_said_on: Mapped[date | None] = mapped_column(Date)
    last_said_on: Mapped[date | None] = mapped_column(Date)
    appearance_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claimant: Mapped[Claimant | None] = relationship()
    statements: Mapped[list[Statement]] = relationship(back_populates="claim")
    reviews: Mapped[list[Review]] = relationship(back_populates="claim", cascade="all, delete-orphan")


class Statement(Base):
    """One appearance of a claim in one document."""

    __tablename__ = "statements"
    __table_args__ = (
        UniqueConstraint("document_id", "char_start", "char_end"),
        CheckConstraint(_in("kind", STATEMENT_KINDS), name="kind"),
        Index(None, "claimant_id", "said_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))  # unique leads
    claimant_id: Mapped[int | None] = mapped_column(ForeignKey("claimants.id"))
    speaker_surface: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(String(100))
    venue: Mapped[str | None] = mapped_column(String(300))
    said_on: Mapped[date | None] = mapped_column(Date, index=True)
    said_on_precision: Mapped[str] = mapped_column(String(12), default="publication")
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    attribution: Mapped[str] = mapped_column(String(20), default="none")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)

    claim: Mapped[Claim] = relationship(back_populates="statements")
    document: Mapped[Document] = relationship(back_populates="statements")
    claimant: Mapped[Claimant | None] = relationship()
    figures: Mapped[list[Figure]] = relationship(
        back_populates="statement", cascade="all, delete-orphan", passive_deletes=True
    )


class Figure(Base):
    """A number inside a statement, with a normalized unit and a qualifier."""

    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    surface: Mapped[str] = mapped_column(String(300))
    value: Mapped[float | None] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(100))
    qualifier: Mapped[str] = mapped_column(String(12), default="exact")
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)

    statement: Mapped[Statement] = relationship(back_populates="figures")


class ClaimLink(Base):
    """A relation between two claims, stored once with claim_a_id < claim_b_id."""

    __tablename__ = "claim_links"
    __table_args__ = (
        UniqueConstraint("claim_a_id", "claim_b_id"),
        CheckConstraint("claim_a_id < claim_b_id", name="ordered"),
        CheckConstraint(_in("relation", LINK_RELATIONS), name="relation"),
        CheckConstraint(_in("status", LINK_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))  # unique leads
    claim_b_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claim_a: Mapped[Claim] = relationship(foreign_keys=[claim_a_id])
    claim_b: Mapped[Claim] = relationship(foreign_keys=[claim_b_id])


class Review(Base):
    """A published verdict on a claim (imported from ClaimReview)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    reviewer: Mapped[str | None] = mapped_column(String(300))
    rating: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    reviewed_on: Mapped[date | None] = mapped_column(Date)

    claim: Mapped[Claim] = relationship(back_populates="reviews")
