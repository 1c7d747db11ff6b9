"""Where the database lives: `--db PATH|URL`, else env CLAIMDB_DATABASE_URL, else a file in the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_DATABASE_URL = "CLAIMDB_DATABASE_URL"
DEFAULT_DB_FILENAME = "claimdb.sqlite3"


def default_database_path() -> Path:
    """The default SQLite file, e.g. ~/.local/share/claimdb/claimdb.sqlite3 on Linux."""
    return Path(user_data_dir("claimdb", appauthor=False)) / DEFAULT_DB_FILENAME


def resolve_database_url(db: str | None = None) -> str:
    """Turn the `--db` option (a path or a URL), the environment or the default into a SQLAlchemy URL."""
    value = db or os.environ.get(ENV_DATABASE_URL) or ""
    if not value:
        return sqlite_url(default_database_path())
    if "://" in value:
        if value.startswith(("postgres://", "postgresql://")):
            # A plain libpq URL: use psycopg 3, the only PostgreSQL driver claimdb supports.
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file path."""
    return f"sqlite:///{path.expanduser()}"
