"""Options and helpers shared by the command modules."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from claimdb.config import ENV_DATABASE_URL, resolve_database_url
from claimdb.db.engine import Database, open_database
from claimdb.errors import ClaimdbError, UsageError

DB_HELP = (
    "SQLite file path or database URL (postgresql+psycopg://user@host/db). "
    f"Default: ${ENV_DATABASE_URL}, else claimdb.sqlite3 in your user data folder."
)
DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP)]


@dataclass
class Verbosity:
    """Set once per invocation by the global --quiet / --verbose options."""

    quiet: bool = False
    verbose: bool = False


VERBOSITY = Verbosity()


@dataclass
class DatabaseChoice:
    """The global `claimdb --db X COMMAND` choice; a command's own --db wins over it, it wins over the environment."""

    value: str | None = None


DATABASE = DatabaseChoice()


def database_url(db: str | None) -> str:
    """The URL of the database the user chose (command --db, global --db, $CLAIMDB_DATABASE_URL, default)."""
    return resolve_database_url(db or DATABASE.value)


def open_db(db: str | None) -> Database:
    """Open (creating and migrating on first use) the database the user chose."""
    url = database_url(db)
    started = time.perf_counter()
    database = open_database(url)
    if VERBOSITY.verbose:
        shown = database.engine.url.render_as_string(hide_password=True)
        typer.echo(f"database: {shown} (opened in {1000 * (time.perf_counter() - started):.0f} ms)", err=True)
    return database


def error(message: str) -> None:
    """Print `Error: message` to stderr (no exit: the batch goes on)."""
    typer.echo(f"Error: {message}", err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `Error: message` and exit with `code`."""
    error(message)
    raise typer.Exit(code)


def note(message: str) -> None:
    """A remark for the user on stderr (e.g. "no exact match; showing fuzzy matches"); silent with --quiet."""
    if not VERBOSITY.quiet:
        typer.echo(message, err=True)


def stderr_is_terminal() -> bool:
    """True when progress bars and colours may be shown."""
    return sys.stderr.isatty()


F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(function: F) -> F:
    """Turn the library's errors into `Error: ...` on stderr with exit code 1 (2 for usage mistakes)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except UsageError as exc:
            fail(str(exc), code=2)
        except ClaimdbError as exc:
            fail(str(exc))
        except BrokenPipeError:
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]
