"""The speed shortcuts of the extractor give exactly what the plain computation gives, on any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdb.extract import dates, figures, speakers, statements
from claimdb.extract.speakers import WORD_RE, Word, words
from claimdb.extract.types import Span, Speaker, Statement

PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "Mr. ",
        "Mrs. Lee",
        "U.S.",
        "Ukraine's",
        "Jones\u2019",
        "rock-'n'-roll",
        "''",
        "\u201c",
        ".",
        ",",
        "said",
        "Oleksiy Reznikov",
        "3.5",
        "\u0130",
        "\u017f",
        "\u212a",
        "on Monday",
        "last night",
        "TODAY",
        "in March 2020",
        "5 May",
        "yeſterday",
        "ton\u0131ght",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)


def _plain_words(text: str, start: int, end: int) -> list[Word]:
    return [
        Word(m.start(), m.end(), m.group(), m.group().lower(), m.group()[:1].isupper())
        for m in WORD_RE.finditer(text, start, end)
    ]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_words_equal_the_regex_tokens_of_any_range(text: str, data: st.DataObject) -> None:
    for _ in range(5):
        start = data.draw(st.integers(0, len(text) + 2))
        end = data.draw(st.integers(start, len(text) + 4))
        assert words(text, start, end) == _plain_words(text, start, end)


def test_words_follow_the_article_they_are_given() -> None:
    first = "Ann Lee said it."
    second = "Bob Stone denied it."
    assert [w.text for w in words(first, 0, 7)] == ["Ann", "Lee"]
    assert [w.text for w in words(second, 0, 9)] == ["Bob", "Stone"]
    assert [w.text for w in words(first, 2, 12)] == ["n", "Lee", "said"]  # a range starting inside a token
    assert [w.text for w in words(second, 0, 7)] == ["Bob", "Sto"]  # a token cut by the end of the range
    assert speakers.words is words


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_the_date_prefilter_never_hides_a_date(frame: str) -> None:
    if dates._DATE_RE.search(frame) is not None:
        assert dates._may_hold_date(frame)


def test_the_date_prefilter_lets_folded_letters_through() -> None:
    assert dates._DATE_RE.search("ton\u0131ght") is not None  # dotless "\u0131" matches "i" when case is ignored
    assert dates._may_hold_date("ton\u0131ght")
    assert not dates._may_hold_date("the minister said")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_trailing_day_prefilter_never_hides_a_day(content: str) -> None:
    if statements._TRAILING_DAY.search(content) is not None:
        assert content.rstrip("\n").endswith(statements._DAY_PHRASE_ENDS)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_claim_pattern_needs_a_possessive(text: str) -> None:
    match = statements._CLAIM_RE.search(text)
    if match is not None:
        assert "'s" in match.group() or "\u2019s" in match.group()


def _statement(start: int, end: int, cue: str) -> Statement:
    speaker = Speaker(None, None, None, "unknown", None, None, "name")
    return Statement(
        kind="indirect",
        content="x",
        content_span=Span(start, end),
        speaker=speaker,
        cue=cue,
        cue_span=None,
        venue=None,
        said_on=None,
        said_on_precision="publication",
        figures=(),
        confidence=0.5,
        content_parts=(),
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6), st.sampled_from(["believe", "said"])), max_size=9))
def test_nested_beliefs_are_dropped_as_a_pairwise_test_would(rows: list[tuple[int, int, str]]) -> None:
    items = [_statement(a, a + n, cue) for a, n, cue in rows]
    spans = [(a, a + n) for a, n, _ in rows]
    kept = statements._drop_nested_beliefs(items)
    if len(items) < 2:
        assert kept == items
        return
    expected = [
        s
        for n, s in enumerate(items)
        if s.cue == "said" or not any(o[0] <= spans[n][0] and spans[n][1] <= o[1] and o != spans[n] for o in spans)
    ]
    assert [id(s) for s in kept] == [id(s) for s in expected]


MID_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\u00a0",
        "\n",
        ".",
        ",",
        "?",
        "!",
        '"',
        "\u201d",
        "\u201c",
        "'",
        "\u2019",
        "Mr.",
        "Mrs.",
        "Dr.",
        "Sen.",
        "rs.",
        "x",
        "Carson",
        "Ann",
        "O'Neill",
        "-",
        "\u2028",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(MID_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_mid_sentence_names_equal_the_pattern(text: str) -> None:
    expected = [m.group(1) for m in speakers._MID_SENTENCE_RE.finditer(text)]
    assert speakers.mid_sentence_names(text) == expected


def test_mid_sentence_names_take_matches_in_turn() -> None:
    # "a Bc D": the pattern consumed "c" with "Bc", so " D" has nothing before it to start a match
    assert speakers.mid_sentence_names("a Bc D") == ["Bc"]
    # "and Mrs" is a match, so "Mrs." cannot start the next one before "Cole"
    text = "\u201cNo,\u201d Carson said. Dr. Lee and Mrs. Cole, too! Ann"
    assert speakers.mid_sentence_names(text) == ["Carson", "Lee", "Mrs"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["a few ", "several ", "dozens of ", "a\u00a0handful of ", "tens of ", "thousands", "dozen ", " "]
            ),
            st.text(max_size=4),
        ),
        max_size=20,
    ).map("".join)
)
def test_every_vague_quantity_holds_a_vague_word(text: str) -> None:
    low = text.lower()
    if figures.VAGUE_LOWER_RE.search(low) is not None:
        assert any(word in low for word in figures._VAGUE_WORDS)


GUARDED = [
    (speakers._WORD_PLAIN_RE, speakers.WORD_RE),
    (speakers._NAME_RUN_PLAIN_RE, speakers._NAME_RUN_RE),
    (dates._DATE_PLAIN_RE, dates._DATE_RE),
    (statements._CLAIM_PLAIN_RE, statements._CLAIM_RE),
    (figures._VAGUE_PLAIN_RE, figures.VAGUE_LOWER_RE),
]
GUARD_PIECES = st.sampled_from(
    [
        "the Kremlin's claim that ",
        "Ukraine\u2019s assertion to ",
        "Mr. Ann de Lee",
        "Sen.\tBo Cole",
        "\u017fince March 2020",
        "ton\u0131ght",
        "TODAY",
        "on 3rd March, 2021",
        "a\u00a0few dozen ",
        "tens of thousands of ",
        "several hundreds of ",
        "''",
        "U.S.",
        " ",
        "\n",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(GUARD_PIECES, st.text(max_size=3)), max_size=25).map("".join))
def test_patterns_with_a_first_character_look_ahead_match_as_before(text: str) -> None:
    for plain, guarded in GUARDED:
        for subject in (text, text.lower()):
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(subject)]
            assert [(m.span(), m.groupdict()) for m in guarded.finditer(subject)] == expected
