"""Static word-piece vectors: a paraphrase signal for the default ranking, with no model and no numpy.

The table in `data/minilm-l6-static.bin` was distilled from all-MiniLM-L6-v2 (Apache-2.0, the model of the
optional `semantic` extra) by `benchmarks/distil_vectors.py`: one small int8 vector per WordPiece token of
the model's vocabulary, already multiplied by a weight that is low for frequent tokens. A text's vector is
the sum of its tokens' vectors, scaled per dimension and normalised; the cosine of two such vectors says
how close their words are in meaning ("mum" and "mother" are close, "mum" and "tax" are not), which the
full-text index cannot see.

The tokenizer is BERT's, written here: basic tokenisation (clean, split off punctuation and CJK characters,
lower-case, fold accents) and then greedy longest-match WordPiece against the shipped vocabulary. Texts go
through `normalize` first, so two claims that differ only in their quotation marks get the same vector.

Sums are done on Python integers that pack every dimension in its own 32-bit field (each stored value is
offset by 128 to stay positive), so adding a token costs one big-integer addition whatever the dimension.
The table is read once per process, on first use; text vectors are cached.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from operator import mul

from claimdb.errors import ClaimdbError
from claimdb.matching.text import normalize

DATA_FILE = "minilm-l6-static.bin"
MAGIC = b"claimdb-static-vectors 1\n"
UNKNOWN = "[UNK]"
MAX_WORD_CHARACTERS = 100  # BERT's limit: a longer "word" is one unknown token
MAX_TOKENS = 512  # a pasted article costs no more than this
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # removed by BERT, not split on
_ASCII_PIECE = re.compile(r"[a-z0-9]+|[^a-z0-9]")
_SIGN_FLIP = bytes(b ^ 0x80 for b in range(256))  # a signed byte read as unsigned -> its value + 128
_FIELD_BITS = 32
_OFFSET = 128  # stored int8 values are offset into 1..255 so that packed fields never borrow


class StaticVectorsUnavailable(ClaimdbError):
    """The static vector table is missing or unreadable (a broken install)."""


@dataclass(frozen=True, slots=True)
class StaticVectorTable:
    """The shipped table: vocabulary, int8 vectors (one row per token) and the per-dimension scale."""

    vocabulary: dict[str, int]
    dimensions: int
    scales: tuple[float, ...]
    rows: bytes  # len(vocabulary) * dimensions signed bytes
    header: dict[str, object]
    _packed: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def packed(self, token_id: int) -> int:
        """The token's vector as one integer: dimension d, offset by 128, in bits 32d..32d+31."""
        value = self._packed.get(token_id)
        if value is None:
            start = token_id * self.dimensions
            offset = array("I", list(self.rows[start : start + self.dimensions].translate(_SIGN_FLIP)))
            if sys.byteorder == "big":
                offset.byteswap()
            value = int.from_bytes(offset.tobytes(), "little")
            self._packed[token_id] = value
        return value


def parse_table(blob: bytes) -> StaticVectorTable:
    """Read a table written by `benchmarks/distil_vectors.py`: magic line, JSON header line, vocabulary, rows."""
    if not blob.startswith(MAGIC):
        raise StaticVectorsUnavailable("the static vector file is not a claimdb static vector table")
    end = blob.index(b"\n", len(MAGIC))
    header = json.loads(blob[len(MAGIC) : end])
    dimensions = int(header["dimensions"])
    vocabulary_bytes = int(header["vocabulary_bytes"])
    start = end + 1
    tokens = blob[start : start + vocabulary_bytes].decode("utf-8").split("\n")
    rows = blob[start + vocabulary_bytes :]
    if len(rows) != len(tokens) * dimensions or len(header["scales"]) != dimensions:
        raise StaticVectorsUnavailable("the static vector file is truncated or inconsistent")
    vocabulary = {token: i for i, token in enumerate(tokens)}
    return StaticVectorTable(vocabulary, dimensions, tuple(float(s) for s in header["scales"]), rows, header)


@cache
def load_table() -> StaticVectorTable:
    """The shipped table, read once per process."""
    try:
        blob = resources.files("claimdb.matching").joinpath("data", DATA_FILE).read_bytes()
    except OSError as exc:
        raise StaticVectorsUnavailable(
            f"the static vector table claimdb/matching/data/{DATA_FILE} is missing: reinstall claimdb"
        ) from exc
    return parse_table(blob)


