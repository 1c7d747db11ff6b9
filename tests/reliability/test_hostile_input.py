"""A directory of well over 100 malformed files: one `Error:` line for each bad file or line, no traceback,
every good file stored, exit code 1."""

from __future__ import annotations

import codecs
import json
import os
import random
from pathlib import Path

import pytest
from conftest import assert_no_traceback, run_claimdb
from dbcheck import counts, problems
from generate_corpus import as_seed_text, generate_articles
from sqlalchemy import create_engine, text

BIG = 50 * 1024 * 1024


class HostileFolder:
    """Builds the folder and remembers which locations must be reported and which documents must be stored."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bad: list[str] = []  # locations (FILE or FILE:LINE) that must get exactly one Error line
        self.good_titles: list[str] = []
        root.mkdir()

    def bad_file(self, name: str, content: bytes, location: str | None = None) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.bad.append(location or str(path))

    def good_file(self, name: str, content: bytes, title: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.good_titles.append(title)

    def jsonl(self, name: str, lines: list[bytes | dict], bad_lines: list[int], good_titles: list[str]) -> None:
        path = self.root / name
        path.write_bytes(b"\n".join(line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines))
        self.bad.extend(f"{path}:{number}" for number in bad_lines)
        self.good_titles.extend(good_titles)


def _article(title: str, body: str = "The minister said that the bridge was rebuilt in 2022.") -> dict:
    return {"id": title, "title": title, "url": None, "source": "Test", "published_at": "2022-10-07", "text": body}


def build(root: Path) -> HostileFolder:
    folder = HostileFolder(root)
    rng = random.Random(99)
    seed_text = as_seed_text(next(iter(generate_articles(seed=3, articles=1))))

    # --- good files, each must be stored ---------------------------------------------------------------
    for number, article in enumerate(generate_articles(seed=4, articles=8)):
        folder.good_file(f"good/article{number}.txt", as_seed_text(article).encode(), article.title)
    folder.good_file("good/crlf.txt", b" date 2022-10-07\r\nCRLF title\r\n\r\nHe said it works.\r\n", "CRLF title")
    folder.good_file(
        "good/utf16.txt",
        codecs.BOM_UTF16_LE + " date 2022-10-07\nUTF-16 title\n\nShe said it works.\n".encode("utf-16-le"),
        "UTF-16 title",
    )
    folder.good_file(
        "good/utf8bom.txt", codecs.BOM_UTF8 + b" date 2022-10-07\nBOM title\n\nThey said so.\n", "BOM title"
    )
    folder.good_file("good/crlf.jsonl", json.dumps(_article("CRLF jsonl")).encode() + b"\r\n", "CRLF jsonl")
    folder.good_file(
        "good/utf16.jsonl",
        codecs.BOM_UTF16_LE + (json.dumps(_article("UTF-16 jsonl")) + "\n").encode("utf-16-le"),
        "UTF-16 jsonl",
    )
    folder.good_file(
        "good/\u043d\u043e\u0432\u043e\u0441\u0442\u0438 \u65b0\u95fb.txt",
        b" date 2022-10-07\nNon-Latin name\n\nHe said yes.\n",
        "Non-Latin name",
    )

    # --- whole files that are bad -----------------------------------------------------------------------
    for extension in (".txt", ".jsonl", ".md"):
        folder.bad_file(f"empty/empty{extension}", b"")
        folder.bad_file(f"empty/blank{extension}", b"   \n\n\t\n")
        folder.bad_file(f"binary/png{extension}", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        folder.bad_file(f"binary/zeros{extension}", bytes(4096))
        folder.bad_file(
            f"binary/elf{extension}", b"\x7fELF\x02\x01\x01\x00" + bytes(rng.randrange(256) for _ in range(500))
        )
        folder.bad_file(f"encoding/latin1{extension}", "Le ministre a déclaré «non».".encode("latin-1"))
        folder.bad_file(f"encoding/cp1252{extension}", b"He said \x93no\x94 \x96 twice")
        folder.bad_file(f"encoding/truncated{extension}", "caf\u00e9".encode()[:-1])
        folder.bad_file(f"encoding/overlong{extension}", b"\xc0\xaf etc")
        folder.bad_file(f"encoding/surrogate{extension}", b"\xed\xa0\x80 surrogate")
        folder.bad_file(f"encoding/utf16_odd{extension}", codecs.BOM_UTF16_LE + b"a\x00b\x00\x00")
        folder.bad_file(f"encoding/utf16_nul{extension}", codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"))
        folder.bad_file(f"nul/middle{extension}", b"He said \x00 nothing.")
        folder.bad_file(f"nul/end{extension}", seed_text.encode() + b"\x00")
    for number in range(30):
        blob = bytes(rng.randrange(256) for _ in range(rng.randint(20, 3000)))
        if b"\x00" not in blob:
            blob += b"\x00"
        folder.bad_file(f"random/blob{number:02d}{rng.choice(['.txt', '.jsonl', '.dat'])}", blob)
    # Seed-format headers that are wrong.
    folder.bad_file("dates/feb31.txt", b" date 2022-02-31\nTitle\n\nBody said.\n")
    folder.bad_file("dates/month13.txt", b" date 2022-13-01\nTitle\n\nBody.\n")
    folder.bad_file("dates/day0.txt", b" date 2022-01-00\nTitle\n\nBody.\n")
    folder.bad_file("headers/no_title.txt", b" date 2022-01-01\n\n\n")
    folder.bad_file("headers/no_body.txt", b" date 2022-01-01\nJust a title\n")
    # Too large.
    folder.bad_file("large/one_line.txt", b"a" * BIG)
    folder.bad_file("large/one_line.jsonl", b'{"text": "' + b"a" * BIG + b'"}')
    # Not an article at all.
    folder.bad_file("formats/review.json", b'{"claimReviewed": "x"}')

    # --- JSON Lines files with bad lines (each bad line reported, good lines stored) --------------------
    deep = b'{"text": "x", "extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    bad_lines: list[bytes | dict] = [
        b"{not json}",
        b'{"text": "unterminated',
        b"[1, 2, 3]",
        b'"just a string"',
        b"42",
        b"null",
        b"true",
        b'{"title": "no text field"}',
        {"text": 5},
        {"text": None, "title": "null text"},
        {"text": ["a", "list"]},
        {"text": {"nested": "object"}},
        {"text": ""},
        {"text": "   \n  "},
        {"text": "ok", "title": 12},
        {"text": "ok", "title": ["x"]},
        {"text": "ok", "url": False},
        {"text": "ok", "source": {"name": "x"}},
        {"text": "ok", "id": [1]},
        {"text": "ok", "id": True},
        {"text": "ok", "published_at": 20221007},
        {"text": "ok", "published_at": "2022-02-31"},
        {"text": "ok", "published_at": "31/02/2022"},
        {"text": "ok", "published_at": "yesterday"},
        {"text": "ok", "published_at": "2022-02-30T10:00:00Z"},
        b'{"text": "nul \\u0000 inside"}',
        b'{"text": "lone surrogate \\ud800"}',
        b'{"text": "ok", "title": "t\\udfff"}',
        deep,
        b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"text": "x"} trailing',
        b'{"text": "a", "text": 7}',
        b"\xff\xfe not utf8 in the middle",
        b'{"text": "ok", "published_at": "2022-10-07", "id": 1e400}',
        b"{" + b'"a":' * 1 + b"1" * 5000 + b"}",
    ]
    lines: list[bytes | dict] = []
    bad_numbers: list[int] = []
    good_titles: list[str] = []
    for index, line in enumerate(bad_lines):
        lines.append(_article(f"good line {index}"))
        good_titles.append(f"good line {index}")
        lines.append(line)
        bad_numbers.append(2 * index + 2)
    folder.jsonl("broken_lines.jsonl", lines, bad_numbers, good_titles)
    return folder


def _names(line: str, location: str) -> bool:
    """Whether an Error line is about `location` (a one-line bad .jsonl file is reported as FILE:1)."""
    if line.startswith(f"Error: {location}: "):
        return True
    rest = line[len(f"Error: {location}:") :] if line.startswith(f"Error: {location}:") else ""
    number, _, tail = rest.partition(": ")
    return number.isdigit() and bool(tail)


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


@pytest.mark.slow
def test_hostile_folder_reports_each_bad_input_once_and_stores_every_good_one(tmp_path: Path) -> None:
    folder = build(tmp_path / "inbox")
    os.symlink(".", folder.root / "loop_to_self")  # a directory loop: inbox/loop_to_self -> inbox
    os.symlink("missing_target.txt", folder.root / "dangling.txt")
    os.symlink("chain_b", folder.root / "chain_a")
    os.symlink("chain_a", folder.root / "chain_b")  # a symlink loop that never resolves (ELOOP)
    folder.bad.extend(str(folder.root / name) for name in ("loop_to_self", "dangling.txt", "chain_a", "chain_b"))
    assert len(folder.bad) >= 100
    db = tmp_path / "hostile.db"

    result = run_claimdb(["ingest", str(folder.root), "--db", str(db)], timeout=300)

    assert_no_traceback(result)
    assert result.returncode == 1
    errors = _error_lines(result.stderr)
    for location in folder.bad:
        mine = [line for line in errors if _names(line, location)]
        assert len(mine) == 1, f"{location}: {mine or 'no Error line'}"
    unexpected = [line for line in errors if not any(_names(line, location) for location in folder.bad)]
    assert unexpected == []
    assert len(errors) == len(folder.bad)
    # Every Error line is one short line a person can read.
    assert all(len(line) < 400 for line in errors)

    url = f"sqlite:///{db}"
    assert problems(url) == []
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = set(connection.execute(text("SELECT title FROM documents")).scalars())
    engine.dispose()
    assert set(folder.good_titles) <= stored
    assert counts(url)["documents"] == len(folder.good_titles)


def test_special_files_do_not_hang_or_crash(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipe.txt")  # reading a FIFO with no writer would block forever
    (inbox / "ok.txt").write_text(" date 2022-10-07\nFine\n\nHe said it was fine.\n", encoding="utf-8")
    result = run_claimdb(["ingest", str(inbox), "--db", str(tmp_path / "x.db")], timeout=60)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert _error_lines(result.stderr) == [line for line in _error_lines(result.stderr) if "pipe.txt" in line]
    assert len(_error_lines(result.stderr)) == 1
    assert counts(f"sqlite:///{tmp_path / 'x.db'}")["documents"] == 1


def test_non_utf8_file_name_is_reported_or_read_without_crashing(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = os.fsencode(inbox) + b"/bad\xffname.txt"
    with open(name, "wb") as handle:
        handle.write(b" date 2022-10-07\nOdd name\n\nHe said the name was odd.\n")
    result = run_claimdb(["ingest", str(inbox), "--db", str(tmp_path / "x.db")], timeout=60)
    assert_no_traceback(result)
    assert result.returncode in (0, 1)
    assert counts(f"sqlite:///{tmp_path / 'x.db'}")["documents"] == 1
