"""General figure patterns, each on several invented sentences (session 6): unit vocabulary in the NewsQuant/CQE
names, scale words, hyphen compounds, ranges after change verbs, scores, bracketed conversions, ages, codes."""

from __future__ import annotations

import pytest

from claimdb.extract.figures import find_figures
from tests.extract.figurecases import only, summary


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # currency codes and names written after or before the number
        ("The fine came to SEK 500 million in the end.", 5e8, "swedish krone"),
        ("A night in the chalet costs CHF 250.", 250, "swiss franc"),
        ("The museum ticket is 25 Swiss francs.", 25, "swiss franc"),
        ("The studio paid 1.2 million pesos for the rights.", 1.2e6, "mexican peso"),
        ("Rent rose to 3,000 reais a month.", 3000, "brazilian real per month"),
        ("The levy raises 40 billion forints a year.", 4e10, "hungarian forint per year"),
        ("The bridge cost 2 billion zlotys.", 2e9, "polish złoty"),
        ("The loan totals NOK 800 million.", 8e8, "norwegian krone"),
        ("A coffee there costs 15,000 rupiah.", 15000, "indonesian rupiah"),
        ("Wages start at KSh 20,000.", 20000, "kenyan shilling"),
        ("The bail was set at 300,000 rupees.", 300000, "rupee"),
        ("Stamps went up to 85 pence.", 85, "penny"),
        # scale words
        ("The scheme is worth Rs 1.2 lakh crore.", 1.2e12, "rupee"),
        ("The state borrowed 5,000 crore rupees.", 5e10, "rupee"),
        ("There were 1.3m more people in work.", 1.3e6, "people"),
        # measurement vocabulary
        ("The galaxy lies 12 light-years away.", 12, "light-year"),
        ("The car does 45 mpg on the motorway.", 45, "mile per gallon"),
        ("The burger has 900 kcal in it.", 900, "kilocalorie"),
        ("The engine produces 250 bhp at the top.", 250, "brake horsepower"),
        ("Gas traded at 3.2 million Btu per day.", 3.2e6, "british thermal unit per day"),
        ("The field holds 300 million barrels of oil.", 3e8, "barrel of oil"),
        ("The refinery handles 200,000 bpd these days.", 200000, "barrel per day"),
        ("The blast equalled 15 kilotons of TNT.", 15, "kiloton"),
        ("The diamond weighs 20 carats.", 20, "carat"),
        ("The archive holds 2 petabytes of video.", 2, "petabyte"),
        ("Pressure fell to 960 millibars overnight.", 960, "millibar"),
        ("The loft covers 40 square yards.", 40, "square yard"),
        ("The chip reacts within 5 milliseconds.", 5, "millisecond"),
        # metres, not millions
        ("The tower is 300m tall.", 300, "metre"),
        ("She won the 400m hurdles.", 400, "metre"),
    ],
)
def test_vocabulary_and_scales(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


def test_scaled_values_have_no_binary_noise() -> None:
    assert only("The population grew to 8.3 million.").value == 8300000.0
    assert only("Sales reached $4.1bn.").value == 4100000000.0


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The firm moved into a 5,000-square-foot office.", 5000, "square foot"),
        ("The committee released a 300-page report.", 300, "page"),
        ("They rented a 3-bedroom flat in town.", 3, "bedroom"),
        ("It was a 40-member delegation.", 40, "member"),
        ("The 12-storey block was evacuated.", 12, "storey"),
    ],
)
def test_hyphen_compound_noun_is_the_unit(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert figure.value == value
    assert figure.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Two-thirds of respondents agreed.",
        "A 12-strong squad travelled to Lisbon.",
    ],
)
def test_hyphen_words_that_are_not_units(text: str) -> None:
    assert all(f.unit not in ("third", "strong") for f in find_figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "The phone maker said its Galaxy 12 sold 100 million units.",
        "The iPhone 12 sold 100 million units.",
    ],
)
def test_counted_noun_never_swallows_a_second_number(text: str) -> None:
    assert summary(text) == [(1e8, None, "unit", "exact")]


