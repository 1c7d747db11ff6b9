"""`claimdb search`, `history`, `show`, `claimants`, `stats`: read-only questions to the database."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

import typer

from claimdb import query
from claimdb.cli import review_cmds
from claimdb.cli.common import DbOption, handles_errors, note, open_db
from claimdb.cli.output import (
    FormatOption,
    LimitOption,
    OutputFileOption,
    OutputFormat,
    RawCsvOption,
    write_record,
    write_rows,
)
from claimdb.errors import UsageError
from claimdb.query import HISTORY_COLUMNS

SEARCH_COLUMNS = ["said_on", "claimant", "role", "kind", "snippet", "figures", "document", "claim_id"]
SEARCH_FULL_COLUMNS = [*HISTORY_COLUMNS[:-1], "snippet"]


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    reported = "reported"


SpeakerOption = Annotated[str | None, typer.Option("--speaker", "-s", help="Only statements by this claimant.")]
SinceOption = Annotated[
    datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="Said on or after this date (YYYY-MM-DD).")
]
UntilOption = Annotated[
    datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="Said on or before this date (YYYY-MM-DD).")
]
KindOption = Annotated[Kind | None, typer.Option("--kind", help="Only this kind of statement.")]


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def register(app: typer.Typer) -> None:
    app.command("search", epilog=SEARCH_EXAMPLES)(search_command)
    app.command("history", epilog=HISTORY_EXAMPLES)(history_command)
    claimants_app = typer.Typer(
        help="People and organisations quoted; merge duplicates and add aliases.",
        invoke_without_command=True,
        epilog=CLAIMANTS_EXAMPLES,
    )
    claimants_app.callback()(claimants_command)
    app.add_typer(claimants_app, name="claimants")
    review_cmds.register(app, claimants_app)
    app.command("stats", epilog="Example:\n\n  claimdb stats --format json\n")(stats_command)
    show_app = typer.Typer(help="Show one record in full.", no_args_is_help=True)
    show_app.command("claim", epilog="Example:\n\n  claimdb show claim 3 --format json\n")(show_claim_command)
    app.add_typer(show_app, name="show")


SEARCH_EXAMPLES = """Examples:

  claimdb search "annexed"

  claimdb search "tribunal" --speaker Reznikov --since 2022-10-01 --format csv

  claimdb search '"lay down" arms' --speaker Reznikov   # a phrase in double quotes, and a word anywhere

  claimdb search "anexed"        # no exact match: falls back to fuzzy matching and says so
"""


@handles_errors
def search_command(
    text: Annotated[
        str,
        typer.Argument(
            help='Words to look for (all must appear; stemmed); "words in double quotes" must appear as a phrase.'
        ),
    ],
    speaker: SpeakerOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = 20,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Find statements containing words, with speaker, date, figures and a highlighted snippet."""
    if not text.strip():
        raise UsageError('nothing to search for: give one or more words, e.g. claimdb search "annexed"')
    database = open_db(db)
    where = query.StatementFilter(speaker, _day(since), _day(until), kind.value if kind else None)
    result = query.search(database, text, where, limit=limit or 20)
    database.dispose()
    if result.mode == "fuzzy":
        note(
            f"no exact match for {text!r}; showing {len(result.rows)} fuzzy match(es)"
            if result.rows
            else f"no match for {text!r}, not even a fuzzy one"
        )
    columns = SEARCH_COLUMNS if format is OutputFormat.table else SEARCH_FULL_COLUMNS
    write_rows(result.rows, format, columns=columns, output=output, raw_csv=raw_csv)


HISTORY_EXAMPLES = """Examples:

  claimdb history --speaker Reznikov --format csv -o reznikov.csv

  claimdb history --claim 3                  # one claim and every claim linked to it
"""


@handles_errors
def history_command(
    speaker: SpeakerOption = None,
    claim: Annotated[int | None, typer.Option("--claim", "-c", help="A claim id: its history and its links'.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Every statement of a claimant, or of one claim and its linked claims, in date order."""
    if speaker is None and claim is None:
        raise UsageError("give --speaker NAME or --claim ID")
    if speaker is not None and not speaker.strip():
        raise UsageError("--speaker is empty: give (part of) a claimant's name, e.g. --speaker Reznikov")
    database = open_db(db)
    where = query.StatementFilter(speaker, _day(since), _day(until), kind.value if kind else None)
    rows = query.history(database, where, claim_id=claim, limit=limit)
    database.dispose()
    if not rows:
        note("no statements found" + (f" for speaker {speaker!r}" if speaker else ""))
    write_rows(rows, format, columns=HISTORY_COLUMNS, output=output, raw_csv=raw_csv)


CLAIMANTS_EXAMPLES = """Examples:

  claimdb claimants

  claimdb claimants --name Reznikov --format json

  claimdb claimants similar          # "Obama" beside "Barack Obama": who may be one person

  claimdb claimants merge 'Oleksiy Reznikov' 7
"""


@handles_errors
def claimants_command(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option("--name", help="Only claimants whose name contains this.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """People and organisations quoted, with their roles ("Defence Minister, Ukraine") and aliases."""
    if ctx.invoked_subcommand is not None:
        return
    database = open_db(db)
    rows = query.claimants(database, name=name, limit=limit)
    database.dispose()
    write_rows(rows, format, output=output, raw_csv=raw_csv)


@handles_errors
def stats_command(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """How many documents, statements, claims, claimants and links the database holds."""
    database = open_db(db)
    record = query.stats(database)
    database.dispose()
    write_record(record, format)


@handles_errors
def show_claim_command(
    claim_id: Annotated[int, typer.Argument(help="The claim id (as shown by search and history).")],
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """A claim with its claimant, every appearance, its figures, links and reviews."""
    database = open_db(db)
    record = query.show_claim(database, claim_id)
    database.dispose()
    write_record(record, format)
    if format in (OutputFormat.table, OutputFormat.csv):
        typer.echo("")
        write_rows(record["statements"], format, columns=HISTORY_COLUMNS[:-1])
        if record["links"]:
            typer.echo("")
            write_rows(record["links"], format)
