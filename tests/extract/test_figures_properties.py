"""Property tests: find_figures never raises and its spans always point into the text."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdb.extract.figures import find_figures

NEWSY = st.lists(
    st.sampled_from(
        [
            "about",
            "more than",
            "(",
            ")",
            "$",
            "£",
            "€",
            "1,200",
            "3.5",
            "-",
            "to",
            "from",
            "between",
            "and",
            "%",
            "per cent",
            "million",
            "bn",
            "m",
            "km",
            "square",
            "people",
            "rose",
            "fell",
            "twenty-five",
            "a",
            "dozens of",
            "2019",
            "March",
            "10:30",
            "or",
            "1/2",
            "minus",
            "year-old",
            "\u200f",
            "\x00",
            "«",
            "»",
            "“",
            "\n",
            " ",
        ]
    ),
    max_size=40,
).map(" ".join)


def check(text: str) -> None:
    for figure in find_figures(text):
        assert 0 <= figure.start <= figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.surface
        assert figure.value is None or figure.value == figure.value  # never NaN
        assert figure.qualifier in ("exact", "approx", "more_than", "less_than", "increase", "decrease", "vague")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode_text(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_newsy_fragments(text: str) -> None:
    check(text)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="0123456789,.-/ %$£kmb", max_size=200))
def test_digit_soup(text: str) -> None:
    check(text)


def test_large_input_is_linear() -> None:
    chunk = "Prices rose 3.5% to $1,200 from 2019 levels, about 40 km away; dozens of homes. "
    text = chunk * 12_000  # about 1 MB
    began = time.perf_counter()
    figures = find_figures(text)
    elapsed = time.perf_counter() - began
    assert len(figures) >= 12_000 * 3
    assert elapsed < 30
    check(text[:5000])


def test_odd_inputs() -> None:
    for text in ["", "\x00", "9" * 5000, "1" + ",000" * 3000, "." * 10_000, "-" * 1000 + "5", "½", "¼ mile"]:
        check(text)
