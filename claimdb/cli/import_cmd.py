"""`claimdb import`: ready-made claims (fact-check JSONL, ClaimReview JSON-LD) with their external ids."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

from claimdb.cli.common import DbOption, error, handles_errors, open_db, stderr_is_terminal
from claimdb.imports import ImportSummary, import_files, import_size

IMPORT_EXAMPLES = """Examples:

  claimdb import vclaims.jsonl             # {"id", "claim", "title", "date", "url", "claimant"} per line

  claimdb import claimreview.json          # schema.org ClaimReview: one object, a list or a JSON-LD @graph

  claimdb import factcheck-api.json        # a Google Fact Check Tools API response ({"claims": [...]})

Importing the same ids again updates those claims and their reviews instead of adding new ones.
"""


def register(app: typer.Typer) -> None:
    app.command("import", epilog=IMPORT_EXAMPLES)(import_command)


@handles_errors
def import_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Claim files (.jsonl, .json, .jsonld), directories, or - for standard input.", show_default=False
        ),
    ],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only, no summary.")] = False,
) -> None:
    """Import ready-made claims and their verdicts, keeping their ids (for `claimdb match`).

    A bad line or record is reported as `Error: FILE:LINE: problem` and skipped; the rest are imported.
    Exit code 1 if anything could not be read.
    """
    database = open_db(db)
    stdin = sys.stdin.buffer if "-" in inputs else None
    try:
        if stderr_is_terminal() and not quiet:
            summary = _import_with_progress(database, inputs, stdin)
        else:
            summary = import_files(database, inputs, stdin=stdin)
    finally:
        database.dispose()
    for problem in summary.errors:
        error(str(problem))
    if not quiet:
        typer.echo(describe_summary(summary))
    if summary.errors:
        raise typer.Exit(1)


def _import_with_progress(database, inputs, stdin) -> ImportSummary:  # type: ignore[no-untyped-def]
    progress = Progress(
        TextColumn("importing"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("import", total=import_size(inputs) or None)
        return import_files(database, inputs, stdin=stdin, on_progress=lambda n: progress.advance(task, n))


def describe_summary(summary: ImportSummary) -> str:
    """The closing line of an import run."""
    line = (
        f"claims: {summary.claims_new} new, {summary.claims_updated} updated; "
        f"reviews: {summary.reviews_new} new, {summary.reviews_updated} updated"
    )
    if summary.errors:
        line += f"; {len(summary.errors)} record(s) could not be read"
    return line
