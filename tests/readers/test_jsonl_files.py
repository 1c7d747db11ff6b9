"""JSON Lines articles: good records, and one clear error per bad line while the other lines still count."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from claimdb.errors import InputError
from claimdb.readers import Document, read_inputs


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields: object) -> str:
    return json.dumps({"text": "Reznikov said the army was ready.", **fields}, ensure_ascii=False)


def test_all_fields_are_read(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "feed.jsonl",
        [
            record(
                id="a1",
                title=" Army Day ",
                url="https://example.org/a1",
                source="Reuters",
                published_at="2022-10-07",
            )
        ],
    )
    [document] = list(read_inputs([str(path)]))
    assert document == Document(
        text="Reznikov said the army was ready.",
        location=f"{path}:1",
        title="Army Day",
        published_on=date(2022, 10, 7),
        source="Reuters",
        url="https://example.org/a1",
        external_id="a1",
    )


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "  Line one.\r\n\u2028Line two “quoted”.\n\n"
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps({"id": 7, "text": text})])
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert document.text == text  # offsets from the JSONL contract index this string
    assert document.external_id == "7"


@pytest.mark.parametrize(
    ("published_at", "expected"),
    [
        ("2022-10-07T23:30:00+03:00", date(2022, 10, 7)),  # the date as written, not shifted to UTC
        ("2022-10-07T08:00:00Z", date(2022, 10, 7)),
        ("2022-10-07 08:00", date(2022, 10, 7)),
        (None, None),
        ("", None),
    ],
)
def test_published_at_keeps_the_date(tmp_path: Path, published_at: str | None, expected: date | None) -> None:
    path = write_lines(tmp_path / "feed.jsonl", [record(published_at=published_at)])
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert document.published_on == expected


BAD_LINES = [
    ("[1, 2]", "expected a JSON object, got an array"),
    ('"just a string"', "expected a JSON object, got a string"),
    ('{"text": "unterminated', "invalid JSON at column"),
    ("{'text': 'single quotes'}", "invalid JSON at column 2"),
    ('{"title": "no text"}', 'missing "text" field'),
    ('{"text": null}', 'missing "text" field'),
    ('{"text": 42}', '"text" must be a string, not a number'),
    ('{"text": "   "}', '"text" is empty'),
    ('{"text": "ok", "title": ["a"]}', '"title" must be a string or null, not an array'),
    ('{"text": "ok", "id": true}', '"id" must be a string or an integer, not a boolean'),
    ('{"text": "ok", "id": 1.5}', '"id" must be a string or an integer, not a number'),
    ('{"text": "ok", "published_at": "2023-02-31"}', "\"published_at\" is not a valid ISO date: '2023-02-31'"),
    ('{"text": "ok", "published_at": "yesterday"}', '"published_at" is not a valid ISO date'),
    ('{"text": "ok", "published_at": 20230201}', '"published_at" must be an ISO date string or null'),
    ('{"text": "a\\u0000b"}', '"text" contains a NUL character'),
    ('{"text": "a\\ud800b"}', '"text" contains an unpaired surrogate \\ud800'),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"text": "ok", "id": ' + "9" * 5000 + "}", "invalid JSON"),
]


@pytest.mark.parametrize(("line", "problem"), BAD_LINES, ids=[problem[:30] for _, problem in BAD_LINES])
def test_bad_line_is_one_error_and_the_others_still_count(tmp_path: Path, line: str, problem: str) -> None:
    path = write_lines(tmp_path / "feed.jsonl", [record(id="before"), line, "", record(id="after")])
    items = list(read_inputs([str(path)]))
    assert [type(item).__name__ for item in items] == ["Document", "InputError", "Document"]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.location == f"{path}:2"
    assert problem in error.problem
    after = items[2]
    assert isinstance(after, Document)
    assert after.external_id == "after"
    assert after.location == f"{path}:4"  # the blank line is skipped but still counted


def test_undecodable_line_names_its_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    first = record(id="1").encode() + b"\n"
    path.write_bytes(first + b'{"text": "caf\xe9"}\n' + record(id="3").encode() + b"\n")
    items = list(read_inputs([str(path)]))
    error = items[1]
    assert isinstance(error, InputError)
    assert error.location == f"{path}:2"
    assert f"not valid UTF-8 at byte offset {len(first) + 13}" in error.problem
    assert [item.external_id for item in items if isinstance(item, Document)] == ["1", "3"]


def test_crlf_bom_and_ndjson(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_bytes(codecs.BOM_UTF8 + (record(id="1") + "\r\n" + record(id="2") + "\r\n").encode())
    items = list(read_inputs([str(path)]))
    assert [item.external_id for item in items if isinstance(item, Document)] == ["1", "2"]


def test_utf16_jsonl_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes((record(id="1") + "\r\n" + record(id="Київ") + "\n").encode("utf-16"))
    items = list(read_inputs([str(path)]))
    assert [item.external_id for item in items if isinstance(item, Document)] == ["1", "Київ"]


def test_binary_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert error.location == str(path)
    assert error.problem.startswith("binary file")


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert "empty" in error.problem


def test_fifty_megabyte_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"text": "')
        for _ in range(50):
            handle.write(b"x" * (1024 * 1024))
        handle.write(b'"}\n' + record(id="small").encode() + b"\n")
    items = list(read_inputs([str(path)]))
    assert len(items) == 2
    error, document = items
    assert isinstance(error, InputError)
    assert error.location == f"{path}:1"
    assert "longer than" in error.problem
    assert isinstance(document, Document)
    assert document.location == f"{path}:2"


def test_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(record(id="1") + "\n" + record(id="2"))
    assert [item.external_id for item in read_inputs([str(path)]) if isinstance(item, Document)] == ["1", "2"]
