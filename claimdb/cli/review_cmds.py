"""`claimdb links`, `contradictions`, `claimants merge|alias`: reviewing what the machine linked."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from claimdb import review
from claimdb.cli.common import DbOption, handles_errors, note, open_db
from claimdb.cli.output import FormatOption, LimitOption, OutputFileOption, OutputFormat, RawCsvOption, write_rows

LINK_COLUMNS_TABLE = ["link_id", "relation", "status", "score", "claim_a", "text_a", "claim_b", "text_b", "evidence"]


class Status(StrEnum):
    suggested = "suggested"
    auto = "auto"
    confirmed = "confirmed"
    rejected = "rejected"


class Relation(StrEnum):
    paraphrase = "paraphrase"
    echo = "echo"
    contradiction = "contradiction"
    figure_change = "figure_change"
    same_figure = "same_figure"
    quoted_differently = "quoted_differently"


links_app = typer.Typer(
    help="Review links between claims: list them, confirm or reject them.",
    invoke_without_command=True,
    epilog="""Examples:

  claimdb links --status suggested            # what needs a person's decision

  claimdb links confirm 12 --note "same speech, other outlet"

  claimdb links reject 13
""",
)


@links_app.callback()
@handles_errors
def links_command(
    ctx: typer.Context,
    status: Annotated[Status | None, typer.Option("--status", help="Only links with this status.")] = None,
    relation: Annotated[Relation | None, typer.Option("--relation", help="Only this relation.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only links touching this claimant.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """List links with both texts, dates and the evidence behind them."""
    if ctx.invoked_subcommand is not None:
        return
    database = open_db(db)
    rows = review.list_links(
        database,
        status=status.value if status else None,
        relation=relation.value if relation else None,
        speaker=speaker,
        limit=limit,
    )
    database.dispose()
    columns = LINK_COLUMNS_TABLE if format is OutputFormat.table else None
    write_rows(rows, format, columns=columns, output=output, raw_csv=raw_csv)


NoteOption = Annotated[str | None, typer.Option("--note", help="Why (kept with the decision).")]


@links_app.command("confirm", epilog="Example:\n\n  claimdb links confirm 12 --note 'checked the video'\n")
@handles_errors
def confirm_command(
    link_id: Annotated[int, typer.Argument(help="Link id.")], note: NoteOption = None, db: DbOption = None
) -> None:
    """Confirm a link; a confirmed paraphrase by the same claimant merges the two claims."""
    database = open_db(db)
    row = review.decide_link(database, link_id, confirm=True, note=note)
    database.dispose()
    merged = f"; claims merged into #{row['merged_into']}" if "merged_into" in row else ""
    typer.echo(f"link {link_id} confirmed ({row['relation']} #{row['claim_a']} ↔ #{row['claim_b']}){merged}")


@links_app.command("reject", epilog="Example:\n\n  claimdb links reject 13 --note 'different speeches'\n")
@handles_errors
def reject_command(
    link_id: Annotated[int, typer.Argument(help="Link id.")], note: NoteOption = None, db: DbOption = None
) -> None:
    """Reject a link; the pair is never suggested again."""
    database = open_db(db)
    row = review.decide_link(database, link_id, confirm=False, note=note)
    database.dispose()
    typer.echo(f"link {link_id} rejected ({row['relation']} #{row['claim_a']} ↔ #{row['claim_b']})")


CONTRADICTION_COLUMNS = [
    "said_on_a",
    "claimant_a",
    "text_a",
    "said_on_b",
    "claimant_b",
    "text_b",
    "relation",
    "status",
    "evidence",
    "link_id",
]


@handles_errors
def contradictions_command(
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only this claimant.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """Contradictions and changed figures as a timeline (rejected links left out)."""
    database = open_db(db)
    rows = review.list_links(database, relations=("contradiction", "figure_change"), speaker=speaker)
    database.dispose()
    rows = [row for row in rows if row["status"] != "rejected"]
    rows.sort(key=lambda row: (row["said_on_b"] or row["said_on_a"], row["link_id"]))
    if limit is not None:
        rows = rows[:limit]
    write_rows(rows, format, columns=CONTRADICTION_COLUMNS, output=output, raw_csv=raw_csv)


@handles_errors
def merge_command(
    keep: Annotated[str, typer.Argument(help="Claimant to keep (id or name).")],
    absorb: Annotated[str, typer.Argument(help="Claimant merged into it (id or name).")],
    db: DbOption = None,
) -> None:
    """Merge two claimants: statements, claims, aliases and roles of the second move to the first."""
    database = open_db(db)
    row = review.merge_claimants(database, keep, absorb)
    database.dispose()
    typer.echo(f"merged {row['merged']!r} into {row['name']!r} (claimant {row['claimant_id']})")


@handles_errors
def alias_command(
    claimant: Annotated[str, typer.Argument(help="Claimant (id or name).")],
    alias: Annotated[str, typer.Argument(help="Another name for it, e.g. 'the defence minister'.")],
    db: DbOption = None,
) -> None:
    """Record another name for a claimant, so later articles resolve to it."""
    database = open_db(db)
    row = review.alias_claimant(database, claimant, alias)
    database.dispose()
    typer.echo(f"{row['alias']!r} now names {row['name']!r} (claimant {row['claimant_id']})")


@handles_errors
def similar_command(
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    output: OutputFileOption = None,
    raw_csv: RawCsvOption = False,
) -> None:
    """People who may be one person: a surname alone beside a full name ("Obama" / "Barack Obama"), a name with
    and without a middle name or initial. Each row ends with the `claimants merge` command that joins them."""
    database = open_db(db)
    rows = review.similar_claimants(database, limit=limit)
    database.dispose()
    if not rows:
        note("no claimants look alike")
    write_rows(rows, format, output=output, raw_csv=raw_csv)


def register(app: typer.Typer, claimants_app: typer.Typer) -> None:
    app.add_typer(links_app, name="links")
    app.command("contradictions", epilog="Example:\n\n  claimdb contradictions --speaker Reznikov --format csv\n")(
        contradictions_command
    )
    claimants_app.command(
        "similar", epilog="Examples:\n\n  claimdb claimants similar --limit 20\n\n  claimdb claimants merge 98 256\n"
    )(similar_command)
    claimants_app.command("merge", epilog="Example:\n\n  claimdb claimants merge 'Oleksiy Reznikov' 7\n")(merge_command)
    claimants_app.command("alias", epilog="Example:\n\n  claimdb claimants alias Reznikov 'the defence minister'\n")(
        alias_command
    )
