"""Where words were said: "in a video", "in his nightly address", "at a press conference", "told Reuters"."""

from __future__ import annotations

import re

_MEDIUM = (
    r"video|statement|interview|address|speech|post|tweet|letter|op-ed|editorial|message|broadcast|"
    r"briefing|podcast|appearance|conversation|call|phone call|email|e-mail|memo|press release|"
    r"news release|essay|column|book|report|testimony|remarks|filing|lawsuit|complaint|radio show|"
    r"show|programme|program|documentary|blog post|blog|note|text message|livestream|sermon"
)
_EVENT = (
    r"press conference|news conference|rally|briefing|event|hearing|summit|meeting|forum|debate|"
    r"town hall|campaign stop|fundraiser|convention|ceremony|luncheon|dinner|session|gathering|"
    r"roundtable|conference"
)
_PLATFORM = (
    r"Twitter|Facebook|Telegram|Instagram|TikTok|YouTube|Truth Social|LinkedIn|Weibo|X|television|"
    r"TV|radio|CNN|MSNBC|Fox News|Fox|NBC|ABC|CBS|NPR|BBC|Sky News|state television|state TV"
)
_DET = r"(?:a|an|the|his|her|their|its|one|this|that|[A-Z][\w.]*[’']s)"
_MODS = r"(?:[\w-]+\s+){0,3}?"

_VENUE_RE = re.compile(
    rf"\b(?:in|during)\s+{_DET}\s+{_MODS}(?:{_MEDIUM})\b(?:\s+with\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}})?"
    rf"|\bat\s+{_DET}\s+{_MODS}(?:{_EVENT})\b"
    rf"|\b(?:on|via)\s+(?:{_PLATFORM})\b"
    r"|\b(?:told|tells|telling)\s+(?:Reuters|reporters|journalists|the\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})"
)


def find_venue(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The first venue phrase in `text[start:end]` and its offset, or None."""
    match = _VENUE_RE.search(text, start, end)
    if match is None:
        return None
    return match.group(), match.start()
