"""The plain-text article format, with or without the seed header.

With header (the seed format)::

     date 2022-10-07\u00a0
    Title of the article
    <blank line>
    Body paragraphs...

The header line may carry any whitespace (including non-breaking spaces) around `date` and the date. Without
the header the whole file is the article text and it has no title or date.
"""

from __future__ import annotations

import re
from datetime import date

from claimdb.errors import InputError
from claimdb.readers.types import Document

# `\s` matches Unicode whitespace in str patterns, so the seed's U+00A0 after the date is accepted too.
_HEADER = re.compile(r"\s*date\s*:?\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", re.IGNORECASE)


def parse_text_article(text: str, location: str) -> Document:
    """Turn a decoded, newline-normalised .txt file into a Document. Raises InputError for bad content.

    With the header, `Document.text` is the body exactly as in the file from the first non-blank line after
    the title, so character offsets into it are offsets into that part of the file.
    """
    if not text.strip():
        raise InputError(location, "file is empty")
    # Blank lines before the header are tolerated; the header must be the first non-blank line.
    first_line, _, rest = text.lstrip().partition("\n")
    header = _HEADER.fullmatch(first_line)
    if header is None:
        return Document(text=text, location=location)
    published_on = _header_date(header, location)
    title, body = _split_title(rest)
    if title is None:
        raise InputError(location, "has a date header but no title line after it")
    if not body.strip():
        raise InputError(location, "has a date header and a title but no body text")
    return Document(text=body, location=location, title=title, published_on=published_on)


def _header_date(header: re.Match[str], location: str) -> date:
    year, month, day = (int(part) for part in header.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(location, f"invalid date {year:04d}-{month:02d}-{day:02d} in the header line") from None


def _split_title(rest: str) -> tuple[str | None, str]:
    """The first non-blank line is the title; the body starts at the next non-blank line."""
    position = 0
    title: str | None = None
    while position < len(rest):
        end = rest.find("\n", position)
        if end < 0:
            end = len(rest)
        line = rest[position:end]
        if line.strip():
            if title is None:
                title = line.strip()
            else:
                return title, rest[position:]
        position = end + 1
    return title, ""
