"""A JSON Lines feed of small invented articles, for tests that ingest many documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def write_feed(folder: Path, count: int, text: Callable[[int], str]) -> Path:
    """Write `count` articles (`id` a0, a1, …; `text(number)` as the body) to `folder`/feed.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / "feed.jsonl"
    records = [
        {"id": f"a{number}", "title": f"Article {number}", "published_at": "2022-10-04", "text": text(number)}
        for number in range(count)
    ]
    feed.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    return feed
