"""`claimdb extract`: read + extract without a database, as JSON Lines (the scorers' contract)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from claimdb.cli.common import error, handles_errors
from claimdb.errors import InputError
from claimdb.extract import extract_statements
from claimdb.extract.serialize import figure_record, statement_record
from claimdb.readers import read_inputs


def register(app: typer.Typer) -> None:
    app.command(
        "extract",
        epilog="""Examples:

  claimdb extract seeds/ --format jsonl

  claimdb extract articles.jsonl --figures > figures.jsonl
""",
    )(extract_command)


@handles_errors
def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories or - for standard input.")],
    figures: Annotated[
        bool,
        typer.Option(
            "--figures",
            help="Print every numeric figure in the text instead of statements (vague quantities such as "
            "'dozens' have no value and are left out).",
        ),
    ] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="Output format (jsonl only).")] = "jsonl",
) -> None:
    """Print the statements (or figures) found in articles, one JSON object per line; no database needed.

    Spans are [start, end) character offsets into the article text as read (for .jsonl input: the `text`
    field, and `doc` is the record's `id`).
    """
    if format != "jsonl":
        from claimdb.errors import UsageError

        raise UsageError(f"unsupported --format {format!r} for extract: use jsonl")
    from claimdb.extract.figures import find_figures  # compiled on first use (see claimdb.extract)

    failed = False
    out = sys.stdout
    for item in read_inputs(inputs, stdin=sys.stdin if "-" in inputs else None):
        if isinstance(item, InputError):
            error(str(item))
            failed = True
            continue
        doc_id = item.external_id or item.location
        if figures:
            # Vague quantities ("dozens") have no value; the figure stream lists numeric figures only.
            records = [figure_record(doc_id, f) for f in find_figures(item.text) if f.value is not None]
        else:
            records = [statement_record(doc_id, s) for s in extract_statements(item.text, item.published_on)]
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)