def _is_punctuation(character: str) -> bool:
    code = ord(character)
    # BERT counts every non-letter, non-digit ASCII symbol as punctuation ("$", "^", "`"), as well as Unicode P*.
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(character).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def basic_tokens(text: str) -> list[str]:
    """BERT's basic tokenisation: drop control characters, lower-case, fold accents, split off punctuation and CJK."""
    if text.isascii() and not _ASCII_CONTROL.search(text):
        # The common case, and the cost of a cold cache: nothing to clean or fold, and every printable ASCII
        # character that is not a letter or digit is punctuation to BERT.
        return [
            piece
            for word in text.lower().split()
            for piece in ([word] if word.isalnum() else _ASCII_PIECE.findall(word))
        ]
    cleaned: list[str] = []
    for character in text:
        code = ord(character)
        if code == 0 or code == 0xFFFD:
            continue
        category = unicodedata.category(character)
        if character in " \t\n\r" or category == "Zs":
            cleaned.append(" ")
        elif category in ("Cc", "Cf"):
            continue
        elif _is_cjk(code):
            cleaned.append(f" {character} ")
        else:
            cleaned.append(character)
    tokens: list[str] = []
    for word in "".join(cleaned).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(ch for ch in word if unicodedata.category(ch) != "Mn")
        piece: list[str] = []
        for character in word:
            if _is_punctuation(character):
                if piece:
                    tokens.append("".join(piece))
                    piece = []
                tokens.append(character)
            else:
                piece.append(character)
        if piece:
            tokens.append("".join(piece))
    return tokens


def wordpiece(word: str, vocabulary: dict[str, int]) -> list[str]:
    """Greedy longest-match WordPiece: `word` as vocabulary pieces ("##" marks a continuation), or [UNK]."""
    if len(word) > MAX_WORD_CHARACTERS:
        return [UNKNOWN]
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else f"##{word[start:end]}"
            if piece in vocabulary:
                pieces.append(piece)
                break
            end -= 1
        else:
            return [UNKNOWN]  # no piece fits here: BERT gives up on the whole word
        start = end
    return pieces


def tokenize(text: str, vocabulary: dict[str, int] | None = None) -> list[str]:
    """The WordPiece tokens of `text` (BERT uncased tokenisation, no [CLS] / [SEP])."""
    vocabulary = load_table().vocabulary if vocabulary is None else vocabulary
    return [piece for word in basic_tokens(text) for piece in wordpiece(word, vocabulary)]


@lru_cache(maxsize=65536)
def _word_sum(word: str) -> tuple[int, int]:
    """(packed sum of the word's piece vectors, number of pieces) for one basic token."""
    table = load_table()
    total = count = 0
    for piece in wordpiece(word, table.vocabulary):
        total += table.packed(table.vocabulary[piece])
        count += 1
    return total, count


def _text_sum(text: str) -> tuple[int, int]:
    """(packed sum of the token vectors of `text`, number of tokens), on the normalised text."""
    total = count = 0
    for word in basic_tokens(normalize(text))[:MAX_TOKENS]:
        word_total, pieces = _word_sum(word)
        total += word_total
        count += pieces
    return total, count


def _unit(total: int, count: int) -> array[float]:
    """The unit-length vector of a packed sum of `count` token vectors (all zeros when there is none)."""
    table = load_table()
    if count == 0:
        return array("f", bytes(4 * table.dimensions))
    fields = array("I")
    fields.frombytes(total.to_bytes(table.dimensions * _FIELD_BITS // 8, "little"))
    if fields.itemsize != _FIELD_BITS // 8:  # "I" is 4 bytes on every platform CPython supports; be sure
        raise StaticVectorsUnavailable("this platform's array('I') is not 32 bits wide")
    if sys.byteorder == "big":
        fields.byteswap()
    base = _OFFSET * count
    vector = [(value - base) * scale for value, scale in zip(fields, table.scales, strict=True)]
    norm = math.sqrt(sum(x * x for x in vector))
    return array("f", [x / norm for x in vector] if norm else bytes(4 * table.dimensions))


@lru_cache(maxsize=32768)  # ~2 KB per entry with its text: at most ~65 MB
def text_vector(text: str) -> array[float]:
    """The unit-length static vector of `text` (all zeros when no token of it has a vector).

    Single-precision floats in an array: a cached vector takes about 0.6 KB (a tuple of 128 floats took ~4 KB,
    so a full cache would have held ~270 MB). Callers must not change it.
    """
    return _unit(*_text_sum(text))


@lru_cache(maxsize=32768)
def pair_vector(claim: str, title: str | None) -> array[float]:
    """The unit-length static vector of a claim and its title read as one text (no title: the claim alone).

    The sum of both texts' token vectors, so the words of the claim and of the title all count once; a title
    equal to the claim counts once. Callers must not change it.
    """
    total, count = _text_sum(claim)
    if title and title != claim:
        title_total, title_count = _text_sum(title)
        total += title_total
        count += title_count
    return _unit(total, count)


def cosine(a: array[float], b: array[float]) -> float:
    """Cosine of two unit vectors from `text_vector` (their dot product)."""
    return sum(map(mul, a, b))


def similarities(query: str, documents: list[tuple[str, str | None]]) -> list[tuple[float, float]]:
    """(cosine to the claim, cosine to the title) of `query` for each (claim, title); no title: the claim's text."""
    query_vector = text_vector(query)
    return [
        (cosine(query_vector, text_vector(claim)), cosine(query_vector, text_vector(title or claim)))
        for claim, title in documents
    ]


def pair_similarities(query: str, documents: list[tuple[str, str | None]]) -> list[float]:
    """Cosine of `query` with each (claim, title) read as one text (`pair_vector`)."""
    query_vector = text_vector(query)
    return [cosine(query_vector, pair_vector(claim, title)) for claim, title in documents]
