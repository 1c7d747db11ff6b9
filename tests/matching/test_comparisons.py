"""Comparison levels: pure functions, no database."""

from __future__ import annotations

from datetime import date

from claimdb.extract.types import Figure
from claimdb.matching.comparisons import (
    compare_claimant,
    compare_dates,
    compare_figures,
    compare_polarity,
    compare_text,
    content_word_count,
    core_text,
)
from claimdb.matching.figures import figures_in, normalize_unit
from claimdb.matching.settings import DEFAULT_SETTINGS as S
from claimdb.matching.text import clean_post, split_camel_case


def fig(value: float, unit: str | None, qualifier: str = "exact") -> Figure:
    return Figure(f"{value} {unit}", 0, 1, value, None, unit, qualifier)  # type: ignore[arg-type]


def test_changed_figure_is_labelled_with_both_values() -> None:
    level = compare_figures((fig(600, "square kilometre"),), (fig(500, "square kilometre", "more_than"),), S)
    assert level.level == "changed"
    assert level.label == "figures differ: more than 500 square kilometre -> 600 square kilometre"


def test_same_figure_within_tolerance_and_unit_synonyms() -> None:
    assert compare_figures((fig(20.0, "%"),), (fig(20.05, "percentage", "approx"),), S).level == "same"
    assert normalize_unit("km²") == "square kilometre"
    assert normalize_unit("per cent") == "percentage"


def test_figures_missing_none_and_incomparable() -> None:
    assert compare_figures((fig(5, "dollar"),), (), S).level == "missing"
    assert compare_figures((), (), S).level == "none"
    assert compare_figures((fig(5, "dollar"),), (fig(5, "people"),), S).level == "incomparable"


def test_fallback_reader_sees_numbers_extraction_missed() -> None:
    level = compare_figures((), (), S, new_text="Inflation hit 5.1% in May", claim_text="Inflation hit 4.1% in May")
    assert level.level == "changed"
    assert "4.1%" in level.label and "5.1%" in level.label


def test_fallback_reader_scales_and_skips_years() -> None:
    found = figures_in("In 2019 the fund lent $2.5 billion to more than 1,200 firms")
    assert [(f.value, f.unit, f.qualifier) for f in found] == [
        (2.5e9, "dollar", "exact"),
        (1200.0, None, "more_than"),
    ]


def test_fallback_reader_needs_a_digit_of_any_script() -> None:
    assert figures_in("More than half of the territory, some forty percent") == ()
    assert [(f.value, f.unit) for f in figures_in("Prices rose \u0663\u0660% this year")] == [(30.0, "percentage")]


def test_polarity_negation_and_denial_verbs() -> None:
    assert compare_polarity("Russia has not annexed Crimea", "Russia has annexed Crimea").level == "differs"
    assert compare_polarity("The Kremlin denied that it ordered it", "The Kremlin ordered it").level == "differs"
    assert compare_polarity("We didn't shell it and didn't flood it", "They shelled it").level == "differs"
    assert compare_polarity("Nobody was hurt", "No one was hurt, none at all").level == "same"
    assert compare_polarity("Troops advanced", "Troops advanced quickly").level == "same"


def test_text_similarity_ignores_numbers_and_negations() -> None:
    assert core_text("Russia has NOT annexed 20% of Ukraine") == "russia has annexed of ukraine"
    level = compare_text("Inflation reached 4.1% in March", "Inflation reached 5.1% in March", S)
    assert level.score == 100.0 and level.level == "exact"
    assert compare_text("Completely different words here", "Inflation reached 4.1% in March", S).level == "low"


def test_claimant_and_dates() -> None:
    assert compare_claimant(1, 1).level == "same"
    assert compare_claimant(1, 2).level == "different"
    assert compare_claimant(None, 2).level == "unknown"
    day = date(2022, 9, 9)
    assert compare_dates(day, day, day, S).level == "same_day"
    assert compare_dates(date(2022, 9, 20), day, day, S).label == "11 days apart"
    assert compare_dates(None, day, day, S).level == "unknown"


def test_content_words_skip_stop_words() -> None:
    assert content_word_count("We have annexed Crimea for good") == 3  # annexed, crimea, good


def test_clean_post_drops_links_and_signature_date_keeps_names() -> None:
    tweet = (
        "Minecraft is NOT stopping #SaveMinecraft#WW3pic.twitter.com/abc https://t.co/x "
        "\U0001f525 — Helen Z (@HelenAngel) January 2, 2020"
    )
    cleaned = clean_post(tweet)
    assert cleaned == "Minecraft is NOT stopping Save Minecraft WW 3 Helen Z Helen Angel"
    assert split_camel_case("DefundTheCBC") == "Defund The CBC"


def test_names_differ_only_when_each_side_names_something_the_other_lacks() -> None:
    from claimdb.matching.comparisons import compare_names, proper_names

    a = "Nearly 750 square kilometres were liberated in the Voburg region, the general said."
    b = "Nearly 750 square kilometres were liberated in the Maknespol region, the general said."
    level = compare_names(a, b)
    assert (level.level, level.label) == ("differs", "names differ: Voburg / Maknespol")
    # a name the other text writes in lower case or as a possessive, or a name on one side only: no difference
    assert (
        compare_names(
            "The Kremlin says Ukraine’s army retreated", "The kremlin says the army of Ukraine retreated"
        ).level
        == "same"
    )
    assert compare_names("Troops left the Voburg region", "Troops left the region").level == "same"
    # the word opening a sentence is no name: "Nearly", "Troops"
    assert proper_names("Troops left. Nearly all of them went to Voburg.") == frozenset({"voburg"})


def test_names_that_differ_block_joins_and_auto_links() -> None:
    from claimdb.matching.decision import ClaimView, NewStatement, compare, decide

    old = ClaimView(1, "Power has been fully restored to every district of Kharkiv after the strikes on the grid", 3)
    new = NewStatement("Power has been fully restored to every district of Dnipro after the strikes on the grid", 3)
    decision = decide([compare(new, old, S)], S)
    assert decision.join_claim_id is None
    assert [(link.relation, link.status) for link in decision.links] == [("paraphrase", "suggested")]
    assert "names differ: Dnipro / Kharkiv" in decision.links[0].evidence_json
