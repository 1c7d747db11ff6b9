"""`claimdb export`: whole tables as CSV / JSON Lines / JSON, or reviewed claims as ClaimReview JSON-LD."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from claimdb import export
from claimdb.cli.common import DbOption, handles_errors, note, open_db
from claimdb.cli.output import OutputFileOption, RawCsvOption, spreadsheet_safe
from claimdb.errors import ClaimdbError, UsageError


class What(StrEnum):
    claims = "claims"
    statements = "statements"
    figures = "figures"
    links = "links"
    claimants = "claimants"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    json = "json"
    claimreview = "claimreview"


EXPORT_EXAMPLES = """Examples:

  claimdb export --what statements -o statements.csv       # the columns of `claimdb history`

  claimdb export --what links --format jsonl > links.jsonl

  claimdb export --format claimreview -o reviews.jsonld    # schema.org ClaimReview for reviewed claims
"""


def register(app: typer.Typer) -> None:
    app.command("export", epilog=EXPORT_EXAMPLES)(export_command)


@handles_errors
def export_command(
    what: Annotated[
        What | None, typer.Option("--what", "-w", help="What to export (default: statements).", case_sensitive=False)
    ] = None,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="csv, jsonl, json, or claimreview (schema.org JSON-LD of claims that have reviews).",
            case_sensitive=False,
        ),
    ] = ExportFormat.csv,
    output: OutputFileOption = None,
    db: DbOption = None,
    raw_csv: RawCsvOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No count on standard error.")] = False,
) -> None:
    """Export the database, streaming: UTF-8, one header row for CSV, rows in a stable order."""
    if format is ExportFormat.claimreview and what not in (None, What.claims):
        raise UsageError("--format claimreview exports reviewed claims; leave out --what or use --what claims")
    chosen = what or What.statements
    database = open_db(db)
    try:
        with _destination(output) as handle:
            if format is ExportFormat.claimreview:
                count = export.write_claim_reviews(export.claim_reviews(database), handle)
                noun = "ClaimReview object(s)"
            else:
                rows = export.export_rows(database, chosen.value)
                columns = export.COLUMNS[chosen.value]
                if format is ExportFormat.csv:
                    count = export.write_csv(rows, columns, handle, cell=None if raw_csv else spreadsheet_safe)
                elif format is ExportFormat.jsonl:
                    count = export.write_jsonl(rows, columns, handle)
                else:
                    count = export.write_json(rows, columns, handle)
                noun = chosen.value
    except OSError as exc:
        raise ClaimdbError(f"cannot write {output}: {exc.strerror or exc}") from exc
    finally:
        database.dispose()
    if output is not None and not quiet:
        note(f"exported {count} {noun} to {output}")


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """The output file, or standard output, as UTF-8 text whatever the locale says."""
    if output is not None:
        with output.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (e.g. captured in tests): write to it as is
        yield sys.stdout
        return
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=False)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()
