"""Ready-made claims in: fact-check claim JSONL and schema.org ClaimReview JSON / JSON-LD, with their ids.

Accepted inputs (chosen by extension; `-` is standard input, read as one JSON document if it parses as one,
else as JSON Lines):

- `.jsonl` / `.ndjson`: one fact-checked claim per line: `id`, `claim` (or `text`), optional `title`,
  `subtitle`, `date`, `url`, `claimant`, `rating`, `reviewer`, `reviewed_on`. The CheckThat! `vclaims.jsonl` file
  is of this shape.
- `.json` / `.jsonld`: a ClaimReview object, a list of them, a JSON-LD document with `@graph`, the Google Fact
  Check Tools API response (`{"claims": [{"text", "claimant", "claimDate", "claimReview": [...]}]}`), or a list
  of claim objects shaped like the JSONL lines.

Every claim keeps an external id (the record's `id`, the ClaimReview's `@id` or `url`), so importing the same
file again updates the claims and their reviews instead of duplicating them. A bad record becomes an
InputError naming `FILE:LINE` (JSONL) or `FILE:claims[3]` (JSON); the other records are still imported.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from claimdb.claimants import resolve_claimant
from claimdb.db.engine import Database
from claimdb.db.models import Claim, Review, utcnow
from claimdb.errors import InputError
from claimdb.extract.types import Speaker
from claimdb.readers.jsonl import json_type_name
from claimdb.readers.sources import STDIN_LOCATION, iter_sources

IMPORT_LOCK_KEY = 727276  # PostgreSQL advisory lock: two importers of the same ids take turns
BATCH_SIZE = 500
MAX_JSON_DOCUMENT_BYTES = 512 * 1024 * 1024
LINE_FORMATS = (".jsonl", ".ndjson")
DOCUMENT_FORMATS = (".json", ".jsonld")

_CLAIMREVIEW_TYPES = {
    "claimreview",
    "schema:claimreview",
    "http://schema.org/claimreview",
    "https://schema.org/claimreview",
}
_ORGANISATION_TYPES = {"organization", "organisation", "newsmediaorganization", "ngo", "corporation"}

Progress = Callable[[int], None]  # called with the number of input bytes just consumed


@dataclass(frozen=True, slots=True)
class ReviewValue:
    """A published verdict on a claim."""

    reviewer: str | None
    rating: str | None
    url: str | None
    reviewed_on: date | None


@dataclass(frozen=True, slots=True)
class ImportedClaim:
    """One ready-made claim as read from a file, before it is stored."""

    external_id: str
    text: str
    location: str
    title: str | None = None
    url: str | None = None
    said_on: date | None = None
    claimant: str | None = None
    claimant_kind: str = "unknown"
    claimant_title: str | None = None  # ClaimReview's itemReviewed.author.jobTitle: recorded as a role
    reviews: tuple[ReviewValue, ...] = ()


@dataclass
class ImportSummary:
    """What an import did: counts for the summary line and the problems to report."""

    claims_new: int = 0
    claims_updated: int = 0
    reviews_new: int = 0
    reviews_updated: int = 0
    errors: list[InputError] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------- reading


def read_claims(
    paths: Sequence[str], stdin: IO[bytes] | None = None, on_progress: Progress | None = None
) -> Iterator[ImportedClaim | InputError]:
    """Yield every claim in the files (directories are walked) and an InputError for every bad record or file."""
    advance = on_progress or (lambda _: None)
    for source in iter_sources(paths):
        if source.problem is not None:
            yield InputError(source.location, source.problem)
            continue
        try:
            if source.path is None:
                yield from _read_stdin(stdin, advance)
            else:
                yield from _read_path(source.path, source.location, advance)
        except OSError as error:
            yield InputError(source.location, (error.strerror or str(error)).lower())


def import_size(paths: Sequence[str]) -> int:
    """Total bytes of the files `read_claims` will read (stdin counts 0): the total for a progress bar."""
    total = 0
    for source in iter_sources(paths):
        if source.path is not None:
            try:
                total += os.path.getsize(source.path)
            except OSError:
                pass
    return total


def _read_path(path: str, location: str, advance: Progress) -> Iterator[ImportedClaim | InputError]:
    extension = os.path.splitext(path)[1].lower()
    if extension in LINE_FORMATS:
        with open(path, "rb") as stream:
            yield from parse_claim_lines(stream, location, advance)
    elif extension in DOCUMENT_FORMATS:
        with open(path, "rb") as stream:
            data = stream.read(MAX_JSON_DOCUMENT_BYTES + 1)
        if len(data) > MAX_JSON_DOCUMENT_BYTES:
            yield InputError(location, "JSON document is too large; split it or use JSON Lines (.jsonl)")
            return
        yield from parse_claim_document(data, location)
        advance(len(data))
    else:
        shown = extension or "no extension"
        yield InputError(
            location,
            f"unknown claim file type ({shown}); use .jsonl for fact-check claims or .json for ClaimReview "
            "(articles are read by `claimdb ingest`)",
        )


def _read_stdin(stdin: IO[bytes] | None, advance: Progress) -> Iterator[ImportedClaim | InputError]:
    import sys

    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read()
    advance(len(data))
    if not data.strip():
        yield InputError(STDIN_LOCATION, "no input on stdin")
        return
    try:
        json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        yield from parse_claim_lines(iter(data.splitlines(keepends=True)), STDIN_LOCATION, lambda _: None)
        return
    yield from parse_claim_document(data, STDIN_LOCATION)


def parse_claim_lines(lines: Iterable[bytes], location: str, advance: Progress) -> Iterator[ImportedClaim | InputError]:
    """JSON Lines of fact-checked claims: one ImportedClaim per good line, one InputError per bad line."""
    saw_record = False
    for number, raw in enumerate(lines, start=1):
        advance(len(raw))
        where = f"{location}:{number}"
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        saw_record = True
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as error:
            yield InputError(where, f"not valid UTF-8 at byte {error.start + 1} of the line; save the file as UTF-8")
            continue
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON at column {error.colno}: {error.msg}")
            continue
        except (RecursionError, ValueError) as error:
            yield InputError(where, f"invalid JSON: {error}")
            continue
        yield _safely(claim_from_record, record, where)
    if not saw_record:
        yield InputError(location, "file is empty (no JSON lines)")


def parse_claim_document(data: bytes | str, location: str) -> Iterator[ImportedClaim | InputError]:
    """A JSON / JSON-LD document of ClaimReviews, a Fact Check Tools API response, or a list of claim records."""
    if isinstance(data, bytes):
        data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        document = json.loads(data)
    except UnicodeDecodeError:
        yield InputError(location, "not valid UTF-8; save the file as UTF-8")
        return
    except json.JSONDecodeError as error:
        yield InputError(location, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}")
        return
    except (RecursionError, ValueError) as error:
        yield InputError(location, f"invalid JSON: {error}")
        return
    found = False
    for item, where in _items(document, location):
        found = True
        yield _safely(_claim_from_item, item, where)
    if not found:
        yield InputError(location, "no claims found (expected ClaimReview objects or a Fact Check Tools response)")


def _items(document: Any, where: str) -> Iterator[tuple[Any, str]]:
    """The claim-like objects of a document, each with a JSON path naming it in messages."""
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield from _items(item, f"{where}[{index}]")
    elif isinstance(document, dict):
        if isinstance(document.get("@graph"), list):
            for index, item in enumerate(document["@graph"]):
                if isinstance(item, dict) and not _is_claim_review(item) and "claimReviewed" not in item:
                    continue  # a JSON-LD graph also holds the page's WebSite, Organization, BreadcrumbList...
                yield item, f"{where}:@graph[{index}]"
        elif isinstance(document.get("claims"), list) and "claim" not in document:
            for index, item in enumerate(document["claims"]):
                yield item, f"{where}:claims[{index}]"
        else:
            yield document, where
    else:
        yield document, where


def _safely(build: Callable[[Any, str], ImportedClaim], item: Any, where: str) -> ImportedClaim | InputError:
    try:
        return build(item, where)
    except InputError as error:
        return error


def _claim_from_item(item: Any, where: str) -> ImportedClaim:
    if not isinstance(item, dict):
        raise InputError(where, f"expected a JSON object, got {json_type_name(item)}")
    if _is_claim_review(item) or "claimReviewed" in item:
        return claim_from_claim_review(item, where)
    if "claimReview" in item:
        return claim_from_fact_check_api(item, where)
    if "claim" in item or "id" in item:
        return claim_from_record(item, where)
    raise InputError(
        where, "not a ClaimReview (no claimReviewed), a Fact Check Tools claim (no claimReview) or a claim record"
    )


def claim_from_record(record: Any, where: str) -> ImportedClaim:
    """A fact-check claim line: `id`, `claim`, optional `title`, `subtitle`, `date`, `url`, `claimant`, rating."""
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {json_type_name(record)}")
    identifier = record.get("id")
    if identifier is None or isinstance(identifier, bool) or not isinstance(identifier, str | int):
        raise InputError(where, 'missing "id" (a string or an integer): imported claims keep their ids')
    external_id = _text(str(identifier), "id", where)
    if external_id is None:
        raise InputError(where, '"id" is empty')
    claim_field = "claim" if "claim" in record else "text"
    text = _text(record.get(claim_field), claim_field, where)
    if text is None:
        raise InputError(where, 'missing "claim" (the text of the claim)')
    title = _text(record.get("title"), "title", where)
    subtitle = _text(record.get("subtitle"), "subtitle", where)
    if subtitle:
        title = f"{title}\n{subtitle}" if title else subtitle
    url = _text(record.get("url"), "url", where)
    rating = _text(record.get("rating"), "rating", where)
    reviews: tuple[ReviewValue, ...] = ()
    if rating is not None:
        reviews = (
            ReviewValue(
                reviewer=_text(record.get("reviewer"), "reviewer", where),
                rating=rating,
                url=url,
                reviewed_on=_date(record.get("reviewed_on"), "reviewed_on", where),
            ),
        )
    return ImportedClaim(
        external_id=external_id,
        text=text,
        location=where,
        title=title,
        url=url,
        said_on=_date(record.get("date"), "date", where),
        claimant=_text(record.get("claimant"), "claimant", where),
        reviews=reviews,
    )


def claim_from_claim_review(review: dict[str, Any], where: str) -> ImportedClaim:
    """A schema.org ClaimReview: claimReviewed, itemReviewed (the Claim, its author and date), reviewRating."""
    text = _text(review.get("claimReviewed"), "claimReviewed", where)
    item = review.get("itemReviewed")
    if not isinstance(item, dict):
        item = {}
    if text is None:  # some publishers put the claim's words on the Claim instead
        text = _text(item.get("text") or item.get("name"), "itemReviewed.text", where)
    if text is None:
        raise InputError(where, 'ClaimReview has no "claimReviewed" text')
    url = _text(review.get("url"), "url", where)
    claimant, kind = _agent(item.get("author"), "itemReviewed.author", where)
    author = item.get("author")
    job_title = _text(author.get("jobTitle"), "jobTitle", where) if isinstance(author, dict) else None
    said_on = _date(item.get("datePublished"), "itemReviewed.datePublished", where)
    if said_on is None and isinstance(item.get("firstAppearance"), dict):
        said_on = _date(item["firstAppearance"].get("datePublished"), "firstAppearance.datePublished", where)
    reviewer, _ = _agent(review.get("author") or review.get("publisher"), "author", where)
    rating = _rating(review.get("reviewRating"), where)
    reviewed_on = _date(review.get("datePublished"), "datePublished", where)
    identifier = _text(review.get("@id"), "@id", where) or url or _derived_id(text, claimant)
    return ImportedClaim(
        external_id=identifier,
        text=text,
        location=where,
        title=_text(review.get("name") or review.get("headline"), "name", where),
        url=url,
        said_on=said_on,
        claimant=claimant,
        claimant_kind=kind,
        claimant_title=job_title,
        reviews=(ReviewValue(reviewer=reviewer, rating=rating, url=url, reviewed_on=reviewed_on),),
    )


def claim_from_fact_check_api(claim: dict[str, Any], where: str) -> ImportedClaim:
    """One claim of a Google Fact Check Tools API response, with all its reviews."""
    text = _text(claim.get("text"), "text", where)
    if text is None:
        raise InputError(where, 'claim has no "text"')
    raw_reviews = claim.get("claimReview") or []
    if not isinstance(raw_reviews, list):
        raise InputError(where, f'"claimReview" must be an array, not {json_type_name(raw_reviews)}')
    reviews = []
    for index, raw in enumerate(raw_reviews):
        at = f"{where}.claimReview[{index}]"
        if not isinstance(raw, dict):
            raise InputError(at, f"expected a JSON object, got {json_type_name(raw)}")
        reviewer, _ = _agent(raw.get("publisher"), "publisher", at)
        reviews.append(
            ReviewValue(
                reviewer=reviewer,
                rating=_text(raw.get("textualRating"), "textualRating", at),
                url=_text(raw.get("url"), "url", at),
                reviewed_on=_date(raw.get("reviewDate"), "reviewDate", at),
            )
        )
    first_url = next((review.url for review in reviews if review.url), None)
    titles = [_text(raw.get("title"), "title", where) for raw in raw_reviews if isinstance(raw, dict)]
    claimant = _text(claim.get("claimant"), "claimant", where)
    return ImportedClaim(
        external_id=first_url or _derived_id(text, claimant),
        text=text,
        location=where,
        title=next((title for title in titles if title), None),
        url=first_url,
        said_on=_date(claim.get("claimDate"), "claimDate", where),
        claimant=claimant,
        reviews=tuple(reviews),
    )


def _is_claim_review(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and name.casefold() in _CLAIMREVIEW_TYPES for name in names)


def _agent(value: Any, name: str, where: str) -> tuple[str | None, str]:
    """The name and claimant kind of a schema.org Person / Organization (or a plain string, or the first of a list)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return _text(value, name, where), "unknown"
    if isinstance(value, dict):
        kinds = value.get("@type")
        kind_names = {
            str(k).casefold().removeprefix("schema:") for k in (kinds if isinstance(kinds, list) else [kinds])
        }
        kind = (
            "person"
            if "person" in kind_names
            else "government"
            if "governmentorganization" in kind_names
            else "organisation"
            if kind_names & _ORGANISATION_TYPES
            else "unknown"
        )
        # An organisation known only by its site (as in schema.org's own example) is named by that url.
        label = _text(value.get("name"), f"{name}.name", where) or _text(value.get("url"), f"{name}.url", where)
        return label, kind
    return None, "unknown"


