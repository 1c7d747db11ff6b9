"""JSON Lines articles: one object per line with `id`, `title`, `url`, `source`, `published_at`, `text`.

Lines are read as bytes, one at a time and with a length cap, so a huge feed or a 50 MB line never sits in
memory whole. Each bad line becomes its own InputError (`FILE:LINE`); the good lines still become Documents.
The `text` field is kept exactly as in the JSON string: offsets index it.
"""

from __future__ import annotations

import codecs
import itertools
import json
from collections.abc import Iterator
from datetime import date, datetime

from claimdb.errors import InputError
from claimdb.readers.decoding import (
    BINARY_SNIFF_BYTES,
    MAX_DOCUMENT_BYTES,
    ByteStream,
    binary_problem,
    nul_offset,
    utf8_problem,
    wide_encoding,
)
from claimdb.readers.types import Document

MAX_LINE_BYTES = MAX_DOCUMENT_BYTES
_CHUNK_BYTES = 1 << 16
_OPTIONAL_STRING_FIELDS = ("title", "url", "source")

# What a reader of one line gets: its number and its text, or the problem that stopped it being read.
LineItem = tuple[int, "str | InputError"]


def read_jsonl(stream: ByteStream, location: str, head: bytes = b"") -> Iterator[Document | InputError]:
    """Yield one Document per good line and one InputError per bad line. `head` was already read from stream."""
    head = head + stream.read(max(0, BINARY_SNIFF_BYTES - len(head)))
    wide = wide_encoding(head)
    if wide is None:
        offset = nul_offset(head)
        if offset >= 0:
            yield InputError(location, binary_problem(offset))
            return
        lines = _utf8_lines(stream, location, head)
    else:
        lines = _wide_lines(stream, location, head, *wide)
    saw_record = False
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            saw_record = True
            continue
        if not line.strip():
            continue
        saw_record = True
        yield parse_record(line, f"{location}:{number}")
    if not saw_record:
        yield InputError(location, "file is empty (no JSON lines)")


def parse_record(line: str, location: str) -> Document | InputError:
    """One JSON line to a Document, or the InputError saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(location, f"invalid JSON at column {error.colno}: {error.msg}")
    except RecursionError:
        return InputError(location, "invalid JSON: nested too deeply")
    except ValueError as error:  # e.g. an integer with too many digits
        return InputError(location, f"invalid JSON: {error}")
    if not isinstance(record, dict):
        return InputError(location, f"expected a JSON object, got {json_type_name(record)}")
    try:
        return _document(record, location)
    except InputError as error:
        return error


def _document(record: dict[str, object], location: str) -> Document:
    text = record.get("text")
    if text is None:
        raise InputError(location, 'missing "text" field')
    if not isinstance(text, str):
        raise InputError(location, f'"text" must be a string, not {json_type_name(text)}')
    if not text.strip():
        raise InputError(location, '"text" is empty')
    _check_string("text", text, location)
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(location, f'"{name}" must be a string or null, not {json_type_name(value)}')
        if value is not None:
            _check_string(name, value, location)
        fields[name] = value.strip() or None if isinstance(value, str) else None
    return Document(
        text=text,
        location=location,
        title=fields["title"],
        published_on=_published_on(record.get("published_at"), location),
        source=fields["source"],
        url=fields["url"],
        external_id=_external_id(record.get("id"), location),
    )


def _external_id(value: object, location: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(location, f'"id" must be a string or an integer, not {json_type_name(value)}')
    identifier = str(value).strip()
    _check_string("id", identifier, location)
    return identifier or None


def _published_on(value: object, location: str) -> date | None:
    """A date or an ISO datetime; the date is kept as written (a timezone does not shift it)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(location, f'"published_at" must be an ISO date string or null, not {json_type_name(value)}')
    written = value.strip()
    if not written:
        return None
    try:
        if len(written) <= 10:
            return date.fromisoformat(written)
        return datetime.fromisoformat(written).date()
    except ValueError:
        shown = written if len(written) <= 40 else written[:40] + "…"
        raise InputError(location, f'"published_at" is not a valid ISO date: {shown!r}') from None


