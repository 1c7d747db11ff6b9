"""Bytes to text: byte-order marks, binary detection and UTF-8 errors with their byte offset.

Every problem is raised as an InputError naming the location, so readers can yield it and move on.
"""

from __future__ import annotations

import codecs
from typing import Protocol

from claimdb.errors import InputError

# A news article is well under 1 MB; anything far larger is a mistake (a dump, a log, a binary) and would
# make extraction crawl, so it is refused with a clear message instead of being loaded.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# Bytes looked at to decide whether a file is binary before reading it line by line.
BINARY_SNIFF_BYTES = 8192


class ByteStream(Protocol):
    """What readers read from: an open binary file, stdin's buffer, or text stdin seen as UTF-8."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` bytes (all that is left when negative); b"" at the end."""
        ...


# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def wide_encoding(head: bytes) -> tuple[str, int] | None:
    """The UTF-16/32 encoding announced by a byte-order mark at the start of `head`, with the mark's length."""
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None


def nul_offset(data: bytes) -> int:
    """Offset of the first NUL byte, or -1. Text files never contain NUL; binary files almost always do."""
    return data.find(b"\x00")


def binary_problem(offset: int) -> str:
    """The message for a file that contains a NUL byte at `offset`."""
    return (
        f"binary file (NUL byte at byte offset {offset}); "
        "expected UTF-8 text (if it is UTF-16 without a byte-order mark, save it as UTF-8)"
    )


def utf8_problem(data: bytes, error: UnicodeDecodeError, base_offset: int = 0) -> str:
    """The message for bytes that are not UTF-8, naming the byte offset of the first bad byte."""
    offset = base_offset + error.start
    bad = data[error.start : error.start + 4].hex(" ")
    return f"not valid UTF-8 at byte offset {offset} (bytes {bad}); save the file as UTF-8"


def decode_document(data: bytes, location: str) -> str:
    """Decode a whole file's bytes: UTF-8 (a BOM is stripped) or UTF-16/32 with a BOM. Raises InputError."""
    wide = wide_encoding(data)
    if wide is not None:
        encoding, bom_length = wide
        try:
            text = data[bom_length:].decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(
                location, f"not valid {encoding.upper()} at byte offset {bom_length + error.start}"
            ) from None
        if "\x00" in text:
            raise InputError(location, f"contains a NUL character (decoded as {encoding.upper()})")
        return text
    offset = nul_offset(data)
    if offset >= 0:
        raise InputError(location, binary_problem(offset))
    body_start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[body_start:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(location, utf8_problem(data[body_start:], error, body_start)) from None


def read_limited(stream: ByteStream, location: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a whole stream, refusing (InputError) anything larger than `limit` bytes without loading it all."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(location, f"file is too large (more than {limit // (1024 * 1024)} MB); not an article")
    return data


def normalise_newlines(text: str) -> str:
    """CRLF becomes LF; nothing else is changed, so offsets stay meaningful to a reader of the file."""
    return text.replace("\r\n", "\n")
