"""`claimdb db upgrade|downgrade|current|optimize`: schema migrations and maintenance."""

from __future__ import annotations

from typing import Annotated

import typer

from claimdb.cli.common import DbOption, database_url, handles_errors
from claimdb.db import maintenance, migrate
from claimdb.db.engine import open_database

db_app = typer.Typer(help="Database schema: migrate and inspect.", no_args_is_help=True)


@db_app.command("upgrade", epilog="Example:\n\n  claimdb db upgrade --db news.db\n")
@handles_errors
def upgrade_command(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head", db: DbOption = None
) -> None:
    """Migrate the database to the newest schema (claimdb also does this on first use)."""
    database = open_database(database_url(db), migrate=False)
    before = migrate.current_revision(database)
    migrate.upgrade(database, revision)
    after = migrate.current_revision(database)
    database.dispose()
    typer.echo(f"database at {after}" + (" (unchanged)" if before == after else f" (was {before or 'empty'})"))


@db_app.command("downgrade", epilog="Example:\n\n  claimdb db downgrade 0001 --db news.db\n")
@handles_errors
def downgrade_command(
    revision: Annotated[str, typer.Argument(help="Target revision; 'base' removes all tables.")],
    db: DbOption = None,
) -> None:
    """Migrate the database back to an older schema."""
    database = open_database(database_url(db), migrate=False)
    migrate.downgrade(database, revision)
    typer.echo(f"database at {migrate.current_revision(database) or 'base (empty)'}")
    database.dispose()


@db_app.command("current", epilog="Example:\n\n  claimdb db current\n")
@handles_errors
def current_command(db: DbOption = None) -> None:
    """Print the database's schema revision and the newest one this claimdb knows."""
    database = open_database(database_url(db), migrate=False)
    current = migrate.current_revision(database)
    head = migrate.head_revision()
    database.dispose()
    state = "up to date" if current == head else "needs `claimdb db upgrade`"
    typer.echo(
        f"{database.engine.url.render_as_string(hide_password=True)}: {current or 'empty'} (head {head}, {state})"
    )


@db_app.command(
    "optimize",
    epilog="Example:\n\n  claimdb db optimize --db news.db    # after a large ingest or import\n",
)
@handles_errors
def optimize_command(db: DbOption = None) -> None:
    """Merge the full-text index (SQLite) or refresh planner statistics (PostgreSQL) of a large archive.

    Each ingest adds small full-text segments that searches and matching must all read; merging them makes a
    large archive faster to search and to ingest into. Safe at any time; other writers wait for it.
    """
    database = open_database(database_url(db))
    report = maintenance.optimize(database)
    database.dispose()
    done = (
        f"merged the full-text indexes ({', '.join(report.merged)})"
        if report.merged
        else f"analyzed {', '.join(report.analyzed)}"
    )
    typer.echo(f"{done} in {report.seconds:.1f} s")
