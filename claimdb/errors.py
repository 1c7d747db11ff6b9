"""The project's exception types. Everything claimdb raises on purpose derives from ClaimdbError."""

from __future__ import annotations


class ClaimdbError(Exception):
    """Base class: a problem the user can understand and act on (printed as `Error: ...`)."""


class InputError(ClaimdbError):
    """A file, line or record cannot be read. `location` is `FILE` or `FILE:LINE`."""

    def __init__(self, location: str, problem: str) -> None:
        super().__init__(f"{location}: {problem}")
        self.location = location
        self.problem = problem


class DatabaseError(ClaimdbError):
    """The database cannot be opened, migrated or written (unreachable, read-only, locked, disk full)."""


class NotFoundError(ClaimdbError):
    """A claim, claimant, link or document id that does not exist."""


class UsageError(ClaimdbError):
    """Options that do not make sense together; the CLI exits with code 2."""
