"""Saved web pages (.html, .htm) to Documents: the article text and metadata, extracted with trafilatura.

trafilatura is the optional extra `claimdb[html]`. It is imported on first use only, so claimdb works without
it; a page read without it becomes one InputError saying how to install it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from claimdb.errors import InputError
from claimdb.readers.decoding import MAX_DOCUMENT_BYTES, ByteStream, read_limited
from claimdb.readers.types import Document

INSTALL_HINT = "pip install 'claimdb[html]'"
# Below this the extractor has found a menu, a form or a teaser, not an article.
MIN_ARTICLE_WORDS = 20


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What a web page says about its article; `author` is kept here as Document has no field for it yet."""

    text: str
    title: str | None
    author: str | None
    published_on: date | None
    url: str | None
    site_name: str | None


def read_html(stream: ByteStream, location: str, head: bytes = b"") -> Iterator[Document | InputError]:
    """A saved web page: one Document with the article's text, title, date, site and url, or one InputError."""
    data = head + read_limited(stream, location, limit=max(0, MAX_DOCUMENT_BYTES - len(head)))
    article = extract_article(data, location)
    yield Document(
        text=article.text,
        location=location,
        title=article.title,
        published_on=article.published_on,
        source=article.site_name,
        url=article.url,
    )


def extract_article(page: bytes | str, location: str) -> HtmlArticle:
    """Run trafilatura on a page (bytes: it detects the charset). Raises InputError if no article is found."""
    if not (page.strip() if isinstance(page, str) else page.strip()):
        raise InputError(location, "file is empty")
    trafilatura = _load_trafilatura(location)
    try:
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as error:  # noqa: BLE001 - the parser's failures must become one message for this file
        raise InputError(location, f"could not parse the HTML ({type(error).__name__}: {error})") from None
    # trafilatura 1.x returns a dict, 2.x a Document object with .as_dict().
    fields: dict[str, Any] = result if isinstance(result, dict) else result.as_dict() if result is not None else {}
    text = _clean(fields.get("text"))
    words = len(text.split()) if text else 0
    if text is None or words < MIN_ARTICLE_WORDS:
        raise InputError(
            location,
            f"no article text found in the page ({words} words; is it an article, not an index, a form or a "
            "page that needs JavaScript?)",
        )
    url = _clean(fields.get("url"))
    title = _clean(fields.get("title"))
    return HtmlArticle(
        text=_body(text, title),
        title=title,
        author=_clean(fields.get("author")),
        published_on=_parse_date(fields.get("date")),
        url=url,
        site_name=_clean(fields.get("sitename")) or _domain(url),
    )


def _body(text: str, title: str | None) -> str:
    """Paragraphs separated by blank lines (as in the .txt articles), without the headline repeated on top."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and len(paragraphs) > 1 and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _load_trafilatura(location: str) -> Any:
    try:
        import trafilatura
    except ImportError as error:
        # A missing package, or a broken install (e.g. lxml without lxml_html_clean): both need the same fix.
        missing = getattr(error, "name", None) or "trafilatura"
        raise InputError(
            location,
            f"reading HTML needs the html extra ({missing} is not importable); install it with: {INSTALL_HINT}",
        ) from None
    return trafilatura


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    written = value.strip()
    try:
        return date.fromisoformat(written[:10]) if len(written) >= 10 else None
    except ValueError:
        try:
            return datetime.fromisoformat(written).date()
        except ValueError:
            return None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
