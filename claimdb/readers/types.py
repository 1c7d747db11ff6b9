"""The value every reader produces: one article, ready for extraction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: full text plus the metadata the file gave us."""

    text: str
    location: str  # where it came from, for messages: "seeds/a.txt" or "feed.jsonl:12"
    title: str | None = None
    published_on: date | None = None
    source: str | None = None  # outlet name, e.g. "Reuters"
    url: str | None = None
    external_id: str | None = None  # the record's own id (JSONL `id`)

    @property
    def content_sha256(self) -> str:
        """Identity of the content: the same title and text ingested twice is the same document."""
        payload = f"{self.title or ''}\n\x00{self.text}".encode()
        return hashlib.sha256(payload).hexdigest()
