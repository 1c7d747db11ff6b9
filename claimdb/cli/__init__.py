"""claimdb's command line: a thin adapter that parses options, calls one library function, renders rows."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimdb import __version__
from claimdb.cli.common import DATABASE, DB_HELP, VERBOSITY
from claimdb.errors import ClaimdbError, UsageError

app = typer.Typer(
    name="claimdb",
    help="""Track who said what, when, with which figures, and how claims are repeated or changed.

\b
Quick start:
  claimdb ingest seeds/                   read articles, extract statements, link claims
  claimdb search "annexed"                statements with speaker, date, figures, snippet
  claimdb history --speaker Reznikov -f csv -o reznikov.csv
  claimdb links --status suggested        review what the machine was unsure about
  claimdb match "Russia annexed 20% of Ukraine"     have we seen this claim before?

Every listing command takes --format table|json|jsonl|csv, --limit and -o FILE. The database is
--db PATH|URL (before or after the command), else $CLAIMDB_DATABASE_URL, else claimdb.sqlite3 in your
user data folder.
Exit codes: 0 ok, 1 error (bad input, database problem), 2 usage mistake.
""",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimdb {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the requested output.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also say which database is used and how long things take.")
    ] = False,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP + " Also accepted after the command.")] = None,
) -> None:
    """claimdb: a quote and claim fact-tracking database."""
    DATABASE.value = db
    VERBOSITY.quiet = quiet
    VERBOSITY.verbose = verbose and not quiet


def _register() -> None:
    from claimdb.cli import db_commands, export_cmd, extract_cmd, import_cmd, ingest_cmd, match_cmd, query_cmds

    ingest_cmd.register(app)
    query_cmds.register(app)
    extract_cmd.register(app)
    import_cmd.register(app)
    export_cmd.register(app)
    match_cmd.register(app)
    app.add_typer(db_commands.db_app, name="db")


_register()


def main() -> None:
    """Console-script entry point: user mistakes become `Error: ...` lines, never tracebacks."""
    try:
        app(standalone_mode=True)
    except UsageError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except ClaimdbError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("Error: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
