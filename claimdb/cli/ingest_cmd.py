"""`claimdb ingest`: read articles, extract statements, store and link them."""

from __future__ import annotations

import re
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimdb.cli.common import VERBOSITY, DbOption, error, handles_errors, open_db, stderr_is_terminal
from claimdb.ingest import DocumentStatus, IngestSummary, ingest, prepare_in_workers
from claimdb.readers import count_inputs, read_inputs

_LINE_SUFFIX = re.compile(r":\d+$")


def register(app: typer.Typer) -> None:
    app.command(
        "ingest",
        epilog="""Examples:

  claimdb ingest seeds/                   # every article under seeds/, recursively

  claimdb ingest feed.jsonl --db news.db  # one article per JSON line

  cat article.txt | claimdb ingest -      # from standard input

  claimdb ingest archive/ --workers 2     # extract in 2 processes, write from one
""",
    )(ingest_command)
    app.command(
        "reextract",
        epilog="""Examples:

  claimdb reextract              # documents extracted by an older claimdb

  claimdb reextract --all --db news.db
""",
    )(reextract_command)


@handles_errors
def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, directories (read recursively) or - for standard input.", show_default=False),
    ],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only, no summary.")] = False,
    workers: Annotated[
        int,
        typer.Option("--workers", "-w", min=1, help="Extract in this many processes (writing stays in one)."),
    ] = 1,
) -> None:
    """Read articles, extract who said what, store them and link repeated or changed claims.

    Each document is stored in its own transaction: a bad file is reported and skipped, the rest are stored.
    Ingesting the same content again changes nothing. Exit code 1 if any input could not be read.
    """
    database = open_db(db)
    stdin = sys.stdin if "-" in inputs else None
    documents = read_inputs(inputs, stdin=stdin)
    prepared = prepare_in_workers(documents, workers) if workers > 1 else None
    try:
        if stderr_is_terminal() and not (quiet or VERBOSITY.quiet):
            summary = _ingest_with_progress(database, inputs, documents, prepared)
        else:
            summary = ingest(database, documents, prepared=prepared)
    finally:
        database.dispose()
    for problem in summary.errors:
        error(str(problem))
    if summary.fatal:
        error(summary.fatal + "; the documents before it are stored, run the same command again to go on")
    if not (quiet or VERBOSITY.quiet):
        typer.echo(describe_summary(summary))
    if summary.errors or summary.fatal:
        raise typer.Exit(1)


def _ingest_with_progress(database, inputs, documents, prepared) -> IngestSummary:  # type: ignore[no-untyped-def]
    total = count_inputs(inputs)
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[documents]} documents"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    seen_files: set[str] = set()
    with progress:
        task = progress.add_task("ingest", total=total, documents=0)
        counter = {"documents": 0}

        def advance(location: str, status: DocumentStatus) -> None:
            counter["documents"] += 1
            file = _LINE_SUFFIX.sub("", location)
            if file not in seen_files:
                seen_files.add(file)
                progress.update(task, advance=1)
            progress.update(task, documents=counter["documents"])

        return ingest(database, documents, on_document=advance, prepared=prepared)


def describe_summary(summary: IngestSummary) -> str:
    """The closing lines of an ingest run."""
    lines = [
        f"documents: {summary.documents_new} new, {summary.documents_unchanged} unchanged, "
        f"{summary.documents_failed} failed",
        f"statements: {summary.statements} stored; claims: {summary.claims_new} new, "
        f"{summary.claims_joined} repeated; links: {summary.links} new",
    ]
    if not summary.changed and not summary.errors:
        lines.append("nothing new: the database is unchanged")
    return "\n".join(lines)


@handles_errors
def reextract_command(
    everything: Annotated[
        bool, typer.Option("--all", help="Re-extract every document, not only those of older extractor versions.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Rebuild statements from the stored article texts with the current extractor.

    Claims keep their ids when the same speaker's statement is found again, so confirmed and rejected links,
    reviews, claimant merges and aliases are kept. One transaction per document.
    """
    from claimdb.reextract import reextract

    database = open_db(db)
    try:
        summary = reextract(database, everything=everything)
    finally:
        database.dispose()
    if VERBOSITY.quiet:
        return
    if summary.documents == 0:
        typer.echo("nothing to do: every document was extracted by this version")
        return
    typer.echo(
        f"documents: {summary.documents} re-extracted; statements: {summary.statements_before} before, "
        f"{summary.statements_after} after; claims: {summary.claims_kept} kept, {summary.claims_removed} removed, "
        f"{summary.claims_new} new; links: {summary.links_new} new"
        + (f"; claimants: {summary.claimants_removed} removed" if summary.claimants_removed else "")
    )