def test_model_numbers_inside_a_counted_noun_are_kept() -> None:
    assert summary("The carrier grounded two new 320 Neo jets.") == [(2, None, "new 320 Neo jet", "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The region lost 10,000 to 15,000 jobs.", (10000, 15000, "job", "decrease")),
        ("The chain added 200 to 300 stores.", (200, 300, "store", "increase")),
        ("Prices rose 5-10% last year.", (5, 10, "percentage", "increase")),
    ],
)
def test_range_after_a_change_verb(text: str, expected: tuple[float, float, str, str]) -> None:
    assert summary(text) == [expected]


def test_change_then_level_is_still_two_figures() -> None:
    expected = [(2, None, "percentage", "decrease"), (13176, None, None, "exact")]
    assert summary("The index fell 2% to 13,176.") == expected
    assert summary("Shares fell 12 to 340 pence.") == [(12, None, None, "decrease"), (340, None, "penny", "exact")]


@pytest.mark.parametrize(
    "text",
    [
        "The derby ended 2-2 after extra time.",
        "The rivals drew 1-1 on Sunday.",
        "The founders split the profit 50-50.",
    ],
)
def test_equal_scores_are_not_ranges(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        ("The beam held less than 9 ksi (62 MPa) in the test.", ["less_than", "less_than"]),
        ("The index fell 45 points (0.6%) on Friday.", ["decrease", "decrease"]),
        ("Nearly 3 miles (4.8 km) of road were closed.", ["approx", "approx"]),
        ("The bag weighs 2 kg (4.4 lb).", ["exact", "exact"]),
    ],
)
def test_bracketed_conversion_shares_the_qualifier(text: str, qualifiers: list[str]) -> None:
    assert [f.qualifier for f in find_figures(text)] == qualifiers


@pytest.mark.parametrize(
    "text",
    [
        "Investors waited in the lead-up to 5G networks.",
        "Spending jumped in the run-up to 2030 targets.",
        "Prices were flat in the build-up to 40 new launches.",
    ],
)
def test_lead_up_to_is_not_an_upper_bound(text: str) -> None:
    assert all(f.qualifier != "less_than" for f in find_figures(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The poll has a margin of error of plus or minus 3 percentage points.", 3),
        ("The survey is accurate to plus or minus 2.5 points.", 2.5),
    ],
)
def test_plus_or_minus_is_not_negative(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Homes in the 90210 ZIP code sold fast.",
        "Prices in the 10001 zip code rose.",
    ],
)
def test_zip_codes_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She has lived alone since age 14.",
        "He started coding at age 9.",
    ],
)
def test_age_after_the_word_age(text: str) -> None:
    assert only(text).unit == "year of age"


@pytest.mark.parametrize(
    "text",
    [
        "It comes down to 1) turnout and 2) money.",
        "Intro paragraph.\n\n3. Voters are tired of the race.",
        "Intro paragraph.\n\n7 Things The Senator Said On Tuesday\n\nMore text.",
        "Intro paragraph.\n\n9 (More) Reasons To Vote\n\nMore text.",
    ],
)
def test_list_numbers_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro paragraph.\n\n12 people died in the crash.", [(12, None, "people", "exact")]),
        ("Intro paragraph.\n\n40 Democrats voted against it.", [(40, None, "Democrat", "exact")]),
        ("The average age (63) was high.", [(63, None, None, "exact")]),
    ],
)
def test_counts_at_a_line_start_are_figures(text: str, expected: list[tuple[float, None, str | None, str]]) -> None:
    assert summary(text) == expected


def test_digit_after_a_decomposed_letter_is_not_a_number() -> None:
    assert find_figures("A group tied to GA\u03031\u20444len met.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Posted by a moderatorFeaturedFebruary 6, 2016 at noon.",
        "Intro paragraph.\n\n4\nThe Senator Explains Himself",
        "The meeting runs between 10-11 a.m. on Friday.",
        "The coach swears by a 4-3-3 formation.",
    ],
)
def test_glued_dates_line_numbers_time_ranges_and_codes(text: str) -> None:
    assert find_figures(text) == []


