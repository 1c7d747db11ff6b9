"""What the extraction tests share: a publication date and "this text has exactly one statement"."""

from __future__ import annotations

from datetime import date

from claimdb.extract import extract_statements
from claimdb.extract.types import Statement

PUB = date(2024, 5, 17)  # a Friday


def only(text: str, published: date | None = PUB) -> Statement:
    """The one statement of `text` (the test fails, listing them, when there are none or several)."""
    statements = extract_statements(text, published)
    assert len(statements) == 1, [(s.content, s.speaker.name) for s in statements]
    return statements[0]
