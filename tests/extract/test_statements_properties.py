"""Any input: extraction never raises, spans stay inside the text, content equals the text at its span."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdb.extract import extract_statements
from claimdb.extract.serialize import statement_record

NEWSY = st.sampled_from(
    [
        " said ",
        " told reporters ",
        "According to ",
        ", he said.",
        '"',
        "\u201c",
        "\u201d",
        "''",
        "\n\n",
        "Mr. Smith",
        " the minister ",
        "'s claim to ",
        " that ",
        ". ",
        ":",
        "\u2014 ",
        "on Friday",
        "\x00",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u202e",
        "\u4e2d\u6587",
        " (",
        ") ",
    ]
)
TEXT = st.one_of(st.text(), st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=60).map("".join))


def _check(text: str, published: date | None = None) -> None:
    for s in extract_statements(text, published):
        assert 0 <= s.content_span.start < s.content_span.end <= len(text)
        assert text[s.content_span.start : s.content_span.end] == s.content
        for span in (s.speaker.span, s.cue_span):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
        for f in s.figures:
            assert s.content_span.start <= f.start <= f.end <= s.content_span.end
        if s.content_parts:
            # pieces are ordered, disjoint, inside the covering span, which they start and end
            assert s.content_parts[0].start == s.content_span.start
            assert s.content_parts[-1].end == s.content_span.end
            for left, right in zip(s.content_parts, s.content_parts[1:], strict=False):
                assert left.start < left.end <= right.start < right.end
        statement_record("d", s)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), st.dates()))
def test_any_text_never_raises_and_spans_hold(text: str, published: date | None) -> None:
    _check(text, published)


# Whole words of news text, joined by spaces: random runs of them reach the attribution rules far more often
# than random characters do (a run of commas after an opening phrase once raised IndexError)
WORDS = st.sampled_from(
    "At In As When Asked whether an event Ames Iowa on Sunday late Friday , , . ; : — -- - ( ) “ ” ' '' ? ! said told "
    "reporters according to the ministry Aides Trump He's She’s they've argued Rebuking Against Los Angeles-area "
    "Sanders Research research suggests that is expected cost $1.6 billion Trustee Lynn Scott named after view put "
    "it Chad's Ambassador France confirmed Mr. Obama advisers say One five Del. continues adding who which Theresa "
    "May April Ryan June Carter weighed from Ottawa his campaign Jan Brewer Indiana Gov. Neither Democrat Team Fox "
    "News’ Sean King Whip National Committee a super PAC Adm. FULL TEXT Judicial Watch PHILADELPHIA, July 25 (UPI) "
    "back Holding signs calling emailed supporters saying found itself has seen both all among those signed "
    "appeared responded by attacks support for show TV JAKE TAPPER: Finally however at time (D-R.I.) Black Lives "
    "Matter approved resolution while "
    "\n\n".split(" ")
)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join))
def test_any_run_of_news_words_never_raises(text: str) -> None:
    _check(text)


def test_commas_in_a_row_after_an_opening_phrase() -> None:
    _check(
        "in \u201c ' In Los Lynn reporters Scott May Sanders Lynn Obama five it France One , , after , argued billion"
    )


def test_empty_and_whitespace() -> None:
    assert extract_statements("") == []
    assert extract_statements(" \n\n\t") == []


def test_one_megabyte() -> None:
    paragraph = 'Officials said the dam held. "It will hold," Mr. Smith said on Friday, "for now.\n\n'
    text = paragraph * (1_000_000 // len(paragraph))
    _check(text, date(2024, 1, 5))


def test_nul_bytes_rtl_and_unbalanced() -> None:
    _check('\x00"\u202eHe said \u201cunbalanced\x00 \u05e9\u05dc\u05d5\u05dd, she said. "\n\n\u201d\u201d')
