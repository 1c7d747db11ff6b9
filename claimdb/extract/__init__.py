"""Extraction: text in, statements (who said what, when, where, with which figures) out.

Pure functions with character offsets into the text; no database, no model downloads. The entry point
is `extract_statements`; `EXTRACTOR_VERSION` changes whenever its output can change, so stored
documents know when to be re-extracted.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimdb.extract.types import Statement

EXTRACTOR_VERSION = "0.4.58"

__all__ = ["EXTRACTOR_VERSION", "extract_statements"]


def extract_statements(text: str, published_on: date | None = None) -> list[Statement]:
    """Statements attributed in `text`, with said_on dates resolved against `published_on`."""
    # imported here, not above: compiling the rules' patterns takes ~0.15 s, which commands that never extract
    # (search, history, stats) should not pay for when they only need the lexicon or the version
    from claimdb.extract.figures import find_figures
    from claimdb.extract.statements import extract

    if not isinstance(text, str) or not text:
        return []
    return extract(text, published_on, list(find_figures(text)))
