"""The .txt article format: the seed header, plain articles, encodings and broken files."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

from claimdb.errors import InputError
from claimdb.readers import Document, read_inputs

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_aeb2da9c072e547c.txt"


def read_one(path: Path) -> Document | InputError:
    items = list(read_inputs([str(path)]))
    assert len(items) == 1, items
    return items[0]


def read_document(path: Path) -> Document:
    item = read_one(path)
    assert isinstance(item, Document), item
    return item


def read_error(path: Path) -> InputError:
    item = read_one(path)
    assert isinstance(item, InputError), item
    return item


def test_seed_article_header_title_and_body() -> None:
    document = read_document(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert document.published_on == date(2022, 10, 7)
    assert document.title == "Ukraine calls on Russia troops to lay down arms"
    assert document.text.startswith("Ukrainian servicemen attend a rehearsal")
    assert raw.endswith(document.text)  # the body exactly as in the file: offsets stay meaningful
    assert "Ukraine calls on Russia troops" not in document.text
    assert document.location == str(SEED)


def test_header_whitespace_is_liberal(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\u00a0\tDATE:  2023-01-05 \u00a0\u2003\n\n  The title \u00a0\n\n\nFirst paragraph.\n\nSecond.\n")
    document = read_document(path)
    assert document.published_on == date(2023, 1, 5)
    assert document.title == "The title"
    assert document.text == "First paragraph.\n\nSecond.\n"


def test_blank_lines_before_the_header_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "late_header.txt"
    path.write_text("\n \n date 2022-10-07\nTitle\n\nBody.\n")
    document = read_document(path)
    assert (document.title, document.published_on, document.text) == ("Title", date(2022, 10, 7), "Body.\n")


def test_file_without_header_is_a_plain_article(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\nMinister said: “We are ready.”\n")
    document = read_document(path)
    assert document == Document(text="\nMinister said: “We are ready.”\n", location=str(path))


def test_crlf_becomes_lf_and_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(codecs.BOM_UTF8 + b" date 2022-10-07\r\nTitle\r\n\r\nBody line one.\r\nTwo.\r\n")
    document = read_document(path)
    assert document.title == "Title"
    assert document.text == "Body line one.\nTwo.\n"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(" date 2022-10-07\nKyiv\n\nОлексій Резніков said it.\n".encode("utf-16"))
    document = read_document(path)
    assert document.title == "Kyiv"
    assert document.text == "Олексій Резніков said it.\n"


def test_invalid_date_in_header_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "feb.txt"
    path.write_text(" date 2023-02-31\nTitle\n\nBody.\n")
    error = read_error(path)
    assert error.location == str(path)
    assert "2023-02-31" in error.problem


def test_header_without_title_or_body(tmp_path: Path) -> None:
    no_title = tmp_path / "no_title.txt"
    no_title.write_text(" date 2023-02-01\n\n\n")
    no_body = tmp_path / "no_body.txt"
    no_body.write_text(" date 2023-02-01\nJust a title\n\n")
    assert "no title" in read_error(no_title).problem
    assert "no body" in read_error(no_body).problem


def test_empty_and_blank_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\u00a0\n\t\n")
    assert read_error(empty).problem == "file is empty"
    assert read_error(blank).problem == "file is empty"


def test_binary_file_names_the_nul_byte(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x01\x00\x00\xff")
    error = read_error(path)
    assert error.location == str(path)
    assert error.problem.startswith("binary file (NUL byte at byte offset 7)")


def test_undecodable_file_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 au lait".encode("latin-1"))
    error = read_error(path)
    assert "not valid UTF-8 at byte offset 3" in error.problem


def test_offset_counts_the_stripped_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom_latin1.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"ab\xffcd")
    assert "byte offset 5" in read_error(path).problem


def test_invalid_utf16_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")  # "a" then a lone high surrogate
    assert "UTF-16-LE" in read_error(path).problem


def test_huge_single_line_is_refused_without_loading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(b"x" * (1024 * 1024))
    error = read_error(path)
    assert "too large" in error.problem


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(" date 2021-12-06\nArmy Day\n\nKyiv celebrated.\n")
    document = read_document(path)
    assert document.title == "Army Day"
    assert document.published_on == date(2021, 12, 6)
