"""Inputs named on the command line (files, directories, `-` for stdin) to Documents, in a stable order.

Directories are walked recursively in sorted order, skipping hidden entries and symbolic-link loops. The
reader for a file is chosen by its extension from one table; unknown extensions are read as text articles.
Nothing here raises for bad input: every problem is yielded as an InputError and the next input is read.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from claimdb.errors import InputError
from claimdb.readers.decoding import (
    MAX_DOCUMENT_BYTES,
    ByteStream,
    decode_document,
    normalise_newlines,
    read_limited,
)
from claimdb.readers.html import read_html
from claimdb.readers.jsonl import read_jsonl
from claimdb.readers.text import parse_text_article
from claimdb.readers.types import Document

STDIN_LOCATION = "<stdin>"

ReadResult = Iterator[Document | InputError]
# A reader gets an open binary stream, the location to name in messages, and bytes already read from it.
Reader = Callable[[ByteStream, str, bytes], ReadResult]


def read_text(stream: ByteStream, location: str, head: bytes = b"") -> ReadResult:
    """A .txt article (seed header optional): one Document, or one InputError."""
    data = head + read_limited(stream, location, limit=_remaining_limit(head))
    if not data:
        raise InputError(location, "file is empty")
    text = normalise_newlines(decode_document(data, location))
    yield parse_text_article(text, location)


def _remaining_limit(head: bytes) -> int:
    return max(0, MAX_DOCUMENT_BYTES - len(head))


def _not_an_article(problem: str) -> Reader:
    def read(stream: ByteStream, location: str, head: bytes = b"") -> ReadResult:
        raise InputError(location, problem)

    return read


# Extension (lower case) -> reader. Adding a format is one line here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".json": _not_an_article("a .json file is not an article; fact-checks and ClaimReview: use `claimdb import`"),
}


@dataclass(frozen=True, slots=True)
class InputSource:
    """One file (or stdin) to read, or a problem found while listing the inputs."""

    location: str
    path: str | None = None  # None for stdin or for a problem
    problem: str | None = None

    def read(self, stdin: TextIO | None = None) -> ReadResult:
        """Yield this input's Documents and InputErrors; never raises for bad input."""
        if self.problem is not None:
            yield InputError(self.location, self.problem)
            return
        try:
            if self.path is None:
                yield from _read_stdin(stdin if stdin is not None else sys.stdin)
            else:
                yield from _read_file(self.path, self.location)
        except InputError as error:
            yield error
        except OSError as error:
            yield InputError(self.location, _os_problem(error))
        except MemoryError:
            yield InputError(self.location, "too large to read into memory")
        except Exception as error:  # noqa: BLE001 - last resort: a reader bug must not hide the other inputs
            yield InputError(self.location, f"could not be read ({type(error).__name__}: {error}); please report")


def printable(path: str) -> str:
    """A path as shown and stored: bytes that are not UTF-8 (surrogate-escaped by the OS layer) become U+FFFD."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that did not come from the OS layer
        return path.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def iter_sources(paths: Sequence[str]) -> Iterator[InputSource]:
    """List the inputs in reading order: each path as given, directories expanded recursively and sorted."""
    for path in paths:
        if path == "-":
            yield InputSource(location=STDIN_LOCATION)
            continue
        try:
            info = os.stat(path)
        except OSError as error:
            yield InputSource(location=printable(path), problem=_os_problem(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, (info.st_dev, info.st_ino))
        else:
            yield InputSource(location=printable(path), path=path)


def read_inputs(paths: Sequence[str], stdin: TextIO | None = None) -> ReadResult:
    """Yield a Document for every article in `paths` and an InputError for every bad file or line.

    Order is stable: the paths in the order given, directory contents sorted by name, JSONL lines in order.
    `-` reads `stdin` (default sys.stdin) as JSONL if its first non-blank character is `{`, else as text.
    Text is kept as read, except that CRLF line ends become LF (in .txt files; JSONL `text` is untouched).
    """
    for source in iter_sources(paths):
        yield from source.read(stdin)


def count_inputs(paths: Sequence[str]) -> int:
    """How many files (and stdin) `read_inputs` will read: a cheap total for a progress bar, no file is opened."""
    return sum(1 for _ in iter_sources(paths))


def _walk(root: str, root_identity: tuple[int, int]) -> Iterator[InputSource]:
    """Depth-first, sorted by name; an explicit stack so no nesting depth can exhaust Python's recursion."""
    # Each frame: a directory's remaining entries (reversed, to pop in order) and the directories above it.
    stack: list[tuple[list[str], frozenset[tuple[int, int]]]] = []
    listing = _list_directory(root)
    if isinstance(listing, InputSource):
        yield listing
        return
    stack.append((listing, frozenset({root_identity})))
    while stack:
        entries, ancestors = stack[-1]
        if not entries:
            stack.pop()
            continue
        location = entries.pop()
        try:
            info = os.stat(location)  # follows symbolic links
        except OSError as error:
            broken = error.errno == errno.ENOENT and os.path.islink(location)
            yield InputSource(
                location=printable(location), problem="broken symbolic link" if broken else _os_problem(error)
            )
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                yield InputSource(
                    location=printable(location), problem="symbolic link loop (points back to a parent); skipped"
                )
                continue
            listing = _list_directory(location)
            if isinstance(listing, InputSource):
                yield listing
            else:
                stack.append((listing, ancestors | {identity}))
        elif stat.S_ISREG(info.st_mode):
            yield InputSource(location=printable(location), path=location)
        else:
            yield InputSource(
                location=printable(location), problem="not a regular file (device, socket or pipe); skipped"
            )


def _list_directory(directory: str) -> list[str] | InputSource:
    """The visible entries' paths in reverse name order, or the problem that stopped the listing."""
    try:
        names = sorted((name for name in os.listdir(directory) if not name.startswith(".")), reverse=True)
    except OSError as error:
        return InputSource(location=printable(directory), problem=_os_problem(error))
    return [os.path.join(directory, name) for name in names]


def _read_file(path: str, location: str) -> ReadResult:
    if os.path.isdir(path):
        raise InputError(location, "is a directory")
    reader = READERS.get(os.path.splitext(path)[1].lower(), read_text)
    with open(path, "rb") as stream:
        yield from reader(stream, location, b"")


def _read_stdin(stdin: TextIO) -> ReadResult:
    binary: ByteStream | None = getattr(stdin, "buffer", None)
    stream = binary if binary is not None else _EncodedText(stdin)
    head = b""
    while not head.strip():  # sniff the first non-blank byte without losing what was read
        chunk = stream.read(4096)
        if not chunk:
            break
        head += chunk
        if len(head) > 1024 * 1024:
            break
    if not head:
        raise InputError(STDIN_LOCATION, "no input on stdin")
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    reader = read_jsonl if first == b"{" else read_text
    yield from reader(stream, STDIN_LOCATION, head)


class _EncodedText:
    """A text stream seen as UTF-8 bytes (e.g. a StringIO given as stdin); lone surrogates stay detectable."""

    def __init__(self, text_stream: TextIO) -> None:
        self._text = text_stream

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` characters of the text, as UTF-8 bytes."""
        return self._text.read(size).encode("utf-8", "surrogatepass")


def _os_problem(error: OSError) -> str:
    """The user-facing part of an OSError: 'no such file or directory', 'permission denied', ..."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno is not None:
        return os.strerror(error.errno).lower()
    return str(error)
