"""JSON-ready records for `claimdb extract --format jsonl` (the DESIGN.md contract the scorers read)."""

from __future__ import annotations

from typing import Any

from claimdb.extract.types import Figure, Span, Statement


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def figure_record(doc_id: str, f: Figure) -> dict[str, Any]:
    """`{"doc","surface","span","value","value_max","unit","qualifier"}` for one figure."""
    return {
        "doc": doc_id,
        "surface": f.surface,
        "span": [f.start, f.end],
        "value": f.value,
        "value_max": f.value_max,
        "unit": f.unit,
        "qualifier": f.qualifier,
    }


def statement_record(doc_id: str, s: Statement) -> dict[str, Any]:
    """The DESIGN.md statement object: speaker, cue, content with spans, said_on, venue, figures."""
    return {
        "doc": doc_id,
        "kind": s.kind,
        "speaker": s.speaker.name,
        "speaker_span": _span(s.speaker.span),
        "cue": s.cue,
        "cue_span": _span(s.cue_span),
        "content": s.content,
        # several pieces (a quotation interrupted by its attribution) are a list of [s, e] pairs
        "content_span": [[p.start, p.end] for p in s.content_parts]
        if len(s.content_parts) > 1
        else _span(s.content_span),
        "said_on": s.said_on.isoformat() if s.said_on else None,
        "venue": s.venue,
        "figures": [figure_record(doc_id, f) for f in s.figures],
    }
