"""Regression tests for figure extraction, on invented sentences (not taken from any evaluation set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdb.extract.figures import find_figures
from tests.extract.figurecases import only, summary

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_aeb2da9c072e547c.txt"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The council approved a £3bn plan for the port.", 3e9, "pound sterling"),
        ("Investors put $1.2 million into the venture.", 1.2e6, "dollar"),
        ("Turnout reached 20% in the north.", 20, "percentage"),
        ("The park covers 500 square kilometres of wetland.", 500, "square kilometre"),
        ("The lake is 12 km long.", 12, "kilometre"),
        ("Winds reached 95mph overnight.", 95, "mile per hour"),
        ("The ferry carries 300 people a day.", 300, "people per day"),
        ("The plant will cut 250 jobs next spring.", 250, "job"),
        ("Police impounded 41 vehicles on the bridge.", 41, "vehicle"),
        ("The index closed 35 points higher.", 35, "point"),
        ("Rents are €1,450 in the old town.", 1450, "euro"),
        ("The loan carries a 75 basis point premium.", 75, "basis point"),
        ("The tank holds 40 litres of water.", 40, "litre"),
        ("The mayor, a 58-year-old lawyer, resigned.", 58, "year of age"),
        ("The charger delivers 65W over one cable.", 65, "watt"),
        ("The farm spans 1,200 hectares near the coast.", 1200, "hectare"),
        ("Crude traded at $81 a barrel.", 81, "dollar per barrel"),
        ("The pipeline moves 90,000 barrels per day.", 90000, "barrel per day"),
        ("The town lies 40 miles north of the border.", 40, "mile"),
        ("The flats start at 45 sq m each.", 45, "square metre"),
        ("The ore grade is 3.2 grams per tonne.", 3.2, "gram per metric ton"),
        ("Retail sales grew twenty-five percent in a decade.", 25, "percentage"),
        ("The festival drew twelve thousand visitors.", 12000, "visitor"),
        ("The charity raised a million pounds last winter.", 1e6, "pound sterling"),
        ("Output reached 4.5m tonnes of steel.", 4.5e6, "metric ton"),
        ("The bakery needs 1/2 pound of butter.", 0.5, "pound-mass"),
        ("The market is worth 900 billion yen.", 9e11, "japanese yen"),
        ("Her pension is Rs 12,000 per month.", 12000, "rupee per month"),  # "Rs" names no country
    ],
)
def test_value_and_unit(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The strike lasted around 20 days.", "approx"),
        ("About 300 homes lost power.", "approx"),
        ("Nearly 40% of the budget went on salaries.", "approx"),
        ("Some 2,000 runners took part.", "approx"),
        ("Roughly 80 km of track was rebuilt.", "approx"),
        ("More than 600 flights were cancelled.", "more_than"),
        ("The glacier shrank over 30 metres.", "more_than"),
        ("Temperatures stayed above 35 degrees.", "more_than"),
        ("At least 14 ministers signed the letter.", "more_than"),
        ("Fewer than 50 seats remain.", "less_than"),
        ("Children under 12 years travel free.", "less_than"),
        ("The scheme will create up to 900 jobs.", "less_than"),
        ("Inflation held at just under 3 percent.", "less_than"),
        ("No more than 10 people may enter.", "less_than"),
        ("The pound rose 0.3% against the euro.", "increase"),
        ("The shares were up 19 cents in early trade.", "increase"),
        ("Exports fell 2.5 percent in March.", "decrease"),
        ("The index was down 112 points at the close.", "decrease"),
        ("Fares will rise by 4 per cent in January.", "increase"),
        ("The firm cut its forecast by 8 percent.", "decrease"),
        ("The plan costs $40 million.", "exact"),
    ],
)
def test_qualifier(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


def test_parenthesis_between_qualifier_and_number() -> None:
    figure = only("Officials said more than (700 square kilometres) had burned.")
    assert (figure.value, figure.unit, figure.qualifier) == (700, "square kilometre", "more_than")
    assert figure.surface == "700 square kilometres"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tickets cost between 30 and 45 euros.", (30, 45, "euro", "exact")),
        ("The trip takes 3-5 hours by coach.", (3, 5, "hour", "exact")),
        ("Bitcoin fell from $31,200 to $29,850 overnight.", (31200, 29850, "dollar", "decrease")),
        ("Membership grew from 1,100 to 1,700 members.", (1100, 1700, "member", "increase")),
        ("The fine could be $2 million to $6 million.", (2e6, 6e6, "dollar", "exact")),
        ("Estimates range from 2 to 4 thousand people.", (2000, 4000, "people", "exact")),
        ("Rates went from 5 per cent to 5.5 per cent.", (5, 5.5, "percentage", "exact")),
        ("The car goes from 0-to-100-km/h in six seconds.", (0, 100, "kilometre per hour", "exact")),
        ("Unemployment eased to 4.1% from 4.4% a month earlier.", (4.4, 4.1, "percentage", "decrease")),
    ],
)
def test_ranges(text: str, expected: tuple[float, float, str, str]) -> None:
    first = find_figures(text)[0]
    assert (first.value, first.value_max, first.unit, first.qualifier) == expected
    assert text[first.start : first.end] == first.surface


def test_change_and_level_are_two_figures() -> None:
    assert summary("The index rose 1.2% to 7,430 points.") == [
        (1.2, None, "percentage", "increase"),
        (7430, None, "point", "exact"),
    ]


def test_or_inherits_the_change() -> None:
    assert summary("The Dow lost 210 points, or 0.7%, on Friday.") == [
        (210, None, "point", "decrease"),
        (0.7, None, "percentage", "decrease"),
    ]


def test_unit_written_once_serves_alternatives() -> None:
    assert summary("Lunch costs seven or eight euros.") == [
        (7, None, "euro", "exact"),
        (8, None, "euro", "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Dozens of homes were flooded.", "home"),
        ("Hundreds of workers marched on Sunday.", "worker"),
        ("A handful of shops reopened.", "shop"),
        ("The storm cost tens of thousands of dollars in repairs.", "dollar"),
    ],
)
def test_vague_quantities_have_no_value(text: str, unit: str) -> None:
    figure = only(text)
    assert figure.value is None
    assert figure.qualifier == "vague"
    assert figure.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed on March 3, 2019.",
        "The report was published in 2021.",
        "Parliament sits again on 14 September.",
        "The vote is at 10:30 a.m. on Tuesday.",
        "Doors open at 7pm.",
        "She finished 3rd in the final.",
        "Article 5 of the treaty was invoked.",
        "The S&P 500 closed higher.",
        "Call 555-201-7788 for tickets.",
        "Patients with COVID-19 were moved.",
        "The 1990s were a different era.",
        "Stamped 2023-04-18T09:12:00Z by the server.",
        "Read more at https://example.org/story/20231.",
        "He lived there from 2010 to 2015.",
        "The 2021-22 season ended early.",
        "Meet me at 4 o'clock.",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_negative_values() -> None:
    assert summary("Nights fell to minus 12 degrees.")[0][0] == -12
    assert summary("Gas is cooled to minus-160 degrees Celsius.")[0][:3] == (-160, None, "celsius")


def test_multiples() -> None:
    assert summary("Profits grew more than fivefold.") == [(5, None, "count", "more_than")]


def test_spelled_numbers() -> None:
    assert summary("Three ministers resigned.") == [(3, None, "minister", "exact")]
    assert summary("A million people signed the petition.") == [(1e6, None, "people", "exact")]
    assert summary("Twenty-five schools closed.") == [(25, None, "school", "exact")]
    assert summary("The repairs cost half a million dollars.") == [(5e5, None, "dollar", "exact")]
    # A lone small number word is not a figure.
    assert summary("One of them said no.") == []


def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    figures = find_figures(text)
    by_surface = {f.surface: f for f in figures}
    area = by_surface["500 square kilometres"]
    assert (area.value, area.unit, area.qualifier) == (500, "square kilometre", "more_than")
    share = by_surface["20%"]
    assert (share.value, share.unit, share.qualifier) == (20, "percentage", "approx")
    assert text[share.end : share.end + 11] == " of Ukraine"
    towns = by_surface["dozens of towns"]
    assert (towns.value, towns.qualifier) == (None, "vague")
    assert not any(f.value in (6, 2021, 2022) for f in figures)
    for figure in figures:
        assert text[figure.start : figure.end] == figure.surface


def test_deterministic_and_ordered() -> None:
    text = "Sales rose 4% to $2.1bn while costs fell 3% and 1,200 staff left."
    first, second = find_figures(text), find_figures(text)
    assert first == second
    assert [f.start for f in first] == sorted(f.start for f in first)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency will hire 1,500 more agents this year.", (1500.0, None, "agent", "increase")),
        ("The depot now runs 40 fewer buses.", (40.0, None, "bus", "decrease")),
        ("About 2,000 more people left the valley.", (2000.0, None, "people", "approx")),
        ("The ticket costs 500 more than last year.", (500.0, None, None, "exact")),
    ],
)
def test_more_or_fewer_before_a_counted_noun(text: str, expected: tuple[float, None, str | None, str]) -> None:
    assert summary(text) == [expected]