def test_spaced_em_dash_is_not_a_range() -> None:
    text = "Nearly four in 10 — 38 percent — said they could change their minds."
    assert [(f.value, f.value_max) for f in find_figures(text)] == [(10, None), (38, None)]
    assert summary("Rents rose 5–10% in the city.") == [(5, 10, "percentage", "increase")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The scheme offers 120 flats for sale and 80 for rent.", "flat"),
        ("Thieves took 300 bikes this spring, compared with 120 a year ago.", "bike"),
        ("The club cut 36 holes to 18 last year.", "hole"),
        ("Police added 160 officers, up from 90 last year.", "officer"),
        ("Two people died and more than 20 were hurt.", "people"),
        ("Gold rose $12 to 1,850 on Monday.", "dollar"),
    ],
)
def test_bare_number_continues_the_unit_before(text: str, unit: str) -> None:
    assert find_figures(text)[-1].unit == unit


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Another eight states, with 83 in all, are split.", "83"),  # "with" alone links nothing
        ("There are 500 adoptees younger than 18 in the study.", "18"),  # an age, not more adoptees
        ("Prices rose 3% to 13176 on Friday.", "13176"),  # a percentage never carries over
        ("It sold 2 billion shekels ($590 million) and 71 million in bonds.", "71 million"),  # not across a bracket
        ("The panel meets in Ohio on July 8 and 9 with 40 members.", "9"),  # a date breaks the chain
    ],
)
def test_bare_number_does_not_borrow_a_unit(text: str, surface: str) -> None:
    units = {f.surface: f.unit for f in find_figures(text)}
    assert surface in units
    assert units[surface] is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The app has 2.7m combined paid and free downloads.", "paid free download"),
        ("She won 175 additional delegates on Tuesday.", "delegate"),
        ("The grid needs 20 reasonably large gas plants.", "gas plant"),
        ("Pollsters visited 35 randomly selected precincts.", "precinct"),
        ("The poll reached 800 likely Republican voters.", "likely Republican voter"),
        ("The service has 320 million monthly active users.", "monthly active user"),
    ],
)
def test_counted_noun_drops_sizing_modifiers(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The rate was cut to 3% in June.", "decrease"),
        ("The town's population grew to 8.3 million.", "increase"),
        ("Exports jumped to $4bn in May.", "increase"),
        ("The final bill will be in the region of £3bn.", "approx"),
        ("Errors are on the order of 5 millimetres.", "approx"),
        ("Growth is seen inching back up to 2.4 percent.", "less_than"),  # "up to" stays an upper bound
        ("The plant will create up to 900 jobs.", "less_than"),
    ],
)
def test_level_reached_by_a_change_and_approximations(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Profits fell 12pc in the quarter.", 12, "percentage"),
        ("The miner earned $US5 million last year.", 5e6, "dollar"),
    ],
)
def test_more_percent_and_currency_forms(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Call 0800 123 4567 for help.",
        "Ring 020 7946 0958 after six.",
        "The iPhone 15 Pro went on sale.",
        "Phase 3 trials began in May.",
    ],
)
def test_spaced_phone_numbers_and_model_names(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurses work 35-plus hours a week.", (35, None, "hour per week", "more_than")),
        ("The alliance has 50+ member countries.", (50, None, "member country", "more_than")),
        ("The poll covered voters between the ages of 18 and 29.", (18, 29, "year of age", "exact")),
        ("Children ages 3 to 17 were screened.", (3, 17, "year of age", "exact")),
    ],
)
def test_plus_forms_and_age_ranges(text: str, expected: tuple[float, float | None, str, str]) -> None:
    assert summary(text) == [expected]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The studio released 12 movies last year.", "movie"),
        ("Patients reported 40 headaches.", "headache"),
        ("The lab tested 30 gases.", "gas"),
        ("Crews watched 3 volcanoes.", "volcano"),
        ("The fund owns 14 businesses.", "business"),
        ("The city has 90 churches.", "church"),
        ("The council approved 25 companies.", "company"),
    ],
)
def test_plural_to_singular(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The chain will close 400 of its stores.", (400, "store")),
        ("Police questioned 12 of the protesters.", (12, "protester")),
        ("Kasich won all 66 of the state's delegates.", (66, "delegate")),
        ("Two of the suspects fled on foot.", (2, "suspect")),
        ("She took four of the six seats.", (4, "seat")),
    ],
)
def test_counted_noun_after_of_the(text: str, expected: tuple[float, str]) -> None:
    first = find_figures(text)[0]
    assert (first.value, first.unit) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("VERIZON TO BUY YAHOO FOR $4.83 BILLION", 4.83e9, "dollar"),
        ("Apple Pays $3 Billion For Beats", 3e9, "dollar"),
        ("THOUSANDS MARCH AS 90 MILLION PEOPLE WATCH", 9e7, "people"),
        ("Firm Cuts 1,200 Jobs After Merger", 1200, "Job"),
        ("Boasting 108,000 residents, the county matters.", 108000, "resident"),
    ],
)
def test_capitalised_scale_words_and_headlines(text: str, value: float, unit: str) -> None:
    figure = [f for f in find_figures(text) if f.value is not None][-1]
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text", ["The S&P 500 rose on Monday.", "Boeing 737 jets were grounded.", "The Fortune 500 list."]
)
def test_names_with_numbers_stay_names(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("He pardoned the general and 1,700 other prisoners.", "prisoner"),
        ("Five other people were hurt.", "people"),
    ],
)
def test_other_before_a_counted_noun(text: str, unit: str) -> None:
    assert find_figures(text)[-1].unit == unit


