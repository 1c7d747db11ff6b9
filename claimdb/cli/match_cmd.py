"""`claimdb match`: "have we seen this?" — rank known claims for a text or a file of queries."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimdb.cli.common import DbOption, error, handles_errors, open_db
from claimdb.cli.output import FormatOption, LimitOption, OutputFileOption, OutputFormat, RawCsvOption, write_rows
from claimdb.errors import UsageError
from claimdb.matching import rank_claims


def register(app: typer.Typer) -> None:
    app.command(
        "match",
        epilog="""Examples:

  claimdb match "Russia annexed 20 percent of Ukraine"

  claimdb match --queries tweets.jsonl --limit 5 --format jsonl > run.jsonl
""",
    )(match_command)


@handles_errors
def match_command(
    text: Annotated[str | None, typer.Argument(help="The text to look up.", show_default=False)] = None,
    queries: Annotated[
        Path | None,
        typer.Option("--queries", help='JSONL file of {"id", "text"} queries; prints {"query", "ranked"} per line.'),
    ] = None,
    semantic: Annotated[
        bool,
        typer.Option(
            "--semantic",
            help="Also rank by sentence-embedding similarity (optional extra: pip install torch==2.13.0, then "
            "pip install 'claimdb[semantic]'); slower, better on paraphrases.",
        ),
    ] = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = 10,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Rank the claims already in the database by how well they match a text (best first)."""
    if (text is None) == (queries is None):
        raise UsageError("give either a TEXT or --queries FILE.jsonl")
    if text is not None and not text.strip():
        raise UsageError("the text to match is empty: give the words of the claim to look up")
    database = open_db(db)
    try:
        if queries is not None:
            failed = _match_queries(database, queries, limit or 10, output, semantic)
            if failed:
                raise typer.Exit(1)
            return
        assert text is not None
        with database.session() as session:
            ranked = rank_claims(session, text, limit=limit or 10, semantic=semantic)
            rows = [_ranked_row(session, item) for item in ranked]
    finally:
        database.dispose()
    write_rows(rows, format, output=output, raw_csv=raw_csv)


def _ranked_row(session, item) -> dict:  # type: ignore[no-untyped-def]
    from claimdb.db.models import Claim

    claim = session.get(Claim, item.claim_id)
    return {
        "rank_score": round(item.score, 4),
        "claim_id": item.claim_id,
        "external_id": item.external_id or "",
        "claimant": claim.claimant.name if claim is not None and claim.claimant else "",
        "text": claim.canonical_text if claim is not None else "",
        "first_said_on": claim.first_said_on.isoformat() if claim is not None and claim.first_said_on else "",
    }


def _match_queries(database, path: Path, limit: int, output: Path | None, semantic: bool) -> bool:  # type: ignore[no-untyped-def]
    failed = False
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read queries ({exc})") from exc
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with database.session() as session:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    error(f"{path}:{number}: invalid JSON ({exc.msg})")
                    failed = True
                    continue
                if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
                    error(f'{path}:{number}: expected an object with "id" and "text"')
                    failed = True
                    continue
                ranked = rank_claims(session, record["text"], limit=limit, semantic=semantic)
                ids = [item.external_id if item.external_id is not None else str(item.claim_id) for item in ranked]
                out.write(json.dumps({"query": record["id"], "ranked": ids}, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    return failed
