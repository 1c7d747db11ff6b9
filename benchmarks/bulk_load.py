"""Fill a claimdb database with a generated corpus quickly, bypassing extraction and matching.

Building a 1M-statement database through `claimdb ingest` takes hours on a small machine; this writes the
rows the generator knows it produced (documents, claimants with aliases and roles, claims, statements,
figures, and links for reworded, changed and contradicted claims) in large batches through SQLAlchemy Core, so
the full-text index (claimdb indexes each inserted batch) and the table indexes are maintained as in a normal
ingest. Benchmarks then measure real `ingest` of *new* articles on top of it.

    python benchmarks/bulk_load.py --statements 1000000 --db /tmp/base-1m.db
    python benchmarks/bulk_load.py --statements 100000 --db postgresql+psycopg://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate_corpus import Article, generate_articles  # noqa: E402
from sqlalchemy import Connection, func, select  # noqa: E402

from claimdb.claimants import normalize_name  # noqa: E402
from claimdb.config import resolve_database_url  # noqa: E402
from claimdb.db.engine import Database, open_database  # noqa: E402
from claimdb.db.models import (  # noqa: E402
    Base,
    Claim,
    Claimant,
    ClaimantAlias,
    ClaimantRole,
    ClaimLink,
    Document,
    Figure,
    Source,
    Statement,
)
from claimdb.extract import EXTRACTOR_VERSION  # noqa: E402
from claimdb.readers.types import Document as DocumentValue  # noqa: E402

_RELATION = {"reworded": "paraphrase", "figure_change": "figure_change", "contradiction": "contradiction"}
BATCH_ARTICLES = 2000


@dataclass
class _ClaimState:
    id: int
    count: int
    first: date
    last: date


@dataclass
class LoadSummary:
    """What was written."""

    articles: int = 0
    statements: int = 0
    claims: int = 0
    links: int = 0
    seconds: float = 0.0


class BulkLoader:
    """Writes generated articles as claimdb rows, assigning ids itself so a batch needs no round trips."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.sources: dict[str, int] = {}
        self.claimants: dict[str, int] = {}
        self.claims: dict[tuple[int, int], _ClaimState] = {}
        self.links: set[tuple[int, int]] = set()
        with database.engine.connect() as connection:
            self.next_id = {
                model: (connection.execute(select(func.max(model.id))).scalar() or 0) + 1
                for model in (Source, Claimant, Claim, Document, Statement)
            }

    def _id(self, model: type) -> int:
        value = self.next_id[model]
        self.next_id[model] = value + 1
        return value

    def load(self, articles: Iterable[Article], summary: LoadSummary) -> None:
        """Write every article, committing every BATCH_ARTICLES articles."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= BATCH_ARTICLES:
                self._write(batch, summary)
                batch = []
        if batch:
            self._write(batch, summary)
        self._finish_claims()

    def _write(self, batch: list[Article], summary: LoadSummary) -> None:
        rows: dict[type, list[dict]] = {
            model: []
            for model in (Source, Claimant, ClaimantAlias, ClaimantRole, Document, Claim, Statement, Figure, ClaimLink)
        }
        for article in batch:
            self._article_rows(article, rows, summary)
        with self.database.engine.execution_options(claimdb_write=True).begin() as connection:
            for model, values in rows.items():
                if values:
                    _insert(connection, model, values)
        summary.articles += len(batch)

    def _article_rows(self, article: Article, rows: dict[type, list[dict]], summary: LoadSummary) -> None:
        if article.source not in self.sources:
            self.sources[article.source] = self._id(Source)
            rows[Source].append({"id": self.sources[article.source], "name": article.source})
        published = date.fromisoformat(article.published_at)
        value = DocumentValue(
            text=article.text, location=f"generated:{article.id}", title=article.title, published_on=published
        )
        document_id = self._id(Document)
        rows[Document].append(
            {
                "id": document_id,
                "source_id": self.sources[article.source],
                "external_id": article.id,
                "url": article.url,
                "title": article.title,
                "published_on": published,
                "text": article.text,
                "content_sha256": value.content_sha256,
                "location": value.location,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
        for generated in article.statements:
            claimant_id = self._claimant(generated.claimant, generated, rows)
            state = self.claims.get(generated.claim_key)
            if state is None:
                state = _ClaimState(self._id(Claim), 0, generated.said_on, generated.said_on)
                self.claims[generated.claim_key] = state
                rows[Claim].append(
                    {
                        "id": state.id,
                        "claimant_id": claimant_id,
                        "canonical_text": generated.content,
                        "first_said_on": generated.said_on,
                        "last_said_on": generated.said_on,
                        "appearance_count": 1,
                    }
                )
                summary.claims += 1
            state.count += 1
            state.first = min(state.first, generated.said_on)
            state.last = max(state.last, generated.said_on)
            statement_id = self._id(Statement)
            rows[Statement].append(
                {
                    "id": statement_id,
                    "claim_id": state.id,
                    "document_id": document_id,
                    "claimant_id": claimant_id,
                    "speaker_surface": generated.claimant,
                    "kind": generated.kind,
                    "text": generated.content,
                    "cue": generated.cue,
                    "venue": None,
                    "said_on": generated.said_on,
                    "said_on_precision": "day" if generated.said_on != published else "publication",
                    "char_start": generated.start,
                    "char_end": generated.end,
                    "attribution": "name" if generated.claimant_kind == "person" else "organisation",
                    "confidence": 1.0,
                }
            )
            summary.statements += 1
            for figure in generated.figures:
                offset = generated.content.find(figure.surface)
                rows[Figure].append(
                    {
                        "statement_id": statement_id,
                        "surface": figure.surface,
                        "value": figure.value,
                        "value_max": None,
                        "unit": figure.unit,
                        "qualifier": figure.qualifier,
                        "char_start": generated.start + max(offset, 0),
                        "char_end": generated.start + max(offset, 0) + len(figure.surface),
                    }
                )
            origin = self.claims.get(generated.origin_key) if generated.origin_key else None
            if origin is not None and origin.id != state.id:
                pair = (min(origin.id, state.id), max(origin.id, state.id))
                if pair not in self.links:
                    self.links.add(pair)
                    rows[ClaimLink].append(
                        {
                            "claim_a_id": pair[0],
                            "claim_b_id": pair[1],
                            "relation": _RELATION[generated.relation],
                            "score": 0.9,
                            "method": "bulk_load",
                            "evidence": {},
                            "status": "auto" if generated.relation != "reworded" else "suggested",
                        }
                    )
                    summary.links += 1

    def _claimant(self, name: str, generated, rows: dict[type, list[dict]]) -> int:  # type: ignore[no-untyped-def]
        claimant_id = self.claimants.get(name)
        if claimant_id is not None:
            return claimant_id
        claimant_id = self._id(Claimant)
        self.claimants[name] = claimant_id
        rows[Claimant].append(
            {"id": claimant_id, "name": name, "kind": generated.claimant_kind, "normalized_key": normalize_name(name)}
        )
        aliases = {normalize_name(name): name}
        if generated.claimant_kind == "person":
            surname = name.split()[-1]
            aliases.setdefault(normalize_name(surname), surname)
        for key, alias in aliases.items():
            rows[ClaimantAlias].append({"claimant_id": claimant_id, "alias": alias, "normalized_alias": key})
        if generated.title:
            rows[ClaimantRole].append(
                {
                    "claimant_id": claimant_id,
                    "title": generated.title,
                    "affiliation": generated.affiliation or "",
                    "first_seen": generated.said_on,
                    "last_seen": generated.said_on,
                }
            )
        return claimant_id

    def _finish_claims(self) -> None:
        """Set appearance counts and first/last dates of claims seen more than once."""
        table = Claim.__table__
        changed = [
            {"cid": state.id, "count": state.count, "first": state.first, "last": state.last}
            for state in self.claims.values()
            if state.count > 1
        ]
        from sqlalchemy import bindparam, update

        statement = (
            update(table)
            .where(table.c.id == bindparam("cid"))
            .values(
                appearance_count=bindparam("count"), first_said_on=bindparam("first"), last_said_on=bindparam("last")
            )
        )
        with self.database.engine.execution_options(claimdb_write=True).begin() as connection:
            for start in range(0, len(changed), 20000):
                connection.execute(statement, changed[start : start + 20000])


def _insert(connection: Connection, model: type, values: list[dict]) -> None:
    connection.execute(model.__table__.insert(), values)  # type: ignore[attr-defined]


def bulk_load(url: str, statements: int, seed: int = 1, claimants: int = 400) -> tuple[LoadSummary, int]:
    """Load the first articles of corpus `seed` until `statements` statements; returns (summary, articles used)."""
    database = open_database(url)
    summary = LoadSummary()
    started = time.perf_counter()
    try:
        BulkLoader(database).load(generate_articles(seed, statements=statements, claimants=claimants), summary)
        if database.backend == "sqlite":
            database.dispose()
            path = database.engine.url.database
            assert path is not None
            with sqlite3.connect(path, isolation_level=None) as connection:
                connection.execute("ANALYZE")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                # Rows were written with explicit ids: move each id sequence past them, or the next ingest
                # would collide with the loaded rows.
                for table in Base.metadata.sorted_tables:
                    connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
                connection.exec_driver_sql("VACUUM ANALYZE")
    finally:
        database.dispose()
    summary.seconds = time.perf_counter() - started
    return summary, summary.articles


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claimants", type=int, default=400)
    parser.add_argument("--db", required=True, help="SQLite path or database URL (should be new and empty)")
    args = parser.parse_args(argv)
    summary, _ = bulk_load(resolve_database_url(args.db), args.statements, args.seed, args.claimants)
    print(
        f"{summary.articles} articles, {summary.statements} statements, {summary.claims} claims, "
        f"{summary.links} links in {summary.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