def _rating(value: Any, where: str) -> str | None:
    """reviewRating as a person would say it: alternateName ("False"), else "ratingValue/bestRating"."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return _text(value, "reviewRating", where)
    if not isinstance(value, dict):
        return None
    named = _text(value.get("alternateName") or value.get("name"), "reviewRating.alternateName", where)
    if named:
        return named
    score = value.get("ratingValue")
    if score is None or isinstance(score, bool):
        return None
    best = value.get("bestRating")
    return f"{score}/{best}" if best is not None else str(score)


def _derived_id(text: str, claimant: str | None) -> str:
    digest = hashlib.sha256(f"{claimant or ''}\x00{' '.join(text.split()).casefold()}".encode()).hexdigest()
    return f"claim:{digest[:24]}"


def _text(value: Any, name: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(where, f'"{name}" must be a string, not {json_type_name(value)}')
    if "\x00" in value:
        raise InputError(where, f'"{name}" contains a NUL character')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(where, f'"{name}" contains an unpaired surrogate') from None
    return value.strip() or None


def _date(value: Any, name: str, where: str) -> date | None:
    written = _text(value, name, where)
    if written is None:
        return None
    try:
        if len(written) <= 10:
            return date.fromisoformat(written)
        return datetime.fromisoformat(written).date()
    except ValueError:
        pass
    for pattern in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(written, pattern).date()
        except ValueError:
            continue
    shown = written if len(written) <= 40 else written[:40] + "…"
    raise InputError(where, f'"{name}" is not a date (expected YYYY-MM-DD): {shown!r}')


# --------------------------------------------------------------------------------------------------- storing


def import_claims(
    database: Database,
    items: Iterable[ImportedClaim | InputError],
    *,
    batch_size: int = BATCH_SIZE,
) -> ImportSummary:
    """Store claims (and their reviews) by external id, one transaction per batch; collect the errors."""
    summary = ImportSummary()
    batch: dict[str, ImportedClaim] = {}
    for item in items:
        if isinstance(item, InputError):
            summary.errors.append(item)
            continue
        batch.pop(item.external_id, None)  # the last record with an id wins, as a re-import would
        batch[item.external_id] = item
        if len(batch) >= batch_size:
            _store_batch(database, list(batch.values()), summary)
            batch.clear()
    if batch:
        _store_batch(database, list(batch.values()), summary)
    return summary


def import_files(
    database: Database, paths: Sequence[str], *, stdin: IO[bytes] | None = None, on_progress: Progress | None = None
) -> ImportSummary:
    """Read claim files and store their claims: `read_claims` then `import_claims`."""
    return import_claims(database, read_claims(paths, stdin=stdin, on_progress=on_progress))


def _store_batch(database: Database, claims: list[ImportedClaim], summary: ImportSummary) -> None:
    with database.session(write=True) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(IMPORT_LOCK_KEY)))
        claimant_ids = _claimant_ids(session, claims)
        ids = [claim.external_id for claim in claims]
        existing = set(session.scalars(select(Claim.external_id).where(Claim.external_id.in_(ids))))
        summary.claims_updated += len(existing)
        summary.claims_new += len(claims) - len(existing)
        claim_ids = _upsert_claims(session, claims, claimant_ids)
        _store_reviews(session, claims, claim_ids, summary)


def _claimant_ids(session: Session, claims: list[ImportedClaim]) -> dict[str, int | None]:
    found: dict[str, int | None] = {}
    for claim in claims:
        if claim.claimant and claim.claimant not in found:
            speaker = Speaker(
                name=claim.claimant,
                surface=claim.claimant,
                span=None,
                kind=claim.claimant_kind,  # type: ignore[arg-type]
                title=claim.claimant_title,
                attribution="name",
            )
            found[claim.claimant] = resolve_claimant(session, speaker, claim.said_on, as_written=True)
    return found


def _upsert_claims(
    session: Session, claims: list[ImportedClaim], claimant_ids: dict[str, int | None]
) -> dict[str, int]:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utcnow()
    rows = [
        {
            "external_id": claim.external_id,
            "canonical_text": claim.text,
            "title": claim.title,
            "url": claim.url,
            "claimant_id": claimant_ids.get(claim.claimant) if claim.claimant else None,
            "first_said_on": claim.said_on,
            "last_said_on": claim.said_on,
            "appearance_count": 0,
            "created_at": now,
        }
        for claim in claims
    ]
    table = cast(Table, Claim.__table__)
    insert_rows = insert(table)  # executed with a list of rows: compiled once, sent as multi-row batches
    excluded = insert_rows.excluded
    upsert = insert_rows.on_conflict_do_update(
        index_elements=["external_id"],
        set_={
            "canonical_text": excluded.canonical_text,
            "title": excluded.title,
            "url": excluded.url,
            # What the file does not say is kept: a claimant fixed by hand, dates widened by ingest.
            "claimant_id": func.coalesce(excluded.claimant_id, table.c.claimant_id),
            "first_said_on": func.coalesce(excluded.first_said_on, table.c.first_said_on),
            "last_said_on": func.coalesce(excluded.last_said_on, table.c.last_said_on),
        },
    ).returning(table.c.id, table.c.external_id)
    return {external_id: claim_id for claim_id, external_id in session.execute(upsert, rows)}


def _store_reviews(
    session: Session, claims: list[ImportedClaim], claim_ids: dict[str, int], summary: ImportSummary
) -> None:
    with_reviews = [claim for claim in claims if claim.reviews]
    if not with_reviews:
        return
    ids = [claim_ids[claim.external_id] for claim in with_reviews]
    existing: dict[tuple[int, str, str], Review] = {}
    for review in session.scalars(select(Review).where(Review.claim_id.in_(ids))):
        existing[(review.claim_id, review.url or "", review.reviewer or "")] = review
    for claim in with_reviews:
        claim_id = claim_ids[claim.external_id]
        for value in claim.reviews:
            key = (claim_id, value.url or "", value.reviewer or "")
            stored = existing.get(key)
            if stored is None:
                stored = Review(claim_id=claim_id, reviewer=value.reviewer, url=value.url)
                session.add(stored)
                existing[key] = stored
                summary.reviews_new += 1
            else:
                summary.reviews_updated += 1
            stored.rating = value.rating
            stored.reviewed_on = value.reviewed_on
    session.flush()
