"""Saved web pages in: article text and metadata via trafilatura, and a clear error when it is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from interchange_sample import FILES

from claimdb.errors import InputError
from claimdb.readers import Document, read_inputs

PAGE = FILES / "kyiv-ledger-reznikov.html"


def _read(*paths: Path | str) -> list[Document | InputError]:
    return list(read_inputs([str(path) for path in paths]))


def test_news_page_becomes_an_article() -> None:
    [document] = _read(PAGE)
    assert isinstance(document, Document)
    assert document.title == "Reznikov urges Russian troops to lay down arms"
    assert str(document.published_on) == "2022-10-07"
    assert document.source == "The Kyiv Ledger"
    assert (
        document.url == "https://www.kyivledger.example/world/2022/10/07/reznikov-urges-russian-troops-to-lay-down-arms"
    )
    text = document.text
    assert '"You have been deceived and betrayed" by the Kremlin, Reznikov said.' in text
    assert "more than 500 square kilometres have been liberated" in text
    # Site furniture is left out: menus, cookie banner, related links, ads, newsletter, comments, footer.
    for furniture in ("Subscribe", "cookies", "Read more", "Advertisement", "morning briefing", "Great reporting", "©"):
        assert furniture not in text, furniture
    # Paragraphs are separated by blank lines, and the headline is not repeated as the first paragraph.
    assert "\n\n" in text and not text.startswith(document.title)


def test_author_is_extracted() -> None:
    from claimdb.readers.html import extract_article

    article = extract_article(PAGE.read_bytes(), str(PAGE))
    assert article.author == "Marta Kovalenko"


def test_htm_extension_and_directories(tmp_path: Path) -> None:
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "story.htm").write_bytes(PAGE.read_bytes())
    (tmp_path / "saved" / "notes.txt").write_text(" date 2022-10-08\nA title\n\nA body.\n", encoding="utf-8")
    documents = _read(tmp_path / "saved")
    assert [type(item).__name__ for item in documents] == ["Document", "Document"]
    assert documents[1].title == "Reznikov urges Russian troops to lay down arms"  # type: ignore[union-attr]


def test_latin1_page_declared_in_meta(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Café politics</title></head><body><article>'
        "<h1>Café politics</h1><p>The mayor said the café on the corner would stay open, "
        "whatever the council decided about the square next year.</p><p>Her rival said the opposite "
        "at a meeting on Tuesday, according to people who were there.</p></article></body></html>"
    )
    page.write_bytes(html.encode("latin-1"))
    [document] = _read(page)
    assert isinstance(document, Document)
    assert "the café on the corner" in document.text


def test_page_without_article_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    form = tmp_path / "login.html"
    form.write_text("<html><body><form><input name=user><button>Log in</button></form></body></html>", encoding="utf-8")
    problems = _read(empty, form, PAGE)
    assert [type(item).__name__ for item in problems] == ["InputError", "InputError", "Document"]
    assert str(problems[0]) == f"{empty}: file is empty"
    assert "no article text found" in str(problems[1])


def test_missing_trafilatura_is_one_clear_error_per_file(tmp_path: Path) -> None:
    # A real interpreter in which trafilatura cannot be imported (as when the extra is not installed).
    second = tmp_path / "second.html"
    second.write_bytes(PAGE.read_bytes())
    script = (
        "import sys; sys.modules['trafilatura'] = None\n"
        "from claimdb.readers import read_inputs\n"
        "for item in read_inputs(sys.argv[1:]): print(type(item).__name__, item)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(PAGE), str(second)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line, path in zip(lines, (PAGE, second), strict=True):
        assert line.startswith(f"InputError {path}: reading HTML needs the html extra")
        assert line.endswith("install it with: pip install 'claimdb[html]'")