def test_bill_numbers_are_not_figures() -> None:
    assert find_figures("The bill, H.R. 420, stalled.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The office was split into two smaller suites.", "small suite"),
        ("The chain runs 300 larger stores.", "large store"),
        ("Storms felled the 40 oldest trees.", "old tree"),
    ],
)
def test_comparative_modifiers_take_their_base_form(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A quarter of a million homes lost power.", 250000, "home"),
        ("Three-quarters of a billion dollars vanished.", 7.5e8, "dollar"),
        ("Half a million people marched.", 500000, "people"),
    ],
)
def test_fractions_of_a_scale_word(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_n_of_m_shares_the_unit_and_of_them_borrows_it() -> None:
    assert [f.unit for f in find_figures("The team won 3 of 5 races.")] == ["race", "race"]
    assert [f.unit for f in find_figures("The mill employs 800 people, 300 of them in Leeds.")] == ["people", "people"]


def test_model_numbers_with_a_hyphen_are_not_ranges() -> None:
    assert find_figures("The new 787-9 Dreamliner flew on Monday.") == []
    assert summary("The vote was 5-4 Tuesday.") == [(5, 4, None, "exact")]


@pytest.mark.parametrize("text", ["He moved to Leeds in '98 and stayed.", "Music from the ’80s is back."])
def test_short_years_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_quoted_figure_after_an_apostrophe_is_kept() -> None:
    assert summary("He said '98 percent' of them agreed.") == [(98, None, "percentage", "exact")]


def test_spaced_vulgar_fraction_and_case_numbers_and_bare_age() -> None:
    assert summary("He survived 5 ½ years in prison.") == [(5.5, None, "year", "exact")]
    assert find_figures("The case, No. 14-915, was heard in May.") == []
    assert summary("Children under age 14 were hurt.") == [(14, None, "year of age", "exact")]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("How would you round up 11 million people?", "exact"),
        ("The firm shut down 40 plants last year.", "exact"),
        ("The county racked up 300 cases.", "exact"),
        ("Shares were up 19 cents.", "increase"),
        ("The index ended down 1% on Friday.", "decrease"),
    ],
)
def test_phrasal_up_and_down_are_not_changes(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


def test_vague_quantity_needs_a_real_noun() -> None:
    text = "The war led to hundreds of thousands or maybe millions of refugees."
    assert all(f.unit != "thousand" for f in find_figures(text))