def _check_string(name: str, value: str, location: str) -> None:
    """Refuse strings a database cannot store: NUL characters and unpaired surrogates (from `\\ud800`)."""
    if "\x00" in value:
        raise InputError(location, f'"{name}" contains a NUL character')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            location, f'"{name}" contains an unpaired surrogate \\u{ord(value[error.start]):04x}'
        ) from None


def json_type_name(value: object) -> str:
    """How a JSON value's type reads in an error message: "an array", "a number", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _utf8_lines(stream: ByteStream, location: str, head: bytes) -> Iterator[LineItem]:
    """Split a UTF-8 byte stream on LF (a trailing CR is dropped), decoding and length-checking each line."""
    offset = 0  # byte offset of the current line's start in the file
    for number, raw, too_long in _byte_lines(stream, head):
        line_location = f"{location}:{number}"
        if too_long:
            yield number, InputError(line_location, f"line is longer than {MAX_LINE_BYTES // (1024 * 1024)} MB")
        else:
            content = raw[len(codecs.BOM_UTF8) :] if number == 1 and raw.startswith(codecs.BOM_UTF8) else raw
            skipped = len(raw) - len(content)
            try:
                yield number, content.rstrip(b"\r").decode("utf-8")
            except UnicodeDecodeError as error:
                yield number, InputError(line_location, utf8_problem(content, error, offset + skipped))
        offset += len(raw) + 1


def _byte_lines(stream: ByteStream, head: bytes) -> Iterator[tuple[int, bytes, bool]]:
    """Yield (line number, bytes without LF, too long). A too-long line is skipped without being kept."""
    pending = bytearray(head)
    searched = 0  # bytes of `pending` already known to hold no LF
    number = 1
    dropped = 0  # bytes of the current line thrown away because it is too long
    at_end = False
    while True:
        newline = pending.find(b"\n", searched)
        if newline < 0 and not at_end:
            if len(pending) > MAX_LINE_BYTES:
                dropped += len(pending)
                pending.clear()
            searched = len(pending)
            chunk = stream.read(_CHUNK_BYTES)
            if chunk:
                pending += chunk
            else:
                at_end = True
            continue
        if newline < 0:  # last line, no LF after it
            if pending or dropped:
                yield number, bytes(pending), dropped + len(pending) > MAX_LINE_BYTES
            return
        if dropped + newline > MAX_LINE_BYTES:
            yield number, b"", True
        else:
            yield number, bytes(pending[:newline]), False
        del pending[: newline + 1]
        searched = 0
        dropped = 0
        number += 1


def _wide_lines(stream: ByteStream, location: str, head: bytes, encoding: str, bom_length: int) -> Iterator[LineItem]:
    """Lines of a UTF-16/32 file with a BOM: decoded incrementally, split on LF only."""
    decoder = codecs.getincrementaldecoder(encoding)()
    chunks = itertools.chain([head[bom_length:]], iter(lambda: stream.read(_CHUNK_BYTES), b""), [None])
    pending = ""
    number = 1
    for chunk in chunks:
        try:
            decoded = decoder.decode(chunk or b"", final=chunk is None)
        except UnicodeDecodeError:
            yield number, InputError(f"{location}:{number}", f"not valid {encoding.upper()}")
            return
        if "\n" not in decoded:  # only split when a line ended: long lines stay linear
            pending += decoded
            complete: list[str] = []
        else:
            *complete, pending = (pending + decoded).split("\n")
        for line in complete:
            yield number, _checked_wide_line(line, f"{location}:{number}")
            number += 1
        if len(pending) > MAX_LINE_BYTES // 2:
            yield number, InputError(f"{location}:{number}", "line is too long")
            return
    if pending:
        yield number, _checked_wide_line(pending, f"{location}:{number}")


def _checked_wide_line(line: str, location: str) -> str | InputError:
    if "\x00" in line:
        return InputError(location, "contains a NUL character")
    return line.rstrip("\r")
